//! The vectors the official SDKs accept: AES, signature and challenge from
//! `tests/platform/test-vectors.json`, and the pbbp2 frames of
//! `tests/platform/frames.json`.

use lark_sdk::event::crypto::EncryptKey;
use lark_sdk::event::frame::{Frame, Header, METHOD_CONTROL, METHOD_DATA};
use lark_tests::{platform_json, test_vectors};
use serde_json::Value;

fn hex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("hex"))
        .collect()
}

fn iv(vectors: &Value) -> [u8; 16] {
    hex(vectors["iv_hex"].as_str().unwrap()).try_into().unwrap()
}

#[test]
fn simple_aes_vector() {
    let v = &test_vectors()["simple"];
    let key = EncryptKey::new(v["key"].as_str().unwrap());
    let encrypted = v["encrypt"].as_str().unwrap();
    assert_eq!(
        key.decrypt(encrypted).unwrap(),
        v["plain"].as_str().unwrap().as_bytes()
    );
    let iv: [u8; 16] = core::array::from_fn(|i| i as u8);
    assert_eq!(key.encrypt(b"hello world", iv), encrypted);
}

#[test]
fn event_vector_decrypts_and_re_encrypts_byte_for_byte() {
    let v = test_vectors();
    let key = EncryptKey::new(v["encrypt_key"].as_str().unwrap());
    let plaintext = v["plaintext"].as_str().unwrap();
    let encrypted = v["encrypt"].as_str().unwrap();
    assert_eq!(key.decrypt(encrypted).unwrap(), plaintext.as_bytes());
    assert_eq!(key.encrypt(plaintext.as_bytes(), iv(&v)), encrypted);
    let body: Value = serde_json::from_str(v["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["encrypt"], encrypted);
}

#[test]
fn signature_vector_over_the_raw_body() {
    let v = test_vectors();
    let key = EncryptKey::new(v["encrypt_key"].as_str().unwrap());
    let (ts, nonce) = (
        v["timestamp"].as_str().unwrap(),
        v["nonce"].as_str().unwrap(),
    );
    let body = v["body"].as_str().unwrap().as_bytes();
    let signature = v["signature"].as_str().unwrap();
    assert_eq!(
        v["signature_input_prefix"].as_str().unwrap(),
        format!("{ts}{nonce}{}", v["encrypt_key"].as_str().unwrap())
    );
    assert_eq!(key.signature(ts, nonce, body), signature);
    assert!(key.verify(ts, nonce, body, signature));
    assert!(!key.verify(ts, nonce, body, &"0".repeat(64)));
    // Re-serialising the body changes the bytes, and so the signature.
    let spaced =
        serde_json::to_string_pretty(&serde_json::from_slice::<Value>(body).unwrap()).unwrap();
    assert!(!key.verify(ts, nonce, spaced.as_bytes(), signature));
}

#[test]
fn challenge_vector_decrypts() {
    let v = test_vectors();
    let key = EncryptKey::new(v["encrypt_key"].as_str().unwrap());
    let body: Value = serde_json::from_str(v["challenge_body"].as_str().unwrap()).unwrap();
    let plain = key.decrypt(body["encrypt"].as_str().unwrap()).unwrap();
    assert_eq!(plain, v["challenge_plain"].as_str().unwrap().as_bytes());
    let aes: Vec<u8> = hex(v["aes_key_hex"].as_str().unwrap());
    assert_eq!(aes.len(), 32);
}

/// The frame called `name` in `frames.json`: its bytes, and the fields the
/// official SDK encoded into them.
fn frame_vector(name: &str) -> (Vec<u8>, Value) {
    let facts = platform_json("frames.json")["frames"][name].clone();
    assert!(facts.is_object(), "frames.json has no frame {name}");
    (hex(facts["hex"].as_str().expect("hex")), facts)
}

/// Checks a decoded frame against the fields its vector documents.
fn assert_frame_is(frame: &Frame, facts: &Value) {
    assert_eq!(Some(frame.seq_id), facts["seq_id"].as_u64());
    assert_eq!(Some(frame.log_id), facts["log_id"].as_u64());
    assert_eq!(Some(i64::from(frame.service)), facts["service"].as_i64());
    assert_eq!(Some(i64::from(frame.method)), facts["method"].as_i64());
    let headers: Vec<[&str; 2]> = frame
        .headers
        .iter()
        .map(|h| [h.key.as_str(), h.value.as_str()])
        .collect();
    assert_eq!(serde_json::to_value(headers).unwrap(), facts["headers"]);
    let payload = frame
        .payload
        .as_deref()
        .map(|p| std::str::from_utf8(p).expect("a UTF-8 payload"));
    assert_eq!(payload, facts["payload"].as_str());
}

#[test]
fn every_frame_vector_decodes_to_its_fields_and_re_encodes() {
    let all = platform_json("frames.json");
    assert_eq!(all["methods"]["control"], METHOD_CONTROL);
    assert_eq!(all["methods"]["data"], METHOD_DATA);
    let frames = all["frames"].as_object().expect("frames");
    assert_eq!(frames.len(), 4);
    for name in frames.keys() {
        let (bytes, facts) = frame_vector(name);
        let frame = Frame::from_bytes(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_frame_is(&frame, &facts);
        assert_eq!(frame.to_bytes(), bytes, "{name}: re-encoding differs");
    }
}

#[test]
fn ping_frame_vector() {
    let (bytes, _) = frame_vector("ping");
    assert_eq!(Frame::ping(33_554_678).to_bytes(), bytes);
    assert_eq!(Frame::from_bytes(&bytes).unwrap().kind(), "ping");
}

#[test]
fn data_frame_and_reply_vectors() {
    let (data, _) = frame_vector("data");
    let frame = Frame::from_bytes(&data).unwrap();
    assert_eq!(
        (frame.seq_id, frame.log_id, frame.service, frame.method),
        (7, 9, 33_554_678, METHOD_DATA)
    );
    assert_eq!(frame.kind(), "event");
    assert_eq!(frame.header("message_id"), Some("msg-1"));
    assert_eq!(frame.header("sum"), Some("1"));
    assert_eq!(frame.header("trace_id"), Some("tr-1"));
    assert_eq!(frame.payload.as_deref(), Some(&br#"{"a":1}"#[..]));
    assert_eq!(frame.to_bytes(), data, "re-encoding gives the same bytes");
    let (reply, facts) = frame_vector("data_reply");
    assert_eq!(facts["reply_to"], "data");
    let biz_rt_ms = facts["biz_rt_ms"].as_u64().expect("biz_rt_ms");
    assert_eq!(biz_rt_ms, 3);
    assert_eq!(frame.reply(true, biz_rt_ms).to_bytes(), reply);
}

#[test]
fn pong_frame_vector_carries_the_client_config() {
    let (bytes, _) = frame_vector("pong");
    let frame = Frame::from_bytes(&bytes).unwrap();
    assert_eq!(frame.kind(), "pong");
    let config: Value = serde_json::from_slice(frame.payload.as_deref().unwrap()).unwrap();
    assert_eq!(config["PingInterval"], 120);
    assert_eq!(config["ReconnectCount"], -1);
    assert_eq!(
        Frame::pong(33_554_678, frame.payload.clone()).to_bytes(),
        bytes
    );
    assert_eq!(Header::new("type", "pong"), frame.headers[0]);
}
