//! The simulated platform: tenants, apps, users, chats, messages, reactions,
//! and the operations the control API performs on them.

use std::collections::{BTreeMap, BTreeSet};

use lark_sdk::TimestampMs;
use serde::{Deserialize, Serialize};

use crate::ids;

/// Who acts: a user or an app's bot.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Member {
    /// A user, by open_id.
    User(String),
    /// An app's bot, by app_id.
    App(String),
}

/// Self-built or store app.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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

/// Group or one-to-one chat.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChatKind {
    /// A group.
    #[default]
    Group,
    /// A one-to-one chat.
    P2p,
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

/// A control operation that cannot be done.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ControlError(pub String);

fn missing(what: &str, id: &str) -> ControlError {
    ControlError(format!("no {what} `{id}`"))
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
            name: name.unwrap_or_else(|| format!("Tenant {}", &tenant_key[..4])),
            tenant_key: tenant_key.clone(),
            restricted_users: BTreeSet::new(),
        };
        self.tenants.insert(tenant_key, tenant.clone());
        tenant
    }

    /// Creates an app (and its tenant when none is named).
    pub fn create_app(&mut self, new: NewApp) -> Result<App, ControlError> {
        let tenant_key = match new.tenant_key {
            Some(key) if self.tenants.contains_key(&key) => key,
            Some(key) => return Err(missing("tenant", &key)),
            None => self.create_tenant(None).tenant_key,
        };
        let app_id = new.app_id.unwrap_or_else(ids::app_id);
        if self.apps.contains_key(&app_id) {
            return Err(ControlError(format!("app `{app_id}` exists")));
        }
        let scopes = match new.scopes {
            Some(s) => s.into_iter().collect(),
            None => DEFAULT_SCOPES.iter().map(|s| (*s).to_owned()).collect(),
        };
        let app = App {
            name: new.name.unwrap_or_else(|| format!("Bot {}", &app_id[4..8])),
            app_secret: new.app_secret.unwrap_or_else(ids::app_secret),
            kind: new.kind,
            installed: BTreeSet::new(),
            scopes,
            encrypt_key: new.encrypt_key,
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
        if !self.tenants.contains_key(tenant_key) {
            return Err(missing("tenant", tenant_key));
        }
        let app = self
            .apps
            .get_mut(app_id)
            .ok_or_else(|| missing("app", app_id))?;
        app.installed.insert(tenant_key.to_owned());
        Ok(())
    }

    /// Creates a user.
    pub fn create_user(
        &mut self,
        tenant_key: &str,
        name: Option<String>,
    ) -> Result<User, ControlError> {
        if !self.tenants.contains_key(tenant_key) {
            return Err(missing("tenant", tenant_key));
        }
        let open_id = ids::open_id();
        let user = User {
            name: name.unwrap_or_else(|| format!("User {}", &open_id[3..7])),
            union_id: ids::union_id(),
            user_id: ids::user_id(),
            tenant_key: tenant_key.to_owned(),
            blocked_apps: BTreeSet::new(),
            open_id: open_id.clone(),
        };
        self.users.insert(open_id, user.clone());
        Ok(user)
    }

    /// Checks that a member exists.
    pub fn check_member(&self, member: &Member) -> Result<(), ControlError> {
        match member {
            Member::User(id) if !self.users.contains_key(id) => Err(missing("user", id)),
            Member::App(id) if !self.apps.contains_key(id) => Err(missing("app", id)),
            _ => Ok(()),
        }
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
            return Err(missing("tenant", tenant_key));
        }
        for m in &members {
            self.check_member(m)?;
        }
        let chat_id = ids::chat_id();
        let chat = Chat {
            name: name.unwrap_or_else(|| format!("Chat {}", &chat_id[3..7])),
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
            .ok_or_else(|| missing("chat", chat_id))
    }

    /// The message, for changes.
    pub fn message_mut(&mut self, message_id: &str) -> Result<&mut Message, ControlError> {
        self.messages
            .get_mut(message_id)
            .ok_or_else(|| missing("message", message_id))
    }

    /// The app, for changes.
    pub fn app_mut(&mut self, app_id: &str) -> Result<&mut App, ControlError> {
        self.apps
            .get_mut(app_id)
            .ok_or_else(|| missing("app", app_id))
    }

    /// The user, for changes.
    pub fn user_mut(&mut self, open_id: &str) -> Result<&mut User, ControlError> {
        self.users
            .get_mut(open_id)
            .ok_or_else(|| missing("user", open_id))
    }

    /// Posts a message as a member of the chat.
    pub fn post_message(
        &mut self,
        chat_id: &str,
        sender: Member,
        text: String,
    ) -> Result<Message, ControlError> {
        self.check_member(&sender)?;
        let chat = self
            .chats
            .get(chat_id)
            .ok_or_else(|| missing("chat", chat_id))?;
        if !chat.members.contains(&sender) {
            return Err(ControlError(format!(
                "{sender:?} is not in chat `{chat_id}`"
            )));
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
        self.check_member(&operator)?;
        let message = self
            .messages
            .get(message_id)
            .ok_or_else(|| missing("message", message_id))?;
        if message.recalled || message.deleted {
            return Err(ControlError(format!("message `{message_id}` is gone")));
        }
        let chat = &self.chats[&message.chat_id];
        if !chat.members.contains(&operator) {
            return Err(ControlError(format!(
                "{operator:?} is not in the message's chat"
            )));
        }
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
