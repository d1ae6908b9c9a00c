//! A webhook on the test vectors' key and token, and the requests the
//! platform would send it: encrypted, signed, with the event laid out as
//! asked.

use lark_sdk::prelude::*;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use lark_sdk::event::crypto::EncryptKey;
use lark_sdk::event::webhook::Response;
use lark_sdk::event::{Dispatcher, Webhook, WebhookBuilder};

use crate::test_vectors;

/// The one answer to every request that fails verification.
pub const REJECTED: &str = r#"{"msg":"request verification failed"}"#;

/// Request headers, as names and values.
pub type Headers = Vec<(String, String)>;

/// A webhook and what it has handled.
pub struct Rig {
    /// The webhook, with the vectors' key and token.
    pub webhook: Webhook,
    /// How many reaction-deleted events its handler has taken.
    pub handled: Arc<AtomicUsize>,
    /// The vectors' encrypt key.
    pub key: EncryptKey,
    /// The verification token.
    pub token: String,
}

/// A webhook builder with `key` and `token`.
pub fn builder(dispatcher: impl Into<Arc<Dispatcher>>, key: &str, token: &str) -> WebhookBuilder {
    Webhook::builder(dispatcher)
        .encrypt_key(key)
        .verification_token(token)
}

/// A webhook with the vectors' key and token, counting handled reaction
/// events (or, with `fail`, failing each).
///
/// # Panics
/// In the handler, when an event is not the vectors' message.
pub fn rig(fail: bool) -> Rig {
    let v = test_vectors();
    let handled = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&handled);
    let dispatcher = Dispatcher::new().on_message_reaction_deleted_v1(move |event| {
        let counter = Arc::clone(&counter);
        async move {
            assert_eq!(
                event.event.message_id.as_deref(),
                Some("om_dc13264520392913993dd051dba21dcf")
            );
            if fail {
                return Err("the handler failed".into());
            }
            counter.fetch_add(1, Ordering::SeqCst);
            Ok(())
        }
    });
    let key = v["encrypt_key"].as_str().expect("a key").to_owned();
    let token = "v_token_abc123".to_owned();
    Rig {
        webhook: builder(dispatcher, &key, &token)
            .build()
            .expect("a webhook"),
        handled,
        key: EncryptKey::new(key),
        token,
    }
}

/// Seconds since the epoch, as the timestamp header carries them.
///
/// # Panics
/// When the clock is before 1970.
pub fn now() -> String {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("a clock after 1970")
        .as_secs()
        .to_string()
}

/// The timestamp, nonce and signature headers of `body` signed with `key`.
pub fn signature_headers(key: &EncryptKey, ts: String, nonce: &str, body: &[u8]) -> Headers {
    let signature = key.signature(&ts, nonce, body);
    vec![
        ("X-Lark-Request-Timestamp".to_owned(), ts),
        ("X-Lark-Request-Nonce".to_owned(), nonce.to_owned()),
        ("X-Lark-Signature".to_owned(), signature),
    ]
}

/// A body encrypted and signed now, as the platform sends it.
pub fn signed(key: &EncryptKey, plaintext: &str) -> (Headers, Vec<u8>) {
    let body =
        serde_json::json!({"encrypt": key.encrypt(plaintext.as_bytes(), [9; 16])}).to_string();
    let headers = signature_headers(key, now(), "nonce-1", body.as_bytes());
    (headers, body.into_bytes())
}

/// Hands a request to the webhook.
pub async fn post(webhook: &Webhook, headers: &[(String, String)], body: &[u8]) -> Response {
    let pairs: Vec<(&str, &str)> = headers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    webhook.handle(pairs.as_slice(), body).await
}

/// An answer's body as text.
///
/// # Panics
/// When it is not UTF-8.
pub fn text(r: &Response) -> &str {
    std::str::from_utf8(&r.body).expect("a UTF-8 answer")
}

/// The reaction event of the vectors' key and token, with its header and
/// body laid out as given.
pub fn reaction_event(
    event_id: &str,
    token: &str,
    event_type_json: &str,
    body_first: bool,
) -> String {
    let header = format!(
        r#""header":{{"event_id":"{event_id}","event_type":{event_type_json},"token":"{token}","app_id":"cli_1","tenant_key":"t"}}"#
    );
    let event = r#""event":{"message_id":"om_dc13264520392913993dd051dba21dcf","reaction_type":{"emoji_type":"SMILE"},"operator_type":"user","action_time":"1663054162546","note":{"event_type":"something.else_v1"}}"#;
    if body_first {
        format!(r#"{{{event},"schema":"2.0",{header}}}"#)
    } else {
        format!(r#"{{"schema":"2.0",{header},{event}}}"#)
    }
}
