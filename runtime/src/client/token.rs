//! Access tokens: fetched, cached per app and tenant, refreshed early.
//!
//! Each cache key has an async mutex: the first caller that finds the token
//! missing or due fetches it while the others wait, so any number of
//! concurrent callers cause one request. A token is refreshed `refresh_margin`
//! before it expires (half-way through its life when that is shorter), and
//! dropped when the platform calls it invalid.
//!
//! With a shared [`TokenStore`] (several replicas of one bot), a token
//! missing or due here is looked for there first; when it is due there
//! too, the replica that takes the key's refresh lock fetches it and saves
//! it, and the others use the current token while it is valid, or wait
//! for the new one. The store failing is never the call's failure: the
//! replica then fetches its own.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::json;
use tokio::sync::watch;

use super::answer::{Answer, Shown, transport_error};
use super::error::TokenError;
use super::{AppType, Config, Inner, Secret};
use crate::error::ApiError;
use crate::store::{StoredToken, TicketStore, TokenStore};

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
    /// Shared with other replicas, when given.
    pub(crate) shared: Option<Arc<dyn TokenStore>>,
    pub(crate) tickets: Option<Arc<dyn TicketStore>>,
}

impl Default for TokenCache {
    fn default() -> Self {
        Self {
            slots: Mutex::default(),
            fetches: AtomicU64::new(0),
            ticket: watch::channel(None).0,
            shared: None,
            tickets: None,
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

    /// Keeps the ticket the platform pushed, and gives it to the other
    /// replicas through the shared store (in the background).
    pub(crate) fn set_app_ticket(&self, app_id: &str, ticket: Secret) {
        self.ticket.send_replace(Some(ticket.clone()));
        if let Some(store) = &self.tickets
            && let Ok(runtime) = tokio::runtime::Handle::try_current()
        {
            let store = Arc::clone(store);
            let app_id = app_id.to_owned();
            runtime.spawn(async move {
                if let Err(e) = store.save(&app_id, &ticket).await {
                    tracing::warn!(error = %e, "could not share the app ticket");
                }
            });
        }
    }

    /// Drops `token` from the cache (and the shared store), unless another
    /// caller already replaced it.
    pub(crate) async fn evict(&self, config: &Config, key: &TokenKey, token: &Secret) {
        let slot = self.slot(key);
        let mut cached = slot.lock().await;
        if cached.as_ref().is_some_and(|c| &c.token == token) {
            *cached = None;
        }
        if let Some(store) = &self.shared
            && let Err(e) = store.remove(&shared_key(config, key), token).await
        {
            tracing::warn!(error = %e, "could not remove a refused token from the shared store");
        }
    }
}

/// The key of a token in a shared store: the app, a fingerprint of its
/// secret and of the platform's address (SHA-256, 16 hex digits; a rotated
/// secret or another platform never finds the old entry), the kind and the
/// tenant.
pub(crate) fn shared_key(config: &Config, key: &TokenKey) -> String {
    use sha2::{Digest, Sha256};
    let mut hash = Sha256::new();
    hash.update(config.base_url.as_bytes());
    hash.update([0]);
    hash.update(config.app_secret.expose().as_bytes());
    let digest = hash.finalize();
    let mut print = String::with_capacity(16);
    for byte in &digest[..8] {
        print.push_str(&format!("{byte:02x}"));
    }
    let kind = match key {
        TokenKey::App => "app".to_owned(),
        TokenKey::Tenant(None) => "tenant".to_owned(),
        TokenKey::Tenant(Some(tenant)) => format!("tenant:{tenant}"),
    };
    format!("{}:{print}:{kind}", config.app_id)
}

/// How long a replica may hold a token's refresh lock.
const REFRESH_LEASE: Duration = Duration::from_secs(10);
/// How often a replica waiting for another's refresh looks again.
const REFRESH_POLL: Duration = Duration::from_millis(20);

/// What the shared store says to do.
enum Plan {
    /// Use this token (fresh, or current while another replica refreshes).
    Use(Cached),
    /// Fetch it here; with the refresh lock, save it and give the lock up.
    Fetch(Option<u64>),
}

/// A stored token as a cached one, on this process's clock.
fn cached_from(stored: &StoredToken) -> Cached {
    let (now, wall) = (Instant::now(), std::time::SystemTime::now());
    let at = |t: std::time::SystemTime| {
        now.checked_add(t.duration_since(wall).unwrap_or_default())
            .unwrap_or(now)
    };
    Cached {
        token: stored.token.clone(),
        refresh_at: at(stored.refresh_at),
        expires_at: at(stored.expires_at),
    }
}

/// Asks the shared store for the token under `key`.
async fn plan(store: &dyn TokenStore, key: &str) -> Result<Plan, crate::store::StoreError> {
    let deadline = Instant::now() + REFRESH_LEASE + REFRESH_POLL;
    let holder: u64 = rand::random();
    loop {
        let stored = store.load(key).await?;
        let wall = std::time::SystemTime::now();
        if let Some(t) = &stored
            && wall < t.refresh_at
        {
            return Ok(Plan::Use(cached_from(t)));
        }
        if store.lock(key, holder, REFRESH_LEASE).await? {
            // Saved by another replica since the first look?
            if let Some(t) = store.load(key).await?
                && std::time::SystemTime::now() < t.refresh_at
            {
                store.unlock(key, holder).await?;
                return Ok(Plan::Use(cached_from(&t)));
            }
            return Ok(Plan::Fetch(Some(holder)));
        }
        if let Some(t) = &stored
            && wall < t.expires_at
        {
            return Ok(Plan::Use(cached_from(t)));
        }
        if Instant::now() >= deadline {
            // The lock's holder has not saved a token within its lease.
            return Ok(Plan::Fetch(None));
        }
        tokio::time::sleep(REFRESH_POLL).await;
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
    let shared = inner
        .tokens
        .shared
        .as_ref()
        .map(|store| (store, shared_key(&inner.config, key)));
    let mut lock = None;
    if let Some((store, skey)) = &shared {
        match plan(&***store, skey).await {
            Ok(Plan::Use(token)) => {
                let secret = token.token.clone();
                *cached = Some(token);
                return Ok(secret);
            }
            Ok(Plan::Fetch(holder)) => lock = holder,
            Err(e) => {
                tracing::warn!(error = %e, "token store unreachable; fetching the token here")
            }
        }
    }
    let fetched = Box::pin(fetch(inner, key)).await;
    if let (Some((store, skey)), Ok((token, lifetime))) = (&shared, &fetched) {
        share(
            &***store,
            skey,
            token,
            *lifetime,
            inner.config.refresh_margin,
        )
        .await;
    }
    if let (Some((store, skey)), Some(holder)) = (&shared, lock)
        && let Err(e) = store.unlock(skey, holder).await
    {
        tracing::warn!(error = %e, "could not give the token's refresh lock up");
    }
    match fetched {
        Ok((token, lifetime)) => {
            // A lifetime too long to add to an instant (the platform's is
            // two hours) is held to a day.
            let lifetime = lifetime.min(MAX_LIFETIME);
            inner.tokens.fetches.fetch_add(1, Ordering::Relaxed);
            let fresh_for = fresh_for(lifetime, inner.config.refresh_margin);
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

/// How long a token of `lifetime` is used before it is refreshed.
fn fresh_for(lifetime: Duration, margin: Duration) -> Duration {
    if lifetime > margin {
        lifetime - margin
    } else {
        lifetime / 2
    }
}

/// Saves a fetched token in the shared store.
async fn share(
    store: &dyn TokenStore,
    key: &str,
    token: &Secret,
    lifetime: Duration,
    margin: Duration,
) {
    let lifetime = lifetime.min(MAX_LIFETIME);
    let wall = std::time::SystemTime::now();
    let at = |d: Duration| wall.checked_add(d).unwrap_or(wall);
    let stored = StoredToken {
        token: token.clone(),
        refresh_at: at(fresh_for(lifetime, margin)),
        expires_at: at(lifetime),
    };
    if let Err(e) = store.save(key, &stored).await {
        tracing::warn!(error = %e, "could not share a token");
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
    let local = seen.borrow_and_update().clone();
    let stale = if renew { local.clone() } else { None };
    if !renew && let Some(ticket) = local {
        return Ok(ticket);
    }
    let c = &inner.config;
    let stores = inner.tokens.tickets.as_deref();
    // Pushed to another replica?
    if !renew && let Some(ticket) = shared_ticket(stores, &c.app_id, None).await {
        inner.tokens.ticket.send_replace(Some(ticket.clone()));
        return Ok(ticket);
    }
    let body = json!({"app_id": c.app_id, "app_secret": c.app_secret.expose()});
    send(inner, "/open-apis/auth/v3/app_ticket/resend", &body).await?;
    // The platform pushes the new ticket to one replica: here, or into
    // the shared store by another.
    let here = async {
        seen.wait_for(|t| t.is_some() && *t != stale)
            .await
            .ok()
            .and_then(|t| t.clone())
    };
    let there = async {
        loop {
            if let Some(ticket) = shared_ticket(stores, &c.app_id, stale.as_ref()).await {
                return Some(ticket);
            }
            if stores.is_none() {
                std::future::pending::<()>().await;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    };
    let arrived = tokio::time::timeout(c.app_ticket_wait, async {
        tokio::select! {
            ticket = here => ticket,
            ticket = there => ticket,
        }
    })
    .await;
    match arrived {
        Ok(Some(ticket)) => {
            inner.tokens.ticket.send_replace(Some(ticket.clone()));
            Ok(ticket)
        }
        _ => Err(TokenError::NoAppTicket),
    }
}

/// The ticket in the shared store, unless it is `stale`.
async fn shared_ticket(
    store: Option<&dyn TicketStore>,
    app_id: &str,
    stale: Option<&Secret>,
) -> Option<Secret> {
    match store?.load(app_id).await {
        Ok(ticket) => ticket.filter(|t| Some(t) != stale),
        Err(e) => {
            tracing::warn!(error = %e, "ticket store unreachable");
            None
        }
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
