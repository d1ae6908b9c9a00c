//! Message reactions: add, list, delete, answered with the rows of each
//! endpoint's own error table; the rules of their pages are in
//! [`crate::rules`].

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use lark_sdk::im::v1::{
    CreateMessageReactionError as Create, CreateMessageReactionRequest,
    DeleteMessageReactionError as Delete, DeleteMessageReactionRequest, EmojiType,
    ListMessageReactionError as List, ListMessageReactionRequest, ListMessageReactionResponse,
    MessageReaction, OperatorType,
};
use serde::Deserialize;
use serde_json::{Value, json};

use super::paging::Paging;
use super::{Lenient, Reply, endpoint, guard};
use crate::Shared;
use crate::rules::{
    check_message, create_reaction_rules, delete_reaction_rules, list_row, message_reaction,
    operator,
};
use crate::world::{Member, Reaction};

pub fn routes(router: Router<Arc<Shared>>) -> Router<Arc<Shared>> {
    let router = endpoint::<DeleteMessageReactionRequest, _, _>(router, delete);
    let router = endpoint::<CreateMessageReactionRequest, _, _>(router, create);
    endpoint::<ListMessageReactionRequest, _, _>(router, list)
}

/// Releases a key marked as being processed.
struct Processing<'a> {
    shared: &'a Shared,
    key: String,
}

impl<'a> Processing<'a> {
    /// Marks `key`, unless a request holds it already.
    fn take(shared: &'a Shared, key: String) -> Option<Self> {
        // The guard is built only on success: dropping one releases the key.
        let fresh = shared.lock_processing().insert(key.clone());
        fresh.then(|| Self { shared, key })
    }
}

impl Drop for Processing<'_> {
    fn drop(&mut self) {
        self.shared.lock_processing().remove(&self.key);
    }
}

async fn hold(shared: &Shared) {
    let hold = shared.config.processing_time;
    if !hold.is_zero() {
        tokio::time::sleep(hold).await;
    }
}

async fn delete(
    State(shared): State<Arc<Shared>>,
    Path((message_id, reaction_id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Reply {
    let caller = match guard::<DeleteMessageReactionRequest>(
        &shared,
        &headers,
        Reply::spec(Delete::INVALID_AUTH_TYPE),
    )
    .await
    {
        Ok(caller) => caller,
        Err(reply) => return reply,
    };
    let Some(_held) = Processing::take(&shared, format!("reaction:{reaction_id}")) else {
        return Reply::spec(Delete::REQUEST_IN_PROGRESS);
    };
    hold(&shared).await;
    let outcome = {
        let mut world = shared.lock_world();
        delete_reaction_rules(
            &mut world,
            &caller.member,
            &caller.tenant_key,
            &message_id,
            &reaction_id,
        )
    };
    match outcome {
        Ok(reaction) => {
            shared.reaction_event(&reaction, false);
            Reply::ok(message_reaction(&reaction))
        }
        Err(spec) => Reply::spec(spec),
    }
}

#[derive(Deserialize)]
struct CreateBody {
    reaction_type: Option<EmojiBody>,
}

#[derive(Deserialize)]
struct EmojiBody {
    emoji_type: Option<String>,
}

async fn create(
    State(shared): State<Arc<Shared>>,
    Path(message_id): Path<String>,
    headers: HeaderMap,
    Lenient(body): Lenient<Value>,
) -> Reply {
    let caller = match guard::<CreateMessageReactionRequest>(
        &shared,
        &headers,
        Reply::spec(Create::INVALID_AUTH_TYPE),
    )
    .await
    {
        Ok(caller) => caller,
        Err(reply) => return reply,
    };
    let emoji = serde_json::from_value::<CreateBody>(body)
        .ok()
        .and_then(|b| b.reaction_type)
        .and_then(|r| r.emoji_type)
        .unwrap_or_default();
    if EmojiType::from(emoji.as_str()).is_unknown() {
        return Reply::spec(Create::REACTION_TYPE_INVALID);
    }
    let Some(_held) = Processing::take(
        &shared,
        format!("add:{message_id}:{:?}:{emoji}", caller.member),
    ) else {
        return Reply::spec(Create::REQUEST_IN_PROGRESS);
    };
    hold(&shared).await;
    let outcome = {
        let mut world = shared.lock_world();
        create_reaction_rules(
            &mut world,
            &caller.member,
            &caller.tenant_key,
            &message_id,
            &emoji,
        )
    };
    match outcome {
        Ok(reaction) => {
            shared.reaction_event(&reaction, true);
            Reply::ok(message_reaction(&reaction))
        }
        Err(spec) => Reply::spec(spec),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ListQuery {
    reaction_type: Option<String>,
    page_token: Option<String>,
    page_size: Option<String>,
    user_id_type: Option<String>,
}

/// A message's reactions, in pages of up to 50.
const REACTION_PAGES: Paging = Paging::new("rp_", 20, 50);

async fn list(
    State(shared): State<Arc<Shared>>,
    Path(message_id): Path<String>,
    Query(query): Query<ListQuery>,
    headers: HeaderMap,
) -> Reply {
    let caller = match guard::<ListMessageReactionRequest>(
        &shared,
        &headers,
        Reply::spec(List::INVALID_AUTH_TYPE),
    )
    .await
    {
        Ok(caller) => caller,
        Err(reply) => return reply,
    };
    let id_type = query.user_id_type.as_deref().unwrap_or("open_id");
    if !matches!(id_type, "open_id" | "union_id" | "user_id") {
        return Reply::spec(List::INVALID_USER_ID_TYPE);
    }
    let size = match REACTION_PAGES.size(query.page_size.as_deref()) {
        Ok(size) => size,
        Err(why) => {
            return Reply::platform(99_992_402, 400).detail(
                "field_violations",
                json!([{"field": "page_size", "value": query.page_size, "description": why}]),
            );
        }
    };
    let Some(start) = REACTION_PAGES.start(query.page_token.as_deref()) else {
        return Reply::spec(List::INVALID_PAGE_TOKEN);
    };
    if let Some(kind) = &query.reaction_type
        && EmojiType::from(kind.as_str()).is_unknown()
    {
        return Reply::spec(List::REACTION_TYPE_INVALID);
    }
    let endless = shared.lock_faults().endless_page_token.clone();
    let world = shared.lock_world();
    if let Err(denied) = check_message(&world, &caller.member, &caller.tenant_key, &message_id) {
        return Reply::spec(list_row(denied));
    }
    if id_type == "user_id"
        && !world
            .apps
            .get(&caller.grant.app_id)
            .is_some_and(|a| a.scopes.contains("contact:user.employee_id:readonly"))
    {
        return Reply::error(400, 99_991_672, "Access denied. One of the following scopes is required: [contact:user.employee_id:readonly]")
            .detail(
                "permission_violations",
                json!([{"type": "field_scope_required", "subject": "contact:user.employee_id:readonly"}]),
            );
    }
    let mut reactions: Vec<&Reaction> = world
        .reactions
        .values()
        .filter(|r| r.message_id == message_id)
        .filter(|r| {
            query
                .reaction_type
                .as_deref()
                .is_none_or(|k| r.emoji_type == k)
        })
        .collect();
    reactions.sort_by(|a, b| (a.action_time, &a.reaction_id).cmp(&(b.action_time, &b.reaction_id)));
    let items: Vec<MessageReaction> = reactions
        .iter()
        .skip(start)
        .take(size)
        .map(|r| {
            let mut item = message_reaction(r);
            if let Member::User(open_id) = &r.operator
                && let Some(user) = world.users.get(open_id)
            {
                let id = match id_type {
                    "union_id" => user.union_id.clone(),
                    "user_id" => user.user_id.clone(),
                    _ => open_id.clone(),
                };
                item.operator = Some(operator(id, OperatorType::User));
            }
            item
        })
        .collect();
    let next = start + items.len();
    let (has_more, token) = match endless {
        Some(token) if next >= reactions.len() => (true, token),
        _ => (next < reactions.len(), REACTION_PAGES.token(next)),
    };
    let mut page = ListMessageReactionResponse::new();
    page.items = Some(items);
    page.has_more = Some(has_more);
    page.page_token = has_more.then_some(token);
    Reply::ok(page)
}
