//! What one deduplication claim costs: on a `redis-server` on loopback
//! (started here, as the tests start theirs) against the in-memory store.
//!
//! ```text
//! cargo run --release -p lark-benches --bin dedup_claim -- [CLAIMS] [CONCURRENCY]
//! ```
//!
//! For each store: CLAIMS (default 20,000) new ids claimed and finished one
//! after another (the latency of `begin` and of `finish`, and of `begin` on
//! an id already handled, as a re-push meets it), then CLAIMS claims made
//! CONCURRENCY at a time (default 64; throughput and the latency each
//! claim saw). Latencies are given as mean, median, p99 and maximum.
//!
//! The `redis-server` binary is `$LARK_REDIS_SERVER`, else the one on the
//! `PATH` (`scripts/need-redis` installs it).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use lark_sdk::event::dedup::{Claim, DedupStore, MemoryDedup, Seen};
use lark_sdk::redis::Redis;
use lark_tests::redis_server::RedisServer;

const LEASE: Duration = Duration::from_secs(60);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let claims: u64 = args.first().and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let concurrency: u64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(64);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let server = RedisServer::start();
    runtime.block_on(async {
        let redis = Redis::connect(&server.url(), "bench")
            .await
            .expect("redis answers");
        let stores: [(&str, Arc<dyn DedupStore>); 2] = [
            ("redis", Arc::new(redis.dedup("cli_bench"))),
            (
                "memory",
                Arc::new(MemoryDedup::new(1_000_000, Duration::from_secs(3600))),
            ),
        ];
        println!("{claims} claims per run, {concurrency} in flight when concurrent");
        for (name, store) in stores {
            sequential(name, &*store, claims).await;
            concurrent(name, Arc::clone(&store), claims, concurrency).await;
        }
    });
}

/// Latencies in order, summed up.
struct Latencies(Vec<Duration>);

impl Latencies {
    fn report(mut self, what: &str) {
        self.0.sort_unstable();
        let n = self.0.len().max(1);
        let at = |q: f64| self.0.get(((n as f64 * q) as usize).min(n - 1)).copied();
        let us = |d: Option<Duration>| d.map_or(0.0, |d| d.as_secs_f64() * 1e6);
        let mean = self.0.iter().sum::<Duration>().as_secs_f64() * 1e6 / n as f64;
        println!(
            "  {what:<28} mean {mean:>7.1} µs  p50 {:>7.1} µs  p99 {:>7.1} µs  max {:>8.1} µs",
            us(at(0.5)),
            us(at(0.99)),
            us(self.0.last().copied()),
        );
    }
}

async fn timed<T>(future: impl Future<Output = T>) -> (T, Duration) {
    let start = Instant::now();
    let value = future.await;
    (value, start.elapsed())
}

async fn sequential(name: &str, store: &dyn DedupStore, claims: u64) {
    // Warm up the connection and the script cache.
    for n in 0..1_000u64 {
        let id = format!("warm-{name}-{n}");
        let claim = Claim::new();
        store.begin(&id, claim, LEASE).await;
        store.finish(&id, claim, true).await;
    }
    let (mut begin, mut finish, mut again) = (Vec::new(), Vec::new(), Vec::new());
    for n in 0..claims {
        let id = format!("seq-{name}-{n}");
        let claim = Claim::new();
        let (seen, took) = timed(store.begin(&id, claim, LEASE)).await;
        assert_eq!(seen, Seen::New, "a new id is claimed");
        begin.push(took);
        finish.push(timed(store.finish(&id, claim, true)).await.1);
        let (seen, took) = timed(store.begin(&id, Claim::new(), LEASE)).await;
        assert_eq!(seen, Seen::Done, "a handled id is a duplicate");
        again.push(took);
    }
    println!("{name}, one at a time:");
    Latencies(begin).report("claim (new id)");
    Latencies(finish).report("finish (handled)");
    Latencies(again).report("claim (handled id)");
}

async fn concurrent(name: &str, store: Arc<dyn DedupStore>, claims: u64, concurrency: u64) {
    let next = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (store, next, name) = (Arc::clone(&store), Arc::clone(&next), name.to_owned());
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= claims {
                    return latencies;
                }
                let id = format!("par-{name}-{n}");
                let claim = Claim::new();
                let (seen, took) = timed(store.begin(&id, claim, LEASE)).await;
                assert_eq!(seen, Seen::New, "a new id is claimed");
                store.finish(&id, claim, true).await;
                latencies.push(took);
            }
        }));
    }
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(task.await.expect("claim task"));
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{name}, {concurrency} at a time: {:.0} claims+finishes/s",
        claims as f64 / secs
    );
    Latencies(latencies).report("claim (new id)");
}
