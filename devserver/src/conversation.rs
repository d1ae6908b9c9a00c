//! What simulated users do in chats, and what the platform pushes for it:
//! a user's message goes to the bots that may hear it as
//! `im.message.receive_v1`; a click on a bot's card goes to that bot as
//! `card.action.trigger`, and the card the bot answers with replaces the
//! one clicked.

use std::sync::Arc;

use lark_runtime::TimestampMs;
use serde_json::{Value, json};

use crate::delivery::{DeliveryRecord, Outgoing};
use crate::events::envelope;
use crate::world::{ChatKind, ControlError, Member, Message, StoredFile, StoredKind, World};
use crate::{Shared, ids};

/// The scopes by which a bot hears a chat's messages: every message of
/// its p2p chats; in groups, every message, or those mentioning it.
const P2P: &str = "im:message.p2p_msg:readonly";
const GROUP_ALL: &str = "im:message.group_msg";
const GROUP_AT: &str = "im:message.group_at_msg:readonly";

/// What a user says in a chat.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Said {
    /// The text.
    pub text: String,
    /// An image the user uploaded (`Shared::user_image`): the message is a
    /// post of the text and the image, or the image alone.
    pub image_key: Option<String>,
    /// Whom the message mentions, before the text.
    pub mentions: Vec<Member>,
}

impl Shared {
    /// Keeps an image a user uploads from their device; gives its key.
    pub fn user_image(&self, open_id: &str, bytes: Vec<u8>) -> Result<String, ControlError> {
        let mut world = self.lock_world();
        let user = world
            .users
            .get(open_id)
            .ok_or_else(|| ControlError::not_found("open_id", "user", open_id))?;
        let content_type = lark_runtime::upload::content_type_of(&bytes)
            .filter(|t| t.starts_with("image/"))
            .ok_or_else(|| {
                ControlError::invalid(Some("image"), "not a PNG, JPEG, GIF, WebP or BMP image")
            })?;
        let key = format!("img_v3_{}", ids::short(&ids::message_id(), "om_"));
        let file = StoredFile {
            key: key.clone(),
            kind: StoredKind::Image,
            app_id: String::new(),
            tenant_key: user.tenant_key.clone(),
            content_type: content_type.to_owned(),
            file_name: None,
            size: bytes.len(),
            bytes: bytes.into(),
        };
        world.files.insert(key.clone(), file);
        Ok(key)
    }

    /// A user sends a message to a chat; the bots that may hear it get
    /// `im.message.receive_v1`.
    pub fn user_says(
        self: &Arc<Self>,
        chat_id: &str,
        open_id: &str,
        said: &Said,
    ) -> Result<Message, ControlError> {
        let (message, outgoing) = {
            let mut world = self.lock_world();
            let message = world.user_message(
                chat_id,
                Member::User(open_id.to_owned()),
                &said.text,
                said.image_key.as_deref(),
                &said.mentions,
            )?;
            let outgoing = receive_events(&world, &message);
            (message, outgoing)
        };
        for event in outgoing {
            self.deliver(event);
        }
        Ok(message)
    }

    /// Pushes a user's message again under new event ids, as the platform
    /// may: a bot that deduplicates on `message_id` handles it once.
    /// Gives how many bots it went to.
    pub fn push_message_again(self: &Arc<Self>, message_id: &str) -> Result<usize, ControlError> {
        let outgoing = {
            let world = self.lock_world();
            let message = world
                .messages
                .get(message_id)
                .ok_or_else(|| ControlError::not_found("message_id", "message", message_id))?;
            if !matches!(message.sender, Member::User(_)) {
                return Err(ControlError::conflict(
                    Some("message_id"),
                    "only users' messages are pushed to bots",
                ));
            }
            receive_events(&world, message)
        };
        let sent = outgoing.len();
        for event in outgoing {
            self.deliver(event);
        }
        Ok(sent)
    }

    /// A user clicks a button of a bot's card: the bot that sent it gets
    /// `card.action.trigger` with the button's `value`, and the card its
    /// answer gives replaces the one clicked. The record holds the answer.
    pub async fn click_card(
        self: &Arc<Self>,
        open_id: &str,
        message_id: &str,
        value: Value,
    ) -> Result<DeliveryRecord, ControlError> {
        let (app_id, body) = {
            let world = self.lock_world();
            let message = world
                .messages
                .get(message_id)
                .ok_or_else(|| ControlError::not_found("message_id", "message", message_id))?;
            let user = world
                .users
                .get(open_id)
                .ok_or_else(|| ControlError::not_found("open_id", "user", open_id))?;
            let Member::App(app_id) = &message.sender else {
                return Err(ControlError::conflict(
                    Some("message_id"),
                    "the message was not sent by a bot",
                ));
            };
            if message.msg_type != "interactive" || message.recalled || message.deleted {
                return Err(ControlError::conflict(
                    Some("message_id"),
                    format!("message `{message_id}` is not a card that can be clicked"),
                ));
            }
            let in_chat = world
                .chats
                .get(&message.chat_id)
                .is_some_and(|c| c.members.contains(&Member::User(open_id.to_owned())));
            if !in_chat {
                return Err(ControlError::conflict(
                    Some("open_id"),
                    format!("user `{open_id}` is not in the card's chat"),
                ));
            }
            let body = json!({
                "operator": {
                    "tenant_key": user.tenant_key,
                    "open_id": user.open_id,
                    "union_id": user.union_id,
                    "user_id": user.user_id,
                },
                "token": ids::token("c-"),
                "action": {"value": value, "tag": "button"},
                "host": "im_message",
                "context": {"open_message_id": message.message_id, "open_chat_id": message.chat_id},
            });
            (app_id.clone(), body)
        };
        let body: lark_sdk::card::v1::CardActionTrigger = serde_json::from_value(body)
            .map_err(|e| ControlError::invalid(Some("value"), e.to_string()))?;
        let record = self.push_callback(&app_id, &body).await?;
        if let Some(card) = record.answer.as_ref().and_then(|a| a.get("card")) {
            let content = match (card["type"].as_str(), card.get("data")) {
                (Some("raw"), Some(data)) => Some(data.to_string()),
                (Some("template"), Some(data)) => {
                    Some(json!({"type": "template", "data": data}).to_string())
                }
                _ => None,
            };
            if let Some(content) = content
                && let Some(message) = self.lock_world().messages.get_mut(message_id)
            {
                message.content = content;
                message.updated = true;
                message.update_time = TimestampMs::now();
            }
        }
        Ok(record)
    }
}

/// `im.message.receive_v1` for each bot of the chat that may hear the
/// message (not its sender).
fn receive_events(world: &World, message: &Message) -> Vec<Outgoing> {
    let Some(chat) = world.chats.get(&message.chat_id) else {
        return Vec::new();
    };
    world
        .bots_in_chat(&chat.chat_id)
        .into_iter()
        .filter(|app_id| Member::App(app_id.clone()) != message.sender)
        .filter_map(|app_id| world.apps.get(&app_id))
        .filter(|app| {
            let mentioned = message
                .mentions
                .iter()
                .any(|m| m.member == Member::App(app.app_id.clone()));
            match chat.kind {
                ChatKind::P2p => app.scopes.contains(P2P),
                ChatKind::Group => {
                    app.scopes.contains(GROUP_ALL) || (mentioned && app.scopes.contains(GROUP_AT))
                }
            }
        })
        .map(|app| {
            let body = receive_body(world, message, &chat.tenant_key);
            envelope(app, &chat.tenant_key, "im.message.receive_v1", &body)
        })
        .collect()
}

/// A user's ids as events give them.
fn user_ids(world: &World, member: &Member) -> Value {
    match member {
        Member::User(open_id) => match world.users.get(open_id) {
            Some(u) => json!({"open_id": u.open_id, "union_id": u.union_id, "user_id": u.user_id}),
            None => json!({ "open_id": open_id }),
        },
        Member::App(app_id) => json!({ "open_id": app_id }),
    }
}

/// The event's body, as the platform's page shows it.
fn receive_body(world: &World, message: &Message, tenant_key: &str) -> Value {
    let chat_type = match world.chats.get(&message.chat_id).map(|c| c.kind) {
        Some(ChatKind::P2p) => "p2p",
        _ => "group",
    };
    let mentions: Vec<Value> = message
        .mentions
        .iter()
        .map(|m| {
            json!({
                "key": m.key,
                "id": user_ids(world, &m.member),
                "name": m.name,
                "tenant_key": tenant_key,
            })
        })
        .collect();
    let mut body = json!({
        "sender": {
            "sender_id": user_ids(world, &message.sender),
            "sender_type": "user",
            "tenant_key": tenant_key,
        },
        "message": {
            "message_id": message.message_id,
            "create_time": message.create_time.as_millis().to_string(),
            "update_time": message.update_time.as_millis().to_string(),
            "chat_id": message.chat_id,
            "chat_type": chat_type,
            "message_type": message.msg_type,
            "content": message.content,
            "mentions": mentions,
            "user_agent": "Mozilla/5.0 (lark-devserver)",
        },
    });
    for (key, value) in [
        ("root_id", &message.root_id),
        ("parent_id", &message.parent_id),
        ("thread_id", &message.thread_id),
    ] {
        if let Some(value) = value {
            body["message"][key] = Value::String(value.clone());
        }
    }
    body
}
