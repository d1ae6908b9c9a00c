//! Deduplication: the platform re-pushes what it thinks failed, so the same
//! event (by `event_id`, or `uuid` for 1.0) may arrive more than once.
//!
//! An event is *begun* before its handler runs and *finished* after: a
//! handled event is remembered (re-pushes are acknowledged without running
//! the handler again); a failed one is forgotten (its re-push runs it again);
//! one still running makes a concurrent copy wait for a later re-push.

use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::hash::{BuildHasher, RandomState};
use std::pin::Pin;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A boxed future, as store implementations return.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// What a store knows of an event id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seen {
    /// Not seen: it is now marked as being handled.
    New,
    /// Being handled right now (a concurrent copy).
    InProgress,
    /// Handled before.
    Done,
}

/// Where handled event ids are kept. Implement it over a shared store (Redis,
/// a database) when several processes receive the same app's events.
pub trait DedupStore: Send + Sync + 'static {
    /// Marks `id` as being handled, unless it is known.
    fn begin<'a>(&'a self, id: &'a str) -> BoxFuture<'a, Seen>;
    /// Records the outcome: remembered when `handled`, forgotten otherwise.
    fn finish<'a>(&'a self, id: &'a str, handled: bool) -> BoxFuture<'a, ()>;

    /// [`Self::begin`] without waiting, for stores that never wait (in
    /// memory); `None` (the default) means "call `begin`".
    fn begin_now(&self, _id: &str) -> Option<Seen> {
        None
    }

    /// [`Self::finish`] without waiting; `false` (the default) means "call
    /// `finish`".
    fn finish_now(&self, _id: &str, _handled: bool) -> bool {
        false
    }
}

#[derive(Clone, Copy)]
struct Entry {
    done: bool,
    at: Instant,
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
    order: VecDeque<(Fingerprint, Instant)>,
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

    fn begin_at(&self, id: &str, now: Instant) -> Seen {
        use std::collections::hash_map::Entry as Slot;
        let key = self.fingerprint(id);
        let mut guard = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let State {
            entries: map,
            order,
        } = &mut *guard;
        // Drop from the front: expired ids, the oldest while the store is
        // full, and records of ids forgotten or begun again since (bounded
        // to twice the capacity).
        while let Some(&(oldest, at)) = order.front() {
            let expired = now.duration_since(at) >= self.ttl;
            if !expired && map.len() < self.capacity && order.len() < 2 * self.capacity {
                break;
            }
            order.pop_front();
            if let Slot::Occupied(slot) = map.entry(oldest)
                && slot.get().at == at
            {
                slot.remove();
            }
        }
        let fresh = Entry {
            done: false,
            at: now,
        };
        match map.entry(key) {
            Slot::Occupied(mut slot) => {
                let e = *slot.get();
                if now.duration_since(e.at) < self.ttl {
                    return if e.done { Seen::Done } else { Seen::InProgress };
                }
                slot.insert(fresh);
            }
            Slot::Vacant(slot) => {
                slot.insert(fresh);
            }
        }
        order.push_back((key, now));
        Seen::New
    }

    fn finish_at(&self, id: &str, handled: bool) {
        let key = self.fingerprint(id);
        let mut guard = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let map = &mut guard.entries;
        if handled {
            if let Some(e) = map.get_mut(&key) {
                e.done = true;
            }
        } else {
            map.remove(&key);
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
    fn begin<'a>(&'a self, id: &'a str) -> BoxFuture<'a, Seen> {
        let seen = self.begin_at(id, Instant::now());
        Box::pin(async move { seen })
    }

    fn finish<'a>(&'a self, id: &'a str, handled: bool) -> BoxFuture<'a, ()> {
        self.finish_at(id, handled);
        Box::pin(async {})
    }

    fn begin_now(&self, id: &str) -> Option<Seen> {
        Some(self.begin_at(id, Instant::now()))
    }

    fn finish_now(&self, id: &str, handled: bool) -> bool {
        self.finish_at(id, handled);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_handled_forgets_failed() {
        let store = MemoryDedup::new(10, Duration::from_secs(60));
        let t = Instant::now();
        assert_eq!(store.begin_at("a", t), Seen::New);
        assert_eq!(store.begin_at("a", t), Seen::InProgress);
        store.finish_at("a", true);
        assert_eq!(store.begin_at("a", t), Seen::Done);
        assert_eq!(store.begin_at("b", t), Seen::New);
        store.finish_at("b", false);
        assert_eq!(
            store.begin_at("b", t),
            Seen::New,
            "a failed event runs again"
        );
    }

    #[test]
    fn is_bounded_in_size_and_time() {
        let store = MemoryDedup::new(3, Duration::from_secs(60));
        let t = Instant::now();
        for id in ["a", "b", "c", "d"] {
            assert_eq!(store.begin_at(id, t), Seen::New);
            store.finish_at(id, true);
        }
        assert_eq!(store.len(), 3);
        assert_eq!(store.begin_at("a", t), Seen::New, "the oldest was let go");
        let later = t + Duration::from_secs(61);
        assert_eq!(store.begin_at("c", later), Seen::New, "expired");
    }
}
