//! The client against a server that answers what the platform should not:
//! a token endpoint of another shape (its token must not reach an error
//! message), rate-limit resets no `Duration` can hold, paged lists whose
//! `page_token` goes round. Real HTTP on loopback; nothing panics.

use lark_sdk::prelude::*;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::Router;
use axum::extract::Query;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::routing::{delete, get, post};
use futures_util::StreamExt;
use lark_sdk::Client;
use lark_sdk::client::{Error, TokenError, TransportError};
use lark_sdk::im::v1::DeleteMessageReactionRequest as Delete;
use lark_sdk::im::v1::ListMessageReactionRequest as List;
use lark_tests::serve;

const TOKEN: &str = "t-g1044leakedtenanttoken";
const SECRET: &str = "the-app-secret-7f3a";
const TOKEN_PATH: &str = "/open-apis/auth/v3/tenant_access_token/internal";
const DELETE_PATH: &str = "/open-apis/im/v1/messages/{message_id}/reactions/{reaction_id}";
const LIST_PATH: &str = "/open-apis/im/v1/messages/{message_id}/reactions";

/// A router whose token endpoint hands out a tenant token.
fn with_token() -> Router {
    Router::new().route(
        TOKEN_PATH,
        post(|| async {
            axum::Json(serde_json::json!(
                {"code": 0, "msg": "ok", "tenant_access_token": "t-1", "expire": 7200}
            ))
        }),
    )
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
        let router = with_token().route(
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

/// A server whose reaction list answers `page(page_token)`, one item a page.
async fn list_server(page: fn(Option<&str>) -> serde_json::Value) -> String {
    let router = with_token().route(
        LIST_PATH,
        get(
            move |Query(query): Query<std::collections::HashMap<String, String>>| async move {
                let token = query.get("page_token").map(String::as_str);
                let data = page(token);
                axum::Json(serde_json::json!({"code": 0, "msg": "success", "data": data}))
            },
        ),
    );
    serve(router).await
}

#[tokio::test]
async fn a_page_token_seen_pages_before_ends_the_walk() {
    // a → b → c → a: never the token just followed, but one followed before.
    let url = list_server(|token| {
        let (id, next) = match token {
            None => ("r_0", "a"),
            Some("a") => ("r_a", "b"),
            Some("b") => ("r_b", "c"),
            _ => ("r_c", "a"),
        };
        serde_json::json!({"items": [{"reaction_id": id}], "has_more": true, "page_token": next})
    })
    .await;
    let client = client(&url);
    let mut items = client
        .im()
        .v1()
        .message_reaction()
        .list_all(List::new("om_1"));
    let mut ids = Vec::new();
    let error = tokio::time::timeout(Duration::from_secs(10), async {
        loop {
            match items.next().await {
                Some(Ok(item)) => ids.push(item.reaction_id.unwrap_or_default()),
                Some(Err(error)) => break error,
                None => panic!("the list has no end"),
            }
        }
    })
    .await
    .expect("the walk stops");
    // The page that repeats a token still gives its item.
    assert_eq!(ids, ["r_0", "r_a", "r_b", "r_c"]);
    let Error::Transport(TransportError::PageTokenRepeated { page, token, .. }) = &error else {
        panic!("{error:?}");
    };
    assert_eq!((*page, token.as_str()), (4, "a"));
    assert!(error.to_string().contains("already followed"), "{error}");
    assert!(items.next().await.is_none(), "an error ends the stream");
}

#[tokio::test]
async fn has_more_without_a_page_token_ends_the_walk() {
    let missing =
        |_: Option<&str>| serde_json::json!({"items": [{"reaction_id": "r_1"}], "has_more": true});
    let empty = |_: Option<&str>| serde_json::json!({"items": [{"reaction_id": "r_1"}], "has_more": true, "page_token": ""});
    for page in [missing as fn(Option<&str>) -> serde_json::Value, empty] {
        let client = client(&list_server(page).await);
        let result = tokio::time::timeout(
            Duration::from_secs(10),
            client.paginate(List::new("om_1")).try_collect(),
        )
        .await
        .expect("the walk stops");
        assert!(
            matches!(
                result,
                Err(Error::Transport(TransportError::PageTokenMissing {
                    page: 1,
                    ..
                }))
            ),
            "{result:?}"
        );
    }
}
