//! What a copy of an event is recognised by.

use super::super::envelope::EnvelopeRef;

/// The key to deduplicate on: `event_id` (2.0) or `uuid` (1.0), both
/// unique per event across the platform; for a received message, the
/// message (see [`message_key`]).
pub(super) fn dedup_key(envelope: &EnvelopeRef<'_>) -> String {
    message_key(envelope.event_type(), || {
        serde_json::from_str(envelope.event_json()?.get()).ok()
    })
    .unwrap_or_else(|| envelope.event_id().to_owned())
}

/// The event whose copies are recognised by the message they carry.
const MESSAGE_RECEIVED: &str = "im.message.receive_v1";

/// `message:{message_id}` for `im.message.receive_v1`: the platform may
/// push one message again under a new event id, and advises deduplicating
/// received messages on `message_id`. `None` for other events, or when the
/// event names no message (then its `event_id` is the key).
pub(super) fn message_key<'a>(
    event_type: &str,
    body: impl FnOnce() -> Option<EventWithMessage<'a>>,
) -> Option<String> {
    if event_type != MESSAGE_RECEIVED {
        return None;
    }
    let id = body()?.message?.message_id?;
    (!id.is_empty()).then(|| format!("message:{id}"))
}

/// An envelope, for its `event` only.
#[derive(serde::Deserialize)]
pub(super) struct WithEvent<'a> {
    #[serde(borrow)]
    pub(super) event: Option<EventWithMessage<'a>>,
}

/// An event body, for `message.message_id` only.
#[derive(serde::Deserialize)]
pub(super) struct EventWithMessage<'a> {
    #[serde(borrow)]
    message: Option<MessageId<'a>>,
}

#[derive(serde::Deserialize)]
struct MessageId<'a> {
    #[serde(borrow)]
    message_id: Option<std::borrow::Cow<'a, str>>,
}
