//! Three replicas of one bot, each a process of its own (`src/bin/replica.rs`)
//! with a long connection to the local Open Platform, sharing deduplication
//! on a real `redis-server`. The server delivers each event to one of the
//! app's connections, re-pushes what is not acknowledged, and (a fault
//! turned on) pushes every acknowledged event once more; one replica in ten
//! events fails the first attempt; one replica is killed (`SIGKILL`) in the
//! middle of a handler and started again. Every event must be handled once:
//! counted once in Redis, written once across the replicas' files, none
//! missing.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use lark_devserver::{Config, DevServer, Faults, NewApp};
use lark_sdk::im::v1::MessageReactionDeletedV1;
use lark_sdk::redis::Redis;
use lark_tests::redis_server::RedisServer;
use redis::AsyncCommands;

const EVENTS: usize = 10_000;
const PREFIX: &str = "replicas";

/// A replica's process, killed when dropped.
struct Replica {
    child: Child,
    out: PathBuf,
}

impl Drop for Replica {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Setup<'a> {
    server: &'a DevServer,
    app: &'a lark_devserver::App,
    redis: &'a RedisServer,
    dir: &'a Path,
}

impl Setup<'_> {
    fn start(&self, name: &str, block_at: Option<usize>) -> Replica {
        let out = self.dir.join(format!("{name}.txt"));
        let mut command = Command::new(env!("CARGO_BIN_EXE_replica"));
        command
            .env("REPLICA_SERVER", self.server.url())
            .env("REPLICA_APP_ID", &self.app.app_id)
            .env("REPLICA_APP_SECRET", &self.app.app_secret)
            .env("REPLICA_REDIS", self.redis.url())
            .env("REPLICA_PREFIX", PREFIX)
            .env("REPLICA_OUT", &out)
            .env("RUST_LOG", "off");
        if let Some(n) = block_at {
            command.env("REPLICA_BLOCK_AT", n.to_string());
        }
        let child = command.spawn().expect("the replica starts");
        Replica { child, out }
    }
}

fn lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .collect()
}

async fn wait_for(what: &str, limit: Duration, mut done: impl AsyncFnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !done().await {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_events_to_three_replicas_are_each_handled_once() {
    let redis_server = RedisServer::start();
    let server = DevServer::start(Config {
        ping_interval_secs: 1,
        reconnect_interval_secs: 1,
        reconnect_nonce_secs: 0,
        ack_timeout: Duration::from_millis(1000),
        repush_delays: vec![Duration::from_millis(250); 60],
        rate_limits: false,
        ..Config::default()
    })
    .await
    .expect("server starts");
    let app = server.create_app(NewApp::default()).unwrap();
    let (_, _, message) = lark_tests::events::chat_with_message(&server, &app);
    let chat_id = message.chat_id.clone();
    let dir = std::env::temp_dir().join(format!("lark-replicas-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let setup = Setup {
        server: &server,
        app: &app,
        redis: &redis_server,
        dir: &dir,
    };
    let mut replicas = vec![
        setup.start("a", None),
        setup.start("b", Some(300)),
        setup.start("c", None),
    ];
    let redis = Redis::connect(&redis_server.url(), PREFIX).await.unwrap();
    let mut conn = redis.connection();
    wait_for("three connections", Duration::from_secs(30), async || {
        server.connections(&app.app_id) == 3
    })
    .await;
    server.set_faults(Faults {
        duplicate_deliveries: true,
        ..Faults::default()
    });

    let handled_key = format!("{PREFIX}:handled");
    let victim = replicas[1].out.clone();
    let mut blocked: Option<String> = None;
    let mut restarted = false;
    for n in 0..EVENTS {
        let mut body = MessageReactionDeletedV1::new();
        body.message_id = Some(format!("om_{n}"));
        assert_eq!(server.push_event(&chat_id, &body).unwrap(), 1);
        if n % 50 != 49 {
            continue;
        }
        // At most about 1,000 events on their way at once.
        loop {
            let handled: usize = conn.hlen(&handled_key).await.unwrap();
            if n + 1 - handled.min(n + 1) <= 1_000 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        if blocked.is_none()
            && let Some(line) = lines(&victim).iter().find(|l| l.starts_with("blocked "))
        {
            // Dead in the middle of a handler, holding its claim.
            blocked = Some(line["blocked ".len()..].to_owned());
            let _ = replicas[1].child.kill();
            let _ = replicas[1].child.wait();
        } else if blocked.is_some() && !restarted {
            replicas.push(setup.start("b-again", None));
            restarted = true;
        }
    }
    let blocked = blocked.expect("the victim reached its 300th event and was killed");
    assert!(restarted, "the victim was started again");

    wait_for(
        "every event handled",
        Duration::from_secs(180),
        async || conn.hlen::<_, usize>(&handled_key).await.unwrap() >= EVENTS,
    )
    .await;
    // Until the server has pushed everything it means to (the duplicates
    // included): its log stops growing.
    let mut last = 0;
    wait_for(
        "the deliveries to settle",
        Duration::from_secs(60),
        async || {
            tokio::time::sleep(Duration::from_millis(1500)).await;
            let now = server.deliveries().len();
            let settled = now == last;
            last = now;
            settled
        },
    )
    .await;

    let counts: HashMap<String, i64> = conn.hgetall(&handled_key).await.unwrap();
    let twice: Vec<(&String, &i64)> = counts.iter().filter(|(_, n)| **n != 1).collect();
    assert!(twice.is_empty(), "handled more than once: {twice:?}");
    let log = server.deliveries();
    let pushed: BTreeSet<&str> = log
        .iter()
        .filter(|d| d.event_type == "im.message.reaction.deleted_v1")
        .map(|d| d.event_id.as_str())
        .collect();
    assert_eq!(pushed.len(), EVENTS);
    let counted: BTreeSet<&str> = counts.keys().map(String::as_str).collect();
    assert_eq!(
        counted, pushed,
        "every event pushed was handled, nothing else"
    );

    let mut written: BTreeMap<String, usize> = BTreeMap::new();
    let mut per_replica = Vec::new();
    for r in &replicas {
        let ids: Vec<String> = lines(&r.out)
            .into_iter()
            .filter(|l| !l.starts_with("blocked "))
            .collect();
        per_replica.push(ids.len());
        for id in ids {
            *written.entry(id).or_default() += 1;
        }
    }
    assert_eq!(written.len(), EVENTS, "files: {per_replica:?}");
    assert!(written.values().all(|n| *n == 1), "an id written twice");
    assert!(
        per_replica.iter().all(|n| *n > 0),
        "every replica handled some: {per_replica:?}"
    );
    assert_eq!(
        written.get(&blocked),
        Some(&1),
        "the event the victim died on was handled elsewhere"
    );
    assert!(!lines(&replicas[1].out).contains(&blocked));

    // The scenario happened as described.
    let repushed = log.iter().filter(|d| d.attempt > 1).count();
    let failed = log.iter().filter(|d| d.outcome == "failed").count();
    assert!(repushed > EVENTS, "duplicates and re-pushes: {repushed}");
    assert!(
        failed > EVENTS / 20,
        "forced failures were re-pushed: {failed}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
