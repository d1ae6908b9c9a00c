//! The HTTP client: calls any generated endpoint with the right token.
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use lark_runtime::Client;
//!
//! let client = Client::builder("cli_a1b2c3d4e5f60708", "app secret").build()?;
//! let _token = client.tenant_access_token(None).await?;
//! # Ok(()) }
//! ```
//!
//! Any generated endpoint is called with [`Client::call`]; lark-sdk adds a
//! method per endpoint (`client.im().v1().message_reaction().delete(request)`).
//!
//! Tokens are fetched, cached per app and tenant, refreshed before they
//! expire (one fetch serves every concurrent caller), and fetched again when
//! the platform calls one invalid. Calls wait for the endpoint's documented
//! rate limit, and on `429`/`99991400` wait `x-ogw-ratelimit-reset` and retry.
//! Only requests that cannot have changed anything are retried: connect
//! failures, rate-limited and token-refused ones, and GETs.
//!
//! A paged list's `list_all` is a [`Paginator`], a `futures::Stream` of
//! its items that follows `page_token` and stops with an error where the
//! platform's paging would go round for ever.

pub(crate) mod answer;
mod call;
mod download;
mod error;
mod limiter;
mod multipart;
mod paginate;
mod pending;
mod token;

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

pub use download::Download;
pub use error::{Error, TokenError, TransportError};
pub use paginate::Paginator;
pub use pending::{Answer, AsData, AsDownload, Call, DownloadCall};

use limiter::Limiter;
use token::TokenCache;

pub use crate::secret::Secret;
use crate::store::{RateLimitStore, TicketStore, TokenStore};

/// `https://open.feishu.cn`.
pub const FEISHU: &str = "https://open.feishu.cn";
/// `https://open.larksuite.com`.
pub const LARK: &str = "https://open.larksuite.com";

/// A custom app (企业自建应用, the platform's "custom app": one tenant) or a
/// store app (应用商店应用). The spec's `app_types` use the same two names,
/// `custom` and `store`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum AppType {
    /// One tenant; tokens from the app id and secret.
    #[default]
    Custom,
    /// Installed by tenants; tokens need the app_ticket the platform pushes,
    /// and calls name the tenant.
    Store,
}

/// How a client behaves.
#[derive(Clone, Debug)]
pub(crate) struct Config {
    app_id: String,
    app_secret: Secret,
    app_type: AppType,
    base_url: String,
    timeout: Duration,
    connect_timeout: Duration,
    rate_limit: bool,
    max_retries: u32,
    max_rate_limit_wait: Duration,
    refresh_margin: Duration,
    app_ticket_wait: Duration,
}

/// Builds a [`Client`].
pub struct ClientBuilder {
    config: Config,
    http: Option<reqwest::Client>,
    tokens: Option<Arc<dyn TokenStore>>,
    tickets: Option<Arc<dyn TicketStore>>,
    limits: Option<Arc<dyn RateLimitStore>>,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("config", &self.config)
            .field("token_store", &self.tokens.is_some())
            .field("ticket_store", &self.tickets.is_some())
            .field("rate_limit_store", &self.limits.is_some())
            .finish_non_exhaustive()
    }
}

/// A client that cannot be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// `app_id` or `app_secret` is empty.
    #[error("app id and app secret must not be empty")]
    MissingCredentials,
    /// The base URL is not `http(s)://host[:port]`.
    #[error("base URL `{0}` is not an http or https URL")]
    BaseUrl(String),
    /// The HTTP client could not be made.
    #[error("HTTP client: {0}")]
    Http(#[from] reqwest::Error),
    /// TLS could not be set up (the system's certificate store, say).
    #[error("TLS: {0}")]
    Tls(String),
}

impl ClientBuilder {
    /// A custom app on Feishu, with the defaults.
    pub fn new(app_id: impl Into<String>, app_secret: impl Into<String>) -> Self {
        Self {
            config: Config {
                app_id: app_id.into(),
                app_secret: Secret::new(app_secret),
                app_type: AppType::Custom,
                base_url: FEISHU.to_owned(),
                timeout: Duration::from_secs(30),
                connect_timeout: Duration::from_secs(5),
                rate_limit: true,
                max_retries: 3,
                max_rate_limit_wait: Duration::from_secs(60),
                refresh_margin: Duration::from_secs(180),
                app_ticket_wait: Duration::from_secs(10),
            },
            http: None,
            tokens: None,
            tickets: None,
            limits: None,
        }
    }

    /// A custom or a store app.
    pub fn app_type(mut self, app_type: AppType) -> Self {
        self.config.app_type = app_type;
        self
    }

    /// The platform's address: [`FEISHU`] (default), [`LARK`], or any URL
    /// (a proxy, a local server).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.config.base_url = url.into().trim_end_matches('/').to_owned();
        self
    }

    /// Lark (`https://open.larksuite.com`).
    pub fn lark(self) -> Self {
        self.base_url(LARK)
    }

    /// Time allowed for each HTTP request (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.config.timeout = timeout;
        self
    }

    /// Time allowed to connect (default 5 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.config.connect_timeout = timeout;
        self
    }

    /// Wait for each endpoint's documented rate limit before calling (default on).
    pub fn rate_limit(mut self, on: bool) -> Self {
        self.config.rate_limit = on;
        self
    }

    /// Retries after a connect failure or a rate limit (default 3).
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.config.max_retries = retries;
        self
    }

    /// The longest single wait for a rate limit to reset (default 60 s).
    pub fn max_rate_limit_wait(mut self, wait: Duration) -> Self {
        self.config.max_rate_limit_wait = wait;
        self
    }

    /// Refresh tokens this long before they expire (default 3 minutes).
    pub fn refresh_margin(mut self, margin: Duration) -> Self {
        self.config.refresh_margin = margin;
        self
    }

    /// How long a store app waits for its app_ticket after asking for one (default 10 s).
    pub fn app_ticket_wait(mut self, wait: Duration) -> Self {
        self.config.app_ticket_wait = wait;
        self
    }

    /// Shares tokens with the other replicas of this bot through `store`:
    /// one fetch per token for all of them (see [`TokenStore`]).
    pub fn token_store(mut self, store: impl TokenStore) -> Self {
        self.tokens = Some(Arc::new(store));
        self
    }

    /// Shares a store app's app_ticket through `store`: the platform pushes
    /// it to one replica, and all of them use it.
    pub fn ticket_store(mut self, store: impl TicketStore) -> Self {
        self.tickets = Some(Arc::new(store));
        self
    }

    /// Counts calls against the documented rate limits in `store`, with
    /// the other replicas' calls; a `429`'s reset holds them all. Calls
    /// fall back to this client's own limiter while the store cannot be
    /// reached. No effect with [`Self::rate_limit`] off.
    pub fn rate_limit_store(mut self, store: impl RateLimitStore) -> Self {
        self.limits = Some(Arc::new(store));
        self
    }

    /// Uses a given HTTP client (its timeouts then apply).
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// Builds the client.
    pub fn build(self) -> Result<Client, BuildError> {
        let c = &self.config;
        if c.app_id.is_empty() || c.app_secret.expose().is_empty() {
            return Err(BuildError::MissingCredentials);
        }
        let url_ok = (c.base_url.starts_with("http://") || c.base_url.starts_with("https://"))
            && c.base_url
                .split("://")
                .nth(1)
                .is_some_and(|rest| !rest.is_empty() && !rest.contains(['?', '#']));
        if !url_ok {
            return Err(BuildError::BaseUrl(c.base_url.clone()));
        }
        let http = match self.http {
            Some(http) => http,
            None => http_client(
                crate::tls::client_config().map_err(|e| BuildError::Tls(e.to_string()))?,
                c.connect_timeout,
            )?,
        };
        let mut tokens = TokenCache::default();
        tokens.shared = self.tokens;
        tokens.tickets = self.tickets;
        let limits = self.limits;
        Ok(Client {
            inner: Arc::new(Inner {
                tokens,
                limiter: self.config.rate_limit.then(|| Limiter::new(limits)),
                config: self.config,
                http,
            }),
        })
    }
}

/// The HTTP client the SDK makes when given none (the client's and the long
/// connection's): `tls` (from [`crate::tls`]), a connect timeout and the
/// SDK's user agent. Each request sets its own overall timeout.
pub(crate) fn http_client(
    tls: rustls::ClientConfig,
    connect_timeout: Duration,
) -> Result<reqwest::Client, reqwest::Error> {
    reqwest::Client::builder()
        .tls_backend_preconfigured(tls)
        .connect_timeout(connect_timeout)
        .user_agent(concat!("lark-rs/", env!("CARGO_PKG_VERSION")))
        .build()
}

/// A Feishu / Lark Open Platform client for one app. Cheap to clone; clones
/// share the token cache, which is never shared with another app's client.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    config: Config,
    http: reqwest::Client,
    tokens: TokenCache,
    limiter: Option<Limiter>,
}

impl Client {
    /// Starts building a client for an app.
    pub fn builder(app_id: impl Into<String>, app_secret: impl Into<String>) -> ClientBuilder {
        ClientBuilder::new(app_id, app_secret)
    }

    /// The app's id.
    pub fn app_id(&self) -> &str {
        &self.inner.config.app_id
    }

    /// The base URL.
    pub fn base_url(&self) -> &str {
        &self.inner.config.base_url
    }

    /// Gives a store app the app_ticket the platform pushed (the `app_ticket`
    /// event); the event dispatcher does this itself.
    pub fn set_app_ticket(&self, ticket: impl Into<String>) {
        self.inner
            .tokens
            .set_app_ticket(&self.inner.config.app_id, Secret::new(ticket));
    }

    /// How many tokens this client has fetched (for tests and metrics).
    pub fn token_fetches(&self) -> u64 {
        self.inner.tokens.fetches()
    }

    /// The tenant_access_token for calls (of a store app: for a tenant).
    pub async fn tenant_access_token(
        &self,
        tenant_key: Option<&str>,
    ) -> Result<Secret, TokenError> {
        token::tenant(&self.inner, tenant_key).await
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("app_id", &self.inner.config.app_id)
            .field("app_type", &self.inner.config.app_type)
            .field("base_url", &self.inner.config.base_url)
            .finish_non_exhaustive()
    }
}

/// Per-call choices.
#[derive(Clone, Debug, Default)]
pub struct RequestOptions {
    user_access_token: Option<Secret>,
    tenant_key: Option<String>,
    headers: Vec<(String, String)>,
    timeout: Option<Duration>,
}

impl RequestOptions {
    /// No options, for calls made without any.
    pub const NONE: &'static RequestOptions = &RequestOptions::new();

    /// No options: the tenant token, the client's timeout.
    pub const fn new() -> Self {
        Self {
            user_access_token: None,
            tenant_key: None,
            headers: Vec::new(),
            timeout: None,
        }
    }

    /// Act for a user with their user_access_token (the endpoint must accept one).
    pub fn user_access_token(mut self, token: impl Into<String>) -> Self {
        self.user_access_token = Some(Secret::new(token));
        self
    }

    /// The tenant a store app calls for.
    pub fn tenant_key(mut self, tenant_key: impl Into<String>) -> Self {
        self.tenant_key = Some(tenant_key.into());
        self
    }

    /// An extra header.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// A timeout for this call.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }
}
