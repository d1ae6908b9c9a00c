//! The HTTP/1.1 accept loop.
//!
//! Header names go out in title case (`X-Tt-Logid`, `X-Request-Id`), as the
//! platform's front end writes them: lark-oapi looks its log id up in a plain
//! dictionary of response headers by that exact spelling, so lower-case names
//! would hide it.
//!
//! An answer given before its request's body was read to the end (a body
//! refused as too large, one a route does not read) says
//! `Connection: close`: the server cannot tell where the next request would
//! start, so it closes the connection after that answer, and says so.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::Poll;
use std::time::Duration;

use axum::Router;
use axum::body::{Body, HttpBody};
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use futures_util::StreamExt;
use hyper::server::conn::http1;
use hyper_util::rt::TokioIo;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinSet;

/// Serves `app` on `listener` until `stop` fires (or its sender is dropped),
/// then closes every open connection. Upgraded connections (the long
/// connection's WebSockets) live on in their own tasks until the server's
/// state closes them.
pub(crate) async fn serve(listener: TcpListener, app: Router, stop: oneshot::Receiver<()>) {
    let mut connections = JoinSet::new();
    tokio::pin!(stop);
    loop {
        tokio::select! {
            _ = &mut stop => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    let service = TowerToHyperService::new(app.clone());
                    connections.spawn(async move {
                        let _ = http1::Builder::new()
                            .title_case_headers(true)
                            .serve_connection(TokioIo::new(stream), service)
                            .with_upgrades()
                            .await;
                    });
                }
                // Out of descriptors or a connection reset before accept:
                // wait a little rather than spin.
                Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    connections.shutdown().await;
}

/// Adds `Connection: close` to an answer whose request body was not read to
/// its end (see the module docs). Upgrades (101) keep their connection.
pub(crate) async fn close_unread(request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    if body.is_end_stream() {
        return next.run(Request::from_parts(parts, body)).await;
    }
    let read = Arc::new(AtomicBool::new(false));
    let at_end = Arc::clone(&read);
    let end = futures_util::stream::poll_fn(move |_| {
        at_end.store(true, Ordering::Relaxed);
        Poll::Ready(None)
    });
    let body = Body::from_stream(body.into_data_stream().chain(end));
    let mut response = next.run(Request::from_parts(parts, body)).await;
    if !read.load(Ordering::Relaxed) && response.status() != StatusCode::SWITCHING_PROTOCOLS {
        response
            .headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    response
}
