//! Sending messages: send, reply (in a thread or not) and forward, by the
//! rules of the platform's pages: the sender must be in the chat, the
//! content must be JSON of its `msg_type`'s shape naming images and files
//! that exist, a text takes up to 150 KB and a card or post up to 30 KB,
//! a chat takes at most five messages a second from its bots, and a
//! request `uuid` sends once. Reading and editing are in `history`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, Uri};
use lark_runtime::Endpoint;
use lark_sdk::im::v1::{CreateMessageRequest, ForwardMessageRequest, ReplyMessageRequest};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::{Caller, Reply, endpoint, guard, row};
use crate::Shared;
use crate::world::{ChatKind, Draft, Member, Mention, Message, StoredKind, World, text_mentions};

pub fn routes(router: Router<Arc<Shared>>) -> Router<Arc<Shared>> {
    let router = endpoint::<CreateMessageRequest, _, _>(router, create);
    let router = endpoint::<ReplyMessageRequest, _, _>(router, reply);
    endpoint::<ForwardMessageRequest, _, _>(router, forward)
}

/// A text's request body may take 150 KB; a card's or a post's, 30 KB.
const TEXT_LIMIT: usize = 150 * 1024;
const RICH_LIMIT: usize = 30 * 1024;
/// Messages a chat takes from its bots in one second.
const PER_CHAT_PER_SECOND: usize = 5;
/// How long a request `uuid` is remembered.
const UUID_WINDOW: Duration = Duration::from_secs(3600);

/// A refusal: an error code of the endpoint's table, with the message to
/// give when the table documents none.
pub(crate) struct Refused(pub i64, pub &'static str);

impl Refused {
    pub(crate) fn reply<E: Endpoint>(self) -> Reply {
        row::<E>(self.0, self.1)
    }
}

/// A request to a ruled endpoint: its caller, once the token passes the
/// guard (a token of a type the endpoint does not take is 99991663), and
/// its JSON body read as `T`, once the request fits the endpoint's contract
/// (types, required fields, enums, bounds, as contract mode checks).
pub(crate) async fn called<E: Endpoint, T: DeserializeOwned + Default>(
    shared: &Shared,
    headers: &HeaderMap,
    uri: &Uri,
    body: &Bytes,
) -> Result<(Caller, T), Reply> {
    called_with::<E, T>(shared, headers, uri, body, Reply::platform(99_991_663, 400)).await
}

/// [`called`], with the answer to a token of the wrong type.
pub(crate) async fn called_with<E: Endpoint, T: DeserializeOwned + Default>(
    shared: &Shared,
    headers: &HeaderMap,
    uri: &Uri,
    body: &Bytes,
    wrong_token: Reply,
) -> Result<(Caller, T), Reply> {
    let caller = guard::<E>(shared, headers, wrong_token).await?;
    super::contract::check(E::METHOD.as_str(), uri, body).await?;
    Ok((caller, serde_json::from_slice(body).unwrap_or_default()))
}

/// The answer to a field the platform's validation refuses (99992402).
pub(crate) fn field_violation(field: &str, description: &str) -> Reply {
    Reply::platform(99_992_402, 400).detail(
        "field_violations",
        json!([{"field": field, "description": description}]),
    )
}

/// A content checked and in its stored form.
pub(crate) struct Checked {
    pub content: String,
    pub mentions: Vec<Mention>,
}

/// Checks a content of `msg_type` sent by `app_id`, and gives its stored
/// form: a text's mentions become placeholders, a post keeps one language.
pub(crate) fn check_content(
    world: &World,
    sender: &Member,
    msg_type: &str,
    content: &str,
) -> Result<Checked, Refused> {
    let limit = match msg_type {
        "text" => TEXT_LIMIT,
        _ => RICH_LIMIT,
    };
    if content.len() > limit {
        return Err(Refused(
            230_025,
            "The length of the message content reaches its limit.",
        ));
    }
    let invalid = Refused(230_001, "invalid message content");
    let Ok(Value::Object(json)) = serde_json::from_str::<Value>(content) else {
        return Err(invalid);
    };
    let str_field = |name: &str| json.get(name).and_then(Value::as_str);
    let owned = |key: &str, kind: StoredKind| -> Result<(), Refused> {
        match world.files.get(key) {
            Some(file) if file.kind != kind => Err(Refused(
                230_055,
                "The type of file upload does not match the type of message being sent.",
            )),
            Some(file) if Member::App(file.app_id.clone()) == *sender || file.app_id.is_empty() => {
                Ok(())
            }
            _ => Err(Refused(230_001, "invalid image_key or file_key")),
        }
    };
    let mut mentions = Vec::new();
    let stored = match msg_type {
        "text" => {
            let text = str_field("text").ok_or(invalid)?;
            let (text, found) = text_mentions(world, text);
            mentions = found;
            json!({ "text": text }).to_string()
        }
        "image" => {
            owned(str_field("image_key").ok_or(invalid)?, StoredKind::Image)?;
            content.to_owned()
        }
        "file" | "audio" | "media" | "sticker" => {
            let key = str_field("file_key").ok_or(invalid)?;
            if msg_type != "sticker" {
                owned(key, StoredKind::File)?;
            }
            content.to_owned()
        }
        "post" => {
            let language = ["zh_cn", "en_us", "ja_jp"]
                .iter()
                .find_map(|l| json.get(*l))
                .or_else(|| json.values().next())
                .filter(|post| post.get("content").is_some_and(Value::is_array))
                .ok_or(invalid)?;
            language.to_string()
        }
        "interactive" => {
            let card = json.contains_key("elements")
                || json.contains_key("body")
                || json.contains_key("header")
                || json.contains_key("i18n_elements")
                || (str_field("type") == Some("template") && json.get("data").is_some());
            if !card {
                return Err(Refused(230_001, "invalid card content"));
            }
            content.to_owned()
        }
        "share_chat" => {
            let chat = str_field("chat_id").ok_or(invalid)?;
            if !world.chats.contains_key(chat) {
                return Err(Refused(230_001, "invalid chat_id in content"));
            }
            content.to_owned()
        }
        "share_user" => {
            let user = str_field("user_id").ok_or(invalid)?;
            if !world.users.contains_key(user) {
                return Err(Refused(230_001, "invalid user_id in content"));
            }
            content.to_owned()
        }
        _ => return Err(Refused(230_001, "invalid msg_type")),
    };
    Ok(Checked {
        content: stored,
        mentions,
    })
}

/// Checks that `sender` may send to a chat now, and counts the message
/// against the chat's frequency limit.
pub(crate) fn may_send(
    shared: &Shared,
    world: &mut World,
    sender: &Member,
    chat_id: &str,
) -> Result<(), Refused> {
    let chat = world
        .chats
        .get(chat_id)
        .ok_or(Refused(230_001, "invalid receive_id"))?;
    if chat.dissolved {
        return Err(Refused(
            232_009,
            "Your request specifies a chat which has already been dissolved.",
        ));
    }
    if !chat.members.contains(sender) {
        return Err(Refused(230_002, "Bot/User can NOT be out of the chat."));
    }
    if shared.config.rate_limits && matches!(sender, Member::App(_)) {
        let now = Instant::now();
        let sent = world.sent_recently.entry(chat_id.to_owned()).or_default();
        sent.retain(|at| now.duration_since(*at) < Duration::from_secs(1));
        if sent.len() >= PER_CHAT_PER_SECOND {
            return Err(Refused(
                230_020,
                "This operation triggers the frequency limit.",
            ));
        }
        sent.push(now);
    }
    Ok(())
}

/// A message `reader` may read and act on: it exists, is neither recalled
/// nor deleted, is visible to them, and its chat has them.
pub(crate) fn readable<'w>(
    world: &'w World,
    reader: &Member,
    message_id: &str,
) -> Result<&'w Message, Refused> {
    let message = world
        .messages
        .get(message_id)
        .filter(|m| !m.thread_removed)
        .ok_or(Refused(230_001, "invalid message_id"))?;
    if message.deleted {
        return Err(Refused(
            230_110,
            "Action unavailable as the message has been deleted.",
        ));
    }
    if message.recalled {
        return Err(Refused(230_011, "The message was withdrawn."));
    }
    if message.hidden_from.contains(reader) {
        return Err(Refused(
            230_050,
            "The message is invisible to the operator.",
        ));
    }
    let in_chat = world
        .chats
        .get(&message.chat_id)
        .is_some_and(|c| c.members.contains(reader));
    if !in_chat {
        return Err(Refused(230_002, "Bot/User can NOT be out of the chat."));
    }
    Ok(message)
}

/// The chat a message to `receive_id` goes to: the chat itself, or the p2p
/// chat of the app and the user (made on the first message).
fn receiving_chat(
    world: &mut World,
    caller: &Caller,
    id_type: &str,
    receive_id: &str,
) -> Result<String, Reply> {
    if id_type == "chat_id" {
        return Ok(receive_id.to_owned());
    }
    let user = world.users.values().find(|u| match id_type {
        "open_id" => u.open_id == receive_id,
        "user_id" => u.user_id == receive_id,
        "union_id" => u.union_id == receive_id,
        _ => false,
    });
    let Some(user) = user.map(|u| u.open_id.clone()) else {
        return Err(field_violation(
            "receive_id",
            &format!("no user has the {id_type} `{receive_id}`"),
        ));
    };
    let Member::App(app_id) = &caller.member else {
        return Err(
            Refused(230_001, "a user sends to chats only here").reply::<CreateMessageRequest>()
        );
    };
    let app = world.apps.get(app_id);
    if app.is_some_and(|a| a.unavailable_users.contains(&user)) {
        return Err(Refused(230_013, "").reply::<CreateMessageRequest>());
    }
    let pair = [Member::App(app_id.clone()), Member::User(user.clone())];
    let existing = world
        .chats
        .values()
        .find(|c| c.kind == ChatKind::P2p && pair.iter().all(|m| c.members.contains(m)))
        .map(|c| c.chat_id.clone());
    match existing {
        Some(chat) => Ok(chat),
        None => world
            .create_chat(&caller.tenant_key, None, ChatKind::P2p, pair.to_vec())
            .map(|c| c.chat_id)
            .map_err(|e| Reply::error(400, 230_001, &e.to_string())),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ReceiveQuery {
    receive_id_type: Option<String>,
    uuid: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SendBody {
    receive_id: Option<String>,
    msg_type: Option<String>,
    content: Option<String>,
    uuid: Option<String>,
    reply_in_thread: Option<bool>,
}

/// The message already sent for this app's `uuid`, within the window.
fn sent_before(world: &World, caller: &Caller, uuid: Option<&str>) -> Option<Message> {
    let uuid = uuid.filter(|u| !u.is_empty())?;
    let (id, at) = world
        .sent_uuids
        .get(&(caller.grant.app_id.clone(), uuid.to_owned()))?;
    (at.elapsed() < UUID_WINDOW)
        .then(|| world.messages.get(id).cloned())
        .flatten()
}

fn remember(world: &mut World, caller: &Caller, uuid: Option<&str>, message: &Message) {
    if let Some(uuid) = uuid.filter(|u| !u.is_empty()) {
        world.sent_uuids.insert(
            (caller.grant.app_id.clone(), uuid.to_owned()),
            (message.message_id.clone(), Instant::now()),
        );
    }
}

async fn create(
    State(shared): State<Arc<Shared>>,
    Query(query): Query<ReceiveQuery>,
    headers: HeaderMap,
    uri: Uri,
    body: Bytes,
) -> Reply {
    let (caller, body): (_, SendBody) =
        match called::<CreateMessageRequest, _>(&shared, &headers, &uri, &body).await {
            Ok(called) => called,
            Err(reply) => return reply,
        };
    let id_type = query.receive_id_type.unwrap_or_default();
    if !matches!(
        id_type.as_str(),
        "open_id" | "user_id" | "union_id" | "email" | "chat_id"
    ) {
        return field_violation(
            "receive_id_type",
            "receive_id_type is one of open_id, user_id, union_id, email, chat_id",
        );
    }
    let (Some(receive_id), Some(msg_type), Some(content)) =
        (body.receive_id, body.msg_type, body.content)
    else {
        return field_violation("receive_id, msg_type, content", "required");
    };
    let mut world = shared.lock_world();
    if let Some(message) = sent_before(&world, &caller, body.uuid.as_deref()) {
        return Reply::ok(world.message_json(&message));
    }
    let chat = match receiving_chat(&mut world, &caller, &id_type, &receive_id) {
        Ok(chat) => chat,
        Err(reply) => return reply,
    };
    let checked = match check_content(&world, &caller.member, &msg_type, &content) {
        Ok(checked) => checked,
        Err(refused) => return refused.reply::<CreateMessageRequest>(),
    };
    if let Err(refused) = may_send(&shared, &mut world, &caller.member, &chat) {
        return refused.reply::<CreateMessageRequest>();
    }
    let message = world.insert_message(Draft {
        chat_id: chat,
        sender: caller.member.clone(),
        msg_type,
        content: checked.content,
        mentions: checked.mentions,
        reply_to: None,
    });
    remember(&mut world, &caller, body.uuid.as_deref(), &message);
    Reply::ok(world.message_json(&message))
}

async fn reply(
    State(shared): State<Arc<Shared>>,
    Path(message_id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
    body: Bytes,
) -> Reply {
    let (caller, body): (_, SendBody) =
        match called::<ReplyMessageRequest, _>(&shared, &headers, &uri, &body).await {
            Ok(called) => called,
            Err(reply) => return reply,
        };
    let (Some(msg_type), Some(content)) = (body.msg_type, body.content) else {
        return field_violation("msg_type, content", "required");
    };
    let mut world = shared.lock_world();
    if let Some(message) = sent_before(&world, &caller, body.uuid.as_deref()) {
        return Reply::ok(world.message_json(&message));
    }
    let parent = match readable(&world, &caller.member, &message_id) {
        Ok(m) => m.clone(),
        Err(refused) => return refused.reply::<ReplyMessageRequest>(),
    };
    let checked = match check_content(&world, &caller.member, &msg_type, &content) {
        Ok(checked) => checked,
        Err(refused) => return refused.reply::<ReplyMessageRequest>(),
    };
    if let Err(refused) = may_send(&shared, &mut world, &caller.member, &parent.chat_id) {
        return refused.reply::<ReplyMessageRequest>();
    }
    let message = world.insert_message(Draft {
        chat_id: parent.chat_id.clone(),
        sender: caller.member.clone(),
        msg_type,
        content: checked.content,
        mentions: checked.mentions,
        reply_to: Some((parent.message_id, body.reply_in_thread.unwrap_or(false))),
    });
    remember(&mut world, &caller, body.uuid.as_deref(), &message);
    Reply::ok(world.message_json(&message))
}

async fn forward(
    State(shared): State<Arc<Shared>>,
    Path(message_id): Path<String>,
    Query(query): Query<ReceiveQuery>,
    headers: HeaderMap,
    uri: Uri,
    body: Bytes,
) -> Reply {
    let (caller, body): (_, SendBody) =
        match called::<ForwardMessageRequest, _>(&shared, &headers, &uri, &body).await {
            Ok(called) => called,
            Err(reply) => return reply,
        };
    let id_type = query.receive_id_type.unwrap_or_default();
    let Some(receive_id) = body.receive_id else {
        return field_violation("receive_id", "required");
    };
    let mut world = shared.lock_world();
    if let Some(message) = sent_before(&world, &caller, query.uuid.as_deref()) {
        return Reply::ok(world.message_json(&message));
    }
    let original = match readable(&world, &caller.member, &message_id) {
        Ok(m) => m.clone(),
        Err(refused) => return refused.reply::<ForwardMessageRequest>(),
    };
    let chat = match receiving_chat(&mut world, &caller, &id_type, &receive_id) {
        Ok(chat) => chat,
        Err(reply) => return reply,
    };
    if let Err(refused) = may_send(&shared, &mut world, &caller.member, &chat) {
        return refused.reply::<ForwardMessageRequest>();
    }
    let message = world.insert_message(Draft {
        chat_id: chat,
        sender: caller.member.clone(),
        msg_type: original.msg_type,
        content: original.content,
        mentions: original.mentions,
        reply_to: None,
    });
    remember(&mut world, &caller, query.uuid.as_deref(), &message);
    Reply::ok(world.message_json(&message))
}
