//! Events end to end on loopback: the local server pushes
//! `im.message.reaction.deleted_v1` to our webhook (encrypted, signed, after
//! the url_verification challenge) and over the long connection, through
//! fragments, dropped and half-open connections, duplicates and failures:
//! no event is lost and none is handled twice.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use lark_devserver::{Config, DevServer, Faults, Member, NewApp, WsCommand};
use lark_sdk::event::{Dispatcher, EventEnvelope, LongConnection, Stopped, Webhook, WsError};
use lark_sdk::im::v1::{MessageReactionDeletedV1, OperatorType};
use lark_tests::Scene;
use tokio::sync::{mpsc, oneshot};

type Deleted = EventEnvelope<MessageReactionDeletedV1>;

/// A server that re-pushes fast and tells clients to ping every second.
fn quick() -> Config {
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
fn collecting() -> (Dispatcher, mpsc::UnboundedReceiver<Deleted>) {
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
fn deleted_pushes(scene: &Scene) -> Vec<lark_devserver::DeliveryRecord> {
    let mut log = scene.server.deliveries();
    log.retain(|d| d.event_type == "im.message.reaction.deleted_v1");
    log
}

async fn until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn next(rx: &mut mpsc::UnboundedReceiver<Deleted>) -> Deleted {
    tokio::time::timeout(Duration::from_secs(10), rx.recv())
        .await
        .expect("an event within 10 s")
        .expect("the channel is open")
}

/// Runs a long connection for the scene's bot until the returned sender fires.
fn connect(
    scene: &Scene,
    dispatcher: Dispatcher,
) -> (
    oneshot::Sender<()>,
    tokio::task::JoinHandle<Result<Stopped, WsError>>,
) {
    let connection = LongConnection::builder(
        scene.app.app_id.clone(),
        scene.app.app_secret.clone(),
        dispatcher,
    )
    .base_url(scene.server.url())
    .build()
    .unwrap();
    run_until_stopped(connection)
}

/// Runs `connection` until the returned sender fires.
fn run_until_stopped(
    connection: LongConnection,
) -> (
    oneshot::Sender<()>,
    tokio::task::JoinHandle<Result<Stopped, WsError>>,
) {
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

#[tokio::test]
async fn the_webhook_receives_encrypted_signed_pushes_after_the_challenge() {
    let server = DevServer::start(quick()).await.unwrap();
    let app = server
        .create_app(NewApp {
            encrypt_key: Some("encrypt-key-for-tests".into()),
            ..NewApp::default()
        })
        .unwrap();
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

    let (dispatcher, mut rx) = collecting();
    let webhook = Webhook::builder(dispatcher)
        .encrypt_key("encrypt-key-for-tests")
        .verification_token(app.verification_token.clone())
        .build()
        .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/webhook/event", listener.local_addr().unwrap());
    tokio::spawn(async move {
        let _ = axum::serve(
            listener,
            lark_sdk::event::axum::router("/webhook/event", webhook),
        )
        .await;
    });
    server
        .set_webhook(&app.app_id, &url)
        .await
        .expect("the challenge is answered");

    let reaction = server
        .add_reaction(&message.message_id, member.clone(), "SMILE")
        .unwrap();
    server
        .remove_reaction(&member, &reaction.reaction_id)
        .unwrap();
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

#[tokio::test]
async fn the_long_connection_receives_typed_events_and_stops_on_request() {
    let scene = Scene::with(quick()).await;
    let (dispatcher, mut rx) = collecting();
    let (stop, task) = connect(&scene, dispatcher);
    until("a connection", || {
        scene.server.connections(&scene.app.app_id) == 1
    })
    .await;

    let reaction = scene.react(&scene.member, "THUMBSUP");
    scene
        .server
        .remove_reaction(&scene.member, &reaction)
        .unwrap();
    let event = next(&mut rx).await;
    assert_eq!(
        event.event.message_id.as_deref(),
        Some(scene.message.message_id.as_str())
    );
    assert_eq!(
        event.event.reaction_type.unwrap().emoji_type.as_str(),
        "THUMBSUP"
    );
    until("the reply frame", || {
        scene
            .server
            .deliveries()
            .iter()
            .any(|d| d.outcome == "acked")
    })
    .await;

    stop.send(()).unwrap();
    let result = tokio::time::timeout(Duration::from_secs(5), task)
        .await
        .expect("stops")
        .unwrap();
    assert!(result.is_ok(), "{result:?}");
    until("the socket to close", || {
        scene.server.connections(&scene.app.app_id) == 0
    })
    .await;
}

#[tokio::test]
async fn fragmented_and_reordered_payloads_are_reassembled() {
    let scene = Scene::with(quick()).await;
    scene.server.set_faults(Faults {
        fragment_size: 40,
        reorder_fragments: true,
        ..Faults::default()
    });
    let (dispatcher, mut rx) = collecting();
    let (_stop, _task) = connect(&scene, dispatcher);
    until("a connection", || {
        scene.server.connections(&scene.app.app_id) == 1
    })
    .await;
    let reaction = scene.react(&scene.member, "Status_PrivateMessage");
    scene
        .server
        .remove_reaction(&scene.member, &reaction)
        .unwrap();
    let event = next(&mut rx).await;
    assert_eq!(
        event.event.reaction_type.unwrap().emoji_type.as_str(),
        "Status_PrivateMessage"
    );
}

#[tokio::test]
async fn a_half_open_connection_is_noticed_and_replaced() {
    let scene = Scene::with(quick()).await;
    let (dispatcher, mut rx) = collecting();
    let (_stop, _task) = connect(&scene, dispatcher);
    until("a connection", || {
        scene.server.connections(&scene.app.app_id) == 1
    })
    .await;
    // The server stops answering but keeps the socket open: no close, no error.
    assert_eq!(
        scene
            .server
            .command_connections(&scene.app.app_id, || WsCommand::Silence),
        1
    );
    let reaction = scene.react(&scene.member, "OK");
    scene
        .server
        .remove_reaction(&scene.member, &reaction)
        .unwrap();
    // Two ping intervals without a frame: the client reconnects and the re-push arrives.
    let event = next(&mut rx).await;
    assert_eq!(event.event.reaction_type.unwrap().emoji_type.as_str(), "OK");
}

#[tokio::test]
async fn a_failing_handler_is_pushed_again_until_it_succeeds() {
    let scene = Scene::with(quick()).await;
    let attempts = Arc::new(Mutex::new(0));
    let (tx, mut rx) = mpsc::unbounded_channel();
    let counter = Arc::clone(&attempts);
    let dispatcher = Dispatcher::new().on_message_reaction_deleted_v1(move |event| {
        let counter = Arc::clone(&counter);
        let tx = tx.clone();
        async move {
            let n = {
                let mut n = counter.lock().unwrap();
                *n += 1;
                *n
            };
            if n < 3 {
                return Err(format!("attempt {n} fails").into());
            }
            let _ = tx.send(event);
            Ok(())
        }
    });
    let (_stop, _task) = connect(&scene, dispatcher);
    until("a connection", || {
        scene.server.connections(&scene.app.app_id) == 1
    })
    .await;
    let reaction = scene.react(&scene.member, "OK");
    scene
        .server
        .remove_reaction(&scene.member, &reaction)
        .unwrap();
    next(&mut rx).await;
    assert_eq!(*attempts.lock().unwrap(), 3);
    until("the third push to be acknowledged", || {
        let outcomes: Vec<String> = deleted_pushes(&scene)
            .into_iter()
            .map(|d| d.outcome)
            .collect();
        outcomes == ["failed", "failed", "acked"]
    })
    .await;
}

#[tokio::test]
async fn wrong_credentials_stop_the_connection_for_good() {
    let scene = Scene::with(quick()).await;
    let connection =
        LongConnection::builder(scene.app.app_id.clone(), "wrong secret", Dispatcher::new())
            .base_url(scene.server.url())
            .build()
            .unwrap();
    let result = tokio::time::timeout(
        Duration::from_secs(5),
        connection.run(std::future::pending()),
    )
    .await
    .expect("gives up at once");
    assert!(
        matches!(
            result,
            Err(WsError::Refused {
                code: 1_000_040_344,
                ..
            })
        ),
        "{result:?}"
    );
}

#[tokio::test]
async fn no_event_is_lost_and_none_is_handled_twice() {
    let scene = Scene::with(quick()).await;
    scene.server.set_faults(Faults {
        duplicate_deliveries: true,
        fragment_size: 64,
        ..Faults::default()
    });
    let handled: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
    let seen = Arc::clone(&handled);
    let dispatcher = Dispatcher::new().on_message_reaction_deleted_v1(move |event| {
        let seen = Arc::clone(&seen);
        async move {
            *seen
                .lock()
                .unwrap()
                .entry(event.header.event_id)
                .or_default() += 1;
            Ok(())
        }
    });
    let (_stop, _task) = connect(&scene, dispatcher);
    until("a connection", || {
        scene.server.connections(&scene.app.app_id) == 1
    })
    .await;

    const EVENTS: usize = 24;
    for i in 0..EVENTS {
        if i % 8 == 4 {
            scene
                .server
                .command_connections(&scene.app.app_id, || WsCommand::Drop);
        }
        let reaction = scene.react(&scene.member, "JIAYI");
        scene
            .server
            .remove_reaction(&scene.member, &reaction)
            .unwrap();
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
    until("every event to be acknowledged", || {
        let log = deleted_pushes(&scene);
        let pushed: std::collections::HashSet<&str> =
            log.iter().map(|d| d.event_id.as_str()).collect();
        let acked: std::collections::HashSet<&str> = log
            .iter()
            .filter(|d| d.outcome == "acked")
            .map(|d| d.event_id.as_str())
            .collect();
        pushed.len() == EVENTS && acked.len() == EVENTS
    })
    .await;
    let handled = handled.lock().unwrap();
    assert_eq!(handled.len(), EVENTS, "every event was handled");
    assert!(handled.values().all(|n| *n == 1), "none twice: {handled:?}");
    let copies = deleted_pushes(&scene).len();
    assert!(
        copies > EVENTS,
        "duplicates and re-pushes were sent ({copies} pushes)"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_long_connection_pings_and_hears_shutdown_while_every_handler_is_busy() {
    let scene = Scene::with(Config {
        repush_delays: vec![Duration::from_millis(250); 80],
        ..quick()
    })
    .await;
    let calls = Arc::new(Mutex::new(0usize));
    let (tx, mut rx) = mpsc::unbounded_channel();
    let counter = Arc::clone(&calls);
    // The first call never ends; later ones report their emoji.
    let dispatcher = Arc::new(
        Dispatcher::new().on_message_reaction_deleted_v1(move |event| {
            let n = {
                let mut n = counter.lock().unwrap();
                *n += 1;
                *n
            };
            let tx = tx.clone();
            async move {
                if n == 1 {
                    tokio::time::sleep(Duration::from_secs(3600)).await;
                }
                let _ = tx.send(event.event.reaction_type.unwrap().emoji_type);
                Ok(())
            }
        }),
    );
    let build = |dispatcher: &Arc<Dispatcher>| {
        LongConnection::builder(
            scene.app.app_id.clone(),
            scene.app.app_secret.clone(),
            Arc::clone(dispatcher),
        )
        .base_url(scene.server.url())
        .max_handlers(1)
        .drain_timeout(Duration::from_millis(300))
        .build()
        .unwrap()
    };
    let (stop, task) = run_until_stopped(build(&dispatcher));
    until("a connection", || {
        scene.server.connections(&scene.app.app_id) == 1
    })
    .await;
    for emoji in ["OK", "SMILE", "JIAYI"] {
        let reaction = scene.react(&scene.member, emoji);
        scene
            .server
            .remove_reaction(&scene.member, &reaction)
            .unwrap();
    }
    until("the first handler to start", || *calls.lock().unwrap() == 1).await;
    // Every handler is busy: pings still go out (every second) and the
    // connection is not taken for dead.
    let before = scene.server.pings();
    tokio::time::sleep(Duration::from_millis(2600)).await;
    assert!(
        scene.server.pings() >= before + 2,
        "pings went on: {} then {}",
        before,
        scene.server.pings()
    );
    assert_eq!(scene.server.connections(&scene.app.app_id), 1);
    assert!(
        scene
            .server
            .deliveries()
            .iter()
            .any(|d| d.ack_code == Some(500)),
        "an event that found every handler busy and the queue full is answered 500"
    );
    // Shutdown is heard at once and waits the drain timeout for the stuck handler.
    let asked = Instant::now();
    stop.send(()).unwrap();
    let stopped = tokio::time::timeout(Duration::from_secs(5), task)
        .await
        .expect("stops despite the stuck handler")
        .unwrap()
        .expect("asked to stop");
    assert_eq!(stopped.abandoned, 1);
    assert!(
        asked.elapsed() < Duration::from_secs(3),
        "{:?}",
        asked.elapsed()
    );

    // A new connection on the same dispatcher: every event arrives again,
    // the abandoned one included (its claim was given up), each once.
    let (_stop, _task) = run_until_stopped(build(&dispatcher));
    let mut seen = Vec::new();
    while seen.len() < 3 {
        let emoji = tokio::time::timeout(Duration::from_secs(15), rx.recv())
            .await
            .expect("every event is pushed again and handled")
            .unwrap();
        seen.push(emoji.as_str().to_owned());
    }
    seen.sort();
    assert_eq!(seen, ["JIAYI", "OK", "SMILE"]);
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert!(rx.try_recv().is_err(), "none is handled twice");
}

#[tokio::test]
async fn extreme_ping_intervals_from_the_platform_do_not_stop_the_connection() {
    for ping_interval_secs in [0, 1 << 63, u64::MAX] {
        let scene = Scene::with(Config {
            ping_interval_secs,
            reconnect_interval_secs: u64::MAX,
            reconnect_nonce_secs: u64::MAX,
            ..quick()
        })
        .await;
        let (dispatcher, mut rx) = collecting();
        let (stop, task) = connect(&scene, dispatcher);
        until("a connection", || {
            scene.server.connections(&scene.app.app_id) == 1
        })
        .await;
        // The first ping goes out at once; its pong carries the same config.
        until("a ping", || scene.server.pings() > 0).await;
        let reaction = scene.react(&scene.member, "OK");
        scene
            .server
            .remove_reaction(&scene.member, &reaction)
            .unwrap();
        let event = next(&mut rx).await;
        assert_eq!(event.event.reaction_type.unwrap().emoji_type.as_str(), "OK");
        stop.send(()).unwrap();
        let result = tokio::time::timeout(Duration::from_secs(5), task)
            .await
            .expect("stops")
            .unwrap();
        assert!(result.is_ok(), "{ping_interval_secs}: {result:?}");
    }
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

    let calls = Arc::new(Mutex::new(0usize));
    let counter = Arc::clone(&calls);
    let (tx, mut rx) = mpsc::unbounded_channel();
    let dispatcher = Dispatcher::new().on_message_reaction_deleted_v1(move |event| {
        let n = {
            let mut n = counter.lock().unwrap();
            *n += 1;
            *n
        };
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
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/webhook/event", listener.local_addr().unwrap());
    tokio::spawn(async move {
        let _ = axum::serve(
            listener,
            lark_sdk::event::axum::router("/webhook/event", webhook),
        )
        .await;
    });
    server.set_webhook(&app.app_id, &url).await.unwrap();

    let reaction = server
        .add_reaction(&message.message_id, member.clone(), "SMILE")
        .unwrap();
    server
        .remove_reaction(&member, &reaction.reaction_id)
        .unwrap();
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
        let outcomes: Vec<(u32, String)> = server
            .deliveries()
            .into_iter()
            .filter(|d| d.event_type == "im.message.reaction.deleted_v1")
            .map(|d| (d.attempt, d.outcome))
            .collect();
        outcomes.last().is_some_and(|(_, o)| o == "acked")
    })
    .await;
    let pushes: Vec<_> = server
        .deliveries()
        .into_iter()
        .filter(|d| d.event_type == "im.message.reaction.deleted_v1")
        .collect();
    assert_eq!(pushes.len(), 2, "{pushes:?}");
    assert_ne!(pushes[0].outcome, "acked", "{pushes:?}");
}
