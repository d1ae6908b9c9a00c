//! The client side of rate limits: a call waits until its endpoint's
//! documented limit (per second and per minute, per app and tenant) allows it.
//!
//! With a shared [`RateLimitStore`], the calls of every replica are counted
//! there; while it cannot be reached, this process counts its own.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::endpoint::RateLimit;
use crate::store::RateLimitStore;

/// Recent calls per endpoint and tenant.
#[derive(Default)]
pub(crate) struct Limiter {
    calls: Mutex<HashMap<String, VecDeque<Instant>>>,
    /// Until when a `429` holds a key (here).
    held: Mutex<HashMap<String, Instant>>,
    shared: Option<Arc<dyn RateLimitStore>>,
}

/// The longest single sleep before the shared store is asked again.
const MAX_SHARED_WAIT: Duration = Duration::from_secs(1);

impl Limiter {
    pub(crate) fn new(shared: Option<Arc<dyn RateLimitStore>>) -> Self {
        Self {
            shared,
            ..Self::default()
        }
    }

    /// Waits until a call under `key` fits `limit`, and counts it.
    pub(crate) async fn acquire(&self, key: &str, limit: RateLimit) {
        if limit.per_second.is_none() && limit.per_minute.is_none() {
            return;
        }
        if let Some(store) = &self.shared {
            loop {
                match store.acquire(key, limit).await {
                    Ok(None) => return,
                    Ok(Some(wait)) => tokio::time::sleep(wait.min(MAX_SHARED_WAIT)).await,
                    Err(e) => {
                        tracing::warn!(error = %e, "rate-limit store unreachable; counting here");
                        break;
                    }
                }
            }
        }
        loop {
            let wait = self.try_acquire(key, limit, Instant::now());
            match wait {
                None => return,
                Some(wait) => tokio::time::sleep(wait).await,
            }
        }
    }

    /// Holds every call under `key` for `wait` (a `429`'s reset), here and,
    /// with a shared store, in every replica.
    pub(crate) async fn hold(&self, key: &str, wait: Duration) {
        let until = Instant::now().checked_add(wait);
        if let Some(until) = until {
            let mut held = self.held.lock().unwrap_or_else(|e| e.into_inner());
            let entry = held.entry(key.to_owned()).or_insert(until);
            *entry = (*entry).max(until);
        }
        if let Some(store) = &self.shared
            && let Err(e) = store.hold(key, wait).await
        {
            tracing::warn!(error = %e, "rate-limit store unreachable; the reset holds only here");
        }
    }

    /// Counts the call and returns `None`, or returns how long to wait.
    fn try_acquire(&self, key: &str, limit: RateLimit, now: Instant) -> Option<Duration> {
        {
            let mut held = self.held.lock().unwrap_or_else(|e| e.into_inner());
            match held.get(key) {
                Some(until) if now < *until => return Some(*until - now),
                Some(_) => {
                    held.remove(key);
                }
                None => {}
            }
        }
        let mut calls = self.calls.lock().unwrap_or_else(|e| e.into_inner());
        let recent = calls.entry(key.to_owned()).or_default();
        while recent
            .front()
            .is_some_and(|t| now.duration_since(*t) >= Duration::from_secs(63))
        {
            recent.pop_front();
        }
        // A call is counted when sent, the platform counts it when it
        // arrives: the windows are kept 5% longer than documented so that
        // latency never makes the platform see one call too many.
        let windows = [
            (limit.per_second, Duration::from_millis(1050)),
            (limit.per_minute, Duration::from_secs(63)),
        ];
        let mut wait = Duration::ZERO;
        for (max, window) in windows {
            let Some(max) = max.filter(|m| *m > 0) else {
                continue;
            };
            let inside = recent
                .iter()
                .rev()
                .take_while(|t| now.duration_since(**t) < window)
                .count();
            if inside >= max as usize {
                // The call that must leave the window before this one fits.
                let blocker = recent[recent.len() - max as usize];
                wait = wait.max(window.saturating_sub(now.duration_since(blocker)));
            }
        }
        if wait.is_zero() {
            recent.push_back(now);
            None
        } else {
            Some(wait)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_for_the_tightest_window() {
        let limiter = Limiter::default();
        let limit = RateLimit::new(Some(2), Some(3));
        let t0 = Instant::now();
        assert_eq!(limiter.try_acquire("k", limit, t0), None);
        assert_eq!(limiter.try_acquire("k", limit, t0), None);
        let wait = limiter.try_acquire("k", limit, t0).unwrap();
        assert_eq!(wait, Duration::from_millis(1050));
        let t1 = t0 + Duration::from_millis(1050);
        assert_eq!(limiter.try_acquire("k", limit, t1), None);
        let wait = limiter.try_acquire("k", limit, t1).unwrap();
        assert_eq!(
            wait,
            Duration::from_millis(61_950),
            "the minute window is full"
        );
        assert_eq!(limiter.try_acquire("other", limit, t1), None);
    }
}
