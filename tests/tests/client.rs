//! The client against the local server: tokens (cache, early refresh,
//! eviction and retry, one fetch for many callers), rate limits, timeouts,
//! bodies that are not the platform's, and secrets that never show.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use lark_devserver::{Config, Faults};
use lark_sdk::client::{Error, TokenError, TransportError};
use lark_sdk::common::PlatformError;
use lark_sdk::im::v1::{DeleteMessageReactionError as E, DeleteMessageReactionRequest as Delete};
use lark_sdk::{Client, RequestOptions};
use lark_tests::Scene;

fn delete(scene: &Scene, reaction: &str) -> Delete {
    Delete::new(&scene.message.message_id, reaction)
}

#[tokio::test]
async fn tokens_are_cached_across_calls() {
    let scene = Scene::new().await;
    for _ in 0..5 {
        let reaction = scene.react(&scene.bot, "OK");
        scene.client.call(&delete(&scene, &reaction)).await.unwrap();
    }
    assert_eq!(scene.client.token_fetches(), 1);
    assert_eq!(scene.server.tokens_issued(), 1);
}

#[tokio::test]
async fn tokens_are_refreshed_before_they_expire() {
    // 182 s tokens refresh 180 s early: after 2 s.
    let scene = Scene::with(Config {
        token_lifetime: Duration::from_secs(182),
        ..Config::default()
    })
    .await;
    let first = scene.client.tenant_access_token(None).await.unwrap();
    assert_eq!(scene.client.tenant_access_token(None).await.unwrap(), first);
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let second = scene.client.tenant_access_token(None).await.unwrap();
    assert_ne!(second, first, "refreshed while the old one was still valid");
    assert_eq!(scene.client.token_fetches(), 2);
}

#[tokio::test]
async fn a_refused_token_is_dropped_and_the_call_made_again() {
    let scene = Scene::new().await;
    scene.client.tenant_access_token(None).await.unwrap();
    scene.server.expire_tokens();
    let reaction = scene.react(&scene.bot, "OK");
    let data = scene
        .client
        .call(&delete(&scene, &reaction))
        .await
        .expect("retried with a new token");
    assert_eq!(data.reaction_id.as_deref(), Some(reaction.as_str()));
    assert_eq!(scene.client.token_fetches(), 2);
}

#[tokio::test]
async fn a_thousand_concurrent_calls_on_a_cold_cache_fetch_one_token() {
    let scene = Scene::with(Config {
        rate_limits: false,
        ..Config::default()
    })
    .await;
    let calls = (0..1000).map(|i| {
        let client = scene.client.clone();
        let request = Delete::new(&scene.message.message_id, format!("no-such-reaction-{i}"));
        tokio::spawn(async move { client.call(&request).await })
    });
    for call in futures_util::future::join_all(calls).await {
        assert!(matches!(
            call.unwrap(),
            Err(Error::Api(E::InvalidReactionId(_)))
        ));
    }
    assert_eq!(scene.client.token_fetches(), 1);
    assert_eq!(scene.server.tokens_issued(), 1);
}

#[tokio::test]
async fn rate_limited_calls_wait_for_the_reset_and_retry() {
    let scene = Scene::new().await;
    scene.server.set_faults(Faults {
        rate_limit_next: 1,
        rate_limit_reset_secs: 1,
        ..Faults::default()
    });
    let reaction = scene.react(&scene.bot, "OK");
    let started = Instant::now();
    scene
        .client
        .call(&delete(&scene, &reaction))
        .await
        .expect("succeeds after the wait");
    assert!(
        started.elapsed() >= Duration::from_millis(950),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn rate_limits_past_the_retries_come_back_typed() {
    let scene = Scene::new().await;
    scene.server.set_faults(Faults {
        rate_limit_next: 10,
        rate_limit_reset_secs: 1,
        ..Faults::default()
    });
    let client = Client::builder(scene.app.app_id.clone(), scene.app.app_secret.clone())
        .base_url(scene.server.url())
        .max_retries(1)
        .max_rate_limit_wait(Duration::from_millis(10))
        .build()
        .unwrap();
    let result = client.call(&delete(&scene, "r")).await;
    let Err(Error::Api(E::Platform(PlatformError::RateLimited(error)))) = result else {
        panic!("{result:?}");
    };
    assert_eq!(error.http_status, Some(429));
}

#[tokio::test]
async fn the_server_enforces_the_documented_limit_and_the_client_keeps_under_it() {
    let scene = Scene::new().await;
    // Without the client's limiter, the 51st call in a second is refused.
    let mut limited = 0;
    let client = Client::builder(scene.app.app_id.clone(), scene.app.app_secret.clone())
        .base_url(scene.server.url())
        .rate_limit(false)
        .max_retries(0)
        .build()
        .unwrap();
    for i in 0..55 {
        if let Err(Error::Api(E::Platform(PlatformError::RateLimited(_)))) =
            client.call(&delete(&scene, &format!("r{i}"))).await
        {
            limited += 1;
        }
    }
    assert!(limited >= 4, "{limited} calls were limited");

    // With it (the default), calls wait their turn and all get through.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let polite = Client::builder(scene.app.app_id.clone(), scene.app.app_secret.clone())
        .base_url(scene.server.url())
        .build()
        .unwrap();
    let started = Instant::now();
    for i in 0..60 {
        let result = polite.call(&delete(&scene, &format!("p{i}"))).await;
        assert!(
            matches!(result, Err(Error::Api(E::InvalidReactionId(_)))),
            "{result:?}"
        );
    }
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "60 calls at 50/s take a second"
    );
}

#[tokio::test]
async fn slow_answers_time_out() {
    let scene = Scene::new().await;
    scene.client.tenant_access_token(None).await.unwrap();
    scene.server.set_faults(Faults {
        latency_ms: 500,
        ..Faults::default()
    });
    let options = RequestOptions::new().timeout(Duration::from_millis(100));
    let result = scene.client.call_with(&delete(&scene, "r"), &options).await;
    assert!(
        matches!(
            result,
            Err(Error::Transport(TransportError::Timeout { .. }))
        ),
        "{result:?}"
    );
}

#[tokio::test]
async fn a_body_that_is_not_json_is_a_transport_error_and_a_delete_is_not_retried() {
    let scene = Scene::new().await;
    scene.client.tenant_access_token(None).await.unwrap();
    scene.server.set_faults(Faults {
        fail_next: 1,
        fail_status: 502,
        ..Faults::default()
    });
    let reaction = scene.react(&scene.bot, "OK");
    let result = scene.client.call(&delete(&scene, &reaction)).await;
    let Err(Error::Transport(TransportError::UnexpectedBody { status, .. })) = result else {
        panic!("{result:?}");
    };
    assert_eq!(status, 502);
    assert_eq!(
        scene.server.world().reactions.len(),
        1,
        "not retried, not deleted"
    );
}

#[tokio::test]
async fn an_unreachable_server_is_a_connect_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let client = Client::builder("cli_a", "s")
        .base_url(format!("http://127.0.0.1:{port}"))
        .max_retries(1)
        .build()
        .unwrap();
    let result = client.call(&Delete::new("om_1", "r")).await;
    assert!(
        matches!(
            result,
            Err(Error::Token(TokenError::Transport(
                TransportError::Connect { .. }
            )))
        ),
        "{result:?}"
    );
}

#[tokio::test]
async fn a_wrong_secret_is_a_token_error_with_the_platform_s_code() {
    let scene = Scene::new().await;
    let client = Client::builder(scene.app.app_id.clone(), "not the secret")
        .base_url(scene.server.url())
        .build()
        .unwrap();
    let result = client.call(&delete(&scene, "r")).await;
    let Err(error @ Error::Token(TokenError::Api(_))) = result else {
        panic!("{result:?}");
    };
    assert_eq!(error.code(), Some(10_015));
}

#[test]
fn the_base_url_picks_the_platform() {
    let feishu = Client::builder("cli_a", "s").build().unwrap();
    assert_eq!(feishu.base_url(), "https://open.feishu.cn");
    let lark = Client::builder("cli_a", "s").lark().build().unwrap();
    assert_eq!(lark.base_url(), "https://open.larksuite.com");
    let proxy = Client::builder("cli_a", "s")
        .base_url("http://127.0.0.1:9/")
        .build()
        .unwrap();
    assert_eq!(proxy.base_url(), "http://127.0.0.1:9");
    assert!(
        Client::builder("cli_a", "s")
            .base_url("open.feishu.cn")
            .build()
            .is_err()
    );
    assert!(Client::builder("", "s").build().is_err());
}

/// Collects every event and span field the client logs.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<String>>);

impl tracing::field::Visit for Capture {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        let mut text = self.0.lock().unwrap();
        text.push_str(&format!("{}={value:?} ", field.name()));
    }
}

impl tracing::Subscriber for Capture {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, span: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        span.record(&mut self.clone());
        tracing::span::Id::from_u64(1)
    }
    fn record(&self, _: &tracing::span::Id, values: &tracing::span::Record<'_>) {
        values.record(&mut self.clone());
    }
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        event.record(&mut self.clone());
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

#[tokio::test]
async fn secrets_and_tokens_never_show_in_debug_output_or_logs() {
    let scene = Scene::new().await;
    let capture = Capture::default();
    let _guard = tracing::subscriber::set_default(capture.clone());
    scene.server.expire_tokens();
    scene.client.tenant_access_token(None).await.unwrap();
    scene.server.expire_tokens();
    let reaction = scene.react(&scene.bot, "OK");
    scene.client.call(&delete(&scene, &reaction)).await.unwrap();
    let user_token = scene
        .server
        .user_token(&scene.app.app_id, &scene.user.open_id)
        .unwrap();
    let options = RequestOptions::new().user_access_token(user_token.clone());
    let _ = scene
        .client
        .call_with(&delete(&scene, "none"), &options)
        .await;
    let token = scene.client.tenant_access_token(None).await.unwrap();

    let logs = capture.0.lock().unwrap().clone();
    assert!(
        logs.contains("endpoint=\"im.v1.message_reaction.delete\""),
        "{logs}"
    );
    assert!(
        logs.contains("code=99991663"),
        "the refused token was logged by code: {logs}"
    );
    let shown = format!("{:?} {:?} {:?} {logs}", scene.client, options, token);
    for secret in [
        scene.app.app_secret.as_str(),
        token.expose(),
        user_token.as_str(),
    ] {
        assert!(!shown.contains(secret), "{secret} shows in {shown}");
    }
    assert!(shown.contains(&scene.app.app_id));
}
