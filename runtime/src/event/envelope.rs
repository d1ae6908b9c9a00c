//! Event envelopes: schema 2.0 (`header` + `event`) and the legacy 1.0.
//!
//! [`EnvelopeRef`] reads an envelope without its body, borrowing from the
//! input: enough to route by type, deduplicate by id and check the token.
//! The body is then parsed once, straight into its generated type.

use std::borrow::Cow;
use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::endpoint::FieldScopes;
use crate::time::TimestampMs;

/// Envelope version of an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventSchema {
    /// `{"schema":"2.0","header":{..},"event":{..}}`: every current event.
    V2,
    /// `{"uuid":..,"token":..,"ts":..,"type":"event_callback","event":{"type":..}}`.
    V1,
}

/// The `header` of a 2.0 event (for a 1.0 event, the same facts gathered from its envelope).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EventHeader {
    /// Unique per event; the platform re-pushes with the same id (1.0: `uuid`).
    #[serde(default)]
    pub event_id: String,
    /// `im.message.reaction.deleted_v1`.
    #[serde(default)]
    pub event_type: String,
    /// When the event was created (1.0: from `ts`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_time: Option<TimestampMs>,
    /// The app's verification token.
    #[serde(default)]
    pub token: String,
    /// The app the event is for.
    #[serde(default)]
    pub app_id: String,
    /// The tenant the event comes from.
    #[serde(default)]
    pub tenant_key: String,
}

/// A 2.0 event: header and typed body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EventEnvelope<T> {
    /// `"2.0"`.
    pub schema: String,
    /// Who, what and when.
    pub header: EventHeader,
    /// The body.
    pub event: T,
}

/// A 1.0 (legacy) event: envelope fields and typed body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EventV1Envelope<T> {
    /// Seconds since the epoch with a fraction, as sent (`"1608725989.000"`).
    #[serde(default)]
    pub ts: String,
    /// Unique per event.
    #[serde(default)]
    pub uuid: String,
    /// The app's verification token.
    #[serde(default)]
    pub token: String,
    /// `"event_callback"`.
    #[serde(default, rename = "type")]
    pub kind: String,
    /// The body (its own `type` field names the event).
    pub event: T,
}

/// Builds an envelope from what [`EnvelopeRef`] read and the decoded body.
pub trait FromParts<T>: Sized {
    /// The envelope around `body`.
    fn from_parts(envelope: &EnvelopeRef<'_>, body: T) -> Self;

    /// The header of a 2.0 envelope (`None` for 1.0), so that an event
    /// decoded whole in one pass can be checked and deduplicated.
    fn v2_header(&self) -> Option<&EventHeader>;
}

impl<T> FromParts<T> for EventEnvelope<T> {
    fn from_parts(envelope: &EnvelopeRef<'_>, body: T) -> Self {
        Self {
            schema: envelope.wire.schema.as_deref().unwrap_or("2.0").to_owned(),
            header: envelope.header(),
            event: body,
        }
    }

    fn v2_header(&self) -> Option<&EventHeader> {
        Some(&self.header)
    }
}

impl<T> FromParts<T> for EventV1Envelope<T> {
    fn from_parts(envelope: &EnvelopeRef<'_>, body: T) -> Self {
        let w = &envelope.wire;
        Self {
            ts: w.ts.as_deref().unwrap_or_default().to_owned(),
            uuid: w.uuid.as_deref().unwrap_or_default().to_owned(),
            token: w.token.as_deref().unwrap_or_default().to_owned(),
            kind: w.kind.as_deref().unwrap_or_default().to_owned(),
            event: body,
        }
    }

    fn v2_header(&self) -> Option<&EventHeader> {
        None
    }
}

/// A generated event body type.
pub trait EventBody: DeserializeOwned + Clone + fmt::Debug + Send + Sync + 'static {
    /// `im.message.reaction.deleted_v1`.
    const EVENT_TYPE: &'static str;
    /// Envelope version.
    const SCHEMA: EventSchema;
    /// Scopes of which any one allows subscribing.
    const SCOPES: &'static [&'static str];
    /// Body fields that need a scope of their own.
    const FIELD_SCOPES: FieldScopes;
    /// [`EventEnvelope<Self>`] or [`EventV1Envelope<Self>`].
    type Envelope: FromParts<Self> + DeserializeOwned + Clone + fmt::Debug + Send + Sync + 'static;
}

/// A generated callback body: an event whose receiver answers with data
/// (`card.action.trigger`: a toast, a new card). Registered with
/// `Dispatcher::on_callback`.
pub trait CallbackBody: EventBody {
    /// What the receiver answers, sent back as JSON.
    type Answer: Serialize + Send + 'static;
}

/// Why an event could not be decoded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EventDecodeError {
    /// Not JSON, or not an object.
    #[error("event is not a JSON object: {0}")]
    Json(#[source] serde_json::Error),
    /// Neither a 2.0 (`header`) nor a 1.0 (`event.type`) envelope.
    #[error("not an event envelope: no `header` (schema 2.0) and no `event.type` (schema 1.0)")]
    NotAnEnvelope,
    /// The body does not fit the event's type.
    #[error("event `{event_type}`: field `{path}` does not fit its type: {source}")]
    Body {
        /// The event type.
        event_type: String,
        /// Dotted path of the offending field in `event`.
        path: String,
        /// What serde said.
        #[source]
        source: serde_json::Error,
    },
}

#[derive(Deserialize)]
struct HeaderWire<'a> {
    #[serde(borrow, default)]
    event_id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    event_type: Option<Cow<'a, str>>,
    #[serde(default)]
    create_time: Option<TimestampMs>,
    #[serde(borrow, default)]
    token: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    app_id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    tenant_key: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
struct EnvelopeWire<'a> {
    #[serde(borrow, default)]
    schema: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    header: Option<HeaderWire<'a>>,
    #[serde(borrow, default)]
    uuid: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    token: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    ts: Option<Cow<'a, str>>,
    #[serde(borrow, default, rename = "type")]
    kind: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    event: Option<&'a RawValue>,
}

/// What a 1.0 body says about itself.
#[derive(Deserialize, Default)]
struct V1BodyWire<'a> {
    #[serde(borrow, default, rename = "type")]
    kind: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    app_id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    tenant_key: Option<Cow<'a, str>>,
}

/// An event envelope read without decoding its body.
pub struct EnvelopeRef<'a> {
    wire: EnvelopeWire<'a>,
    v1: V1BodyWire<'a>,
    schema: EventSchema,
}

impl<'a> EnvelopeRef<'a> {
    /// Reads the envelope of a plaintext event.
    pub fn parse(json: &'a [u8]) -> Result<Self, EventDecodeError> {
        let wire: EnvelopeWire<'a> =
            serde_json::from_slice(json).map_err(EventDecodeError::Json)?;
        if wire.header.is_some() {
            return Ok(Self {
                wire,
                v1: V1BodyWire::default(),
                schema: EventSchema::V2,
            });
        }
        let v1: V1BodyWire<'a> = match wire.event {
            Some(raw) => serde_json::from_str(raw.get()).map_err(EventDecodeError::Json)?,
            None => return Err(EventDecodeError::NotAnEnvelope),
        };
        if v1.kind.is_none() {
            return Err(EventDecodeError::NotAnEnvelope);
        }
        Ok(Self {
            wire,
            v1,
            schema: EventSchema::V1,
        })
    }

    /// Envelope version.
    pub fn schema(&self) -> EventSchema {
        self.schema
    }

    fn header_field(
        &self,
        pick: impl for<'h> Fn(&'h HeaderWire<'a>) -> &'h Option<Cow<'a, str>>,
    ) -> &str {
        self.wire
            .header
            .as_ref()
            .and_then(|h| pick(h).as_deref())
            .unwrap_or_default()
    }

    /// `im.message.reaction.deleted_v1`.
    pub fn event_type(&self) -> &str {
        match self.schema {
            EventSchema::V2 => self.header_field(|h| &h.event_type),
            EventSchema::V1 => self.v1.kind.as_deref().unwrap_or_default(),
        }
    }

    /// `header.event_id` (2.0) or `uuid` (1.0): the key to deduplicate on.
    pub fn event_id(&self) -> &str {
        match self.schema {
            EventSchema::V2 => self.header_field(|h| &h.event_id),
            EventSchema::V1 => self.wire.uuid.as_deref().unwrap_or_default(),
        }
    }

    /// The verification token the event carries.
    pub fn token(&self) -> &str {
        match self.schema {
            EventSchema::V2 => self.header_field(|h| &h.token),
            EventSchema::V1 => self.wire.token.as_deref().unwrap_or_default(),
        }
    }

    /// The body, as raw JSON.
    pub fn event_json(&self) -> Option<&'a RawValue> {
        self.wire.event
    }

    /// The header (gathered from the envelope for a 1.0 event).
    pub fn header(&self) -> EventHeader {
        let owned = |v: &Option<Cow<'a, str>>| v.as_deref().unwrap_or_default().to_owned();
        match &self.wire.header {
            Some(h) => EventHeader {
                event_id: owned(&h.event_id),
                event_type: owned(&h.event_type),
                create_time: h.create_time,
                token: owned(&h.token),
                app_id: owned(&h.app_id),
                tenant_key: owned(&h.tenant_key),
            },
            None => EventHeader {
                event_id: owned(&self.wire.uuid),
                event_type: owned(&self.v1.kind),
                create_time: self.wire.ts.as_deref().and_then(seconds_to_millis),
                token: owned(&self.wire.token),
                app_id: owned(&self.v1.app_id),
                tenant_key: owned(&self.v1.tenant_key),
            },
        }
    }

    /// Decodes the body into its type and wraps it in its envelope. When
    /// it does not fit, the error names the offending field.
    pub fn decode<T: EventBody>(&self) -> Result<T::Envelope, EventDecodeError> {
        let raw = self.wire.event.map_or("null", RawValue::get);
        if let Ok(body) = serde_json::from_str::<T>(raw) {
            return Ok(T::Envelope::from_parts(self, body));
        }
        // Again, tracking the path, for the error.
        let mut de = serde_json::Deserializer::from_str(raw);
        let body: T =
            serde_path_to_error::deserialize(&mut de).map_err(|e| EventDecodeError::Body {
                event_type: self.event_type().to_owned(),
                path: e.path().to_string(),
                source: e.into_inner(),
            })?;
        Ok(T::Envelope::from_parts(self, body))
    }
}

/// The `header.event_type` of a 2.0 event, found without parsing: the key
/// `"event_type"` followed by a string without escapes. A hint only: what
/// it finds is checked against the header once the event is decoded.
#[cfg(feature = "events")]
pub(crate) fn peek_event_type(json: &[u8]) -> Option<&str> {
    static FINDER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(KEY));
    const KEY: &[u8] = b"\"event_type\"";
    let at = FINDER.find(json)? + KEY.len();
    let mut rest = json.get(at..)?;
    let skip = |r: &mut &[u8]| {
        while let [b' ' | b'\t' | b'\n' | b'\r', tail @ ..] = r {
            *r = tail;
        }
    };
    skip(&mut rest);
    rest = rest.strip_prefix(b":")?;
    skip(&mut rest);
    rest = rest.strip_prefix(b"\"")?;
    let end = memchr::memchr2(b'"', b'\\', rest)?;
    if rest[end] != b'"' {
        return None;
    }
    std::str::from_utf8(&rest[..end]).ok()
}

/// `"1608725989.123"` seconds → milliseconds.
fn seconds_to_millis(ts: &str) -> Option<TimestampMs> {
    let (whole, frac) = ts.split_once('.').unwrap_or((ts, ""));
    let seconds: i64 = whole.parse().ok()?;
    let frac: String = frac.chars().chain("000".chars()).take(3).collect();
    let millis: i64 = frac.parse().ok()?;
    Some(TimestampMs(seconds.checked_mul(1000)?.checked_add(millis)?))
}

/// An event the spec does not describe, kept whole.
#[derive(Clone, Debug)]
pub struct RawEvent {
    schema: EventSchema,
    header: EventHeader,
    json: Box<RawValue>,
}

impl RawEvent {
    /// Keeps an event whose envelope has been read.
    pub fn new(envelope: &EnvelopeRef<'_>, json: &[u8]) -> Result<Self, EventDecodeError> {
        let json = serde_json::from_slice(json).map_err(EventDecodeError::Json)?;
        Ok(Self {
            schema: envelope.schema(),
            header: envelope.header(),
            json,
        })
    }

    /// Envelope version.
    pub fn schema(&self) -> EventSchema {
        self.schema
    }

    /// The header (gathered from the envelope for a 1.0 event).
    pub fn header(&self) -> &EventHeader {
        &self.header
    }

    /// The event type.
    pub fn event_type(&self) -> &str {
        &self.header.event_type
    }

    /// The whole envelope as received.
    pub fn json(&self) -> &RawValue {
        &self.json
    }

    /// The body as a JSON value.
    pub fn event(&self) -> serde_json::Value {
        #[derive(Deserialize)]
        struct Body {
            #[serde(default)]
            event: serde_json::Value,
        }
        serde_json::from_str::<Body>(self.json.get())
            .map(|b| b.event)
            .unwrap_or_default()
    }
}

impl PartialEq for RawEvent {
    fn eq(&self, other: &Self) -> bool {
        self.schema == other.schema
            && self.header == other.header
            && self.json.get() == other.json.get()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_v2_envelope_without_its_body() {
        let json = br#"{"schema":"2.0","header":{"event_id":"e1","event_type":"im.x_v1","create_time":"1608725989000","token":"t","app_id":"cli_1","tenant_key":"k"},"event":{"a":1}}"#;
        let env = EnvelopeRef::parse(json).unwrap();
        assert_eq!(env.schema(), EventSchema::V2);
        assert_eq!(env.event_type(), "im.x_v1");
        assert_eq!(env.event_id(), "e1");
        assert_eq!(env.token(), "t");
        assert_eq!(
            env.header().create_time,
            Some(TimestampMs(1_608_725_989_000))
        );
        assert_eq!(env.event_json().unwrap().get(), r#"{"a":1}"#);
    }

    #[test]
    fn reads_a_v1_envelope() {
        let json = br#"{"ts":"1608725989.5","uuid":"u1","token":"t","type":"event_callback","event":{"type":"app_ticket","app_id":"cli_1","app_ticket":"x"}}"#;
        let env = EnvelopeRef::parse(json).unwrap();
        assert_eq!(env.schema(), EventSchema::V1);
        assert_eq!(env.event_type(), "app_ticket");
        assert_eq!(env.event_id(), "u1");
        let header = env.header();
        assert_eq!(header.app_id, "cli_1");
        assert_eq!(header.create_time, Some(TimestampMs(1_608_725_989_500)));
    }

    #[test]
    fn refuses_what_is_not_an_envelope() {
        assert!(matches!(
            EnvelopeRef::parse(b"[1]"),
            Err(EventDecodeError::Json(_))
        ));
        assert!(matches!(
            EnvelopeRef::parse(b"{}"),
            Err(EventDecodeError::NotAnEnvelope)
        ));
        assert!(matches!(
            EnvelopeRef::parse(br#"{"event":{"no_type":1}}"#),
            Err(EventDecodeError::NotAnEnvelope)
        ));
        assert!(matches!(
            EnvelopeRef::parse(b"not json"),
            Err(EventDecodeError::Json(_))
        ));
    }

    #[test]
    fn keeps_unknown_events_whole() {
        let json = br#"{"schema":"2.0","header":{"event_id":"e1","event_type":"x.y_v9"},"event":{"k":[1,2]}}"#;
        let env = EnvelopeRef::parse(json).unwrap();
        let raw = RawEvent::new(&env, json).unwrap();
        assert_eq!(raw.event_type(), "x.y_v9");
        assert_eq!(raw.json().get(), std::str::from_utf8(json).unwrap());
        assert_eq!(raw.event(), serde_json::json!({"k": [1, 2]}));
    }
}
