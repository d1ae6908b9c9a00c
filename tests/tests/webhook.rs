//! The webhook core against the official vectors and hostile input: each
//! request gets the right answer, every verification failure the same one,
//! and nothing panics.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use lark_sdk::event::crypto::EncryptKey;
use lark_sdk::event::webhook::Response;
use lark_sdk::event::{Dispatcher, Webhook, WebhookBuilder, WebhookError};
use lark_tests::test_vectors;

const REJECTED: &str = r#"{"msg":"request verification failed"}"#;

type Headers = Vec<(String, String)>;

struct Rig {
    webhook: Webhook,
    handled: Arc<AtomicUsize>,
    key: EncryptKey,
    token: String,
}

/// A webhook builder with `key` and `token`.
fn builder(dispatcher: impl Into<Arc<Dispatcher>>, key: &str, token: &str) -> WebhookBuilder {
    Webhook::builder(dispatcher)
        .encrypt_key(key)
        .verification_token(token)
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
        webhook: builder(dispatcher, &key, &token).build().unwrap(),
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
    let webhook = builder(
        Arc::clone(rig.webhook.dispatcher()),
        v["encrypt_key"].as_str().unwrap(),
        &rig.token,
    )
    .timestamp_window(None)
    .build()
    .unwrap();
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
    let wrong = builder(
        Dispatcher::new(),
        v["encrypt_key"].as_str().unwrap(),
        "another token",
    )
    .build()
    .unwrap();
    let r = post(&wrong, &[], body).await;
    assert_eq!((r.status, text(&r)), (401, REJECTED));
    // A plaintext challenge, for an app without an Encrypt Key.
    let plain = Webhook::builder(Dispatcher::new())
        .verification_token("v_token_abc123")
        .build()
        .unwrap();
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
    let with_fallback = Webhook::builder(Dispatcher::new().fallback(move |raw| {
        let sink = Arc::clone(&sink);
        async move {
            sink.lock()
                .unwrap()
                .push((raw.event_type().to_owned(), raw.event()));
            Ok(())
        }
    }))
    .accept_unverified_requests()
    .build()
    .unwrap();
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
    let webhook = Webhook::builder(dispatcher)
        .encrypt_key(key)
        .build()
        .unwrap();
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
async fn a_body_that_does_not_fit_its_type_is_acknowledged_and_handed_over_raw() {
    let rig = rig(false);
    let bad = r#"{"schema":"2.0","header":{"event_id":"b1","event_type":"im.message.reaction.deleted_v1","token":"v_token_abc123"},"event":{"message_id":42}}"#;
    let (headers, body) = signed(&rig.key, bad);
    let r = post(&rig.webhook, &headers, &body).await;
    assert_eq!(
        (r.status, text(&r)),
        (200, r#"{"msg":"the event does not fit its type"}"#),
        "acknowledged: a re-push would not fit either"
    );
    assert_eq!(rig.handled.load(Ordering::SeqCst), 0);

    // With a handler for such events: it gets the event raw and the error.
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = Arc::clone(&seen);
    let dispatcher = Dispatcher::new()
        .on_message_reaction_deleted_v1(|_| async { Ok(()) })
        .on_undecodable(move |raw, error| {
            let sink = Arc::clone(&sink);
            async move {
                sink.lock().unwrap().push((
                    raw.header().event_id.clone(),
                    raw.event(),
                    error.to_string(),
                ));
                Ok(())
            }
        });
    let webhook = builder(dispatcher, &v_key(), &rig.token).build().unwrap();
    let r = post(&webhook, &headers, &body).await;
    assert_eq!((r.status, text(&r)), (200, r#"{"msg":"success"}"#));
    let r = post(&webhook, &headers, &body).await;
    assert_eq!(r.status, 200);
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 1, "a re-push is a duplicate: {seen:?}");
    assert_eq!(seen[0].0, "b1");
    assert_eq!(seen[0].1, serde_json::json!({"message_id": 42}));
    assert!(seen[0].2.contains("message_id"), "{}", seen[0].2);
}

#[tokio::test]
async fn a_number_where_an_open_string_enum_is_expected_is_kept_as_its_text() {
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = Arc::clone(&seen);
    let dispatcher = Dispatcher::new().on_message_reaction_deleted_v1(move |event| {
        let sink = Arc::clone(&sink);
        async move {
            let operator = event.event.operator_type.expect("operator_type");
            let emoji = event.event.reaction_type.expect("reaction_type").emoji_type;
            sink.lock().unwrap().push((
                operator.as_str().to_owned(),
                operator.is_unknown(),
                emoji.as_str().to_owned(),
            ));
            Ok(())
        }
    });
    let rig = rig(false);
    let webhook = builder(dispatcher, &v_key(), &rig.token).build().unwrap();
    let json = r#"{"schema":"2.0","header":{"event_id":"n1","event_type":"im.message.reaction.deleted_v1","token":"v_token_abc123"},"event":{"message_id":"om_1","operator_type":5,"reaction_type":{"emoji_type":-2.5}}}"#;
    let (headers, body) = signed(&rig.key, json);
    let r = post(&webhook, &headers, &body).await;
    assert_eq!((r.status, text(&r)), (200, r#"{"msg":"success"}"#));
    assert_eq!(
        *seen.lock().unwrap(),
        [("5".to_owned(), true, "-2.5".to_owned())]
    );
}

/// The vectors' encrypt key.
fn v_key() -> String {
    test_vectors()["encrypt_key"].as_str().unwrap().to_owned()
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
        Webhook::builder(Dispatcher::new().on_message_reaction_deleted_v1(|_| async { Ok(()) }))
            .verification_token("v_token_abc123")
            .build()
            .unwrap();
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

#[test]
fn a_webhook_with_neither_token_nor_key_is_refused_unless_asked_for() {
    let refused = Webhook::builder(Dispatcher::new()).build();
    let error = refused.expect_err("neither token nor key");
    assert_eq!(error, WebhookError::Unverified);
    assert!(
        error.to_string().contains("accept_unverified_requests"),
        "{error}"
    );
    let empty = Webhook::builder(Dispatcher::new())
        .verification_token("")
        .encrypt_key("")
        .build();
    assert!(empty.is_err(), "empty strings are no token and no key");
    for built in [
        Webhook::builder(Dispatcher::new())
            .verification_token("t")
            .build(),
        Webhook::builder(Dispatcher::new()).encrypt_key("k").build(),
        Webhook::builder(Dispatcher::new())
            .accept_unverified_requests()
            .build(),
    ] {
        assert!(built.is_ok());
    }
}

/// An unsigned `{"encrypt": …}` body holding `raw` (IV and ciphertext).
fn unsigned_encrypted(raw: &[u8]) -> Vec<u8> {
    serde_json::json!({"encrypt": base64_encode(raw)})
        .to_string()
        .into_bytes()
}

/// Ciphertexts of `plaintext` with one byte of the block before the last
/// changed, sorted by how they decrypt under `key`: `(bad padding, good
/// padding but junk)`.
fn tampered(key: &EncryptKey, plaintext: &str) -> (Vec<u8>, Vec<u8>) {
    let raw = base64_decode(&key.encrypt(plaintext.as_bytes(), [5; 16]));
    let at = raw.len() - 17;
    let (mut bad, mut junk) = (None, None);
    for guess in 0..=255u8 {
        let mut candidate = raw.clone();
        candidate[at] ^= guess;
        if guess == 0 {
            continue;
        }
        match key.decrypt(&base64_encode(&candidate)) {
            Err(_) => bad = bad.or(Some(candidate)),
            Ok(_) => junk = junk.or(Some(candidate)),
        }
    }
    (bad.expect("a bad padding"), junk.expect("a good padding"))
}

#[tokio::test]
async fn every_unauthenticated_failure_gets_one_answer_byte_for_byte() {
    let rig = rig(false);
    let event = test_vectors()["plaintext"].as_str().unwrap().to_owned();
    let challenge = r#"{"challenge":"c-1","token":"v_token_abc123","type":"url_verification"}"#;
    let wrong_token_challenge =
        r#"{"challenge":"c-1","token":"not the token","type":"url_verification"}"#;
    let other_key = EncryptKey::new("another key");
    let encrypted = |key: &EncryptKey, plaintext: &str| {
        serde_json::json!({"encrypt": key.encrypt(plaintext.as_bytes(), [7; 16])})
            .to_string()
            .into_bytes()
    };
    let (bad_padding, junk) = tampered(&rig.key, &event);
    let (good_headers, good_body) = signed(&rig.key, &event);
    let without = |names: &[&str]| -> Headers {
        good_headers
            .iter()
            .filter(|(k, _)| !names.iter().any(|n| k.eq_ignore_ascii_case(n)))
            .cloned()
            .collect()
    };
    let stale = {
        let body = encrypted(&rig.key, &event);
        let ts = (now().parse::<u64>().unwrap() - 3600).to_string();
        let signature = rig.key.signature(&ts, "n", &body);
        let headers = vec![
            ("X-Lark-Request-Timestamp".to_owned(), ts),
            ("X-Lark-Request-Nonce".to_owned(), "n".to_owned()),
            ("X-Lark-Signature".to_owned(), signature),
        ];
        (headers, body)
    };
    let mut bad_signature = good_headers.clone();
    bad_signature[2].1 = "0".repeat(64);
    let wrong_key_signed = {
        let body = encrypted(&other_key, &event);
        let ts = now();
        let signature = other_key.signature(&ts, "n", &body);
        let headers = vec![
            ("X-Lark-Request-Timestamp".to_owned(), ts),
            ("X-Lark-Request-Nonce".to_owned(), "n".to_owned()),
            ("X-Lark-Signature".to_owned(), signature),
        ];
        (headers, body)
    };
    let wrong_token_event = reaction_event(
        "t-1",
        "not the token",
        r#""im.message.reaction.deleted_v1""#,
        false,
    );
    let cases: Vec<(&str, Headers, Vec<u8>)> = vec![
        ("bad signature", bad_signature, good_body.clone()),
        (
            "missing timestamp",
            without(&["x-lark-request-timestamp"]),
            good_body.clone(),
        ),
        (
            "missing nonce",
            without(&["x-lark-request-nonce"]),
            good_body.clone(),
        ),
        ("stale timestamp", stale.0, stale.1),
        (
            "signed with another key",
            wrong_key_signed.0,
            wrong_key_signed.1,
        ),
        (
            "signed event with a wrong token",
            signed(&rig.key, &wrong_token_event).0,
            signed(&rig.key, &wrong_token_event).1,
        ),
        // Unsigned: only a good challenge may come so.
        ("unsigned event", vec![], good_body.clone()),
        (
            "bad base64",
            vec![],
            br#"{"encrypt":"%%% not base64 %%%"}"#.to_vec(),
        ),
        ("bad padding", vec![], unsigned_encrypted(&bad_padding)),
        ("good padding, junk", vec![], unsigned_encrypted(&junk)),
        (
            "good padding, JSON that is no challenge",
            vec![],
            encrypted(&rig.key, r#"{"hello":"world"}"#),
        ),
        (
            "challenge with a wrong token",
            vec![],
            encrypted(&rig.key, wrong_token_challenge),
        ),
        (
            "challenge under another key",
            vec![],
            encrypted(&other_key, challenge),
        ),
        ("too short", vec![], unsigned_encrypted(&[1; 16])),
        (
            "a good challenge, padded past 4 KiB",
            vec![],
            encrypted(
                &rig.key,
                &challenge.replace("c-1", &format!("c-1{}", " ".repeat(4096))),
            ),
        ),
        ("plaintext event", vec![], event.clone().into_bytes()),
        ("plaintext challenge", vec![], challenge.as_bytes().to_vec()),
        ("not JSON", vec![], b"\x00\xffnot json".to_vec()),
        ("a JSON array", vec![], b"[1,2]".to_vec()),
        ("encrypt is a number", vec![], br#"{"encrypt":5}"#.to_vec()),
    ];
    for (name, headers, body) in &cases {
        let r = post(&rig.webhook, headers, body).await;
        assert_eq!(
            (r.status, r.body.as_ref()),
            (401, REJECTED.as_bytes()),
            "{name}"
        );
    }
    assert_eq!(rig.handled.load(Ordering::SeqCst), 0);
    // And what passes: the good challenge, unsigned; the good event, signed.
    let r = post(&rig.webhook, &[], &encrypted(&rig.key, challenge)).await;
    assert_eq!((r.status, text(&r)), (200, r#"{"challenge":"c-1"}"#));
    let r = post(&rig.webhook, &good_headers, &good_body).await;
    assert_eq!((r.status, text(&r)), (200, r#"{"msg":"success"}"#));
}

/// The answers of a padding oracle attack on the last byte of every block
/// of a captured event: for each block, every value of the byte before it.
#[tokio::test]
async fn a_padding_oracle_attack_learns_nothing() {
    let rig = rig(false);
    let event = test_vectors()["plaintext"].as_str().unwrap().to_owned();
    let (_, body) = signed(&rig.key, &event);
    let captured: serde_json::Value = serde_json::from_slice(&body).unwrap();
    let raw = base64_decode(captured["encrypt"].as_str().unwrap());
    let blocks = raw.len() / 16;
    let mut answers = std::collections::HashSet::new();
    let mut requests = 0;
    let mut recovered = Vec::new();
    // The textbook attack: for block `b`, send IV' ‖ C_b where IV' varies in
    // its last byte; the one value that "pads well" would reveal the last
    // plaintext byte of block `b`.
    for b in 1..blocks {
        let target = &raw[b * 16..(b + 1) * 16];
        let mut distinguished = Vec::new();
        let mut first = None;
        for guess in 0..=255u8 {
            let mut forged = vec![0u8; 16];
            forged[15] = guess;
            forged.extend_from_slice(target);
            let r = post(&rig.webhook, &[], &unsigned_encrypted(&forged)).await;
            requests += 1;
            let answer = (r.status, r.body.into_owned());
            answers.insert(answer.clone());
            match &first {
                None => first = Some(answer),
                Some(f) if *f != answer => distinguished.push(guess),
                Some(_) => {}
            }
        }
        if let [guess] = distinguished[..] {
            recovered.push(guess ^ 1 ^ raw[b * 16 - 1]);
        }
    }
    assert_eq!(requests, (blocks - 1) * 256);
    assert_eq!(
        answers.len(),
        1,
        "every forged ciphertext gets the same answer: {answers:?}"
    );
    assert!(answers.contains(&(401, REJECTED.as_bytes().to_vec())));
    assert!(recovered.is_empty(), "nothing is learnt: {recovered:?}");
    assert_eq!(rig.handled.load(Ordering::SeqCst), 0);
}
