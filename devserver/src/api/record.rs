//! Recording of Open API requests for [`DevServer::received`](crate::DevServer::received).

use std::sync::Arc;

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::contract::BODY_LIMIT;
use crate::Shared;
use crate::received::Received;
use crate::shared::lock;

/// Middleware: keeps a copy of each Open API request when recording is
/// on, then passes it on with its body intact.
pub(crate) async fn record(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    if !shared.config.record_requests || !request.uri().path().starts_with("/open-apis/") {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, BODY_LIMIT).await else {
        return (
            StatusCode::PAYLOAD_TOO_LARGE,
            "request body too large or cut short",
        )
            .into_response();
    };
    let received = Received {
        method: parts.method.as_str().to_owned(),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().map(str::to_owned),
        headers: parts
            .headers
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body: bytes.to_vec(),
    };
    lock(&shared.received).push(received);
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}
