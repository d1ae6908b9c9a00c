//! Properties over generated input: the webhook core, the frame decoder,
//! fragment reassembly and the envelope reader never panic, and answer only
//! as documented.

use std::time::{Duration, Instant};

use lark_sdk::event::EnvelopeRef;
use lark_sdk::event::crypto::EncryptKey;
use lark_sdk::event::frame::{Frame, Header};
use lark_sdk::event::ws::Fragments;
use lark_sdk::event::{Dispatcher, Webhook};
use proptest::prelude::*;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
}

fn header() -> impl Strategy<Value = Header> {
    ("[a-z_]{0,12}", ".{0,24}").prop_map(|(k, v)| Header::new(k, v))
}

fn frame() -> impl Strategy<Value = Frame> {
    (
        any::<u64>(),
        any::<u64>(),
        any::<i32>(),
        0..3i32,
        proptest::collection::vec(header(), 0..6),
        proptest::option::of(".{0,8}"),
        proptest::option::of(".{0,8}"),
        proptest::option::of(proptest::collection::vec(any::<u8>(), 0..64)),
        proptest::option::of(".{0,8}"),
    )
        .prop_map(
            |(seq_id, log_id, service, method, headers, enc, ty, payload, new)| Frame {
                seq_id,
                log_id,
                service,
                method,
                headers,
                payload_encoding: enc,
                payload_type: ty,
                payload,
                log_id_new: new,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn frames_round_trip(frame in frame()) {
        let bytes = frame.to_bytes();
        prop_assert_eq!(Frame::from_bytes(&bytes).unwrap(), frame);
    }

    #[test]
    fn any_bytes_decode_or_fail_cleanly(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        let _ = Frame::from_bytes(&bytes);
    }

    #[test]
    fn truncated_frames_never_panic(frame in frame(), cut in 0usize..64) {
        let bytes = frame.to_bytes();
        let _ = Frame::from_bytes(&bytes[..bytes.len().saturating_sub(cut)]);
    }

    #[test]
    fn fragments_reassemble_in_any_order(
        payload in proptest::collection::vec(any::<u8>(), 1..400),
        size in 1usize..64,
        seed in any::<u64>(),
    ) {
        let chunks: Vec<&[u8]> = payload.chunks(size).collect();
        let sum = chunks.len().to_string();
        let mut order: Vec<usize> = (0..chunks.len()).collect();
        // A deterministic shuffle from the seed.
        let mut s = seed | 1;
        for i in (1..order.len()).rev() {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            order.swap(i, (s % (i as u64 + 1)) as usize);
        }
        let mut fragments = Fragments::new(Duration::from_secs(5));
        let now = Instant::now();
        let mut done = None;
        for (n, i) in order.iter().enumerate() {
            let frame = Frame {
                headers: vec![
                    Header::new("message_id", "m"),
                    Header::new("sum", sum.clone()),
                    Header::new("seq", i.to_string()),
                ],
                payload: Some(chunks[*i].to_vec()),
                ..Frame::default()
            };
            let out = fragments.add(&frame, now).unwrap();
            if n + 1 < order.len() {
                prop_assert!(out.is_none());
            } else {
                done = out;
            }
        }
        prop_assert_eq!(done, Some(payload));
    }

    #[test]
    fn fragment_headers_of_any_shape_never_panic(headers in proptest::collection::vec(header(), 0..6), payload in proptest::collection::vec(any::<u8>(), 0..32)) {
        let mut fragments = Fragments::new(Duration::from_secs(5));
        let frame = Frame { headers, payload: Some(payload), ..Frame::default() };
        let _ = fragments.add(&frame, Instant::now());
    }

    #[test]
    fn envelopes_of_any_json_never_panic(json in "\\PC{0,200}") {
        let _ = EnvelopeRef::parse(json.as_bytes());
        let _ = lark_sdk::Event::from_slice(json.as_bytes());
    }

    #[test]
    fn the_webhook_answers_only_as_documented(
        body in proptest::collection::vec(any::<u8>(), 0..300),
        timestamp in proptest::option::of("[0-9]{0,12}"),
        signature in proptest::option::of("[0-9a-fA-F]{0,70}"),
        keyed in any::<bool>(),
    ) {
        let mut webhook = Webhook::builder(Dispatcher::new()).verification_token("t");
        if keyed {
            webhook = webhook.encrypt_key("k");
        }
        let webhook = webhook.build().unwrap();
        let mut headers: Vec<(&str, &str)> = Vec::new();
        if let Some(ts) = &timestamp {
            headers.push(("x-lark-request-timestamp", ts.as_str()));
        }
        if let Some(sig) = &signature {
            headers.push(("x-lark-signature", sig.as_str()));
        }
        let answer = runtime().block_on(webhook.handle(headers.as_slice(), &body));
        prop_assert!([200, 400, 401, 413, 500].contains(&answer.status), "{}", answer.status);
        let json: serde_json::Value = serde_json::from_slice(&answer.body).unwrap();
        prop_assert!(json.is_object());
    }

    #[test]
    fn a_tampered_signed_body_is_always_refused(flip in 0usize..2000, bit in 0u8..8) {
        let key = EncryptKey::new("k");
        let plain = r#"{"schema":"2.0","header":{"event_id":"e","event_type":"x.y_v1","token":"t"},"event":{}}"#;
        let body = serde_json::json!({"encrypt": key.encrypt(plain.as_bytes(), [3; 16])}).to_string().into_bytes();
        let ts = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs().to_string();
        let sig = key.signature(&ts, "n", &body);
        let mut tampered = body.clone();
        let at = flip % tampered.len();
        tampered[at] ^= 1 << bit;
        let webhook = Webhook::builder(Dispatcher::new()).encrypt_key("k").verification_token("t").build().unwrap();
        let headers = [("x-lark-request-timestamp", ts.as_str()), ("x-lark-request-nonce", "n"), ("x-lark-signature", sig.as_str())];
        let answer = runtime().block_on(webhook.handle(&headers, &tampered));
        prop_assert_eq!(answer.status, 401);
        let answer = runtime().block_on(webhook.handle(&headers, &body));
        prop_assert_eq!(answer.status, 200);
    }
}
