//! The things the world holds: tenants, apps, users, chats, messages,
//! reactions, and what a new app looks like.

use std::collections::BTreeSet;

use lark_runtime::TimestampMs;
use serde::{Deserialize, Deserializer, Serialize};

use super::member::{Member, by_name};

/// A custom (self-built) or a store app.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AppKind {
    /// 企业自建应用: one tenant.
    #[default]
    Custom,
    /// 商店应用: installed by tenants, tokens need an app_ticket.
    Store,
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
    /// The tenant of a custom app.
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
    /// Its owner: the member who created it (the first one given).
    pub owner: Option<Member>,
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
    /// `text`, `post`, `image`, `interactive`, … (`msg_type`).
    pub msg_type: String,
    /// The content as the platform gives it back: JSON in a string, with
    /// mentions as `@_user_1` placeholders in texts.
    pub content: String,
    /// Who it mentions, in placeholder order (`@_user_1` first).
    pub mentions: Vec<Mention>,
    /// The message it replies to.
    pub parent_id: Option<String>,
    /// The first message of the reply chain or thread.
    pub root_id: Option<String>,
    /// The thread it is in (`omt_…`).
    pub thread_id: Option<String>,
    /// When it was sent.
    pub create_time: TimestampMs,
    /// When it was last edited (the send time until then).
    pub update_time: TimestampMs,
    /// Whether it was edited or its card patched.
    pub updated: bool,
    /// How many times it was edited.
    pub edits: u32,
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

/// A member mentioned in a message.
#[derive(Clone, Debug, Serialize)]
pub struct Mention {
    /// `@_user_1`: the placeholder in the text.
    pub key: String,
    /// Who.
    pub member: Member,
    /// Their name as shown.
    pub name: String,
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

/// What a stored image or file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StoredKind {
    /// Uploaded to `im/v1/images`.
    Image,
    /// Uploaded to `im/v1/files`.
    File,
}

/// An uploaded image or file.
#[derive(Clone, Debug, Serialize)]
pub struct StoredFile {
    /// `img_…` or `file_…`.
    pub key: String,
    /// Image or file.
    pub kind: StoredKind,
    /// The app that uploaded it.
    pub app_id: String,
    /// The tenant it was uploaded in.
    pub tenant_key: String,
    /// The part's `Content-Type`.
    pub content_type: String,
    /// The name it was uploaded with.
    pub file_name: Option<String>,
    /// Its length in bytes.
    pub size: usize,
    /// Its content (not in the state's JSON).
    #[serde(skip)]
    pub bytes: axum::body::Bytes,
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
    "im:resource",
    "contact:user.employee_id:readonly",
];
