//! A field sent as JSON inside a string (`encoding: json`), over loopback:
//! the local server checks the raw body it receives (a string holding the
//! document) and answers with hand-written JSON, one content well formed
//! and one not.

#[allow(dead_code)]
mod json_string {
    include!("../golden/json_string.rs");
}

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use json_string::im::v1::{CreateMessageRequest, CreateMessageRequestBody, TextContent};
use lark_devserver::Shared;
use lark_devserver::api::{Reply, endpoint, guard};
use serde_json::{Value, json};

static RECEIVED: Mutex<Vec<Value>> = Mutex::new(Vec::new());

async fn create(State(shared): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> Reply {
    if let Err(reply) =
        guard::<CreateMessageRequest>(&shared, &headers, Reply::platform(99991663, 400)).await
    {
        return reply;
    }
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let content = body["content"].clone();
    RECEIVED
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(body);
    let answer = if content == json!("{\"text\":\"broken\"}") {
        json!("{\"text\": 12")
    } else {
        content
    };
    Reply::ok(json!({"message_id": "om_1", "body": {"content": answer}}))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn content_travels_as_json_in_a_string_both_ways() {
    let routes = endpoint::<CreateMessageRequest, _, _>(Router::new(), create);
    let (server, client) = lark_tests::server_with(routes).await;

    let send = |text: &str| {
        CreateMessageRequest::new(CreateMessageRequestBody::new(
            "oc_1",
            "text",
            TextContent::new(text),
        ))
    };
    let sent = client.call(&send("hi \"there\" 你好")).await.unwrap();
    let received = RECEIVED.lock().unwrap().last().cloned().unwrap();
    assert_eq!(
        received,
        json!({"receive_id": "oc_1", "msg_type": "text", "content": "{\"text\":\"hi \\\"there\\\" 你好\"}"})
    );
    let content = sent.body.unwrap().content.unwrap();
    assert_eq!(content.get().unwrap().text, "hi \"there\" 你好");

    // A content that does not parse is kept as it came, with the reason.
    let odd = client.call(&send("broken")).await.unwrap();
    let content = odd.body.unwrap().content.unwrap();
    assert!(content.get().is_none());
    assert_eq!(content.raw(), "{\"text\": 12");
    assert!(content.error().is_some());
    server.shutdown().await;
}
