//! What several replicas of one bot share: tokens, the app ticket, rate
//! limits, and the ids of handled events.
//!
//! Each is a trait with an in-process default, so a single process needs
//! nothing; a bot run as several replicas gives its clients and
//! dispatchers stores that all replicas reach (the `redis` feature has
//! them on Redis, in [`crate::redis`]):
//!
//! | store | without one | shared, what it saves |
//! |---|---|---|
//! | [`TokenStore`] | each client fetches its own tokens | one fetch per token for all replicas; the others use it |
//! | [`TicketStore`] | the app ticket reaches the replica it was pushed to | a store app's replicas all use the ticket the platform pushed to one |
//! | [`RateLimitStore`] | each client keeps to the documented limits alone | the replicas together keep to them, and all wait out a `429`'s reset |
//! | [`DedupStore`] | a re-push landing on another replica runs again | an event is handled once, by whichever replica claims it first |
//!
//! A store that cannot be reached never stops calls: the client falls back
//! to what it does without one (its own token, its own limiter, the ticket
//! it has) and logs a warning; each store's implementation documents its
//! own policy, and the dedup store lets the user choose.

#[cfg(feature = "client")]
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;
#[cfg(feature = "client")]
use std::time::SystemTime;

#[cfg(feature = "client")]
use crate::endpoint::RateLimit;
#[cfg(feature = "client")]
use crate::secret::Secret;

/// A boxed future, as store implementations return.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A store could not be reached or gave an answer it should not have.
#[derive(Debug, thiserror::Error)]
#[error("{store} store: {message}")]
pub struct StoreError {
    store: &'static str,
    message: String,
    #[source]
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl StoreError {
    /// An error of the store named `store` (`"token"`, `"dedup"`, …).
    pub fn new(store: &'static str, message: impl Into<String>) -> Self {
        Self {
            store,
            message: message.into(),
            source: None,
        }
    }

    /// The same, caused by `source`.
    pub fn with_source(
        store: &'static str,
        message: impl Into<String>,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        Self {
            store,
            message: message.into(),
            source: Some(Box::new(source)),
        }
    }

    /// Which store failed.
    pub fn store(&self) -> &'static str {
        self.store
    }
}

#[cfg(feature = "client")]
/// A token as stored: the token and, in wall-clock time (replicas do not
/// share a monotonic clock), when it is due for refresh and when it
/// expires.
#[derive(Clone, PartialEq, Eq)]
pub struct StoredToken {
    /// The token.
    pub token: Secret,
    /// From then on, the next caller refreshes it.
    pub refresh_at: SystemTime,
    /// From then on, it is not used.
    pub expires_at: SystemTime,
}

#[cfg(feature = "client")]
impl fmt::Debug for StoredToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StoredToken")
            .field("token", &self.token)
            .field("refresh_at", &self.refresh_at)
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

#[cfg(feature = "client")]
/// Where a client's access tokens are shared with other replicas.
///
/// Keys name one token of one app: the app id, a fingerprint of its secret
/// and of the platform's address, the token kind, and the tenant (a store
/// app's tenant tokens); two apps, or one app whose secret was rotated,
/// never share an entry. The client asks the store first; when the token
/// there is due, the replica that takes the key's *refresh lock* fetches a
/// new one and saves it, and the others use the current token while it is
/// still valid, or wait for the new one.
pub trait TokenStore: Send + Sync + 'static {
    /// The token under `key`, if there is one.
    fn load<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<Option<StoredToken>, StoreError>>;
    /// Saves `token` under `key` (until it expires).
    fn save<'a>(
        &'a self,
        key: &'a str,
        token: &'a StoredToken,
    ) -> BoxFuture<'a, Result<(), StoreError>>;
    /// Removes the token under `key` if it is still `token` (the platform
    /// refused it; a newer one stays).
    fn remove<'a>(
        &'a self,
        key: &'a str,
        token: &'a Secret,
    ) -> BoxFuture<'a, Result<(), StoreError>>;
    /// Takes `key`'s refresh lock for `lease` as `holder`, unless another
    /// holds it: `true` when taken.
    fn lock<'a>(
        &'a self,
        key: &'a str,
        holder: u64,
        lease: Duration,
    ) -> BoxFuture<'a, Result<bool, StoreError>>;
    /// Gives the refresh lock up, if `holder` still holds it.
    fn unlock<'a>(&'a self, key: &'a str, holder: u64) -> BoxFuture<'a, Result<(), StoreError>>;
}

#[cfg(feature = "client")]
/// Where a store app's `app_ticket` is shared: the platform pushes it to
/// one replica, and every replica needs it for the app_access_token.
pub trait TicketStore: Send + Sync + 'static {
    /// The app's current ticket, if any.
    fn load<'a>(&'a self, app_id: &'a str) -> BoxFuture<'a, Result<Option<Secret>, StoreError>>;
    /// Saves the ticket the platform pushed.
    fn save<'a>(
        &'a self,
        app_id: &'a str,
        ticket: &'a Secret,
    ) -> BoxFuture<'a, Result<(), StoreError>>;
}

#[cfg(feature = "client")]
/// Where the calls of several replicas are counted against an endpoint's
/// documented rate limit (per app and tenant).
pub trait RateLimitStore: Send + Sync + 'static {
    /// Counts one call under `key` when it fits `limit` now (`None`), or
    /// says how long to wait before asking again (nothing counted).
    fn acquire<'a>(
        &'a self,
        key: &'a str,
        limit: RateLimit,
    ) -> BoxFuture<'a, Result<Option<Duration>, StoreError>>;
    /// Holds every call under `key` for `wait`: the platform answered `429`
    /// with `x-ogw-ratelimit-reset`.
    fn hold<'a>(&'a self, key: &'a str, wait: Duration) -> BoxFuture<'a, Result<(), StoreError>>;
}

/// What a store knows of an event id.
#[cfg(feature = "events")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seen {
    /// Not seen (or its last claim lapsed): it is now claimed.
    New,
    /// Claimed by a copy being handled right now.
    InProgress,
    /// Handled before.
    Done,
}

/// The token of one claim: unique per claim, across processes in practice
/// (a random start drawn per process, then counted up).
#[cfg(feature = "events")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Claim(u64);

#[cfg(feature = "events")]
impl Claim {
    /// A new token.
    pub fn new() -> Self {
        static NEXT: std::sync::LazyLock<std::sync::atomic::AtomicU64> =
            std::sync::LazyLock::new(|| {
                std::sync::atomic::AtomicU64::new(std::hash::BuildHasher::hash_one(
                    &std::hash::RandomState::new(),
                    0u8,
                ))
            });
        Self(NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
    }

    /// The token as a number (to store it).
    pub fn get(self) -> u64 {
        self.0
    }
}

#[cfg(feature = "events")]
impl Default for Claim {
    fn default() -> Self {
        Self::new()
    }
}

/// Where handled event ids are kept. Implement it over a shared store (Redis,
/// a database) when several processes receive the same app's events; the
/// claim must be atomic there (set-if-absent with an expiry), not a read
/// followed by a write.
#[cfg(feature = "events")]
pub trait DedupStore: Send + Sync + 'static {
    /// Claims `id` for `lease` under `claim`, unless it is claimed (and the
    /// lease has not lapsed) or handled.
    fn begin<'a>(&'a self, id: &'a str, claim: Claim, lease: Duration) -> BoxFuture<'a, Seen>;
    /// Records the outcome of the claim `claim`: remembered when `handled`,
    /// forgotten otherwise. Does nothing when the store's entry for `id` no
    /// longer holds that claim.
    fn finish<'a>(&'a self, id: &'a str, claim: Claim, handled: bool) -> BoxFuture<'a, ()>;

    /// [`Self::begin`] without waiting, for stores that never wait (in
    /// memory); `None` (the default) means "call `begin`".
    fn begin_now(&self, _id: &str, _claim: Claim, _lease: Duration) -> Option<Seen> {
        None
    }

    /// [`Self::finish`] without waiting; `false` (the default) means "call
    /// `finish`".
    fn finish_now(&self, _id: &str, _claim: Claim, _handled: bool) -> bool {
        false
    }
}
