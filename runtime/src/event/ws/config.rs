//! The platform's client config: the intervals it sends with the endpoint
//! answer and each pong, held to a range no value can break, and the wait
//! before reconnecting that follows from them.

use std::time::Duration;

use rand::Rng;

/// The longest interval taken from the platform's config.
const MAX_CONFIG_SECS: u64 = 86_400;
/// The shortest wait before reconnecting, whatever the config says: a
/// platform that answers `ReconnectInterval: 0` and drops each connection
/// at once gets at most ten attempts a second.
const MIN_RECONNECT_WAIT: Duration = Duration::from_millis(100);
/// The platform's client config (seconds).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct ClientConfig {
    pub(super) ping_interval: u64,
    pub(super) reconnect_count: i64,
    pub(super) reconnect_interval: u64,
    pub(super) reconnect_nonce: u64,
}

impl Default for ClientConfig {
    fn default() -> Self {
        Self {
            ping_interval: 120,
            reconnect_count: -1,
            reconnect_interval: 120,
            reconnect_nonce: 30,
        }
    }
}

impl ClientConfig {
    /// Takes what `json` (a `ClientConfig` object) says, field by field:
    /// numbers in any JSON form (or as strings), held to the range that
    /// keeps the arithmetic finite; a field that is missing or not a number
    /// keeps its value. Whether anything was read.
    pub(super) fn update(&mut self, json: &serde_json::Value) -> bool {
        let Some(object) = json.as_object() else {
            return false;
        };
        let number = |name: &str| object.get(name).and_then(number);
        let seconds =
            |name: &str| number(name).map(|n| n.clamp(0.0, MAX_CONFIG_SECS as f64) as u64);
        if let Some(n) = seconds("PingInterval") {
            self.ping_interval = n.max(1);
        }
        if let Some(n) = number("ReconnectCount") {
            // `as` saturates: ±huge is "forever" or the largest count.
            self.reconnect_count = if n < 0.0 { -1 } else { n as i64 };
        }
        if let Some(n) = seconds("ReconnectInterval") {
            self.reconnect_interval = n;
        }
        if let Some(n) = seconds("ReconnectNonce") {
            self.reconnect_nonce = n;
        }
        true
    }

    /// The ping interval.
    pub(super) fn ping_every(&self) -> Duration {
        Duration::from_secs(self.ping_interval.clamp(1, MAX_CONFIG_SECS))
    }
}

/// A JSON number (or a string holding one), not NaN.
fn number(value: &serde_json::Value) -> Option<f64> {
    let n = match value {
        serde_json::Value::Number(n) => n.as_f64()?,
        serde_json::Value::String(s) => s.trim().parse::<f64>().ok()?,
        _ => return None,
    };
    (!n.is_nan()).then_some(n)
}

/// The wait before reconnect attempt `failures` (from 1): up to
/// `ReconnectNonce` the first time, then doubling up to `ReconnectInterval`,
/// each with up to a `ReconnectNonce` of jitter; never under 100 ms.
pub(super) fn reconnect_wait(config: &ClientConfig, failures: u32) -> Duration {
    let nonce = Duration::from_secs(config.reconnect_nonce);
    let jitter = nonce.mul_f64(rand::rng().random_range(0.0..1.0));
    if failures <= 1 {
        return jitter.max(MIN_RECONNECT_WAIT);
    }
    let interval = Duration::from_secs(config.reconnect_interval);
    let grown = Duration::from_secs(1u64 << (failures - 1).min(16)).min(interval);
    (grown + jitter).max(MIN_RECONNECT_WAIT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reconnect_waits_grow_to_the_interval() {
        let config = ClientConfig {
            ping_interval: 120,
            reconnect_count: -1,
            reconnect_interval: 8,
            reconnect_nonce: 0,
        };
        let waits: Vec<u64> = (1..7)
            .map(|n| reconnect_wait(&config, n).as_secs())
            .collect();
        assert_eq!(waits, [0, 2, 4, 8, 8, 8]);
        let zero = ClientConfig {
            reconnect_interval: 0,
            ..config
        };
        for failures in [1, 5] {
            assert_eq!(reconnect_wait(&zero, failures), MIN_RECONNECT_WAIT);
        }
    }

    #[test]
    fn client_config_reads_the_pong_payload() {
        let mut c = ClientConfig {
            ping_interval: 1,
            reconnect_count: 0,
            reconnect_interval: 1,
            reconnect_nonce: 1,
        };
        assert!(c.update(&serde_json::json!(
            {"PingInterval": 120, "ReconnectCount": -1, "ReconnectInterval": 120, "ReconnectNonce": 30}
        )));
        assert_eq!(c, ClientConfig::default());
    }

    #[test]
    fn extreme_config_values_are_held_in_range() {
        let day = Duration::from_secs(MAX_CONFIG_SECS);
        for (value, ping) in [
            (serde_json::json!(0), Duration::from_secs(1)),
            (serde_json::json!(1u64 << 63), day),
            (serde_json::json!(u64::MAX), day),
            (serde_json::json!(1e30), day),
            (serde_json::json!(-1), Duration::from_secs(1)),
            (serde_json::json!(-1e30), Duration::from_secs(1)),
            (serde_json::json!("NaN"), Duration::from_secs(120)),
            (serde_json::json!("inf"), day),
            (serde_json::json!(null), Duration::from_secs(120)),
            (serde_json::json!("7"), Duration::from_secs(7)),
        ] {
            let mut c = ClientConfig::default();
            c.update(&serde_json::json!({
                "PingInterval": value, "ReconnectInterval": value,
                "ReconnectNonce": value, "ReconnectCount": value,
            }));
            assert_eq!(c.ping_every(), ping, "{value}");
            assert!(c.reconnect_interval <= MAX_CONFIG_SECS, "{value}");
            assert!(c.reconnect_nonce <= MAX_CONFIG_SECS, "{value}");
            // What the session and the reconnect loop compute from it.
            let _ = c.ping_every().saturating_mul(2);
            for failures in [1, 2, 30, u32::MAX] {
                assert!(reconnect_wait(&c, failures) <= day * 2, "{value}");
            }
        }
        assert!(!ClientConfig::default().update(&serde_json::json!([120])));
    }
}
