//! The shared stores on a real `redis-server` (started per test on a free
//! loopback port): each replica is a client or dispatcher with its own
//! connection, and the local Open Platform counts what they ask of it.

use std::sync::Arc;
use std::time::{Duration, Instant};

use lark_devserver::{AppKind, Config, DevServer, Faults, NewApp};
use lark_sdk::Client;
use lark_sdk::event::dedup::{Claim, DedupStore, Seen};
use lark_sdk::redis::{DedupOutage, Redis, RedisDedup};
use lark_tests::redis_server::RedisServer;

async fn connect(server: &RedisServer, prefix: &str) -> Redis {
    Redis::connect(&server.url(), prefix)
        .await
        .expect("redis answers")
}

/// Three replicas, each with its own connection.
async fn replicas(server: &RedisServer, prefix: &str) -> Vec<Redis> {
    let mut out = Vec::new();
    for _ in 0..3 {
        out.push(connect(server, prefix).await);
    }
    out
}

#[tokio::test]
async fn a_claim_is_won_by_one_replica_only() {
    let redis = RedisServer::start();
    let stores: Vec<RedisDedup> = replicas(&redis, "t1")
        .await
        .iter()
        .map(|r| r.dedup("cli_app"))
        .collect();
    let stores = Arc::new(stores);
    let lease = Duration::from_secs(30);
    for round in 0..50 {
        let id = format!("ev-{round}");
        // Eight claimers per replica, all at once.
        let mut tasks = Vec::new();
        for n in 0..24 {
            let stores = Arc::clone(&stores);
            let id = id.clone();
            tasks.push(tokio::spawn(async move {
                let claim = Claim::new();
                let seen = stores[n % 3].begin(&id, claim, lease).await;
                (n, claim, seen)
            }));
        }
        let mut won = Vec::new();
        for task in tasks {
            let (n, claim, seen) = task.await.unwrap();
            match seen {
                Seen::New => won.push((n, claim)),
                Seen::InProgress => {}
                Seen::Done => panic!("{id}: done before any finished"),
            }
        }
        assert_eq!(won.len(), 1, "{id}: one claim wins, got {won:?}");
        let (n, claim) = won[0];
        stores[n % 3].finish(&id, claim, true).await;
        for store in stores.iter() {
            assert_eq!(store.begin(&id, Claim::new(), lease).await, Seen::Done);
        }
    }
}

#[tokio::test]
async fn a_failed_handler_frees_the_event_and_a_lapsed_claim_changes_nothing() {
    let redis = RedisServer::start();
    let rs = replicas(&redis, "t2").await;
    let (a, b) = (rs[0].dedup("cli_app"), rs[1].dedup("cli_app"));
    let claim = Claim::new();
    assert_eq!(
        a.begin("e1", claim, Duration::from_secs(30)).await,
        Seen::New
    );
    a.finish("e1", claim, false).await;
    assert_eq!(
        b.begin("e1", Claim::new(), Duration::from_secs(30)).await,
        Seen::New,
        "a failed event is handled again, by any replica"
    );

    // A replica that died holding a claim: it lapses after the lease.
    let dead = Claim::new();
    assert_eq!(
        a.begin("e2", dead, Duration::from_millis(300)).await,
        Seen::New
    );
    assert_eq!(
        b.begin("e2", Claim::new(), Duration::from_secs(30)).await,
        Seen::InProgress
    );
    tokio::time::sleep(Duration::from_millis(400)).await;
    let second = Claim::new();
    assert_eq!(
        b.begin("e2", second, Duration::from_secs(30)).await,
        Seen::New
    );
    assert!(
        !a.try_finish("e2", dead, false).await.unwrap(),
        "the lapsed claim cannot free the new one"
    );
    assert_eq!(
        a.begin("e2", Claim::new(), Duration::from_secs(30)).await,
        Seen::InProgress
    );
    assert!(b.try_finish("e2", second, true).await.unwrap());
    assert_eq!(
        a.begin("e2", Claim::new(), Duration::from_secs(30)).await,
        Seen::Done
    );

    // Handled ids live for the TTL, then go.
    let short = rs[2].dedup("cli_app").ttl(Duration::from_millis(300));
    let claim = Claim::new();
    assert_eq!(
        short.begin("e3", claim, Duration::from_secs(1)).await,
        Seen::New
    );
    short.finish("e3", claim, true).await;
    assert_eq!(
        short
            .begin("e3", Claim::new(), Duration::from_secs(1))
            .await,
        Seen::Done
    );
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(
        short
            .begin("e3", Claim::new(), Duration::from_secs(1))
            .await,
        Seen::New
    );
}

#[tokio::test]
async fn apps_do_not_share_ids() {
    let redis = RedisServer::start();
    let r = connect(&redis, "t3").await;
    let lease = Duration::from_secs(30);
    assert_eq!(
        r.dedup("cli_a").begin("same", Claim::new(), lease).await,
        Seen::New
    );
    assert_eq!(
        r.dedup("cli_b").begin("same", Claim::new(), lease).await,
        Seen::New
    );
}

#[tokio::test]
async fn while_redis_is_down_the_chosen_policy_answers_and_it_reconnects_on_its_own() {
    let mut redis = RedisServer::start();
    let r = connect(&redis, "t4").await;
    let handle = r.dedup("cli_app");
    let refuse = r.dedup("cli_app").on_outage(DedupOutage::Refuse);
    redis.stop();
    let lease = Duration::from_secs(30);
    assert!(handle.try_begin("x", Claim::new(), lease).await.is_err());
    assert_eq!(
        handle.begin("x", Claim::new(), lease).await,
        Seen::New,
        "the default runs the handler: nothing is lost"
    );
    assert_eq!(
        refuse.begin("x", Claim::new(), lease).await,
        Seen::InProgress,
        "refuse: answered busy, the platform pushes it again"
    );
    redis.restart();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match handle.try_begin("y", Claim::new(), lease).await {
            Ok(seen) => {
                assert_eq!(seen, Seen::New);
                break;
            }
            Err(e) => assert!(Instant::now() < deadline, "no reconnection: {e}"),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn client(server: &DevServer, app: &lark_devserver::App, redis: &Redis) -> Client {
    Client::builder(app.app_id.clone(), app.app_secret.clone())
        .base_url(server.url())
        .shared(redis)
        .build()
        .expect("client")
}

#[tokio::test]
async fn three_replicas_fetch_a_token_once_and_refresh_it_once() {
    let redis = RedisServer::start();
    let server = DevServer::start(Config {
        token_lifetime: Duration::from_secs(4),
        ..Config::default()
    })
    .await
    .unwrap();
    let app = server.create_app(NewApp::default()).unwrap();
    let rs = replicas(&redis, "t5").await;
    let clients: Vec<Client> = rs
        .iter()
        .map(|r| {
            Client::builder(app.app_id.clone(), app.app_secret.clone())
                .base_url(server.url())
                .shared(r)
                // Due 1 s into its 4 s life.
                .refresh_margin(Duration::from_secs(3))
                .build()
                .unwrap()
        })
        .collect();
    let before = server.tokens_issued();
    let tokens = all_at_once(&clients).await;
    assert_eq!(
        server.tokens_issued() - before,
        1,
        "one fetch for three replicas"
    );
    assert!(tokens.iter().all(|t| t == &tokens[0]));
    let fetches: u64 = clients.iter().map(Client::token_fetches).sum();
    assert_eq!(fetches, 1);

    // Due: one replica refreshes it, the others go on with the current
    // token meanwhile (it is valid for 3 s more), then take the new one.
    tokio::time::sleep(Duration::from_millis(1200)).await;
    let during = all_at_once(&clients).await;
    assert_eq!(
        server.tokens_issued() - before,
        2,
        "one refresh for three replicas"
    );
    let fresh: Vec<&String> = during.iter().filter(|t| **t != tokens[0]).collect();
    assert!(!fresh.is_empty(), "the refresh happened");
    assert!(fresh.iter().all(|t| *t == fresh[0]), "one new token");
    let after = all_at_once(&clients).await;
    assert!(after.iter().all(|t| t == fresh[0]), "all take the new one");
    assert_eq!(server.tokens_issued() - before, 2);
}

/// Each client's tenant token, asked for by eight callers per client at once.
async fn all_at_once(clients: &[Client]) -> Vec<String> {
    let mut tasks = Vec::new();
    for _ in 0..8 {
        for c in clients {
            let c = c.clone();
            tasks.push(tokio::spawn(async move {
                c.tenant_access_token(None)
                    .await
                    .map(|t| t.expose().to_owned())
            }));
        }
    }
    let mut out = Vec::new();
    for t in tasks {
        out.push(t.await.unwrap().expect("a token"));
    }
    out
}

#[tokio::test]
async fn replicas_use_the_other_secret_s_token_never() {
    let redis = RedisServer::start();
    let server = DevServer::start(Config::default()).await.unwrap();
    let app = server.create_app(NewApp::default()).unwrap();
    let r = connect(&redis, "t6").await;
    let right = client(&server, &app, &r);
    let token = right.tenant_access_token(None).await.unwrap();
    // The same app id with a wrong secret finds no shared token: it asks
    // the platform, which refuses it.
    let wrong = Client::builder(app.app_id.clone(), "not-the-secret")
        .base_url(server.url())
        .shared(&r)
        .build()
        .unwrap();
    let refused = wrong.tenant_access_token(None).await;
    assert!(refused.is_err(), "got {refused:?} instead of a refusal");
    assert_eq!(right.tenant_access_token(None).await.unwrap(), token);
}

#[tokio::test]
async fn a_store_app_s_ticket_pushed_to_one_replica_serves_all() {
    let redis = RedisServer::start();
    let server = DevServer::start(Config::default()).await.unwrap();
    let app = server
        .create_app(NewApp {
            kind: AppKind::Store,
            ..NewApp::default()
        })
        .unwrap();
    let tenant = server
        .world()
        .create_tenant(Some("Tenant X".into()))
        .tenant_key;
    server.install_app(&app.app_id, &tenant).unwrap();
    let ticket = server.world().apps[&app.app_id]
        .app_ticket
        .clone()
        .expect("a ticket was issued");
    let rs = replicas(&redis, "t7").await;
    let store_client = |r: &Redis| {
        Client::builder(app.app_id.clone(), app.app_secret.clone())
            .app_type(lark_sdk::client::AppType::Store)
            .base_url(server.url())
            .app_ticket_wait(Duration::from_secs(2))
            .shared(r)
            .build()
            .unwrap()
    };
    let pushed_to = store_client(&rs[0]);
    let other = store_client(&rs[1]);
    // The platform pushed the ticket to the first replica.
    pushed_to.set_app_ticket(ticket);
    let deadline = Instant::now() + Duration::from_secs(5);
    let token = loop {
        match other.tenant_access_token(Some(&tenant)).await {
            Ok(token) => break token,
            Err(e) => assert!(Instant::now() < deadline, "no token: {e}"),
        }
    };
    assert!(!token.expose().is_empty());
}

#[tokio::test]
async fn three_replicas_together_keep_to_the_documented_rate() {
    let redis = RedisServer::start();
    let server = DevServer::start(Config::default()).await.unwrap();
    let app = server.create_app(NewApp::default()).unwrap();
    let (_, _, message) = lark_tests::events::chat_with_message(&server, &app);
    let rs = replicas(&redis, "t8").await;
    let clients: Vec<Client> = rs.iter().map(|r| client(&server, &app, r)).collect();
    let calls = hammer(&clients, &message.message_id, Duration::from_millis(2500)).await;
    assert_eq!(
        server.rate_limited(),
        0,
        "the platform refused none of {calls} calls"
    );
    // 50/s documented: not three times fewer than that either.
    assert!(calls >= 100, "{calls} calls in 2.5 s");

    // Without the shared store, each replica keeps to the rate alone, and
    // together they exceed it.
    let alone: Vec<Client> = (0..3)
        .map(|_| {
            Client::builder(app.app_id.clone(), app.app_secret.clone())
                .base_url(server.url())
                .max_retries(0)
                .build()
                .unwrap()
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(1100)).await;
    hammer(&alone, &message.message_id, Duration::from_millis(1500)).await;
    assert!(
        server.rate_limited() > 0,
        "three lone limiters exceed the rate"
    );
}

/// Calls the list-reactions endpoint from every client, as fast as each
/// may, for `long`; gives how many calls succeeded.
async fn hammer(clients: &[Client], message_id: &str, long: Duration) -> usize {
    use lark_sdk::im::v1::ListMessageReactionRequest;
    use lark_sdk::prelude::*;
    let end = Instant::now() + long;
    let mut tasks = Vec::new();
    for c in clients {
        for _ in 0..4 {
            let c = c.clone();
            let message_id = message_id.to_owned();
            tasks.push(tokio::spawn(async move {
                let mut ok = 0;
                while Instant::now() < end {
                    let request = ListMessageReactionRequest::new(message_id.clone());
                    if c.im().v1().message_reaction().list(request).await.is_ok() {
                        ok += 1;
                    }
                }
                ok
            }));
        }
    }
    let mut total = 0;
    for t in tasks {
        total += t.await.unwrap();
    }
    total
}

#[tokio::test]
async fn a_rate_limit_reset_holds_every_replica() {
    let redis = RedisServer::start();
    let server = DevServer::start(Config::default()).await.unwrap();
    let app = server.create_app(NewApp::default()).unwrap();
    let (_, _, message) = lark_tests::events::chat_with_message(&server, &app);
    let rs = replicas(&redis, "t9").await;
    let (a, b) = (client(&server, &app, &rs[0]), client(&server, &app, &rs[1]));
    a.tenant_access_token(None).await.unwrap();
    b.tenant_access_token(None).await.unwrap();
    server.set_faults(Faults {
        rate_limit_next: 1,
        rate_limit_reset_secs: 2,
        ..Faults::default()
    });
    use lark_sdk::im::v1::ListMessageReactionRequest;
    use lark_sdk::prelude::*;
    let first = {
        let a = a.clone();
        let id = message.message_id.clone();
        tokio::spawn(async move {
            a.im()
                .v1()
                .message_reaction()
                .list(ListMessageReactionRequest::new(id))
                .await
        })
    };
    // Once the first replica has met the 429, the second waits out its reset.
    lark_tests::events::until("the 429", || server.rate_limited_faults() == 1).await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = Instant::now();
    b.im()
        .v1()
        .message_reaction()
        .list(ListMessageReactionRequest::new(message.message_id.clone()))
        .await
        .unwrap();
    let waited = started.elapsed();
    first.await.unwrap().unwrap();
    assert!(
        waited >= Duration::from_millis(1500),
        "the second replica went ahead after {waited:?}"
    );
}
