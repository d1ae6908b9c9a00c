//! One connection's session: reading frames, pinging, starting handlers
//! and answering their events, until the connection is lost or shutdown
//! is asked for.

use std::collections::VecDeque;
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use tokio::sync::{OwnedSemaphorePermit, mpsc};
use tokio::task::JoinSet;
use tokio_tungstenite::tungstenite::Message;

use super::config::ClientConfig;
use super::fragments::Fragments;
use super::{Handlers, LongConnection, SessionEnd, Socket, Stopped};
use crate::event::frame::{Frame, METHOD_CONTROL, METHOD_DATA};

/// How long one frame may take to write before the connection is taken for dead.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

/// Logs a handler task that did not end normally (a panic outside the
/// dispatcher's own catch).
pub(super) fn log_join_error(joined: Result<(), tokio::task::JoinError>) {
    if let Err(error) = joined
        && !error.is_cancelled()
    {
        tracing::error!(%error, "long-connection handler task failed");
    }
}

impl LongConnection {
    /// Serves one connection until it is lost or shutdown is asked for.
    pub(super) async fn session(
        &self,
        socket: Socket,
        service: i32,
        config: &mut ClientConfig,
        shutdown: &mut std::pin::Pin<&mut impl Future<Output = ()>>,
        handlers: &mut Handlers,
    ) -> SessionEnd {
        let (mut sink, mut stream) = socket.split();
        let (out, mut outgoing) = mpsc::channel::<Message>(256);
        let mut writer = tokio::spawn(async move {
            while let Some(message) = outgoing.recv().await {
                let closing = matches!(message, Message::Close(_));
                let sent = tokio::time::timeout(WRITE_TIMEOUT, sink.send(message)).await;
                if !matches!(sent, Ok(Ok(()))) || closing {
                    break;
                }
            }
            let _ = tokio::time::timeout(WRITE_TIMEOUT, sink.close()).await;
        });
        let mut fragments = Fragments::new(self.fragment_expiry);
        // Complete events waiting for a handler.
        let mut waiting: VecDeque<(Frame, Vec<u8>)> = VecDeque::new();
        let mut ping_every = config.ping_every();
        let mut ping = tokio::time::interval(ping_every);
        let mut last_frame = Instant::now();

        let end = loop {
            tokio::select! {
                () = &mut *shutdown => break SessionEnd::Stopped(Stopped::default()),
                _ = ping.tick() => {
                    let dead_after = ping_every.saturating_mul(2);
                    if last_frame.elapsed() > dead_after {
                        break SessionEnd::Lost(format!("no frame for {dead_after:?} (two ping intervals)"));
                    }
                    // Never waits: a writer 256 frames behind is a dead connection.
                    if out.try_send(Message::Binary(Frame::ping(service).to_bytes().into())).is_err() {
                        break SessionEnd::Lost("the connection does not take writes".into());
                    }
                }
                permit = Arc::clone(&handlers.permits).acquire_owned(), if !waiting.is_empty() => {
                    let (Ok(permit), Some((frame, payload))) = (permit, waiting.pop_front()) else {
                        break SessionEnd::Lost("handlers closed".into());
                    };
                    self.start(&mut handlers.tasks, permit, frame, payload, &out);
                }
                Some(joined) = handlers.tasks.join_next(), if !handlers.tasks.is_empty() => log_join_error(joined),
                incoming = stream.next() => {
                    let message = match incoming {
                        Some(Ok(message)) => message,
                        Some(Err(e)) => break SessionEnd::Lost(format!("read: {e}")),
                        None => break SessionEnd::Lost("the server closed the connection".into()),
                    };
                    last_frame = Instant::now();
                    let bytes = match message {
                        Message::Binary(bytes) => bytes,
                        Message::Close(_) => break SessionEnd::Lost("the server closed the connection".into()),
                        _ => continue,
                    };
                    let Ok(frame) = Frame::from_bytes(&bytes) else {
                        tracing::warn!(bytes = bytes.len(), "undecodable frame skipped");
                        continue;
                    };
                    match (frame.method, frame.kind()) {
                        (METHOD_CONTROL, "pong") => {
                            let updated = frame
                                .payload
                                .as_deref()
                                .and_then(|p| serde_json::from_slice::<serde_json::Value>(p).ok())
                                .is_some_and(|json| config.update(&json));
                            let every = config.ping_every();
                            if updated && every != ping_every {
                                ping_every = every;
                                let start = tokio::time::Instant::now()
                                    .checked_add(every)
                                    .unwrap_or_else(tokio::time::Instant::now);
                                ping = tokio::time::interval_at(start, every);
                            }
                        }
                        (METHOD_DATA, "event") => {
                            let payload = match fragments.add(&frame, Instant::now()) {
                                Ok(Some(payload)) => payload,
                                Ok(None) => continue,
                                Err(e) => {
                                    tracing::warn!(error = %e, "fragment dropped");
                                    continue;
                                }
                            };
                            let free = waiting
                                .is_empty()
                                .then(|| Arc::clone(&handlers.permits).try_acquire_owned().ok())
                                .flatten();
                            if let Some(permit) = free {
                                self.start(&mut handlers.tasks, permit, frame, payload, &out);
                            } else if waiting.len() < self.max_handlers {
                                waiting.push_back((frame, payload));
                            } else {
                                tracing::warn!("every handler is busy and as many events wait: answered 500, to be pushed again");
                                let reply = frame.reply(false, 0);
                                let _ = out.try_send(Message::Binary(reply.to_bytes().into()));
                            }
                        }
                        _ => {}
                    }
                }
            }
        };
        let end = match end {
            SessionEnd::Stopped(_) => {
                // Events no handler took are answered failed, so that they
                // are pushed again; running handlers get the drain timeout to
                // answer; then the socket is closed.
                // Nothing here waits on the socket: a stalled writer loses
                // these, and the platform pushes the events again anyway.
                for (frame, _) in waiting.drain(..) {
                    let reply = frame.reply(false, 0);
                    let _ = out.try_send(Message::Binary(reply.to_bytes().into()));
                }
                let stopped = self.drain(handlers).await;
                let _ = out.try_send(Message::Close(None));
                SessionEnd::Stopped(stopped)
            }
            lost => lost,
        };
        drop(out);
        if tokio::time::timeout(Duration::from_secs(2), &mut writer)
            .await
            .is_err()
        {
            writer.abort();
        }
        end
    }

    /// Runs an event's handler on its own task; its answer goes out when it ends.
    fn start(
        &self,
        tasks: &mut JoinSet<()>,
        permit: OwnedSemaphorePermit,
        frame: Frame,
        payload: Vec<u8>,
        out: &mpsc::Sender<Message>,
    ) {
        let dispatcher = Arc::clone(&self.dispatcher);
        let out = out.clone();
        tasks.spawn(async move {
            let started = Instant::now();
            let outcome = dispatcher.dispatch(&payload).await;
            let took = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
            let reply = match outcome.answer() {
                Some(answer) => frame.reply_answer(answer, took),
                None => frame.reply(outcome.acknowledged(), took),
            };
            let _ = out.send(Message::Binary(reply.to_bytes().into())).await;
            drop(permit);
        });
    }
}
