//! Messages as the platform keeps them: a sent content in the form it is
//! read back (mentions as `@_user_1` placeholders), replies and threads, a
//! chat's or a thread's history in pages, and the wire form of a message.

use lark_runtime::TimestampMs;
use serde_json::{Value, json};

use super::{ControlError, Member, Mention, Message, World};
use crate::ids;

/// A message to keep, checked by whoever sends it.
pub struct Draft {
    /// Chat.
    pub chat_id: String,
    /// Sender.
    pub sender: Member,
    /// `msg_type`.
    pub msg_type: String,
    /// The content in its stored form.
    pub content: String,
    /// Who it mentions.
    pub mentions: Vec<Mention>,
    /// The message it replies to, and whether in a thread.
    pub reply_to: Option<(String, bool)>,
}

/// Where a history is read: a chat's main stream, or one thread.
pub enum Container<'a> {
    /// `container_id_type=chat`.
    Chat(&'a str),
    /// `container_id_type=thread`.
    Thread(&'a str),
}

impl World {
    /// Keeps a message: gives it an id and times, and its place in a reply
    /// chain or thread.
    pub fn insert_message(&mut self, draft: Draft) -> Message {
        let now = TimestampMs::now();
        let (parent_id, root_id, thread_id) = match draft.reply_to {
            None => (None, None, None),
            Some((parent, in_thread)) => {
                let parent_message = self.messages.get(&parent);
                let root = parent_message
                    .and_then(|p| p.root_id.clone())
                    .unwrap_or_else(|| parent.clone());
                let existing = parent_message.and_then(|p| p.thread_id.clone());
                let thread = match existing {
                    Some(thread) => Some(thread),
                    None if in_thread => {
                        let thread = format!("omt_{}", ids::short(&ids::message_id(), "om_"));
                        if let Some(root_message) = self.messages.get_mut(&root) {
                            root_message.thread_id = Some(thread.clone());
                        }
                        Some(thread)
                    }
                    None => None,
                };
                (Some(parent), Some(root), thread)
            }
        };
        let message_id = ids::message_id();
        let message = Message {
            chat_id: draft.chat_id,
            sender: draft.sender,
            msg_type: draft.msg_type,
            content: draft.content,
            mentions: draft.mentions,
            parent_id,
            root_id,
            thread_id,
            create_time: now,
            update_time: now,
            updated: false,
            edits: 0,
            recalled: false,
            deleted: false,
            thread_removed: false,
            system: false,
            hidden_from: Default::default(),
            message_id: message_id.clone(),
        };
        self.messages.insert(message_id, message.clone());
        message
    }

    /// Posts a message as a member of the chat: a text, mentioning
    /// `mentions` before it; with `image_key`, a post of the text and the
    /// image (an image alone when the text is empty).
    pub fn user_message(
        &mut self,
        chat_id: &str,
        sender: Member,
        text: &str,
        image_key: Option<&str>,
        mentions: &[Member],
    ) -> Result<Message, ControlError> {
        let chat = self
            .chats
            .get(chat_id)
            .ok_or_else(|| ControlError::not_found("chat_id", "chat", chat_id))?;
        self.check_member(&sender, "sender")?;
        self.check_members(mentions, "mentions")?;
        if !chat.members.contains(&sender) {
            return Err(ControlError::conflict(
                Some("sender"),
                format!("{sender} is not in chat `{chat_id}`"),
            ));
        }
        if let Some(key) = image_key
            && !self.files.contains_key(key)
        {
            return Err(ControlError::not_found("image_key", "image", key));
        }
        let mentions: Vec<Mention> = mentions
            .iter()
            .enumerate()
            .map(|(i, member)| Mention {
                key: format!("@_user_{}", i + 1),
                name: self.name_of(member),
                member: member.clone(),
            })
            .collect();
        let said = mentions
            .iter()
            .map(|m| m.key.as_str())
            .chain((!text.is_empty()).then_some(text))
            .collect::<Vec<_>>()
            .join(" ");
        let (msg_type, content) = match image_key {
            None => ("text", json!({"text": said})),
            Some(key) if said.is_empty() => ("image", json!({"image_key": key})),
            Some(key) => {
                let mut line: Vec<Value> = mentions
                    .iter()
                    .map(|m| json!({"tag": "at", "user_id": m.key, "user_name": m.name}))
                    .collect();
                if !text.is_empty() {
                    line.push(json!({"tag": "text", "text": text}));
                }
                (
                    "post",
                    json!({"title": "", "content": [line, [{"tag": "img", "image_key": key}]]}),
                )
            }
        };
        Ok(self.insert_message(Draft {
            chat_id: chat_id.to_owned(),
            sender,
            msg_type: msg_type.to_owned(),
            content: content.to_string(),
            mentions,
            reply_to: None,
        }))
    }

    /// A member's name as others see it.
    pub fn name_of(&self, member: &Member) -> String {
        match member {
            Member::User(id) => self.users.get(id).map(|u| u.name.clone()),
            Member::App(id) => self.apps.get(id).map(|a| a.name.clone()),
        }
        .unwrap_or_else(|| member.id().to_owned())
    }

    /// A history, oldest first: a chat's messages not in a thread (a
    /// thread's first message included), or a thread's replies; recalled
    /// and deleted messages are left out.
    pub fn history(&self, container: &Container<'_>) -> Vec<&Message> {
        let mut messages: Vec<&Message> = self
            .messages
            .values()
            .filter(|m| !m.deleted && !m.thread_removed)
            .filter(|m| match container {
                Container::Chat(chat) => {
                    m.chat_id == *chat && (m.thread_id.is_none() || m.root_id.is_none())
                }
                Container::Thread(thread) => {
                    m.thread_id.as_deref() == Some(*thread) && m.root_id.is_some()
                }
            })
            .collect();
        messages.sort_by_key(|m| (m.create_time, m.message_id.clone()));
        messages
    }

    /// A message as the API gives it (`SentMessage`): a recalled one says
    /// only that it was.
    pub fn message_json(&self, m: &Message) -> Value {
        let (sender_id, id_type, sender_type) = match &m.sender {
            Member::User(id) => (id.clone(), "open_id", "user"),
            Member::App(id) => (id.clone(), "app_id", "app"),
        };
        let tenant_key = self
            .chats
            .get(&m.chat_id)
            .map(|c| self.tenant_of(&m.sender, &c.tenant_key))
            .unwrap_or_default();
        let content = if m.recalled {
            json!({"text": "This message was recalled"}).to_string()
        } else {
            m.content.clone()
        };
        let mentions: Vec<Value> = m
            .mentions
            .iter()
            .map(|mention| {
                json!({
                    "key": mention.key,
                    "id": mention.member.id(),
                    "id_type": if matches!(mention.member, Member::App(_)) { "app_id" } else { "open_id" },
                    "name": mention.name,
                    "tenant_key": tenant_key,
                })
            })
            .collect();
        let mut json = json!({
            "message_id": m.message_id,
            "msg_type": m.msg_type,
            "create_time": m.create_time.as_millis().to_string(),
            "update_time": m.update_time.as_millis().to_string(),
            "deleted": m.deleted || m.recalled,
            "updated": m.updated,
            "chat_id": m.chat_id,
            "sender": {"id": sender_id, "id_type": id_type, "sender_type": sender_type, "tenant_key": tenant_key},
            "body": {"content": content},
            "mentions": mentions,
        });
        for (key, value) in [
            ("root_id", &m.root_id),
            ("parent_id", &m.parent_id),
            ("thread_id", &m.thread_id),
        ] {
            if let Some(value) = value {
                json[key] = Value::String(value.clone());
            }
        }
        json
    }
}

/// A sent text's mentions (`<at user_id="ou_…">Ada</at>`, `<at
/// user_id="all"></at>`) turned into placeholders (`@_user_1`, `@_all`), as
/// the platform gives the text back; the users found, in order.
pub fn text_mentions(world: &World, text: &str) -> (String, Vec<Mention>) {
    let mut out = String::with_capacity(text.len());
    let mut mentions = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("<at ") {
        let Some(end) = rest[start..].find("</at>").map(|e| start + e) else {
            break;
        };
        let tag = &rest[start..end];
        let id = tag
            .split_once("user_id=\"")
            .or_else(|| tag.split_once("id=\""))
            .and_then(|(_, after)| after.split_once('"'))
            .map(|(id, _)| unescape(id));
        let name = tag
            .split_once('>')
            .map_or(String::new(), |(_, n)| unescape(n));
        out.push_str(&rest[..start]);
        match id.as_deref() {
            Some("all") => out.push_str("@_all"),
            Some(id) => {
                let key = format!("@_user_{}", mentions.len() + 1);
                out.push_str(&key);
                let member = if world.apps.contains_key(id) {
                    Member::App(id.to_owned())
                } else {
                    Member::User(id.to_owned())
                };
                let name = if name.is_empty() {
                    world.name_of(&member)
                } else {
                    name
                };
                mentions.push(Mention { key, member, name });
            }
            None => out.push_str(&rest[start..end + 5]),
        }
        rest = &rest[end + 5..];
    }
    out.push_str(rest);
    (out, mentions)
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_become_placeholders() {
        let world = World::default();
        let (text, mentions) = text_mentions(
            &world,
            r#"<at user_id="ou_1">A &amp; B</at> hi <at user_id="all"></at>!"#,
        );
        assert_eq!(text, "@_user_1 hi @_all!");
        assert_eq!(mentions.len(), 1);
        assert_eq!(mentions[0].name, "A & B");
        assert_eq!(mentions[0].member, Member::User("ou_1".into()));
        let (text, mentions) = text_mentions(&world, "<at user_id=\"ou_1\">cut");
        assert_eq!(text, "<at user_id=\"ou_1\">cut");
        assert!(mentions.is_empty());
    }
}
