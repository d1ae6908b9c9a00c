//! Events per second through the axum webhook over HTTP on loopback, and the
//! receiving process's peak memory.
//!
//! ```text
//! cargo run --release -p lark-benches --bin webhook_load -- [EVENTS] [CONCURRENCY] [memory|redis]
//! ```
//!
//! The receiver runs in a child process (this binary with `--serve`): the
//! axum router of `lark_sdk::event::axum`, a dispatcher with deduplication
//! and a handler that counts. Deduplication is in memory (the default
//! 100,000 ids) or, with `redis`, on a `redis-server` on loopback that this
//! binary starts (`$LARK_REDIS_SERVER`, else the one on the `PATH`), as
//! replicas would share it. The parent posts
//! EVENTS distinct events (default 200,000), CONCURRENCY at a time (default
//! 64), plaintext and then encrypted and signed, and reports events per
//! second for each and the child's peak resident memory (`VmHWM`).

use lark_sdk::prelude::*;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use lark_benches::{ENCRYPT_KEY, NONCE, Signed, VERIFICATION_TOKEN, plain_event};
use lark_sdk::event::{Dispatcher, Webhook};
use lark_sdk::redis::Redis;
use lark_tests::redis_server::RedisServer;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    if args.first().map(String::as_str) == Some("--serve") {
        runtime.block_on(serve(args.get(1).cloned()));
        return;
    }
    let events: u64 = args.first().and_then(|a| a.parse().ok()).unwrap_or(200_000);
    let concurrency: u64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(64);
    let redis = match args.get(2).map(String::as_str) {
        None | Some("memory") => None,
        Some("redis") => Some(RedisServer::start()),
        Some(other) => {
            eprintln!("webhook_load: the store is `memory` or `redis`, not `{other}`");
            std::process::exit(2);
        }
    };
    runtime.block_on(load(
        events,
        concurrency,
        redis.as_ref().map(RedisServer::url),
    ));
}

/// The receiver: two webhooks, plaintext and encrypted, on one port,
/// deduplicating on the Redis at `redis` when given.
async fn serve(redis: Option<String>) {
    let handled = Arc::new(AtomicU64::new(0));
    let redis = match redis {
        Some(url) => Some(Redis::connect(&url, "bench").await.expect("redis answers")),
        None => None,
    };
    let dispatcher = |handled: Arc<AtomicU64>| {
        let dispatcher = match &redis {
            Some(redis) => Dispatcher::new().dedup(redis.dedup("cli_bench")),
            None => Dispatcher::new(),
        };
        dispatcher.on_message_reaction_deleted_v1(move |event| {
            let handled = Arc::clone(&handled);
            async move {
                std::hint::black_box(&event.event.message_id);
                handled.fetch_add(1, Ordering::Relaxed);
                Ok(())
            }
        })
    };
    let plain = Webhook::builder(dispatcher(Arc::clone(&handled)))
        .verification_token(VERIFICATION_TOKEN)
        .build()
        .expect("a token is set");
    let encrypted = Webhook::builder(dispatcher(Arc::clone(&handled)))
        .verification_token(VERIFICATION_TOKEN)
        .encrypt_key(ENCRYPT_KEY)
        .build()
        .expect("a token and a key are set");
    let app = lark_sdk::event::axum::router("/plain", plain)
        .merge(lark_sdk::event::axum::router("/encrypted", encrypted));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    println!("{}", listener.local_addr().expect("addr"));
    axum::serve(listener, app).await.expect("serve");
}

/// The child's peak resident memory, in KiB.
fn peak_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

async fn load(events: u64, concurrency: u64, redis: Option<String>) {
    let exe = std::env::current_exe().expect("own path");
    println!(
        "dedup: {}",
        if redis.is_some() { "redis" } else { "memory" }
    );
    let mut child = Command::new(exe)
        .arg("--serve")
        .args(redis)
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the receiver");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("receiver address");
    let base = format!("http://{}", line.trim());
    let http = reqwest::Client::new();
    let idle_kib = peak_kib(child.id()).unwrap_or(0);

    for encrypted in [false, true] {
        // Event ids: the encrypted run's are distinct from the plain run's.
        let first = if encrypted { 1 << 40 } else { 0 };
        let next = Arc::new(AtomicU64::new(first));
        let start = Instant::now();
        let mut tasks = Vec::new();
        for _ in 0..concurrency {
            let (http, base, next) = (http.clone(), base.clone(), Arc::clone(&next));
            tasks.push(tokio::spawn(async move {
                let mut failures = 0u64;
                loop {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    if n - first >= events {
                        return failures;
                    }
                    let request = if encrypted {
                        let signed = Signed::new(n);
                        http.post(format!("{base}/encrypted"))
                            .header("x-lark-request-timestamp", signed.timestamp.clone())
                            .header("x-lark-request-nonce", NONCE)
                            .header("x-lark-signature", signed.signature.clone())
                            .body(signed.body)
                    } else {
                        http.post(format!("{base}/plain")).body(plain_event(n))
                    };
                    match request.send().await {
                        Ok(r) if r.status() == 200 => {}
                        _ => failures += 1,
                    }
                }
            }));
        }
        let mut failures = 0;
        for task in tasks {
            failures += task.await.expect("load task");
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{:<10} {events} events, {concurrency} in flight: {:.0} events/s ({failures} failed)",
            if encrypted { "encrypted" } else { "plain" },
            events as f64 / secs
        );
    }
    let peak = peak_kib(child.id()).unwrap_or(0);
    println!(
        "receiver peak resident memory: {:.1} MiB (at start: {:.1} MiB)",
        peak as f64 / 1024.0,
        idle_kib as f64 / 1024.0
    );
    let _ = child.kill();
    let _ = child.wait();
}
