//! The dispatcher: routes a plaintext event to its typed handler.
//!
//! ```
//! use lark_runtime::event::Dispatcher;
//!
//! let dispatcher = Dispatcher::new().fallback(|raw| async move {
//!     println!("unhandled {}", raw.event_type());
//!     Ok(())
//! });
//! ```
//!
//! Typed handlers are registered with [`Dispatcher::on`], or with the
//! `on_…` method lark-sdk generates for every event of its spec
//! (`.on_message_reaction_deleted_v1(handler)`).
//!
//! The webhook and the long connection both hand events to a dispatcher and
//! answer the platform from its [`Outcome`].
//!
//! Callbacks (`card.action.trigger`) answer with data: their handlers,
//! registered with [`Dispatcher::on_callback`], return the answer, which
//! the dispatcher gives as [`Outcome::Answered`] (see [`CallbackResult`]
//! for what runs when).
//!
//! # What it guarantees
//!
//! - **No copy of a handled event runs again**: an event is claimed in the
//!   [`DedupStore`] by its id (a received message, `im.message.receive_v1`,
//!   by its `message_id`) before its handler runs; a copy that arrives
//!   while it runs is answered [`Outcome::Busy`] (the platform pushes it
//!   again later), one that arrives after it succeeded is acknowledged as
//!   [`Outcome::Duplicate`]. Events without an id are never deduplicated.
//!   Delivery stays at least once: a handler cut off before it finished may
//!   have done part of its work when the re-push runs it again.
//! - **Nothing lost**: the claim is held by a guard. When the handler fails,
//!   panics, or its future is dropped (the platform closed the request at
//!   its 3 second timeout, or the caller wrapped [`Dispatcher::dispatch`] in
//!   a timeout), the claim is given up, so the next re-push runs the handler
//!   again. A claim also lapses on its own after the lease (default 60 s),
//!   should the process die holding it.
//! - **A panicking handler is a failed handler**: the panic is caught and
//!   answered like an error ([`Outcome::Failed`] with a [`HandlerPanic`]);
//!   it never escapes `dispatch` or the webhook. (The panic hook still
//!   prints it; built with `panic = "abort"`, a panic ends the process, as
//!   it does anywhere.)
//! - **A body that does not fit its type is not re-pushed for hours**: it
//!   is acknowledged and handed, raw, to the handler set with
//!   [`Dispatcher::on_undecodable`], with the decode error; without one it
//!   is logged at warn level ([`Outcome::Undecodable`]).
//!
//! # How many handlers run at once
//!
//! With [`AckMode::AfterHandling`] (the default), each request or frame runs
//! its handler itself: as many at once as requests arrive (the long
//! connection bounds them with `max_handlers`). With
//! [`AckMode::Immediately`], a pool of `workers` tasks runs the queued
//! handlers, at most `workers` at once; a panic does not stop a worker.
//! [`Dispatcher::shutdown`] lets the pool finish, up to a timeout
//! (`LongConnection::run` calls it when it stops).

mod callback;
mod guard;
mod key;
mod pool;

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::mpsc;

pub use callback::CallbackResult;
pub use guard::HandlerPanic;
use guard::{Held, begin, run_caught};
use key::{WithEvent, dedup_key, message_key};
use pool::{Job, Pool};

use super::dedup::{BoxFuture, Claim, DedupStore, MemoryDedup, Seen};
use super::envelope::{
    EnvelopeRef, EventBody, EventDecodeError, EventSchema, FromParts, RawEvent, peek_event_type,
};

/// What a handler returns.
pub type HandlerResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

/// What a handler's run gives the dispatcher: the JSON of a callback's
/// answer, nothing for an event.
type Ran = Result<Option<Vec<u8>>, Box<dyn std::error::Error + Send + Sync>>;

/// A handler's run, ready to be polled.
type Run = BoxFuture<'static, Ran>;

/// A handler, from an envelope already read.
type Erased = Arc<dyn Fn(&EnvelopeRef<'_>, &[u8]) -> Result<Run, EventDecodeError> + Send + Sync>;

/// A handler of a 2.0 event, decoding the whole event in one pass; `None`
/// when the JSON is not such an event of its type (the general path then
/// reads it and says what is wrong).
type Whole = Arc<dyn Fn(&[u8], Option<&str>) -> Option<Decoded> + Send + Sync>;

/// The handler of events no typed handler takes.
type Fallback = Arc<dyn Fn(RawEvent) -> Run + Send + Sync>;

/// The handler of events whose body does not fit their type.
type Undecodable = Arc<dyn Fn(RawEvent, EventDecodeError) -> Run + Send + Sync>;

/// A handler of one event type.
struct Handler {
    general: Erased,
    whole: Option<Whole>,
    /// A callback's: it runs before the answer, whatever the mode.
    callback: bool,
}

/// A 2.0 event decoded whole, its handler ready to run.
pub(crate) struct Decoded {
    /// `header.event_id`.
    event_id: String,
    /// Whether `header.token` is the expected verification token (compared
    /// in constant time; `true` when none is expected).
    pub token_ok: bool,
    callback: bool,
    run: Run,
}

/// When the platform is told an event arrived.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum AckMode {
    /// Run the handler, then answer: success when it succeeded, failure (so
    /// the platform re-pushes) when it failed or panicked. Handlers must
    /// finish within the platform's 3 seconds.
    #[default]
    AfterHandling,
    /// Answer at once and run handlers in the background: a pool of
    /// `workers` tasks takes them from a queue of at most `queue` events
    /// (an event that finds the queue full is answered with failure, so the
    /// platform pushes it again: nothing is dropped). For handlers slower
    /// than 3 seconds; a handler that fails or panics is logged, not
    /// re-pushed, and its worker goes on with the next event. The claim's
    /// lease runs from the event's arrival, queueing included. Needs a
    /// Tokio runtime (without one, events are answered busy).
    Immediately {
        /// Events waiting to be handled, at most (held to 1 ..= 2^20).
        queue: usize,
        /// Handlers running at once, at most (held to 1 ..= 1,024).
        workers: usize,
    },
}

/// What became of an event.
#[derive(Debug)]
#[non_exhaustive]
pub enum Outcome {
    /// Its handler ran and succeeded.
    Handled,
    /// A callback's handler ran and succeeded: the JSON of its answer, for
    /// the platform (the webhook's body, the `data` of the long
    /// connection's reply).
    Answered(Vec<u8>),
    /// Queued for a handler (ack-first mode).
    Queued,
    /// Handled before: acknowledged without running the handler again.
    Duplicate,
    /// No handler and no fallback for its type.
    Unhandled {
        /// The event type.
        event_type: String,
    },
    /// Its handler failed, or panicked ([`HandlerPanic`]).
    Failed(Box<dyn std::error::Error + Send + Sync>),
    /// A copy is being handled right now, or the queue is full: answer
    /// failure so that the platform pushes it again later.
    Busy,
    /// Its body does not fit its type, and no [`Dispatcher::on_undecodable`]
    /// handler is set: acknowledged (a re-push would not fit either), and
    /// logged at warn level.
    Undecodable {
        /// The event type.
        event_type: String,
        /// What does not fit.
        error: EventDecodeError,
    },
    /// Not an event: not a JSON object, or neither envelope.
    Invalid(EventDecodeError),
}

impl Outcome {
    /// Whether the platform should be told the event arrived.
    pub fn acknowledged(&self) -> bool {
        matches!(
            self,
            Outcome::Handled
                | Outcome::Answered(_)
                | Outcome::Queued
                | Outcome::Duplicate
                | Outcome::Unhandled { .. }
                | Outcome::Undecodable { .. }
        )
    }

    /// The JSON of a callback's answer, when it was answered.
    pub fn answer(&self) -> Option<&[u8]> {
        match self {
            Outcome::Answered(json) => Some(json),
            _ => None,
        }
    }
}

/// Routes events to handlers.
pub struct Dispatcher {
    handlers: HashMap<&'static str, Handler>,
    fallback: Option<Fallback>,
    undecodable: Option<Undecodable>,
    dedup: Option<Arc<dyn DedupStore>>,
    lease: Duration,
    mode: AckMode,
    pool: Mutex<Option<Pool>>,
    #[cfg(feature = "client")]
    client: Option<crate::Client>,
}

impl Default for Dispatcher {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for Dispatcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut types: Vec<&&str> = self.handlers.keys().collect();
        types.sort();
        f.debug_struct("Dispatcher")
            .field("handlers", &types)
            .field("fallback", &self.fallback.is_some())
            .field("undecodable", &self.undecodable.is_some())
            .field("dedup", &self.dedup.is_some())
            .field("lease", &self.lease)
            .field("mode", &self.mode)
            .finish_non_exhaustive()
    }
}

impl Dispatcher {
    /// No handlers yet; deduplication in memory; handle, then acknowledge.
    pub fn new() -> Self {
        Self {
            handlers: HashMap::new(),
            fallback: None,
            undecodable: None,
            dedup: Some(Arc::new(MemoryDedup::default())),
            lease: Duration::from_secs(60),
            mode: AckMode::default(),
            pool: Mutex::new(None),
            #[cfg(feature = "client")]
            client: None,
        }
    }

    /// Handles events of type `T` (the generated `on_…` methods call this).
    /// A second handler for one type replaces the first.
    pub fn on<T, F, Fut>(self, handler: F) -> Self
    where
        T: EventBody,
        F: Fn(T::Envelope) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = HandlerResult> + Send + 'static,
    {
        self.register::<T, F, Fut, ()>(handler, false, |()| Ok(None))
    }

    /// Registers a handler of `T` whose result `finish` turns into what the
    /// platform is answered.
    fn register<T, F, Fut, A>(mut self, handler: F, callback: bool, finish: fn(A) -> Ran) -> Self
    where
        T: EventBody,
        F: Fn(T::Envelope) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<A, Box<dyn std::error::Error + Send + Sync>>> + Send + 'static,
        A: 'static,
    {
        let handler = Arc::new(handler);
        let general: Erased = {
            let handler = Arc::clone(&handler);
            Arc::new(move |envelope: &EnvelopeRef<'_>, _json: &[u8]| {
                let event = envelope.decode::<T>()?;
                let handler = Arc::clone(&handler);
                Ok(Box::pin(async move { handler(event).await.and_then(finish) }) as Run)
            })
        };
        let whole = (T::SCHEMA == EventSchema::V2).then(|| {
            Arc::new(move |json: &[u8], token: Option<&str>| {
                // One UTF-8 check of the whole, rather than one per string.
                let text = std::str::from_utf8(json).ok()?;
                let event: T::Envelope = serde_json::from_str(text).ok()?;
                let header = event.v2_header()?;
                if header.event_type != T::EVENT_TYPE {
                    return None;
                }
                let token_ok = token.is_none_or(|t| tokens_match(t, &header.token));
                let event_id = match message_key(T::EVENT_TYPE, || {
                    serde_json::from_str::<WithEvent<'_>>(text).ok()?.event
                }) {
                    Some(key) => key,
                    None => header.event_id.clone(),
                };
                let handler = Arc::clone(&handler);
                Some(Decoded {
                    event_id,
                    token_ok,
                    callback,
                    run: Box::pin(async move { handler(event).await.and_then(finish) }),
                })
            }) as Whole
        });
        self.handlers.insert(
            T::EVENT_TYPE,
            Handler {
                general,
                whole,
                callback,
            },
        );
        self
    }

    /// Handles every event no typed handler takes, as raw JSON with its header.
    pub fn fallback<F, Fut>(mut self, handler: F) -> Self
    where
        F: Fn(RawEvent) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = HandlerResult> + Send + 'static,
    {
        let handler = Arc::new(handler);
        self.fallback = Some(Arc::new(move |raw| {
            let handler = Arc::clone(&handler);
            Box::pin(async move { handler(raw).await.map(|()| None) })
        }));
        self
    }

    /// Handles events of a typed handler's type whose body does not fit the
    /// type (a field of another JSON type, a required field missing): the
    /// event, raw, and what does not fit. It is deduplicated and answered
    /// like any handler's event. Without this handler such an event is
    /// acknowledged and logged at warn level.
    pub fn on_undecodable<F, Fut>(mut self, handler: F) -> Self
    where
        F: Fn(RawEvent, EventDecodeError) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = HandlerResult> + Send + 'static,
    {
        let handler = Arc::new(handler);
        self.undecodable = Some(Arc::new(move |raw, error| {
            let handler = Arc::clone(&handler);
            Box::pin(async move { handler(raw, error).await.map(|()| None) })
        }));
        self
    }

    /// Keeps handled event ids in `store` (default: in memory, 100,000 ids for 12 hours).
    pub fn dedup(mut self, store: impl DedupStore) -> Self {
        self.dedup = Some(Arc::new(store));
        self
    }

    /// Runs every copy of every event.
    pub fn without_dedup(mut self) -> Self {
        self.dedup = None;
        self
    }

    /// How long a claim on an event lasts when nothing gives it up (the
    /// process died mid-handler); default 60 seconds. Make it longer than
    /// the slowest handler: a re-push after it lapses runs a second copy.
    pub fn lease(mut self, lease: Duration) -> Self {
        self.lease = lease.max(Duration::from_millis(1));
        self
    }

    /// When the platform is told an event arrived (default: after handling).
    pub fn mode(mut self, mode: AckMode) -> Self {
        self.mode = mode;
        self
    }

    /// Gives a store app's client the app_ticket events carry.
    #[cfg(feature = "client")]
    pub fn client(mut self, client: crate::Client) -> Self {
        self.client = Some(client);
        self
    }

    /// Whether a typed handler takes this event type.
    pub fn handles(&self, event_type: &str) -> bool {
        self.handlers.contains_key(event_type)
    }

    /// Handles a plaintext event (a decrypted webhook body, a long-connection payload).
    pub async fn dispatch(&self, json: &[u8]) -> Outcome {
        if let Some(decoded) = self.decode_whole(json, None) {
            return self.run_decoded(decoded).await;
        }
        let envelope = match EnvelopeRef::parse(json) {
            Ok(envelope) => envelope,
            Err(e) => return Outcome::Invalid(e),
        };
        self.dispatch_envelope(&envelope, json).await
    }

    /// The fast path: a 2.0 event of a type with a typed handler, decoded
    /// in one pass (its type found ahead by a scan, then checked against the
    /// decoded header). `None` sends the event down the general path.
    /// `token`: the verification token the event must carry, if any.
    pub(crate) fn decode_whole(&self, json: &[u8], token: Option<&str>) -> Option<Decoded> {
        let handler = self.handlers.get(peek_event_type(json)?)?;
        (handler.whole.as_ref()?)(json, token)
    }

    /// Runs an event decoded whole.
    pub(crate) async fn run_decoded(&self, decoded: Decoded) -> Outcome {
        self.run(decoded.event_id, decoded.run, decoded.callback)
            .await
    }

    /// Handles an event whose envelope is already read.
    pub async fn dispatch_envelope(&self, envelope: &EnvelopeRef<'_>, json: &[u8]) -> Outcome {
        #[cfg(feature = "client")]
        self.take_app_ticket(envelope);
        let handler = self.handlers.get(envelope.event_type());
        let callback = handler.is_some_and(|h| h.callback);
        let run = match handler {
            Some(handler) => match (handler.general)(envelope, json) {
                Ok(run) => run,
                Err(error) => return self.undecodable(envelope, json, error).await,
            },
            None => match (&self.fallback, RawEvent::new(envelope, json)) {
                (Some(fallback), Ok(raw)) => fallback(raw),
                (Some(_), Err(e)) => return Outcome::Invalid(e),
                (None, _) => {
                    return Outcome::Unhandled {
                        event_type: envelope.event_type().to_owned(),
                    };
                }
            },
        };
        self.run(dedup_key(envelope), run, callback).await
    }

    /// An event of a handled type whose body does not fit it.
    async fn undecodable(
        &self,
        envelope: &EnvelopeRef<'_>,
        json: &[u8],
        error: EventDecodeError,
    ) -> Outcome {
        if let Some(handler) = &self.undecodable {
            let raw = match RawEvent::new(envelope, json) {
                Ok(raw) => raw,
                Err(e) => return Outcome::Invalid(e),
            };
            let handler = Arc::clone(handler);
            let run = handler(raw, error);
            return self.run(dedup_key(envelope), run, false).await;
        }
        tracing::warn!(
            event_type = envelope.event_type(),
            event_id = envelope.event_id(),
            %error,
            "event does not fit its type; acknowledged unhandled (set Dispatcher::on_undecodable to see it)"
        );
        Outcome::Undecodable {
            event_type: envelope.event_type().to_owned(),
            error,
        }
    }

    /// Claims the event, then runs or queues its handler (a callback's
    /// always runs: its answer is what the platform waits for).
    async fn run(&self, key: String, run: Run, callback: bool) -> Outcome {
        let held = match &self.dedup {
            // An event without an id is never taken for another.
            Some(store) if !key.is_empty() => {
                let claim = Claim::new();
                match begin(&**store, &key, claim, self.lease).await {
                    Seen::New => Some(Held::new(store, key, claim)),
                    Seen::InProgress => return Outcome::Busy,
                    Seen::Done => return Outcome::Duplicate,
                }
            }
            _ => None,
        };
        match self.mode {
            _ if callback => run_now(run, held).await,
            AckMode::AfterHandling => run_now(run, held).await,
            AckMode::Immediately { queue, workers } => {
                let key = held.as_ref().map(|h| h.key.clone()).unwrap_or_default();
                // A job that does not fit (or finds no runtime to run on)
                // is dropped here: its claim is given up.
                let Some((sender, pending)) = self.sender(queue, workers) else {
                    tracing::warn!("ack-first mode needs a Tokio runtime; answered busy");
                    return Outcome::Busy;
                };
                pending.fetch_add(1, Ordering::Relaxed);
                match sender.try_send(Job { key, held, run }) {
                    Ok(()) => Outcome::Queued,
                    Err(_) => {
                        pending.fetch_sub(1, Ordering::Relaxed);
                        Outcome::Busy
                    }
                }
            }
        }
    }

    /// The queue of ack-first mode, its workers started on first use (and
    /// again after [`Self::shutdown`], or should the runtime they ran on
    /// have gone); `None` outside a Tokio runtime.
    fn sender(
        &self,
        queue: usize,
        workers: usize,
    ) -> Option<(mpsc::Sender<Job>, Arc<AtomicUsize>)> {
        let mut slot = self.pool.lock().unwrap_or_else(|e| e.into_inner());
        match &*slot {
            Some(pool) if !pool.sender.is_closed() => {
                Some((pool.sender.clone(), Arc::clone(&pool.pending)))
            }
            _ => {
                let runtime = tokio::runtime::Handle::try_current().ok()?;
                let pool = Pool::start(queue, workers, &runtime);
                let handles = (pool.sender.clone(), Arc::clone(&pool.pending));
                *slot = Some(pool);
                Some(handles)
            }
        }
    }

    /// Stops ack-first mode's workers: events queued or running get up to
    /// `timeout` to be handled, then the rest are cancelled (they were
    /// acknowledged, so the platform will not push them again: the count
    /// is returned and a warning logged). Does nothing in the default mode.
    /// An event dispatched later starts a new pool.
    pub async fn shutdown(&self, timeout: Duration) -> usize {
        let pool = self.pool.lock().unwrap_or_else(|e| e.into_inner()).take();
        match pool {
            Some(pool) => pool.stop(timeout).await,
            None => 0,
        }
    }

    /// A store app's `app_ticket` event gives the client its ticket.
    #[cfg(feature = "client")]
    fn take_app_ticket(&self, envelope: &EnvelopeRef<'_>) {
        #[derive(serde::Deserialize)]
        struct Ticket<'a> {
            #[serde(borrow)]
            app_ticket: Option<std::borrow::Cow<'a, str>>,
        }
        let Some(client) = &self.client else {
            return;
        };
        if envelope.event_type() != "app_ticket" {
            return;
        }
        let ticket = envelope
            .event_json()
            .and_then(|raw| serde_json::from_str::<Ticket<'_>>(raw.get()).ok())
            .and_then(|t| t.app_ticket);
        if let Some(ticket) = ticket {
            client.set_app_ticket(ticket.into_owned());
        }
    }
}

/// Runs a handler and records its outcome.
async fn run_now(run: Run, held: Option<Held>) -> Outcome {
    let result = run_caught(run).await;
    if let Some(held) = held {
        held.finish(result.is_ok()).await;
    }
    match result {
        Ok(None) => Outcome::Handled,
        Ok(Some(answer)) => Outcome::Answered(answer),
        Err(e) => Outcome::Failed(e),
    }
}

/// Whether a verification token is the expected one, in constant time.
pub(crate) fn tokens_match(expected: &str, got: &str) -> bool {
    use subtle::ConstantTimeEq;
    bool::from(expected.as_bytes().ct_eq(got.as_bytes()))
}
