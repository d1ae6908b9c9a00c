//! Receiving events by webhook, framework-agnostic: the raw body bytes and the
//! headers in, the response to send out.
//!
//! In order:
//!
//! 1. A body larger than the limit (default 1 MiB) is refused with 413.
//! 2. With an Encrypt Key, a signed request's signature is checked over the
//!    raw body bytes, in constant time, before anything is decrypted, and its
//!    timestamp must lie within the window (default ±5 minutes).
//! 3. The body is decrypted (`{"encrypt": …}`). Without an Encrypt Key the
//!    plaintext is read as is; with one, a plaintext body is refused.
//! 4. A `url_verification` challenge is answered `{"challenge": …}` (it comes
//!    unsigned; its token must match).
//! 5. The verification token of a 2.0 or 1.0 event is compared in constant time.
//! 6. The event goes to the [`Dispatcher`]; the answer follows its [`Outcome`].
//!
//! Every verification failure (signature, timestamp, token, decryption, an
//! unexpected plaintext) gets the same answer: HTTP 401
//! `{"msg":"request verification failed"}`.
//!
//! | outcome | answer |
//! |---|---|
//! | handled, queued, duplicate | 200 `{"msg":"success"}` |
//! | challenge | 200 `{"challenge":"…"}` |
//! | no handler and no fallback | 200 `{"msg":"no handler for this event type"}`: re-pushing would not help; register a fallback to see such events |
//! | handler failed, copy in progress, queue full, body not of its type | 500 `{"msg":"…"}`: the platform pushes it again |
//! | verification failed | 401 `{"msg":"request verification failed"}` |
//! | encrypted, but no Encrypt Key configured | 500 |
//! | not JSON | 400 |
//! | too large | 413 |

use std::borrow::Cow;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::Deserialize;

use super::crypto::EncryptKey;
use super::dispatch::{Decoded, Dispatcher, Outcome, tokens_match};
use super::envelope::{EnvelopeRef, EventDecodeError};

/// Header names.
pub mod headers {
    /// Unix seconds the request was signed at.
    pub const TIMESTAMP: &str = "x-lark-request-timestamp";
    /// A random nonce.
    pub const NONCE: &str = "x-lark-request-nonce";
    /// `hex(sha256(timestamp ‖ nonce ‖ encrypt_key ‖ body))`.
    pub const SIGNATURE: &str = "x-lark-signature";
}

/// The request's headers, looked up case-insensitively.
pub trait Headers {
    /// The value of a header (the name is lowercase).
    fn header(&self, name: &str) -> Option<&str>;
}

impl Headers for [(&str, &str)] {
    fn header(&self, name: &str) -> Option<&str> {
        self.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| *v)
    }
}

impl<const N: usize> Headers for [(&str, &str); N] {
    fn header(&self, name: &str) -> Option<&str> {
        self.as_slice().header(name)
    }
}

impl Headers for http::HeaderMap {
    fn header(&self, name: &str) -> Option<&str> {
        self.get(name).and_then(|v| v.to_str().ok())
    }
}

/// The response to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    /// HTTP status.
    pub status: u16,
    /// JSON body.
    pub body: Cow<'static, [u8]>,
}

impl Response {
    /// `application/json; charset=utf-8`.
    pub const CONTENT_TYPE: &'static str = "application/json; charset=utf-8";

    fn fixed(status: u16, body: &'static str) -> Self {
        Self {
            status,
            body: Cow::Borrowed(body.as_bytes()),
        }
    }

    fn json(status: u16, value: serde_json::Value) -> Self {
        Self {
            status,
            body: Cow::Owned(value.to_string().into_bytes()),
        }
    }
}

const SUCCESS: &str = r#"{"msg":"success"}"#;
const VERIFICATION_FAILED: &str = r#"{"msg":"request verification failed"}"#;

/// A webhook receiver.
#[derive(Clone)]
pub struct Webhook {
    dispatcher: Arc<Dispatcher>,
    verification_token: Option<String>,
    encrypt_key: Option<EncryptKey>,
    max_body: usize,
    window: Option<Duration>,
}

impl std::fmt::Debug for Webhook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Webhook")
            .field("dispatcher", &self.dispatcher)
            .field(
                "verification_token",
                &self.verification_token.as_ref().map(|_| "<redacted>"),
            )
            .field("encrypt_key", &self.encrypt_key)
            .field("max_body", &self.max_body)
            .field("window", &self.window)
            .finish()
    }
}

#[derive(Deserialize)]
struct Outer<'a> {
    #[serde(borrow, default)]
    encrypt: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
struct Challenge<'a> {
    #[serde(borrow)]
    challenge: Cow<'a, str>,
    #[serde(borrow, default)]
    token: Option<Cow<'a, str>>,
    #[serde(borrow, rename = "type")]
    kind: Cow<'a, str>,
}

impl Webhook {
    /// A receiver handing events to `dispatcher`.
    pub fn new(dispatcher: impl Into<Arc<Dispatcher>>) -> Self {
        Self {
            dispatcher: dispatcher.into(),
            verification_token: None,
            encrypt_key: None,
            max_body: 1 << 20,
            window: Some(Duration::from_secs(300)),
        }
    }

    /// The app's Verification Token: events and challenges must carry it.
    pub fn verification_token(mut self, token: impl Into<String>) -> Self {
        self.verification_token = Some(token.into());
        self
    }

    /// The app's Encrypt Key: bodies are decrypted and signatures checked.
    pub fn encrypt_key(mut self, key: impl Into<String>) -> Self {
        self.encrypt_key = Some(EncryptKey::new(key));
        self
    }

    /// Largest body accepted (default 1 MiB).
    pub fn max_body_bytes(mut self, bytes: usize) -> Self {
        self.max_body = bytes;
        self
    }

    /// How far a signed request's timestamp may be from now (default ±5
    /// minutes; `None` turns the check off).
    pub fn timestamp_window(mut self, window: Option<Duration>) -> Self {
        self.window = window;
        self
    }

    /// The largest body accepted.
    pub fn max_body(&self) -> usize {
        self.max_body
    }

    /// The dispatcher events go to.
    pub fn dispatcher(&self) -> &Arc<Dispatcher> {
        &self.dispatcher
    }

    /// Handles one request.
    pub async fn handle(&self, headers: &(impl Headers + ?Sized), body: &[u8]) -> Response {
        if body.len() > self.max_body {
            return Response::fixed(413, r#"{"msg":"body too large"}"#);
        }
        let signature = headers.header(headers::SIGNATURE);
        let signed = match (&self.encrypt_key, signature) {
            (Some(key), Some(signature)) => {
                let timestamp = headers.header(headers::TIMESTAMP).unwrap_or_default();
                let nonce = headers.header(headers::NONCE).unwrap_or_default();
                if !self.fresh(timestamp) || !key.verify(timestamp, nonce, body, signature) {
                    return Response::fixed(401, VERIFICATION_FAILED);
                }
                true
            }
            _ => false,
        };
        if self.encrypt_key.is_none() {
            // A plaintext 2.0 event of a handled type, decoded in one pass.
            if let Some(decoded) = self
                .dispatcher
                .decode_whole(body, self.verification_token.as_deref())
            {
                return self.run(decoded).await;
            }
        }
        let Ok(outer) = serde_json::from_slice::<Outer<'_>>(body) else {
            return Response::fixed(400, r#"{"msg":"the body is not a JSON object"}"#);
        };
        let decrypted;
        let plaintext: &[u8] = match (outer.encrypt, &self.encrypt_key) {
            (Some(encrypted), Some(key)) => match key.decrypt(&encrypted) {
                Ok(bytes) => {
                    decrypted = bytes;
                    &decrypted
                }
                Err(_) => return Response::fixed(401, VERIFICATION_FAILED),
            },
            (Some(_), None) => {
                return Response::fixed(
                    500,
                    r#"{"msg":"the event is encrypted, but no encrypt key is configured"}"#,
                );
            }
            (None, Some(_)) => return Response::fixed(401, VERIFICATION_FAILED),
            (None, None) => body,
        };
        if signed
            && let Some(decoded) = self
                .dispatcher
                .decode_whole(plaintext, self.verification_token.as_deref())
        {
            return self.run(decoded).await;
        }
        let envelope = match EnvelopeRef::parse(plaintext) {
            Ok(envelope) if signed || self.encrypt_key.is_none() => envelope,
            Ok(_) => return Response::fixed(401, VERIFICATION_FAILED),
            Err(EventDecodeError::NotAnEnvelope) => return self.challenge(plaintext),
            Err(_) => return Response::fixed(400, r#"{"msg":"the body is not an event"}"#),
        };
        if !self.token_matches(envelope.token()) {
            return Response::fixed(401, VERIFICATION_FAILED);
        }
        let outcome = self
            .dispatcher
            .dispatch_envelope(&envelope, plaintext)
            .await;
        respond(&outcome)
    }

    /// Checks the token of an event decoded whole, then runs it.
    async fn run(&self, decoded: Decoded) -> Response {
        if !decoded.token_ok {
            return Response::fixed(401, VERIFICATION_FAILED);
        }
        respond(&self.dispatcher.run_decoded(decoded).await)
    }

    /// Whether a timestamp (Unix seconds) lies within the window.
    fn fresh(&self, timestamp: &str) -> bool {
        let Some(window) = self.window else {
            return true;
        };
        let Ok(seconds) = timestamp.trim().parse::<u64>() else {
            return false;
        };
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        now.abs_diff(seconds) <= window.as_secs()
    }

    fn token_matches(&self, token: &str) -> bool {
        self.verification_token
            .as_deref()
            .is_none_or(|expected| tokens_match(expected, token))
    }

    /// Answers a url_verification challenge.
    fn challenge(&self, plaintext: &[u8]) -> Response {
        match serde_json::from_slice::<Challenge<'_>>(plaintext) {
            Ok(c) if c.kind == "url_verification" => {
                if !self.token_matches(c.token.as_deref().unwrap_or_default()) {
                    return Response::fixed(401, VERIFICATION_FAILED);
                }
                Response::json(200, serde_json::json!({"challenge": c.challenge}))
            }
            _ => Response::fixed(400, r#"{"msg":"the body is not an event"}"#),
        }
    }
}

/// The answer for a dispatch outcome.
fn respond(outcome: &Outcome) -> Response {
    match outcome {
        Outcome::Handled | Outcome::Queued | Outcome::Duplicate => Response::fixed(200, SUCCESS),
        Outcome::Unhandled { .. } => {
            Response::fixed(200, r#"{"msg":"no handler for this event type"}"#)
        }
        Outcome::Failed(error) => {
            tracing::warn!(%error, "event handler failed; the platform will push the event again");
            Response::fixed(500, r#"{"msg":"the event handler failed"}"#)
        }
        Outcome::Busy => Response::fixed(500, r#"{"msg":"busy; push again later"}"#),
        Outcome::Invalid(error) => {
            tracing::warn!(%error, "event does not fit its type");
            Response::fixed(500, r#"{"msg":"the event does not fit its type"}"#)
        }
    }
}
