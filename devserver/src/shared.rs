//! The server's state, shared by every handler, and the operations on it
//! that the control API and [`crate::DevServer`] share.

use std::collections::HashSet;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use crate::delivery::{Deliveries, DeliveryRecord, WsCommand};
use crate::faults::Faults;
use crate::ratelimit::RateLimiter;
use crate::tokens::{Grant, TokenKind, Tokens};
use crate::world::{ControlError, Member, Reaction, World};
use crate::{Config, api, ids, ws};

/// The server's state, shared by every handler.
#[derive(Debug)]
pub struct Shared {
    /// Behaviour.
    pub config: Config,
    world: Mutex<World>,
    tokens: Mutex<Tokens>,
    limiter: Mutex<RateLimiter>,
    faults: Mutex<Faults>,
    processing: Mutex<HashSet<String>>,
    pub(crate) tickets: ws::Tickets,
    pub(crate) deliveries: Deliveries,
    pub(crate) base_url: OnceLock<String>,
}

pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

impl Shared {
    pub(crate) fn new(config: Config) -> Self {
        Self {
            tokens: Mutex::new(Tokens::new(config.token_lifetime)),
            config,
            world: Mutex::default(),
            limiter: Mutex::default(),
            faults: Mutex::default(),
            processing: Mutex::default(),
            tickets: Mutex::default(),
            deliveries: Deliveries::default(),
            base_url: OnceLock::new(),
        }
    }

    /// The world.
    pub fn lock_world(&self) -> MutexGuard<'_, World> {
        lock(&self.world)
    }

    /// The tokens.
    pub fn lock_tokens(&self) -> MutexGuard<'_, Tokens> {
        lock(&self.tokens)
    }

    /// The rate limiter.
    pub fn lock_limiter(&self) -> MutexGuard<'_, RateLimiter> {
        lock(&self.limiter)
    }

    /// The faults in force.
    pub fn lock_faults(&self) -> MutexGuard<'_, Faults> {
        lock(&self.faults)
    }

    /// Reactions being processed.
    pub fn lock_processing(&self) -> MutexGuard<'_, HashSet<String>> {
        lock(&self.processing)
    }

    /// `http://127.0.0.1:port`.
    pub fn base_url(&self) -> &str {
        self.base_url.get().map_or("", String::as_str)
    }
}

impl Shared {
    /// Removes a reaction as the one who added it (by the endpoint's rules), and pushes the event.
    pub fn remove_reaction(
        self: &Arc<Self>,
        operator: &Member,
        reaction_id: &str,
    ) -> Result<Reaction, ControlError> {
        if !ids::is_reaction_id(reaction_id) {
            return Err(ControlError::invalid(
                Some("reaction_id"),
                format!("`{reaction_id}` is not a reaction id"),
            ));
        }
        let removed = {
            let mut world = self.lock_world();
            let reaction = world
                .reactions
                .get(reaction_id)
                .ok_or_else(|| ControlError::not_found("reaction_id", "reaction", reaction_id))?
                .clone();
            world.check_member(operator, "operator")?;
            let chat_tenant = world
                .messages
                .get(&reaction.message_id)
                .and_then(|m| world.chats.get(&m.chat_id))
                .map(|c| c.tenant_key.clone())
                .unwrap_or_default();
            let tenant = world.tenant_of(operator, &chat_tenant);
            api::delete_reaction_rules(
                &mut world,
                operator,
                &tenant,
                &reaction.message_id,
                reaction_id,
            )
            .map_err(|spec| {
                ControlError::conflict(
                    Some(blamed(&spec)),
                    format!("{} ({})", spec.message, spec.code),
                )
            })?
        };
        self.reaction_event(&removed, false);
        Ok(removed)
    }

    /// Adds a reaction as a user or a bot, and pushes the event.
    pub fn add_reaction(
        self: &Arc<Self>,
        message_id: &str,
        operator: Member,
        emoji_type: &str,
    ) -> Result<Reaction, ControlError> {
        let reaction = self
            .lock_world()
            .add_reaction(message_id, operator, emoji_type)?;
        self.reaction_event(&reaction, true);
        Ok(reaction)
    }

    /// A user_access_token for a user of an app.
    pub fn user_token(&self, app_id: &str, open_id: &str) -> Result<String, ControlError> {
        let tenant = {
            let world = self.lock_world();
            let tenant = world
                .users
                .get(open_id)
                .ok_or_else(|| ControlError::not_found("open_id", "user", open_id))?
                .tenant_key
                .clone();
            if !world.apps.contains_key(app_id) {
                return Err(ControlError::not_found("app_id", "app", app_id));
            }
            tenant
        };
        Ok(self
            .lock_tokens()
            .issue(Grant {
                kind: TokenKind::User,
                app_id: app_id.to_owned(),
                tenant_key: Some(tenant),
                open_id: Some(open_id.to_owned()),
            })
            .0)
    }

    /// Registers an app's webhook after its url_verification challenge: the
    /// app must exist and the URL be `http://` or `https://`.
    pub async fn set_webhook(&self, app_id: &str, url: &str) -> Result<(), ControlError> {
        if !self.lock_world().apps.contains_key(app_id) {
            return Err(ControlError::not_found("app_id", "app", app_id));
        }
        let web = reqwest::Url::parse(url)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https") && u.has_host());
        if web.is_none() {
            return Err(ControlError::invalid(
                Some("url"),
                format!("`{url}` is not an http:// or https:// URL"),
            ));
        }
        self.verify_webhook(app_id, url)
            .await
            .map_err(|e| ControlError::invalid(Some("url"), e))
    }

    /// Installs a store app in a tenant and pushes it an app_ticket.
    pub fn install_app(
        self: &Arc<Self>,
        app_id: &str,
        tenant_key: &str,
    ) -> Result<(), ControlError> {
        self.lock_world().install_app(app_id, tenant_key)?;
        self.push_app_ticket(app_id);
        Ok(())
    }

    /// Sends a command to every long connection of an app; returns how many.
    pub fn command_connections(&self, app_id: &str, command: fn() -> WsCommand) -> usize {
        let ws = lock(&self.deliveries.ws);
        ws.get(app_id).map_or(0, |conns| {
            conns
                .iter()
                .filter(|c| c.tx.send(command()).is_ok())
                .count()
        })
    }

    /// Live long connections of an app.
    pub fn connections(&self, app_id: &str) -> usize {
        lock(&self.deliveries.ws).get(app_id).map_or(0, Vec::len)
    }

    /// Pings received over every long connection so far.
    pub fn pings(&self) -> usize {
        self.deliveries
            .pings
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Every delivery attempt so far.
    pub fn delivery_log(&self) -> Vec<DeliveryRecord> {
        lock(&self.deliveries.log).clone()
    }
}

/// The field a refusal by the delete rules blames: the reaction when its
/// message, thread or chat is gone, else the operator.
fn blamed(spec: &lark_runtime::ErrorSpec) -> &'static str {
    use lark_sdk::im::v1::DeleteMessageReactionError as Delete;
    let gone = [
        Delete::MESSAGE_DELETED,
        Delete::MESSAGE_NOT_FOUND,
        Delete::CHAT_DISSOLVED,
        Delete::CHAT_NOT_FOUND,
        Delete::THREAD_REMOVED,
    ];
    if gone.iter().any(|g| g.code == spec.code) {
        "reaction_id"
    } else {
        "operator"
    }
}
