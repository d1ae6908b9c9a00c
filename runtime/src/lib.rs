//! The runtime under the [lark-sdk] bindings: what the generated request
//! types, error enums, call methods and event bodies call, and what a bot
//! holds at run time.
//!
//! - [`client`]: the HTTP client, with its token cache, rate limiter, retries
//!   and paginator (feature `client`).
//! - [`event`]: the dispatcher, the deduplication store, the webhook (features
//!   `events`, `axum`) and the long connection (feature `ws`).
//! - [`store`]: what several replicas share (tokens, the app ticket, rate
//!   limits, handled events), in process by default, on Redis with
//!   [`redis`] (feature `redis`).
//! - [`endpoint`] and [`error`]: the traits every generated endpoint
//!   implements and the errors a call answers with.
//!
//! Most bots depend on [lark-sdk], which re-exports all of this beside the
//! bindings; depend on this crate directly to generate bindings of your own
//! with `lark_codegen_macro::generate!`.
//!
//! [lark-sdk]: https://docs.rs/lark-sdk

#[cfg(feature = "client")]
pub mod client;
pub mod embedded;
pub mod endpoint;
pub mod error;
pub mod event;
mod objects;
#[cfg(feature = "redis")]
pub mod redis;
#[cfg(feature = "client")]
mod secret;
#[cfg(any(feature = "client", feature = "events"))]
pub mod store;
pub mod time;
#[cfg(feature = "client")]
mod tls;
pub mod upload;

#[doc(hidden)]
pub mod __private;

pub use embedded::{JsonString, UnknownContent};
pub use endpoint::{
    Endpoint, EndpointInfo, FieldScopes, HttpMethod, NoData, Page, Paginated, RateLimit, TokenType,
};
pub use error::{
    ApiError, EndpointError, ErrorDetail, ErrorSpec, FieldViolation, HelpLink, InvalidRequest,
    PermissionViolation, PlatformErrorInfo, Unhandled, UnknownNumber, UnknownValue,
};
pub use time::TimestampMs;
pub use upload::{Form, UploadFile};

#[cfg(feature = "client")]
pub use client::{Client, RequestOptions};
