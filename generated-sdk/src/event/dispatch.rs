//! The dispatcher: routes a plaintext event to its typed handler.
//!
//! ```no_run
//! use lark_sdk::event::Dispatcher;
//!
//! let dispatcher = Dispatcher::new()
//!     .on_message_reaction_deleted_v1(|event| async move {
//!         println!("{:?} removed {:?}", event.event.operator_type, event.event.reaction_type);
//!         Ok(())
//!     })
//!     .fallback(|raw| async move {
//!         println!("unhandled {}", raw.event_type());
//!         Ok(())
//!     });
//! ```
//!
//! The webhook and the long connection both hand events to a dispatcher and
//! answer the platform from its [`Outcome`].

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::sync::{Arc, OnceLock};

use tokio::sync::mpsc;

use super::dedup::{BoxFuture, DedupStore, MemoryDedup, Seen};
use super::envelope::{
    EnvelopeRef, EventBody, EventDecodeError, EventSchema, FromParts, RawEvent, peek_event_type,
};

/// What a handler returns.
pub type HandlerResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

/// A handler, from an envelope already read.
type Erased = Arc<
    dyn Fn(&EnvelopeRef<'_>, &[u8]) -> Result<BoxFuture<'static, HandlerResult>, EventDecodeError>
        + Send
        + Sync,
>;

/// A handler of a 2.0 event, decoding the whole event in one pass; `None`
/// when the JSON is not such an event of its type (the general path then
/// reads it and says what is wrong).
type Whole = Arc<dyn Fn(&[u8], Option<&str>) -> Option<Decoded> + Send + Sync>;

/// A handler of one event type.
struct Handler {
    general: Erased,
    whole: Option<Whole>,
}

/// A 2.0 event decoded whole, its handler ready to run.
pub(crate) struct Decoded {
    /// `header.event_id`.
    event_id: String,
    /// Whether `header.token` is the expected verification token (compared
    /// in constant time; `true` when none is expected).
    pub token_ok: bool,
    run: BoxFuture<'static, HandlerResult>,
}

/// When the platform is told an event arrived.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum AckMode {
    /// Run the handler, then answer: success when it succeeded, failure (so
    /// the platform re-pushes) when it failed. Handlers must finish within
    /// the platform's 3 seconds.
    #[default]
    AfterHandling,
    /// Answer at once and run handlers in the background, through a bounded
    /// queue (answered with failure when full, so nothing is dropped). For
    /// handlers slower than 3 seconds; a handler that fails is not re-pushed.
    Immediately {
        /// Events waiting to be handled, at most.
        queue: usize,
    },
}

/// What became of an event.
#[derive(Debug)]
#[non_exhaustive]
pub enum Outcome {
    /// Its handler ran and succeeded.
    Handled,
    /// Queued for a handler (ack-first mode).
    Queued,
    /// Handled before: acknowledged without running the handler again.
    Duplicate,
    /// No handler and no fallback for its type.
    Unhandled {
        /// The event type.
        event_type: String,
    },
    /// Its handler failed.
    Failed(Box<dyn std::error::Error + Send + Sync>),
    /// A copy is being handled right now, or the queue is full: answer
    /// failure so that the platform pushes it again later.
    Busy,
    /// Not an event, or its body does not fit its type.
    Invalid(EventDecodeError),
}

impl Outcome {
    /// Whether the platform should be told the event arrived.
    pub fn acknowledged(&self) -> bool {
        matches!(
            self,
            Outcome::Handled | Outcome::Queued | Outcome::Duplicate | Outcome::Unhandled { .. }
        )
    }
}

struct Job {
    key: String,
    run: BoxFuture<'static, HandlerResult>,
}

/// Routes events to handlers.
pub struct Dispatcher {
    handlers: HashMap<&'static str, Handler>,
    fallback: Option<Arc<dyn Fn(RawEvent) -> BoxFuture<'static, HandlerResult> + Send + Sync>>,
    dedup: Option<Arc<dyn DedupStore>>,
    mode: AckMode,
    queue: OnceLock<mpsc::Sender<Job>>,
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
            .field("dedup", &self.dedup.is_some())
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
            dedup: Some(Arc::new(MemoryDedup::default())),
            mode: AckMode::default(),
            queue: OnceLock::new(),
            #[cfg(feature = "client")]
            client: None,
        }
    }

    /// Handles events of type `T` (the generated `on_…` methods call this).
    /// A second handler for one type replaces the first.
    pub fn on<T, F, Fut>(mut self, handler: F) -> Self
    where
        T: EventBody,
        F: Fn(T::Envelope) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = HandlerResult> + Send + 'static,
    {
        let handler = Arc::new(handler);
        let general: Erased = {
            let handler = Arc::clone(&handler);
            Arc::new(move |envelope: &EnvelopeRef<'_>, _json: &[u8]| {
                let event = envelope.decode::<T>()?;
                let handler = Arc::clone(&handler);
                Ok(Box::pin(async move { handler(event).await })
                    as BoxFuture<'static, HandlerResult>)
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
                let event_id = header.event_id.clone();
                let handler = Arc::clone(&handler);
                Some(Decoded {
                    event_id,
                    token_ok,
                    run: Box::pin(async move { handler(event).await }),
                })
            }) as Whole
        });
        self.handlers
            .insert(T::EVENT_TYPE, Handler { general, whole });
        self
    }

    /// Handles every event no typed handler takes, as raw JSON with its header.
    pub fn fallback<F, Fut>(mut self, handler: F) -> Self
    where
        F: Fn(RawEvent) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = HandlerResult> + Send + 'static,
    {
        self.fallback = Some(Arc::new(move |raw| Box::pin(handler(raw))));
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
        self.run(decoded.event_id, decoded.run).await
    }

    /// Handles an event whose envelope is already read.
    pub async fn dispatch_envelope(&self, envelope: &EnvelopeRef<'_>, json: &[u8]) -> Outcome {
        #[cfg(feature = "client")]
        self.take_app_ticket(envelope);
        let run = match self.handlers.get(envelope.event_type()) {
            Some(handler) => match (handler.general)(envelope, json) {
                Ok(run) => run,
                Err(e) => return Outcome::Invalid(e),
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
        self.run(dedup_key(envelope), run).await
    }

    /// Deduplicates, then runs or queues a handler.
    async fn run(&self, key: String, run: BoxFuture<'static, HandlerResult>) -> Outcome {
        if let Some(store) = &self.dedup {
            match begin(&**store, &key).await {
                Seen::New => {}
                Seen::InProgress => return Outcome::Busy,
                Seen::Done => return Outcome::Duplicate,
            }
        }
        match self.mode {
            AckMode::AfterHandling => {
                let result = run.await;
                if let Some(store) = &self.dedup {
                    finish(&**store, &key, result.is_ok()).await;
                }
                match result {
                    Ok(()) => Outcome::Handled,
                    Err(e) => Outcome::Failed(e),
                }
            }
            AckMode::Immediately { queue } => {
                let sender = self.queue.get_or_init(|| self.start_workers(queue));
                match sender.try_send(Job { key, run }) {
                    Ok(()) => Outcome::Queued,
                    Err(
                        mpsc::error::TrySendError::Full(job)
                        | mpsc::error::TrySendError::Closed(job),
                    ) => {
                        if let Some(store) = &self.dedup {
                            finish(&**store, &job.key, false).await;
                        }
                        Outcome::Busy
                    }
                }
            }
        }
    }

    /// The background worker of ack-first mode.
    fn start_workers(&self, capacity: usize) -> mpsc::Sender<Job> {
        let (tx, mut rx) = mpsc::channel::<Job>(capacity.max(1));
        let dedup = self.dedup.clone();
        tokio::spawn(async move {
            while let Some(job) = rx.recv().await {
                let result = job.run.await;
                if let Err(e) = &result {
                    tracing_warn(&job.key, &**e);
                }
                if let Some(store) = &dedup {
                    finish(&**store, &job.key, result.is_ok()).await;
                }
            }
        });
        tx
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

fn tracing_warn(key: &str, error: &(dyn std::error::Error + Send + Sync)) {
    tracing::warn!(event = key, %error, "event handler failed after its acknowledgement");
}

/// The key to deduplicate on: `event_id` (2.0) or `uuid` (1.0), both
/// unique per event across the platform.
fn dedup_key(envelope: &EnvelopeRef<'_>) -> String {
    envelope.event_id().to_owned()
}

/// Whether a verification token is the expected one, in constant time.
pub(crate) fn tokens_match(expected: &str, got: &str) -> bool {
    use subtle::ConstantTimeEq;
    bool::from(expected.as_bytes().ct_eq(got.as_bytes()))
}

/// Begins an event in a store, without a boxed future when it can.
async fn begin(store: &dyn DedupStore, key: &str) -> Seen {
    match store.begin_now(key) {
        Some(seen) => seen,
        None => store.begin(key).await,
    }
}

/// Finishes an event in a store, without a boxed future when it can.
async fn finish(store: &dyn DedupStore, key: &str, handled: bool) {
    if !store.finish_now(key, handled) {
        store.finish(key, handled).await;
    }
}
