//! Callbacks: events whose receiver's answer carries data.

use std::future::Future;

use super::{Dispatcher, Ran};
use crate::event::envelope::CallbackBody;

/// What a callback's handler returns: its answer, or why it failed.
///
/// Callbacks are events whose receiver's answer carries data (a card's
/// `card.action.trigger` answers with a toast and a new card). The platform pushes a callback like a 2.0 event and waits 3 seconds for
/// the answer; the user sees it at once (a toast, the card changed). So:
///
/// - **A callback's handler always runs before the answer**, in
///   [`AckMode::Immediately`](super::AckMode::Immediately) too: queued, its
///   answer would be lost. Keep it within the 3 seconds; work that takes
///   longer goes on a task of its own, and the card can be updated later
///   with the callback's `token`.
/// - Its answer, serialized to JSON, is the [`Outcome::Answered`](super::Outcome::Answered): the
///   webhook answers 200 with that JSON as the body; the long connection
///   replies `{"code":200,"data":"<base64 of that JSON>"}`.
/// - A handler that fails or panics is answered as for any event (500, or
///   `{"code":500}`): the platform shows the user that the action failed.
/// - A copy of a callback already answered ([`Outcome::Duplicate`](super::Outcome::Duplicate)) gets
///   success without data (200 `{"msg":"success"}`, or `{"code":200}`): no
///   toast, and the card stays as it is. The first answer is not kept.
/// - A callback no typed handler takes goes to the fallback like any event,
///   and is answered the same way, without data.
pub type CallbackResult<A> = Result<A, Box<dyn std::error::Error + Send + Sync>>;

impl Dispatcher {
    /// Handles callbacks of type `T` (the generated `on_…` methods of
    /// callbacks call this): the handler's answer goes back to the
    /// platform, which waits 3 seconds for it. A second handler for one type
    /// replaces the first.
    pub fn on_callback<T, F, Fut>(self, handler: F) -> Self
    where
        T: CallbackBody,
        F: Fn(T::Envelope) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = CallbackResult<T::Answer>> + Send + 'static,
    {
        self.register::<T, F, Fut, T::Answer>(handler, true, answer_json::<T::Answer>)
    }
}

/// The JSON of an answer; an answer that does not serialize is a failure.
fn answer_json<A: serde::Serialize>(answer: A) -> Ran {
    match serde_json::to_vec(&answer) {
        Ok(json) => Ok(Some(json)),
        Err(e) => Err(Box::new(e)),
    }
}
