//! The platform's millisecond timestamps, sent as decimal strings.

use std::fmt;
use std::str::FromStr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Milliseconds since the Unix epoch.
///
/// The platform sends these as strings (`"1626086391570"`); some SDKs and
/// proxies send numbers. Both are accepted; a string is sent back.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimestampMs(pub i64);

impl TimestampMs {
    /// From milliseconds since the epoch.
    pub const fn from_millis(millis: i64) -> Self {
        Self(millis)
    }

    /// Milliseconds since the epoch.
    pub const fn as_millis(self) -> i64 {
        self.0
    }

    /// The current time.
    pub fn now() -> Self {
        Self::from(SystemTime::now())
    }

    /// As a [`SystemTime`]. Where `SystemTime` cannot hold it (on systems
    /// whose clock covers less than ±292 million years), a time nearer the
    /// epoch is returned rather than a panic: any value may come off the wire.
    pub fn to_system_time(self) -> SystemTime {
        let mut magnitude = Duration::from_millis(self.0.unsigned_abs());
        loop {
            let time = if self.0 >= 0 {
                UNIX_EPOCH.checked_add(magnitude)
            } else {
                UNIX_EPOCH.checked_sub(magnitude)
            };
            match time {
                Some(time) => return time,
                None => magnitude /= 2,
            }
        }
    }
}

impl From<SystemTime> for TimestampMs {
    fn from(time: SystemTime) -> Self {
        match time.duration_since(UNIX_EPOCH) {
            Ok(after) => Self(i64::try_from(after.as_millis()).unwrap_or(i64::MAX)),
            Err(before) => Self(-i64::try_from(before.duration().as_millis()).unwrap_or(i64::MAX)),
        }
    }
}

impl fmt::Display for TimestampMs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl FromStr for TimestampMs {
    type Err = std::num::ParseIntError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse().map(Self)
    }
}

impl Serialize for TimestampMs {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for TimestampMs {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Millis;

        impl Visitor<'_> for Millis {
            type Value = TimestampMs;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("milliseconds since the epoch, as a string or an integer")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<TimestampMs, E> {
                v.parse()
                    .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<TimestampMs, E> {
                Ok(TimestampMs(v))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<TimestampMs, E> {
                i64::try_from(v)
                    .map(TimestampMs)
                    .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))
            }
        }

        deserializer.deserialize_any(Millis)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_strings_and_numbers_and_writes_strings() {
        let a: TimestampMs = serde_json::from_str("\"1626086391570\"").unwrap();
        let b: TimestampMs = serde_json::from_str("1626086391570").unwrap();
        assert_eq!(a, b);
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"1626086391570\"");
        assert!(serde_json::from_str::<TimestampMs>("\"soon\"").is_err());
        assert!(serde_json::from_str::<TimestampMs>("1.5").is_err());
    }

    #[test]
    fn converts_to_system_time() {
        let t = TimestampMs::from_millis(1_626_086_391_570);
        assert_eq!(TimestampMs::from(t.to_system_time()), t);
        let before = TimestampMs::from_millis(-1_000);
        assert_eq!(TimestampMs::from(before.to_system_time()), before);
        for extreme in [i64::MAX, i64::MIN, 0] {
            let _ = TimestampMs::from_millis(extreme).to_system_time();
        }
    }
}
