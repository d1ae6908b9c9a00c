//! The dispatcher under cancellation, panics and id-less events: an event
//! whose handler did not finish is run again on its re-push (with a store
//! in memory and with one that waits), a panic is a failure and never
//! escapes, ack-first mode survives panics, bounds how many handlers run at
//! once, and shuts down within a bound saying what it cancelled.

use lark_sdk::prelude::*;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use lark_sdk::event::dedup::{BoxFuture, Claim, DedupStore, MemoryDedup, Seen};
use lark_sdk::event::{AckMode, Dispatcher, HandlerPanic, Outcome};
use tokio::sync::{Notify, mpsc};

/// A reaction-deleted event with `event_id` (none when empty) and `message_id`.
fn event(event_id: &str, message_id: &str) -> Vec<u8> {
    let id = if event_id.is_empty() {
        String::new()
    } else {
        format!(r#""event_id":"{event_id}","#)
    };
    format!(
        r#"{{"schema":"2.0","header":{{{id}"event_type":"im.message.reaction.deleted_v1","token":"t"}},"event":{{"message_id":"{message_id}"}}}}"#
    )
    .into_bytes()
}

/// Counts calls; `behave(n)` (n from 0) decides what call `n` does.
fn dispatcher<F, Fut>(calls: &Arc<AtomicUsize>, behave: F) -> Dispatcher
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = lark_sdk::event::HandlerResult> + Send + 'static,
{
    let calls = Arc::clone(calls);
    let behave = Arc::new(behave);
    Dispatcher::new().on_message_reaction_deleted_v1(move |_| {
        let n = calls.fetch_add(1, Ordering::SeqCst);
        let behave = Arc::clone(&behave);
        async move { behave(n).await }
    })
}

#[tokio::test]
async fn a_handler_cancelled_mid_way_runs_again_on_the_re_push() {
    let calls = Arc::new(AtomicUsize::new(0));
    let d = dispatcher(&calls, |n| async move {
        if n == 0 {
            // Longer than anyone waits.
            tokio::time::sleep(Duration::from_secs(3600)).await;
        }
        Ok(())
    });
    let json = event("e-cancel", "om_1");
    let cut = tokio::time::timeout(Duration::from_millis(50), d.dispatch(&json)).await;
    assert!(cut.is_err(), "the first attempt is cut short");
    assert!(matches!(d.dispatch(&json).await, Outcome::Handled));
    assert!(matches!(d.dispatch(&json).await, Outcome::Duplicate));
    assert_eq!(calls.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_copy_arriving_while_the_first_runs_is_busy_not_lost() {
    let calls = Arc::new(AtomicUsize::new(0));
    let release = Arc::new(Notify::new());
    let gate = Arc::clone(&release);
    let d = Arc::new(dispatcher(&calls, move |_| {
        let gate = Arc::clone(&gate);
        async move {
            gate.notified().await;
            Ok(())
        }
    }));
    let json = event("e-busy", "om_1");
    let first = tokio::spawn({
        let (d, json) = (Arc::clone(&d), json.clone());
        async move { d.dispatch(&json).await }
    });
    while calls.load(Ordering::SeqCst) == 0 {
        tokio::task::yield_now().await;
    }
    assert!(matches!(d.dispatch(&json).await, Outcome::Busy));
    release.notify_one();
    assert!(matches!(first.await.unwrap(), Outcome::Handled));
    assert!(matches!(d.dispatch(&json).await, Outcome::Duplicate));
}

#[tokio::test]
async fn a_panic_is_a_failure_and_the_re_push_runs_again() {
    let calls = Arc::new(AtomicUsize::new(0));
    let d = dispatcher(&calls, |n| async move {
        if n == 0 {
            panic!("handler bug");
        }
        Ok(())
    });
    let json = event("e-panic", "om_1");
    match d.dispatch(&json).await {
        Outcome::Failed(error) => {
            let panic = error
                .downcast_ref::<HandlerPanic>()
                .expect("a HandlerPanic");
            assert_eq!(panic.message, "handler bug");
        }
        other => panic!("expected a failure, got {other:?}"),
    }
    assert!(matches!(d.dispatch(&json).await, Outcome::Handled));
    assert!(matches!(d.dispatch(&json).await, Outcome::Duplicate));
    assert_eq!(calls.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_panic_in_the_handler_call_itself_is_caught_too() {
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    // Panics when called, before it returns a future.
    let d = Dispatcher::new().on_message_reaction_deleted_v1(
        move |_| -> std::future::Ready<lark_sdk::event::HandlerResult> {
            if counter.fetch_add(1, Ordering::SeqCst) == 0 {
                panic!("eager bug");
            }
            std::future::ready(Ok(()))
        },
    );
    let json = event("e-eager", "om_1");
    assert!(matches!(d.dispatch(&json).await, Outcome::Failed(_)));
    assert!(matches!(d.dispatch(&json).await, Outcome::Handled));
}

#[tokio::test]
async fn events_without_an_id_are_never_taken_for_one_another() {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let d = Dispatcher::new().on_message_reaction_deleted_v1(move |e| {
        let tx = tx.clone();
        async move {
            let _ = tx.send(e.event.message_id);
            Ok(())
        }
    });
    for json in [event("", "om_a"), event("", "om_b"), event("", "om_b")] {
        assert!(matches!(d.dispatch(&json).await, Outcome::Handled));
    }
    let mut seen = Vec::new();
    while let Ok(id) = rx.try_recv() {
        seen.push(id.unwrap());
    }
    assert_eq!(seen, ["om_a", "om_b", "om_b"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ack_first_mode_survives_panics_and_bounds_its_handlers() {
    let running = Arc::new(AtomicUsize::new(0));
    let most = Arc::new(AtomicUsize::new(0));
    let (tx, mut rx) = mpsc::unbounded_channel();
    let (r, m) = (Arc::clone(&running), Arc::clone(&most));
    let d = Dispatcher::new()
        .mode(AckMode::Immediately {
            queue: 16,
            workers: 2,
        })
        .on_message_reaction_deleted_v1(move |e| {
            let (running, most, tx) = (Arc::clone(&r), Arc::clone(&m), tx.clone());
            async move {
                let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(30)).await;
                running.fetch_sub(1, Ordering::SeqCst);
                let id = e.event.message_id.unwrap();
                if id.starts_with("panic") {
                    panic!("handler bug on {id}");
                }
                let _ = tx.send(id);
                Ok(())
            }
        });
    // Two panics first (one per worker), then more events.
    let ids = ["panic-1", "panic-2", "om_1", "om_2", "om_3", "om_4", "om_5"];
    for (n, id) in ids.iter().enumerate() {
        let outcome = d.dispatch(&event(&format!("q-{n}"), id)).await;
        assert!(matches!(outcome, Outcome::Queued), "{id}: {outcome:?}");
    }
    let mut handled = Vec::new();
    while handled.len() < 5 {
        let id = tokio::time::timeout(Duration::from_secs(10), rx.recv())
            .await
            .expect("the workers go on after the panics")
            .unwrap();
        handled.push(id);
    }
    handled.sort();
    assert_eq!(handled, ["om_1", "om_2", "om_3", "om_4", "om_5"]);
    assert_eq!(most.load(Ordering::SeqCst), 2, "two workers, two at once");
    // A panicked event's claim was given up: its re-push runs it again.
    let again = d.dispatch(&event("q-0", "om_again")).await;
    assert!(matches!(again, Outcome::Queued), "{again:?}");
    let id = tokio::time::timeout(Duration::from_secs(10), rx.recv())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(id, "om_again");
    // A handled one is a duplicate.
    assert!(matches!(
        d.dispatch(&event("q-2", "om_1")).await,
        Outcome::Duplicate
    ));
}

#[tokio::test]
async fn ack_first_mode_answers_busy_when_its_queue_is_full_and_loses_nothing() {
    let release = Arc::new(Notify::new());
    let gate = Arc::clone(&release);
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    let d = Dispatcher::new()
        .mode(AckMode::Immediately {
            queue: 1,
            workers: 1,
        })
        .on_message_reaction_deleted_v1(move |_| {
            let gate = Arc::clone(&gate);
            counter.fetch_add(1, Ordering::SeqCst);
            async move {
                gate.notified().await;
                Ok(())
            }
        });
    assert!(matches!(
        d.dispatch(&event("f-1", "om")).await,
        Outcome::Queued
    ));
    while calls.load(Ordering::SeqCst) == 0 {
        tokio::task::yield_now().await;
    }
    // The worker is busy with f-1; f-2 waits in the queue; f-3 finds it full.
    assert!(matches!(
        d.dispatch(&event("f-2", "om")).await,
        Outcome::Queued
    ));
    assert!(matches!(
        d.dispatch(&event("f-3", "om")).await,
        Outcome::Busy
    ));
    release.notify_one();
    while calls.load(Ordering::SeqCst) < 2 {
        tokio::task::yield_now().await;
    }
    release.notify_one();
    // f-3's refusal gave its claim up: its re-push is taken.
    let mut outcome = d.dispatch(&event("f-3", "om")).await;
    while matches!(outcome, Outcome::Busy) {
        tokio::time::sleep(Duration::from_millis(5)).await;
        outcome = d.dispatch(&event("f-3", "om")).await;
    }
    assert!(matches!(outcome, Outcome::Queued), "{outcome:?}");
    release.notify_one();
}

/// A store that takes its time, as one over the network does: it never
/// answers at once, so the dispatcher's guard must reach it in the background.
struct SlowStore {
    inner: MemoryDedup,
    delay: Duration,
}

impl DedupStore for SlowStore {
    fn begin<'a>(&'a self, id: &'a str, claim: Claim, lease: Duration) -> BoxFuture<'a, Seen> {
        Box::pin(async move {
            tokio::time::sleep(self.delay / 10).await;
            self.inner.begin_now(id, claim, lease).expect("in memory")
        })
    }

    fn finish<'a>(&'a self, id: &'a str, claim: Claim, handled: bool) -> BoxFuture<'a, ()> {
        Box::pin(async move {
            tokio::time::sleep(self.delay).await;
            self.inner.finish_now(id, claim, handled);
        })
    }
}

fn slow_store() -> SlowStore {
    SlowStore {
        inner: MemoryDedup::default(),
        delay: Duration::from_millis(200),
    }
}

#[tokio::test]
async fn with_a_store_that_waits_a_dropped_future_still_reaches_it() {
    let calls = Arc::new(AtomicUsize::new(0));
    let d = dispatcher(&calls, |n| async move {
        if n == 0 {
            tokio::time::sleep(Duration::from_secs(3600)).await;
        }
        Ok(())
    })
    .dedup(slow_store());
    // Cut off inside the handler: the claim is given up in the background.
    let json = event("s-1", "om_1");
    let cut = tokio::time::timeout(Duration::from_millis(100), d.dispatch(&json)).await;
    assert!(cut.is_err());
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(matches!(d.dispatch(&json).await, Outcome::Handled));

    // Cut off while the store is being told of success: the success is
    // still recorded, so the re-push is a duplicate, not a second run.
    let json = event("s-2", "om_2");
    let cut = tokio::time::timeout(Duration::from_millis(100), d.dispatch(&json)).await;
    assert!(cut.is_err(), "the store takes 200 ms to finish");
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(matches!(d.dispatch(&json).await, Outcome::Duplicate));
    assert_eq!(calls.load(Ordering::SeqCst), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ack_first_shutdown_waits_then_says_how_many_it_cancelled() {
    let calls = Arc::new(AtomicUsize::new(0));
    let (tx, mut rx) = mpsc::unbounded_channel();
    let counter = Arc::clone(&calls);
    let d = Dispatcher::new()
        .mode(AckMode::Immediately {
            queue: 8,
            workers: 1,
        })
        .on_message_reaction_deleted_v1(move |e| {
            let n = counter.fetch_add(1, Ordering::SeqCst);
            let tx = tx.clone();
            async move {
                if n == 0 {
                    tokio::time::sleep(Duration::from_secs(3600)).await;
                }
                let _ = tx.send(e.event.message_id.unwrap());
                Ok(())
            }
        });
    for n in 0..3 {
        let outcome = d
            .dispatch(&event(&format!("a-{n}"), &format!("om_{n}")))
            .await;
        assert!(matches!(outcome, Outcome::Queued), "{outcome:?}");
    }
    while calls.load(Ordering::SeqCst) == 0 {
        tokio::task::yield_now().await;
    }
    // One stuck handler holds the only worker; two events wait behind it.
    let started = std::time::Instant::now();
    assert_eq!(d.shutdown(Duration::from_millis(200)).await, 3);
    assert!(started.elapsed() < Duration::from_secs(2));
    assert!(rx.try_recv().is_err(), "none of them ran");
    // Their claims went with them: pushed again, they run (on a new pool).
    for n in 1..3 {
        let outcome = d
            .dispatch(&event(&format!("a-{n}"), &format!("om_{n}")))
            .await;
        assert!(matches!(outcome, Outcome::Queued), "{outcome:?}");
    }
    let mut seen = Vec::new();
    for _ in 0..2 {
        let id = tokio::time::timeout(Duration::from_secs(5), rx.recv())
            .await
            .unwrap()
            .unwrap();
        seen.push(id);
    }
    seen.sort();
    assert_eq!(seen, ["om_1", "om_2"]);
    // With nothing stuck, shutdown lets the queue finish and cancels nothing.
    assert_eq!(d.shutdown(Duration::from_secs(5)).await, 0);
    let idle = Dispatcher::new();
    assert_eq!(idle.shutdown(Duration::from_secs(1)).await, 0);
}

#[test]
fn ack_first_mode_outside_a_runtime_answers_busy_rather_than_panicking() {
    let d = Dispatcher::new()
        .mode(AckMode::Immediately {
            queue: usize::MAX,
            workers: usize::MAX,
        })
        .on_message_reaction_deleted_v1(|_| async { Ok(()) });
    let json = event("r-1", "om_1");
    let outcome = poll_ready(d.dispatch(&json));
    assert!(matches!(outcome, Outcome::Busy), "{outcome:?}");
}

#[tokio::test]
async fn extreme_pool_sizes_are_held_in_range() {
    let d = Dispatcher::new()
        .mode(AckMode::Immediately {
            queue: usize::MAX,
            workers: usize::MAX,
        })
        .on_message_reaction_deleted_v1(|_| async { Ok(()) });
    assert!(matches!(
        d.dispatch(&event("x-1", "om_1")).await,
        Outcome::Queued
    ));
    assert_eq!(d.shutdown(Duration::from_secs(5)).await, 0);
}

/// Polls a future that needs no runtime to completion.
fn poll_ready<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(out) = future.as_mut().poll(&mut cx) {
            return out;
        }
    }
}

/// `im.message.receive_v1` with `event_id` and `message_id`.
fn received(event_id: &str, message_id: &str) -> Vec<u8> {
    format!(
        r#"{{"schema":"2.0","header":{{"event_id":"{event_id}","event_type":"im.message.receive_v1","token":"t"}},"event":{{"sender":{{"sender_type":"user"}},"message":{{"message_id":"{message_id}","message_type":"text","content":"{{\"text\":\"hi\"}}"}}}}}}"#
    )
    .into_bytes()
}

#[tokio::test]
async fn a_received_message_pushed_again_under_a_new_event_id_runs_once() {
    let calls = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&calls);
    let d = Dispatcher::new().fallback(move |_| {
        counted.fetch_add(1, Ordering::SeqCst);
        async { Ok(()) }
    });
    let handled = |o: Outcome| matches!(o, Outcome::Handled);
    assert!(handled(d.dispatch(&received("ev-1", "om_1")).await));
    assert!(
        matches!(
            d.dispatch(&received("ev-2", "om_1")).await,
            Outcome::Duplicate
        ),
        "the same message under another event id"
    );
    assert!(handled(d.dispatch(&received("ev-3", "om_2")).await));
    // Other events keep their event id as the key.
    assert!(handled(d.dispatch(&event("ev-4", "om_1")).await));
    assert_eq!(calls.load(Ordering::SeqCst), 3);
}
