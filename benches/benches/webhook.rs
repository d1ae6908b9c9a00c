//! The in-process webhook path against the bare bound, in the same run.
//!
//! - `ours/plain`: a plaintext event through `Webhook::handle`: verification
//!   token (constant time), deduplication, typed decode, dispatch to a handler.
//! - `ours/encrypted`: the same event encrypted and signed: timestamp window
//!   and signature (constant time) checks, AES-256-CBC, then as above.
//! - `bare/plain`, `bare/encrypted`: the least any receiver does with the
//!   same crates: parse into borrowed structs; SHA-256 + base64 + AES-CBC +
//!   parse. Nothing is checked against a token, deduplicated or dispatched.
//!
//! Every iteration, ours and bare alike, gets a new event (a new id, so that
//! deduplication does its real work rather than short-circuiting on a
//! repeat), built outside the timed part.
//!
//! `cargo bench -p lark-benches --bench webhook`

use lark_sdk::prelude::*;
use std::hint::black_box;
use std::sync::Arc;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use lark_benches::{
    ENCRYPT_KEY, Signed, VERIFICATION_TOKEN, aes_key, bare_encrypted, bare_plain, plain_event,
    poll_once,
};
use lark_sdk::event::dedup::{Claim, DedupStore, MemoryDedup};
use lark_sdk::event::{Dispatcher, EventEnvelope, Webhook};
use lark_sdk::im::v1::MessageReactionDeletedV1;

fn dispatcher() -> Dispatcher {
    Dispatcher::new().on_message_reaction_deleted_v1(|event| {
        black_box(&event.event.message_id);
        async { Ok(()) }
    })
}

const CONTENT_TYPE: [(&str, &str); 1] = [("content-type", "application/json")];
/// The dispatcher's default lease.
const LEASE: std::time::Duration = std::time::Duration::from_secs(60);

fn webhook(c: &mut Criterion) {
    let mut group = c.benchmark_group("webhook");
    let mut next = 0u64;
    let mut fresh_plain = || {
        next += 1;
        plain_event(next)
    };

    let plain = Webhook::builder(Arc::new(dispatcher()))
        .verification_token(VERIFICATION_TOKEN)
        .build()
        .expect("a token is set");
    group.bench_function("ours/plain", |b| {
        b.iter_batched_ref(
            &mut fresh_plain,
            |body| {
                let response = poll_once(plain.handle(&CONTENT_TYPE, body));
                assert_eq!(response.status, 200);
            },
            BatchSize::SmallInput,
        );
    });
    group.bench_function("bare/plain", |b| {
        b.iter_batched_ref(
            &mut fresh_plain,
            |body| black_box(bare_plain(body)),
            BatchSize::SmallInput,
        );
    });

    let mut next = 1u64 << 40;
    let mut fresh_signed = || {
        next += 1;
        Signed::new(next)
    };
    let encrypted = Webhook::builder(Arc::new(dispatcher()))
        .verification_token(VERIFICATION_TOKEN)
        .encrypt_key(ENCRYPT_KEY)
        .build()
        .expect("a token and a key are set");
    group.bench_function("ours/encrypted", |b| {
        b.iter_batched_ref(
            &mut fresh_signed,
            |signed| {
                let response = poll_once(encrypted.handle(&signed.headers(), &signed.body));
                assert_eq!(response.status, 200);
            },
            BatchSize::SmallInput,
        );
    });
    let key = aes_key();
    group.bench_function("bare/encrypted", |b| {
        b.iter_batched_ref(
            &mut fresh_signed,
            |signed| black_box(bare_encrypted(&key, signed)),
            BatchSize::SmallInput,
        );
    });
    group.finish();
}

/// Where the time of `ours/plain` goes: the typed decode alone (owned
/// strings, as handlers get them), deduplication alone with the store full
/// (100,000 ids, the default), and the whole path without deduplication.
fn parts(c: &mut Criterion) {
    let mut group = c.benchmark_group("webhook-parts");
    let mut next = 1u64 << 50;
    let mut fresh = || {
        next += 1;
        next
    };
    group.bench_function("typed-decode", |b| {
        b.iter_batched_ref(
            || plain_event(fresh()),
            |body| {
                let text = std::str::from_utf8(body).expect("utf-8");
                let event: EventEnvelope<MessageReactionDeletedV1> =
                    serde_json::from_str(text).expect("event");
                black_box(event)
            },
            BatchSize::SmallInput,
        );
    });
    let store = MemoryDedup::default();
    for n in 0..100_000u64 {
        let id = format!("{n:032x}");
        let claim = Claim::new();
        store.begin_now(&id, claim, LEASE);
        store.finish_now(&id, claim, true);
    }
    group.bench_function("dedup-full-store", |b| {
        b.iter_batched_ref(
            || format!("{:032x}", fresh()),
            |id| {
                let claim = Claim::new();
                black_box(store.begin_now(id, claim, LEASE));
                store.finish_now(id, claim, true);
            },
            BatchSize::SmallInput,
        );
    });
    let nodedup = Webhook::builder(Arc::new(dispatcher().without_dedup()))
        .verification_token(VERIFICATION_TOKEN)
        .build()
        .expect("a token is set");
    group.bench_function("ours/plain-without-dedup", |b| {
        b.iter_batched_ref(
            || plain_event(fresh()),
            |body| {
                let response = poll_once(nodedup.handle(&CONTENT_TYPE, body));
                assert_eq!(response.status, 200);
            },
            BatchSize::SmallInput,
        );
    });
    group.finish();
}

criterion_group!(benches, webhook, parts);
criterion_main!(benches);
