//! Callbacks end to end on loopback: the local server pushes
//! `card.action.trigger` as the platform does when a user clicks a card's
//! button, over a webhook and over the long connection, and records the
//! answer the bot gave. The answer's JSON is checked against the keys the
//! official SDKs send (`toast.type`, `toast.content`, `toast.i18n`,
//! `card.type`, `card.data`, `template_id`, …), written here as literals.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use lark_devserver::{DeliveryRecord, DevServer, NewApp};
use lark_sdk::card::v1::{
    CallbackCard, CallbackCardType, CallbackToast, CardActionTrigger, CardActionTriggerAnswer,
    TemplateCard, ToastType,
};
use lark_sdk::event::{AckMode, Dispatcher, Outcome, Webhook};
use lark_sdk::prelude::*;
use lark_tests::Scene;
use lark_tests::events::{connect, connected, quick};
use serde_json::json;

/// What a user's click on a card's button sends.
fn click() -> CardActionTrigger {
    serde_json::from_value(json!({
        "operator": {"open_id": "ou_4d9c7c8b0f5b2e1a", "union_id": "on_1"},
        "token": "c-295ee57216a5dc9de90fefd0aadb4b1d7d1234",
        "action": {"value": {"order": 42}, "tag": "button", "name": "approve"},
        "host": "im_message",
        "context": {"open_message_id": "om_3f8a2b1c9d0e7f6a", "open_chat_id": "oc_9e8d7c6b5a4f3e2d"}
    }))
    .expect("a card.action.trigger body")
}

/// A dispatcher answering clicks with a toast and a new card; what it saw.
fn answering() -> (Dispatcher, Arc<Mutex<Vec<CardActionTrigger>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let kept = Arc::clone(&seen);
    let dispatcher = Dispatcher::new().on_card_action_trigger(move |e| {
        let seen = Arc::clone(&kept);
        async move {
            let order = e
                .event
                .action
                .as_ref()
                .and_then(|a| a.value.as_ref())
                .map(|v| v["order"].clone());
            seen.lock().unwrap().push(e.event);
            let i18n: BTreeMap<String, String> = [("en_us".to_owned(), "Approved".to_owned())]
                .into_iter()
                .collect();
            Ok(CardActionTriggerAnswer::new()
                .toast(
                    CallbackToast::new()
                        .kind(ToastType::Success)
                        .content(format!("Order {} approved", order.unwrap_or_default()))
                        .i18n(i18n),
                )
                .card(
                    CallbackCard::new()
                        .kind(CallbackCardType::Raw)
                        .data(json!({"elements": [{"tag": "markdown", "content": "Approved"}]})),
                ))
        }
    });
    (dispatcher, seen)
}

/// The answer the official SDKs send for that click.
fn expected_answer() -> serde_json::Value {
    json!({
        "toast": {"type": "success", "content": "Order 42 approved", "i18n": {"en_us": "Approved"}},
        "card": {"type": "raw", "data": {"elements": [{"tag": "markdown", "content": "Approved"}]}}
    })
}

/// A server with an app whose webhook (encrypted, signed) runs `dispatcher`.
async fn webhook_app(dispatcher: Dispatcher) -> (DevServer, String) {
    let server = DevServer::start(quick()).await.unwrap();
    let app = server
        .create_app(NewApp {
            encrypt_key: Some("encrypt-key-for-tests".into()),
            ..NewApp::default()
        })
        .unwrap();
    let webhook = Webhook::builder(dispatcher)
        .encrypt_key("encrypt-key-for-tests")
        .verification_token(app.verification_token.clone())
        .build()
        .unwrap();
    let router = lark_sdk::event::axum::router("/webhook/event", webhook);
    let url = format!("{}/webhook/event", lark_tests::serve(router).await);
    server.set_webhook(&app.app_id, &url).await.unwrap();
    (server, app.app_id)
}

fn failing() -> Dispatcher {
    Dispatcher::new().on_card_action_trigger(|_| async { Err("the order is gone".into()) })
}

fn assert_answered(record: &DeliveryRecord, channel: &str) {
    assert_eq!(record.channel, channel);
    assert_eq!(record.outcome, "acked", "{record:?}");
    assert_eq!(record.ack_code, Some(200));
    assert_eq!(record.answer.as_ref(), Some(&expected_answer()));
}

#[tokio::test]
async fn a_card_callback_is_answered_over_the_webhook() {
    let (dispatcher, seen) = answering();
    let (server, app_id) = webhook_app(dispatcher).await;
    let record = server.push_callback(&app_id, &click()).await.unwrap();
    assert_answered(&record, "webhook");
    assert_eq!(record.event_type, "card.action.trigger");
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 1);
    assert_eq!(
        seen[0].token.as_deref(),
        Some("c-295ee57216a5dc9de90fefd0aadb4b1d7d1234")
    );
    assert_eq!(
        seen[0].context.as_ref().unwrap().open_message_id.as_deref(),
        Some("om_3f8a2b1c9d0e7f6a")
    );
    assert!(
        server.deliveries().contains(&record),
        "the delivery log has it"
    );
}

#[tokio::test]
async fn a_card_callback_is_answered_over_the_long_connection() {
    let scene = Scene::with(quick()).await;
    let (dispatcher, seen) = answering();
    let (_stop, _task) = connect(&scene, dispatcher);
    connected(&scene).await;
    let record = scene
        .server
        .push_callback(&scene.app.app_id, &click())
        .await
        .unwrap();
    assert_answered(&record, "ws");
    assert_eq!(seen.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn a_failing_callback_handler_is_answered_as_failed() {
    let (server, app_id) = webhook_app(failing()).await;
    let record = server.push_callback(&app_id, &click()).await.unwrap();
    assert_eq!(
        (record.outcome.as_str(), record.ack_code),
        ("failed", Some(500))
    );
    assert_eq!(record.answer, None);
    assert_eq!(
        server.deliveries().len(),
        1,
        "a callback is not pushed again"
    );

    let scene = Scene::with(quick()).await;
    let (_stop, _task) = connect(&scene, failing());
    connected(&scene).await;
    let record = scene
        .server
        .push_callback(&scene.app.app_id, &click())
        .await
        .unwrap();
    assert_eq!(
        (record.channel.as_str(), record.ack_code),
        ("ws", Some(500))
    );
    assert_eq!(record.answer, None);
}

#[tokio::test]
async fn a_template_card_and_an_empty_answer_have_the_official_shape() {
    let template = TemplateCard::new("AAqk1x2y3z4w5")
        .template_version_name("1.0.2")
        .template_variable(
            [("title".to_owned(), json!("Done"))]
                .into_iter()
                .collect::<BTreeMap<_, _>>(),
        );
    let answer = CardActionTriggerAnswer::new().card(
        CallbackCard::new()
            .kind(CallbackCardType::Template)
            .data(serde_json::to_value(template).unwrap()),
    );
    assert_eq!(
        serde_json::to_value(&answer).unwrap(),
        json!({"card": {"type": "template", "data": {
            "template_id": "AAqk1x2y3z4w5",
            "template_version_name": "1.0.2",
            "template_variable": {"title": "Done"}
        }}})
    );
    assert_eq!(
        serde_json::to_value(CardActionTriggerAnswer::new()).unwrap(),
        json!({})
    );
}

/// A callback runs before it is answered even in ack-first mode, and a copy
/// of one already answered is acknowledged without data.
#[tokio::test]
async fn callbacks_run_before_the_answer_and_copies_get_no_data() {
    let (dispatcher, seen) = answering();
    let dispatcher = dispatcher.mode(AckMode::Immediately {
        queue: 4,
        workers: 1,
    });
    let json = json!({
        "schema": "2.0",
        "header": {"event_id": "ev-1", "event_type": "card.action.trigger", "token": "vt",
                   "create_time": "1700000000000", "app_id": "cli_1", "tenant_key": "t"},
        "event": click(),
    })
    .to_string();
    match dispatcher.dispatch(json.as_bytes()).await {
        Outcome::Answered(answer) => {
            let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
            assert_eq!(answer, expected_answer());
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(seen.lock().unwrap().len(), 1, "handled before the answer");
    let again = dispatcher.dispatch(json.as_bytes()).await;
    assert!(matches!(again, Outcome::Duplicate), "{again:?}");
    assert!(again.acknowledged() && again.answer().is_none());
}

#[tokio::test]
async fn the_control_api_pushes_a_card_action_and_gives_the_answer() {
    let (dispatcher, _seen) = answering();
    let (server, app_id) = webhook_app(dispatcher).await;
    let http = reqwest::Client::new();
    let url = format!("{}/_dev/apps/{app_id}/card_actions", server.url());
    let record: serde_json::Value = http
        .post(&url)
        .json(&json!({"event": click()}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(record["outcome"], "acked");
    assert_eq!(record["answer"], expected_answer());

    let refused = http
        .post(&url)
        .json(&json!({"event": {"action": {"checked": "yes"}}}))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 400);
    let missing = http
        .post(format!("{}/_dev/apps/cli_none/card_actions", server.url()))
        .json(&json!({"event": click()}))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
}
