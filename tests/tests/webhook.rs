//! The webhook core against the official vectors and hostile input: each
//! request gets the right answer, every verification failure the same one,
//! and nothing panics.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use lark_sdk::event::crypto::EncryptKey;
use lark_sdk::event::webhook::Response;
use lark_sdk::event::{Dispatcher, Webhook};
use lark_tests::test_vectors;

const REJECTED: &str = r#"{"msg":"request verification failed"}"#;

type Headers = Vec<(String, String)>;

struct Rig {
    webhook: Webhook,
    handled: Arc<AtomicUsize>,
    key: EncryptKey,
    token: String,
}

/// A webhook with the vectors' key and token, counting handled reaction events.
fn rig(fail: bool) -> Rig {
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
    let key = v["encrypt_key"].as_str().unwrap().to_owned();
    let token = "v_token_abc123".to_owned();
    Rig {
        webhook: Webhook::new(dispatcher)
            .encrypt_key(key.clone())
            .verification_token(token.clone()),
        handled,
        key: EncryptKey::new(key),
        token,
    }
}

fn now() -> String {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
        .to_string()
}

/// A body encrypted and signed now, as the platform sends it.
fn signed(key: &EncryptKey, plaintext: &str) -> (Vec<(String, String)>, Vec<u8>) {
    let body =
        serde_json::json!({"encrypt": key.encrypt(plaintext.as_bytes(), [9; 16])}).to_string();
    let ts = now();
    let signature = key.signature(&ts, "nonce-1", body.as_bytes());
    let headers = vec![
        ("X-Lark-Request-Timestamp".to_owned(), ts),
        ("X-Lark-Request-Nonce".to_owned(), "nonce-1".to_owned()),
        ("X-Lark-Signature".to_owned(), signature),
    ];
    (headers, body.into_bytes())
}

async fn post(webhook: &Webhook, headers: &[(String, String)], body: &[u8]) -> Response {
    let pairs: Vec<(&str, &str)> = headers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    webhook.handle(pairs.as_slice(), body).await
}

fn text(r: &Response) -> &str {
    std::str::from_utf8(&r.body).unwrap()
}

#[tokio::test]
async fn the_official_event_vector_is_accepted_and_typed() {
    let v = test_vectors();
    let rig = rig(false);
    let webhook = rig.webhook.clone().timestamp_window(None);
    let headers = vec![
        (
            "X-Lark-Request-Timestamp".to_owned(),
            v["timestamp"].as_str().unwrap().to_owned(),
        ),
        (
            "X-Lark-Request-Nonce".to_owned(),
            v["nonce"].as_str().unwrap().to_owned(),
        ),
        (
            "X-Lark-Signature".to_owned(),
            v["signature"].as_str().unwrap().to_owned(),
        ),
    ];
    let body = v["body"].as_str().unwrap().as_bytes();
    let r = post(&webhook, &headers, body).await;
    assert_eq!((r.status, text(&r)), (200, r#"{"msg":"success"}"#));
    assert_eq!(rig.handled.load(Ordering::SeqCst), 1);
    // The same push again: acknowledged, not handled twice.
    let r = post(&webhook, &headers, body).await;
    assert_eq!((r.status, text(&r)), (200, r#"{"msg":"success"}"#));
    assert_eq!(rig.handled.load(Ordering::SeqCst), 1);
    // With the default ±5 minute window, the vector's 2023 timestamp is stale.
    let r = post(&rig.webhook, &headers, body).await;
    assert_eq!((r.status, text(&r)), (401, REJECTED));
}

#[tokio::test]
async fn the_official_challenge_vector_is_answered() {
    let v = test_vectors();
    let rig = rig(false);
    let body = v["challenge_body"].as_str().unwrap().as_bytes();
    let r = post(&rig.webhook, &[], body).await;
    assert_eq!(
        (r.status, text(&r)),
        (200, r#"{"challenge":"ajls384kdjx98XX"}"#)
    );
    let wrong = Webhook::new(Dispatcher::new())
        .encrypt_key(v["encrypt_key"].as_str().unwrap())
        .verification_token("another token");
    let r = post(&wrong, &[], body).await;
    assert_eq!((r.status, text(&r)), (401, REJECTED));
    // A plaintext challenge, for an app without an Encrypt Key.
    let plain = Webhook::new(Dispatcher::new()).verification_token("v_token_abc123");
    let r = post(
        &plain,
        &[],
        v["challenge_plain"].as_str().unwrap().as_bytes(),
    )
    .await;
    assert_eq!(
        (r.status, text(&r)),
        (200, r#"{"challenge":"ajls384kdjx98XX"}"#)
    );
}

#[tokio::test]
async fn hostile_requests_get_the_right_answers() {
    let v = test_vectors();
    let plaintext = v["plaintext"].as_str().unwrap();
    let rig = rig(false);
    let (good_headers, good_body) = signed(&rig.key, plaintext);

    // Wrong signature, missing headers, stale timestamp.
    let mut wrong_sig = good_headers.clone();
    wrong_sig[2].1 = "0".repeat(64);
    let stale_ts = (now().parse::<u64>().unwrap() - 3600).to_string();
    let stale_sig = rig.key.signature(&stale_ts, "nonce-1", &good_body);
    let stale = vec![
        ("X-Lark-Request-Timestamp".to_owned(), stale_ts),
        ("X-Lark-Request-Nonce".to_owned(), "nonce-1".to_owned()),
        ("X-Lark-Signature".to_owned(), stale_sig),
    ];
    // Wrong token inside a correctly encrypted, signed body.
    let (wrong_token_headers, wrong_token_body) =
        signed(&rig.key, &plaintext.replace(&rig.token, "stolen"));
    // Bad base64, bad padding, wrong key: all signed correctly.
    let sign = |body: &str| {
        let ts = now();
        let signature = rig.key.signature(&ts, "n", body.as_bytes());
        (
            vec![
                ("X-Lark-Request-Timestamp".to_owned(), ts),
                ("X-Lark-Request-Nonce".to_owned(), "n".to_owned()),
                ("X-Lark-Signature".to_owned(), signature),
            ],
            body.as_bytes().to_vec(),
        )
    };
    let bad_base64 = sign(r#"{"encrypt":"***not base64***"}"#);
    let mut blob = base64_decode(&rig.key.encrypt(b"{}", [1; 16]));
    *blob.last_mut().unwrap() ^= 0x55;
    let bad_padding = sign(&format!(r#"{{"encrypt":"{}"}}"#, base64_encode(&blob)));
    let other_key = EncryptKey::new("not the key");
    let wrong_key = sign(
        &serde_json::json!({"encrypt": other_key.encrypt(plaintext.as_bytes(), [2; 16])})
            .to_string(),
    );
    let not_json = sign("this is not JSON");

    let cases: Vec<(&str, Headers, Vec<u8>, u16)> = vec![
        ("wrong signature", wrong_sig, good_body.clone(), 401),
        ("no signature headers", vec![], good_body.clone(), 401),
        ("stale timestamp", stale, good_body.clone(), 401),
        ("wrong token", wrong_token_headers, wrong_token_body, 401),
        ("bad base64", bad_base64.0, bad_base64.1, 401),
        ("bad padding", bad_padding.0, bad_padding.1, 401),
        ("wrong key", wrong_key.0, wrong_key.1, 401),
        (
            "plaintext to an encrypted webhook",
            vec![],
            plaintext.as_bytes().to_vec(),
            401,
        ),
        ("not JSON", not_json.0, not_json.1, 400),
        ("too large", vec![], vec![b' '; (1 << 20) + 1], 413),
    ];
    for (name, headers, body, status) in cases {
        let r = post(&rig.webhook, &headers, &body).await;
        assert_eq!(r.status, status, "{name}: {}", text(&r));
        if status == 401 {
            assert_eq!(
                text(&r),
                REJECTED,
                "{name}: every verification failure looks the same"
            );
        }
    }
    assert_eq!(rig.handled.load(Ordering::SeqCst), 0);

    let r = post(&rig.webhook, &good_headers, &good_body).await;
    assert_eq!(r.status, 200, "{}", text(&r));
    assert_eq!(rig.handled.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn unknown_events_are_acknowledged_and_reach_the_fallback() {
    let rig = rig(false);
    let unknown = r#"{"schema":"2.0","header":{"event_id":"u1","event_type":"im.chat.updated_v9","token":"v_token_abc123"},"event":{"x":1}}"#;
    let (headers, body) = signed(&rig.key, unknown);
    let r = post(&rig.webhook, &headers, &body).await;
    assert_eq!(
        (r.status, text(&r)),
        (200, r#"{"msg":"no handler for this event type"}"#)
    );

    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = Arc::clone(&seen);
    let with_fallback = Webhook::new(Dispatcher::new().fallback(move |raw| {
        let sink = Arc::clone(&sink);
        async move {
            sink.lock()
                .unwrap()
                .push((raw.event_type().to_owned(), raw.event()));
            Ok(())
        }
    }));
    let r = post(&with_fallback, &[], unknown.as_bytes()).await;
    assert_eq!(r.status, 200);
    let seen = seen.lock().unwrap();
    assert_eq!(seen[0].0, "im.chat.updated_v9");
    assert_eq!(seen[0].1, serde_json::json!({"x": 1}));
}

#[tokio::test]
async fn a_failing_handler_answers_500_and_its_re_push_runs_again() {
    let v = test_vectors();
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    // Fails the first time, succeeds after.
    let dispatcher = Dispatcher::new().on_message_reaction_deleted_v1(move |_| {
        let n = counter.fetch_add(1, Ordering::SeqCst);
        async move {
            if n == 0 {
                Err("not yet".into())
            } else {
                Ok(())
            }
        }
    });
    let key = v["encrypt_key"].as_str().unwrap();
    let webhook = Webhook::new(dispatcher).encrypt_key(key);
    let (headers, body) = signed(&EncryptKey::new(key), v["plaintext"].as_str().unwrap());
    let r = post(&webhook, &headers, &body).await;
    assert_eq!(
        (r.status, text(&r)),
        (500, r#"{"msg":"the event handler failed"}"#)
    );
    let r = post(&webhook, &headers, &body).await;
    assert_eq!(r.status, 200, "the re-push runs the handler again");
    let r = post(&webhook, &headers, &body).await;
    assert_eq!(r.status, 200, "then it is a duplicate");
    assert_eq!(calls.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_body_that_does_not_fit_its_type_is_not_acknowledged() {
    let rig = rig(false);
    let bad = r#"{"schema":"2.0","header":{"event_id":"b1","event_type":"im.message.reaction.deleted_v1","token":"v_token_abc123"},"event":{"message_id":42}}"#;
    let (headers, body) = signed(&rig.key, bad);
    let r = post(&rig.webhook, &headers, &body).await;
    assert_eq!(
        (r.status, text(&r)),
        (500, r#"{"msg":"the event does not fit its type"}"#)
    );
}

fn base64_decode(text: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .unwrap()
}

fn base64_encode(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The reaction event of the vectors' key and token, with its header and
/// body laid out as given.
fn reaction_event(event_id: &str, token: &str, event_type_json: &str, body_first: bool) -> String {
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

#[tokio::test]
async fn events_are_handled_alike_however_their_json_is_laid_out() {
    let rig = rig(false);
    let plain_type = r#""im.message.reaction.deleted_v1""#;
    // `\u002e` is a dot: the same type, written so that a byte scan cannot read it.
    let escaped_type = r#""im\u002emessage\u002ereaction\u002edeleted_v1""#;
    let cases = [
        ("e-1", plain_type, false),
        // The body comes first and holds a field named `event_type`.
        ("e-2", plain_type, true),
        ("e-3", escaped_type, false),
        (" spaced", "  \"im.message.reaction.deleted_v1\"", false),
    ];
    for (n, (id, event_type, body_first)) in cases.iter().enumerate() {
        let json = reaction_event(id, &rig.token, event_type, *body_first);
        let (headers, body) = signed(&rig.key, &json);
        let r = post(&rig.webhook, &headers, &body).await;
        assert_eq!(
            (r.status, text(&r)),
            (200, r#"{"msg":"success"}"#),
            "{json}"
        );
        assert_eq!(rig.handled.load(Ordering::SeqCst), n + 1, "{json}");
    }
    // A copy of e-1 laid out differently is still the same event.
    let again = reaction_event("e-1", &rig.token, escaped_type, true);
    let (headers, body) = signed(&rig.key, &again);
    let r = post(&rig.webhook, &headers, &body).await;
    assert_eq!(r.status, 200);
    assert_eq!(
        rig.handled.load(Ordering::SeqCst),
        cases.len(),
        "a duplicate"
    );
}

#[tokio::test]
async fn a_wrong_token_is_refused_on_every_path() {
    let rig = rig(false);
    for event_type in [
        r#""im.message.reaction.deleted_v1""#,
        r#""im\u002emessage\u002ereaction\u002edeleted_v1""#,
    ] {
        let json = reaction_event("w-1", "not the token", event_type, false);
        let (headers, body) = signed(&rig.key, &json);
        let r = post(&rig.webhook, &headers, &body).await;
        assert_eq!((r.status, text(&r)), (401, REJECTED), "{json}");
    }
    // Unencrypted too, on a webhook without an encrypt key.
    let plain =
        Webhook::new(Dispatcher::new().on_message_reaction_deleted_v1(|_| async { Ok(()) }))
            .verification_token("v_token_abc123");
    let json = reaction_event(
        "w-2",
        "not the token",
        r#""im.message.reaction.deleted_v1""#,
        false,
    );
    let r = post(&plain, &[], json.as_bytes()).await;
    assert_eq!((r.status, text(&r)), (401, REJECTED));
    let json = reaction_event(
        "w-3",
        "v_token_abc123",
        r#""im.message.reaction.deleted_v1""#,
        false,
    );
    let r = post(&plain, &[], json.as_bytes()).await;
    assert_eq!((r.status, text(&r)), (200, r#"{"msg":"success"}"#));
}
