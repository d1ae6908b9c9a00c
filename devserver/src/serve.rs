//! The HTTP/1.1 accept loop.
//!
//! Header names go out in title case (`X-Tt-Logid`, `X-Request-Id`), as the
//! platform's front end writes them: lark-oapi looks its log id up in a plain
//! dictionary of response headers by that exact spelling, so lower-case names
//! would hide it.

use std::time::Duration;

use axum::Router;
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
