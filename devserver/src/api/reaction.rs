//! Message reactions: add, list, delete, with the rules of their pages,
//! answered with the rows of each endpoint's own error table.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use lark_runtime::ErrorSpec;
use lark_sdk::im::v1::{
    CreateMessageReactionError as Create, CreateMessageReactionRequest,
    DeleteMessageReactionError as Delete, DeleteMessageReactionRequest, Emoji, EmojiType,
    ListMessageReactionError as List, ListMessageReactionRequest, ListMessageReactionResponse,
    MessageReaction, Operator, OperatorType,
};
use serde::Deserialize;
use serde_json::{Value, json};

use super::{Lenient, Reply, endpoint, guard};
use crate::Shared;
use crate::world::{ChatKind, Member, Reaction, World};

pub fn routes(router: Router<Arc<Shared>>) -> Router<Arc<Shared>> {
    let router = endpoint::<DeleteMessageReactionRequest, _, _>(router, delete);
    let router = endpoint::<CreateMessageReactionRequest, _, _>(router, create);
    endpoint::<ListMessageReactionRequest, _, _>(router, list)
}

/// Why an operator may not act on a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Denied {
    /// Deleted.
    Deleted,
    /// Missing or recalled.
    NotFound,
    /// The chat is dissolved.
    ChatDissolved,
    /// The chat is archived or missing.
    ChatGone,
    /// A thread removed without a trace.
    ThreadRemoved,
    /// A chat of another tenant.
    OtherTenant,
    /// An external chat the app may not act in.
    External,
    /// A p2p user outside the bot's availability.
    Unavailable,
    /// The operator is not in the chat.
    NotMember,
    /// The message is hidden from the operator.
    Invisible,
    /// The sender blocked the app.
    BlockedByUser,
    /// The tenant administrator restricts the sender.
    BlockedByAdmin,
}

/// The rules every reaction endpoint applies to the message first.
pub fn check_message(
    world: &World,
    operator: &Member,
    tenant_key: &str,
    message_id: &str,
) -> Result<(), Denied> {
    let message = world.messages.get(message_id).ok_or(Denied::NotFound)?;
    if message.deleted {
        return Err(Denied::Deleted);
    }
    if message.recalled {
        return Err(Denied::NotFound);
    }
    let chat = world.chats.get(&message.chat_id).ok_or(Denied::ChatGone)?;
    if chat.dissolved {
        return Err(Denied::ChatDissolved);
    }
    if chat.archived {
        return Err(Denied::ChatGone);
    }
    if message.thread_removed {
        return Err(Denied::ThreadRemoved);
    }
    if chat.tenant_key != tenant_key && !chat.external {
        return Err(Denied::OtherTenant);
    }
    if let Member::App(app_id) = operator {
        let app = world.apps.get(app_id);
        if chat.external && !app.is_some_and(|a| a.external_chats) {
            return Err(Denied::External);
        }
        if chat.kind == ChatKind::P2p {
            let outside = chat.members.iter().any(|m| match m {
                Member::User(u) => app.is_some_and(|a| a.unavailable_users.contains(u)),
                Member::App(_) => false,
            });
            if outside {
                return Err(Denied::Unavailable);
            }
        }
    }
    if !chat.members.contains(operator) {
        return Err(Denied::NotMember);
    }
    if message.hidden_from.contains(operator) {
        return Err(Denied::Invisible);
    }
    if let (Member::User(sender), Member::App(app_id)) = (&message.sender, operator) {
        if world
            .users
            .get(sender)
            .is_some_and(|u| u.blocked_apps.contains(app_id))
        {
            return Err(Denied::BlockedByUser);
        }
        if world
            .tenants
            .get(&chat.tenant_key)
            .is_some_and(|t| t.restricted_users.contains(sender))
        {
            return Err(Denied::BlockedByAdmin);
        }
    }
    Ok(())
}

/// The delete endpoint's row for a denial.
fn delete_row(denied: Denied) -> ErrorSpec {
    match denied {
        Denied::Deleted => Delete::MESSAGE_DELETED,
        Denied::NotFound => Delete::MESSAGE_NOT_FOUND,
        Denied::ChatDissolved => Delete::CHAT_DISSOLVED,
        Denied::ChatGone => Delete::CHAT_NOT_FOUND,
        Denied::ThreadRemoved => Delete::THREAD_REMOVED,
        Denied::OtherTenant => Delete::NO_MESSAGE_ACCESS,
        Denied::External => Delete::EXTERNAL_CHAT_FORBIDDEN,
        Denied::Unavailable => Delete::BOT_UNAVAILABLE_TO_USER,
        Denied::NotMember => Delete::NO_REACTION_PERMISSION,
        Denied::Invisible => Delete::MESSAGE_INVISIBLE,
        Denied::BlockedByUser => Delete::BLOCKED_BY_USER_SETTINGS,
        Denied::BlockedByAdmin => Delete::BLOCKED_BY_TENANT_ADMIN,
    }
}

/// The add endpoint's row for a denial.
fn create_row(denied: Denied) -> ErrorSpec {
    match denied {
        Denied::Deleted => Create::MESSAGE_DELETED,
        Denied::NotFound => Create::MESSAGE_NOT_FOUND,
        Denied::ChatDissolved => Create::CHAT_DISSOLVED,
        Denied::ChatGone => Create::CHAT_NOT_FOUND,
        Denied::ThreadRemoved => Create::THREAD_REMOVED,
        Denied::OtherTenant => Create::NO_MESSAGE_ACCESS,
        Denied::External => Create::EXTERNAL_CHAT_FORBIDDEN,
        Denied::Unavailable => Create::BOT_UNAVAILABLE_TO_USER,
        Denied::NotMember => Create::NO_REACTION_PERMISSION,
        Denied::Invisible => Create::MESSAGE_INVISIBLE,
        Denied::BlockedByUser => Create::BLOCKED_BY_USER_SETTINGS,
        Denied::BlockedByAdmin => Create::BLOCKED_BY_TENANT_ADMIN,
    }
}

/// The list endpoint's row for a denial (its table is shorter: reading is
/// refused as "no access" or "not found").
fn list_row(denied: Denied) -> ErrorSpec {
    match denied {
        Denied::Deleted => List::MESSAGE_DELETED,
        Denied::NotFound | Denied::ChatDissolved | Denied::ChatGone | Denied::ThreadRemoved => {
            List::MESSAGE_NOT_FOUND
        }
        Denied::Invisible => List::MESSAGE_INVISIBLE,
        _ => List::NO_MESSAGE_ACCESS,
    }
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

/// `page_token`s are `rp_` and the offset of the page's first item.
fn page_start(token: Option<&str>) -> Option<usize> {
    match token.filter(|t| !t.is_empty()) {
        None => Some(0),
        Some(t) => t.strip_prefix("rp_")?.parse().ok(),
    }
}

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
    let size = match query.page_size.as_deref().map(str::parse::<usize>) {
        None => 20,
        Some(Ok(n @ 1..=50)) => n,
        Some(_) => {
            return Reply::platform(99_992_402, 400).detail(
                "field_violations",
                json!([{"field": "page_size", "value": query.page_size, "description": "page_size is from 1 to 50"}]),
            );
        }
    };
    let Some(start) = page_start(query.page_token.as_deref()) else {
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
                item.operator = Some(
                    Operator::new()
                        .operator_id(id)
                        .operator_type(OperatorType::User),
                );
            }
            item
        })
        .collect();
    let next = start + items.len();
    let (has_more, token) = match endless {
        Some(token) if next >= reactions.len() => (true, token),
        _ => (next < reactions.len(), format!("rp_{next}")),
    };
    let mut page = ListMessageReactionResponse::new()
        .items(items)
        .has_more(has_more);
    if has_more {
        page = page.page_token(token);
    }
    Reply::ok(page)
}

/// The response data for a reaction.
pub fn message_reaction(r: &Reaction) -> MessageReaction {
    let (id, kind) = match &r.operator {
        Member::User(open_id) => (open_id.clone(), OperatorType::User),
        Member::App(app_id) => (app_id.clone(), OperatorType::App),
    };
    MessageReaction::new()
        .reaction_id(r.reaction_id.as_str())
        .operator(Operator::new().operator_id(id).operator_type(kind))
        .action_time(r.action_time)
        .reaction_type(Emoji::new(EmojiType::from(r.emoji_type.as_str())))
}

/// The rules of `POST …/messages/:message_id/reactions`; adds the reaction
/// when they all hold.
pub fn create_reaction_rules(
    world: &mut World,
    operator: &Member,
    tenant_key: &str,
    message_id: &str,
    emoji_type: &str,
) -> Result<Reaction, ErrorSpec> {
    check_message(world, operator, tenant_key, message_id).map_err(create_row)?;
    if world.messages.get(message_id).is_some_and(|m| m.system) {
        return Err(Create::UNSUPPORTED_MESSAGE_TYPE);
    }
    world
        .add_reaction(message_id, operator.clone(), emoji_type)
        .map_err(|_| Create::MESSAGE_NOT_FOUND)
}

/// The rules of `DELETE …/messages/:message_id/reactions/:reaction_id` for
/// `operator` acting in `tenant_key`; removes the reaction when they all hold.
pub fn delete_reaction_rules(
    world: &mut World,
    operator: &Member,
    tenant_key: &str,
    message_id: &str,
    reaction_id: &str,
) -> Result<Reaction, ErrorSpec> {
    if !crate::ids::is_reaction_id(reaction_id) {
        return Err(Delete::INVALID_REACTION_ID);
    }
    check_message(world, operator, tenant_key, message_id).map_err(delete_row)?;
    let reaction = world
        .reactions
        .get(reaction_id)
        .ok_or(Delete::INVALID_REACTION_ID)?;
    if reaction.tenant_key != tenant_key {
        return Err(Delete::REACTION_TYPE_INVALID);
    }
    if reaction.message_id != message_id {
        return Err(Delete::REACTION_NOT_ON_MESSAGE);
    }
    if &reaction.operator != operator {
        return Err(Delete::NOT_REACTION_OWNER);
    }
    world
        .reactions
        .remove(reaction_id)
        .ok_or(Delete::INVALID_REACTION_ID)
}

/// The body of a reaction event as one app sees it: the user's `user_id`
/// only when the app has the field's scope.
macro_rules! reaction_event_body {
    ($body:ty, $world:expr, $reaction:expr, $scopes:expr) => {{
        use lark_runtime::event::EventBody;
        let reaction: &Reaction = $reaction;
        let event = <$body>::new()
            .message_id(reaction.message_id.as_str())
            .reaction_type(Emoji::new(EmojiType::from(reaction.emoji_type.as_str())))
            .action_time(lark_runtime::TimestampMs::now());
        match &reaction.operator {
            Member::User(open_id) => {
                let mut ids = lark_sdk::common::UserId::new().open_id(open_id.as_str());
                if let Some(user) = $world.users.get(open_id) {
                    ids = ids.union_id(user.union_id.as_str());
                    let scoped = <$body as EventBody>::FIELD_SCOPES
                        .iter()
                        .filter(|(path, _)| *path == "user_id.user_id")
                        .all(|(_, scopes)| {
                            scopes
                                .iter()
                                .any(|s| $scopes.iter().any(|a: &String| a == s))
                        });
                    if scoped {
                        ids = ids.user_id(user.user_id.as_str());
                    }
                }
                serde_json::to_value(event.operator_type(OperatorType::User).user_id(ids))
            }
            Member::App(app_id) => serde_json::to_value(
                event
                    .operator_type(OperatorType::App)
                    .app_id(app_id.as_str()),
            ),
        }
        .unwrap_or_default()
    }};
}

/// The JSON body of `im.message.reaction.created_v1` or `deleted_v1` for one app.
pub fn reaction_event(
    world: &World,
    reaction: &Reaction,
    created: bool,
    app_scopes: &[String],
) -> (&'static str, Value) {
    use lark_sdk::im::v1::{MessageReactionCreatedV1, MessageReactionDeletedV1};
    if created {
        let body = reaction_event_body!(MessageReactionCreatedV1, world, reaction, app_scopes);
        (MessageReactionCreatedV1::EVENT_TYPE, body)
    } else {
        let body = reaction_event_body!(MessageReactionDeletedV1, world, reaction, app_scopes);
        (MessageReactionDeletedV1::EVENT_TYPE, body)
    }
}
