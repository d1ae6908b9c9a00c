//! JSON carried inside a JSON string (a message's `content`, a card's
//! payload): typed both ways.

use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value of type `T` sent as a JSON document inside a string field
/// (`"content": "{\"text\":\"hi\"}"`).
///
/// Sending, the value is written to the string; receiving, the string is
/// parsed into `T`, and kept as received whatever the outcome: a string that
/// does not parse (or parses to another shape) is still there in
/// [`JsonString::raw`], with the reason in [`JsonString::error`].
#[derive(Clone)]
pub struct JsonString<T> {
    raw: String,
    parsed: Result<T, String>,
}

impl<T: Serialize> JsonString<T> {
    /// The value, written as it will be sent.
    pub fn new(value: T) -> Self {
        match serde_json::to_string(&value) {
            Ok(raw) => Self {
                raw,
                parsed: Ok(value),
            },
            Err(e) => Self {
                raw: String::new(),
                parsed: Err(e.to_string()),
            },
        }
    }
}

impl<T: DeserializeOwned> JsonString<T> {
    /// The string as received, parsed.
    pub fn from_raw(raw: impl Into<String>) -> Self {
        let raw = raw.into();
        let parsed = serde_json::from_str(&raw).map_err(|e| e.to_string());
        Self { raw, parsed }
    }
}

impl<T> JsonString<T> {
    /// The value, when the string held one of its shape.
    pub fn get(&self) -> Option<&T> {
        self.parsed.as_ref().ok()
    }

    /// The value, taken out.
    pub fn into_inner(self) -> Option<T> {
        self.parsed.ok()
    }

    /// The string as sent or received.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// Why the string did not parse into the type, when it did not.
    pub fn error(&self) -> Option<&str> {
        self.parsed.as_ref().err().map(String::as_str)
    }
}

impl<T: Serialize> From<T> for JsonString<T> {
    fn from(value: T) -> Self {
        Self::new(value)
    }
}

impl<T: fmt::Debug> fmt::Debug for JsonString<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.parsed {
            Ok(value) => f.debug_tuple("JsonString").field(value).finish(),
            Err(error) => f
                .debug_struct("JsonString")
                .field("raw", &self.raw)
                .field("error", error)
                .finish(),
        }
    }
}

/// Equal when the strings are: what goes on the wire.
impl<T> PartialEq for JsonString<T> {
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}

impl<T> Eq for JsonString<T> {}

impl<T> std::hash::Hash for JsonString<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.raw.hash(state);
    }
}

impl<T> Serialize for JsonString<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.raw)
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for JsonString<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self::from_raw)
    }
}

/// The content of a union whose tag the spec does not list (a message type
/// newer than the spec), or that does not fit its variant's type: the tag
/// and the content as received, sent back as they are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownContent {
    tag: String,
    content: serde_json::Value,
}

impl UnknownContent {
    /// Content kept raw (for generated code, and for sending a kind the
    /// spec does not list yet).
    pub fn new(tag: impl Into<String>, content: serde_json::Value) -> Self {
        Self {
            tag: tag.into(),
            content,
        }
    }

    /// The tag as received.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// The content as received (for content carried in a string, the
    /// string).
    pub fn content(&self) -> &serde_json::Value {
        &self.content
    }
}

#[cfg(test)]
mod tests {
    use super::JsonString;
    use serde_json::{Value, json};

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Text {
        text: String,
    }

    #[test]
    fn both_ways_and_kept_when_it_does_not_parse() {
        let sent = JsonString::new(Text {
            text: "hi \"you\"".into(),
        });
        let wire = serde_json::to_value(&sent).unwrap();
        assert_eq!(wire, json!("{\"text\":\"hi \\\"you\\\"\"}"));
        let back: JsonString<Text> = serde_json::from_value(wire).unwrap();
        assert_eq!(back.get().unwrap().text, "hi \"you\"");
        assert_eq!(back, sent);

        let odd: JsonString<Text> = serde_json::from_value(json!("{\"title\":1}")).unwrap();
        assert!(odd.get().is_none());
        assert_eq!(odd.raw(), "{\"title\":1}");
        assert!(odd.error().unwrap().contains("text"), "{:?}", odd.error());
        let junk: JsonString<Value> = serde_json::from_value(json!("not json")).unwrap();
        assert!(junk.error().is_some());
        assert!(serde_json::from_value::<JsonString<Text>>(json!(3)).is_err());
    }
}
