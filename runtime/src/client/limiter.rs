//! The client side of rate limits: a call waits until its endpoint's
//! documented limit (per second and per minute, per app and tenant) allows it.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::endpoint::RateLimit;

/// Recent calls per endpoint and tenant.
#[derive(Default)]
pub(crate) struct Limiter {
    calls: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl Limiter {
    /// Waits until a call under `key` fits `limit`, and counts it.
    pub(crate) async fn acquire(&self, key: &str, limit: RateLimit) {
        if limit.per_second.is_none() && limit.per_minute.is_none() {
            return;
        }
        loop {
            let wait = self.try_acquire(key, limit, Instant::now());
            match wait {
                None => return,
                Some(wait) => tokio::time::sleep(wait).await,
            }
        }
    }

    /// Counts the call and returns `None`, or returns how long to wait.
    fn try_acquire(&self, key: &str, limit: RateLimit, now: Instant) -> Option<Duration> {
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
