//! Runs N distinct events through `Webhook::handle` in process, for
//! instruction counts that do not depend on what else the machine does:
//!
//! ```text
//! cargo build --release -p lark-benches --bin webhook_count
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null '--toggle-collect=*handle_all*' \
//!     target/release/webhook_count plain N
//! ```
//!
//! Only the handling is counted (the bodies are made beforehand). Run it at
//! two values of N: the difference in instructions divided by the
//! difference in N is the cost of one event, the first event's one-time
//! costs cancelled out. The
//! webhook and dispatcher are those of the `webhook` bench: a counting
//! handler, deduplication in memory; `plain` posts plaintext events with the
//! verification token, `encrypted` encrypted and signed ones.

use lark_sdk::prelude::*;
use std::sync::Arc;

use lark_benches::{ENCRYPT_KEY, Signed, VERIFICATION_TOKEN, plain_event, poll_once};
use lark_sdk::event::{Dispatcher, Webhook};

/// Headers and body of one request.
type Request = (Vec<(String, String)>, Vec<u8>);
/// The same, borrowed as `Webhook::handle` takes it.
type Borrowed<'a> = (Vec<(&'a str, &'a str)>, &'a [u8]);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (kind, events) = match &args[..] {
        [kind, n] => (kind.as_str(), n.parse::<u64>().expect("N is a number")),
        _ => {
            eprintln!("usage: webhook_count <plain|encrypted> N");
            std::process::exit(2);
        }
    };
    let dispatcher = Arc::new(Dispatcher::new().on_message_reaction_deleted_v1(
        |event| async move {
            std::hint::black_box(&event.event.message_id);
            Ok(())
        },
    ));
    let webhook = Webhook::builder(dispatcher).verification_token(VERIFICATION_TOKEN);
    let webhook = match kind {
        "plain" => webhook,
        "encrypted" => webhook.encrypt_key(ENCRYPT_KEY),
        _ => panic!("plain or encrypted, not {kind}"),
    }
    .build()
    .expect("a token is set");
    let bodies: Vec<Request> = (0..events)
        .map(|n| {
            if kind == "plain" {
                let headers = vec![("content-type".into(), "application/json".into())];
                (headers, plain_event(n))
            } else {
                let signed = Signed::new(n);
                let headers = signed
                    .headers()
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                    .collect();
                (headers, signed.body)
            }
        })
        .collect();
    // Borrowed header lists, made here so the measured loop only handles.
    let requests: Vec<Borrowed<'_>> = bodies
        .iter()
        .map(|(headers, body)| {
            let pairs = headers
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            (pairs, body.as_slice())
        })
        .collect();
    let ok = handle_all(&webhook, &requests);
    assert_eq!(ok, events, "every event is handled");
}

/// The measured part (callgrind's `--toggle-collect=*handle_all*` counts
/// only it): every body through the webhook.
#[inline(never)]
fn handle_all(webhook: &Webhook, requests: &[Borrowed<'_>]) -> u64 {
    let mut ok = 0u64;
    for (headers, body) in requests {
        let status = poll_once(webhook.handle(headers.as_slice(), body)).status;
        ok += u64::from(status == 200);
    }
    ok
}
