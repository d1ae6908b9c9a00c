//! Deduplication: the platform re-pushes what it thinks failed, so the same
//! event (by `event_id`, or `uuid` for 1.0) may arrive more than once.
//!
//! An event is *begun* before its handler runs and *finished* after: a
//! handled event is remembered (re-pushes are acknowledged without running
//! the handler again); a failed one is forgotten (its re-push runs it again);
//! one still running makes a concurrent copy wait for a later re-push.

use std::collections::{HashMap, VecDeque};
use std::future::Future;
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
}

#[derive(Clone, Copy)]
struct Entry {
    done: bool,
    at: Instant,
}

/// Ids with their state, and the order they arrived in (for eviction).
#[derive(Default)]
struct State {
    entries: HashMap<String, Entry>,
    order: VecDeque<(String, Instant)>,
}

/// An in-process store, bounded in size and in time.
pub struct MemoryDedup {
    capacity: usize,
    ttl: Duration,
    state: Mutex<State>,
}

impl MemoryDedup {
    /// Keeps at most `capacity` ids, each for `ttl` (the platform re-pushes
    /// over about seven hours; the default keeps 12 hours).
    pub fn new(capacity: usize, ttl: Duration) -> Self {
        Self {
            capacity: capacity.max(1),
            ttl,
            state: Mutex::default(),
        }
    }

    fn begin_now(&self, id: &str, now: Instant) -> Seen {
        let mut guard = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let State {
            entries: map,
            order,
        } = &mut *guard;
        // Drop from the front: entries already replaced or forgotten, expired
        // ones, and the oldest while the store is full.
        while let Some((oldest, at)) = order.front() {
            let live = map.get(oldest).is_some_and(|e| e.at == *at);
            let expired = now.duration_since(*at) >= self.ttl;
            if live && !expired && map.len() < self.capacity {
                break;
            }
            if live {
                map.remove(oldest);
            }
            order.pop_front();
        }
        match map.get(id) {
            Some(e) if now.duration_since(e.at) < self.ttl => {
                if e.done {
                    Seen::Done
                } else {
                    Seen::InProgress
                }
            }
            _ => {
                map.insert(
                    id.to_owned(),
                    Entry {
                        done: false,
                        at: now,
                    },
                );
                order.push_back((id.to_owned(), now));
                Seen::New
            }
        }
    }

    fn finish_now(&self, id: &str, handled: bool) {
        let mut guard = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let map = &mut guard.entries;
        if handled {
            if let Some(e) = map.get_mut(id) {
                e.done = true;
            }
        } else {
            map.remove(id);
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
        let seen = self.begin_now(id, Instant::now());
        Box::pin(async move { seen })
    }

    fn finish<'a>(&'a self, id: &'a str, handled: bool) -> BoxFuture<'a, ()> {
        self.finish_now(id, handled);
        Box::pin(async {})
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_handled_forgets_failed() {
        let store = MemoryDedup::new(10, Duration::from_secs(60));
        let t = Instant::now();
        assert_eq!(store.begin_now("a", t), Seen::New);
        assert_eq!(store.begin_now("a", t), Seen::InProgress);
        store.finish_now("a", true);
        assert_eq!(store.begin_now("a", t), Seen::Done);
        assert_eq!(store.begin_now("b", t), Seen::New);
        store.finish_now("b", false);
        assert_eq!(
            store.begin_now("b", t),
            Seen::New,
            "a failed event runs again"
        );
    }

    #[test]
    fn is_bounded_in_size_and_time() {
        let store = MemoryDedup::new(3, Duration::from_secs(60));
        let t = Instant::now();
        for id in ["a", "b", "c", "d"] {
            assert_eq!(store.begin_now(id, t), Seen::New);
            store.finish_now(id, true);
        }
        assert_eq!(store.len(), 3);
        assert_eq!(store.begin_now("a", t), Seen::New, "the oldest was let go");
        let later = t + Duration::from_secs(61);
        assert_eq!(store.begin_now("c", later), Seen::New, "expired");
    }
}
