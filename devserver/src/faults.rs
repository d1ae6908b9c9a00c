//! Fault injection: what tests ask the server to get wrong.

use serde::{Deserialize, Serialize};

use crate::world::ControlError;

/// Faults in force. Counters count down as they fire.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Faults {
    /// Delay added to every Open API answer, in milliseconds.
    pub latency_ms: u64,
    /// The next N Open API calls answer with `fail_status` and a non-JSON body.
    pub fail_next: u32,
    /// Status of those failures (default 502).
    pub fail_status: u16,
    /// The next N Open API calls are rate-limited (HTTP 429, code 99991400).
    pub rate_limit_next: u32,
    /// `x-ogw-ratelimit-reset` of those, in seconds (default 1).
    pub rate_limit_reset_secs: u64,
    /// Every event is delivered twice.
    pub duplicate_deliveries: bool,
    /// Long-connection payloads are cut into fragments of this many bytes (0: whole).
    pub fragment_size: usize,
    /// Fragments are sent last first.
    pub reorder_fragments: bool,
    /// After their last page, paged lists answer `has_more: true` and this
    /// `page_token` (empty: an empty one), as a server whose paging goes
    /// round for ever would.
    pub endless_page_token: Option<String>,
}

/// What the next Open API call should suffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Injected {
    /// Nothing.
    None,
    /// A 5xx with a non-JSON body.
    Fail(u16),
    /// HTTP 429 with code 99991400, freeing in the seconds given.
    RateLimit(u64),
}

impl Faults {
    /// Checks the values: `fail_status` is 0 (502) or a 4xx or 5xx status.
    pub fn check(&self) -> Result<(), ControlError> {
        if self.fail_status == 0 || (400..=599).contains(&self.fail_status) {
            Ok(())
        } else {
            Err(ControlError::invalid(
                Some("fail_status"),
                format!(
                    "fail_status {} is not a 4xx or 5xx status (0: 502)",
                    self.fail_status
                ),
            ))
        }
    }

    /// Takes the fault the next call suffers, counting it down.
    pub fn take(&mut self) -> Injected {
        if self.fail_next > 0 {
            self.fail_next -= 1;
            return Injected::Fail(if self.fail_status == 0 {
                502
            } else {
                self.fail_status
            });
        }
        if self.rate_limit_next > 0 {
            self.rate_limit_next -= 1;
            return Injected::RateLimit(self.rate_limit_reset_secs.max(1));
        }
        Injected::None
    }
}
