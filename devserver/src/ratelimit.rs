//! Per-endpoint rate limits, per app and tenant, over sliding windows.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

use lark_runtime::RateLimit;

/// When a call is limited: the window's limit and the seconds until it frees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limited {
    /// `x-ogw-ratelimit-limit`.
    pub limit: u32,
    /// `x-ogw-ratelimit-reset`, in whole seconds (at least 1).
    pub reset_secs: u64,
}

/// Recent calls per key, and how many calls were refused.
#[derive(Debug, Default)]
pub struct RateLimiter {
    calls: HashMap<String, VecDeque<Instant>>,
    refused: usize,
    injected: usize,
}

impl RateLimiter {
    /// Calls refused for exceeding an endpoint's documented limit.
    pub fn refused(&self) -> usize {
        self.refused
    }

    /// Calls refused by an injected fault (`Faults::rate_limit_next`).
    pub fn injected(&self) -> usize {
        self.injected
    }

    /// Counts a call refused by an injected fault.
    pub fn count_injected(&mut self) {
        self.injected += 1;
    }

    /// Records a call under `key` unless it exceeds `limit`.
    pub fn check(&mut self, key: &str, limit: RateLimit) -> Result<(), Limited> {
        let now = Instant::now();
        let calls = self.calls.entry(key.to_owned()).or_default();
        while calls
            .front()
            .is_some_and(|t| now.duration_since(*t) >= Duration::from_secs(60))
        {
            calls.pop_front();
        }
        let windows = [
            (limit.per_second, Duration::from_secs(1)),
            (limit.per_minute, Duration::from_secs(60)),
        ];
        for (max, window) in windows {
            let Some(max) = max else { continue };
            let recent: Vec<&Instant> = calls
                .iter()
                .filter(|t| now.duration_since(**t) < window)
                .collect();
            if recent.len() >= max as usize {
                self.refused += 1;
                let free_in = recent.first().map_or(window, |oldest| {
                    window.saturating_sub(now.duration_since(**oldest))
                });
                return Err(Limited {
                    limit: max,
                    reset_secs: free_in.as_secs_f64().ceil().max(1.0) as u64,
                });
            }
        }
        calls.push_back(now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_per_second_and_per_minute() {
        let mut limiter = RateLimiter::default();
        let limit = RateLimit::new(Some(3), Some(1000));
        for _ in 0..3 {
            limiter.check("a", limit).unwrap();
        }
        let limited = limiter.check("a", limit).unwrap_err();
        assert_eq!(
            limited,
            Limited {
                limit: 3,
                reset_secs: 1
            }
        );
        limiter.check("b", limit).unwrap();
        let per_minute = RateLimit::new(None, Some(2));
        limiter.check("c", per_minute).unwrap();
        limiter.check("c", per_minute).unwrap();
        let limited = limiter.check("c", per_minute).unwrap_err();
        assert_eq!(limited.limit, 2);
        assert!(limited.reset_secs >= 59);
    }
}
