//! The simulated platform: tenants, apps, users, chats, messages, reactions,
//! and the operations the control API performs on them.

use std::collections::{BTreeMap, BTreeSet};

use lark_sdk::TimestampMs;
use lark_sdk::im::v1::EmojiType;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::ids;

/// Who acts: a user or an app's bot, written `{"kind": "user", "id": "ou_…"}`
/// or `{"kind": "app", "id": "cli_…"}`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Member {
    /// A user, by open_id.
    User(String),
    /// An app's bot, by app_id.
    App(String),
}

impl std::fmt::Display for Member {
    /// `user `ou_…`` or `app `cli_…``.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Member::User(id) => write!(f, "user `{id}`"),
            Member::App(id) => write!(f, "app `{id}`"),
        }
    }
}

impl Member {
    /// The open_id or app_id.
    pub fn id(&self) -> &str {
        match self {
            Member::User(id) | Member::App(id) => id,
        }
    }
}

/// Reads a member from an object only: the derived reading of an adjacently
/// tagged enum would also take `["user", "ou_…"]`.
impl<'de> Deserialize<'de> for Member {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(MemberVisitor)
    }
}

struct MemberVisitor;

impl<'de> Visitor<'de> for MemberVisitor {
    type Value = Member;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(r#"an object {"kind": "user" or "app", "id": …}"#)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Member, A::Error> {
        const FIELDS: &[&str] = &["kind", "id"];
        let (mut kind, mut id) = (None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "kind" if kind.is_some() => return Err(de::Error::duplicate_field("kind")),
                "kind" => kind = Some(map.next_value::<MemberKind>()?),
                "id" if id.is_some() => return Err(de::Error::duplicate_field("id")),
                "id" => id = Some(map.next_value::<String>()?),
                other => return Err(de::Error::unknown_field(other, FIELDS)),
            }
        }
        let kind = kind.ok_or_else(|| de::Error::missing_field("kind"))?;
        let id = id.ok_or_else(|| de::Error::missing_field("id"))?;
        Ok(match kind {
            MemberKind::User => Member::User(id),
            MemberKind::App => Member::App(id),
        })
    }
}

/// Reads a value of a field-less enum from its name, a string, only (the
/// derived reading also takes `{"name": null}`).
fn by_name<'de, D: Deserializer<'de>, T: Copy>(
    deserializer: D,
    names: &'static [&'static str],
    values: &[T],
) -> Result<T, D::Error> {
    let name = String::deserialize(deserializer)?;
    names
        .iter()
        .zip(values)
        .find_map(|(n, v)| (*n == name).then_some(*v))
        .ok_or_else(|| de::Error::unknown_variant(&name, names))
}

/// A member's `kind`.
#[derive(Clone, Copy)]
enum MemberKind {
    User,
    App,
}

impl<'de> Deserialize<'de> for MemberKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        by_name(
            deserializer,
            &["user", "app"],
            &[MemberKind::User, MemberKind::App],
        )
    }
}

/// Self-built or store app.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AppKind {
    /// 企业自建应用: one tenant.
    #[default]
    Custom,
    /// 商店应用: installed by tenants, tokens need an app_ticket.
    Store,
}

/// A tenant (企业).
#[derive(Clone, Debug, Serialize)]
pub struct Tenant {
    /// Key.
    pub tenant_key: String,
    /// Name.
    pub name: String,
    /// Users on whom the administrator forbids operations (error 231020).
    pub restricted_users: BTreeSet<String>,
}

/// An app.
#[derive(Clone, Debug, Serialize)]
pub struct App {
    /// `cli_…`.
    pub app_id: String,
    /// Its secret.
    #[serde(skip_serializing)]
    pub app_secret: String,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: AppKind,
    /// The tenant of a self-built app.
    pub tenant_key: String,
    /// Tenants that installed a store app.
    pub installed: BTreeSet<String>,
    /// Granted scopes.
    pub scopes: BTreeSet<String>,
    /// Encrypt Key for webhook bodies, if set.
    pub encrypt_key: Option<String>,
    /// Verification token carried by events.
    pub verification_token: String,
    /// Verified webhook URL.
    pub webhook_url: Option<String>,
    /// The current app_ticket of a store app.
    #[serde(skip_serializing)]
    pub app_ticket: Option<String>,
    /// Users outside the bot's availability (error 231022).
    pub unavailable_users: BTreeSet<String>,
    /// Whether the app may act in external chats (error 231021).
    pub external_chats: bool,
}

impl App {
    /// Whether the app is in a tenant (its own, or installed there).
    pub fn in_tenant(&self, tenant_key: &str) -> bool {
        self.tenant_key == tenant_key || self.installed.contains(tenant_key)
    }

    /// Whether the app has any of the scopes.
    pub fn has_any_scope(&self, scopes: &[&str]) -> bool {
        scopes.is_empty() || scopes.iter().any(|s| self.scopes.contains(*s))
    }
}

/// A user.
#[derive(Clone, Debug, Serialize)]
pub struct User {
    /// `ou_…`.
    pub open_id: String,
    /// `on_…`.
    pub union_id: String,
    /// Tenant-specific id.
    pub user_id: String,
    /// Tenant.
    pub tenant_key: String,
    /// Name.
    pub name: String,
    /// Apps this user has blocked (error 231019).
    pub blocked_apps: BTreeSet<String>,
}

impl<'de> Deserialize<'de> for AppKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        by_name(
            deserializer,
            &["custom", "store"],
            &[AppKind::Custom, AppKind::Store],
        )
    }
}

/// Group or one-to-one chat.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChatKind {
    /// A group.
    #[default]
    Group,
    /// A one-to-one chat.
    P2p,
}

impl<'de> Deserialize<'de> for ChatKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        by_name(
            deserializer,
            &["group", "p2p"],
            &[ChatKind::Group, ChatKind::P2p],
        )
    }
}

/// A chat.
#[derive(Clone, Debug, Serialize)]
pub struct Chat {
    /// `oc_…`.
    pub chat_id: String,
    /// Tenant.
    pub tenant_key: String,
    /// Name.
    pub name: String,
    /// Group or p2p.
    pub kind: ChatKind,
    /// Members.
    pub members: BTreeSet<Member>,
    /// Dissolved (解散).
    pub dissolved: bool,
    /// Archived.
    pub archived: bool,
    /// External (外部群).
    pub external: bool,
}

/// A message.
#[derive(Clone, Debug, Serialize)]
pub struct Message {
    /// `om_…`.
    pub message_id: String,
    /// Chat.
    pub chat_id: String,
    /// Sender.
    pub sender: Member,
    /// Text.
    pub text: String,
    /// Recalled (撤回).
    pub recalled: bool,
    /// Deleted.
    pub deleted: bool,
    /// A thread removed without a trace.
    pub thread_removed: bool,
    /// A system message (系统消息), which takes no reactions.
    pub system: bool,
    /// Members who cannot see it.
    pub hidden_from: BTreeSet<Member>,
}

/// A reaction.
#[derive(Clone, Debug, Serialize)]
pub struct Reaction {
    /// Id.
    pub reaction_id: String,
    /// Message.
    pub message_id: String,
    /// `emoji_type`.
    pub emoji_type: String,
    /// Who added it.
    pub operator: Member,
    /// When.
    pub action_time: TimestampMs,
    /// Tenant it belongs to.
    pub tenant_key: String,
}

/// A control operation that cannot be done: why, in words, and the field of
/// the request at fault.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ControlError {
    /// What kind of refusal (the control API's HTTP status).
    pub kind: Refusal,
    /// The field at fault (`tenant_key`, `members[1]`, `sender.kind`), or
    /// `None` when the request as a whole is.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
}

/// Why a control operation is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Refusal {
    /// The request is malformed: a wrong type, a missing or unknown field, a
    /// value out of range (HTTP 400).
    Invalid,
    /// An id names nothing that exists (HTTP 404).
    NotFound,
    /// The world's state forbids it: an id taken, a member not in the chat,
    /// a message gone, the platform's rules (HTTP 409).
    Conflict,
}

impl Refusal {
    /// The HTTP status the control API answers with.
    pub fn status(self) -> u16 {
        match self {
            Refusal::Invalid => 400,
            Refusal::NotFound => 404,
            Refusal::Conflict => 409,
        }
    }
}

impl ControlError {
    fn new(kind: Refusal, field: Option<&str>, message: String) -> Self {
        Self {
            kind,
            field: field.map(str::to_owned),
            message,
        }
    }

    /// A malformed request.
    pub fn invalid(field: Option<&str>, message: impl Into<String>) -> Self {
        Self::new(Refusal::Invalid, field, message.into())
    }

    /// `no {what} `{id}``, the id being in `field`.
    pub fn not_found(field: &str, what: &str, id: &str) -> Self {
        Self::new(Refusal::NotFound, Some(field), format!("no {what} `{id}`"))
    }

    /// A request the world's state forbids.
    pub fn conflict(field: Option<&str>, message: impl Into<String>) -> Self {
        Self::new(Refusal::Conflict, field, message.into())
    }
}

/// Everything the platform knows.
#[derive(Debug, Default, Serialize)]
pub struct World {
    /// By tenant_key.
    pub tenants: BTreeMap<String, Tenant>,
    /// By app_id.
    pub apps: BTreeMap<String, App>,
    /// By open_id.
    pub users: BTreeMap<String, User>,
    /// By chat_id.
    pub chats: BTreeMap<String, Chat>,
    /// By message_id.
    pub messages: BTreeMap<String, Message>,
    /// By reaction_id.
    pub reactions: BTreeMap<String, Reaction>,
}

/// What a new app looks like.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NewApp {
    /// Name.
    pub name: Option<String>,
    /// Kind.
    pub kind: AppKind,
    /// Home tenant (created when absent).
    pub tenant_key: Option<String>,
    /// Scopes (the reaction and message scopes when absent).
    pub scopes: Option<Vec<String>>,
    /// Encrypt Key.
    pub encrypt_key: Option<String>,
    /// Verification token (random when absent).
    pub verification_token: Option<String>,
    /// Fixed credentials, for bots configured ahead of time.
    pub app_id: Option<String>,
    /// Fixed secret.
    pub app_secret: Option<String>,
}

/// The scopes an app gets unless told otherwise.
pub const DEFAULT_SCOPES: &[&str] = &[
    "im:message",
    "im:message.reactions:read",
    "im:message.reactions:write_only",
    "im:message:readonly",
    "contact:user.employee_id:readonly",
];

impl World {
    /// Creates a tenant.
    pub fn create_tenant(&mut self, name: Option<String>) -> Tenant {
        let tenant_key = ids::tenant_key();
        let tenant = Tenant {
            name: name.unwrap_or_else(|| format!("Tenant {}", ids::short(&tenant_key, ""))),
            tenant_key: tenant_key.clone(),
            restricted_users: BTreeSet::new(),
        };
        self.tenants.insert(tenant_key, tenant.clone());
        tenant
    }

    /// Creates an app (and its tenant when none is named). A fixed `app_id`
    /// is 1 to 64 ASCII letters, digits, `_` or `-`; a fixed secret or
    /// verification token is not empty; an empty encrypt key is none.
    pub fn create_app(&mut self, new: NewApp) -> Result<App, ControlError> {
        if let Some(id) = &new.app_id
            && !ids::is_app_id(id)
        {
            return Err(ControlError::invalid(
                Some("app_id"),
                format!("`{id}` is not an app_id: 1 to 64 ASCII letters, digits, `_` or `-`"),
            ));
        }
        for (field, value) in [
            ("app_secret", &new.app_secret),
            ("verification_token", &new.verification_token),
        ] {
            if value.as_deref() == Some("") {
                return Err(ControlError::invalid(
                    Some(field),
                    format!("`{field}` is empty"),
                ));
            }
        }
        let app_id = new.app_id.unwrap_or_else(ids::app_id);
        if self.apps.contains_key(&app_id) {
            return Err(ControlError::conflict(
                Some("app_id"),
                format!("app `{app_id}` exists"),
            ));
        }
        let tenant_key = match new.tenant_key {
            Some(key) if self.tenants.contains_key(&key) => key,
            Some(key) => return Err(ControlError::not_found("tenant_key", "tenant", &key)),
            None => self.create_tenant(None).tenant_key,
        };
        let scopes = match new.scopes {
            Some(s) => s.into_iter().collect(),
            None => DEFAULT_SCOPES.iter().map(|s| (*s).to_owned()).collect(),
        };
        let app = App {
            name: new
                .name
                .unwrap_or_else(|| format!("Bot {}", ids::short(&app_id, "cli_"))),
            app_secret: new.app_secret.unwrap_or_else(ids::app_secret),
            kind: new.kind,
            installed: BTreeSet::new(),
            scopes,
            encrypt_key: new.encrypt_key.filter(|k| !k.is_empty()),
            verification_token: new.verification_token.unwrap_or_else(ids::app_secret),
            webhook_url: None,
            app_ticket: None,
            unavailable_users: BTreeSet::new(),
            external_chats: false,
            tenant_key,
            app_id: app_id.clone(),
        };
        self.apps.insert(app_id, app.clone());
        Ok(app)
    }

    /// Installs a store app in a tenant.
    pub fn install_app(&mut self, app_id: &str, tenant_key: &str) -> Result<(), ControlError> {
        if !self.apps.contains_key(app_id) {
            return Err(ControlError::not_found("app_id", "app", app_id));
        }
        if !self.tenants.contains_key(tenant_key) {
            return Err(ControlError::not_found("tenant_key", "tenant", tenant_key));
        }
        self.app_mut(app_id)?
            .installed
            .insert(tenant_key.to_owned());
        Ok(())
    }

    /// Creates a user.
    pub fn create_user(
        &mut self,
        tenant_key: &str,
        name: Option<String>,
    ) -> Result<User, ControlError> {
        if !self.tenants.contains_key(tenant_key) {
            return Err(ControlError::not_found("tenant_key", "tenant", tenant_key));
        }
        let open_id = ids::open_id();
        let user = User {
            name: name.unwrap_or_else(|| format!("User {}", ids::short(&open_id, "ou_"))),
            union_id: ids::union_id(),
            user_id: ids::user_id(),
            tenant_key: tenant_key.to_owned(),
            blocked_apps: BTreeSet::new(),
            open_id: open_id.clone(),
        };
        self.users.insert(open_id, user.clone());
        Ok(user)
    }

    /// Checks that a member exists; a refusal names `{field}.id`.
    pub fn check_member(&self, member: &Member, field: &str) -> Result<(), ControlError> {
        let (known, what) = match member {
            Member::User(id) => (self.users.contains_key(id), "user"),
            Member::App(id) => (self.apps.contains_key(id), "app"),
        };
        if known {
            Ok(())
        } else {
            Err(ControlError::not_found(
                &format!("{field}.id"),
                what,
                member.id(),
            ))
        }
    }

    /// Checks that every member of a list exists; a refusal names
    /// `{field}[i].id`.
    pub fn check_members<'a>(
        &self,
        members: impl IntoIterator<Item = &'a Member>,
        field: &str,
    ) -> Result<(), ControlError> {
        members
            .into_iter()
            .enumerate()
            .try_for_each(|(i, m)| self.check_member(m, &format!("{field}[{i}]")))
    }

    /// Checks that every open_id of a list names a user; a refusal names
    /// `{field}[i]`.
    pub fn check_users<'a>(
        &self,
        open_ids: impl IntoIterator<Item = &'a String>,
        field: &str,
    ) -> Result<(), ControlError> {
        open_ids.into_iter().enumerate().try_for_each(|(i, id)| {
            if self.users.contains_key(id) {
                Ok(())
            } else {
                Err(ControlError::not_found(
                    &format!("{field}[{i}]"),
                    "user",
                    id,
                ))
            }
        })
    }

    /// Checks that every app_id of a list names an app; a refusal names
    /// `{field}[i]`.
    pub fn check_apps<'a>(
        &self,
        app_ids: impl IntoIterator<Item = &'a String>,
        field: &str,
    ) -> Result<(), ControlError> {
        app_ids.into_iter().enumerate().try_for_each(|(i, id)| {
            if self.apps.contains_key(id) {
                Ok(())
            } else {
                Err(ControlError::not_found(&format!("{field}[{i}]"), "app", id))
            }
        })
    }

    /// Creates a chat with members.
    pub fn create_chat(
        &mut self,
        tenant_key: &str,
        name: Option<String>,
        kind: ChatKind,
        members: Vec<Member>,
    ) -> Result<Chat, ControlError> {
        if !self.tenants.contains_key(tenant_key) {
            return Err(ControlError::not_found("tenant_key", "tenant", tenant_key));
        }
        self.check_members(&members, "members")?;
        let chat_id = ids::chat_id();
        let chat = Chat {
            name: name.unwrap_or_else(|| format!("Chat {}", ids::short(&chat_id, "oc_"))),
            tenant_key: tenant_key.to_owned(),
            kind,
            members: members.into_iter().collect(),
            dissolved: false,
            archived: false,
            external: false,
            chat_id: chat_id.clone(),
        };
        self.chats.insert(chat_id, chat.clone());
        Ok(chat)
    }

    /// The chat, for changes.
    pub fn chat_mut(&mut self, chat_id: &str) -> Result<&mut Chat, ControlError> {
        self.chats
            .get_mut(chat_id)
            .ok_or_else(|| ControlError::not_found("chat_id", "chat", chat_id))
    }

    /// The message, for changes.
    pub fn message_mut(&mut self, message_id: &str) -> Result<&mut Message, ControlError> {
        self.messages
            .get_mut(message_id)
            .ok_or_else(|| ControlError::not_found("message_id", "message", message_id))
    }

    /// The app, for changes.
    pub fn app_mut(&mut self, app_id: &str) -> Result<&mut App, ControlError> {
        self.apps
            .get_mut(app_id)
            .ok_or_else(|| ControlError::not_found("app_id", "app", app_id))
    }

    /// The user, for changes.
    pub fn user_mut(&mut self, open_id: &str) -> Result<&mut User, ControlError> {
        self.users
            .get_mut(open_id)
            .ok_or_else(|| ControlError::not_found("open_id", "user", open_id))
    }

    /// Posts a message as a member of the chat.
    pub fn post_message(
        &mut self,
        chat_id: &str,
        sender: Member,
        text: String,
    ) -> Result<Message, ControlError> {
        let chat = self
            .chats
            .get(chat_id)
            .ok_or_else(|| ControlError::not_found("chat_id", "chat", chat_id))?;
        self.check_member(&sender, "sender")?;
        if !chat.members.contains(&sender) {
            return Err(ControlError::conflict(
                Some("sender"),
                format!("{sender} is not in chat `{chat_id}`"),
            ));
        }
        let message_id = ids::message_id();
        let message = Message {
            chat_id: chat_id.to_owned(),
            sender,
            text,
            recalled: false,
            deleted: false,
            thread_removed: false,
            system: false,
            hidden_from: BTreeSet::new(),
            message_id: message_id.clone(),
        };
        self.messages.insert(message_id, message.clone());
        Ok(message)
    }

    /// The tenant a member belongs to.
    pub fn tenant_of(&self, member: &Member, chat_tenant: &str) -> String {
        match member {
            Member::User(id) => self
                .users
                .get(id)
                .map_or_else(|| chat_tenant.to_owned(), |u| u.tenant_key.clone()),
            Member::App(_) => chat_tenant.to_owned(),
        }
    }

    /// Adds a reaction (the control API's way, for users; apps use the API).
    pub fn add_reaction(
        &mut self,
        message_id: &str,
        operator: Member,
        emoji_type: &str,
    ) -> Result<Reaction, ControlError> {
        let message = self
            .messages
            .get(message_id)
            .ok_or_else(|| ControlError::not_found("message_id", "message", message_id))?;
        self.check_member(&operator, "operator")?;
        if EmojiType::from(emoji_type).is_unknown() {
            return Err(ControlError::invalid(
                Some("emoji_type"),
                format!("unknown emoji_type `{emoji_type}`"),
            ));
        }
        if message.recalled || message.deleted {
            return Err(ControlError::conflict(
                Some("message_id"),
                format!("message `{message_id}` is gone"),
            ));
        }
        let chat = self
            .chats
            .get(&message.chat_id)
            .filter(|chat| chat.members.contains(&operator))
            .ok_or_else(|| {
                ControlError::conflict(
                    Some("operator"),
                    format!("{operator} is not in the message's chat"),
                )
            })?;
        let reaction = Reaction {
            reaction_id: ids::reaction_id(),
            message_id: message_id.to_owned(),
            emoji_type: emoji_type.to_owned(),
            tenant_key: self.tenant_of(&operator, &chat.tenant_key),
            operator,
            action_time: TimestampMs::now(),
        };
        self.reactions
            .insert(reaction.reaction_id.clone(), reaction.clone());
        Ok(reaction)
    }

    /// The bots of a chat's members that may hear about it (by app_id).
    pub fn bots_in_chat(&self, chat_id: &str) -> Vec<String> {
        self.chats.get(chat_id).map_or_else(Vec::new, |chat| {
            chat.members
                .iter()
                .filter_map(|m| match m {
                    Member::App(id) => Some(id.clone()),
                    Member::User(_) => None,
                })
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_a_small_world() {
        let mut w = World::default();
        let app = w.create_app(NewApp::default()).unwrap();
        let user = w.create_user(&app.tenant_key, Some("Ada".into())).unwrap();
        let chat = w
            .create_chat(
                &app.tenant_key,
                None,
                ChatKind::Group,
                vec![
                    Member::User(user.open_id.clone()),
                    Member::App(app.app_id.clone()),
                ],
            )
            .unwrap();
        let msg = w
            .post_message(
                &chat.chat_id,
                Member::User(user.open_id.clone()),
                "hi".into(),
            )
            .unwrap();
        let r = w
            .add_reaction(&msg.message_id, Member::User(user.open_id.clone()), "SMILE")
            .unwrap();
        assert_eq!(r.tenant_key, app.tenant_key);
        assert_eq!(
            w.bots_in_chat(&chat.chat_id),
            std::slice::from_ref(&app.app_id)
        );
        assert!(w.create_user("nope", None).is_err());
        let stranger = w.create_user(&app.tenant_key, None).unwrap();
        assert!(
            w.add_reaction(&msg.message_id, Member::User(stranger.open_id), "OK")
                .is_err()
        );
    }
}
