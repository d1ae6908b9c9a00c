//! The webhook as an axum handler.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use lark_runtime::event::{Dispatcher, Webhook};
//!
//! let webhook = Webhook::builder(Dispatcher::new().fallback(|raw| async move {
//!     println!("{}", raw.event_type());
//!     Ok(())
//! }))
//! .verification_token("v_token")
//! .encrypt_key("encrypt key")
//! .build()
//! .expect("a token and a key are set");
//! let app = lark_runtime::event::axum::router("/webhook/event", webhook);
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:7777").await?;
//! axum::serve(listener, app).await
//! # }
//! ```

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;

use super::webhook::Webhook;

/// A router answering `POST path` with the webhook.
pub fn router(path: &str, webhook: Webhook) -> Router {
    // One byte past the webhook's limit, so that a body just over it still
    // reaches the webhook and gets its JSON 413; axum cuts anything larger.
    let limit = webhook.max_body().saturating_add(1);
    Router::new()
        .route(path, post(handle))
        .layer(DefaultBodyLimit::max(limit))
        .with_state(Arc::new(webhook))
}

/// The handler itself, for routers of your own (state: `Arc<Webhook>`).
pub async fn handle(
    State(webhook): State<Arc<Webhook>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let answer = webhook.handle(&headers, &body).await;
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (
        status,
        [(header::CONTENT_TYPE, super::webhook::Response::CONTENT_TYPE)],
        answer.body.into_owned(),
    )
        .into_response()
}
