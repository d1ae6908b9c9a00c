//! Events the platform pushes: envelopes and the typed bodies generated from the spec.

pub mod crypto;
mod envelope;
pub mod frame;

pub use envelope::{
    EnvelopeRef, EventBody, EventDecodeError, EventEnvelope, EventHeader, EventSchema,
    EventV1Envelope, FromParts, RawEvent,
};
