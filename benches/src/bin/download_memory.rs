//! Peak memory of a download: the local server streams a file of 100 MiB,
//! generated as it goes, and the client reads it a chunk at a time. Prints
//! the growth of the process's peak resident memory (`VmHWM`) over the
//! download, then the same for reading the whole file into memory with
//! `Download::bytes`, for contrast.
//!
//! ```text
//! cargo run --release -p lark-benches --bin download_memory
//! ```

#[allow(dead_code, missing_docs)]
mod download {
    include!("../../../tests/golden/download.rs");
}

use std::sync::Arc;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use download::im::v1::GetMessageResourceRequest;
use futures_util::StreamExt;
use lark_benches::peak_rss_kib;
use lark_devserver::api::{Reply, endpoint, guard};
use lark_devserver::{Config, DevServer, Shared};
use lark_sdk::Client;

const CHUNK: usize = 64 << 10;

async fn resource(
    State(shared): State<Arc<Shared>>,
    Path((_message_id, file_key)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    if let Err(reply) =
        guard::<GetMessageResourceRequest>(&shared, &headers, Reply::platform(99991663, 400)).await
    {
        return reply.into_response();
    }
    let size: usize = file_key.parse().unwrap_or(0);
    let chunk = Bytes::from(vec![7u8; CHUNK]);
    let chunks = futures_util::stream::iter((0..size).step_by(CHUNK))
        .map(move |start| Ok::<_, std::io::Error>(chunk.slice(..(size - start).min(CHUNK))));
    (
        [
            (header::CONTENT_TYPE, "application/octet-stream".to_owned()),
            (header::CONTENT_LENGTH, size.to_string()),
        ],
        Body::from_stream(chunks),
    )
        .into_response()
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let routes = endpoint::<GetMessageResourceRequest, _, _>(Router::new(), resource);
    let server = DevServer::start_with(Config::default(), routes).await?;
    let app = server.create_app(Default::default())?;
    let client = Client::builder(app.app_id, app.app_secret)
        .base_url(server.url())
        .build()?;
    let request = |size: usize| GetMessageResourceRequest::new("om_1", size.to_string(), "file");

    // Warm up: a token, a connection, the buffers of both ends.
    let mut warm = client.download(&request(4 << 20)).await?;
    while warm.chunk().await?.is_some() {}
    let size = 100 << 20;

    let before = peak_rss_kib().unwrap_or(0);
    let mut file = client.download(&request(size)).await?;
    let mut read = 0usize;
    while let Some(chunk) = file.chunk().await? {
        read += chunk.len();
    }
    let streamed = peak_rss_kib().unwrap_or(0);
    assert_eq!(read, size);

    let whole = client.download(&request(size)).await?.bytes().await?;
    let buffered = peak_rss_kib().unwrap_or(0);
    assert_eq!(whole.len(), size);

    println!(
        "100 MiB download, peak memory growth: {:.1} MiB read by chunks; {:.1} MiB more when read whole with bytes()",
        (streamed.saturating_sub(before)) as f64 / 1024.0,
        (buffered.saturating_sub(streamed)) as f64 / 1024.0,
    );
    server.shutdown().await;
    Ok(())
}
