//! What keeps an event's handler from stranding state: the panic catcher,
//! and the guard of an event's claim in the dedup store.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use super::{Ran, Run};
use crate::event::dedup::{BoxFuture, Claim, DedupStore, Seen};

/// A handler panicked; the panic was caught and taken as a failure.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the event handler panicked: {message}")]
pub struct HandlerPanic {
    /// The panic's message, when it was a string.
    pub message: String,
}

impl HandlerPanic {
    fn from_payload(payload: &(dyn std::any::Any + Send)) -> Self {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a value that is not a string".to_owned());
        Self { message }
    }
}

/// A future whose panic is caught, as a [`HandlerPanic`].
pub(super) struct CatchPanic<T>(pub(super) BoxFuture<'static, T>);

impl<T> Future for CatchPanic<T> {
    type Output = Result<T, HandlerPanic>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match std::panic::catch_unwind(AssertUnwindSafe(|| self.0.as_mut().poll(cx))) {
            Ok(poll) => poll.map(Ok),
            Err(payload) => Poll::Ready(Err(HandlerPanic::from_payload(&*payload))),
        }
    }
}

/// Runs a handler; a panic is its failure.
pub(super) async fn run_caught(run: Run) -> Ran {
    CatchPanic(run).await.unwrap_or_else(|panic| {
        tracing::error!(panic = %panic.message, "event handler panicked");
        Err(Box::new(panic))
    })
}

/// An event claimed in the dedup store. Dropped before the store has
/// recorded the outcome (the handler's future was dropped, it unwound, or
/// the future was dropped while the store was being told), it gives the
/// claim up (or records what it was told), so that a re-push is not kept
/// waiting for the lease.
pub(super) struct Held {
    store: Arc<dyn DedupStore>,
    pub(super) key: String,
    claim: Claim,
    /// The outcome to record: not handled until told otherwise.
    handled: bool,
    open: bool,
}

impl Held {
    pub(super) fn new(store: &Arc<dyn DedupStore>, key: String, claim: Claim) -> Self {
        Self {
            store: Arc::clone(store),
            key,
            claim,
            handled: false,
            open: true,
        }
    }

    /// Records the handler's outcome.
    pub(super) async fn finish(mut self, handled: bool) {
        self.handled = handled;
        finish(&*self.store, &self.key, self.claim, handled).await;
        self.open = false;
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        if !self.open || self.store.finish_now(&self.key, self.claim, self.handled) {
            return;
        }
        // A store that waits: tell it in the background. Outside a
        // runtime, the lease lapses on its own.
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            let store = Arc::clone(&self.store);
            let key = std::mem::take(&mut self.key);
            let (claim, handled) = (self.claim, self.handled);
            runtime.spawn(async move { store.finish(&key, claim, handled).await });
        }
    }
}

/// Claims an event in a store, without a boxed future when it can.
pub(super) async fn begin(
    store: &dyn DedupStore,
    key: &str,
    claim: Claim,
    lease: Duration,
) -> Seen {
    match store.begin_now(key, claim, lease) {
        Some(seen) => seen,
        None => store.begin(key, claim, lease).await,
    }
}

/// Finishes a claim in a store, without a boxed future when it can.
async fn finish(store: &dyn DedupStore, key: &str, claim: Claim, handled: bool) {
    if !store.finish_now(key, claim, handled) {
        store.finish(key, claim, handled).await;
    }
}
