//! One call of the list-reactions endpoint against the local Open Platform on
//! loopback: through our client (token cache, URL and query building, the
//! response envelope, typed data, tracing span) and as a bare reqwest
//! request of the same bytes with the same token, decoded into the same
//! typed data. Same server, same HTTP client settings, same run.
//!
//! `cargo bench -p lark-benches --bench client`

use lark_sdk::prelude::*;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use lark_devserver::{ChatKind, Config, DevServer, Member, NewApp};
use lark_sdk::Client;
use lark_sdk::im::v1::{ListMessageReactionRequest, ListMessageReactionResponse};
use serde::Deserialize;

#[derive(Deserialize)]
struct Envelope {
    code: i64,
    data: Option<ListMessageReactionResponse>,
}

fn client(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let (server, client, http, url, token) = rt.block_on(async {
        let server = DevServer::start(Config {
            rate_limits: false,
            ..Config::default()
        })
        .await
        .expect("server");
        let app = server.create_app(NewApp::default()).expect("app");
        let user = server.create_user(&app.tenant_key, "Ada").expect("user");
        let (bot, ada) = (Member::App(app.app_id.clone()), Member::User(user.open_id));
        let chat = server
            .create_chat(&app.tenant_key, ChatKind::Group, vec![bot, ada.clone()])
            .expect("chat");
        let message = server
            .post_message(&chat.chat_id, ada.clone(), "Ship it?")
            .expect("message");
        for emoji in ["SMILE", "OK", "THUMBSUP"] {
            server
                .add_reaction(&message.message_id, ada.clone(), emoji)
                .expect("reaction");
        }
        let http = reqwest::Client::new();
        let client = Client::builder(app.app_id, app.app_secret)
            .base_url(server.url())
            .rate_limit(false)
            .http_client(http.clone())
            .build()
            .expect("client");
        let token = client
            .tenant_access_token(None)
            .await
            .expect("token")
            .expose()
            .to_owned();
        let url = format!(
            "{}/open-apis/im/v1/messages/{}/reactions",
            server.url(),
            message.message_id
        );
        (server, client, http, url, (token, message.message_id))
    });
    let (token, message_id) = token;

    let mut group = c.benchmark_group("client");
    group.bench_function("ours/list", |b| {
        b.to_async(&rt).iter(|| async {
            let page = client
                .im()
                .v1()
                .message_reaction()
                .list(ListMessageReactionRequest::new(message_id.clone()))
                .await
                .expect("list");
            black_box(page.items.map_or(0, |i| i.len()))
        });
    });
    group.bench_function("bare/list", |b| {
        b.to_async(&rt).iter(|| async {
            let bytes = http
                .get(&url)
                .bearer_auth(&token)
                .send()
                .await
                .expect("send")
                .bytes()
                .await
                .expect("body");
            let envelope: Envelope = serde_json::from_slice(&bytes).expect("json");
            assert_eq!(envelope.code, 0);
            black_box(envelope.data.and_then(|d| d.items).map_or(0, |i| i.len()))
        });
    });
    group.finish();
    rt.block_on(server.shutdown());
}

criterion_group!(benches, client);
criterion_main!(benches);
