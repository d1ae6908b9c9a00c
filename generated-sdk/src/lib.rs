//! Typed bindings of the Feishu / Lark Open Platform, generated at build time
//! from the YAML spec in `spec/`, with the runtime they call.
//!
//! - One module per service and version (`im::v1`) holds the request types
//!   (`DeleteMessageReactionRequest`), their response data and error enums,
//!   the shared types (`Emoji`, `Operator`) and the event bodies
//!   (`MessageReactionDeletedV1`).
//! - [`common`] holds platform-wide types and the platform-wide error table.
//! - [`Event`] is every event of the spec, decoded by its type.
//!
//! Adding a YAML file to `spec/` and running `cargo build` adds its bindings.

extern crate self as lark_sdk;

#[cfg(feature = "client")]
pub mod client;
pub mod endpoint;
pub mod error;
pub mod event;
pub mod time;
#[cfg(feature = "client")]
mod tls;

#[doc(hidden)]
pub mod __private;

pub use endpoint::{
    Endpoint, EndpointInfo, FieldScopes, HttpMethod, NoData, Page, Paginated, RateLimit, TokenType,
};
pub use error::{
    ApiError, EndpointError, ErrorDetail, ErrorSpec, FieldViolation, HelpLink, InvalidRequest,
    PermissionViolation, PlatformErrorInfo,
};
pub use time::TimestampMs;

#[cfg(feature = "client")]
pub use client::{Client, RequestOptions};

lark_codegen_macro::generate!(
    "../../spec",
    calls = inherent,
    service_features = env!("LARK_SDK_FEATURES")
);

/// The README's examples, compiled and run as doc tests (they use every
/// feature; `cargo test --workspace` turns them all on).
#[cfg(all(doctest, feature = "ws", feature = "axum", feature = "im"))]
#[doc = include_str!("../../README.md")]
struct ReadmeExamples;
