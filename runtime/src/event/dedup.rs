//! Deduplication: the platform re-pushes what it thinks failed, so the same
//! event (by `event_id`, or `uuid` for 1.0) may arrive more than once.
//!
//! An event is *claimed* before its handler runs and *finished* after:
//!
//! - a handled event is remembered for the store's TTL (re-pushes are
//!   acknowledged without running the handler again);
//! - a failed one is forgotten (its re-push runs it again);
//! - one still running makes a concurrent copy wait for a later re-push.
//!
//! A claim is a *lease*: it lapses on its own after a short time (the
//! dispatcher's default is 60 seconds, against 12 hours for a handled
//! event), so a process that dies mid-handler blocks re-pushes for no longer
//! than that. Within a process, the dispatcher holds each claim in a guard
//! that gives it up when the handler's future is dropped or panics, so the
//! next re-push runs the handler at once. Each claim carries a [`Claim`]
//! token, and finishing acts only on the store's entry if it still holds
//! that token: a copy whose lease lapsed cannot undo a newer copy's claim.
//!
//! Events without an id are never deduplicated (the dispatcher runs every
//! copy), so two different such events cannot be taken for one another.

use std::collections::{HashMap, VecDeque};
use std::hash::{BuildHasher, RandomState};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub use crate::store::{BoxFuture, Claim, DedupStore, Seen};

#[derive(Clone, Copy)]
struct Entry {
    /// Until when it lives: the lease's end while claimed, the TTL's once
    /// handled.
    until: Instant,
    /// With the fingerprint, names its record in the order queue.
    claim: Claim,
    /// Handled, or only claimed.
    done: bool,
}

impl Entry {
    fn live(&self, now: Instant) -> bool {
        now < self.until
    }
}

/// `now + d`, or as far as an `Instant` goes.
fn after(now: Instant, d: Duration) -> Instant {
    now.checked_add(d)
        .or_else(|| now.checked_add(Duration::from_secs(100 * 365 * 86_400)))
        .unwrap_or(now)
}

/// A 128-bit keyed fingerprint of an event id: two SipHash digests under
/// keys drawn at random for the store. Two different ids share one with a
/// probability of about 2^-128 (with 100,000 ids kept: below 10^-28), so no
/// event is taken for another in practice; keys are fixed-size and stored
/// inline, without an allocation per id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Fingerprint(u64, u64);

impl std::hash::Hash for Fingerprint {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.0);
    }
}

/// The map's hasher: the fingerprint is already a keyed hash.
#[derive(Default)]
struct Prehashed(u64);

impl std::hash::Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Not reached (only `write_u64` is used); mixes anyway.
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type Map = HashMap<Fingerprint, Entry, std::hash::BuildHasherDefault<Prehashed>>;

/// Ids with their state, and the order they arrived in (for eviction).
#[derive(Default)]
struct State {
    entries: Map,
    order: VecDeque<(Fingerprint, Claim, Instant)>,
}

/// An in-process store, bounded in size and in time.
pub struct MemoryDedup {
    capacity: usize,
    ttl: Duration,
    keys: (RandomState, RandomState),
    state: Mutex<State>,
}

impl MemoryDedup {
    /// Keeps at most `capacity` ids, each for `ttl` (the platform re-pushes
    /// over about seven hours; the default keeps 12 hours).
    pub fn new(capacity: usize, ttl: Duration) -> Self {
        Self {
            capacity: capacity.max(1),
            ttl,
            keys: (RandomState::new(), RandomState::new()),
            state: Mutex::default(),
        }
    }

    fn fingerprint(&self, id: &str) -> Fingerprint {
        Fingerprint(self.keys.0.hash_one(id), self.keys.1.hash_one(id))
    }

    fn begin_at(&self, id: &str, claim: Claim, lease: Duration, now: Instant) -> Seen {
        use std::collections::hash_map::Entry as Slot;
        let key = self.fingerprint(id);
        let mut guard = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let State {
            entries: map,
            order,
        } = &mut *guard;
        if let Some(e) = map.get(&key)
            && e.live(now)
        {
            return if e.done { Seen::Done } else { Seen::InProgress };
        }
        // Records of claims given up or replaced since stay in the queue
        // until they reach its front; when they make it twice the capacity
        // long, they are swept out (the live records left are at most the
        // capacity, so this is amortised constant time).
        if order.len() >= 2 * self.capacity {
            order.retain(|(k, c, _)| map.get(k).is_some_and(|e| e.claim == *c));
        }
        // Drop from the front: expired ids, and the oldest while the store
        // is full.
        while let Some(&(oldest, record, at)) = order.front() {
            let expired = now.saturating_duration_since(at) >= self.ttl;
            if !expired && map.len() < self.capacity {
                break;
            }
            order.pop_front();
            if let Slot::Occupied(slot) = map.entry(oldest)
                && slot.get().claim == record
            {
                slot.remove();
            }
        }
        map.insert(
            key,
            Entry {
                until: after(now, lease.min(self.ttl)),
                claim,
                done: false,
            },
        );
        order.push_back((key, claim, now));
        Seen::New
    }

    fn finish_at(&self, id: &str, claim: Claim, handled: bool, now: Instant) {
        use std::collections::hash_map::Entry as Slot;
        let key = self.fingerprint(id);
        let mut guard = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let Slot::Occupied(mut slot) = guard.entries.entry(key) else {
            return;
        };
        let e = slot.get_mut();
        if e.claim != claim || e.done {
            return;
        }
        if handled {
            e.done = true;
            e.until = after(now, self.ttl);
        } else {
            slot.remove();
        }
    }

    /// How many ids are kept now.
    pub fn len(&self) -> usize {
        self.state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entries
            .len()
    }

    /// Whether none is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Default for MemoryDedup {
    fn default() -> Self {
        Self::new(100_000, Duration::from_secs(12 * 3600))
    }
}

impl DedupStore for MemoryDedup {
    fn begin<'a>(&'a self, id: &'a str, claim: Claim, lease: Duration) -> BoxFuture<'a, Seen> {
        let seen = self.begin_at(id, claim, lease, Instant::now());
        Box::pin(async move { seen })
    }

    fn finish<'a>(&'a self, id: &'a str, claim: Claim, handled: bool) -> BoxFuture<'a, ()> {
        self.finish_at(id, claim, handled, Instant::now());
        Box::pin(async {})
    }

    fn begin_now(&self, id: &str, claim: Claim, lease: Duration) -> Option<Seen> {
        Some(self.begin_at(id, claim, lease, Instant::now()))
    }

    fn finish_now(&self, id: &str, claim: Claim, handled: bool) -> bool {
        self.finish_at(id, claim, handled, Instant::now());
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEASE: Duration = Duration::from_secs(60);

    #[test]
    fn remembers_handled_forgets_failed() {
        let store = MemoryDedup::new(10, Duration::from_secs(3600));
        let t = Instant::now();
        let a = Claim::new();
        assert_eq!(store.begin_at("a", a, LEASE, t), Seen::New);
        assert_eq!(
            store.begin_at("a", Claim::new(), LEASE, t),
            Seen::InProgress
        );
        store.finish_at("a", a, true, t);
        assert_eq!(store.begin_at("a", Claim::new(), LEASE, t), Seen::Done);
        let b = Claim::new();
        assert_eq!(store.begin_at("b", b, LEASE, t), Seen::New);
        store.finish_at("b", b, false, t);
        assert_eq!(
            store.begin_at("b", Claim::new(), LEASE, t),
            Seen::New,
            "a failed event runs again"
        );
    }

    #[test]
    fn a_claim_lapses_after_its_lease_and_a_stale_claim_changes_nothing() {
        let store = MemoryDedup::new(10, Duration::from_secs(3600));
        let t = Instant::now();
        let first = Claim::new();
        assert_eq!(store.begin_at("a", first, LEASE, t), Seen::New);
        let later = t + LEASE;
        let second = Claim::new();
        assert_eq!(
            store.begin_at("a", second, LEASE, later),
            Seen::New,
            "the first claim lapsed"
        );
        store.finish_at("a", first, false, later);
        assert_eq!(
            store.begin_at("a", Claim::new(), LEASE, later),
            Seen::InProgress,
            "the lapsed claim's failure does not free the second"
        );
        store.finish_at("a", first, true, later);
        store.finish_at("a", second, true, later);
        let much_later = later + Duration::from_secs(1800);
        assert_eq!(
            store.begin_at("a", Claim::new(), LEASE, much_later),
            Seen::Done,
            "handled is kept for the TTL, not the lease"
        );
    }

    #[test]
    fn is_bounded_in_size_and_time() {
        let store = MemoryDedup::new(3, Duration::from_secs(60));
        let t = Instant::now();
        for id in ["a", "b", "c", "d"] {
            let claim = Claim::new();
            assert_eq!(store.begin_at(id, claim, LEASE, t), Seen::New);
            store.finish_at(id, claim, true, t);
        }
        assert_eq!(store.len(), 3);
        assert_eq!(
            store.begin_at("a", Claim::new(), LEASE, t),
            Seen::New,
            "the oldest was let go"
        );
        let later = t + Duration::from_secs(61);
        assert_eq!(
            store.begin_at("c", Claim::new(), LEASE, later),
            Seen::New,
            "expired"
        );
    }

    #[test]
    fn failures_do_not_push_live_ids_out() {
        let store = MemoryDedup::new(4, Duration::from_secs(3600));
        let t = Instant::now();
        let kept = Claim::new();
        assert_eq!(store.begin_at("kept", kept, LEASE, t), Seen::New);
        store.finish_at("kept", kept, true, t);
        // Many failed attempts: each leaves a record behind in the queue.
        for n in 0..100 {
            let claim = Claim::new();
            assert_eq!(store.begin_at("flaky", claim, LEASE, t), Seen::New, "{n}");
            store.finish_at("flaky", claim, false, t);
        }
        assert_eq!(
            store.begin_at("kept", Claim::new(), LEASE, t),
            Seen::Done,
            "the handled id is still known"
        );
        let state = store.state.lock().unwrap();
        assert!(state.order.len() <= 8, "swept: {}", state.order.len());
    }

    #[test]
    fn claims_are_unique() {
        let a = Claim::new();
        let b = Claim::new();
        assert_ne!(a, b);
    }
}
