//! The packaged crates end to end on loopback: the packaged local server,
//! a typed call answered with its typed error, and an event over the long
//! connection.

use std::time::Duration;

use lark_devserver::{ChatKind, DevServer, Member};
use lark_sdk::client::Error;
use lark_sdk::event::LongConnection;
use lark_sdk::im::v1::{DeleteMessageReactionError, DeleteMessageReactionRequest};
use lark_sdk::prelude::*;
use lark_sdk::{Client, Event};
use tokio::sync::{mpsc, oneshot};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bot_on_the_packaged_crates() {
    assert!(Event::TYPES.contains(&"im.message.reaction.deleted_v1"));
    assert!(packaged_bot::Event::TYPES.contains(&"helpdesk.ticket_message.created_v1"));

    let server = DevServer::start(Default::default()).await.unwrap();
    let app = server.create_app(Default::default()).unwrap();
    let ada = Member::User(server.create_user(&app.tenant_key, "Ada").unwrap().open_id);
    let bot = Member::App(app.app_id.clone());
    let chat = server
        .create_chat(&app.tenant_key, ChatKind::Group, vec![ada.clone(), bot])
        .unwrap();
    let message = server
        .post_message(&chat.chat_id, ada.clone(), "Ship it?")
        .unwrap();
    let reaction = server
        .add_reaction(&message.message_id, ada.clone(), "THUMBSUP")
        .unwrap();

    let client = Client::builder(app.app_id.clone(), app.app_secret.clone())
        .base_url(server.url())
        .build()
        .unwrap();
    let request =
        DeleteMessageReactionRequest::new(message.message_id.clone(), reaction.reaction_id.clone());
    let answer = client.im().v1().message_reaction().delete(request).await;
    assert!(
        matches!(
            answer,
            Err(Error::Api(DeleteMessageReactionError::NotReactionOwner(_)))
        ),
        "{answer:?}"
    );

    let (seen, mut events) = mpsc::unbounded_channel();
    let connection = LongConnection::builder(
        app.app_id.clone(),
        app.app_secret.clone(),
        packaged_bot::dispatcher(seen),
    )
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
    server.remove_reaction(&ada, &reaction.reaction_id).unwrap();
    let got = tokio::time::timeout(Duration::from_secs(10), events.recv())
        .await
        .expect("the deleted event within 10 s");
    assert_eq!(got.as_deref(), Some(message.message_id.as_str()));

    let _ = stop.send(());
    running.await.unwrap().unwrap();
    server.shutdown().await;
}
