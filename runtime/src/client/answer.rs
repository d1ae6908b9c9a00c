//! Reading an HTTP answer: its status, log id, content type and body, and
//! the platform's `{code, msg, data, error}` envelope in it. The calls, the
//! token fetch and the long connection all read answers here.

use std::time::Duration;

use bytes::Bytes;
use reqwest::header::HeaderMap;
use serde::Deserialize;
use serde_json::value::RawValue;

use super::error::TransportError;
use crate::error::{ApiError, ErrorDetail, FieldViolation, HelpLink, PermissionViolation};

/// How much of a body an error message shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shown {
    /// The start of the body as it is.
    Plain,
    /// The start of the body with anything that may be a credential taken
    /// out (token endpoints, the long connection's endpoint).
    Redacted,
}

/// One HTTP answer, read to the end.
pub(crate) struct Answer {
    /// Where it came from.
    pub(crate) url: String,
    /// Its HTTP status.
    pub(crate) status: u16,
    /// Its headers.
    pub(crate) headers: HeaderMap,
    /// Its body.
    pub(crate) body: Bytes,
}

/// The platform's answer: `{code, msg, data, error}`.
#[derive(Deserialize)]
pub(crate) struct Envelope<'a> {
    pub(crate) code: i64,
    #[serde(default)]
    pub(crate) msg: String,
    #[serde(borrow, default)]
    pub(crate) data: Option<&'a RawValue>,
    #[serde(default)]
    error: Option<ErrorBlock>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ErrorBlock {
    log_id: Option<String>,
    troubleshooter: Option<String>,
    message: Option<String>,
    details: Vec<ErrorDetail>,
    permission_violations: Vec<PermissionViolation>,
    field_violations: Vec<FieldViolation>,
    helps: Vec<HelpLink>,
}

impl Answer {
    /// Reads a response's status, headers and whole body.
    pub(crate) async fn read(
        url: &str,
        response: reqwest::Response,
    ) -> Result<Self, TransportError> {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response
            .bytes()
            .await
            .map_err(|source| TransportError::Http {
                url: url.to_owned(),
                source,
            })?;
        Ok(Self {
            url: url.to_owned(),
            status,
            headers,
            body,
        })
    }

    /// `X-Tt-Logid`, else `X-Request-Id`.
    pub(crate) fn log_id(&self) -> Option<String> {
        ["x-tt-logid", "x-request-id"]
            .iter()
            .find_map(|h| self.headers.get(*h))
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    }

    /// The `content-type` header.
    pub(crate) fn content_type(&self) -> Option<String> {
        self.headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    }

    /// The body as JSON of type `T`; a body that is not is
    /// [`TransportError::UnexpectedBody`] with its start shown as asked.
    pub(crate) fn json<'a, T: Deserialize<'a>>(
        &'a self,
        shown: Shown,
    ) -> Result<T, TransportError> {
        serde_json::from_slice(&self.body).map_err(|_| self.unexpected(shown))
    }

    /// The platform's envelope, whatever the HTTP status.
    pub(crate) fn envelope(&self, shown: Shown) -> Result<Envelope<'_>, TransportError> {
        self.json(shown)
    }

    /// The answer as a body that is not what was expected.
    pub(crate) fn unexpected(&self, shown: Shown) -> TransportError {
        TransportError::UnexpectedBody {
            url: self.url.clone(),
            status: self.status,
            content_type: self.content_type(),
            snippet: match shown {
                Shown::Plain => snippet(&self.body),
                Shown::Redacted => redacted_snippet(&self.body),
            },
        }
    }
}

impl Envelope<'_> {
    /// `data`, with `null` or nothing read as `{}`.
    pub(crate) fn data_or_empty(&self) -> &str {
        self.data
            .map_or("{}", |d| if d.get() == "null" { "{}" } else { d.get() })
    }

    /// The platform's error this envelope of `answer` holds (meaningful
    /// when `code` is not 0): code, message, HTTP status, the log id (of
    /// the headers, else of the `error` block) and the rest of that block.
    pub(crate) fn into_error(self, answer: &Answer) -> ApiError {
        let block = self.error.unwrap_or_default();
        let mut error = ApiError::new(self.code, self.msg).with_http_status(answer.status);
        error.log_id = answer.log_id().or(block.log_id);
        error.troubleshooter = block.troubleshooter;
        error.help = block.message;
        error.details = block.details;
        error.permission_violations = block.permission_violations;
        error.field_violations = block.field_violations;
        error.helps = block.helps;
        error
    }
}

/// A reqwest error that came before any answer, as a transport error.
pub(crate) fn transport_error(
    url: &str,
    timeout: Duration,
    source: reqwest::Error,
) -> TransportError {
    if source.is_timeout() {
        TransportError::Timeout {
            url: url.to_owned(),
            timeout,
        }
    } else if source.is_connect() {
        TransportError::Connect {
            url: url.to_owned(),
            source,
        }
    } else {
        TransportError::Http {
            url: url.to_owned(),
            source,
        }
    }
}

/// The start of a body, for error messages.
fn snippet(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]);
    text.into_owned()
}

/// The start of a token endpoint's body, for error messages, with nothing
/// that may be a credential: a JSON object's values under keys naming a
/// token, secret or ticket are replaced, and a body that is not JSON is
/// shown only when no such word appears in it.
fn redacted_snippet(bytes: &[u8]) -> String {
    fn redact(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, value) in map.iter_mut() {
                    if secret_word(key) {
                        *value = serde_json::Value::String("<redacted>".into());
                    } else {
                        redact(value);
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(redact),
            _ => {}
        }
    }
    fn secret_word(text: &str) -> bool {
        let lower = text.to_ascii_lowercase();
        ["token", "secret", "ticket"]
            .iter()
            .any(|w| lower.contains(w))
    }
    match serde_json::from_slice::<serde_json::Value>(bytes) {
        Ok(mut value) => {
            redact(&mut value);
            snippet(value.to_string().as_bytes())
        }
        Err(_) if secret_word(&String::from_utf8_lossy(bytes)) => {
            format!(
                "<{} bytes, not shown: they may hold a credential>",
                bytes.len()
            )
        }
        Err(_) => snippet(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, headers: &[(&'static str, &str)], body: &'static [u8]) -> Answer {
        let mut map = HeaderMap::new();
        for (name, value) in headers {
            map.insert(*name, value.parse().unwrap());
        }
        Answer {
            url: "http://h/p".into(),
            status,
            headers: map,
            body: Bytes::from_static(body),
        }
    }

    #[test]
    fn token_answers_are_redacted() {
        let body = br#"{"code":0,"expire":"7200","tenant_access_token":"t-g1044abc","app_access_token":"a-xyz","nested":{"app_secret":"s3cr3t"},"msg":"ok"}"#;
        let shown = redacted_snippet(body);
        for secret in ["t-g1044abc", "a-xyz", "s3cr3t"] {
            assert!(!shown.contains(secret), "{shown}");
        }
        assert!(shown.contains(r#""expire":"7200""#), "{shown}");
        let cut = br#"{"code":0,"tenant_access_token":"t-g1044abc"#;
        assert!(!redacted_snippet(cut).contains("t-g1044abc"));
        assert_eq!(
            redacted_snippet(b"<html>bad gateway</html>"),
            "<html>bad gateway</html>"
        );
    }

    #[test]
    fn a_body_that_is_not_the_envelope_is_unexpected() {
        let a = answer(
            502,
            &[("content-type", "text/html")],
            b"<html>token=abc</html>",
        );
        let Err(TransportError::UnexpectedBody {
            status,
            content_type,
            snippet,
            ..
        }) = a.envelope(Shown::Redacted)
        else {
            panic!("not unexpected");
        };
        assert_eq!(status, 502);
        assert_eq!(content_type.as_deref(), Some("text/html"));
        assert!(!snippet.contains("abc"), "{snippet}");
        let Err(TransportError::UnexpectedBody { snippet, .. }) = a.envelope(Shown::Plain) else {
            panic!("not unexpected");
        };
        assert_eq!(snippet, "<html>token=abc</html>");
        // An object without `code` is not the platform's.
        assert!(
            answer(200, &[], br#"{"data":{}}"#)
                .envelope(Shown::Plain)
                .is_err()
        );
    }

    #[test]
    fn errors_keep_the_log_id_and_the_error_block() {
        let body = br#"{"code":230002,"msg":"no","error":{"log_id":"from-body","troubleshooter":"https://t","field_violations":[{"field":"f"}]}}"#;
        let a = answer(400, &[], body);
        let error = a.envelope(Shown::Plain).unwrap().into_error(&a);
        assert_eq!((error.code, error.msg.as_str()), (230_002, "no"));
        assert_eq!(error.log_id.as_deref(), Some("from-body"));
        assert_eq!(error.troubleshooter.as_deref(), Some("https://t"));
        assert_eq!(error.field_violations.len(), 1);
        let a = answer(400, &[("x-request-id", "req"), ("x-tt-logid", "tt")], body);
        let error = a.envelope(Shown::Plain).unwrap().into_error(&a);
        assert_eq!(error.log_id.as_deref(), Some("tt"));
        let a = answer(200, &[], br#"{"code":0,"data":null}"#);
        assert_eq!(a.envelope(Shown::Plain).unwrap().data_or_empty(), "{}");
    }
}
