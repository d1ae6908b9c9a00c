//! Events end to end over the long connection on loopback: the local server
//! pushes `im.message.reaction.deleted_v1` through fragments, dropped and
//! half-open connections, duplicates and failures, and no event is lost and
//! none is handled twice; the connection pings while every handler is busy,
//! stops on request and gives up on wrong credentials.

use lark_sdk::prelude::*;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use lark_devserver::{Config, Faults, WsCommand};
use lark_sdk::event::{Dispatcher, LongConnection, WsError};
use lark_tests::Scene;
use lark_tests::events::{
    collecting, connect, connected, count, deleted_pushes, next, quick, run_until_stopped, until,
};
use tokio::sync::mpsc;

#[tokio::test]
async fn the_long_connection_receives_typed_events_and_stops_on_request() {
    let scene = Scene::with(quick()).await;
    let (dispatcher, mut rx) = collecting();
    let (stop, task) = connect(&scene, dispatcher);
    connected(&scene).await;

    scene.react_and_remove("THUMBSUP");
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
    connected(&scene).await;
    scene.react_and_remove("Status_PrivateMessage");
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
    connected(&scene).await;
    // The server stops answering but keeps the socket open: no close, no error.
    assert_eq!(
        scene
            .server
            .command_connections(&scene.app.app_id, || WsCommand::Silence),
        1
    );
    scene.react_and_remove("OK");
    // Two ping intervals without a frame: the client reconnects and the re-push arrives.
    let event = next(&mut rx).await;
    assert_eq!(event.event.reaction_type.unwrap().emoji_type.as_str(), "OK");
}

#[tokio::test]
async fn a_failing_handler_is_pushed_again_until_it_succeeds() {
    let scene = Scene::with(quick()).await;
    let attempts = Arc::new(Mutex::new(0usize));
    let (tx, mut rx) = mpsc::unbounded_channel();
    let counter = Arc::clone(&attempts);
    let dispatcher = Dispatcher::new().on_message_reaction_deleted_v1(move |event| {
        let counter = Arc::clone(&counter);
        let tx = tx.clone();
        async move {
            let n = count(&counter);
            if n < 3 {
                return Err(format!("attempt {n} fails").into());
            }
            let _ = tx.send(event);
            Ok(())
        }
    });
    let (_stop, _task) = connect(&scene, dispatcher);
    connected(&scene).await;
    scene.react_and_remove("OK");
    next(&mut rx).await;
    assert_eq!(*attempts.lock().unwrap(), 3);
    until("the third push to be acknowledged", || {
        let outcomes: Vec<String> = deleted_pushes(&scene.server)
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
    connected(&scene).await;

    const EVENTS: usize = 24;
    for i in 0..EVENTS {
        if i % 8 == 4 {
            scene
                .server
                .command_connections(&scene.app.app_id, || WsCommand::Drop);
        }
        scene.react_and_remove("JIAYI");
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
    until("every event to be acknowledged", || {
        let log = deleted_pushes(&scene.server);
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
    let copies = deleted_pushes(&scene.server).len();
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
            let n = count(&counter);
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
    connected(&scene).await;
    for emoji in ["OK", "SMILE", "JIAYI"] {
        scene.react_and_remove(emoji);
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
        connected(&scene).await;
        // The first ping goes out at once; its pong carries the same config.
        until("a ping", || scene.server.pings() > 0).await;
        scene.react_and_remove("OK");
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
