//! Identifiers shaped like the platform's.

use rand::Rng;
use rand::distr::Alphanumeric;

fn hex(len: usize) -> String {
    const HEX: &[u8] = b"0123456789abcdef";
    let mut rng = rand::rng();
    (0..len)
        .map(|_| char::from(HEX[rng.random_range(0..16)]))
        .collect()
}

fn alnum(len: usize) -> String {
    rand::rng()
        .sample_iter(Alphanumeric)
        .take(len)
        .map(char::from)
        .collect()
}

/// `cli_` and 16 hex digits (the Node SDK checks this shape).
pub fn app_id() -> String {
    format!("cli_{}", hex(16))
}

/// An app_id a caller may fix: 1 to 64 ASCII letters, digits, `_` or `-`,
/// so that it sits in a path segment as it is.
pub fn is_app_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The first four characters of an id after its prefix (the whole id when
/// it does not start with the prefix), for default names: `Bot 3f2a`.
pub fn short(id: &str, prefix: &str) -> String {
    id.strip_prefix(prefix)
        .unwrap_or(id)
        .chars()
        .take(4)
        .collect()
}

/// 32 letters and digits.
pub fn app_secret() -> String {
    alnum(32)
}

/// 16 hex digits.
pub fn tenant_key() -> String {
    hex(16)
}

/// `ou_` and 32 hex digits.
pub fn open_id() -> String {
    format!("ou_{}", hex(32))
}

/// `on_` and 32 hex digits.
pub fn union_id() -> String {
    format!("on_{}", hex(32))
}

/// 8 lowercase letters and digits.
pub fn user_id() -> String {
    alnum(8).to_ascii_lowercase()
}

/// `oc_` and 32 hex digits.
pub fn chat_id() -> String {
    format!("oc_{}", hex(32))
}

/// `om_` and 32 hex digits.
pub fn message_id() -> String {
    format!("om_{}", hex(32))
}

/// 48 URL-safe characters, like the platform's reaction ids.
pub fn reaction_id() -> String {
    let mut rng = rand::rng();
    const SAFE: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    (0..48)
        .map(|_| char::from(SAFE[rng.random_range(0..SAFE.len())]))
        .collect()
}

/// A reaction id as the platform writes them: URL-safe characters only.
pub fn is_reaction_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 128
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// An access token with the platform's prefix (`t-`, `u-`, `a-`).
pub fn token(prefix: &str) -> String {
    format!("{prefix}{}", hex(40))
}

/// 32 hex digits.
pub fn event_id() -> String {
    hex(32)
}

/// A log id as the platform writes them: `YYYYMMDDhhmmss` (UTC) and 20
/// uppercase hex digits.
pub fn log_id() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_date(secs / 86_400);
    let t = secs % 86_400;
    format!(
        "{y:04}{m:02}{d:02}{:02}{:02}{:02}{}",
        t / 3600,
        t / 60 % 60,
        t % 60,
        hex(20).to_ascii_uppercase()
    )
}

/// Year, month and day of a day count since 1970-01-01 (proleptic Gregorian).
fn civil_date(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + u64::from(m <= 2), m, d)
}

/// A nonce for webhook signatures.
pub fn nonce() -> String {
    alnum(16)
}

/// 16 random bytes, for an AES IV.
pub fn iv() -> [u8; 16] {
    rand::rng().random()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let app = app_id();
        assert!(app.starts_with("cli_") && app.len() == 20);
        assert!(message_id().starts_with("om_"));
        assert!(is_reaction_id(&reaction_id()));
        assert!(!is_reaction_id("has space"));
        assert!(!is_reaction_id(""));
        assert!(is_app_id("cli") && is_app_id("cli_a1-b2") && is_app_id(&app));
        assert!(!is_app_id("") && !is_app_id("cli x") && !is_app_id("cli/x"));
        assert!(!is_app_id("cli_é") && !is_app_id(&"a".repeat(65)));
        assert_eq!(short(&app, "cli_").len(), 4);
        assert_eq!(short("cli", "cli_"), "cli");
        assert_eq!(short("cli_", "cli_"), "");
        assert_eq!(short("ou_éàü😀xyz", "ou_"), "éàü😀");
        assert!(token("t-").starts_with("t-"));
        assert_eq!(log_id().len(), 34);
        assert_eq!(civil_date(0), (1970, 1, 1));
        assert_eq!(civil_date(20_506), (2026, 2, 22));
        assert_eq!(civil_date(11_016), (2000, 2, 29));
    }
}
