//! Why a control operation is refused: the kind, the field at fault and
//! the words.

/// A control operation that cannot be done: why, in words, and the field of
/// the request at fault.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ControlError {
    /// What kind of refusal (the control API's HTTP status).
    pub kind: Refusal,
    /// The field at fault (`tenant_key`, `members[1]`, `sender.kind`), or
    /// `None` when the request as a whole is.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
}

/// Why a control operation is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Refusal {
    /// The request is malformed: a wrong type, a missing or unknown field, a
    /// value out of range (HTTP 400).
    Invalid,
    /// An id names nothing that exists (HTTP 404).
    NotFound,
    /// The world's state forbids it: an id taken, a member not in the chat,
    /// a message gone, the platform's rules (HTTP 409).
    Conflict,
}

impl Refusal {
    /// The HTTP status the control API answers with.
    pub fn status(self) -> u16 {
        match self {
            Refusal::Invalid => 400,
            Refusal::NotFound => 404,
            Refusal::Conflict => 409,
        }
    }
}

impl ControlError {
    fn new(kind: Refusal, field: Option<&str>, message: String) -> Self {
        Self {
            kind,
            field: field.map(str::to_owned),
            message,
        }
    }

    /// A malformed request.
    pub fn invalid(field: Option<&str>, message: impl Into<String>) -> Self {
        Self::new(Refusal::Invalid, field, message.into())
    }

    /// `no {what} `{id}``, the id being in `field`.
    pub fn not_found(field: &str, what: &str, id: &str) -> Self {
        Self::new(Refusal::NotFound, Some(field), format!("no {what} `{id}`"))
    }

    /// A request the world's state forbids.
    pub fn conflict(field: Option<&str>, message: impl Into<String>) -> Self {
        Self::new(Refusal::Conflict, field, message.into())
    }
}
