//! Message reactions: the rules of the seed page, answered with the spec's rows.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use lark_sdk::ErrorSpec;
use lark_sdk::common::UserId;
use lark_sdk::im::v1::{
    DeleteMessageReactionError as E, DeleteMessageReactionRequest, Emoji, EmojiType,
    MessageReaction, MessageReactionDeletedV1, Operator, OperatorType,
};

use super::{Reply, endpoint, guard};
use crate::Shared;
use crate::world::{ChatKind, Member, Reaction, World};

pub fn routes(router: Router<Arc<Shared>>) -> Router<Arc<Shared>> {
    endpoint::<DeleteMessageReactionRequest, _, _>(router, delete)
}

/// Releases a reaction marked as being processed.
struct Processing<'a> {
    shared: &'a Shared,
    reaction_id: String,
}

impl Drop for Processing<'_> {
    fn drop(&mut self) {
        self.shared.lock_processing().remove(&self.reaction_id);
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
        Reply::spec(E::INVALID_AUTH_TYPE),
    )
    .await
    {
        Ok(caller) => caller,
        Err(reply) => return reply,
    };
    if !shared.lock_processing().insert(reaction_id.clone()) {
        return Reply::spec(E::REQUEST_IN_PROGRESS);
    }
    let _processing = Processing {
        shared: &shared,
        reaction_id: reaction_id.clone(),
    };
    let hold = shared.config.processing_time;
    if !hold.is_zero() {
        tokio::time::sleep(hold).await;
    }
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
            shared.reaction_deleted(&reaction);
            Reply::ok(message_reaction(&reaction))
        }
        Err(spec) => Reply::spec(spec),
    }
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

/// Applies the rules of `DELETE …/messages/:message_id/reactions/:reaction_id`
/// for `operator` acting in `tenant_key`; removes the reaction when they all hold.
pub fn delete_reaction_rules(
    world: &mut World,
    operator: &Member,
    tenant_key: &str,
    message_id: &str,
    reaction_id: &str,
) -> Result<Reaction, ErrorSpec> {
    if !crate::ids::is_reaction_id(reaction_id) {
        return Err(E::INVALID_REACTION_ID);
    }
    let message = world.messages.get(message_id).ok_or(E::MESSAGE_NOT_FOUND)?;
    if message.deleted {
        return Err(E::MESSAGE_DELETED);
    }
    if message.recalled {
        return Err(E::MESSAGE_NOT_FOUND);
    }
    let chat = world.chats.get(&message.chat_id).ok_or(E::CHAT_NOT_FOUND)?;
    if chat.dissolved {
        return Err(E::CHAT_DISSOLVED);
    }
    if chat.archived {
        return Err(E::CHAT_NOT_FOUND);
    }
    if message.thread_removed {
        return Err(E::THREAD_REMOVED);
    }
    if chat.tenant_key != tenant_key && !chat.external {
        return Err(E::NO_MESSAGE_ACCESS);
    }
    if let Member::App(app_id) = operator {
        let app = world.apps.get(app_id);
        if chat.external && !app.is_some_and(|a| a.external_chats) {
            return Err(E::EXTERNAL_CHAT_FORBIDDEN);
        }
        if chat.kind == ChatKind::P2p {
            let outside = chat.members.iter().any(|m| match m {
                Member::User(u) => app.is_some_and(|a| a.unavailable_users.contains(u)),
                Member::App(_) => false,
            });
            if outside {
                return Err(E::BOT_UNAVAILABLE_TO_USER);
            }
        }
    }
    if !chat.members.contains(operator) {
        return Err(E::NO_REACTION_PERMISSION);
    }
    if message.hidden_from.contains(operator) {
        return Err(E::MESSAGE_INVISIBLE);
    }
    if let (Member::User(sender), Member::App(app_id)) = (&message.sender, operator) {
        if world
            .users
            .get(sender)
            .is_some_and(|u| u.blocked_apps.contains(app_id))
        {
            return Err(E::BLOCKED_BY_USER_SETTINGS);
        }
        if world
            .tenants
            .get(&chat.tenant_key)
            .is_some_and(|t| t.restricted_users.contains(sender))
        {
            return Err(E::BLOCKED_BY_TENANT_ADMIN);
        }
    }
    let reaction = world
        .reactions
        .get(reaction_id)
        .ok_or(E::INVALID_REACTION_ID)?;
    if reaction.tenant_key != tenant_key {
        return Err(E::REACTION_TYPE_INVALID);
    }
    if reaction.message_id != message_id {
        return Err(E::REACTION_NOT_ON_MESSAGE);
    }
    if &reaction.operator != operator {
        return Err(E::NOT_REACTION_OWNER);
    }
    Ok(world
        .reactions
        .remove(reaction_id)
        .unwrap_or_else(|| unreachable!("looked up above")))
}

/// The body of `im.message.reaction.deleted_v1` as one app sees it: the user's
/// `user_id` only when the app has the field's scope.
pub fn deleted_event(
    world: &World,
    reaction: &Reaction,
    app_scopes: &[String],
) -> MessageReactionDeletedV1 {
    let event = MessageReactionDeletedV1::new()
        .message_id(reaction.message_id.as_str())
        .reaction_type(Emoji::new(EmojiType::from(reaction.emoji_type.as_str())))
        .action_time(lark_sdk::TimestampMs::now());
    match &reaction.operator {
        Member::User(open_id) => {
            let mut ids = UserId::new().open_id(open_id.as_str());
            if let Some(user) = world.users.get(open_id) {
                ids = ids.union_id(user.union_id.as_str());
                let scoped = <MessageReactionDeletedV1 as lark_sdk::event::EventBody>::FIELD_SCOPES
                    .iter()
                    .filter(|(path, _)| *path == "user_id.user_id")
                    .all(|(_, scopes)| scopes.iter().any(|s| app_scopes.iter().any(|a| a == s)));
                if scoped {
                    ids = ids.user_id(user.user_id.as_str());
                }
            }
            event.operator_type(OperatorType::User).user_id(ids)
        }
        Member::App(app_id) => event
            .operator_type(OperatorType::App)
            .app_id(app_id.as_str()),
    }
}
