//! The webhook core against hostile input: every verification failure gets
//! the same answer byte for byte, a padding oracle learns nothing, a wrong
//! token is refused on every path, a webhook is secure unless asked not to
//! be, and nothing panics.

use lark_sdk::prelude::*;
use std::sync::atomic::Ordering;

use lark_sdk::event::crypto::EncryptKey;
use lark_sdk::event::{Dispatcher, Webhook, WebhookError};
use lark_tests::test_vectors;
use lark_tests::webhook_rig::{
    Headers, REJECTED, now, post, reaction_event, rig, signature_headers, signed, text,
};

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
    let stale = signature_headers(&rig.key, stale_ts, "nonce-1", &good_body);
    // Wrong token inside a correctly encrypted, signed body.
    let (wrong_token_headers, wrong_token_body) =
        signed(&rig.key, &plaintext.replace(&rig.token, "stolen"));
    // Bad base64, bad padding, wrong key: all signed correctly.
    let sign = |body: &str| {
        (
            signature_headers(&rig.key, now(), "n", body.as_bytes()),
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
    for (id, token, answer) in [
        ("w-2", "not the token", (401, REJECTED)),
        ("w-3", "v_token_abc123", (200, r#"{"msg":"success"}"#)),
    ] {
        let json = reaction_event(id, token, r#""im.message.reaction.deleted_v1""#, false);
        let r = post(&plain, &[], json.as_bytes()).await;
        assert_eq!((r.status, text(&r)), answer, "{json}");
    }
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
        (signature_headers(&rig.key, ts, "n", &body), body)
    };
    let mut bad_signature = good_headers.clone();
    bad_signature[2].1 = "0".repeat(64);
    let wrong_key_signed = {
        let body = encrypted(&other_key, &event);
        (signature_headers(&other_key, now(), "n", &body), body)
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
