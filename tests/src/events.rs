//! What the events end-to-end tests share: a server that re-pushes fast, a
//! dispatcher that collects reaction-deleted events, waits with deadlines,
//! and a long connection run until told to stop.

use lark_sdk::prelude::*;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use lark_devserver::{App, Config, DeliveryRecord, DevServer, Member, Message, User};
use lark_sdk::event::{Dispatcher, EventEnvelope, LongConnection, Stopped, WsError};
use lark_sdk::im::v1::MessageReactionDeletedV1;
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;

use crate::Scene;

/// A reaction-deleted event as the handler gets it.
pub type Deleted = EventEnvelope<MessageReactionDeletedV1>;

/// A long connection's task and the sender that stops it.
pub type Running = (oneshot::Sender<()>, JoinHandle<Result<Stopped, WsError>>);

/// A server that re-pushes fast and tells clients to ping every second.
pub fn quick() -> Config {
    Config {
        ping_interval_secs: 1,
        reconnect_interval_secs: 1,
        reconnect_nonce_secs: 0,
        ack_timeout: Duration::from_millis(500),
        repush_delays: vec![Duration::from_millis(100); 8],
        ..Config::default()
    }
}

/// A dispatcher sending each reaction-deleted event down a channel.
pub fn collecting() -> (Dispatcher, mpsc::UnboundedReceiver<Deleted>) {
    let (tx, rx) = mpsc::unbounded_channel();
    let dispatcher = Dispatcher::new().on_message_reaction_deleted_v1(move |event| {
        let tx = tx.clone();
        async move {
            let _ = tx.send(event);
            Ok(())
        }
    });
    (dispatcher, rx)
}

/// The delivery log's pushes of `im.message.reaction.deleted_v1`.
pub fn deleted_pushes(server: &DevServer) -> Vec<DeliveryRecord> {
    let mut log = server.deliveries();
    log.retain(|d| d.event_type == "im.message.reaction.deleted_v1");
    log
}

/// Waits until `done`, checking every 20 ms.
///
/// # Panics
/// After 10 seconds, naming `what` it waited for.
pub async fn until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Waits until the scene's bot has one long connection.
pub async fn connected(scene: &Scene) {
    until("a connection", || {
        scene.server.connections(&scene.app.app_id) == 1
    })
    .await;
}

/// A user named Ada and the app's bot in a chat, and a message by the
/// user.
///
/// # Panics
/// When the server refuses any of them.
pub fn chat_with_message(server: &DevServer, app: &App) -> (User, Member, Message) {
    let user = server.create_user(&app.tenant_key, "Ada").unwrap();
    let member = Member::User(user.open_id.clone());
    let chat = server
        .create_chat(
            &app.tenant_key,
            Default::default(),
            vec![member.clone(), Member::App(app.app_id.clone())],
        )
        .unwrap();
    let message = server
        .post_message(&chat.chat_id, member.clone(), "hi")
        .unwrap();
    (user, member, message)
}

/// Has `by` react to a message and take the reaction back, so that the
/// bots of its chat are pushed `im.message.reaction.deleted_v1`.
///
/// # Panics
/// When the server refuses either.
pub fn react_and_remove(server: &DevServer, message_id: &str, by: &Member, emoji: &str) {
    let reaction = server
        .add_reaction(message_id, by.clone(), emoji)
        .expect("reaction");
    server
        .remove_reaction(by, &reaction.reaction_id)
        .expect("removed");
}

/// Counts one more call; gives how many there have been.
pub fn count(calls: &Mutex<usize>) -> usize {
    let mut n = calls.lock().unwrap();
    *n += 1;
    *n
}

/// The next event down the channel.
///
/// # Panics
/// When none comes within 10 seconds, or the channel is closed.
pub async fn next(rx: &mut mpsc::UnboundedReceiver<Deleted>) -> Deleted {
    tokio::time::timeout(Duration::from_secs(10), rx.recv())
        .await
        .expect("an event within 10 s")
        .expect("the channel is open")
}

/// Runs a long connection for the scene's bot until the returned sender fires.
///
/// # Panics
/// When the connection cannot be built.
pub fn connect(scene: &Scene, dispatcher: Dispatcher) -> Running {
    let connection = LongConnection::builder(
        scene.app.app_id.clone(),
        scene.app.app_secret.clone(),
        dispatcher,
    )
    .base_url(scene.server.url())
    .build()
    .expect("a long connection");
    run_until_stopped(connection)
}

/// Runs `connection` until the returned sender fires.
pub fn run_until_stopped(connection: LongConnection) -> Running {
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        connection
            .run(async {
                let _ = stopped.await;
            })
            .await
    });
    (stop, task)
}
