//! Receiving events over the long connection (长连接): no public address, no
//! decryption; the platform pushes each event to one connected client.
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use lark_runtime::event::{Dispatcher, LongConnection};
//!
//! let dispatcher = Dispatcher::new().fallback(|raw| async move {
//!     println!("{}", raw.event_type());
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
//!   `{"code":200}` (or 500 when the handler failed, so that it is pushed again);
//!   a callback's answer goes base64-encoded in `data`:
//!   `{"code":200,"data":"eyJ0b2FzdCI6e319"}`.
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

mod config;
mod fragments;
mod session;

use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Deserialize;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

pub use fragments::{FragmentError, Fragments};

use super::dispatch::Dispatcher;
use crate::client::answer::{Answer, Shown};
use crate::secret::Secret;
use config::{ClientConfig, reconnect_wait};
use session::log_join_error;

/// How long asking the endpoint for a URL may take, connecting included.
const ENDPOINT_TIMEOUT: Duration = Duration::from_secs(15);

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
    http: Option<reqwest::Client>,
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

    /// Asks the endpoint for a URL with a given HTTP client (one a
    /// [`Client`](crate::Client) uses too, say) rather than one of its own.
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// Builds the client.
    pub fn build(self) -> Result<LongConnection, WsError> {
        let tls = crate::tls::client_config().map_err(|e| WsError::Setup(e.to_string()))?;
        let http = match self.http {
            Some(http) => http,
            None => crate::client::http_client(tls.clone(), ENDPOINT_TIMEOUT)
                .map_err(|e| WsError::Setup(e.to_string()))?,
        };
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
            http: None,
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
            .timeout(ENDPOINT_TIMEOUT)
            .header("locale", "zh")
            .json(&serde_json::json!({"AppID": self.app_id, "AppSecret": self.app_secret.expose()}))
            .send()
            .await
            .map_err(|e| ConnectError::Retry(format!("endpoint: {e}")))?;
        let answer = Answer::read(&url, response)
            .await
            .map_err(|e| ConnectError::Retry(format!("endpoint: {e}")))?;
        if !(200..300).contains(&answer.status) {
            return Err(ConnectError::Retry(format!(
                "endpoint answered HTTP {}",
                answer.status
            )));
        }
        // The answer's URL carries a ticket: error messages show it redacted.
        let envelope = answer
            .envelope(Shown::Redacted)
            .map_err(|e| ConnectError::Retry(format!("endpoint answer: {e}")))?;
        match envelope.code {
            0 => {}
            codes::SYSTEM_BUSY | codes::INTERNAL_ERROR => {
                return Err(ConnectError::Retry(format!(
                    "endpoint: {} {}",
                    envelope.code, envelope.msg
                )));
            }
            codes::INCORRECT_DOMAIN => {
                return Err(ConnectError::Fatal(
                    envelope.code,
                    format!("{} (a Lark app must use the Lark base URL)", envelope.msg),
                ));
            }
            code => return Err(ConnectError::Fatal(code, envelope.msg)),
        }
        let data: EndpointData = match envelope.data.filter(|d| d.get() != "null") {
            Some(data) => serde_json::from_str(data.get()).map_err(|_| {
                ConnectError::Retry(format!(
                    "endpoint answer: {}",
                    answer.unexpected(Shown::Redacted)
                ))
            })?,
            None => return Err(ConnectError::Retry("endpoint answer has no data".into())),
        };
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
}
