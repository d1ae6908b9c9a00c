//! The simulated platform: tenants, apps, users, chats, messages, reactions,
//! and the operations the control API performs on them.

mod checks;
mod member;
mod messages;
mod refusal;
mod types;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::Instant;

use lark_runtime::TimestampMs;
use lark_sdk::im::v1::EmojiType;
use serde::Serialize;

pub use member::Member;
pub use messages::{Container, Draft, text_mentions};
pub use refusal::{ControlError, Refusal};
pub use types::{
    App, AppKind, Chat, ChatKind, DEFAULT_SCOPES, Mention, Message, NewApp, Reaction, StoredFile,
    StoredKind, Tenant, User,
};

use crate::ids;

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
    /// Uploaded images and files, by key.
    pub files: BTreeMap<String, StoredFile>,
    /// When bots last sent to each chat (the frequency limit, 230020).
    #[serde(skip)]
    pub sent_recently: HashMap<String, Vec<Instant>>,
    /// The message each (app_id, request uuid) sent, and when.
    #[serde(skip)]
    pub sent_uuids: HashMap<(String, String), (String, Instant)>,
}

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
            owner: members.first().cloned(),
            members: members.into_iter().collect(),
            dissolved: false,
            archived: false,
            external: false,
            chat_id: chat_id.clone(),
        };
        self.chats.insert(chat_id, chat.clone());
        Ok(chat)
    }
    /// Posts a text message as a member of the chat.
    pub fn post_message(
        &mut self,
        chat_id: &str,
        sender: Member,
        text: String,
    ) -> Result<Message, ControlError> {
        self.user_message(chat_id, sender, &text, None, &[])
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
