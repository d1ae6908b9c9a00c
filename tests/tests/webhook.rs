//! The webhook core against the official vectors and the events it may
//! meet: each request gets the right answer, events without a handler or
//! that do not fit their type reach the fallbacks, and an event is the same
//! however its JSON is laid out. Forged and tampered requests are in
//! `webhook_attacks.rs`.

use lark_sdk::prelude::*;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use lark_sdk::event::crypto::EncryptKey;
use lark_sdk::event::{Dispatcher, Webhook};
use lark_tests::test_vectors;
use lark_tests::webhook_rig::{REJECTED, builder, post, reaction_event, rig, signed, text};

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
