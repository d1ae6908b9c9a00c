//! Access tokens: fetched, cached per app and tenant, refreshed early.
//!
//! Each cache key has an async mutex: the first caller that finds the token
//! missing or due fetches it while the others wait, so any number of
//! concurrent callers cause one request. A token is refreshed `refresh_margin`
//! before it expires (half-way through its life when that is shorter), and
//! dropped when the platform calls it invalid.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::json;
use tokio::sync::watch;

use super::answer::{Answer, Shown, transport_error};
use super::error::TokenError;
use super::{AppType, Inner, Secret};
use crate::error::ApiError;

/// Which token.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum TokenKey {
    /// tenant_access_token: of the app's tenant (a custom app) or of a tenant (store).
    Tenant(Option<String>),
    /// app_access_token.
    App,
}

#[derive(Clone)]
struct Cached {
    token: Secret,
    refresh_at: Instant,
    expires_at: Instant,
}

type Slot = Arc<tokio::sync::Mutex<Option<Cached>>>;

/// The tokens of one client.
pub(crate) struct TokenCache {
    slots: Mutex<HashMap<TokenKey, Slot>>,
    fetches: AtomicU64,
    ticket: watch::Sender<Option<Secret>>,
}

impl Default for TokenCache {
    fn default() -> Self {
        Self {
            slots: Mutex::default(),
            fetches: AtomicU64::new(0),
            ticket: watch::channel(None).0,
        }
    }
}

/// The code a token endpoint gives for a stale app_ticket.
const APP_TICKET_INVALID: i64 = 10_012;

impl TokenCache {
    fn slot(&self, key: &TokenKey) -> Slot {
        let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        Arc::clone(slots.entry(key.clone()).or_default())
    }

    pub(crate) fn fetches(&self) -> u64 {
        self.fetches.load(Ordering::Relaxed)
    }

    pub(crate) fn set_app_ticket(&self, ticket: Secret) {
        self.ticket.send_replace(Some(ticket));
    }

    /// Drops `token` from the cache, unless another caller already replaced it.
    pub(crate) async fn evict(&self, key: &TokenKey, token: &Secret) {
        let slot = self.slot(key);
        let mut cached = slot.lock().await;
        if cached.as_ref().is_some_and(|c| &c.token == token) {
            *cached = None;
        }
    }
}

/// The longest a token is kept, whatever `expire` says.
const MAX_LIFETIME: Duration = Duration::from_secs(24 * 3600);

/// The token for a key, from the cache or fetched.
pub(crate) async fn get(inner: &Inner, key: &TokenKey) -> Result<Secret, TokenError> {
    let slot = inner.tokens.slot(key);
    let mut cached = slot.lock().await;
    let now = Instant::now();
    if let Some(c) = cached.as_ref().filter(|c| now < c.refresh_at) {
        return Ok(c.token.clone());
    }
    match Box::pin(fetch(inner, key)).await {
        Ok((token, lifetime)) => {
            // A lifetime too long to add to an instant (the platform's is
            // two hours) is held to a day.
            let lifetime = lifetime.min(MAX_LIFETIME);
            inner.tokens.fetches.fetch_add(1, Ordering::Relaxed);
            let margin = inner.config.refresh_margin;
            let fresh_for = if lifetime > margin {
                lifetime - margin
            } else {
                lifetime / 2
            };
            let later = |d: Duration| now.checked_add(d).unwrap_or(now);
            *cached = Some(Cached {
                token: token.clone(),
                refresh_at: later(fresh_for),
                expires_at: later(lifetime),
            });
            Ok(token)
        }
        // A refresh that fails while the old token is still valid keeps it.
        Err(e) => match cached.as_ref().filter(|c| now < c.expires_at) {
            Some(c) => {
                tracing::warn!(error = %e, "token refresh failed; the current token is still valid");
                Ok(c.token.clone())
            }
            None => Err(e),
        },
    }
}

/// The tenant token a call uses.
pub(crate) async fn tenant(inner: &Inner, tenant_key: Option<&str>) -> Result<Secret, TokenError> {
    let key = match inner.config.app_type {
        AppType::Custom => TokenKey::Tenant(None),
        AppType::Store => {
            TokenKey::Tenant(Some(tenant_key.ok_or(TokenError::NoTenantKey)?.to_owned()))
        }
    };
    get(inner, &key).await
}

/// What a token endpoint gives besides the envelope's `code` and `msg`.
#[derive(Deserialize)]
struct TokenAnswer {
    tenant_access_token: Option<String>,
    app_access_token: Option<String>,
    #[serde(default)]
    expire: u64,
}

/// Fetches a token: the token and how long it lives.
async fn fetch(inner: &Inner, key: &TokenKey) -> Result<(Secret, Duration), TokenError> {
    let c = &inner.config;
    let (path, body, field) = match (c.app_type, key) {
        (AppType::Custom, TokenKey::Tenant(_)) => (
            "/open-apis/auth/v3/tenant_access_token/internal",
            json!({"app_id": c.app_id, "app_secret": c.app_secret.expose()}),
            Field::Tenant,
        ),
        (AppType::Custom, TokenKey::App) => (
            "/open-apis/auth/v3/app_access_token/internal",
            json!({"app_id": c.app_id, "app_secret": c.app_secret.expose()}),
            Field::App,
        ),
        (AppType::Store, TokenKey::App) => return store_app_token(inner).await,
        (AppType::Store, TokenKey::Tenant(None)) => return Err(TokenError::NoTenantKey),
        (AppType::Store, TokenKey::Tenant(Some(tenant_key))) => {
            let app_token = get(inner, &TokenKey::App).await?;
            (
                "/open-apis/auth/v3/tenant_access_token",
                json!({"app_access_token": app_token.expose(), "tenant_key": tenant_key}),
                Field::Tenant,
            )
        }
    };
    post(inner, path, &body, field).await
}

#[derive(Clone, Copy)]
enum Field {
    Tenant,
    App,
}

/// A store app's app_access_token, asking for a new app_ticket when there is
/// none or the platform says it is stale.
async fn store_app_token(inner: &Inner) -> Result<(Secret, Duration), TokenError> {
    let c = &inner.config;
    for attempt in 0..2 {
        let ticket = app_ticket(inner, attempt > 0).await?;
        let body = json!({"app_id": c.app_id, "app_secret": c.app_secret.expose(), "app_ticket": ticket.expose()});
        match post(
            inner,
            "/open-apis/auth/v3/app_access_token",
            &body,
            Field::App,
        )
        .await
        {
            Err(TokenError::Api(e)) if e.code == APP_TICKET_INVALID && attempt == 0 => {
                inner.tokens.ticket.send_replace(None);
            }
            other => return other,
        }
    }
    Err(TokenError::NoAppTicket)
}

/// The current app_ticket; when there is none, asks the platform to push one
/// (`app_ticket/resend`) and waits for it to arrive.
async fn app_ticket(inner: &Inner, renew: bool) -> Result<Secret, TokenError> {
    let mut seen = inner.tokens.ticket.subscribe();
    if !renew && let Some(ticket) = seen.borrow_and_update().clone() {
        return Ok(ticket);
    }
    let c = &inner.config;
    let body = json!({"app_id": c.app_id, "app_secret": c.app_secret.expose()});
    send(inner, "/open-apis/auth/v3/app_ticket/resend", &body).await?;
    let arrived = tokio::time::timeout(c.app_ticket_wait, seen.wait_for(Option::is_some)).await;
    match arrived {
        Ok(Ok(ticket)) => ticket.clone().ok_or(TokenError::NoAppTicket),
        _ => Err(TokenError::NoAppTicket),
    }
}

async fn post(
    inner: &Inner,
    path: &str,
    body: &serde_json::Value,
    field: Field,
) -> Result<(Secret, Duration), TokenError> {
    let answer = send(inner, path, body).await?;
    let token = match field {
        Field::Tenant => answer.tenant_access_token,
        Field::App => answer.app_access_token,
    };
    match token {
        Some(token) if !token.is_empty() => Ok((
            Secret::new(token),
            Duration::from_secs(answer.expire.max(1)),
        )),
        _ => Err(TokenError::Api(Box::new(ApiError::new(
            0,
            "the answer holds no token",
        )))),
    }
}

/// POSTs to a token endpoint; a non-zero `code` is a [`TokenError::Api`].
async fn send(
    inner: &Inner,
    path: &str,
    body: &serde_json::Value,
) -> Result<TokenAnswer, TokenError> {
    let url = format!("{}{path}", inner.config.base_url);
    let response = inner
        .http
        .post(&url)
        .timeout(inner.config.timeout)
        .json(body)
        .send()
        .await
        .map_err(|source| transport_error(&url, inner.config.timeout, source))?;
    let answer = Answer::read(&url, response).await?;
    let envelope = answer.envelope(Shown::Redacted)?;
    if envelope.code != 0 {
        return Err(TokenError::Api(Box::new(envelope.into_error(&answer))));
    }
    Ok(answer.json(Shown::Redacted)?)
}
