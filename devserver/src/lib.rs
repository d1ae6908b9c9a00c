//! A local Feishu / Lark Open Platform, for tests and offline development.
//!
//! It serves, on loopback, what a bot talks to: the token endpoints, the
//! spec's endpoints with the platform's rules and error rows, the long
//! connection and webhook delivery of events, and a control API (JSON under
//! `/_dev/`, and the same as Rust methods on [`DevServer`]) to set up tenants,
//! apps, users, chats and messages, act as users, and inject faults.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! let server = lark_devserver::DevServer::start(Default::default()).await?;
//! let app = server.create_app(Default::default()).unwrap();
//! println!("{} {} {}", server.url(), app.app_id, app.app_secret);
//! # Ok(()) }
//! ```

pub mod api;
mod control;
pub mod delivery;
pub mod faults;
pub mod ids;
pub mod ratelimit;
mod serve;
pub mod tokens;
pub mod world;
mod ws;

use std::collections::HashSet;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::Router;
use serde_json::json;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use delivery::{DeliveryRecord, Outgoing, WsCommand};
pub use faults::Faults;
pub use world::{
    App, AppKind, Chat, ChatKind, ControlError, Member, Message, NewApp, Reaction, Refusal, Tenant,
    User, World,
};

use crate::delivery::Deliveries;
use crate::ratelimit::RateLimiter;
use crate::tokens::{Grant, TokenKind, Tokens};

/// How the server behaves.
#[derive(Clone, Debug)]
pub struct Config {
    /// Where to listen (default `127.0.0.1:0`, a free port).
    pub addr: SocketAddr,
    /// How long access tokens live (the platform: 2 hours).
    pub token_lifetime: Duration,
    /// How long a pushed event may wait for its acknowledgement (the platform: 3 s).
    pub ack_timeout: Duration,
    /// Waits before each re-push of an unacknowledged event.
    pub repush_delays: Vec<Duration>,
    /// `PingInterval` told to long-connection clients, in seconds.
    pub ping_interval_secs: u64,
    /// `ReconnectInterval`, in seconds.
    pub reconnect_interval_secs: u64,
    /// `ReconnectNonce`, in seconds.
    pub reconnect_nonce_secs: u64,
    /// Long connections allowed per app (the platform: 50).
    pub max_connections: usize,
    /// How long a reaction request holds its reaction (a second request for
    /// the same reaction meanwhile gets error 231015).
    pub processing_time: Duration,
    /// Enforce the endpoints' documented rate limits (default on).
    pub rate_limits: bool,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            token_lifetime: Duration::from_secs(7200),
            ack_timeout: Duration::from_secs(3),
            repush_delays: vec![
                Duration::from_secs(5),
                Duration::from_secs(30),
                Duration::from_secs(120),
            ],
            ping_interval_secs: 120,
            reconnect_interval_secs: 120,
            reconnect_nonce_secs: 30,
            max_connections: 50,
            processing_time: Duration::ZERO,
            rate_limits: true,
        }
    }
}

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
    tickets: ws::Tickets,
    pub(crate) deliveries: Deliveries,
    base_url: OnceLock<String>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

impl Shared {
    fn new(config: Config) -> Self {
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

    /// Pushes `im.message.reaction.created_v1` (or `deleted_v1`) to the bots
    /// of the chat that may see it.
    pub fn reaction_event(self: &Arc<Self>, reaction: &Reaction, created: bool) {
        use lark_sdk::event::EventBody;
        use lark_sdk::im::v1::MessageReactionDeletedV1 as Body;
        let outgoing: Vec<Outgoing> = {
            let world = self.lock_world();
            let Some(chat_id) = world
                .messages
                .get(&reaction.message_id)
                .map(|m| m.chat_id.clone())
            else {
                return;
            };
            let tenant_key = world
                .chats
                .get(&chat_id)
                .map(|c| c.tenant_key.clone())
                .unwrap_or_default();
            world
                .bots_in_chat(&chat_id)
                .into_iter()
                .filter_map(|app_id| world.apps.get(&app_id).cloned())
                .filter(|app| app.has_any_scope(Body::SCOPES))
                .map(|app| {
                    let scopes: Vec<String> = app.scopes.iter().cloned().collect();
                    let (event_type, body) =
                        api::reaction_event(&world, reaction, created, &scopes);
                    envelope(&app, &tenant_key, event_type, &body)
                })
                .collect()
        };
        for event in outgoing {
            self.deliver(event);
        }
    }

    /// Pushes a 2.0 event of any spec (this one's or an extension's) to the
    /// bots of a chat whose app has one of the event's scopes. Gives how many
    /// apps it went to.
    pub fn push_event<B>(self: &Arc<Self>, chat_id: &str, body: &B) -> Result<usize, ControlError>
    where
        B: lark_sdk::event::EventBody + serde::Serialize,
    {
        if B::SCHEMA != lark_sdk::event::EventSchema::V2 {
            return Err(ControlError::invalid(
                None,
                format!(
                    "`{}` is a 1.0 event; push_event sends 2.0 envelopes",
                    B::EVENT_TYPE
                ),
            ));
        }
        let outgoing: Vec<Outgoing> = {
            let world = self.lock_world();
            let chat = world
                .chats
                .get(chat_id)
                .ok_or_else(|| ControlError::not_found("chat_id", "chat", chat_id))?;
            world
                .bots_in_chat(chat_id)
                .into_iter()
                .filter_map(|app_id| world.apps.get(&app_id))
                .filter(|app| app.has_any_scope(B::SCOPES))
                .map(|app| envelope(app, &chat.tenant_key, B::EVENT_TYPE, body))
                .collect()
        };
        let sent = outgoing.len();
        for event in outgoing {
            self.deliver(event);
        }
        Ok(sent)
    }

    /// Issues a new app_ticket to a store app and pushes it (a 1.0 event) to its webhook.
    pub fn push_app_ticket(self: &Arc<Self>, app_id: &str) {
        let ticket = ids::event_id();
        let Some(app) = self.lock_world().apps.get_mut(app_id).map(|app| {
            app.app_ticket = Some(ticket.clone());
            app.clone()
        }) else {
            return;
        };
        let uuid = ids::event_id();
        let ts = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64());
        let json = json!({
            "ts": format!("{ts:.3}"),
            "uuid": uuid,
            "token": app.verification_token,
            "type": "event_callback",
            "event": {"app_id": app.app_id, "app_ticket": ticket, "type": "app_ticket"},
        });
        self.deliver(Outgoing {
            app_id: app.app_id.clone(),
            event_id: uuid,
            event_type: "app_ticket".into(),
            json: json.to_string().into_bytes(),
        });
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
fn blamed(spec: &lark_sdk::ErrorSpec) -> &'static str {
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

/// A 2.0 envelope for one app.
fn envelope(
    app: &App,
    tenant_key: &str,
    event_type: &str,
    body: &impl serde::Serialize,
) -> Outgoing {
    let event_id = ids::event_id();
    let json = json!({
        "schema": "2.0",
        "header": {
            "event_id": event_id,
            "event_type": event_type,
            "create_time": lark_sdk::TimestampMs::now(),
            "token": app.verification_token,
            "app_id": app.app_id,
            "tenant_key": tenant_key,
        },
        "event": body,
    });
    Outgoing {
        app_id: app.app_id.clone(),
        event_id,
        event_type: event_type.to_owned(),
        json: json.to_string().into_bytes(),
    }
}

/// A running server.
pub struct DevServer {
    shared: Arc<Shared>,
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<()>,
}

impl DevServer {
    /// Starts a server on `config.addr`.
    pub async fn start(config: Config) -> std::io::Result<Self> {
        Self::start_with(config, Router::new()).await
    }

    /// Starts a server that also serves `routes`: the endpoints of a spec of
    /// your own, with rules of your own, written with [`api::endpoint`],
    /// [`api::guard`] and [`api::Reply`] like the built-in ones.
    pub async fn start_with(config: Config, routes: Router<Arc<Shared>>) -> std::io::Result<Self> {
        let listener = TcpListener::bind(config.addr).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared::new(config));
        let _ = shared.base_url.set(format!("http://{addr}"));
        let app = router(Arc::clone(&shared), routes);
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(serve::serve(listener, app, stopped));
        Ok(Self {
            shared,
            addr,
            stop: Some(stop),
            task,
        })
    }

    /// `http://127.0.0.1:port`: the base URL to give a client.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The shared state, for direct inspection.
    pub fn shared(&self) -> &Arc<Shared> {
        &self.shared
    }

    /// The world, locked.
    pub fn world(&self) -> MutexGuard<'_, World> {
        self.shared.lock_world()
    }

    /// Pushes a 2.0 event to the bots of a chat (see [`Shared::push_event`]).
    pub fn push_event<B>(&self, chat_id: &str, body: &B) -> Result<usize, ControlError>
    where
        B: lark_sdk::event::EventBody + serde::Serialize,
    {
        self.shared.push_event(chat_id, body)
    }

    /// Creates an app (see [`NewApp`]).
    pub fn create_app(&self, new: NewApp) -> Result<App, ControlError> {
        self.shared.lock_world().create_app(new)
    }

    /// Creates a user in a tenant.
    pub fn create_user(&self, tenant_key: &str, name: &str) -> Result<User, ControlError> {
        self.shared
            .lock_world()
            .create_user(tenant_key, Some(name.to_owned()))
    }

    /// Creates a chat with members.
    pub fn create_chat(
        &self,
        tenant_key: &str,
        kind: ChatKind,
        members: Vec<Member>,
    ) -> Result<Chat, ControlError> {
        self.shared
            .lock_world()
            .create_chat(tenant_key, None, kind, members)
    }

    /// Posts a message.
    pub fn post_message(
        &self,
        chat_id: &str,
        sender: Member,
        text: &str,
    ) -> Result<Message, ControlError> {
        self.shared
            .lock_world()
            .post_message(chat_id, sender, text.to_owned())
    }

    /// Adds a reaction as a user or a bot.
    pub fn add_reaction(
        &self,
        message_id: &str,
        operator: Member,
        emoji_type: &str,
    ) -> Result<Reaction, ControlError> {
        self.shared.add_reaction(message_id, operator, emoji_type)
    }

    /// Removes a reaction as the one who added it, and pushes the event.
    pub fn remove_reaction(
        &self,
        operator: &Member,
        reaction_id: &str,
    ) -> Result<Reaction, ControlError> {
        self.shared.remove_reaction(operator, reaction_id)
    }

    /// A user_access_token for a user of an app.
    pub fn user_token(&self, app_id: &str, open_id: &str) -> Result<String, ControlError> {
        self.shared.user_token(app_id, open_id)
    }

    /// Registers an app's webhook after its url_verification challenge.
    pub async fn set_webhook(&self, app_id: &str, url: &str) -> Result<(), ControlError> {
        self.shared.set_webhook(app_id, url).await
    }

    /// Installs a store app in a tenant and pushes it an app_ticket.
    pub fn install_app(&self, app_id: &str, tenant_key: &str) -> Result<(), ControlError> {
        self.shared.install_app(app_id, tenant_key)
    }

    /// Replaces the faults in force.
    pub fn set_faults(&self, faults: Faults) {
        *self.shared.lock_faults() = faults;
    }

    /// Expires every token now.
    pub fn expire_tokens(&self) {
        self.shared.lock_tokens().expire_all();
    }

    /// How many tokens have been issued (a reused token counts once).
    pub fn tokens_issued(&self) -> usize {
        self.shared.lock_tokens().issued_count()
    }

    /// Sends a command to every long connection of an app; returns how many.
    pub fn command_connections(&self, app_id: &str, command: fn() -> WsCommand) -> usize {
        self.shared.command_connections(app_id, command)
    }

    /// Live long connections of an app.
    pub fn connections(&self, app_id: &str) -> usize {
        self.shared.connections(app_id)
    }

    /// Pings received over every long connection so far.
    pub fn pings(&self) -> usize {
        self.shared.pings()
    }

    /// Every delivery attempt so far.
    pub fn deliveries(&self) -> Vec<DeliveryRecord> {
        self.shared.delivery_log()
    }

    /// Stops the server and waits for it.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let _ = (&mut self.task).await;
    }
}

impl Drop for DevServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// Every route: Open API, long connection, control API.
fn router(shared: Arc<Shared>, extra: Router<Arc<Shared>>) -> Router {
    api::routes()
        .merge(extra)
        .merge(ws::routes())
        .merge(control::routes())
        .fallback(api::not_found)
        .with_state(shared)
        .layer(axum::middleware::from_fn(serve::close_unread))
}

/// `docs/devserver.md`, whose example is compiled as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../../docs/devserver.md")]
struct DevserverGuide;
