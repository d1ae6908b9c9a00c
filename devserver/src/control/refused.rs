//! How a control request is refused: `{"error": …, "field": …}` with its
//! status, for a wrong method, a path that is no route, or an answer that
//! cannot be written.

use axum::Json;
use axum::http::{Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::world::ControlError;

pub(super) type Answer = Result<Json<Value>, Refused>;

/// A refused control request: `{"error": …, "field": …}` and its status.
pub(super) struct Refused {
    pub(super) status: StatusCode,
    error: String,
    pub(super) field: Option<String>,
}

impl Refused {
    pub(super) fn new(status: StatusCode, field: Option<String>, error: impl Into<String>) -> Self {
        Self {
            status,
            error: error.into(),
            field,
        }
    }

    pub(super) fn invalid(field: Option<String>, error: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, field, error)
    }
}

impl From<ControlError> for Refused {
    fn from(e: ControlError) -> Self {
        let status = StatusCode::from_u16(e.kind.status()).unwrap_or(StatusCode::BAD_REQUEST);
        Self::new(status, e.field, e.message)
    }
}

impl IntoResponse for Refused {
    fn into_response(self) -> Response {
        let body = json!({"error": self.error, "field": self.field});
        (self.status, Json(body)).into_response()
    }
}

pub(super) async fn wrong_method(method: Method, uri: Uri) -> Refused {
    Refused::new(
        StatusCode::METHOD_NOT_ALLOWED,
        None,
        format!("`{}` does not take {method}", uri.path()),
    )
}

pub(super) async fn no_route(uri: Uri) -> Refused {
    Refused::new(
        StatusCode::NOT_FOUND,
        None,
        format!("no control route `{}`", uri.path()),
    )
}

pub(super) fn to_json(value: impl serde::Serialize) -> Answer {
    serde_json::to_value(value).map(Json).map_err(|e| {
        Refused::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            None,
            format!("cannot write the answer: {e}"),
        )
    })
}
