//! Deduplication on Redis: a claim is `SET` only where no key is, with the
//! lease as its expiry, in one script; finishing checks the claim's token.

use std::sync::LazyLock;
use std::time::Duration;

use ::redis::Script;

use super::{Redis, failed};
use crate::event::dedup::{Claim, DedupStore, Seen};
use crate::store::{BoxFuture, StoreError};

/// What a [`RedisDedup`] answers while Redis cannot be reached.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum DedupOutage {
    /// Run the handler (the default): nothing is lost, but a copy that
    /// another replica handles at the same time runs twice.
    #[default]
    Handle,
    /// Answer busy, so that the platform pushes the event again later:
    /// nothing runs twice, but an event whose last re-push (about 7 hours
    /// on) still finds Redis down is lost.
    Refuse,
}

/// `KEYS[1]`: the id's key; `ARGV`: the claim, the lease in ms.
/// 0: claimed now; 1: claimed by another copy; 2: handled.
static BEGIN: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"local v = redis.call('GET', KEYS[1])
if not v then
  redis.call('SET', KEYS[1], 'c' .. ARGV[1], 'PX', ARGV[2])
  return 0
end
if string.sub(v, 1, 1) == 'd' then return 2 end
return 1",
    )
});

/// `KEYS[1]`: the id's key; `ARGV`: the claim, 1 when handled, the TTL in
/// ms. Acts only while the key holds that claim.
static FINISH: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"if redis.call('GET', KEYS[1]) ~= 'c' .. ARGV[1] then return 0 end
if ARGV[2] == '1' then
  redis.call('SET', KEYS[1], 'd' .. ARGV[1], 'PX', ARGV[3])
else
  redis.call('DEL', KEYS[1])
end
return 1",
    )
});

/// The ids of one app's events on Redis, shared by every replica: the
/// claim is atomic (one replica runs the handler, the others answer busy
/// or duplicate), a replica that dies mid-handler holds its claim for no
/// longer than the lease, and a handled id is kept for the TTL (12 h by
/// default; the platform re-pushes for about 7).
#[derive(Clone, Debug)]
pub struct RedisDedup {
    redis: Redis,
    app_id: String,
    ttl: Duration,
    outage: DedupOutage,
}

impl RedisDedup {
    /// The store of `app_id`'s events.
    pub fn new(redis: Redis, app_id: &str) -> Self {
        Self {
            redis,
            app_id: app_id.to_owned(),
            ttl: Duration::from_secs(12 * 3600),
            outage: DedupOutage::default(),
        }
    }

    /// How long a handled id is kept (default 12 hours).
    pub fn ttl(mut self, ttl: Duration) -> Self {
        self.ttl = ttl;
        self
    }

    /// What to answer while Redis cannot be reached.
    pub fn on_outage(mut self, outage: DedupOutage) -> Self {
        self.outage = outage;
        self
    }

    fn key(&self, id: &str) -> String {
        self.redis.key(&["dedup", &self.app_id, id])
    }

    /// Claims `id`: the store's answer, or why there is none.
    pub async fn try_begin(
        &self,
        id: &str,
        claim: Claim,
        lease: Duration,
    ) -> Result<Seen, StoreError> {
        let lease = lease.min(self.ttl).max(Duration::from_millis(1));
        let mut conn = self.redis.connection();
        let answer: i64 = BEGIN
            .key(self.key(id))
            .arg(claim.get())
            .arg(millis(lease))
            .invoke_async(&mut conn)
            .await
            .map_err(|e| failed("dedup", "claiming an event", e))?;
        match answer {
            0 => Ok(Seen::New),
            1 => Ok(Seen::InProgress),
            2 => Ok(Seen::Done),
            other => Err(StoreError::new(
                "dedup",
                format!("the claim script answered {other}, not 0, 1 or 2"),
            )),
        }
    }

    /// Records a claim's outcome; `Ok(false)` when the key no longer held
    /// that claim (its lease lapsed).
    pub async fn try_finish(
        &self,
        id: &str,
        claim: Claim,
        handled: bool,
    ) -> Result<bool, StoreError> {
        let mut conn = self.redis.connection();
        let acted: i64 = FINISH
            .key(self.key(id))
            .arg(claim.get())
            .arg(u8::from(handled))
            .arg(millis(self.ttl.max(Duration::from_millis(1))))
            .invoke_async(&mut conn)
            .await
            .map_err(|e| failed("dedup", "finishing an event", e))?;
        Ok(acted == 1)
    }
}

/// A duration in whole milliseconds, for `PX`.
pub(super) fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

impl DedupStore for RedisDedup {
    fn begin<'a>(&'a self, id: &'a str, claim: Claim, lease: Duration) -> BoxFuture<'a, Seen> {
        Box::pin(async move {
            match self.try_begin(id, claim, lease).await {
                Ok(seen) => seen,
                Err(e) => {
                    let seen = match self.outage {
                        DedupOutage::Handle => Seen::New,
                        DedupOutage::Refuse => Seen::InProgress,
                    };
                    tracing::warn!(error = %e, event_id = id, ?seen, "dedup store unreachable");
                    seen
                }
            }
        })
    }

    fn finish<'a>(&'a self, id: &'a str, claim: Claim, handled: bool) -> BoxFuture<'a, ()> {
        Box::pin(async move {
            if let Err(e) = self.try_finish(id, claim, handled).await {
                // The claim lapses after its lease: a handled event may
                // then run again when re-pushed, a failed one will.
                tracing::warn!(error = %e, event_id = id, handled, "dedup store unreachable");
            }
        })
    }
}
