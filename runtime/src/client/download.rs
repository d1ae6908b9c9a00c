//! Downloads: an endpoint whose answer is a file (`GET …/resources/:file_key`)
//! gives a [`Download`], read a chunk at a time, never held whole.
//!
//! A download endpoint answers an error as the usual JSON envelope: that
//! answer is read and decoded into the endpoint's error enum like any other.

use bytes::Bytes;
use futures_util::Stream;
use percent_encoding::percent_decode_str;

use super::answer::{Answer, Shown};
use super::error::TransportError;

/// A file the platform is sending: what it says of it, and its bytes as they
/// come.
///
/// ```no_run
/// # async fn save(mut download: lark_runtime::client::Download) -> Result<(), Box<dyn std::error::Error>> {
/// let mut file = Vec::new(); // or a tokio::fs::File
/// while let Some(chunk) = download.chunk().await? {
///     file.extend_from_slice(&chunk);
/// }
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct Download {
    url: String,
    content_type: Option<String>,
    file_name: Option<String>,
    length: Option<u64>,
    response: reqwest::Response,
    received: u64,
}

impl Download {
    pub(crate) fn new(url: &str, response: reqwest::Response) -> Self {
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        Self {
            url: url.to_owned(),
            content_type: header("content-type"),
            file_name: header("content-disposition").and_then(|d| file_name(&d)),
            length: response.content_length(),
            response,
            received: 0,
        }
    }

    /// The `Content-Type` the platform gave (`image/png`).
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }

    /// The file name from `Content-Disposition` (`filename*` preferred),
    /// as the server sent it: check it before using it as a path.
    pub fn file_name(&self) -> Option<&str> {
        self.file_name.as_deref()
    }

    /// The length in bytes, when the server said it.
    pub fn content_length(&self) -> Option<u64> {
        self.length
    }

    /// Bytes received so far.
    pub fn received(&self) -> u64 {
        self.received
    }

    /// The next chunk of the file, `None` at its end.
    pub async fn chunk(&mut self) -> Result<Option<Bytes>, TransportError> {
        let chunk = self
            .response
            .chunk()
            .await
            .map_err(|source| TransportError::Http {
                url: self.url.clone(),
                source,
            })?;
        if let Some(chunk) = &chunk {
            self.received = self.received.saturating_add(chunk.len() as u64);
        }
        Ok(chunk)
    }

    /// The file as a stream of chunks.
    pub fn into_stream(self) -> impl Stream<Item = Result<Bytes, TransportError>> + Send {
        futures_util::stream::try_unfold(self, |mut download| async move {
            Ok(download.chunk().await?.map(|chunk| (chunk, download)))
        })
    }

    /// The whole file in memory (for small files; large ones are better
    /// read with [`Download::chunk`]).
    pub async fn bytes(mut self) -> Result<Vec<u8>, TransportError> {
        let capacity = self.length.map_or(0, |n| n.min(1 << 24) as usize);
        let mut out = Vec::with_capacity(capacity);
        while let Some(chunk) = self.chunk().await? {
            out.extend_from_slice(&chunk);
        }
        Ok(out)
    }
}

/// How a download endpoint's answer reads: a file, or the JSON envelope of
/// an error (read whole; it is small).
pub(crate) enum Downloaded {
    File(Download),
    Answer(Answer),
}

impl Downloaded {
    pub(crate) async fn read(
        url: &str,
        response: reqwest::Response,
    ) -> Result<Self, TransportError> {
        let json = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| t.trim_start().starts_with("application/json"));
        if json || !response.status().is_success() {
            let answer = Answer::read(url, response).await?;
            if !json {
                return Err(answer.unexpected(Shown::Plain));
            }
            return Ok(Self::Answer(answer));
        }
        Ok(Self::File(Download::new(url, response)))
    }
}

/// The file name of a `Content-Disposition` value: `filename*=UTF-8''…`
/// (percent-decoded) when present, else `filename="…"` or `filename=…`.
fn file_name(disposition: &str) -> Option<String> {
    let mut plain = None;
    for part in disposition.split(';').map(str::trim) {
        let Some((key, value)) = part.split_once('=') else {
            continue;
        };
        match key.trim().to_ascii_lowercase().as_str() {
            "filename*" => {
                let Some((charset, rest)) = value.trim().split_once('\'') else {
                    continue;
                };
                let Some((_language, encoded)) = rest.split_once('\'') else {
                    continue;
                };
                if charset.eq_ignore_ascii_case("utf-8")
                    && let Ok(name) = percent_decode_str(encoded).decode_utf8()
                    && !name.is_empty()
                {
                    return Some(name.into_owned());
                }
            }
            "filename" => {
                let value = value.trim();
                let value = value
                    .strip_prefix('"')
                    .and_then(|v| v.strip_suffix('"'))
                    .unwrap_or(value);
                plain = Some(value.replace("\\\"", "\"")).filter(|n| !n.is_empty());
            }
            _ => {}
        }
    }
    plain
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn file_names_from_content_disposition() {
        let cases = [
            ("attachment; filename=\"cat.png\"", Some("cat.png")),
            ("attachment; filename=cat.png", Some("cat.png")),
            (
                "attachment; filename=\"x.png\"; filename*=UTF-8''%E7%8C%AB.png",
                Some("猫.png"),
            ),
            ("attachment; filename*=utf-8''a%20b.txt", Some("a b.txt")),
            ("inline", None),
            ("attachment; filename=\"\"", None),
            ("attachment; filename*=UTF-8''%FF%FE", None),
            ("attachment; filename*=broken", None),
            (
                "attachment; filename=\"a.txt\"; filename*=broken",
                Some("a.txt"),
            ),
            ("", None),
        ];
        for (header, expected) in cases {
            assert_eq!(file_name(header).as_deref(), expected, "{header}");
        }
    }
}
