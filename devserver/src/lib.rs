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
mod connections;
mod control;
mod conversation;
pub mod delivery;
mod events;
pub mod faults;
pub mod ids;
pub mod ratelimit;
pub mod received;
pub mod rules;
mod serve;
mod shared;
pub mod tokens;
pub mod world;
mod ws;

use std::net::SocketAddr;
use std::sync::{Arc, MutexGuard};
use std::time::Duration;

use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use conversation::Said;
pub use delivery::{DeliveryRecord, Outgoing, WsCommand};
pub use faults::Faults;
pub use shared::Shared;
pub use world::{
    App, AppKind, Chat, ChatKind, ControlError, Member, Message, NewApp, Reaction, Refusal, Tenant,
    User, World,
};

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
    /// Keep a copy of every request under `/open-apis/`, headers and body
    /// included, for [`DevServer::received`] (default off: the copies are
    /// never dropped).
    pub record_requests: bool,
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
            record_requests: false,
        }
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
        B: lark_runtime::event::EventBody + serde::Serialize,
    {
        self.shared.push_event(chat_id, body)
    }

    /// Pushes a callback to an app and waits for its answer (see
    /// [`Shared::push_callback`]).
    pub async fn push_callback<B>(
        &self,
        app_id: &str,
        body: &B,
    ) -> Result<DeliveryRecord, ControlError>
    where
        B: lark_runtime::event::CallbackBody + serde::Serialize,
    {
        self.shared.push_callback(app_id, body).await
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

    /// A user uploads an image from their device; gives its key, for
    /// [`Said::image_key`].
    pub fn user_image(&self, open_id: &str, bytes: Vec<u8>) -> Result<String, ControlError> {
        self.shared.user_image(open_id, bytes)
    }

    /// A user sends a message; the bots that may hear it get
    /// `im.message.receive_v1` (see [`Shared::user_says`]).
    pub fn user_says(
        &self,
        chat_id: &str,
        open_id: &str,
        said: &Said,
    ) -> Result<Message, ControlError> {
        self.shared.user_says(chat_id, open_id, said)
    }

    /// Pushes a user's message again under new event ids (see
    /// [`Shared::push_message_again`]).
    pub fn push_message_again(&self, message_id: &str) -> Result<usize, ControlError> {
        self.shared.push_message_again(message_id)
    }

    /// A user clicks a button of a bot's card and the bot answers (see
    /// [`Shared::click_card`]).
    pub async fn click_card(
        &self,
        open_id: &str,
        message_id: &str,
        value: serde_json::Value,
    ) -> Result<DeliveryRecord, ControlError> {
        self.shared.click_card(open_id, message_id, value).await
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

    /// Calls refused (`429`, 99991400) for exceeding an endpoint's
    /// documented rate limit.
    pub fn rate_limited(&self) -> usize {
        self.shared.lock_limiter().refused()
    }

    /// Calls refused by an injected rate-limit fault.
    pub fn rate_limited_faults(&self) -> usize {
        self.shared.lock_limiter().injected()
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

    /// The Open API requests received so far, oldest first, as they came
    /// on the wire (with [`Config::record_requests`]; else none).
    pub fn received(&self) -> Vec<received::Received> {
        self.shared.received()
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
    let own = api::routes()
        .merge(ws::routes())
        .merge(control::routes())
        .fallback(axum::handler::Handler::layer(
            api::contract::answer,
            axum::extract::DefaultBodyLimit::max(api::contract::BODY_LIMIT),
        ))
        // A ruled path's other methods are other endpoints: by contract.
        .method_not_allowed_fallback(axum::handler::Handler::layer(
            api::contract::answer,
            axum::extract::DefaultBodyLimit::max(api::contract::BODY_LIMIT),
        ))
        .with_state(Arc::clone(&shared));
    // The caller's routes come first, even on a path the server rules.
    extra
        .with_state(Arc::clone(&shared))
        .fallback_service(own)
        .layer(axum::middleware::from_fn_with_state(
            shared,
            api::record::record,
        ))
        .layer(axum::middleware::from_fn(serve::close_unread))
}

/// `docs/devserver.md`, whose example is compiled as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../../docs/devserver.md")]
struct DevserverGuide;
