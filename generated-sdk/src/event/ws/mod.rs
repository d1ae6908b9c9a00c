//! Receiving events over the long connection (长连接): no public address, no
//! decryption; the platform pushes each event to one connected client.
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use lark_sdk::event::{Dispatcher, LongConnection};
//!
//! let dispatcher = Dispatcher::new().on_message_reaction_deleted_v1(|e| async move {
//!     println!("{:?}", e.event.reaction_type);
//!     Ok(())
//! });
//! let connection = LongConnection::builder("cli_a1b2c3d4e5f60708", "app secret", dispatcher).build()?;
//! connection.run(async { let _ = tokio::signal::ctrl_c().await; }).await?;
//! # Ok(()) }
//! ```
//!
//! - The endpoint is asked for a URL (`POST /callback/ws/endpoint`); codes the
//!   platform calls retryable are retried, others end [`LongConnection::run`].
//! - A ping goes out every `PingInterval`; a pong's payload updates the
//!   client config. No frame at all for two ping intervals means the
//!   connection is dead though open (half-open), and it is replaced. The
//!   config's intervals are read whatever their JSON form and held to one
//!   second to one day, so no value the platform sends can stop the loop.
//! - Fragmented payloads are reassembled (incomplete ones expire in 5 s;
//!   at most 64 MiB are held across all pending messages).
//! - Each event is answered with the frame it came in, `biz_rt` added and
//!   `{"code":200}` (or 500 when the handler failed, so that it is pushed again).
//! - Handlers run concurrently, at most `max_handlers` at once. While they
//!   are all busy, up to `max_handlers` more events wait for one; past
//!   that an event is answered 500 at once (the platform pushes it again).
//!   Reading, pinging and hearing shutdown never wait for a handler.
//! - A lost connection is replaced after a random wait (first up to
//!   `ReconnectNonce`, then growing to `ReconnectInterval`; never under
//!   100 ms), up to `ReconnectCount` times (-1: forever). A frame that
//!   takes over 10 seconds to write, or a writer 256 frames behind, means a
//!   dead connection. Handlers running when it is lost go on; their events
//!   are pushed again and found handled.
//! - The future passed to `run` stops it: no new events are read, events
//!   still waiting for a handler are answered 500, running handlers get up
//!   to the drain timeout (default 10 s) to finish and answer, and the socket
//!   is closed. Handlers still running then are cancelled (their events are
//!   pushed again later): [`Stopped::abandoned`] says how many, and a warning
//!   is logged. In ack-first mode the dispatcher's pool gets what is left of
//!   the drain timeout ([`Dispatcher::shutdown`]), and its cancelled events
//!   count as abandoned too.

mod fragments;

use std::collections::VecDeque;
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use rand::Rng;
use serde::Deserialize;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, mpsc};
use tokio::task::JoinSet;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

pub use fragments::{FragmentError, Fragments};

use super::dispatch::Dispatcher;
use super::frame::{Frame, METHOD_CONTROL, METHOD_DATA};
use crate::client::Secret;

/// Endpoint and handshake codes.
mod codes {
    pub const SYSTEM_BUSY: i64 = 1;
    pub const INTERNAL_ERROR: i64 = 1_000_040_343;
    pub const EXCEED_CONN_LIMIT: i64 = 1_000_040_350;
    pub const INCORRECT_DOMAIN: i64 = 1_000_040_351;
}

/// Why [`LongConnection::run`] stopped without being asked to.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WsError {
    /// The platform refused for good (wrong credentials, too many connections,
    /// wrong domain): retrying would not help.
    #[error("long connection refused: code {code}: {msg}")]
    Refused {
        /// The code.
        code: i64,
        /// Its message.
        msg: String,
    },
    /// `ReconnectCount` attempts failed.
    #[error("gave up after {attempts} reconnect attempts: {last}")]
    GaveUp {
        /// Attempts made.
        attempts: u32,
        /// The last failure.
        last: String,
    },
    /// The client could not be built (TLS setup).
    #[error("long connection setup: {0}")]
    Setup(String),
}

/// How [`LongConnection::run`] ended when asked to stop.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Stopped {
    /// Handlers still running after the drain timeout, cancelled (their
    /// events are pushed again later).
    pub abandoned: usize,
}

/// The longest interval taken from the platform's config.
const MAX_CONFIG_SECS: u64 = 86_400;
/// The shortest wait before reconnecting, whatever the config says: a
/// platform that answers `ReconnectInterval: 0` and drops each connection
/// at once gets at most ten attempts a second.
const MIN_RECONNECT_WAIT: Duration = Duration::from_millis(100);
/// How long one frame may take to write before the connection is taken for dead.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

/// Logs a handler task that did not end normally (a panic outside the
/// dispatcher's own catch).
fn log_join_error(joined: Result<(), tokio::task::JoinError>) {
    if let Err(error) = joined
        && !error.is_cancelled()
    {
        tracing::error!(%error, "long-connection handler task failed");
    }
}

/// The platform's client config (seconds).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct ClientConfig {
    ping_interval: u64,
    reconnect_count: i64,
    reconnect_interval: u64,
    reconnect_nonce: u64,
}

impl Default for ClientConfig {
    fn default() -> Self {
        Self {
            ping_interval: 120,
            reconnect_count: -1,
            reconnect_interval: 120,
            reconnect_nonce: 30,
        }
    }
}

impl ClientConfig {
    /// Takes what `json` (a `ClientConfig` object) says, field by field:
    /// numbers in any JSON form (or as strings), held to the range that
    /// keeps the arithmetic finite; a field that is missing or not a number
    /// keeps its value. Whether anything was read.
    fn update(&mut self, json: &serde_json::Value) -> bool {
        let Some(object) = json.as_object() else {
            return false;
        };
        let number = |name: &str| object.get(name).and_then(number);
        let seconds =
            |name: &str| number(name).map(|n| n.clamp(0.0, MAX_CONFIG_SECS as f64) as u64);
        if let Some(n) = seconds("PingInterval") {
            self.ping_interval = n.max(1);
        }
        if let Some(n) = number("ReconnectCount") {
            // `as` saturates: ±huge is "forever" or the largest count.
            self.reconnect_count = if n < 0.0 { -1 } else { n as i64 };
        }
        if let Some(n) = seconds("ReconnectInterval") {
            self.reconnect_interval = n;
        }
        if let Some(n) = seconds("ReconnectNonce") {
            self.reconnect_nonce = n;
        }
        true
    }

    /// The ping interval.
    fn ping_every(&self) -> Duration {
        Duration::from_secs(self.ping_interval.clamp(1, MAX_CONFIG_SECS))
    }
}

/// A JSON number (or a string holding one), not NaN.
fn number(value: &serde_json::Value) -> Option<f64> {
    let n = match value {
        serde_json::Value::Number(n) => n.as_f64()?,
        serde_json::Value::String(s) => s.trim().parse::<f64>().ok()?,
        _ => return None,
    };
    (!n.is_nan()).then_some(n)
}

/// Builds a [`LongConnection`].
#[derive(Debug)]
pub struct LongConnectionBuilder {
    app_id: String,
    app_secret: Secret,
    base_url: String,
    dispatcher: Arc<Dispatcher>,
    max_handlers: usize,
    drain_timeout: Duration,
    fragment_expiry: Duration,
}

impl LongConnectionBuilder {
    /// The platform's address (default Feishu; use [`crate::client::LARK`] for Lark,
    /// whose apps must ask Lark's domain).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into().trim_end_matches('/').to_owned();
        self
    }

    /// Lark (`https://open.larksuite.com`).
    pub fn lark(self) -> Self {
        self.base_url(crate::client::LARK)
    }

    /// Handlers running at once, at most (default 64; held to 1 ..= 65,536).
    pub fn max_handlers(mut self, n: usize) -> Self {
        self.max_handlers = n.clamp(1, 1 << 16);
        self
    }

    /// How long a shutdown waits for running handlers (default 10 s).
    pub fn drain_timeout(mut self, timeout: Duration) -> Self {
        self.drain_timeout = timeout;
        self
    }

    /// Builds the client.
    pub fn build(self) -> Result<LongConnection, WsError> {
        let tls = crate::tls::client_config().map_err(|e| WsError::Setup(e.to_string()))?;
        let http = reqwest::Client::builder()
            .tls_backend_preconfigured(tls.clone())
            .timeout(Duration::from_secs(15))
            .user_agent(concat!("lark-rs/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| WsError::Setup(e.to_string()))?;
        Ok(LongConnection {
            app_id: self.app_id,
            app_secret: self.app_secret,
            base_url: self.base_url,
            dispatcher: self.dispatcher,
            max_handlers: self.max_handlers,
            drain_timeout: self.drain_timeout,
            fragment_expiry: self.fragment_expiry,
            http,
            tls: Arc::new(tls),
        })
    }
}

/// A long-connection client for one app.
pub struct LongConnection {
    app_id: String,
    app_secret: Secret,
    base_url: String,
    dispatcher: Arc<Dispatcher>,
    max_handlers: usize,
    drain_timeout: Duration,
    fragment_expiry: Duration,
    http: reqwest::Client,
    tls: Arc<rustls::ClientConfig>,
}

impl std::fmt::Debug for LongConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LongConnection")
            .field("app_id", &self.app_id)
            .field("base_url", &self.base_url)
            .field("max_handlers", &self.max_handlers)
            .finish_non_exhaustive()
    }
}

/// How a connection attempt failed.
enum ConnectError {
    Fatal(i64, String),
    Retry(String),
}

/// How a session ended.
enum SessionEnd {
    Stopped(Stopped),
    Lost(String),
}

/// What the handlers of every session share: the bound on how many run at
/// once, and the tasks running them.
struct Handlers {
    permits: Arc<Semaphore>,
    tasks: JoinSet<()>,
}

#[derive(Deserialize)]
struct EndpointAnswer {
    #[serde(default)]
    code: i64,
    #[serde(default)]
    msg: String,
    data: Option<EndpointData>,
}

#[derive(Deserialize)]
struct EndpointData {
    #[serde(rename = "URL", default)]
    url: String,
    #[serde(rename = "ClientConfig", default)]
    client_config: serde_json::Value,
}

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

impl LongConnection {
    /// Starts building a client: the app's credentials and where events go.
    pub fn builder(
        app_id: impl Into<String>,
        app_secret: impl Into<String>,
        dispatcher: impl Into<Arc<Dispatcher>>,
    ) -> LongConnectionBuilder {
        LongConnectionBuilder {
            app_id: app_id.into(),
            app_secret: Secret::new(app_secret),
            base_url: crate::client::FEISHU.to_owned(),
            dispatcher: dispatcher.into(),
            max_handlers: 64,
            drain_timeout: Duration::from_secs(10),
            fragment_expiry: Duration::from_secs(5),
        }
    }

    /// Connects and handles events until `shutdown` completes (then `Ok`,
    /// saying how many handlers were abandoned), the platform refuses for
    /// good, or reconnecting gives up.
    pub async fn run(&self, shutdown: impl Future<Output = ()>) -> Result<Stopped, WsError> {
        let mut shutdown = std::pin::pin!(shutdown);
        let mut config = ClientConfig::default();
        let mut handlers = Handlers {
            permits: Arc::new(Semaphore::new(self.max_handlers)),
            tasks: JoinSet::new(),
        };
        let mut failures = 0u32;
        loop {
            let attempt = tokio::select! {
                attempt = self.connect(&mut config) => attempt,
                () = &mut shutdown => return Ok(self.drain(&mut handlers).await),
            };
            let reason = match attempt {
                Ok((socket, service)) => {
                    failures = 0;
                    tracing::info!(app_id = %self.app_id, "long connection established");
                    match self
                        .session(socket, service, &mut config, &mut shutdown, &mut handlers)
                        .await
                    {
                        SessionEnd::Stopped(stopped) => return Ok(stopped),
                        SessionEnd::Lost(reason) => reason,
                    }
                }
                Err(ConnectError::Fatal(code, msg)) => return Err(WsError::Refused { code, msg }),
                Err(ConnectError::Retry(reason)) => reason,
            };
            failures = failures.saturating_add(1);
            if config.reconnect_count >= 0 && i64::from(failures) > config.reconnect_count {
                return Err(WsError::GaveUp {
                    attempts: failures,
                    last: reason,
                });
            }
            let wait = reconnect_wait(&config, failures);
            tracing::warn!(%reason, ?wait, "long connection lost; reconnecting");
            tokio::select! {
                () = tokio::time::sleep(wait) => {}
                () = &mut shutdown => return Ok(self.drain(&mut handlers).await),
            }
        }
    }

    /// Waits up to the drain timeout for running handlers (and the
    /// dispatcher's ack-first pool), then cancels the rest.
    async fn drain(&self, handlers: &mut Handlers) -> Stopped {
        let started = Instant::now();
        let tasks = &mut handlers.tasks;
        let _ = tokio::time::timeout(self.drain_timeout, async {
            while let Some(joined) = tasks.join_next().await {
                log_join_error(joined);
            }
        })
        .await;
        let running = tasks.len();
        if running > 0 {
            tracing::warn!(
                abandoned = running,
                drain_timeout = ?self.drain_timeout,
                "long connection stopped with handlers still running: they are cancelled, and their events will be pushed again"
            );
            tasks.abort_all();
            // Cancelled tasks end at their next await; one that blocks its
            // thread is left behind rather than waited for.
            let _ = tokio::time::timeout(Duration::from_secs(1), async {
                while tasks.join_next().await.is_some() {}
            })
            .await;
            tasks.detach_all();
        }
        let left = self.drain_timeout.saturating_sub(started.elapsed());
        let queued = self.dispatcher.shutdown(left).await;
        Stopped {
            abandoned: running + queued,
        }
    }

    /// Asks the endpoint for a URL and opens the socket.
    async fn connect(&self, config: &mut ClientConfig) -> Result<(Socket, i32), ConnectError> {
        let url = format!("{}/callback/ws/endpoint", self.base_url);
        let response = self
            .http
            .post(&url)
            .header("locale", "zh")
            .json(&serde_json::json!({"AppID": self.app_id, "AppSecret": self.app_secret.expose()}))
            .send()
            .await
            .map_err(|e| ConnectError::Retry(format!("endpoint: {e}")))?;
        let status = response.status();
        if !status.is_success() {
            return Err(ConnectError::Retry(format!(
                "endpoint answered HTTP {status}"
            )));
        }
        let answer: EndpointAnswer = response
            .json()
            .await
            .map_err(|e| ConnectError::Retry(format!("endpoint answer: {e}")))?;
        match answer.code {
            0 => {}
            codes::SYSTEM_BUSY | codes::INTERNAL_ERROR => {
                return Err(ConnectError::Retry(format!(
                    "endpoint: {} {}",
                    answer.code, answer.msg
                )));
            }
            codes::INCORRECT_DOMAIN => {
                return Err(ConnectError::Fatal(
                    answer.code,
                    format!("{} (a Lark app must use the Lark base URL)", answer.msg),
                ));
            }
            code => return Err(ConnectError::Fatal(code, answer.msg)),
        }
        let data = answer
            .data
            .ok_or_else(|| ConnectError::Retry("endpoint answer has no data".into()))?;
        config.update(&data.client_config);
        let url = reqwest::Url::parse(&data.url)
            .map_err(|e| ConnectError::Retry(format!("endpoint URL: {e}")))?;
        let service = url
            .query_pairs()
            .find(|(k, _)| k == "service_id")
            .and_then(|(_, v)| v.parse::<i32>().ok())
            .unwrap_or_default();
        let request = data
            .url
            .as_str()
            .into_client_request()
            .map_err(|e| ConnectError::Retry(format!("endpoint URL: {e}")))?;
        let connector = tokio_tungstenite::Connector::Rustls(Arc::clone(&self.tls));
        match tokio_tungstenite::connect_async_tls_with_config(request, None, true, Some(connector))
            .await
        {
            Ok((socket, _)) => Ok((socket, service)),
            Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
                let header = |name: &str| {
                    response
                        .headers()
                        .get(name)
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| v.parse::<i64>().ok())
                };
                let status =
                    header("handshake-status").unwrap_or(i64::from(response.status().as_u16()));
                let code = header("handshake-autherrcode").unwrap_or_default();
                let msg = response
                    .headers()
                    .get("handshake-msg")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("handshake refused")
                    .to_owned();
                if status == 403 || (status == 514 && code == codes::EXCEED_CONN_LIMIT) {
                    Err(ConnectError::Fatal(
                        if code == 0 { status } else { code },
                        msg,
                    ))
                } else {
                    Err(ConnectError::Retry(format!(
                        "handshake {status} ({code}): {msg}"
                    )))
                }
            }
            Err(e) => Err(ConnectError::Retry(format!("connect: {e}"))),
        }
    }

    /// Serves one connection until it is lost or shutdown is asked for.
    async fn session(
        &self,
        socket: Socket,
        service: i32,
        config: &mut ClientConfig,
        shutdown: &mut std::pin::Pin<&mut impl Future<Output = ()>>,
        handlers: &mut Handlers,
    ) -> SessionEnd {
        let (mut sink, mut stream) = socket.split();
        let (out, mut outgoing) = mpsc::channel::<Message>(256);
        let mut writer = tokio::spawn(async move {
            while let Some(message) = outgoing.recv().await {
                let closing = matches!(message, Message::Close(_));
                let sent = tokio::time::timeout(WRITE_TIMEOUT, sink.send(message)).await;
                if !matches!(sent, Ok(Ok(()))) || closing {
                    break;
                }
            }
            let _ = tokio::time::timeout(WRITE_TIMEOUT, sink.close()).await;
        });
        let mut fragments = Fragments::new(self.fragment_expiry);
        // Complete events waiting for a handler.
        let mut waiting: VecDeque<(Frame, Vec<u8>)> = VecDeque::new();
        let mut ping_every = config.ping_every();
        let mut ping = tokio::time::interval(ping_every);
        let mut last_frame = Instant::now();

        let end = loop {
            tokio::select! {
                () = &mut *shutdown => break SessionEnd::Stopped(Stopped::default()),
                _ = ping.tick() => {
                    let dead_after = ping_every.saturating_mul(2);
                    if last_frame.elapsed() > dead_after {
                        break SessionEnd::Lost(format!("no frame for {dead_after:?} (two ping intervals)"));
                    }
                    // Never waits: a writer 256 frames behind is a dead connection.
                    if out.try_send(Message::Binary(Frame::ping(service).to_bytes().into())).is_err() {
                        break SessionEnd::Lost("the connection does not take writes".into());
                    }
                }
                permit = Arc::clone(&handlers.permits).acquire_owned(), if !waiting.is_empty() => {
                    let (Ok(permit), Some((frame, payload))) = (permit, waiting.pop_front()) else {
                        break SessionEnd::Lost("handlers closed".into());
                    };
                    self.start(&mut handlers.tasks, permit, frame, payload, &out);
                }
                Some(joined) = handlers.tasks.join_next(), if !handlers.tasks.is_empty() => log_join_error(joined),
                incoming = stream.next() => {
                    let message = match incoming {
                        Some(Ok(message)) => message,
                        Some(Err(e)) => break SessionEnd::Lost(format!("read: {e}")),
                        None => break SessionEnd::Lost("the server closed the connection".into()),
                    };
                    last_frame = Instant::now();
                    let bytes = match message {
                        Message::Binary(bytes) => bytes,
                        Message::Close(_) => break SessionEnd::Lost("the server closed the connection".into()),
                        _ => continue,
                    };
                    let Ok(frame) = Frame::from_bytes(&bytes) else {
                        tracing::warn!(bytes = bytes.len(), "undecodable frame skipped");
                        continue;
                    };
                    match (frame.method, frame.kind()) {
                        (METHOD_CONTROL, "pong") => {
                            let updated = frame
                                .payload
                                .as_deref()
                                .and_then(|p| serde_json::from_slice::<serde_json::Value>(p).ok())
                                .is_some_and(|json| config.update(&json));
                            let every = config.ping_every();
                            if updated && every != ping_every {
                                ping_every = every;
                                let start = tokio::time::Instant::now()
                                    .checked_add(every)
                                    .unwrap_or_else(tokio::time::Instant::now);
                                ping = tokio::time::interval_at(start, every);
                            }
                        }
                        (METHOD_DATA, "event") => {
                            let payload = match fragments.add(&frame, Instant::now()) {
                                Ok(Some(payload)) => payload,
                                Ok(None) => continue,
                                Err(e) => {
                                    tracing::warn!(error = %e, "fragment dropped");
                                    continue;
                                }
                            };
                            let free = waiting
                                .is_empty()
                                .then(|| Arc::clone(&handlers.permits).try_acquire_owned().ok())
                                .flatten();
                            if let Some(permit) = free {
                                self.start(&mut handlers.tasks, permit, frame, payload, &out);
                            } else if waiting.len() < self.max_handlers {
                                waiting.push_back((frame, payload));
                            } else {
                                tracing::warn!("every handler is busy and as many events wait: answered 500, to be pushed again");
                                let reply = frame.reply(false, 0);
                                let _ = out.try_send(Message::Binary(reply.to_bytes().into()));
                            }
                        }
                        _ => {}
                    }
                }
            }
        };
        let end = match end {
            SessionEnd::Stopped(_) => {
                // Events no handler took are answered failed, so that they
                // are pushed again; running handlers get the drain timeout to
                // answer; then the socket is closed.
                // Nothing here waits on the socket: a stalled writer loses
                // these, and the platform pushes the events again anyway.
                for (frame, _) in waiting.drain(..) {
                    let reply = frame.reply(false, 0);
                    let _ = out.try_send(Message::Binary(reply.to_bytes().into()));
                }
                let stopped = self.drain(handlers).await;
                let _ = out.try_send(Message::Close(None));
                SessionEnd::Stopped(stopped)
            }
            lost => lost,
        };
        drop(out);
        if tokio::time::timeout(Duration::from_secs(2), &mut writer)
            .await
            .is_err()
        {
            writer.abort();
        }
        end
    }

    /// Runs an event's handler on its own task; its answer goes out when it ends.
    fn start(
        &self,
        tasks: &mut JoinSet<()>,
        permit: OwnedSemaphorePermit,
        frame: Frame,
        payload: Vec<u8>,
        out: &mpsc::Sender<Message>,
    ) {
        let dispatcher = Arc::clone(&self.dispatcher);
        let out = out.clone();
        tasks.spawn(async move {
            let started = Instant::now();
            let outcome = dispatcher.dispatch(&payload).await;
            let took = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
            let reply = frame.reply(outcome.acknowledged(), took);
            let _ = out.send(Message::Binary(reply.to_bytes().into())).await;
            drop(permit);
        });
    }
}

/// The wait before reconnect attempt `failures` (from 1): up to
/// `ReconnectNonce` the first time, then doubling up to `ReconnectInterval`,
/// each with up to a `ReconnectNonce` of jitter; never under 100 ms.
fn reconnect_wait(config: &ClientConfig, failures: u32) -> Duration {
    let nonce = Duration::from_secs(config.reconnect_nonce);
    let jitter = nonce.mul_f64(rand::rng().random_range(0.0..1.0));
    if failures <= 1 {
        return jitter.max(MIN_RECONNECT_WAIT);
    }
    let interval = Duration::from_secs(config.reconnect_interval);
    let grown = Duration::from_secs(1u64 << (failures - 1).min(16)).min(interval);
    (grown + jitter).max(MIN_RECONNECT_WAIT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reconnect_waits_grow_to_the_interval() {
        let config = ClientConfig {
            ping_interval: 120,
            reconnect_count: -1,
            reconnect_interval: 8,
            reconnect_nonce: 0,
        };
        let waits: Vec<u64> = (1..7)
            .map(|n| reconnect_wait(&config, n).as_secs())
            .collect();
        assert_eq!(waits, [0, 2, 4, 8, 8, 8]);
        let zero = ClientConfig {
            reconnect_interval: 0,
            ..config
        };
        for failures in [1, 5] {
            assert_eq!(reconnect_wait(&zero, failures), MIN_RECONNECT_WAIT);
        }
    }

    #[test]
    fn client_config_reads_the_pong_payload() {
        let mut c = ClientConfig {
            ping_interval: 1,
            reconnect_count: 0,
            reconnect_interval: 1,
            reconnect_nonce: 1,
        };
        assert!(c.update(&serde_json::json!(
            {"PingInterval": 120, "ReconnectCount": -1, "ReconnectInterval": 120, "ReconnectNonce": 30}
        )));
        assert_eq!(c, ClientConfig::default());
    }

    #[test]
    fn extreme_config_values_are_held_in_range() {
        let day = Duration::from_secs(MAX_CONFIG_SECS);
        for (value, ping) in [
            (serde_json::json!(0), Duration::from_secs(1)),
            (serde_json::json!(1u64 << 63), day),
            (serde_json::json!(u64::MAX), day),
            (serde_json::json!(1e30), day),
            (serde_json::json!(-1), Duration::from_secs(1)),
            (serde_json::json!(-1e30), Duration::from_secs(1)),
            (serde_json::json!("NaN"), Duration::from_secs(120)),
            (serde_json::json!("inf"), day),
            (serde_json::json!(null), Duration::from_secs(120)),
            (serde_json::json!("7"), Duration::from_secs(7)),
        ] {
            let mut c = ClientConfig::default();
            c.update(&serde_json::json!({
                "PingInterval": value, "ReconnectInterval": value,
                "ReconnectNonce": value, "ReconnectCount": value,
            }));
            assert_eq!(c.ping_every(), ping, "{value}");
            assert!(c.reconnect_interval <= MAX_CONFIG_SECS, "{value}");
            assert!(c.reconnect_nonce <= MAX_CONFIG_SECS, "{value}");
            // What the session and the reconnect loop compute from it.
            let _ = c.ping_every().saturating_mul(2);
            for failures in [1, 2, 30, u32::MAX] {
                assert!(reconnect_wait(&c, failures) <= day * 2, "{value}");
            }
        }
        assert!(!ClientConfig::default().update(&serde_json::json!([120])));
    }
}
