//! The client's stores on Redis: tokens, the app ticket, rate limits.

use std::sync::LazyLock;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ::redis::{AsyncCommands, Script};

use super::dedup::millis;
use super::{Redis, failed};
use crate::client::{ClientBuilder, Secret};
use crate::endpoint::RateLimit;
use crate::store::{BoxFuture, RateLimitStore, StoreError, StoredToken, TicketStore, TokenStore};

/// Milliseconds since the Unix epoch (0 before it).
fn epoch_ms(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH).map_or(0, millis)
}

fn from_epoch_ms(ms: u64) -> SystemTime {
    UNIX_EPOCH
        .checked_add(Duration::from_millis(ms))
        .unwrap_or(UNIX_EPOCH)
}

impl ClientBuilder {
    /// Tokens, the app ticket and rate limits shared on Redis
    /// (feature `redis`).
    pub fn shared(self, redis: &Redis) -> Self {
        self.token_store(redis.tokens())
            .ticket_store(redis.tickets())
            .rate_limit_store(redis.rate_limits())
    }
}

/// Deletes `KEYS[1]` if its value is `ARGV[1]`.
static DELETE_IF: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0",
    )
});

/// Deletes the token entry `KEYS[1]` if it holds the token `ARGV[1]`.
static DELETE_TOKEN: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"local v = redis.call('GET', KEYS[1])
if v then
  local _, _, token = string.find(v, '^%d+:%d+:(.*)$')
  if token == ARGV[1] then return redis.call('DEL', KEYS[1]) end
end
return 0",
    )
});

/// Tokens on Redis: `refresh_ms:expires_ms:token` under
/// `{prefix}:token:{key}`, expiring with the token. While Redis cannot be
/// reached, each replica fetches and keeps its own tokens.
#[derive(Clone, Debug)]
pub struct RedisTokens {
    redis: Redis,
}

impl RedisTokens {
    pub(super) fn new(redis: Redis) -> Self {
        Self { redis }
    }
}

impl TokenStore for RedisTokens {
    fn load<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<Option<StoredToken>, StoreError>> {
        Box::pin(async move {
            let mut conn = self.redis.connection();
            let value: Option<String> = conn
                .get(self.redis.key(&["token", key]))
                .await
                .map_err(|e| failed("token", "reading a token", e))?;
            let Some(value) = value else {
                return Ok(None);
            };
            let mut parts = value.splitn(3, ':');
            let (Some(refresh), Some(expires), Some(token)) =
                (parts.next(), parts.next(), parts.next())
            else {
                return Err(StoreError::new(
                    "token",
                    "a stored token is not `refresh:expires:token`",
                ));
            };
            let (Ok(refresh), Ok(expires)) = (refresh.parse::<u64>(), expires.parse::<u64>())
            else {
                return Err(StoreError::new(
                    "token",
                    "a stored token's times are not numbers",
                ));
            };
            Ok(Some(StoredToken {
                token: Secret::new(token),
                refresh_at: from_epoch_ms(refresh),
                expires_at: from_epoch_ms(expires),
            }))
        })
    }

    fn save<'a>(
        &'a self,
        key: &'a str,
        token: &'a StoredToken,
    ) -> BoxFuture<'a, Result<(), StoreError>> {
        Box::pin(async move {
            let left = token
                .expires_at
                .duration_since(SystemTime::now())
                .unwrap_or_default();
            if left.is_zero() {
                return Ok(());
            }
            let value = format!(
                "{}:{}:{}",
                epoch_ms(token.refresh_at),
                epoch_ms(token.expires_at),
                token.token.expose()
            );
            let mut conn = self.redis.connection();
            let () = conn
                .pset_ex(self.redis.key(&["token", key]), value, millis(left).max(1))
                .await
                .map_err(|e| failed("token", "saving a token", e))?;
            Ok(())
        })
    }

    fn remove<'a>(
        &'a self,
        key: &'a str,
        token: &'a Secret,
    ) -> BoxFuture<'a, Result<(), StoreError>> {
        Box::pin(async move {
            let mut conn = self.redis.connection();
            let _: i64 = DELETE_TOKEN
                .key(self.redis.key(&["token", key]))
                .arg(token.expose())
                .invoke_async(&mut conn)
                .await
                .map_err(|e| failed("token", "removing a refused token", e))?;
            Ok(())
        })
    }

    fn lock<'a>(
        &'a self,
        key: &'a str,
        holder: u64,
        lease: Duration,
    ) -> BoxFuture<'a, Result<bool, StoreError>> {
        Box::pin(async move {
            let mut conn = self.redis.connection();
            let taken: Option<String> = ::redis::cmd("SET")
                .arg(self.redis.key(&["token-lock", key]))
                .arg(holder)
                .arg("NX")
                .arg("PX")
                .arg(millis(lease).max(1))
                .query_async(&mut conn)
                .await
                .map_err(|e| failed("token", "taking the refresh lock", e))?;
            Ok(taken.is_some())
        })
    }

    fn unlock<'a>(&'a self, key: &'a str, holder: u64) -> BoxFuture<'a, Result<(), StoreError>> {
        Box::pin(async move {
            let mut conn = self.redis.connection();
            let _: i64 = DELETE_IF
                .key(self.redis.key(&["token-lock", key]))
                .arg(holder)
                .invoke_async(&mut conn)
                .await
                .map_err(|e| failed("token", "giving the refresh lock up", e))?;
            Ok(())
        })
    }
}

/// App tickets on Redis, under `{prefix}:ticket:{app}`. While Redis cannot
/// be reached, a replica uses the ticket pushed to it, if any.
#[derive(Clone, Debug)]
pub struct RedisTickets {
    redis: Redis,
}

impl RedisTickets {
    pub(super) fn new(redis: Redis) -> Self {
        Self { redis }
    }
}

impl TicketStore for RedisTickets {
    fn load<'a>(&'a self, app_id: &'a str) -> BoxFuture<'a, Result<Option<Secret>, StoreError>> {
        Box::pin(async move {
            let mut conn = self.redis.connection();
            let ticket: Option<String> = conn
                .get(self.redis.key(&["ticket", app_id]))
                .await
                .map_err(|e| failed("ticket", "reading the app ticket", e))?;
            Ok(ticket.map(Secret::new))
        })
    }

    fn save<'a>(
        &'a self,
        app_id: &'a str,
        ticket: &'a Secret,
    ) -> BoxFuture<'a, Result<(), StoreError>> {
        Box::pin(async move {
            let mut conn = self.redis.connection();
            let () = conn
                .set(self.redis.key(&["ticket", app_id]), ticket.expose())
                .await
                .map_err(|e| failed("ticket", "saving the app ticket", e))?;
            Ok(())
        })
    }
}

/// `KEYS`: the calls (a sorted set scored in µs), the hold; `ARGV`: per
/// second, per minute (0: none), a unique member, the hold to set in µs
/// (0: count a call). Answers the µs to wait (0: counted).
///
/// The windows are 5 % longer than documented (1.05 s, 63 s), as the
/// in-process limiter's: a call is counted when sent and the platform
/// counts it when it arrives. Time is the Redis server's, one clock for
/// every replica.
static RATE: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"local function int(x) return string.format('%d', x) end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local hold = tonumber(ARGV[4])
if hold > 0 then
  local until_us = now + hold
  local old = tonumber(redis.call('GET', KEYS[2]) or '0')
  if until_us > old then
    redis.call('SET', KEYS[2], int(until_us), 'PX', int(math.ceil(hold / 1000) + 1))
  end
  return 0
end
local held = tonumber(redis.call('GET', KEYS[2]) or '0')
if held > now then return held - now end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', int(now - 63000000))
local wait = 0
local limits = {{tonumber(ARGV[1]), 1050000}, {tonumber(ARGV[2]), 63000000}}
for _, l in ipairs(limits) do
  local max, window = l[1], l[2]
  if max > 0 then
    local inside = redis.call('ZCOUNT', KEYS[1], '(' .. int(now - window), '+inf')
    if inside >= max then
      local blocker = redis.call('ZRANGE', KEYS[1], -max, -max, 'WITHSCORES')
      local w = tonumber(blocker[2]) + window - now
      if w > wait then wait = w end
    end
  end
end
if wait > 0 then return wait end
redis.call('ZADD', KEYS[1], int(now), ARGV[3])
redis.call('PEXPIRE', KEYS[1], 64000)
return 0",
    )
});

/// Rate limits on Redis: the calls of every replica in one sliding window
/// per endpoint, app and tenant. While Redis cannot be reached, each
/// replica keeps to the limits on its own.
#[derive(Clone, Debug)]
pub struct RedisRateLimits {
    redis: Redis,
}

impl RedisRateLimits {
    pub(super) fn new(redis: Redis) -> Self {
        Self { redis }
    }

    async fn run(
        &self,
        key: &str,
        limit: RateLimit,
        hold: Duration,
    ) -> Result<Duration, StoreError> {
        let member = crate::event::dedup::Claim::new().get();
        let mut conn = self.redis.connection();
        let wait_us: i64 = RATE
            .key(self.redis.key(&["rate", key]))
            .key(self.redis.key(&["rate-hold", key]))
            .arg(limit.per_second.unwrap_or(0))
            .arg(limit.per_minute.unwrap_or(0))
            .arg(member)
            .arg(u64::try_from(hold.as_micros()).unwrap_or(u64::MAX))
            .invoke_async(&mut conn)
            .await
            .map_err(|e| failed("rate-limit", "counting a call", e))?;
        Ok(Duration::from_micros(u64::try_from(wait_us).unwrap_or(0)))
    }
}

impl RateLimitStore for RedisRateLimits {
    fn acquire<'a>(
        &'a self,
        key: &'a str,
        limit: RateLimit,
    ) -> BoxFuture<'a, Result<Option<Duration>, StoreError>> {
        Box::pin(async move {
            let wait = self.run(key, limit, Duration::ZERO).await?;
            Ok((!wait.is_zero()).then_some(wait))
        })
    }

    fn hold<'a>(&'a self, key: &'a str, wait: Duration) -> BoxFuture<'a, Result<(), StoreError>> {
        Box::pin(async move {
            if !wait.is_zero() {
                self.run(key, RateLimit::new(None, None), wait).await?;
            }
            Ok(())
        })
    }
}
