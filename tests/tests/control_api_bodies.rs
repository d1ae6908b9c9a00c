//! How the local server's control API treats the connection a body comes
//! on: a body over the limit is refused and the connection closed, saying
//! so, without waiting for the rest; a body that was read, even a refused
//! one, leaves the connection open.

use lark_devserver::{Config, DevServer};
use lark_tests::control::refusal;
use serde_json::Value;

/// Reads one HTTP/1.1 answer to its end (the server closes after it): the
/// head, lower-cased, and the body.
async fn read_to_close(stream: &mut tokio::net::TcpStream) -> (String, Vec<u8>) {
    use tokio::io::AsyncReadExt;
    let mut raw = Vec::new();
    let read = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        stream.read_to_end(&mut raw),
    )
    .await;
    assert!(read.is_ok(), "the server kept the connection open");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("an HTTP head");
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    (head, raw[split + 4..].to_vec())
}

#[tokio::test]
async fn an_oversize_body_is_refused_and_the_connection_closed_saying_so() {
    use tokio::io::AsyncWriteExt;
    let server = DevServer::start(Config::default()).await.unwrap();
    let limit = 2 * 1024 * 1024;
    for path in ["/_dev/apps", "/_dev/faults"] {
        let method = if path == "/_dev/faults" {
            "PUT"
        } else {
            "POST"
        };
        let mut stream = tokio::net::TcpStream::connect(server.addr()).await.unwrap();
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            limit * 2
        );
        stream.write_all(head.as_bytes()).await.unwrap();
        // More than the limit, less than announced: the server must answer
        // without waiting for the rest.
        let chunk = vec![b' '; 64 * 1024];
        let mut sent = 0;
        while sent <= limit {
            if stream.write_all(&chunk).await.is_err() {
                break;
            }
            sent += chunk.len();
        }
        let (head, body) = read_to_close(&mut stream).await;
        assert!(head.starts_with("http/1.1 413"), "{path}: {head}");
        assert!(head.contains("\r\nconnection: close"), "{path}: {head}");
        let answer: Value = serde_json::from_slice(&body).expect("a JSON refusal");
        let (error, field) = refusal(path, &answer);
        assert!(error.contains("larger than"), "{error}");
        assert!(field.is_null());
    }
    server.shutdown().await;
}

#[tokio::test]
async fn a_connection_stays_open_when_its_body_was_read() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let server = DevServer::start(Config::default()).await.unwrap();
    let mut stream = tokio::net::TcpStream::connect(server.addr()).await.unwrap();
    // A refused body that was read, then a good request on the same connection.
    for body in ["[5000,0]", "{}"] {
        let request = format!(
            "PUT /_dev/faults HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(request.as_bytes()).await.unwrap();
        let mut raw = vec![0; 4096];
        let n = stream.read(&mut raw).await.unwrap();
        let head = String::from_utf8_lossy(&raw[..n]).to_ascii_lowercase();
        assert!(!head.contains("connection: close"), "{head}");
        let status = if body == "{}" { "200" } else { "400" };
        assert!(head.starts_with(&format!("http/1.1 {status}")), "{head}");
    }
    // A request whose path is refused before its body is read closes, saying so.
    let request = "PATCH /_dev/apps/%FF HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}";
    stream.write_all(request.as_bytes()).await.unwrap();
    let (head, body) = read_to_close(&mut stream).await;
    assert!(head.starts_with("http/1.1 400"), "{head}");
    assert!(head.contains("\r\nconnection: close"), "{head}");
    let answer: Value = serde_json::from_slice(&body).expect("a JSON refusal");
    assert_eq!(refusal("/_dev/apps/%FF", &answer).1, "app_id");
    server.shutdown().await;
}
