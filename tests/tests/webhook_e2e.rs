//! Events end to end over a webhook on loopback: the local server pushes
//! `im.message.reaction.deleted_v1` to our webhook (encrypted, signed, after
//! the url_verification challenge), and pushes again when a handler is cut
//! off at the platform's timeout.

use lark_sdk::prelude::*;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use lark_devserver::{Config, DevServer, NewApp};
use lark_sdk::event::{Dispatcher, Webhook};
use lark_sdk::im::v1::OperatorType;
use lark_tests::events::{
    chat_with_message, collecting, count, deleted_pushes, next, quick, react_and_remove, until,
};
use tokio::sync::mpsc;

/// Serves `webhook` at `/webhook/event` on a free loopback port; gives its URL.
async fn serve(webhook: Webhook) -> String {
    let router = lark_sdk::event::axum::router("/webhook/event", webhook);
    format!("{}/webhook/event", lark_tests::serve(router).await)
}

#[tokio::test]
async fn the_webhook_receives_encrypted_signed_pushes_after_the_challenge() {
    let server = DevServer::start(quick()).await.unwrap();
    let app = server
        .create_app(NewApp {
            encrypt_key: Some("encrypt-key-for-tests".into()),
            ..NewApp::default()
        })
        .unwrap();
    let (user, member, message) = chat_with_message(&server, &app);

    let (dispatcher, mut rx) = collecting();
    let webhook = Webhook::builder(dispatcher)
        .encrypt_key("encrypt-key-for-tests")
        .verification_token(app.verification_token.clone())
        .build()
        .unwrap();
    let url = serve(webhook).await;
    server
        .set_webhook(&app.app_id, &url)
        .await
        .expect("the challenge is answered");

    react_and_remove(&server, &message.message_id, &member, "SMILE");
    let event = next(&mut rx).await;
    assert_eq!(event.header.app_id, app.app_id);
    assert_eq!(event.event.operator_type, Some(OperatorType::User));
    assert_eq!(
        event.event.reaction_type.unwrap().emoji_type.as_str(),
        "SMILE"
    );
    let ids = event.event.user_id.unwrap();
    assert_eq!(ids.open_id.as_deref(), Some(user.open_id.as_str()));
    assert_eq!(
        ids.user_id.as_deref(),
        Some(user.user_id.as_str()),
        "the app has the field's scope"
    );
    until("the push to be acknowledged", || {
        server
            .deliveries()
            .iter()
            .any(|d| d.channel == "webhook" && d.outcome == "acked")
    })
    .await;
}

/// The platform hangs up on a webhook after 3 seconds; hyper then drops the
/// handler's future. Its claim must go with it, so that the re-push runs
/// the handler again rather than being answered "busy" for the lease.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_webhook_handler_cut_off_at_the_platform_s_timeout_runs_again_on_the_re_push() {
    let server = DevServer::start(Config {
        ack_timeout: Duration::from_secs(3),
        repush_delays: vec![Duration::from_millis(200); 4],
        ..quick()
    })
    .await
    .unwrap();
    let app = server.create_app(NewApp::default()).unwrap();
    let (_, member, message) = chat_with_message(&server, &app);

    let calls = Arc::new(Mutex::new(0usize));
    let counter = Arc::clone(&calls);
    let (tx, mut rx) = mpsc::unbounded_channel();
    let dispatcher = Dispatcher::new().on_message_reaction_deleted_v1(move |event| {
        let n = count(&counter);
        let tx = tx.clone();
        async move {
            if n == 1 {
                // Slower than the platform waits.
                tokio::time::sleep(Duration::from_secs(60)).await;
            }
            let _ = tx.send(event);
            Ok(())
        }
    });
    let webhook = Webhook::builder(dispatcher)
        .verification_token(app.verification_token.clone())
        .build()
        .unwrap();
    let url = serve(webhook).await;
    server.set_webhook(&app.app_id, &url).await.unwrap();

    react_and_remove(&server, &message.message_id, &member, "SMILE");
    let event = tokio::time::timeout(Duration::from_secs(15), rx.recv())
        .await
        .expect("the re-push is handled")
        .unwrap();
    assert_eq!(
        event.event.message_id.as_deref(),
        Some(message.message_id.as_str())
    );
    assert_eq!(
        *calls.lock().unwrap(),
        2,
        "the cut-off call, then the re-push"
    );
    until("the re-push to be acknowledged", || {
        deleted_pushes(&server)
            .last()
            .is_some_and(|d| d.outcome == "acked")
    })
    .await;
    let pushes = deleted_pushes(&server);
    assert_eq!(pushes.len(), 2, "{pushes:?}");
    assert_ne!(pushes[0].outcome, "acked", "{pushes:?}");
}
