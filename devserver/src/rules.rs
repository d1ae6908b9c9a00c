//! The platform's rules for message reactions, over the world alone: who
//! may act on a message, what adding and deleting a reaction change, each
//! refusal as its endpoint's error row, and the event body each app sees.
//! The Open API handlers and the control API both apply them.

use lark_runtime::ErrorSpec;
use lark_sdk::im::v1::{
    CreateMessageReactionError as Create, DeleteMessageReactionError as Delete, Emoji, EmojiType,
    ListMessageReactionError as List, MessageReaction, Operator, OperatorType,
};
use serde_json::Value;

use crate::world::{ChatKind, Member, Reaction, World};

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
pub(crate) fn list_row(denied: Denied) -> ErrorSpec {
    match denied {
        Denied::Deleted => List::MESSAGE_DELETED,
        Denied::NotFound | Denied::ChatDissolved | Denied::ChatGone | Denied::ThreadRemoved => {
            List::MESSAGE_NOT_FOUND
        }
        Denied::Invisible => List::MESSAGE_INVISIBLE,
        _ => List::NO_MESSAGE_ACCESS,
    }
}

/// The response data for a reaction.
pub fn message_reaction(r: &Reaction) -> MessageReaction {
    let (id, kind) = match &r.operator {
        Member::User(open_id) => (open_id.clone(), OperatorType::User),
        Member::App(app_id) => (app_id.clone(), OperatorType::App),
    };
    let mut reaction = MessageReaction::new();
    reaction.reaction_id = Some(r.reaction_id.clone());
    reaction.operator = Some(operator(id, kind));
    reaction.action_time = Some(r.action_time);
    reaction.reaction_type = Some(Emoji::new(EmojiType::from(r.emoji_type.as_str())));
    reaction
}

/// Who added a reaction, as the reaction endpoints answer it.
pub fn operator(id: String, kind: OperatorType) -> Operator {
    let mut operator = Operator::new();
    operator.operator_id = Some(id);
    operator.operator_type = Some(kind);
    operator
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
        let mut event = <$body>::new();
        event.message_id = Some(reaction.message_id.clone());
        event.reaction_type = Some(Emoji::new(EmojiType::from(reaction.emoji_type.as_str())));
        event.action_time = Some(lark_runtime::TimestampMs::now());
        match &reaction.operator {
            Member::User(open_id) => {
                let mut ids = lark_sdk::common::UserId::new();
                ids.open_id = Some(open_id.clone());
                if let Some(user) = $world.users.get(open_id) {
                    ids.union_id = Some(user.union_id.clone());
                    let scoped = <$body as EventBody>::FIELD_SCOPES
                        .iter()
                        .filter(|(path, _)| *path == "user_id.user_id")
                        .all(|(_, scopes)| {
                            scopes
                                .iter()
                                .any(|s| $scopes.iter().any(|a: &String| a == s))
                        });
                    if scoped {
                        ids.user_id = Some(user.user_id.clone());
                    }
                }
                event.operator_type = Some(OperatorType::User);
                event.user_id = Some(ids);
                serde_json::to_value(event)
            }
            Member::App(app_id) => {
                event.operator_type = Some(OperatorType::App);
                event.app_id = Some(app_id.clone());
                serde_json::to_value(event)
            }
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

/// The server's own copy of the wire values its rules stand on, from the
/// platform's pages (not from the spec), so that a wrong path or code in the
/// YAML fails here as well as in the bindings' tests.
#[cfg(test)]
mod wire {
    use lark_runtime::Endpoint;
    use lark_sdk::im::v1::{
        CreateMessageReactionError as Create, CreateMessageReactionRequest,
        DeleteMessageReactionError as Delete, DeleteMessageReactionRequest,
        ListMessageReactionError as List, ListMessageReactionRequest,
    };

    #[test]
    fn the_served_paths_are_the_platforms() {
        let routes = [
            (
                DeleteMessageReactionRequest::METHOD,
                DeleteMessageReactionRequest::PATH,
                "DELETE",
                "/open-apis/im/v1/messages/:message_id/reactions/:reaction_id",
            ),
            (
                CreateMessageReactionRequest::METHOD,
                CreateMessageReactionRequest::PATH,
                "POST",
                "/open-apis/im/v1/messages/:message_id/reactions",
            ),
            (
                ListMessageReactionRequest::METHOD,
                ListMessageReactionRequest::PATH,
                "GET",
                "/open-apis/im/v1/messages/:message_id/reactions",
            ),
        ];
        for (method, path, wire_method, wire_path) in routes {
            assert_eq!((method.as_str(), path), (wire_method, wire_path));
        }
    }

    #[test]
    fn the_rules_answer_with_the_platforms_codes() {
        let rows = [
            (Delete::NOT_REACTION_OWNER.code, 231_007),
            (Delete::INVALID_REACTION_ID.code, 231_011),
            (Delete::REACTION_NOT_ON_MESSAGE.code, 231_010),
            (Delete::MESSAGE_DELETED.code, 230_110),
            (Delete::NO_MESSAGE_ACCESS.code, 231_008),
            (Delete::CHAT_DISSOLVED.code, 232_009),
            (Delete::REACTION_TYPE_INVALID.code, 231_001),
            (Create::NO_REACTION_PERMISSION.code, 231_002),
            (List::MESSAGE_NOT_FOUND.code, 231_003),
        ];
        for (generated, wire) in rows {
            assert_eq!(generated, wire);
        }
    }
}
