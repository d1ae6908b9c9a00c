//! The extension end to end: the local Open Platform serves this crate's
//! recall endpoint (with the rules of its page, written here as a user of the
//! SDK would write them) and pushes its event; a bot built on lark-sdk plus
//! this crate recalls messages through the generated calls and receives the
//! typed event over the long connection.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use lark_devserver::api::{Reply, endpoint, guard};
use lark_devserver::{ChatKind, Config, DevServer, Member, Shared};
use lark_example_recall::im::v1::{
    DeleteMessageError as E, DeleteMessageRequest, MessageRecalledV1, RecallType,
};
use lark_example_recall::prelude::*;
use lark_sdk::client::Error;
use lark_sdk::common::PlatformError;
use lark_sdk::event::{Dispatcher, EventEnvelope, LongConnection};
use lark_sdk::im::v1::{CreateMessageReactionRequest, CreateMessageReactionRequestBody, Emoji};
use lark_sdk::prelude::*;
use lark_sdk::{Client, TimestampMs};
use tokio::sync::{mpsc, oneshot};

/// `DELETE /open-apis/im/v1/messages/:message_id`, by the page's rules.
async fn recall(
    State(shared): State<Arc<Shared>>,
    Path(message_id): Path<String>,
    headers: HeaderMap,
) -> Reply {
    // The table has no row for a token of the wrong type; "lack of necessary
    // permissions" is the nearest.
    let caller =
        match guard::<DeleteMessageRequest>(&shared, &headers, Reply::spec(E::LACK_OF_PERMISSIONS))
            .await
        {
            Ok(caller) => caller,
            Err(reply) => return reply,
        };
    let event = {
        let mut world = shared.lock_world();
        let Some(message) = world.messages.get(&message_id).cloned() else {
            return Reply::spec(E::INVALID_PARAMETER);
        };
        // A recalled message is gone as far as the caller can tell.
        if message.deleted || message.recalled {
            return Reply::spec(E::MESSAGE_DELETED);
        }
        let Some(chat) = world.chats.get(&message.chat_id) else {
            return Reply::spec(E::INVALID_PARAMETER);
        };
        if chat.dissolved {
            return Reply::spec(E::CHAT_DISSOLVED);
        }
        if chat.kind == ChatKind::Group && !chat.members.contains(&caller.member) {
            return Reply::spec(E::BOT_NOT_IN_CHAT);
        }
        if message.hidden_from.contains(&caller.member) {
            return Reply::spec(E::MESSAGE_INVISIBLE);
        }
        // A bot recalls only what it sent (group owners are not modelled).
        if message.sender != caller.member {
            return Reply::spec(E::NO_RECALL_PERMISSION);
        }
        if let Some(m) = world.messages.get_mut(&message_id) {
            m.recalled = true;
        }
        let mut event = MessageRecalledV1::new();
        event.message_id = Some(message_id);
        event.chat_id = Some(message.chat_id.clone());
        event.recall_time = Some(TimestampMs::now());
        event.recall_type = Some(RecallType::MessageOwner);
        event
    };
    if let Some(chat_id) = event.chat_id.clone() {
        let _ = shared.push_event(&chat_id, &event);
    }
    Reply::ok(serde_json::json!({}))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bot_recalls_its_message_and_receives_the_typed_event() {
    let routes = endpoint::<DeleteMessageRequest, _, _>(Router::new(), recall);
    let server = DevServer::start_with(Config::default(), routes)
        .await
        .unwrap();
    let app = server.create_app(Default::default()).unwrap();
    let ada = server.create_user(&app.tenant_key, "Ada").unwrap();
    let (bot, user) = (
        Member::App(app.app_id.clone()),
        Member::User(ada.open_id.clone()),
    );
    let chat = server
        .create_chat(
            &app.tenant_key,
            ChatKind::Group,
            vec![bot.clone(), user.clone()],
        )
        .unwrap();
    let own = server
        .post_message(&chat.chat_id, bot, "Deploying…")
        .unwrap();
    let theirs = server
        .post_message(&chat.chat_id, user, "Ship it?")
        .unwrap();

    // The bot: the SDK's dispatcher, with this crate's handler method.
    let (received, mut events) = mpsc::unbounded_channel::<EventEnvelope<MessageRecalledV1>>();
    let dispatcher = Dispatcher::new().on_message_recalled_v1(move |event| {
        let received = received.clone();
        async move {
            let _ = received.send(event);
            Ok(())
        }
    });
    let connection =
        LongConnection::builder(app.app_id.clone(), app.app_secret.clone(), dispatcher)
            .base_url(server.url())
            .build()
            .unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let running = tokio::spawn(async move {
        connection
            .run(async {
                let _ = stopped.await;
            })
            .await
    });
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while server.connections(&app.app_id) == 0 {
        assert!(tokio::time::Instant::now() < deadline, "no long connection");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    let client = Client::builder(app.app_id.clone(), app.app_secret.clone())
        .base_url(server.url())
        .build()
        .unwrap();
    // This crate's resource, reached through the SDK's `im()` and `v1()`.
    let messages = client.im().v1().message();
    messages
        .delete(DeleteMessageRequest::new(own.message_id.clone()))
        .await
        .expect("the bot recalls its own message");
    let event = tokio::time::timeout(Duration::from_secs(5), events.recv())
        .await
        .expect("the recalled event arrives")
        .expect("open channel");
    assert_eq!(event.header.event_type, "im.message.recalled_v1");
    assert_eq!(event.header.app_id, app.app_id);
    assert_eq!(
        event.event.message_id.as_deref(),
        Some(own.message_id.as_str())
    );
    assert_eq!(event.event.chat_id.as_deref(), Some(chat.chat_id.as_str()));
    assert_eq!(event.event.recall_type, Some(RecallType::MessageOwner));
    assert!(event.event.recall_time.is_some());
    assert!(server.world().messages[&own.message_id].recalled);

    // Someone else's message: the typed row of this crate's table, with the
    // platform's log id.
    match messages
        .delete(DeleteMessageRequest::new(theirs.message_id.clone()))
        .await
    {
        Err(Error::Api(E::NoRecallPermission(e))) => {
            assert_eq!(e.code, 230_026);
            assert!(e.log_id.is_some());
        }
        other => panic!("expected NoRecallPermission, got {other:?}"),
    }
    // Recalled already.
    match messages
        .delete(DeleteMessageRequest::new(own.message_id.clone()))
        .await
    {
        Err(Error::Api(E::MessageDeleted(_))) => {}
        other => panic!("expected MessageDeleted, got {other:?}"),
    }
    // An empty id is refused before anything is sent.
    assert!(matches!(
        messages.delete(DeleteMessageRequest::new("")).await,
        Err(Error::InvalidRequest(_))
    ));
    // A platform-wide code reaches this crate's enum too: the endpoint's
    // documented limits are the SDK's to enforce, the server's to answer.
    server.set_faults(lark_devserver::Faults {
        rate_limit_next: 3,
        ..Default::default()
    });
    let limited = Client::builder(app.app_id.clone(), app.app_secret.clone())
        .base_url(server.url())
        .max_retries(0)
        .build()
        .unwrap();
    match limited
        .im()
        .v1()
        .message()
        .delete(DeleteMessageRequest::new(theirs.message_id.clone()))
        .await
    {
        Err(Error::Api(E::Platform(PlatformError::RateLimited(e)))) => {
            assert_eq!(e.code, 99_991_400)
        }
        other => panic!("expected RateLimited, got {other:?}"),
    }
    server.set_faults(Default::default());

    // The SDK's own calls sit beside this crate's.
    let added = client
        .im()
        .v1()
        .message_reaction()
        .create(CreateMessageReactionRequest::new(
            theirs.message_id.clone(),
            CreateMessageReactionRequestBody::new(Emoji::new("OK")),
        ))
        .await
        .expect("the SDK's endpoint still works");
    assert!(added.reaction_id.is_some());

    let _ = stop.send(());
    running.await.unwrap().unwrap();
    server.shutdown().await;
}

#[test]
fn the_crate_s_event_enum_decodes_its_event_and_keeps_others_raw() {
    let recalled = br#"{"schema":"2.0","header":{"event_id":"5e3702a84e847582be8db7fb73283c02",
      "event_type":"im.message.recalled_v1","create_time":"1608725989000","token":"rvaYgkND1GOiu5MM0E1rncYC6PLtF7JV",
      "app_id":"cli_9f5343c580712544","tenant_key":"2ca1d211f64f6438"},
      "event":{"message_id":"om_dc13264520392913993dd051dba21dcf","chat_id":"oc_5ad11d72b830411d72b836c20",
      "recall_time":"1615380573411","recall_type":"message_owner"}}"#;
    match lark_example_recall::Event::from_slice(recalled).unwrap() {
        lark_example_recall::Event::MessageRecalledV1(e) => {
            assert_eq!(e.event.recall_time.unwrap().as_millis(), 1_615_380_573_411);
            assert_eq!(e.event.recall_type, Some(RecallType::MessageOwner));
        }
        other => panic!("{other:?}"),
    }
    let reaction = br#"{"schema":"2.0","header":{"event_id":"1","event_type":"im.message.reaction.deleted_v1"},"event":{}}"#;
    assert!(matches!(
        lark_example_recall::Event::from_slice(reaction).unwrap(),
        lark_example_recall::Event::Unknown(_)
    ));
}
