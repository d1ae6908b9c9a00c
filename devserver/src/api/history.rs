//! Reading and editing messages: get one, list a chat's or a thread's
//! history in pages, edit a text or post, patch a card, and download an
//! image or file a message carries.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, Uri};
use axum::response::{IntoResponse, Response};
use lark_runtime::{Endpoint, TimestampMs};
use lark_sdk::im::v1::{
    GetMessageRequest, GetMessageResourceRequest, ListMessageRequest, PatchMessageRequest,
    UpdateMessageRequest,
};
use serde::Deserialize;
use serde_json::{Value, json};

use super::message::{Refused, called, check_content, field_violation, readable};
use super::paging::Paging;
use super::{Reply, endpoint};
use crate::Shared;
use crate::world::{Container, Member, StoredKind};

/// A chat's or thread's history, in pages of up to 50.
const HISTORY_PAGES: Paging = Paging::new("mp_", 20, 50);

pub fn routes(router: Router<Arc<Shared>>) -> Router<Arc<Shared>> {
    let router = endpoint::<GetMessageRequest, _, _>(router, get);
    let router = endpoint::<ListMessageRequest, _, _>(router, list);
    let router = endpoint::<PatchMessageRequest, _, _>(router, patch);
    let router = endpoint::<UpdateMessageRequest, _, _>(router, update);
    endpoint::<GetMessageResourceRequest, _, _>(router, resource)
}

/// How many times a message may be edited.
const EDITS: u32 = 20;

async fn get(
    State(shared): State<Arc<Shared>>,
    Path(message_id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> Reply {
    let reader =
        match called::<GetMessageRequest, Value>(&shared, &headers, &uri, &Bytes::new()).await {
            Ok((caller, _)) => caller.member,
            Err(reply) => return reply,
        };
    let world = shared.lock_world();
    // A recalled message is read back as recalled, not refused.
    let found = world.messages.get(&message_id).filter(|m| m.recalled);
    let message = match found.map_or_else(|| readable(&world, &reader, &message_id), Ok) {
        Ok(message) => message,
        Err(refused) => return refused.reply::<GetMessageRequest>(),
    };
    Reply::ok(json!({ "items": [world.message_json(message)] }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ListQuery {
    container_id_type: Option<String>,
    container_id: Option<String>,
    start_time: Option<String>,
    end_time: Option<String>,
    sort_type: Option<String>,
    page_size: Option<String>,
    page_token: Option<String>,
}

async fn list(
    State(shared): State<Arc<Shared>>,
    Query(query): Query<ListQuery>,
    headers: HeaderMap,
    uri: Uri,
) -> Reply {
    let reader =
        match called::<ListMessageRequest, Value>(&shared, &headers, &uri, &Bytes::new()).await {
            Ok((caller, _)) => caller.member,
            Err(reply) => return reply,
        };
    let id = query.container_id.unwrap_or_default();
    let size = match HISTORY_PAGES.size(query.page_size.as_deref()) {
        Ok(size) => size,
        Err(why) => return field_violation("page_size", &why),
    };
    let Some(start) = HISTORY_PAGES.start(query.page_token.as_deref()) else {
        return field_violation("page_token", "not a page_token this API gave");
    };
    let seconds = |v: &Option<String>, field: &str| match v.as_deref().filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => v
            .parse::<i64>()
            .map(|s| Some(s * 1000))
            .map_err(|_| field_violation(field, "a Unix time in seconds")),
    };
    let (from, to) = match (
        seconds(&query.start_time, "start_time"),
        seconds(&query.end_time, "end_time"),
    ) {
        (Ok(from), Ok(to)) => (from, to),
        (Err(reply), _) | (_, Err(reply)) => return reply,
    };
    let world = shared.lock_world();
    let container = match query.container_id_type.as_deref() {
        Some("chat") => {
            let in_chat = world
                .chats
                .get(&id)
                .is_some_and(|c| c.members.contains(&reader));
            if !in_chat {
                return Refused(230_002, "Bot/User can NOT be out of the chat.")
                    .reply::<ListMessageRequest>();
            }
            Container::Chat(&id)
        }
        Some("thread") => Container::Thread(&id),
        _ => return field_violation("container_id_type", "chat or thread"),
    };
    let mut messages: Vec<_> = world
        .history(&container)
        .into_iter()
        .filter(|m| !m.hidden_from.contains(&reader))
        .filter(|m| from.is_none_or(|f| m.create_time.as_millis() >= f))
        .filter(|m| to.is_none_or(|t| m.create_time.as_millis() <= t))
        .collect();
    if let Container::Thread(_) = container
        && messages.first().is_some_and(|m| {
            !world
                .chats
                .get(&m.chat_id)
                .is_some_and(|c| c.members.contains(&reader))
        })
    {
        return Refused(230_002, "Bot/User can NOT be out of the chat.")
            .reply::<ListMessageRequest>();
    }
    if query.sort_type.as_deref() == Some("ByCreateTimeDesc") {
        messages.reverse();
    }
    let items: Vec<Value> = messages
        .iter()
        .skip(start)
        .take(size)
        .map(|m| world.message_json(m))
        .collect();
    let next = start + items.len();
    let has_more = next < messages.len();
    let mut page = json!({ "has_more": has_more, "items": items });
    if has_more {
        page["page_token"] = Value::String(HISTORY_PAGES.token(next));
    }
    Reply::ok(page)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct EditBody {
    msg_type: Option<String>,
    content: Option<String>,
}

/// Edits a message of `editor`'s: a card (`patch`) or a text or post
/// (`update`).
fn edit<E: Endpoint>(
    shared: &Shared,
    editor: &Member,
    message_id: &str,
    msg_type: &str,
    content: &str,
) -> Reply {
    let mut world = shared.lock_world();
    let message = match readable(&world, editor, message_id) {
        Ok(message) => message,
        Err(refused) => return refused.reply::<E>(),
    };
    if message.sender != *editor {
        return Refused(230_071, "The operator is not the sender of the message.").reply::<E>();
    }
    if message.msg_type != msg_type {
        return Refused(
            230_054,
            "This operation is not supported for this message type.",
        )
        .reply::<E>();
    }
    if message.edits >= EDITS {
        return Refused(
            230_072,
            "The message has reached the number of times it can be edited.",
        )
        .reply::<E>();
    }
    let checked = match check_content(&world, editor, msg_type, content) {
        Ok(checked) => checked,
        Err(refused) => return refused.reply::<E>(),
    };
    let Some(message) = world.messages.get_mut(message_id) else {
        return Refused(230_001, "invalid message_id").reply::<E>();
    };
    message.content = checked.content;
    message.mentions = checked.mentions;
    message.updated = true;
    message.edits += 1;
    message.update_time = TimestampMs::now();
    let message = message.clone();
    Reply::ok(world.message_json(&message))
}

async fn patch(
    State(shared): State<Arc<Shared>>,
    Path(message_id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
    body: Bytes,
) -> Reply {
    let (editor, body): (_, EditBody) =
        match called::<PatchMessageRequest, _>(&shared, &headers, &uri, &body).await {
            Ok((caller, body)) => (caller.member, body),
            Err(reply) => return reply,
        };
    let Some(content) = body.content else {
        return field_violation("content", "required");
    };
    match edit::<PatchMessageRequest>(&shared, &editor, &message_id, "interactive", &content) {
        // `patch` answers nothing but success.
        reply if reply.is_ok() => Reply::ok(json!({})),
        refused => refused,
    }
}

async fn update(
    State(shared): State<Arc<Shared>>,
    Path(message_id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
    body: Bytes,
) -> Reply {
    let (editor, body): (_, EditBody) =
        match called::<UpdateMessageRequest, _>(&shared, &headers, &uri, &body).await {
            Ok((caller, body)) => (caller.member, body),
            Err(reply) => return reply,
        };
    let (Some(msg_type), Some(content)) = (body.msg_type, body.content) else {
        return field_violation("msg_type, content", "required");
    };
    if !matches!(msg_type.as_str(), "text" | "post") {
        return Refused(
            230_054,
            "This operation is not supported for this message type.",
        )
        .reply::<UpdateMessageRequest>();
    }
    edit::<UpdateMessageRequest>(&shared, &editor, &message_id, &msg_type, &content)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ResourceQuery {
    r#type: Option<String>,
}

/// The keys of the images and files a message's content names.
fn keys_of(content: &str) -> Vec<String> {
    fn walk(value: &Value, keys: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (name, value) in map {
                    match value {
                        Value::String(key) if name == "image_key" || name == "file_key" => {
                            keys.push(key.clone());
                        }
                        _ => walk(value, keys),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, keys)),
            _ => {}
        }
    }
    let mut keys = Vec::new();
    if let Ok(json) = serde_json::from_str::<Value>(content) {
        walk(&json, &mut keys);
    }
    keys
}

async fn resource(
    State(shared): State<Arc<Shared>>,
    Path((message_id, key)): Path<(String, String)>,
    Query(query): Query<ResourceQuery>,
    headers: HeaderMap,
    uri: Uri,
) -> Response {
    type E = GetMessageResourceRequest;
    let reader = match called::<E, Value>(&shared, &headers, &uri, &Bytes::new()).await {
        Ok((caller, _)) => caller.member,
        Err(reply) => return reply.into_response(),
    };
    let kind = match query.r#type.as_deref() {
        Some("image") => StoredKind::Image,
        Some("file") => StoredKind::File,
        _ => {
            return Refused(234_001, "Invalid request param.")
                .reply::<E>()
                .into_response();
        }
    };
    let world = shared.lock_world();
    let message = match readable(&world, &reader, &message_id) {
        Ok(message) => message,
        Err(Refused(230_002, _)) => {
            return Refused(234_004, "App not in chat.")
                .reply::<E>()
                .into_response();
        }
        Err(Refused(230_050, _)) => {
            return Refused(234_040, "The message is invisible to the operator.")
                .reply::<E>()
                .into_response();
        }
        Err(refused) => return refused.reply::<E>().into_response(),
    };
    if !keys_of(&message.content).contains(&key) {
        return Refused(234_003, "File not in msg.")
            .reply::<E>()
            .into_response();
    }
    match world.files.get(&key) {
        Some(file) if file.kind == kind => super::upload::serve(file.clone()),
        _ => Refused(234_001, "Invalid request param.")
            .reply::<E>()
            .into_response(),
    }
}
