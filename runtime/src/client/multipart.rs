//! A [`Form`] as one `multipart/form-data` body, its files read as it is
//! sent (never held whole), their documented size limits checked first.

use futures_util::StreamExt;
use reqwest::Body;
use reqwest::multipart::{Form as Multipart, Part as HttpPart};

use crate::error::InvalidRequest;
use crate::upload::{ByteStream, Form, Part, Source, UploadFile};

/// The body of one attempt. Files on disk are opened anew; a stream is
/// taken (a second attempt finds it gone and says so).
pub(crate) async fn encode(
    endpoint: &'static str,
    form: &Form,
) -> Result<Multipart, InvalidRequest> {
    let mut body = Multipart::new();
    for (name, part) in &form.parts {
        body = match part {
            Part::Text(text) => body.text(*name, text.clone()),
            Part::File { file, max_bytes } => {
                let part = file_part(endpoint, name, file, *max_bytes).await?;
                body.part(*name, part)
            }
        };
    }
    Ok(body)
}

async fn file_part(
    endpoint: &'static str,
    field: &'static str,
    file: &UploadFile,
    max_bytes: Option<u64>,
) -> Result<HttpPart, InvalidRequest> {
    let refused = |reason: String| InvalidRequest::File {
        endpoint,
        field,
        reason,
    };
    let within = |length: u64| match max_bytes {
        Some(max) if length > max => Err(InvalidRequest::OutOfBounds {
            endpoint,
            field: field.into(),
            bound: format!("at most {max} bytes"),
            found: format!("{length} bytes"),
        }),
        _ => Ok(()),
    };
    let part = match &file.source {
        Source::Bytes(bytes) => {
            let length = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
            within(length)?;
            HttpPart::stream_with_length(Body::from(bytes.clone()), length)
        }
        Source::Path(path) => {
            let opened = tokio::fs::File::open(path)
                .await
                .map_err(|e| refused(format!("{} cannot be opened: {e}", path.display())))?;
            let metadata = opened
                .metadata()
                .await
                .map_err(|e| refused(format!("{} cannot be measured: {e}", path.display())))?;
            if !metadata.is_file() {
                return Err(refused(format!("{} is not a file", path.display())));
            }
            within(metadata.len())?;
            HttpPart::stream_with_length(Body::from(opened), metadata.len())
        }
        Source::Stream { stream, length } => {
            let taken = stream.lock().unwrap_or_else(|e| e.into_inner()).take();
            let Some(stream) = taken else {
                return Err(refused(
                    "a stream is read once, and an earlier attempt of this call read it \
                     (give the file as bytes or a path for a call that may be sent again)"
                        .to_owned(),
                ));
            };
            match length {
                Some(length) => {
                    within(*length)?;
                    HttpPart::stream_with_length(Body::wrap_stream(stream), *length)
                }
                None => HttpPart::stream(Body::wrap_stream(capped(stream, max_bytes))),
            }
        }
    };
    let mut part = part.mime_str(file.content_type()).map_err(|e| {
        refused(format!(
            "`{}` is not a content type: {e}",
            file.content_type()
        ))
    })?;
    if let Some(name) = file.file_name() {
        part = part.file_name(name.to_owned());
    }
    Ok(part)
}

/// A stream of unknown length that fails once it passes `max_bytes`, so
/// that no more than the limit (and one chunk) is sent.
fn capped(stream: ByteStream, max_bytes: Option<u64>) -> ByteStream {
    let Some(max) = max_bytes else {
        return stream;
    };
    let mut sent = 0u64;
    Box::pin(stream.map(move |chunk| {
        let chunk = chunk?;
        sent = sent.saturating_add(u64::try_from(chunk.len()).unwrap_or(u64::MAX));
        if sent > max {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("the file passed its limit of {max} bytes"),
            ));
        }
        Ok(chunk)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_known_length_over_the_limit_is_refused_before_sending() {
        let mut form = Form::new();
        form.file(
            "image",
            UploadFile::from_bytes("a.png", vec![0; 11]),
            Some(10),
        );
        let error = encode("im.v1.image.create", &form).await.unwrap_err();
        assert_eq!(
            error.to_string(),
            "im.v1.image.create: `image` is 11 bytes, but must be at most 10 bytes"
        );
    }

    #[tokio::test]
    async fn a_stream_is_taken_once() {
        let chunks = futures_util::stream::iter([Ok(bytes::Bytes::from_static(b"abc"))]);
        let mut form = Form::new();
        form.file(
            "file",
            UploadFile::from_stream("a.txt", chunks, Some(3)),
            None,
        );
        assert!(encode("x", &form).await.is_ok());
        let error = encode("x", &form).await.unwrap_err();
        assert!(
            error.to_string().contains("a stream is read once"),
            "{error}"
        );
    }

    #[tokio::test]
    async fn a_missing_file_is_named() {
        let mut form = Form::new();
        form.file("file", UploadFile::from_path("/nonexistent/a.pdf"), None);
        let error = encode("x", &form).await.unwrap_err();
        assert!(
            error.to_string().starts_with(
                "x: the file `file` cannot be sent: /nonexistent/a.pdf cannot be opened"
            ),
            "{error}"
        );
    }

    #[tokio::test]
    async fn an_unmeasured_stream_stops_past_its_limit() {
        let chunks = futures_util::stream::iter([
            Ok(bytes::Bytes::from_static(b"abcd")),
            Ok(bytes::Bytes::from_static(b"efgh")),
        ]);
        let mut capped = capped(Box::pin(chunks), Some(6));
        assert!(capped.next().await.is_some_and(|c| c.is_ok()));
        let second = capped.next().await;
        assert!(second.is_some_and(|c| c.is_err()));
    }
}
