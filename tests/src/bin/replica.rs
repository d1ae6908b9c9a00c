//! One replica of a bot, for the replica test (`tests/tests/replicas.rs`):
//! a long connection to the local Open Platform whose dispatcher shares its
//! dedup store with the other replicas on Redis.
//!
//! Each reaction-deleted event it handles is counted in Redis
//! (`HINCRBY {prefix}:handled {event_id} 1`) and written to its own file,
//! one event id per line. One event in ten fails the first time any replica
//! sees it, so that the platform pushes it again. With `REPLICA_BLOCK_AT=n`
//! the replica handles one event at a time and, at its n-th, writes
//! `blocked {event_id}` to the file and never finishes: the test kills it
//! there, mid-handler.
//!
//! Configured by the environment: `REPLICA_SERVER`, `REPLICA_APP_ID`,
//! `REPLICA_APP_SECRET`, `REPLICA_REDIS`, `REPLICA_PREFIX`, `REPLICA_OUT`,
//! and optionally `REPLICA_BLOCK_AT` and `REPLICA_LEASE_MS` (default 2000).

use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use lark_sdk::event::{Dispatcher, LongConnection};
use lark_sdk::prelude::*;
use lark_sdk::redis::Redis;
use redis::AsyncCommands;

fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set"))
}

#[tokio::main]
async fn main() {
    let prefix = var("REPLICA_PREFIX");
    let app_id = var("REPLICA_APP_ID");
    let block_at: Option<usize> = std::env::var("REPLICA_BLOCK_AT")
        .ok()
        .map(|n| n.parse().expect("REPLICA_BLOCK_AT is a number"));
    let lease = std::env::var("REPLICA_LEASE_MS")
        .ok()
        .map_or(2000, |n| n.parse().expect("REPLICA_LEASE_MS is a number"));
    let redis = Redis::connect(&var("REPLICA_REDIS"), &prefix)
        .await
        .expect("redis answers");
    let out = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(var("REPLICA_OUT"))
        .expect("the output file opens");
    let out = Arc::new(Mutex::new(out));
    let seen = Arc::new(AtomicUsize::new(0));

    let handler_redis = redis.clone();
    let dispatcher = Dispatcher::new()
        .dedup(redis.dedup(&app_id))
        .lease(Duration::from_millis(lease))
        .on_message_reaction_deleted_v1(move |event| {
            let redis = handler_redis.clone();
            let out = Arc::clone(&out);
            let n = seen.fetch_add(1, Ordering::SeqCst) + 1;
            async move {
                let id = event.header.event_id;
                let write = |line: String| {
                    let mut file = out.lock().unwrap_or_else(|e| e.into_inner());
                    file.write_all(line.as_bytes()).expect("written");
                };
                if block_at == Some(n) {
                    write(format!("blocked {id}\n"));
                    std::future::pending::<()>().await;
                }
                let mut conn = redis.connection();
                let prefix = redis.prefix();
                if id.bytes().map(usize::from).sum::<usize>() % 10 == 0 {
                    let first: bool = conn.set_nx(format!("{prefix}:failed-once:{id}"), 1).await?;
                    if first {
                        return Err("failed on purpose, the first time".into());
                    }
                }
                let _: i64 = conn.hincr(format!("{prefix}:handled"), &id, 1).await?;
                write(format!("{id}\n"));
                Ok(())
            }
        });
    let connection = LongConnection::builder(app_id, var("REPLICA_APP_SECRET"), dispatcher)
        .base_url(var("REPLICA_SERVER"))
        .max_handlers(if block_at.is_some() { 1 } else { 64 })
        .build()
        .expect("a long connection");
    let stopped = connection.run(std::future::pending()).await;
    eprintln!("replica stopped: {stopped:?}");
}
