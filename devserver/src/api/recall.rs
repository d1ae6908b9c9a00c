//! Recalling a message: its sender, or the owner of its group, takes it
//! back; the chat's bots are pushed `im.message.recalled_v1`.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Uri};
use lark_runtime::TimestampMs;
use lark_sdk::im::v1::{
    DeleteMessageError as E, DeleteMessageRequest, MessageRecalledV1, RecallType,
};
use serde_json::Value;

use super::message::called_with;
use super::{Reply, endpoint};
use crate::Shared;
use crate::world::ChatKind;

pub fn routes(router: Router<Arc<Shared>>) -> Router<Arc<Shared>> {
    endpoint::<DeleteMessageRequest, _, _>(router, recall)
}

async fn recall(
    State(shared): State<Arc<Shared>>,
    Path(message_id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> Reply {
    // The table has no row for a token of the wrong type; "lack of
    // necessary permissions" is the nearest.
    let (wrong_token, no_body) = (Reply::spec(E::LACK_OF_PERMISSIONS), Bytes::new());
    let called =
        called_with::<DeleteMessageRequest, Value>(&shared, &headers, &uri, &no_body, wrong_token);
    let caller = match called.await {
        Ok((caller, _)) => caller,
        Err(reply) => return reply,
    };
    let event = {
        let mut world = shared.lock_world();
        let Some(message) = world
            .messages
            .get(&message_id)
            .filter(|m| !m.thread_removed)
        else {
            return Reply::spec(E::INVALID_PARAMETER);
        };
        // Recalled already: gone, as far as the caller can tell.
        if message.deleted || message.recalled {
            return Reply::spec(E::MESSAGE_DELETED);
        }
        let Some(chat) = world.chats.get(&message.chat_id) else {
            return Reply::spec(E::INVALID_PARAMETER);
        };
        if chat.dissolved {
            return Reply::spec(E::CHAT_DISSOLVED);
        }
        if !chat.members.contains(&caller.member) {
            return Reply::spec(E::BOT_NOT_IN_CHAT);
        }
        if message.hidden_from.contains(&caller.member) {
            return Reply::spec(E::MESSAGE_INVISIBLE);
        }
        // Its sender recalls it; in a group, so does the owner.
        let recall_type = if message.sender == caller.member {
            RecallType::MessageOwner
        } else if chat.kind == ChatKind::Group && chat.owner.as_ref() == Some(&caller.member) {
            RecallType::GroupOwner
        } else {
            return Reply::spec(E::NO_RECALL_PERMISSION);
        };
        let chat_id = message.chat_id.clone();
        if let Some(m) = world.messages.get_mut(&message_id) {
            m.recalled = true;
        }
        let mut event = MessageRecalledV1::new();
        event.message_id = Some(message_id);
        event.chat_id = Some(chat_id);
        event.recall_time = Some(TimestampMs::now());
        event.recall_type = Some(recall_type);
        event
    };
    if let Some(chat_id) = event.chat_id.as_deref() {
        let _ = shared.push_event(chat_id, &event);
    }
    Reply::ok(serde_json::json!({}))
}
