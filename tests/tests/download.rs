//! Downloads over loopback: the local server streams a file of several
//! MiB (generated as it goes, never held whole) with its content type and a
//! UTF-8 file name; the client reads it a chunk at a time, byte-identical;
//! an error answer on the same endpoint is the endpoint's typed error.

#[allow(dead_code)]
mod download {
    include!("../golden/download.rs");
}

use std::sync::Arc;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use download::im::v1::{GetMessageResourceError, GetMessageResourceRequest};
use futures_util::StreamExt;
use lark_devserver::Shared;
use lark_devserver::api::{Reply, endpoint, guard};
use lark_sdk::client::Error;

const SIZE: usize = 8 << 20;
const CHUNK: usize = 64 << 10;

/// Byte `i` of the served file.
fn byte(i: usize) -> u8 {
    (i.wrapping_mul(31) ^ (i >> 11)) as u8
}

#[derive(serde::Deserialize)]
struct Kind {
    r#type: String,
}

async fn resource(
    State(shared): State<Arc<Shared>>,
    Path((message_id, file_key)): Path<(String, String)>,
    Query(kind): Query<Kind>,
    headers: HeaderMap,
) -> Response {
    if let Err(reply) =
        guard::<GetMessageResourceRequest>(&shared, &headers, Reply::platform(99991663, 400)).await
    {
        return reply.into_response();
    }
    if file_key != "img_v3_cat" || message_id != "om_1" || kind.r#type != "image" {
        return Reply::spec(GetMessageResourceError::FILE_NOT_IN_MESSAGE).into_response();
    }
    let chunks = futures_util::stream::iter((0..SIZE).step_by(CHUNK)).map(|start| {
        let end = (start + CHUNK).min(SIZE);
        Ok::<_, std::io::Error>(Bytes::from((start..end).map(byte).collect::<Vec<u8>>()))
    });
    (
        [
            (header::CONTENT_TYPE, "image/png".to_owned()),
            (header::CONTENT_LENGTH, SIZE.to_string()),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"cat.png\"; filename*=UTF-8''%E7%8C%AB.png".to_owned(),
            ),
        ],
        Body::from_stream(chunks),
    )
        .into_response()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_download_streams_byte_identical_and_errors_stay_typed() {
    let routes = endpoint::<GetMessageResourceRequest, _, _>(Router::new(), resource);
    let (server, client) = lark_tests::server_with(routes).await;

    let request = GetMessageResourceRequest::new("om_1", "img_v3_cat", "image");
    let mut file = client.download(&request).await.unwrap();
    assert_eq!(file.content_type(), Some("image/png"));
    assert_eq!(file.file_name(), Some("猫.png"));
    assert_eq!(file.content_length(), Some(SIZE as u64));
    let (mut at, mut chunks, mut largest) = (0usize, 0usize, 0usize);
    while let Some(chunk) = file.chunk().await.unwrap() {
        assert!(
            chunk.iter().enumerate().all(|(k, b)| *b == byte(at + k)),
            "a byte differs in the chunk at {at}"
        );
        at += chunk.len();
        chunks += 1;
        largest = largest.max(chunk.len());
    }
    assert_eq!(at, SIZE);
    assert_eq!(file.received(), SIZE as u64);
    assert!(chunks > 1 && largest < SIZE, "read in chunks, not whole");

    // The same file as a stream, gathered.
    let stream = client.download(&request).await.unwrap().into_stream();
    let total = stream
        .fold(0usize, |n, chunk| async move { n + chunk.unwrap().len() })
        .await;
    assert_eq!(total, SIZE);

    let missing = client
        .download(&GetMessageResourceRequest::new(
            "om_1",
            "img_v3_dog",
            "image",
        ))
        .await;
    assert!(
        matches!(
            missing,
            Err(Error::Api(GetMessageResourceError::FileNotInMessage(_)))
        ),
        "{missing:?}"
    );
    server.shutdown().await;
}
