//! Events the platform pushes: envelopes and the typed bodies generated from the spec.

mod envelope;

pub use envelope::{
    EnvelopeRef, EventBody, EventDecodeError, EventEnvelope, EventHeader, EventSchema,
    EventV1Envelope, FromParts, RawEvent,
};
