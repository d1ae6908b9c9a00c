//! Uploads over loopback: a real PNG sent as `multipart/form-data` from a
//! path and downloaded back byte-identical, a file streamed up and down, the
//! documented size limits refused before sending and enforced by the local
//! server, and the request on the wire as the platform documents it (the
//! part names, one `Content-Type`), read from the platform's facts in
//! `tests/platform/im-upload.meta.json`.

use std::path::PathBuf;

use futures_util::StreamExt;
use lark_sdk::client::{Error, RequestOptions};
use lark_sdk::im::v1::{
    CreateFileError, CreateFileRequest, CreateFileRequestBody, CreateImageError,
    CreateImageRequest, CreateImageRequestBody, FileType, GetImageError, GetImageRequest,
    ImageType,
};
use lark_sdk::prelude::*;
use lark_sdk::{InvalidRequest, UploadFile};
use lark_tests::Scene;
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn png_path() -> PathBuf {
    lark_tests::here().join("data").join("gradient.png")
}

fn facts() -> Value {
    lark_tests::platform_json("im-upload.meta.json")
}

/// An error row of the facts: (HTTP status, code, msg).
fn row(endpoint: &str, code: i64) -> (u64, i64, String) {
    let facts = facts();
    let row = facts[endpoint]["errors"]
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["code"] == code))
        .unwrap_or_else(|| panic!("{endpoint} documents {code}"))
        .clone();
    (
        row["http"].as_u64().unwrap(),
        code,
        row["msg"].as_str().unwrap().to_owned(),
    )
}

fn upload(file: UploadFile) -> CreateImageRequest {
    CreateImageRequest::new(CreateImageRequestBody::new(ImageType::Message, file))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_png_goes_up_from_its_path_and_comes_back_byte_identical() {
    let scene = Scene::new().await;
    let png = std::fs::read(png_path()).unwrap();
    let images = scene.client.im().v1().image();

    let created = images
        .create(upload(UploadFile::from_path(png_path())))
        .await
        .unwrap();
    assert!(
        created.image_key.starts_with("img_"),
        "{}",
        created.image_key
    );
    {
        let world = scene.server.world();
        let stored = &world.files[&created.image_key];
        assert_eq!(stored.content_type, "image/png");
        assert_eq!(stored.file_name.as_deref(), Some("gradient.png"));
        assert_eq!(stored.bytes.as_ref(), png.as_slice());
    }

    let mut file = images
        .get(GetImageRequest::new(created.image_key.clone()))
        .await
        .unwrap();
    assert_eq!(file.content_type(), Some("image/png"));
    assert_eq!(file.content_length(), Some(png.len() as u64));
    let mut back = Vec::new();
    while let Some(chunk) = file.chunk().await.unwrap() {
        back.extend_from_slice(&chunk);
    }
    assert_eq!(back, png);

    // The same image from memory gets a key of its own.
    let again = images
        .create(upload(UploadFile::from_bytes("copy.png", png.clone())))
        .await
        .unwrap();
    assert_ne!(again.image_key, created.image_key);
    scene.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_streams_up_and_down() {
    let scene = Scene::new().await;
    // Over axum's default body limit, in chunks, of unknown length.
    const SIZE: usize = 3 << 20;
    let byte = |i: usize| (i.wrapping_mul(7) ^ (i >> 9)) as u8;
    let chunks = futures_util::stream::iter((0..SIZE).step_by(64 << 10)).map(move |start| {
        let end = (start + (64 << 10)).min(SIZE);
        Ok::<_, std::io::Error>(bytes_of((start..end).map(byte).collect()))
    });
    let file = UploadFile::from_stream("notes.bin", chunks, None);
    let body = CreateFileRequestBody::new(FileType::Stream, "notes.bin", file).duration(1500);
    let created = scene
        .client
        .im()
        .v1()
        .file()
        .create(CreateFileRequest::new(body))
        .await
        .unwrap();
    assert!(
        created.file_key.starts_with("file_"),
        "{}",
        created.file_key
    );

    let download = scene
        .client
        .im()
        .v1()
        .file()
        .get(lark_sdk::im::v1::GetFileRequest::new(created.file_key))
        .await
        .unwrap();
    assert_eq!(download.file_name(), Some("notes.bin"));
    let (mut at, mut chunks) = (0usize, 0usize);
    let mut stream = std::pin::pin!(download.into_stream());
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.unwrap();
        assert!(chunk.iter().enumerate().all(|(k, b)| *b == byte(at + k)));
        at += chunk.len();
        chunks += 1;
    }
    assert_eq!(at, SIZE);
    assert!(chunks > 1, "read in chunks");
    scene.server.shutdown().await;
}

fn bytes_of(v: Vec<u8>) -> axum::body::Bytes {
    v.into()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_over_the_documented_limit_is_refused_before_sending() {
    let scene = Scene::new().await;
    let limit = facts()["image_create"]["max_bytes"].as_u64().unwrap();
    let mut big = std::fs::read(png_path()).unwrap();
    big.resize(limit as usize + 1, 0);
    let refused = scene
        .client
        .im()
        .v1()
        .image()
        .create(upload(UploadFile::from_bytes("big.png", big)))
        .await;
    match refused {
        Err(Error::InvalidRequest(InvalidRequest::OutOfBounds {
            field,
            bound,
            found,
            ..
        })) => {
            assert_eq!(field, "image");
            assert_eq!(bound, format!("at most {limit} bytes"));
            assert_eq!(found, format!("{} bytes", limit + 1));
        }
        other => panic!("{other:?}"),
    }
    // A declared stream length is checked the same way.
    let chunks = futures_util::stream::iter([Ok(bytes_of(vec![0; 8]))]);
    let refused = scene
        .client
        .im()
        .v1()
        .image()
        .create(upload(UploadFile::from_stream(
            "s.png",
            chunks,
            Some(limit + 5),
        )))
        .await;
    assert!(
        matches!(
            refused,
            Err(Error::InvalidRequest(InvalidRequest::OutOfBounds { .. }))
        ),
        "{refused:?}"
    );
    assert!(scene.server.world().files.is_empty());
    scene.server.shutdown().await;
}

/// A tenant token for raw requests.
async fn tenant_token(scene: &Scene) -> String {
    let answer: Value = reqwest::Client::new()
        .post(format!(
            "{}/open-apis/auth/v3/tenant_access_token/internal",
            scene.server.url()
        ))
        .json(&serde_json::json!({"app_id": scene.app.app_id, "app_secret": scene.app.app_secret}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    answer["tenant_access_token"].as_str().unwrap().to_owned()
}

/// A raw upload of `form` to the image endpoint: (HTTP status, code, msg).
async fn raw_upload(scene: &Scene, form: reqwest::multipart::Form) -> (u16, i64, String) {
    let token = tenant_token(scene).await;
    let url = facts()["image_create"]["url"].as_str().unwrap().to_owned();
    let response = reqwest::Client::new()
        .post(format!("{}{url}", scene.server.url()))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let body: Value = response.json().await.unwrap();
    (
        status,
        body["code"].as_i64().unwrap(),
        body["msg"].as_str().unwrap_or_default().to_owned(),
    )
}

fn png_part(bytes: Vec<u8>) -> reqwest::multipart::Part {
    reqwest::multipart::Part::bytes(bytes)
        .file_name("x.png")
        .mime_str("image/png")
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_local_server_enforces_the_documented_rules() {
    let scene = Scene::new().await;
    let limit = facts()["image_create"]["max_bytes"].as_u64().unwrap() as usize;
    let mut png = std::fs::read(png_path()).unwrap();

    // One byte over the limit, sent by a client that does not check it.
    let mut big = png.clone();
    big.resize(limit + 1, 0);
    let form = reqwest::multipart::Form::new()
        .text("image_type", "message")
        .part("image", png_part(big));
    let (status, code, msg) = raw_upload(&scene, form).await;
    assert_eq!((u64::from(status), code, msg), row("image_create", 234_006));

    // Exactly the limit is taken.
    png.resize(limit, 0);
    let form = reqwest::multipart::Form::new()
        .text("image_type", "message")
        .part("image", png_part(png));
    assert_eq!(raw_upload(&scene, form).await.1, 0);

    // A file part with neither a Content-Type nor a file name, as the
    // official Python SDK sends it, is taken; the image's type is told from
    // its bytes.
    let bare = reqwest::multipart::Part::bytes(std::fs::read(png_path()).unwrap());
    let form = reqwest::multipart::Form::new()
        .text("image_type", "message")
        .part("image", bare);
    assert_eq!(raw_upload(&scene, form).await.1, 0);
    let bare_stored = scene
        .server
        .world()
        .files
        .values()
        .any(|f| f.file_name.is_none() && f.content_type == "image/png");
    assert!(bare_stored);

    // The typed errors of the rows the rules produce.
    let images = scene.client.im().v1().image();
    let empty = images
        .create(upload(UploadFile::from_bytes("e.png", Vec::new())))
        .await;
    assert!(
        matches!(empty, Err(Error::Api(CreateImageError::EmptyFile(_)))),
        "{empty:?}"
    );
    let text = images
        .create(upload(UploadFile::from_bytes(
            "t.png",
            b"not an image".to_vec(),
        )))
        .await;
    assert!(
        matches!(
            text,
            Err(Error::Api(CreateImageError::UnrecognizedImageFormat(_)))
        ),
        "{text:?}"
    );
    let (_, code, msg) = row("image_create", 234_011);
    let error = text.unwrap_err();
    assert_eq!(error.code(), Some(code));
    assert_eq!(error.api().map(|e| e.message().to_owned()), Some(msg));

    // Another app may not download the bot's image.
    let created = images
        .create(upload(UploadFile::from_path(png_path())))
        .await
        .unwrap();
    let other = scene.server.create_app(Default::default()).unwrap();
    let other = lark_sdk::Client::builder(other.app_id, other.app_secret)
        .base_url(scene.server.url())
        .build()
        .unwrap();
    let denied = other
        .im()
        .v1()
        .image()
        .get(GetImageRequest::new(created.image_key))
        .await;
    assert!(
        matches!(denied, Err(Error::Api(GetImageError::NotResourceSender(_)))),
        "{denied:?}"
    );

    // A file upload without its name.
    let token = tenant_token(&scene).await;
    let url = facts()["file_create"]["url"].as_str().unwrap().to_owned();
    let form = reqwest::multipart::Form::new()
        .text("file_type", "pdf")
        .part("file", png_part(b"%PDF-1.7".to_vec()));
    let answer: Value = reqwest::Client::new()
        .post(format!("{}{url}", scene.server.url()))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(answer["code"], CreateFileError::INVALID_REQUEST_PARAM.code);
    scene.server.shutdown().await;
}

/// The request as it reaches a plain socket: one `Content-Type`, the
/// documented part names, the file with its name and type.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_request_on_the_wire_is_one_multipart_form() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let server = tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut seen = Vec::new();
        let head_end = loop {
            let mut buf = [0u8; 8192];
            let n = socket.read(&mut buf).await.unwrap();
            assert!(n > 0, "the request ended early");
            seen.extend_from_slice(&buf[..n]);
            if let Some(at) = seen.windows(4).position(|w| w == b"\r\n\r\n") {
                break at + 4;
            }
        };
        let head = String::from_utf8(seen[..head_end].to_vec()).unwrap();
        let length: usize = head
            .lines()
            .find_map(|l| {
                let (name, value) = l.split_once(':')?;
                name.eq_ignore_ascii_case("content-length")
                    .then(|| value.trim().parse().ok())?
            })
            .expect("a content-length");
        while seen.len() < head_end + length {
            let mut buf = [0u8; 65536];
            let n = socket.read(&mut buf).await.unwrap();
            assert!(n > 0, "the body ended early");
            seen.extend_from_slice(&buf[..n]);
        }
        let answer = br#"{"code":0,"msg":"success","data":{"image_key":"img_x"}}"#;
        let reply = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
            answer.len()
        );
        socket.write_all(reply.as_bytes()).await.unwrap();
        socket.write_all(answer).await.unwrap();
        (head, seen[head_end..].to_vec())
    });

    let client = lark_sdk::Client::builder("cli_x", "secret")
        .base_url(base)
        .build()
        .unwrap();
    let options = RequestOptions::default().user_access_token("u-wire");
    let created = client
        .im()
        .v1()
        .image()
        .with(&options)
        .create(upload(UploadFile::from_path(png_path())))
        .await
        .unwrap();
    assert_eq!(created.image_key, "img_x");
    let (head, body) = server.await.unwrap();

    let facts = facts();
    let image = &facts["image_create"];
    let first = head.lines().next().unwrap();
    assert_eq!(
        first,
        format!(
            "{} {} HTTP/1.1",
            image["method"].as_str().unwrap(),
            image["url"].as_str().unwrap()
        )
    );
    let content_types: Vec<&str> = head
        .lines()
        .filter_map(|l| l.split_once(':'))
        .filter(|(name, _)| name.eq_ignore_ascii_case("content-type"))
        .map(|(_, value)| value.trim())
        .collect();
    assert_eq!(content_types.len(), 1, "{head}");
    let expected = image["content_type"].as_str().unwrap();
    let boundary = content_types[0]
        .strip_prefix(&format!("{expected}; boundary="))
        .unwrap_or_else(|| panic!("{}", content_types[0]));

    // The parts, split on the boundary.
    let png = std::fs::read(png_path()).unwrap();
    let delimiter = format!("--{boundary}");
    let text = String::from_utf8_lossy(&body);
    let parts: Vec<&str> = text.split(delimiter.as_str()).collect();
    assert_eq!(
        parts.last().map(|p| p.trim()),
        Some("--"),
        "closed by the last delimiter"
    );
    let form = image["form"].as_object().unwrap();
    let file_name = form.iter().find(|(_, v)| *v == "file").unwrap().0;
    let (type_name, values) = form.iter().find(|(_, v)| v.is_array()).unwrap();
    assert!(values.as_array().unwrap().contains(&Value::from("message")));
    let type_part = parts
        .iter()
        .find(|p| p.contains(&format!("name=\"{type_name}\"\r\n")))
        .expect("the image_type part");
    assert!(type_part.ends_with("\r\n\r\nmessage\r\n"), "{type_part:?}");
    let file_head = format!(
        "Content-Disposition: form-data; name=\"{file_name}\"; filename=\"gradient.png\"\r\nContent-Type: image/png\r\n\r\n"
    );
    let at = find(&body, file_head.as_bytes()).expect("the image part's head") + file_head.len();
    assert_eq!(&body[at..at + png.len()], png.as_slice());
    assert_eq!(&body[at + png.len()..at + png.len() + 2], b"\r\n");
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
