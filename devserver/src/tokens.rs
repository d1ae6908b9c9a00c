//! Access tokens: issued, looked up, expired.
//!
//! As the platform does: asking again while a token has at least 30 minutes
//! left returns the same token; with less, a new one is issued and the old
//! one stays valid until its own expiry.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::ids;

/// Which token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// tenant_access_token (`t-`).
    Tenant,
    /// app_access_token (`a-`).
    App,
    /// user_access_token (`u-`).
    User,
}

impl TokenKind {
    fn prefix(self) -> &'static str {
        match self {
            TokenKind::Tenant => "t-",
            TokenKind::App => "a-",
            TokenKind::User => "u-",
        }
    }
}

/// What a token stands for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Grant {
    /// Kind.
    pub kind: TokenKind,
    /// App.
    pub app_id: String,
    /// Tenant (absent for app tokens).
    pub tenant_key: Option<String>,
    /// User (user tokens).
    pub open_id: Option<String>,
}

/// Why a token is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenProblem {
    /// Never issued (or from another server).
    Unknown,
    /// Past its expiry.
    Expired,
}

#[derive(Debug)]
struct Issued {
    grant: Grant,
    expires: Instant,
}

/// Every token issued.
#[derive(Debug)]
pub struct Tokens {
    issued: HashMap<String, Issued>,
    latest: HashMap<Grant, String>,
    lifetime: Duration,
}

/// Reuse a token while this much of it is left.
const REUSE_WHILE: Duration = Duration::from_secs(30 * 60);

impl Tokens {
    /// Tokens that live `lifetime` (the platform: 2 hours).
    pub fn new(lifetime: Duration) -> Self {
        Self {
            issued: HashMap::new(),
            latest: HashMap::new(),
            lifetime,
        }
    }

    /// Sets how long new tokens live.
    pub fn set_lifetime(&mut self, lifetime: Duration) {
        self.lifetime = lifetime;
    }

    /// A token for a grant and the seconds it has left.
    pub fn issue(&mut self, grant: Grant) -> (String, u64) {
        let now = Instant::now();
        if let Some(token) = self.latest.get(&grant)
            && let Some(issued) = self.issued.get(token)
        {
            let left = issued.expires.saturating_duration_since(now);
            if left >= REUSE_WHILE {
                return (token.clone(), left.as_secs());
            }
        }
        let token = ids::token(grant.kind.prefix());
        self.issued.insert(
            token.clone(),
            Issued {
                grant: grant.clone(),
                expires: now + self.lifetime,
            },
        );
        self.latest.insert(grant, token.clone());
        (token, self.lifetime.as_secs())
    }

    /// What a token stands for, if it is valid now.
    pub fn check(&self, token: &str) -> Result<&Grant, TokenProblem> {
        let issued = self.issued.get(token).ok_or(TokenProblem::Unknown)?;
        if Instant::now() >= issued.expires {
            return Err(TokenProblem::Expired);
        }
        Ok(&issued.grant)
    }

    /// Expires every token now (fault injection: "tokens expire early").
    pub fn expire_all(&mut self) {
        let now = Instant::now();
        for issued in self.issued.values_mut() {
            issued.expires = now;
        }
    }

    /// How many token requests were answered with a new token.
    pub fn issued_count(&self) -> usize {
        self.issued.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grant() -> Grant {
        Grant {
            kind: TokenKind::Tenant,
            app_id: "cli_1".into(),
            tenant_key: Some("t".into()),
            open_id: None,
        }
    }

    #[test]
    fn reuses_long_lived_tokens_and_renews_short_ones() {
        let mut long = Tokens::new(Duration::from_secs(7200));
        let (a, left) = long.issue(grant());
        assert!(a.starts_with("t-") && left >= 7199);
        assert_eq!(long.issue(grant()).0, a);
        let mut short = Tokens::new(Duration::from_secs(600));
        let (b, _) = short.issue(grant());
        let (c, _) = short.issue(grant());
        assert_ne!(b, c);
        assert!(short.check(&b).is_ok(), "the old token stays valid");
        short.expire_all();
        assert_eq!(short.check(&c), Err(TokenProblem::Expired));
        assert_eq!(short.check("t-nope"), Err(TokenProblem::Unknown));
    }
}
