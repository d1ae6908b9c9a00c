//! The [`store`](crate::store) traits on Redis, for a bot run as several
//! replicas (feature `redis`).
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use lark_runtime::event::Dispatcher;
//! use lark_runtime::redis::Redis;
//! use lark_runtime::Client;
//!
//! let redis = Redis::connect("redis://127.0.0.1:6379/", "mybot").await?;
//! let client = Client::builder("cli_a1b2c3d4e5f60708", "app secret")
//!     .shared(&redis)
//!     .build()?;
//! let dispatcher = Dispatcher::new()
//!     .client(client.clone())
//!     .dedup(redis.dedup(client.app_id()));
//! # Ok(()) }
//! ```
//!
//! Every key starts with the prefix given to [`Redis::connect`]:
//!
//! | key | what | lives |
//! |---|---|---|
//! | `{prefix}:dedup:{app}:{id}` | an event's claim (`c…`) or its handled mark (`d…`) | the lease, then the TTL (12 h) |
//! | `{prefix}:token:{key}` | a token, when it is due and when it expires | until it expires |
//! | `{prefix}:token-lock:{key}` | who refreshes that token now | 10 s at most |
//! | `{prefix}:ticket:{app}` | a store app's app_ticket | until replaced |
//! | `{prefix}:rate:{app}:{endpoint}/{tenant}` | the calls of the last 63 s (a sorted set) | 64 s after the last call |
//! | `{prefix}:rate-hold:{app}:{endpoint}/{tenant}` | until when a `429` holds the endpoint | that long |
//!
//! Every claim, lock and count is one Lua script, so it is atomic across
//! replicas; the rate limits count on the Redis server's clock. The
//! connection is a [`redis::aio::ConnectionManager`]: a lost connection
//! is made again on its own, with backoff, and each command times out
//! after [`RedisOptions::response_timeout`]. What each store does while
//! Redis cannot be reached is on the store.

mod client;
mod dedup;

use std::time::Duration;

use ::redis::aio::{ConnectionManager, ConnectionManagerConfig};

pub use self::client::{RedisRateLimits, RedisTickets, RedisTokens};
pub use self::dedup::{DedupOutage, RedisDedup};
use crate::store::StoreError;

/// How the connection behaves.
#[derive(Clone, Debug)]
pub struct RedisOptions {
    /// Time allowed to connect (default 2 s).
    pub connect_timeout: Duration,
    /// Time allowed for one command's answer (default 1 s).
    pub response_timeout: Duration,
    /// Reconnection attempts after a lost connection before a command
    /// fails; the next command tries again (default 3).
    pub reconnect_attempts: usize,
}

impl Default for RedisOptions {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(2),
            response_timeout: Duration::from_secs(1),
            reconnect_attempts: 3,
        }
    }
}

/// A connection to Redis and the prefix of every key: the stores are made
/// from it. Cheap to clone; clones share the connection.
#[derive(Clone)]
pub struct Redis {
    conn: ConnectionManager,
    prefix: String,
}

impl std::fmt::Debug for Redis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Redis")
            .field("prefix", &self.prefix)
            .finish_non_exhaustive()
    }
}

impl Redis {
    /// Connects to `url` (`redis://host:port/db`, `redis://:password@host/`,
    /// `redis+unix:///path`) with the default options; every key starts
    /// with `prefix`. Fails when Redis cannot be reached now.
    pub async fn connect(url: &str, prefix: &str) -> Result<Self, StoreError> {
        Self::connect_with(url, prefix, RedisOptions::default()).await
    }

    /// The same, with options.
    pub async fn connect_with(
        url: &str,
        prefix: &str,
        options: RedisOptions,
    ) -> Result<Self, StoreError> {
        let client = ::redis::Client::open(url)
            .map_err(|e| StoreError::with_source("redis", format!("`{url}`"), e))?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(options.connect_timeout))
            .set_response_timeout(Some(options.response_timeout))
            .set_number_of_retries(options.reconnect_attempts)
            .set_max_delay(Duration::from_secs(1));
        let conn = ConnectionManager::new_with_config(client, config)
            .await
            .map_err(|e| StoreError::with_source("redis", format!("connecting to `{url}`"), e))?;
        Ok(Self {
            conn,
            prefix: prefix.to_owned(),
        })
    }

    /// The prefix of every key.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The connection, for commands of your own.
    pub fn connection(&self) -> ConnectionManager {
        self.conn.clone()
    }

    /// The dedup store of one app's events, with the default TTL (12 h)
    /// and outage policy ([`DedupOutage::Handle`]).
    pub fn dedup(&self, app_id: &str) -> RedisDedup {
        RedisDedup::new(self.clone(), app_id)
    }

    /// The token store.
    pub fn tokens(&self) -> RedisTokens {
        RedisTokens::new(self.clone())
    }

    /// The app-ticket store.
    pub fn tickets(&self) -> RedisTickets {
        RedisTickets::new(self.clone())
    }

    /// The rate-limit store.
    pub fn rate_limits(&self) -> RedisRateLimits {
        RedisRateLimits::new(self.clone())
    }

    fn key(&self, parts: &[&str]) -> String {
        let mut key = self.prefix.clone();
        for part in parts {
            key.push(':');
            key.push_str(part);
        }
        key
    }
}

/// A Redis failure as a store's error.
fn failed(store: &'static str, what: &str, e: ::redis::RedisError) -> StoreError {
    StoreError::with_source(store, format!("redis: {what}"), e)
}
