//! The server's state, shared by every handler, and the operations on it
//! that push nothing (the world's locks, user tokens, connection counts).
//! Operations that push events are in `events`, the webhook's registration
//! in `delivery`; this module depends on neither.

use std::collections::HashSet;
use std::sync::{Mutex, MutexGuard, OnceLock};

use crate::Config;
use crate::connections::{Deliveries, DeliveryRecord, Tickets, WsCommand};
use crate::faults::Faults;
use crate::ratelimit::RateLimiter;
use crate::received::Received;
use crate::tokens::{Grant, TokenKind, Tokens};
use crate::world::{ControlError, World};

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
    pub(crate) tickets: Tickets,
    pub(crate) deliveries: Deliveries,
    pub(crate) base_url: OnceLock<String>,
    pub(crate) received: Mutex<Vec<Received>>,
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
            received: Mutex::default(),
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

    /// The Open API requests received so far, oldest first (kept only
    /// with `Config::record_requests`).
    pub fn received(&self) -> Vec<Received> {
        lock(&self.received).clone()
    }
}
