//! What a call returns when the platform says no, and requests refused before sending.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A failed call as the platform reports it: the body's `code` and `msg`, its
/// `error` block, the HTTP status and the log id to quote to support.
///
/// Every endpoint's error enum holds one of these in each variant, so nothing
/// the platform said is lost whatever the code.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ApiError {
    /// The body's `code` (never 0 here).
    pub code: i64,
    /// The body's `msg`. The platform may change its wording: match on `code`.
    pub msg: String,
    /// HTTP status of the response, when there was one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
    /// Log id: the `X-Tt-Logid` header, else `error.log_id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_id: Option<String>,
    /// `error.troubleshooter`: a link to a generated troubleshooting page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub troubleshooter: Option<String>,
    /// `error.message`: extra help text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// `error.details`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<ErrorDetail>,
    /// `error.permission_violations`: missing scopes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub permission_violations: Vec<PermissionViolation>,
    /// `error.field_violations`: request fields that failed validation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub field_violations: Vec<FieldViolation>,
    /// `error.helps`: links.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub helps: Vec<HelpLink>,
}

impl ApiError {
    /// An error with a code and message only.
    pub fn new(code: i64, msg: impl Into<String>) -> Self {
        Self {
            code,
            msg: msg.into(),
            ..Self::default()
        }
    }

    /// Sets the HTTP status.
    pub fn with_http_status(mut self, status: u16) -> Self {
        self.http_status = Some(status);
        self
    }

    /// Sets the log id.
    pub fn with_log_id(mut self, log_id: impl Into<String>) -> Self {
        self.log_id = Some(log_id.into());
        self
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "code {}: {}", self.code, self.msg)?;
        if let Some(status) = self.http_status {
            write!(f, " (HTTP {status})")?;
        }
        if let Some(log_id) = &self.log_id {
            write!(f, " [log id {log_id}]")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

/// One `{key, value}` of `error.details`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ErrorDetail {
    /// Key.
    #[serde(default)]
    pub key: String,
    /// Value.
    #[serde(default)]
    pub value: String,
}

/// One entry of `error.permission_violations`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PermissionViolation {
    /// `action_scope_required`, `field_scope_required`, `action_privilege_required`, …
    #[serde(default, rename = "type")]
    pub kind: String,
    /// The scope concerned.
    #[serde(default)]
    pub subject: String,
    /// Explanation.
    #[serde(default)]
    pub description: String,
}

/// One entry of `error.field_violations`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FieldViolation {
    /// The request field.
    #[serde(default)]
    pub field: String,
    /// The value sent.
    #[serde(default)]
    pub value: String,
    /// What is wrong with it.
    #[serde(default)]
    pub description: String,
}

/// One entry of `error.helps`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HelpLink {
    /// Link.
    #[serde(default)]
    pub url: String,
    /// What it leads to.
    #[serde(default)]
    pub description: String,
}

/// An endpoint's generated error enum: a variant per row of its error table,
/// `Platform` for the platform-wide codes, and a sealed `Unhandled` for any
/// code the spec does not list.
///
/// The accessors are the supported way to read any of them, `Unhandled`
/// included: a code unlisted today may get a variant of its own when the
/// spec learns it, and `code()` reads the same either way.
pub trait EndpointError: From<ApiError> + std::error::Error + Send + Sync + 'static {
    /// The platform's error as returned: code, message, log id and details.
    fn api_error(&self) -> &ApiError;

    /// The table row of this error (`None` for a code the spec does not list).
    fn spec(&self) -> Option<&'static ErrorSpec>;

    /// The platform-wide table's entry for a code no variant names, when the
    /// table has one.
    fn platform_info(&self) -> Option<&'static PlatformErrorInfo> {
        None
    }

    /// The response `code`.
    fn code(&self) -> i64 {
        self.api_error().code
    }

    /// The response `msg`.
    fn message(&self) -> &str {
        &self.api_error().msg
    }

    /// The log id to quote to support.
    fn log_id(&self) -> Option<&str> {
        self.api_error().log_id.as_deref()
    }

    /// The HTTP status the spec documents for this error.
    fn documented_status(&self) -> Option<u16> {
        self.spec().and_then(|row| row.http_status)
    }

    /// What to check or do, as the spec says (for a code no variant names:
    /// the platform-wide table's word on it, if it has one).
    fn remedy(&self) -> Option<&'static str> {
        match self.spec() {
            Some(row) => row.remedy,
            None => self
                .platform_info()
                .and_then(|info| info.remedy.or(info.description)),
        }
    }

    /// The variant's name (`"Unhandled"` for a code the spec does not list).
    fn name(&self) -> &'static str {
        self.spec().map_or("Unhandled", |row| row.name)
    }

    /// True for a code the spec does not list.
    fn is_unhandled(&self) -> bool {
        self.spec().is_none()
    }
}

/// A code an endpoint's error table does not list, kept with its message
/// and log id. Opaque: read it through the error's [`EndpointError`]
/// accessors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unhandled {
    error: Box<ApiError>,
    platform: Option<&'static PlatformErrorInfo>,
}

impl Unhandled {
    /// An unlisted code (for generated code).
    #[doc(hidden)]
    pub fn new(error: Box<ApiError>, platform: Option<&'static PlatformErrorInfo>) -> Self {
        Self { error, platform }
    }

    /// The platform's error as returned.
    pub fn api_error(&self) -> &ApiError {
        &self.error
    }

    /// The platform-wide table's entry for the code, when it has one.
    pub fn platform_info(&self) -> Option<&'static PlatformErrorInfo> {
        self.platform
    }
}

/// A number of an open integer enum that the spec does not list, kept as
/// received. Opaque: read it with the enum's `value()`, and test for it with
/// `is_unknown()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownNumber(i64);

impl UnknownNumber {
    /// An unlisted number (for generated code).
    #[doc(hidden)]
    pub fn new(value: i64) -> Self {
        Self(value)
    }

    /// The number as received.
    pub fn get(self) -> i64 {
        self.0
    }
}

/// A value of an open enum that the spec does not list, kept as received.
/// Opaque: read it with the enum's `as_str()` (or `value()`), and test for
/// it with `is_unknown()`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownValue(Box<str>);

impl UnknownValue {
    /// An unlisted value (for generated code).
    #[doc(hidden)]
    pub fn new(value: impl Into<Box<str>>) -> Self {
        Self(value.into())
    }

    /// The value as received.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A request refused before anything is sent.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InvalidRequest {
    /// A path parameter is empty, which would call another endpoint.
    #[error("{endpoint}: path parameter `{name}` is empty")]
    EmptyPathParameter {
        /// Endpoint id (`im.v1.message_reaction.delete`).
        endpoint: &'static str,
        /// Parameter name.
        name: &'static str,
    },
    /// A value outside a bound the spec documents (`page_size` at most 50).
    #[error("{endpoint}: `{field}` is {found}, but must be {bound}")]
    OutOfBounds {
        /// Endpoint id.
        endpoint: &'static str,
        /// The parameter or body field, as on the wire; a field inside
        /// the body by its path (`members[2].name`).
        field: std::borrow::Cow<'static, str>,
        /// The bound (`at most 50`, `at least 1 character`).
        bound: String,
        /// What was given (`500`, `0 characters`).
        found: String,
    },
    /// A file to upload cannot be sent: it cannot be read, it is not
    /// what its part needs, or (a stream) an earlier attempt read it.
    #[error("{endpoint}: the file `{field}` cannot be sent: {reason}")]
    File {
        /// Endpoint id.
        endpoint: &'static str,
        /// The file's part, as on the wire.
        field: &'static str,
        /// Why.
        reason: String,
    },
    /// The body could not be written as JSON.
    #[error("{endpoint}: the body cannot be written as JSON: {reason}")]
    Body {
        /// Endpoint id.
        endpoint: &'static str,
        /// Why.
        reason: String,
    },
}

/// A row of the platform-wide error table (通用错误码).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PlatformErrorInfo {
    /// The code.
    pub code: i64,
    /// Its variant name in endpoint error enums, for codes that have one.
    pub name: Option<&'static str>,
    /// Documented HTTP status.
    pub http: Option<u16>,
    /// `msg` as returned.
    pub message: &'static str,
    /// Other `msg` texts seen with this code.
    pub other_messages: &'static [&'static str],
    /// What it means.
    pub description: Option<&'static str>,
    /// What to do.
    pub remedy: Option<&'static str>,
}

impl PlatformErrorInfo {
    /// A row (for generated tables).
    #[allow(clippy::too_many_arguments)]
    pub const fn new(
        code: i64,
        name: Option<&'static str>,
        http: Option<u16>,
        message: &'static str,
        other_messages: &'static [&'static str],
        description: Option<&'static str>,
        remedy: Option<&'static str>,
    ) -> Self {
        Self {
            code,
            name,
            http,
            message,
            other_messages,
            description,
            remedy,
        }
    }
}

/// A row of an endpoint's error table, as generated constants give it
/// (`DeleteMessageReactionError::NOT_REACTION_OWNER`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ErrorSpec {
    /// The variant's name.
    pub name: &'static str,
    /// The code.
    pub code: i64,
    /// Documented HTTP status.
    pub http_status: Option<u16>,
    /// `msg` as the platform returns it.
    pub message: &'static str,
    /// What to check or do, as the spec says.
    pub remedy: Option<&'static str>,
}

impl ErrorSpec {
    /// A row (for generated constants).
    pub const fn new(
        name: &'static str,
        code: i64,
        http_status: Option<u16>,
        message: &'static str,
    ) -> Self {
        Self {
            name,
            code,
            http_status,
            message,
            remedy: None,
        }
    }

    /// The row with what to do about it.
    pub const fn with_remedy(mut self, remedy: &'static str) -> Self {
        self.remedy = Some(remedy);
        self
    }

    /// The error a platform answering with this row returns.
    pub fn to_api_error(&self) -> ApiError {
        let error = ApiError::new(self.code, self.message);
        match self.http_status {
            Some(status) => error.with_http_status(status),
            None => error,
        }
    }
}
