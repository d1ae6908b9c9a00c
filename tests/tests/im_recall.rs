//! Recalling messages on the local server, through the SDK's call: a bot
//! takes back what it sent and, owning a group, what others sent there; the
//! chat's bots receive the typed `im.message.recalled_v1`, and every refusal
//! is a typed row of the endpoint's table.

use std::time::Duration;

use lark_devserver::{ChatKind, DevServer, Member};
use lark_sdk::client::Error;
use lark_sdk::event::{Dispatcher, EventEnvelope, LongConnection};
use lark_sdk::im::v1::{
    DeleteMessageError as E, DeleteMessageRequest, GetMessageRequest, MessageRecalledV1, RecallType,
};
use lark_sdk::prelude::*;
use lark_sdk::{Client, Event};
use tokio::sync::{mpsc, oneshot};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bot_recalls_its_message_and_an_owner_recalls_others() {
    let server = DevServer::start(Default::default()).await.unwrap();
    let app = server.create_app(Default::default()).unwrap();
    let ada = server.create_user(&app.tenant_key, "Ada").unwrap();
    let (bot, user) = (
        Member::App(app.app_id.clone()),
        Member::User(ada.open_id.clone()),
    );
    // Ada's group (she owns it), and the bot's (it owns that one).
    let hers = server
        .create_chat(
            &app.tenant_key,
            ChatKind::Group,
            vec![user.clone(), bot.clone()],
        )
        .unwrap();
    let its = server
        .create_chat(
            &app.tenant_key,
            ChatKind::Group,
            vec![bot.clone(), user.clone()],
        )
        .unwrap();
    let own = server
        .post_message(&hers.chat_id, bot.clone(), "Deploying…")
        .unwrap();
    let theirs = server
        .post_message(&hers.chat_id, user.clone(), "Ship it?")
        .unwrap();
    let in_its_group = server
        .post_message(&its.chat_id, user, "Off topic")
        .unwrap();

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
    assert_eq!(event.event.chat_id.as_deref(), Some(hers.chat_id.as_str()));
    assert_eq!(event.event.recall_type, Some(RecallType::MessageOwner));
    assert!(event.event.recall_time.is_some());
    assert!(server.world().messages[&own.message_id].recalled);
    // Read back, it says it was recalled.
    let got = messages
        .get(GetMessageRequest::new(own.message_id.clone()))
        .await
        .expect("a recalled message is read back");
    let item = &got.items.unwrap()[0];
    assert_eq!(item.deleted, Some(true));

    // The owner of a group recalls another member's message there.
    messages
        .delete(DeleteMessageRequest::new(in_its_group.message_id.clone()))
        .await
        .expect("the owning bot recalls a member's message");
    let event = tokio::time::timeout(Duration::from_secs(5), events.recv())
        .await
        .expect("the second recalled event arrives")
        .expect("open channel");
    assert_eq!(event.event.recall_type, Some(RecallType::GroupOwner));

    // Someone else's message, in a group the bot does not own.
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
        Err(Error::Api(E::MessageDeleted(e))) => assert_eq!(e.code, 230_110),
        other => panic!("expected MessageDeleted, got {other:?}"),
    }
    // No such message.
    match messages
        .delete(DeleteMessageRequest::new("om_nothing"))
        .await
    {
        Err(Error::Api(E::InvalidParameter(e))) => assert_eq!(e.code, 230_001),
        other => panic!("expected InvalidParameter, got {other:?}"),
    }
    // An empty id is refused before anything is sent.
    assert!(matches!(
        messages.delete(DeleteMessageRequest::new("")).await,
        Err(Error::InvalidRequest(_))
    ));
    // Out of the chat: the bot removed from Ada's group cannot recall there.
    server
        .world()
        .chats
        .get_mut(&hers.chat_id)
        .unwrap()
        .members
        .remove(&bot);
    match messages
        .delete(DeleteMessageRequest::new(theirs.message_id.clone()))
        .await
    {
        Err(Error::Api(E::BotNotInChat(e))) => assert_eq!(e.code, 230_002),
        other => panic!("expected BotNotInChat, got {other:?}"),
    }
    assert!(!server.world().messages[&theirs.message_id].recalled);

    let _ = stop.send(());
    running.await.unwrap().unwrap();
    server.shutdown().await;
}

#[test]
fn the_recalled_event_decodes_as_the_platform_documents_it() {
    // The example payload of the event's page.
    let recalled = br#"{"schema":"2.0","header":{"event_id":"5e3702a84e847582be8db7fb73283c02",
      "event_type":"im.message.recalled_v1","create_time":"1608725989000","token":"rvaYgkND1GOiu5MM0E1rncYC6PLtF7JV",
      "app_id":"cli_9f5343c580712544","tenant_key":"2ca1d211f64f6438"},
      "event":{"message_id":"om_dc13264520392913993dd051dba21dcf","chat_id":"oc_5ad11d72b830411d72b836c20",
      "recall_time":"1615380573411","recall_type":"message_owner"}}"#;
    match Event::from_slice(recalled).unwrap() {
        Event::MessageRecalledV1(e) => {
            assert_eq!(e.event.recall_time.unwrap().as_millis(), 1_615_380_573_411);
            assert_eq!(e.event.recall_type, Some(RecallType::MessageOwner));
        }
        other => panic!("{other:?}"),
    }
}
