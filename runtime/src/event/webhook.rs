//! Receiving events by webhook, framework-agnostic: the raw body bytes and the
//! headers in, the response to send out.
//!
//! ```
//! use lark_runtime::event::{Dispatcher, Webhook};
//!
//! let webhook = Webhook::builder(Dispatcher::new())
//!     .verification_token("v_token")
//!     .encrypt_key("encrypt key")
//!     .build()?;
//! # Ok::<(), lark_runtime::event::webhook::WebhookError>(())
//! ```
//!
//! A webhook needs the app's Verification Token or its Encrypt Key (both,
//! ideally): [`WebhookBuilder::build`] refuses one with neither, unless
//! [`WebhookBuilder::accept_unverified_requests`] says to take any POST.
//!
//! # In order
//!
//! 1. A body larger than the limit (default 1 MiB) is refused with 413
//!    (an answer that depends on the length alone, which the sender knows).
//! 2. With an Encrypt Key:
//!    - a *signed* request (`X-Lark-Signature`) must carry a timestamp
//!      within the window (default ±5 minutes) and a signature over the raw
//!      body bytes that matches, compared in constant time, before anything
//!      is decrypted; its body is then decrypted;
//!    - an *unsigned* request can only be the `url_verification` challenge
//!      (the platform sends it unsigned): it is decrypted and answered when
//!      it is a challenge with the right verification token (any token when
//!      none is configured: only the Encrypt Key vouches for it then).
//!      **Every other outcome of an unsigned body** (over 4 KiB, not JSON,
//!      no `encrypt`, bad base64, bad padding, a wrong key, junk or JSON
//!      that is not a challenge, an event, a wrong token) gets the one
//!      verification failure answer, so that nothing is learnt from it about
//!      the plaintext (no padding oracle). The padding is checked in
//!      constant time and the challenge is looked for whether it was good
//!      or not, so the time taken does not tell them apart either.
//! 3. Without an Encrypt Key, the body is the plaintext; an encrypted body
//!    is answered 500 (the key is missing from the configuration).
//! 4. The verification token of a 2.0 or 1.0 event (or of a challenge) is
//!    compared in constant time.
//! 5. The event goes to the [`Dispatcher`]; the answer follows its [`Outcome`].
//!
//! Every verification failure (a signature that does not match, a missing
//! timestamp or nonce, a stale timestamp, a body that does not decrypt, a
//! wrong token, any unsigned body but a good challenge when an Encrypt Key is
//! set) gets the same answer, byte for byte: HTTP 401
//! `{"msg":"request verification failed"}`.
//!
//! | outcome | answer |
//! |---|---|
//! | handled, queued, duplicate | 200 `{"msg":"success"}` |
//! | a callback answered ([`Outcome::Answered`]) | 200, the JSON of the handler's answer |
//! | challenge | 200 `{"challenge":"…"}` |
//! | no handler and no fallback | 200 `{"msg":"no handler for this event type"}`: re-pushing would not help; register a fallback to see such events |
//! | body does not fit its type, no `on_undecodable` handler | 200 `{"msg":"the event does not fit its type"}`: logged at warn; a re-push would not fit either |
//! | handler failed or panicked, copy in progress, queue full | 500 `{"msg":"…"}`: the platform pushes it again |
//! | verification failed | 401 `{"msg":"request verification failed"}` |
//! | encrypted, but no Encrypt Key configured | 500 |
//! | signed (or, without a key, plaintext), but not JSON, not encrypted, or not an event | 400 |
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

    const fn fixed(status: u16, body: &'static str) -> Self {
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
/// The largest unsigned body decrypted when an Encrypt Key is set: a
/// url_verification challenge is a few hundred bytes.
const MAX_UNSIGNED_BODY: usize = 4096;
const NOT_JSON: &str = r#"{"msg":"the body is not a JSON object"}"#;
/// The one answer of every verification failure.
const REJECTED: Response = Response::fixed(401, VERIFICATION_FAILED);
const NOT_AN_EVENT: &str = r#"{"msg":"the body is not an event"}"#;

/// Why a [`Webhook`] cannot be built.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookError {
    /// Neither a verification token nor an encrypt key is set.
    #[error(
        "a webhook needs the app's verification token or encrypt key to tell the platform's requests from anyone's; \
         set one, or call accept_unverified_requests() to take any request"
    )]
    Unverified,
}

/// Builds a [`Webhook`].
#[derive(Clone)]
pub struct WebhookBuilder {
    dispatcher: Arc<Dispatcher>,
    verification_token: Option<String>,
    encrypt_key: Option<String>,
    max_body: usize,
    window: Option<Duration>,
    unverified: bool,
}

impl std::fmt::Debug for WebhookBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebhookBuilder")
            .field("verification_token", &self.verification_token.is_some())
            .field("encrypt_key", &self.encrypt_key.is_some())
            .field("max_body", &self.max_body)
            .field("window", &self.window)
            .field("unverified", &self.unverified)
            .finish_non_exhaustive()
    }
}

impl WebhookBuilder {
    /// The app's Verification Token: events and challenges must carry it.
    /// An empty token counts as none.
    pub fn verification_token(mut self, token: impl Into<String>) -> Self {
        self.verification_token = Some(token.into()).filter(|t| !t.is_empty());
        self
    }

    /// The app's Encrypt Key: bodies are decrypted and signatures checked.
    /// An empty key counts as none.
    pub fn encrypt_key(mut self, key: impl Into<String>) -> Self {
        self.encrypt_key = Some(key.into()).filter(|k| !k.is_empty());
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

    /// Takes requests that carry neither a verification token nor a
    /// signature: anyone who can reach the address can then push events.
    /// Only for a webhook behind something that authenticates the platform
    /// itself.
    pub fn accept_unverified_requests(mut self) -> Self {
        self.unverified = true;
        self
    }

    /// The webhook; refused when nothing would verify requests (see
    /// [`Self::accept_unverified_requests`]).
    pub fn build(self) -> Result<Webhook, WebhookError> {
        if self.verification_token.is_none() && self.encrypt_key.is_none() && !self.unverified {
            return Err(WebhookError::Unverified);
        }
        Ok(Webhook {
            dispatcher: self.dispatcher,
            verification_token: self.verification_token,
            encrypt_key: self.encrypt_key.map(EncryptKey::new),
            max_body: self.max_body,
            window: self.window,
        })
    }
}

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
    /// Starts building a receiver handing events to `dispatcher`.
    pub fn builder(dispatcher: impl Into<Arc<Dispatcher>>) -> WebhookBuilder {
        WebhookBuilder {
            dispatcher: dispatcher.into(),
            verification_token: None,
            encrypt_key: None,
            max_body: 1 << 20,
            window: Some(Duration::from_secs(300)),
            unverified: false,
        }
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
        match (&self.encrypt_key, headers.header(headers::SIGNATURE)) {
            (None, _) => self.plaintext(body).await,
            (Some(key), Some(signature)) => self.signed(key, headers, signature, body).await,
            (Some(key), None) => self.unsigned(key, body),
        }
    }

    /// Without an Encrypt Key: the body is the event.
    async fn plaintext(&self, body: &[u8]) -> Response {
        // A 2.0 event of a handled type, decoded in one pass.
        if let Some(decoded) = self
            .dispatcher
            .decode_whole(body, self.verification_token.as_deref())
        {
            return self.run(decoded).await;
        }
        match serde_json::from_slice::<Outer<'_>>(body) {
            Ok(Outer { encrypt: None }) => self.event(body).await,
            Ok(Outer { encrypt: Some(_) }) => Response::fixed(
                500,
                r#"{"msg":"the event is encrypted, but no encrypt key is configured"}"#,
            ),
            Err(_) => Response::fixed(400, NOT_JSON),
        }
    }

    /// A signed request: the signature first, then decryption.
    async fn signed(
        &self,
        key: &EncryptKey,
        headers: &(impl Headers + ?Sized),
        signature: &str,
        body: &[u8],
    ) -> Response {
        let timestamp = headers.header(headers::TIMESTAMP);
        let nonce = headers.header(headers::NONCE);
        let (Some(timestamp), Some(nonce)) = (timestamp, nonce) else {
            return REJECTED;
        };
        if !self.fresh(timestamp) || !key.verify(timestamp, nonce, body, signature) {
            return REJECTED;
        }
        // Signed, so from the platform: what is wrong may be said.
        let plaintext = match serde_json::from_slice::<Outer<'_>>(body) {
            Ok(Outer {
                encrypt: Some(encrypted),
            }) => key.decrypt(&encrypted),
            Ok(Outer { encrypt: None }) => {
                return Response::fixed(400, r#"{"msg":"the signed body is not encrypted"}"#);
            }
            Err(_) => return Response::fixed(400, NOT_JSON),
        };
        let Ok(plaintext) = plaintext else {
            return REJECTED;
        };
        if let Some(decoded) = self
            .dispatcher
            .decode_whole(&plaintext, self.verification_token.as_deref())
        {
            return self.run(decoded).await;
        }
        self.event(&plaintext).await
    }

    /// An unsigned request with an Encrypt Key set: a good challenge is
    /// answered, anything else gets the verification failure answer. A body
    /// longer than any challenge is refused before decryption (no
    /// unauthenticated decryption of large bodies, and nothing to time); the
    /// padding of a shorter one is checked in constant time.
    fn unsigned(&self, key: &EncryptKey, body: &[u8]) -> Response {
        (body.len() <= MAX_UNSIGNED_BODY)
            .then(|| serde_json::from_slice::<Outer<'_>>(body).ok())
            .flatten()
            .and_then(|outer| {
                key.read_unauthenticated(&outer.encrypt?, |plaintext| {
                    self.challenge_answer(plaintext)
                        .filter(|answer| answer.status == 200)
                })
            })
            .unwrap_or(REJECTED)
    }

    /// A verified (or, without a key, plaintext) body: an event or a challenge.
    async fn event(&self, plaintext: &[u8]) -> Response {
        let envelope = match EnvelopeRef::parse(plaintext) {
            Ok(envelope) => envelope,
            Err(EventDecodeError::NotAnEnvelope) => return self.challenge(plaintext),
            Err(_) => return Response::fixed(400, NOT_AN_EVENT),
        };
        if !self.token_matches(envelope.token()) {
            return REJECTED;
        }
        let outcome = self
            .dispatcher
            .dispatch_envelope(&envelope, plaintext)
            .await;
        respond(outcome)
    }

    /// Checks the token of an event decoded whole, then runs it.
    async fn run(&self, decoded: Decoded) -> Response {
        if !decoded.token_ok {
            return REJECTED;
        }
        respond(self.dispatcher.run_decoded(decoded).await)
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

    /// The answer to a url_verification challenge: 200 with the challenge
    /// when its token is right, the verification failure when not; `None`
    /// when the plaintext is no challenge.
    fn challenge_answer(&self, plaintext: &[u8]) -> Option<Response> {
        let c = serde_json::from_slice::<Challenge<'_>>(plaintext).ok()?;
        if c.kind != "url_verification" {
            return None;
        }
        Some(
            if self.token_matches(c.token.as_deref().unwrap_or_default()) {
                Response::json(200, serde_json::json!({"challenge": c.challenge}))
            } else {
                REJECTED
            },
        )
    }

    /// Answers a verified body that is no event: a challenge, or 400.
    fn challenge(&self, plaintext: &[u8]) -> Response {
        self.challenge_answer(plaintext)
            .unwrap_or(Response::fixed(400, NOT_AN_EVENT))
    }
}

/// The answer for a dispatch outcome.
fn respond(outcome: Outcome) -> Response {
    match outcome {
        Outcome::Answered(answer) => Response {
            status: 200,
            body: Cow::Owned(answer),
        },
        Outcome::Handled | Outcome::Queued | Outcome::Duplicate => Response::fixed(200, SUCCESS),
        Outcome::Unhandled { .. } => {
            Response::fixed(200, r#"{"msg":"no handler for this event type"}"#)
        }
        Outcome::Failed(error) => {
            tracing::warn!(%error, "event handler failed; the platform will push the event again");
            Response::fixed(500, r#"{"msg":"the event handler failed"}"#)
        }
        Outcome::Busy => Response::fixed(500, r#"{"msg":"busy; push again later"}"#),
        Outcome::Undecodable { .. } => {
            Response::fixed(200, r#"{"msg":"the event does not fit its type"}"#)
        }
        Outcome::Invalid(error) => {
            tracing::warn!(%error, "the body is not an event");
            Response::fixed(400, NOT_AN_EVENT)
        }
    }
}
