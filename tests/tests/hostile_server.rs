//! The client against a server that answers what the platform should not:
//! a token endpoint of another shape (its token must not reach an error
//! message), rate-limit resets no `Duration` can hold. Real HTTP on loopback;
//! nothing panics.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::routing::{delete, post};
use lark_sdk::Client;
use lark_sdk::client::{Error, TokenError, TransportError};
use lark_sdk::im::v1::DeleteMessageReactionRequest as Delete;

const TOKEN: &str = "t-g1044leakedtenanttoken";
const SECRET: &str = "the-app-secret-7f3a";
const TOKEN_PATH: &str = "/open-apis/auth/v3/tenant_access_token/internal";
const DELETE_PATH: &str = "/open-apis/im/v1/messages/{message_id}/reactions/{reaction_id}";

/// Serves `router` on a free loopback port; its base URL.
async fn serve(router: Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router).await });
    url
}

fn client(url: &str) -> Client {
    Client::builder("cli_hostile", SECRET)
        .base_url(url)
        .rate_limit(false)
        .max_rate_limit_wait(Duration::from_millis(20))
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_token_answer_of_another_shape_keeps_its_token_out_of_errors() {
    // Each body holds the token and is not the answer the client reads.
    let bodies = [
        format!(r#"{{"code":"0","msg":"ok","tenant_access_token":"{TOKEN}","expire":7200}}"#),
        format!(r#"{{"code":0,"tenant_access_token":"{TOKEN}","expire":"two hours"}}"#),
        format!(r#"[{{"tenant_access_token":"{TOKEN}"}}]"#),
        format!(r#"{{"code":0,"data":{{"Tenant_Access_Token":"{TOKEN}"}},"expire":-1}}"#),
        // Cut short: not JSON at all.
        format!(r#"{{"code":0,"tenant_access_token":"{TOKEN}"#),
    ];
    for body in bodies {
        let answer = body.clone();
        let url = serve(Router::new().route(
            TOKEN_PATH,
            post(move || {
                let answer = answer.clone();
                async move { ([("content-type", "application/json")], answer) }
            }),
        ))
        .await;
        let client = client(&url);
        let result = client.call(&Delete::new("om_1", "r_1")).await;
        let error = result.expect_err("no token can be read");
        assert!(
            matches!(
                &error,
                Error::Token(TokenError::Transport(TransportError::UnexpectedBody { .. }))
            ),
            "{body}: {error:?}"
        );
        let shown = format!("{error} {error:?} {client:?}");
        assert!(!shown.contains(TOKEN), "{body}: the token shows in {shown}");
        assert!(
            !shown.contains(SECRET),
            "{body}: the secret shows in {shown}"
        );
        assert!(shown.contains(&url), "the error says where: {shown}");
    }
}

#[tokio::test]
async fn rate_limit_resets_of_any_size_do_not_panic() {
    for reset in [
        "0",
        "9223372036854775808",
        "18446744073709551615",
        "1e30",
        "-1",
        "NaN",
        "inf",
    ] {
        let calls = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&calls);
        let router = Router::new()
            .route(
                TOKEN_PATH,
                post(|| async {
                    axum::Json(serde_json::json!(
                        {"code": 0, "msg": "ok", "tenant_access_token": "t-1", "expire": 7200}
                    ))
                }),
            )
            .route(
                DELETE_PATH,
                delete(move || {
                    counter.fetch_add(1, Ordering::SeqCst);
                    async move {
                        let mut headers = HeaderMap::new();
                        headers.insert("x-ogw-ratelimit-reset", HeaderValue::from_static(reset));
                        (
                            StatusCode::TOO_MANY_REQUESTS,
                            headers,
                            axum::Json(serde_json::json!(
                                {"code": 99991400, "msg": "request trigger frequency limit"}
                            )),
                        )
                    }
                }),
            );
        let url = serve(router).await;
        let client = client(&url);
        let result = tokio::time::timeout(
            Duration::from_secs(10),
            client.call(&Delete::new("om_1", "r_1")),
        )
        .await
        .unwrap_or_else(|_| panic!("{reset}: the wait is capped"));
        let error = result.expect_err("always rate limited");
        assert_eq!(error.code(), Some(99_991_400), "{reset}: {error:?}");
        assert!(
            calls.load(Ordering::SeqCst) > 1,
            "{reset}: retried after the reset"
        );
    }
}
