//! A union told by a sibling tag (`msg_type` names the shape of `content`,
//! JSON inside a string), over loopback: the local server checks the raw
//! body of a text and of an interactive message, and answers with
//! hand-written JSON, one of a type the spec does not list; a received
//! message event decodes to the same types, an unknown type kept raw.

#[allow(dead_code)]
mod union {
    include!("../golden/union.rs");
}

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use lark_devserver::Shared;
use lark_devserver::api::{Reply, endpoint, guard};
use lark_sdk::event::{Dispatcher, EventEnvelope, Outcome};
use serde_json::{Value, json};
use union::im::v1::{
    CardContent, CreateMessageRequest, CreateMessageRequestBody, MessageContent, MessageReceiveV1,
    ReceivedContent, TextContent,
};

static RECEIVED: Mutex<Vec<Value>> = Mutex::new(Vec::new());

/// Records the body, and answers with its content, or with a sticker (a
/// type the spec does not list) when asked for one.
async fn create(State(shared): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> Reply {
    if let Err(reply) =
        guard::<CreateMessageRequest>(&shared, &headers, Reply::platform(99991663, 400)).await
    {
        return reply;
    }
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    RECEIVED
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(body.clone());
    let (msg_type, content) = if body["content"] == json!("{\"text\":\"sticker please\"}") {
        (json!("sticker"), json!("{\"file_key\":\"v2_sticker\"}"))
    } else {
        (body["msg_type"].clone(), body["content"].clone())
    };
    Reply::ok(json!({"message_id": "om_1", "msg_type": msg_type, "content": content}))
}

fn last_body() -> Value {
    RECEIVED.lock().unwrap().last().cloned().unwrap()
}

#[allow(deprecated)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn message_content_is_typed_by_its_tag_both_ways() {
    let routes = endpoint::<CreateMessageRequest, _, _>(Router::new(), create);
    let (server, client) = lark_tests::server_with(routes).await;
    let send = |content: MessageContent| {
        CreateMessageRequest::new(CreateMessageRequestBody::new("oc_1", content))
    };

    // Text.
    let sent = client
        .call(&send(TextContent::new("hi \"there\" 你好").into()))
        .await
        .unwrap();
    assert_eq!(
        last_body(),
        json!({"receive_id": "oc_1", "msg_type": "text", "content": "{\"text\":\"hi \\\"there\\\" 你好\"}"})
    );
    match sent.content {
        Some(MessageContent::Text(text)) => {
            assert_eq!(text.get().unwrap().text, "hi \"there\" 你好")
        }
        other => panic!("{other:?}"),
    }

    // An interactive card.
    let card = CardContent::new()
        .schema("2.0")
        .body(json!({"elements": [{"tag": "markdown", "content": "**Build** passed"}]}));
    let sent = client.call(&send(card.into())).await.unwrap();
    let body = last_body();
    assert_eq!(body["msg_type"], "interactive");
    let inner: Value = serde_json::from_str(body["content"].as_str().unwrap()).unwrap();
    assert_eq!(
        inner,
        json!({"schema": "2.0", "body": {"elements": [{"tag": "markdown", "content": "**Build** passed"}]}})
    );
    let back = sent.content.unwrap();
    assert_eq!(back.tag(), "interactive");
    assert!(matches!(back, MessageContent::Interactive(_)));

    // A type the spec does not list: kept, tag and content, and sent back as is.
    let sent = client
        .call(&send(TextContent::new("sticker please").into()))
        .await
        .unwrap();
    let sticker = sent.content.unwrap();
    assert!(sticker.is_unknown());
    assert_eq!(sticker.tag(), "sticker");
    let MessageContent::Unknown(raw) = &sticker else {
        panic!("{sticker:?}")
    };
    assert_eq!(raw.content(), &json!("{\"file_key\":\"v2_sticker\"}"));
    client.call(&send(sticker.clone())).await.unwrap();
    assert_eq!(
        last_body(),
        json!({"receive_id": "oc_1", "msg_type": "sticker", "content": "{\"file_key\":\"v2_sticker\"}"})
    );
    server.shutdown().await;
}

/// A received message of its own (its event id and message id are made from
/// `message_type`: the dispatcher deduplicates received messages on both).
fn received(message_type: &str, content: &str) -> Vec<u8> {
    serde_json::to_vec(&json!({
        "schema": "2.0",
        "header": {
            "event_id": format!("ev_{message_type}"),
            "event_type": "im.message.receive_v1",
            "create_time": "1608725989000",
            "token": "v",
            "app_id": "cli_1",
            "tenant_key": "t_1"
        },
        "event": {
            "message": {
                "message_id": format!("om_{message_type}"),
                "chat_id": "oc_1",
                "chat_type": "group",
                "message_type": message_type,
                "content": content
            }
        }
    }))
    .unwrap()
}

#[allow(deprecated)]
#[tokio::test]
async fn a_received_message_decodes_by_its_message_type() {
    let seen: Arc<Mutex<Vec<ReceivedContent>>> = Arc::default();
    let into = Arc::clone(&seen);
    let dispatcher = Dispatcher::new().on::<MessageReceiveV1, _, _>(
        move |event: EventEnvelope<MessageReceiveV1>| {
            let into = Arc::clone(&into);
            async move {
                into.lock().unwrap().push(event.event.message.content);
                Ok(())
            }
        },
    );
    let text = received("text", "{\"text\":\"@_user_1 hello\"}");
    assert!(matches!(dispatcher.dispatch(&text).await, Outcome::Handled));
    let image = received("image", "{\"image_key\":\"img_v2_1\"}");
    assert!(matches!(
        dispatcher.dispatch(&image).await,
        Outcome::Handled
    ));
    let merged = received("merge_forward", "Merged and Forwarded Message");
    assert!(matches!(
        dispatcher.dispatch(&merged).await,
        Outcome::Handled
    ));

    let seen = seen.lock().unwrap();
    match &seen[0] {
        ReceivedContent::Text(text) => assert_eq!(text.get().unwrap().text, "@_user_1 hello"),
        other => panic!("{other:?}"),
    }
    match &seen[1] {
        ReceivedContent::Image(image) => assert_eq!(image.get().unwrap().image_key, "img_v2_1"),
        other => panic!("{other:?}"),
    }
    assert!(seen[2].is_unknown());
    assert_eq!(seen[2].tag(), "merge_forward");
    // Back to JSON, the two keys are as received.
    let wire = serde_json::to_value(&seen[0]).unwrap();
    assert_eq!(
        wire,
        json!({"message_type": "text", "content": "{\"text\":\"@_user_1 hello\"}"})
    );
}
