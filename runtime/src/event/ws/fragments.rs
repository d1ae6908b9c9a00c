//! Reassembling payloads the platform splits across frames (`sum` > 1).
//!
//! Fragments of one message share `message_id`; `seq` says where each goes.
//! A message not completed within the expiry of its last fragment is dropped
//! (the platform re-pushes it). The cache is bounded in messages (1,024) and
//! in bytes across every pending message (64 MiB): a fragment that would
//! pass the byte bound drops its whole message.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::event::frame::{Frame, headers};

/// Fragments per message, at most.
const MAX_SUM: usize = 1024;
/// Messages being assembled, at most.
const MAX_PENDING: usize = 1024;
/// Bytes held across all pending messages, at most.
const MAX_BYTES: usize = 64 << 20;

/// A fragment that cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FragmentError {
    /// `sum` or `seq` is missing, not a number, or out of range.
    #[error("fragment of `{message_id}` has sum {sum:?}, seq {seq:?}")]
    Invalid {
        /// Message id.
        message_id: String,
        /// `sum` as sent.
        sum: Option<String>,
        /// `seq` as sent.
        seq: Option<String>,
    },
    /// More fragmented messages are pending than allowed.
    #[error("too many fragmented messages pending")]
    Full,
    /// The fragment would take the bytes held past the bound; its message
    /// is dropped.
    #[error("fragments of `{message_id}` would hold more than {max_bytes} bytes")]
    TooLarge {
        /// Message id.
        message_id: String,
        /// The bound.
        max_bytes: usize,
    },
}

struct Pending {
    parts: Vec<Option<Vec<u8>>>,
    filled: usize,
    bytes: usize,
    touched: Instant,
}

/// Messages being reassembled.
pub struct Fragments {
    pending: HashMap<String, Pending>,
    bytes: usize,
    max_bytes: usize,
    expiry: Duration,
}

impl Fragments {
    /// Drops incomplete messages `expiry` after their last fragment; holds
    /// at most 64 MiB.
    pub fn new(expiry: Duration) -> Self {
        Self::with_max_bytes(expiry, MAX_BYTES)
    }

    /// As [`Self::new`], holding at most `max_bytes` across every pending message.
    pub fn with_max_bytes(expiry: Duration, max_bytes: usize) -> Self {
        Self {
            pending: HashMap::new(),
            bytes: 0,
            max_bytes,
            expiry,
        }
    }

    /// Bytes held across every pending message.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Adds a data frame; returns the whole payload once every fragment is in.
    pub fn add(&mut self, frame: &Frame, now: Instant) -> Result<Option<Vec<u8>>, FragmentError> {
        self.expire(now);
        let payload = frame.payload.as_deref().unwrap_or_default();
        let sum_text = frame.header(headers::SUM);
        let seq_text = frame.header(headers::SEQ);
        let sum: usize = sum_text.map_or(Some(1), |s| s.parse().ok()).unwrap_or(0);
        let seq: usize = seq_text
            .map_or(Some(0), |s| s.parse().ok())
            .unwrap_or(usize::MAX);
        let message_id = frame.header(headers::MESSAGE_ID).unwrap_or_default();
        let invalid = || FragmentError::Invalid {
            message_id: message_id.to_owned(),
            sum: sum_text.map(str::to_owned),
            seq: seq_text.map(str::to_owned),
        };
        if sum == 0 || sum > MAX_SUM || seq >= sum {
            self.drop_message(message_id);
            return Err(invalid());
        }
        if sum == 1 {
            return Ok(Some(payload.to_vec()));
        }
        if !self.pending.contains_key(message_id) && self.pending.len() >= MAX_PENDING {
            return Err(FragmentError::Full);
        }
        match self.pending.get(message_id) {
            Some(p) if p.parts.len() != sum => {
                self.drop_message(message_id);
                return Err(invalid());
            }
            // A repeated fragment changes nothing.
            Some(p) if p.parts[seq].is_some() => return Ok(None),
            _ => {}
        }
        if self.bytes.saturating_add(payload.len()) > self.max_bytes {
            self.drop_message(message_id);
            return Err(FragmentError::TooLarge {
                message_id: message_id.to_owned(),
                max_bytes: self.max_bytes,
            });
        }
        let pending = self
            .pending
            .entry(message_id.to_owned())
            .or_insert_with(|| Pending {
                parts: vec![None; sum],
                filled: 0,
                bytes: 0,
                touched: now,
            });
        pending.touched = now;
        pending.filled += 1;
        pending.bytes += payload.len();
        self.bytes += payload.len();
        pending.parts[seq] = Some(payload.to_vec());
        if pending.filled < sum {
            return Ok(None);
        }
        let done = self
            .pending
            .remove(message_id)
            .map(|p| {
                self.bytes -= p.bytes;
                p.parts.into_iter().flatten().flatten().collect()
            })
            .unwrap_or_default();
        Ok(Some(done))
    }

    /// Drops messages whose last fragment is older than the expiry.
    pub fn expire(&mut self, now: Instant) {
        let expiry = self.expiry;
        let mut freed = 0;
        self.pending.retain(|_, p| {
            let keep = now.saturating_duration_since(p.touched) < expiry;
            if !keep {
                freed += p.bytes;
            }
            keep
        });
        self.bytes -= freed;
    }

    fn drop_message(&mut self, message_id: &str) {
        if let Some(p) = self.pending.remove(message_id) {
            self.bytes -= p.bytes;
        }
    }

    /// Messages waiting for fragments.
    pub fn pending(&self) -> usize {
        self.pending.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::frame::Header;

    fn part(id: &str, sum: &str, seq: &str, payload: &[u8]) -> Frame {
        Frame {
            headers: vec![
                Header::new("type", "event"),
                Header::new("message_id", id),
                Header::new("sum", sum),
                Header::new("seq", seq),
            ],
            payload: Some(payload.to_vec()),
            ..Frame::default()
        }
    }

    #[test]
    fn reassembles_in_any_order() {
        let mut f = Fragments::new(Duration::from_secs(5));
        let t = Instant::now();
        assert_eq!(f.add(&part("m", "3", "2", b"c"), t), Ok(None));
        assert_eq!(f.add(&part("m", "3", "0", b"a"), t), Ok(None));
        assert_eq!(
            f.add(&part("m", "3", "0", b"a"), t),
            Ok(None),
            "a repeated fragment is ignored"
        );
        assert_eq!(
            f.add(&part("m", "3", "1", b"b"), t),
            Ok(Some(b"abc".to_vec()))
        );
        assert_eq!(f.pending(), 0);
        assert_eq!(f.bytes, 0);
    }

    #[test]
    fn refuses_bad_numbers_and_expires_leftovers() {
        let mut f = Fragments::new(Duration::from_secs(5));
        let t = Instant::now();
        assert!(f.add(&part("m", "0", "0", b"x"), t).is_err());
        assert!(f.add(&part("m", "2", "2", b"x"), t).is_err());
        assert!(f.add(&part("m", "two", "0", b"x"), t).is_err());
        assert_eq!(f.add(&part("m", "2", "0", b"x"), t), Ok(None));
        assert!(f.add(&part("m", "3", "1", b"y"), t).is_err(), "sum changed");
        assert_eq!(f.add(&part("n", "2", "0", b"x"), t), Ok(None));
        f.expire(t + Duration::from_secs(6));
        assert_eq!(f.pending(), 0);
        assert_eq!(f.bytes, 0);
        assert_eq!(
            f.add(&part("single", "1", "0", b"z"), t),
            Ok(Some(b"z".to_vec()))
        );
    }

    #[test]
    fn the_byte_bound_holds_across_every_pending_message() {
        let max = 10 * 1024;
        let mut f = Fragments::with_max_bytes(Duration::from_secs(5), max);
        let t = Instant::now();
        let kib = vec![7u8; 1024];
        // One message of many fragments: refused once it would pass the bound.
        let mut refused = None;
        for seq in 0..300 {
            match f.add(&part("big", "1000", &seq.to_string(), &kib), t) {
                Ok(None) => assert!(f.bytes() <= max),
                Err(e) => {
                    refused = Some((seq, e));
                    break;
                }
                Ok(Some(_)) => panic!("not complete"),
            }
        }
        let (seq, error) = refused.expect("the bound is reached");
        assert_eq!(seq, 10, "ten fragments of 1 KiB fit in 10 KiB");
        assert!(matches!(error, FragmentError::TooLarge { .. }), "{error}");
        assert_eq!((f.pending(), f.bytes()), (0, 0), "its message is dropped");
        // Across messages: the sum of what all of them hold is bounded.
        for id in 0..20 {
            let _ = f.add(&part(&format!("m{id}"), "2", "0", &kib), t);
            assert!(f.bytes() <= max);
        }
        assert_eq!(f.pending(), 10);
        // A message that completes frees what it held.
        assert_eq!(
            f.add(&part("m0", "2", "1", b""), t)
                .map(|p| p.map(|p| p.len())),
            Ok(Some(1024))
        );
        assert_eq!(f.bytes(), 9 * 1024);
    }
}
