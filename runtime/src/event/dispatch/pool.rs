//! The worker pool of ack-first mode.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::task::JoinSet;

use super::Run;
use super::guard::{CatchPanic, Held, run_caught};

/// A handler queued in ack-first mode, with its claim.
pub(super) struct Job {
    pub(super) key: String,
    pub(super) held: Option<Held>,
    pub(super) run: Run,
}

/// Queued events, at most, whatever [`AckMode::Immediately`] says.
const MAX_QUEUE: usize = 1 << 20;
/// Workers, at most, whatever [`AckMode::Immediately`] says.
const MAX_WORKERS: usize = 1024;

/// The worker pool of ack-first mode.
pub(super) struct Pool {
    pub(super) sender: mpsc::Sender<Job>,
    workers: JoinSet<()>,
    /// Events queued or running.
    pub(super) pending: Arc<AtomicUsize>,
}

impl Pool {
    /// `workers` tasks on `runtime` sharing one queue of `queue` jobs. A
    /// job's panic, even in what runs after its handler, is caught, so a
    /// worker never dies of one.
    pub(super) fn start(queue: usize, workers: usize, runtime: &tokio::runtime::Handle) -> Self {
        let (sender, rx) = mpsc::channel::<Job>(queue.clamp(1, MAX_QUEUE));
        let rx = Arc::new(tokio::sync::Mutex::new(rx));
        let pending = Arc::new(AtomicUsize::new(0));
        let mut set = JoinSet::new();
        for _ in 0..workers.clamp(1, MAX_WORKERS) {
            let rx = Arc::clone(&rx);
            let pending = Arc::clone(&pending);
            set.spawn_on(
                async move {
                    loop {
                        let job = rx.lock().await.recv().await;
                        let Some(job) = job else { break };
                        let _ = CatchPanic(Box::pin(Self::work(job))).await;
                        pending.fetch_sub(1, Ordering::Relaxed);
                    }
                },
                runtime,
            );
        }
        Self {
            sender,
            workers: set,
            pending,
        }
    }

    async fn work(job: Job) {
        let result = run_caught(job.run).await;
        if let Err(error) = &result {
            tracing::warn!(event = job.key, %error, "event handler failed after its acknowledgement");
        }
        if let Some(held) = job.held {
            held.finish(result.is_ok()).await;
        }
    }

    /// Lets the queue finish for up to `timeout`, then cancels the rest;
    /// how many events were cancelled.
    pub(super) async fn stop(self, timeout: Duration) -> usize {
        let Self {
            sender,
            mut workers,
            pending,
        } = self;
        // Without a sender, the workers finish the queue and stop.
        drop(sender);
        let _ = tokio::time::timeout(timeout, async {
            while workers.join_next().await.is_some() {}
        })
        .await;
        let abandoned = if workers.is_empty() {
            0
        } else {
            pending.load(Ordering::Relaxed)
        };
        if abandoned > 0 {
            tracing::warn!(
                abandoned,
                ?timeout,
                "ack-first handlers still queued or running at shutdown are cancelled; they were acknowledged and will not be pushed again"
            );
        }
        workers.abort_all();
        let _ = tokio::time::timeout(Duration::from_secs(1), async {
            while workers.join_next().await.is_some() {}
        })
        .await;
        abandoned
    }
}
