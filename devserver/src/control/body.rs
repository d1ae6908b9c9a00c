//! What a control request carries: its body, a JSON object read into a
//! type whatever the `Content-Type`, and its path parameters, each refused
//! naming the field at fault.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Path};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::refused::Refused;

/// A request body: a JSON object read into `T`, whatever the
/// `Content-Type`; an empty body reads as `{}`. Arrays and other values
/// where the object is expected are refused (serde alone would read
/// `[5000, 0]` as a struct), and so is anything `T` does not accept, naming
/// the field.
pub(super) struct Body<T>(pub(super) T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Body<T> {
    type Rejection = Refused;

    async fn from_request(request: axum::extract::Request, state: &S) -> Result<Self, Refused> {
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|e| match e.status() {
                StatusCode::PAYLOAD_TOO_LARGE => Refused::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    None,
                    "the body is larger than 2 MiB",
                ),
                _ => Refused::invalid(None, format!("the body could not be read: {e}")),
            })?;
        read_body(&bytes).map(Body)
    }
}

/// The reading behind [`Body`].
fn read_body<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Refused> {
    let value = if bytes.trim_ascii().is_empty() {
        Value::Object(serde_json::Map::new())
    } else {
        serde_json::from_slice(bytes)
            .map_err(|e| Refused::invalid(None, format!("the body is not JSON: {e}")))?
    };
    if !value.is_object() {
        return Err(Refused::invalid(
            None,
            format!("the body must be a JSON object, not {}", kind(&value)),
        ));
    }
    serde_path_to_error::deserialize(value).map_err(|e| {
        let message = e.inner().to_string();
        Refused::invalid(field_of(&e.path().to_string(), &message), message)
    })
}

/// `an array`, `a string`…: what a JSON value is, for messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The field a deserialization error is about: its path (`.` for the top
/// level), with, for a missing, unknown or duplicate field, that field's
/// name, which serde gives only in the message. A missing field's path is
/// its parent's; an unknown or duplicate one's may already end with it.
fn field_of(path: &str, message: &str) -> Option<String> {
    let named = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
    };
    let (name, in_path) = match named("missing field `") {
        Some(name) => (Some(name), false),
        None => {
            let name = named("unknown field `").or_else(|| named("duplicate field `"));
            let last = path.rsplit('.').next().unwrap_or(path);
            (name, name == Some(last))
        }
    };
    match (path, name) {
        (".", None) => None,
        (".", Some(name)) => Some(name.to_owned()),
        (path, Some(name)) if !in_path => Some(format!("{path}.{name}")),
        (path, _) => Some(path.to_owned()),
    }
}

/// A request that takes no fields: an empty body or `{}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Nothing {}

/// Path parameters, refused (400, naming the parameter) when one is not
/// UTF-8 once percent-decoded.
pub(super) struct Params<T>(pub(super) T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for Params<T> {
    type Rejection = Refused;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Refused> {
        use axum::extract::path::ErrorKind;
        use axum::extract::rejection::PathRejection;
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(value)) => Ok(Params(value)),
            Err(rejection) => {
                let field = match &rejection {
                    PathRejection::FailedToDeserializePathParams(e) => match e.kind() {
                        ErrorKind::InvalidUtf8InPathParam { key }
                        | ErrorKind::ParseErrorAtKey { key, .. }
                        | ErrorKind::DeserializeError { key, .. } => Some(key.clone()),
                        _ => None,
                    },
                    _ => None,
                };
                Err(Refused::invalid(field, rejection.body_text()))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Faults;
    use crate::control::Operator;

    #[test]
    fn a_refusal_names_the_field() {
        assert_eq!(
            field_of(".", "missing field `chat_id`"),
            Some("chat_id".into())
        );
        assert_eq!(
            field_of("sender", "unknown field `who`, expected `kind` or `id`"),
            Some("sender.who".into())
        );
        assert_eq!(
            field_of("members[1]", "missing field `id`"),
            Some("members[1].id".into())
        );
        assert_eq!(
            field_of("latency_ms", "invalid type: string \"x\", expected u64"),
            Some("latency_ms".into())
        );
        assert_eq!(
            field_of("all", "unknown field `all`, there are no fields"),
            Some("all".into())
        );
        assert_eq!(field_of(".", "something else"), None);
    }

    #[test]
    fn only_objects_are_bodies() {
        let refused = |body: &[u8]| read_body::<Faults>(body).err().map(|r| (r.status, r.field));
        assert_eq!(refused(b""), None);
        assert_eq!(refused(b" {} "), None);
        for body in [&b"[5000, 0]"[..], b"5000", b"null", b"\"x\"", b"{", b"\xff"] {
            assert_eq!(
                refused(body),
                Some((StatusCode::BAD_REQUEST, None)),
                "{body:?}"
            );
        }
        assert_eq!(
            refused(br#"{"latency_ms": -1}"#),
            Some((StatusCode::BAD_REQUEST, Some("latency_ms".into())))
        );
        let member = |body: &str| {
            read_body::<Operator>(body.as_bytes())
                .err()
                .map(|r| r.field)
        };
        assert_eq!(
            member(r#"{"operator": ["user", "ou_1"]}"#),
            Some(Some("operator".into()))
        );
        assert_eq!(
            member(r#"{"operator": {"kind": "bot", "id": "x"}}"#),
            Some(Some("operator.kind".into()))
        );
        assert_eq!(
            member(r#"{"operator": {"kind": "user"}}"#),
            Some(Some("operator.id".into()))
        );
        assert_eq!(
            member(r#"{"operator": {"kind": "user", "id": 5}}"#),
            Some(Some("operator.id".into()))
        );
        assert_eq!(
            member(r#"{"operator": {"kind": "user", "id": "ou_1"}}"#),
            None
        );
    }
}
