//! A bot as users meet it, over loopback: a user's message (text, with an
//! image, mentioning the bot) reaches the bot as `im.message.receive_v1`
//! over the long connection, typed by its `message_type`, when the app's
//! scopes let it hear the chat; the bot downloads the image the message
//! carries; a message pushed again under a new event id is handled once;
//! a click on the bot's card is answered over the webhook and the answered
//! card replaces the clicked one.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use lark_devserver::world::DEFAULT_SCOPES;
use lark_devserver::{App, ChatKind, DevServer, Member, NewApp, Said, User};
use lark_sdk::card::v1::{CallbackCard, CallbackCardType, CallbackToast, CardActionTriggerAnswer};
use lark_sdk::client::Error;
use lark_sdk::content::{Button, Card};
use lark_sdk::event::{Dispatcher, EventEnvelope, LongConnection, Webhook};
use lark_sdk::im::v1::{
    CreateMessageReceiveIdType, CreateMessageRequest, CreateMessageRequestBody,
    GetMessageResourceError, GetMessageResourceRequest, MessageReceiveV1, PostTag, ReceivedContent,
};
use lark_sdk::prelude::*;
use lark_tests::events::{quick, run_until_stopped, until};
use serde_json::json;
use tokio::sync::mpsc;

type Received = EventEnvelope<MessageReceiveV1>;

/// A server, a bot that hears p2p messages and group messages that
/// mention it, a user, their group chat and their p2p chat.
struct World {
    server: DevServer,
    app: App,
    user: User,
    group: String,
    p2p: String,
    client: lark_sdk::Client,
}

async fn world() -> World {
    let server = DevServer::start(quick()).await.unwrap();
    let scopes = DEFAULT_SCOPES
        .iter()
        .copied()
        .chain([
            "im:message.p2p_msg:readonly",
            "im:message.group_at_msg:readonly",
        ])
        .map(str::to_owned)
        .collect();
    let app = server
        .create_app(NewApp {
            scopes: Some(scopes),
            ..NewApp::default()
        })
        .unwrap();
    let user = server.create_user(&app.tenant_key, "Ada").unwrap();
    let members = vec![
        Member::App(app.app_id.clone()),
        Member::User(user.open_id.clone()),
    ];
    let group = server
        .create_chat(&app.tenant_key, ChatKind::Group, members.clone())
        .unwrap()
        .chat_id;
    let p2p = server
        .create_chat(&app.tenant_key, ChatKind::P2p, members)
        .unwrap()
        .chat_id;
    let client = lark_sdk::Client::builder(app.app_id.clone(), app.app_secret.clone())
        .base_url(server.url())
        .rate_limit(false)
        .build()
        .unwrap();
    World {
        server,
        app,
        user,
        group,
        p2p,
        client,
    }
}

/// A dispatcher sending each received message down a channel, and how
/// many times its handler ran.
fn receiving() -> (Dispatcher, mpsc::UnboundedReceiver<Received>) {
    let (tx, rx) = mpsc::unbounded_channel();
    let dispatcher = Dispatcher::new().on_message_receive_v1(move |event| {
        let tx = tx.clone();
        async move {
            let _ = tx.send(event);
            Ok(())
        }
    });
    (dispatcher, rx)
}

async fn next(rx: &mut mpsc::UnboundedReceiver<Received>) -> Received {
    tokio::time::timeout(Duration::from_secs(10), rx.recv())
        .await
        .expect("a message within 10 s")
        .expect("the channel is open")
}

fn receive_pushes(server: &DevServer) -> usize {
    server
        .deliveries()
        .iter()
        .filter(|d| d.event_type == "im.message.receive_v1" && d.outcome == "acked")
        .count()
}

const PNG: &[u8] = include_bytes!("../data/gradient.png");

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_users_message_reaches_the_bot_typed_and_its_image_downloads() {
    let w = world().await;
    let (dispatcher, mut rx) = receiving();
    let connection =
        LongConnection::builder(w.app.app_id.clone(), w.app.app_secret.clone(), dispatcher)
            .base_url(w.server.url())
            .build()
            .unwrap();
    let (stop, running) = run_until_stopped(connection);
    until("the long connection", || {
        w.server.connections(&w.app.app_id) > 0
    })
    .await;

    // In the group, mentioning the bot, with an image: a post.
    let image = w.server.user_image(&w.user.open_id, PNG.to_vec()).unwrap();
    let said = Said {
        text: "hi".into(),
        image_key: Some(image.clone()),
        mentions: vec![Member::App(w.app.app_id.clone())],
    };
    let sent = w
        .server
        .user_says(&w.group, &w.user.open_id, &said)
        .unwrap();
    let event = next(&mut rx).await.event;
    assert_eq!(event.message.message_id, sent.message_id);
    assert_eq!(event.message.chat_type, "group");
    assert_eq!(event.sender.sender_type, "user");
    assert_eq!(
        event.sender.sender_id.and_then(|id| id.open_id).as_deref(),
        Some(w.user.open_id.as_str())
    );
    let mentions = event.message.mentions.unwrap_or_default();
    assert_eq!(mentions.len(), 1);
    assert_eq!(mentions[0].key, "@_user_1");
    let post = match &event.message.content {
        ReceivedContent::Post(post) => post.get().expect("a post").clone(),
        other => panic!("{other:?}"),
    };
    let elements: Vec<_> = post.content.iter().flatten().collect();
    assert_eq!(elements[0].tag, PostTag::At);
    assert_eq!(elements[0].user_id.as_deref(), Some("@_user_1"));
    assert_eq!(elements[1].tag, PostTag::Text);
    assert_eq!(elements[1].text.as_deref(), Some("hi"));
    assert_eq!(elements[2].tag, PostTag::Image);
    assert_eq!(elements[2].image_key.as_deref(), Some(image.as_str()));

    // The bot downloads the image the message carries, byte-identical.
    let request = GetMessageResourceRequest::new(sent.message_id.clone(), image.clone(), "image");
    let download = w.client.download(&request).await.unwrap();
    assert_eq!(download.content_type(), Some("image/png"));
    assert_eq!(download.bytes().await.unwrap(), PNG);
    // A key the message does not carry is the table's 234003.
    let request = GetMessageResourceRequest::new(sent.message_id.clone(), "img_v3_other", "image");
    match w.client.download(&request).await {
        Err(Error::Api(e @ GetMessageResourceError::FileNotInMessage(_))) => {
            assert_eq!(e.code(), 234_003);
        }
        other => panic!("{other:?}"),
    }

    // In the group without a mention: the app's scopes do not hear it.
    w.server
        .user_says(
            &w.group,
            &w.user.open_id,
            &Said {
                text: "just chatting".into(),
                ..Said::default()
            },
        )
        .unwrap();
    // In the p2p chat: a text.
    let ping = w
        .server
        .user_says(
            &w.p2p,
            &w.user.open_id,
            &Said {
                text: "ping".into(),
                ..Said::default()
            },
        )
        .unwrap();
    let event = next(&mut rx).await.event;
    assert_eq!(event.message.message_id, ping.message_id);
    assert_eq!(event.message.chat_type, "p2p");
    match &event.message.content {
        ReceivedContent::Text(text) => assert_eq!(text.get().unwrap().text, "ping"),
        other => panic!("{other:?}"),
    }
    // Acknowledged after the handler ran: wait for the record.
    until("the p2p message acknowledged", || {
        receive_pushes(&w.server) >= 2
    })
    .await;
    assert_eq!(
        receive_pushes(&w.server),
        2,
        "the unmentioned message was not pushed"
    );

    // Pushed again under a new event id: acknowledged, not handled again.
    assert_eq!(w.server.push_message_again(&ping.message_id).unwrap(), 1);
    until("the second push acknowledged", || {
        receive_pushes(&w.server) == 3
    })
    .await;
    let ids: std::collections::BTreeSet<String> = w
        .server
        .deliveries()
        .into_iter()
        .filter(|d| d.event_type == "im.message.receive_v1")
        .map(|d| d.event_id)
        .collect();
    assert_eq!(ids.len(), 3, "each push had its own event id");
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(rx.try_recv().is_err(), "the copy was not handled");

    let _ = stop.send(());
    running.await.unwrap().unwrap();
    w.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_click_over_the_webhook_is_answered_and_replaces_the_card() {
    let w = world().await;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let kept = Arc::clone(&seen);
    let dispatcher = Dispatcher::new().on_card_action_trigger(move |e| {
        let kept = Arc::clone(&kept);
        async move {
            let value = e.event.action.and_then(|a| a.value).unwrap_or_default();
            kept.lock().unwrap().push(json!(value));
            let card = Card::new().markdown("Approved").into_json();
            Ok(CardActionTriggerAnswer::new()
                .toast(CallbackToast::new().content("Approved"))
                .card(CallbackCard::new().kind(CallbackCardType::Raw).data(card)))
        }
    });
    let webhook = Webhook::builder(dispatcher)
        .verification_token(w.app.verification_token.clone())
        .build()
        .unwrap();
    let router = lark_sdk::event::axum::router("/webhook/event", webhook);
    let url = format!("{}/webhook/event", lark_tests::serve(router).await);
    w.server.set_webhook(&w.app.app_id, &url).await.unwrap();

    let card = Card::new()
        .markdown("Deploy?")
        .button(Button::new("Approve").value(json!({"deploy": 7})));
    let sent = w
        .client
        .im()
        .v1()
        .message()
        .create(CreateMessageRequest::new(
            CreateMessageReceiveIdType::ChatId,
            CreateMessageRequestBody::new(w.group.clone(), card),
        ))
        .await
        .unwrap();
    let card_id = sent.message_id.unwrap();
    let record = w
        .server
        .click_card(&w.user.open_id, &card_id, json!({"deploy": 7}))
        .await
        .unwrap();
    assert_eq!(
        (record.channel.as_str(), record.outcome.as_str()),
        ("webhook", "acked")
    );
    let answer = record.answer.unwrap();
    assert_eq!(answer["toast"], json!({"content": "Approved"}));
    assert_eq!(seen.lock().unwrap().as_slice(), &[json!({"deploy": 7})]);
    let content = w.server.world().messages[&card_id].content.clone();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&content).unwrap(),
        answer["card"]["data"]
    );
    // A text cannot be clicked.
    let text = w
        .server
        .user_says(
            &w.group,
            &w.user.open_id,
            &Said {
                text: "hi".into(),
                ..Said::default()
            },
        )
        .unwrap();
    assert!(
        w.server
            .click_card(&w.user.open_id, &text.message_id, json!({}))
            .await
            .is_err()
    );
    w.server.shutdown().await;
}
