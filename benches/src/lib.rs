//! What the benchmarks share: the webhook's inputs, the bare bound it is
//! measured against, a poll-once executor, peak memory, and the generators of
//! synthetic specs.

pub mod big_spec;
pub mod synth;

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use aes::cipher::{BlockDecryptMut, KeyIvInit, block_padding::Pkcs7};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use lark_sdk::event::crypto::EncryptKey;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// The app's Encrypt Key in the encrypted benchmarks.
pub const ENCRYPT_KEY: &str = "test key";
/// The app's Verification Token.
pub const VERIFICATION_TOKEN: &str = "rvaYgkND1GOiu5MM0E1rncYC6PLtF7JV";
/// A nonce, as the platform sends one.
pub const NONCE: &str = "90c7b4a1cc2b";

/// The seed page's `im.message.reaction.deleted_v1` example, with a given
/// event id (the dispatcher deduplicates, so each iteration needs its own).
pub fn plain_event(event_id: u64) -> Vec<u8> {
    format!(
        r#"{{"schema":"2.0","header":{{"event_id":"{event_id:032x}","event_type":"im.message.reaction.deleted_v1","create_time":"1608725989000","token":"{VERIFICATION_TOKEN}","app_id":"cli_9f5343c580712544","tenant_key":"2ca1d211f64f6438"}},"event":{{"message_id":"om_8964d1b4*********2b31383276113","reaction_type":{{"emoji_type":"SMILE"}},"operator_type":"user","user_id":{{"union_id":"on_8ed6aa67826108097d9ee143816345","user_id":"e33ggbyz","open_id":"ou_84aad35d084aa403a838cf73ee18467"}},"app_id":"cli_9f5343c580712544","action_time":"1663054162546"}}}}"#
    )
    .into_bytes()
}

/// An encrypted, signed push of [`plain_event`]: body and headers.
pub struct Signed {
    /// `{"encrypt": …}`.
    pub body: Vec<u8>,
    /// Unix seconds.
    pub timestamp: String,
    /// `X-Lark-Signature`.
    pub signature: String,
}

impl Signed {
    /// Encrypts and signs an event, now.
    pub fn new(event_id: u64) -> Self {
        let key = EncryptKey::new(ENCRYPT_KEY);
        let mut iv = [0u8; 16];
        iv[..8].copy_from_slice(&event_id.to_le_bytes());
        let encrypted = key.encrypt(&plain_event(event_id), iv);
        let body = format!(r#"{{"encrypt":"{encrypted}"}}"#).into_bytes();
        let timestamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
            .to_string();
        let signature = key.signature(&timestamp, NONCE, &body);
        Self {
            body,
            timestamp,
            signature,
        }
    }

    /// The request's headers, as the webhook reads them.
    pub fn headers(&self) -> [(&str, &str); 3] {
        [
            ("x-lark-request-timestamp", self.timestamp.as_str()),
            ("x-lark-request-nonce", NONCE),
            ("x-lark-signature", self.signature.as_str()),
        ]
    }
}

/// Runs a future that completes without waiting (the webhook path with a
/// handler that does not wait), without an executor's overhead.
///
/// # Panics
///
/// When the future waits: that would be a benchmark set up wrongly.
pub fn poll_once<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(out) => out,
        Poll::Pending => panic!("the benchmarked future waited"),
    }
}

/// The bare bound's event: borrowed fields, no checks, no dispatch.
#[derive(Deserialize)]
pub struct BareEvent<'a> {
    /// `"2.0"`.
    #[serde(borrow)]
    pub schema: &'a str,
    /// The header.
    #[serde(borrow)]
    pub header: BareHeader<'a>,
    /// The body.
    #[serde(borrow)]
    pub event: BareBody<'a>,
}

/// The header, borrowed.
#[derive(Deserialize)]
pub struct BareHeader<'a> {
    /// Event id.
    pub event_id: &'a str,
    /// Event type.
    pub event_type: &'a str,
    /// Milliseconds, as a string.
    pub create_time: &'a str,
    /// Verification token.
    pub token: &'a str,
    /// App.
    pub app_id: &'a str,
    /// Tenant.
    pub tenant_key: &'a str,
}

/// The body, borrowed.
#[derive(Deserialize)]
pub struct BareBody<'a> {
    /// Message.
    pub message_id: &'a str,
    /// Emoji.
    #[serde(borrow)]
    pub reaction_type: BareEmoji<'a>,
    /// `user` or `app`.
    pub operator_type: &'a str,
    /// The user.
    #[serde(borrow)]
    pub user_id: BareUser<'a>,
    /// App.
    pub app_id: &'a str,
    /// Milliseconds, as a string.
    pub action_time: &'a str,
}

/// The emoji, borrowed.
#[derive(Deserialize)]
pub struct BareEmoji<'a> {
    /// `SMILE`.
    pub emoji_type: &'a str,
}

/// The user ids, borrowed.
#[derive(Deserialize)]
pub struct BareUser<'a> {
    /// union_id.
    pub union_id: &'a str,
    /// user_id.
    pub user_id: &'a str,
    /// open_id.
    pub open_id: &'a str,
}

/// The bare bound, plaintext: parse into borrowed structs.
pub fn bare_plain(body: &[u8]) -> usize {
    let event: BareEvent<'_> = serde_json::from_slice(body).expect("plain event");
    event.event.message_id.len() + event.header.event_id.len()
}

#[derive(Deserialize)]
struct BareOuter<'a> {
    encrypt: &'a str,
}

/// The bare bound, encrypted: SHA-256 signature check, base64, AES-256-CBC,
/// parse into borrowed structs.
pub fn bare_encrypted(aes_key: &[u8; 32], signed: &Signed) -> usize {
    let mut hasher = Sha256::new();
    hasher.update(signed.timestamp.as_bytes());
    hasher.update(NONCE.as_bytes());
    hasher.update(ENCRYPT_KEY.as_bytes());
    hasher.update(&signed.body);
    let digest: [u8; 32] = hasher.finalize().into();
    let mut given = [0u8; 32];
    for (i, byte) in given.iter_mut().enumerate() {
        let hex = &signed.signature[2 * i..2 * i + 2];
        *byte = u8::from_str_radix(hex, 16).expect("hex");
    }
    assert!(bool::from(digest.ct_eq(&given)), "signature");
    let outer: BareOuter<'_> = serde_json::from_slice(&signed.body).expect("outer");
    let mut blob = STANDARD.decode(outer.encrypt).expect("base64");
    let (iv, ciphertext) = blob.split_at_mut(16);
    let iv: [u8; 16] = (&*iv).try_into().expect("iv");
    let plain = cbc::Decryptor::<aes::Aes256>::new(aes_key.into(), &iv.into())
        .decrypt_padded_mut::<Pkcs7>(ciphertext)
        .expect("decrypt");
    bare_plain(plain)
}

/// The AES key of [`ENCRYPT_KEY`].
pub fn aes_key() -> [u8; 32] {
    Sha256::digest(ENCRYPT_KEY.as_bytes()).into()
}

/// The process's peak resident memory (`VmHWM`), in KiB, where the system
/// reports it.
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
}
