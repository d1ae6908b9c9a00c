//! Events the platform pushes: envelopes and the typed bodies generated from the spec.

#[cfg(feature = "axum")]
pub mod axum;
pub mod crypto;
#[cfg(feature = "events")]
pub mod dedup;
#[cfg(feature = "events")]
mod dispatch;
mod envelope;
pub mod frame;
#[cfg(feature = "events")]
pub mod webhook;
#[cfg(feature = "ws")]
pub mod ws;

#[cfg(feature = "events")]
pub use dispatch::{AckMode, CallbackResult, Dispatcher, HandlerPanic, HandlerResult, Outcome};
pub use envelope::{
    CallbackBody, EnvelopeRef, EventBody, EventDecodeError, EventEnvelope, EventHeader,
    EventSchema, EventV1Envelope, FromParts, RawEvent,
};
#[cfg(feature = "events")]
pub use webhook::{Webhook, WebhookBuilder, WebhookError};
#[cfg(feature = "ws")]
pub use ws::{LongConnection, LongConnectionBuilder, Stopped, WsError};
