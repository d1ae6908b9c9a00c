//! The official Python SDK (lark-oapi from PyPI) talks to the local server
//! unchanged: its client adds, lists (page by page) and deletes reactions and
//! gets the same answers; its long-connection client receives the events and
//! the server sees its acknowledgements; its webhook handler accepts our
//! pushes, encrypted and signed under an Encrypt Key, and plaintext with only a
//! verification token; its client uploads and downloads images and files,
//! and sends an uploaded image as a message; its long-connection client
//! answers a user's click on a card, and the answer reaches the server.
//! `./scripts/test` creates the virtual environment (`.venv`).

use std::collections::{BTreeMap, BTreeSet};
use std::process::Stdio;
use std::time::{Duration, Instant};

use lark_devserver::{Config, DeliveryRecord, DevServer, NewApp};
use lark_sdk::im::v1::DeleteMessageReactionError as E;
use lark_tests::events::{chat_with_message, react_and_remove};
use lark_tests::{Scene, python, workspace};
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, BufReader, Lines};
use tokio::process::{Child, ChildStdin, ChildStdout, Command};

const CREATED: &str = "im.message.reaction.created_v1";
const DELETED: &str = "im.message.reaction.deleted_v1";

/// The interop script running, and the JSON lines it prints.
struct Script {
    child: Child,
    /// Held open while the script should keep receiving; closing it lets it exit.
    stdin: Option<ChildStdin>,
    lines: Lines<BufReader<ChildStdout>>,
}

impl Script {
    fn start(args: &[&str]) -> Self {
        let mut child = Command::new(python())
            .arg(workspace().join("tests/python/interop.py"))
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .expect("python starts");
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().expect("stdout");
        Self {
            child,
            stdin,
            lines: BufReader::new(stdout).lines(),
        }
    }

    /// The next JSON line (anything else the SDK prints is passed over).
    async fn next(&mut self) -> Value {
        loop {
            let line = tokio::time::timeout(Duration::from_secs(60), self.lines.next_line())
                .await
                .expect("the script answers within 60 s")
                .expect("reading its output")
                .expect("the script printed a line (see its stderr above)");
            if line.starts_with('{') {
                return serde_json::from_str(&line)
                    .unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
            }
            eprintln!("python: {line}");
        }
    }

    /// The next line of an SDK call, which must be `call`.
    async fn call(&mut self, call: &str) -> Value {
        let line = self.next().await;
        assert_eq!(line["call"], call, "{line}");
        line
    }

    /// Closes its stdin and waits for it to exit cleanly.
    async fn finish(mut self) {
        drop(self.stdin.take());
        let status = tokio::time::timeout(Duration::from_secs(30), self.child.wait())
            .await
            .expect("the script exits within 30 s of its stdin closing")
            .expect("waiting for the script");
        assert!(status.success(), "the script exited with {status}");
    }
}

/// Waits up to 10 s for `done`, which says what it waits for when it fails.
async fn eventually(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done() {
        assert!(Instant::now() < deadline, "{what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The attempts to deliver one event, once one of them was acknowledged.
async fn acknowledged(server: &DevServer, event_id: &str) -> Vec<DeliveryRecord> {
    let attempts = || -> Vec<DeliveryRecord> {
        server
            .deliveries()
            .into_iter()
            .filter(|d| d.event_id == event_id)
            .collect()
    };
    eventually(&format!("event {event_id} was not acknowledged"), || {
        attempts().iter().any(|d| d.outcome == "acked")
    })
    .await;
    attempts()
}

/// Asserts that the first push of the event through `channel` was
/// acknowledged with `code`, and that it was the only one.
async fn assert_acknowledged_once(server: &DevServer, event: &Value, channel: &str, code: i64) {
    let event_id = event["event_id"].as_str().expect("an event_id");
    let attempts = acknowledged(server, event_id).await;
    assert_eq!(attempts.len(), 1, "{attempts:?}");
    let attempt = &attempts[0];
    assert_eq!(attempt.event_type, event["event_type"].as_str().unwrap());
    assert_eq!(attempt.channel, channel, "{attempt:?}");
    assert_eq!(attempt.attempt, 1, "{attempt:?}");
    assert_eq!(attempt.ack_code, Some(code), "{attempt:?}");
}

/// Reads lines until the script has received both reaction events (and
/// `also` holds for what was read); returns them by event type and every
/// other line.
async fn both_events(
    script: &mut Script,
    also: impl Fn(&[Value]) -> bool,
) -> (BTreeMap<String, Value>, Vec<Value>) {
    let mut received = BTreeMap::new();
    let mut others = Vec::new();
    while received.len() < 2 || !also(&others) {
        let line = script.next().await;
        match line.get("received") {
            Some(event) => {
                let kind = event["event_type"].as_str().expect("an event_type");
                assert!(kind == CREATED || kind == DELETED, "{line}");
                let earlier = received.insert(kind.to_owned(), event.clone());
                assert!(earlier.is_none(), "received twice: {line}");
            }
            None => others.push(line),
        }
    }
    (received, others)
}

fn reaction_ids<'a>(items: impl IntoIterator<Item = &'a Value>) -> Vec<&'a str> {
    items
        .into_iter()
        .map(|item| item["reaction_id"].as_str().expect("a reaction_id"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn its_client_gets_our_answers() {
    let scene = Scene::new().await;
    let own = scene.react(&scene.bot, "OK");
    let other = scene.react(&scene.member, "SMILE");
    let mut script = Script::start(&[
        "client",
        &scene.server.url(),
        &scene.app.app_id,
        &scene.app.app_secret,
        &scene.message.message_id,
        &own,
        &other,
    ]);

    let created = script.call("create").await;
    assert_eq!(created["code"], 0, "{created}");
    let reaction = &created["reaction"];
    assert_eq!(reaction["emoji_type"], "THUMBSUP", "{created}");
    assert_eq!(reaction["operator_type"], "app");
    assert_eq!(reaction["operator_id"], scene.app.app_id.as_str());
    let added = reaction["reaction_id"]
        .as_str()
        .expect("a reaction_id")
        .to_owned();
    {
        let world = scene.server.world();
        let stored = world.reactions.get(&added).expect("the server keeps it");
        assert_eq!(stored.message_id, scene.message.message_id);
        assert_eq!(stored.emoji_type, "THUMBSUP");
        assert_eq!(stored.operator, scene.bot);
    }

    // Three reactions, two a page.
    let first = script.call("list").await;
    assert_eq!(first["code"], 0, "{first}");
    assert_eq!(first["has_more"], true, "{first}");
    assert!(
        first["page_token"].as_str().is_some_and(|t| !t.is_empty()),
        "{first}"
    );
    let second = script.call("list").await;
    assert_eq!(second["code"], 0, "{second}");
    assert_eq!(second["has_more"], false, "{second}");
    let first_items = first["items"].as_array().expect("items");
    let second_items = second["items"].as_array().expect("items");
    assert_eq!((first_items.len(), second_items.len()), (2, 1));
    let listed: BTreeSet<&str> = reaction_ids(first_items.iter().chain(second_items))
        .into_iter()
        .collect();
    let expected: BTreeSet<&str> = [own.as_str(), other.as_str(), added.as_str()].into();
    assert_eq!(listed, expected);
    let by_user = first_items
        .iter()
        .chain(second_items)
        .find(|item| item["reaction_id"] == other.as_str())
        .unwrap();
    assert_eq!(by_user["operator_type"], "user");
    assert_eq!(by_user["operator_id"], scene.user.open_id.as_str());
    assert_eq!(by_user["emoji_type"], "SMILE");

    let by_type = script.call("list_by_type").await;
    assert_eq!(by_type["code"], 0, "{by_type}");
    assert_eq!(
        reaction_ids(by_type["items"].as_array().expect("items")),
        [added.as_str()]
    );

    let deleted = script.call("delete").await;
    assert_eq!(deleted["code"], 0, "{deleted}");
    assert_eq!(deleted["reaction_id"], own.as_str());
    let refused = script.call("delete").await;
    assert_eq!(refused["code"], E::NOT_REACTION_OWNER.code, "{refused}");
    assert_eq!(refused["msg"], E::NOT_REACTION_OWNER.message);
    assert!(
        refused["log_id"].as_str().is_some_and(|id| id.len() == 34),
        "{refused}"
    );
    {
        let world = scene.server.world();
        assert!(!world.reactions.contains_key(&own));
        assert!(world.reactions.contains_key(&other));
        assert!(world.reactions.contains_key(&added));
    }
    script.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn its_long_connection_client_receives_and_acknowledges_the_events() {
    let scene = Scene::with(Config {
        ping_interval_secs: 5,
        ..Config::default()
    })
    .await;
    let mut script = Script::start(&[
        "ws",
        &scene.server.url(),
        &scene.app.app_id,
        &scene.app.app_secret,
    ]);
    assert_eq!(script.next().await["started"], true);
    eventually("lark-oapi did not connect", || {
        scene.server.connections(&scene.app.app_id) > 0
    })
    .await;
    let reaction = scene.react(&scene.member, "Get");
    scene
        .server
        .remove_reaction(&scene.member, &reaction)
        .unwrap();

    let (received, others) = both_events(&mut script, |_| true).await;
    assert!(others.is_empty(), "{others:?}");
    for (kind, event) in &received {
        assert_eq!(event["emoji_type"], "Get", "{kind}: {event}");
        assert_eq!(event["message_id"], scene.message.message_id.as_str());
        assert_eq!(event["operator_type"], "user");
        assert_eq!(event["open_id"], scene.user.open_id.as_str());
        // The reply frame lark-oapi sends back once its handler returns.
        assert_acknowledged_once(&scene.server, event, "ws", 200).await;
    }
    script.finish().await;
}

/// Registers the script's webhook with an app keyed by `encrypt_key` (none:
/// plaintext pushes, checked by the verification token alone), then adds and
/// removes a reaction.
async fn webhook_receives_both_events(encrypt_key: Option<&str>) {
    let server = DevServer::start(Config::default()).await.unwrap();
    let app = server
        .create_app(NewApp {
            encrypt_key: encrypt_key.map(str::to_owned),
            ..NewApp::default()
        })
        .unwrap();
    let (user, member, message) = chat_with_message(&server, &app);

    let mut script = Script::start(&[
        "webhook",
        encrypt_key.unwrap_or(""),
        &app.verification_token,
    ]);
    let url = script.next().await["url"]
        .as_str()
        .expect("a URL")
        .to_owned();
    let register = server.set_webhook(&app.app_id, &url);
    let (registered, challenge) = tokio::join!(register, script.next());
    registered.expect("lark-oapi answered the challenge");
    assert_eq!(challenge["answered"], 200, "{challenge}");
    assert!(challenge["body"].as_str().unwrap().contains("challenge"));
    assert_eq!(challenge["encrypted"], encrypt_key.is_some(), "{challenge}");

    react_and_remove(&server, &message.message_id, &member, "HEART");

    // Each push prints what the handler received, then how it answered.
    let (received, answers) = both_events(&mut script, |answers| answers.len() >= 2).await;
    for answer in &answers {
        assert_eq!(answer["answered"], 200, "{answer}");
        assert_eq!(answer["body"], r#"{"msg":"success"}"#, "{answer}");
        assert_eq!(answer["encrypted"], encrypt_key.is_some(), "{answer}");
        assert_eq!(answer["signed"], encrypt_key.is_some(), "{answer}");
    }
    for (kind, event) in &received {
        assert_eq!(
            event["message_id"],
            message.message_id.as_str(),
            "{kind}: {event}"
        );
        assert_eq!(event["emoji_type"], "HEART");
        assert_eq!(event["operator_type"], "user");
        assert_eq!(event["open_id"], user.open_id.as_str());
        assert_acknowledged_once(&server, event, "webhook", 200).await;
    }
    script.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn its_webhook_handler_accepts_our_signed_encrypted_pushes() {
    webhook_receives_both_events(Some("python-interop-key")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn its_webhook_handler_accepts_our_plaintext_pushes() {
    webhook_receives_both_events(None).await;
}

/// Its client uploads a PNG as an image and as a file (multipart as the SDK
/// writes it: the file part without a `Content-Type` or a file name), and
/// downloads both back byte-identical; the server keeps what it sent.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn its_client_uploads_and_downloads_files() {
    let scene = Scene::new().await;
    let path = lark_tests::here().join("data").join("gradient.png");
    let png = std::fs::read(&path).unwrap();
    let mut script = Script::start(&[
        "upload",
        &scene.server.url(),
        &scene.app.app_id,
        &scene.app.app_secret,
        path.to_str().unwrap(),
    ]);

    let image = script.call("image").await;
    assert_eq!(image["code"], 0, "{image}");
    let image_key = image["image_key"]
        .as_str()
        .expect("an image_key")
        .to_owned();
    let file = script.call("file").await;
    assert_eq!(file["code"], 0, "{file}");
    let file_key = file["file_key"].as_str().expect("a file_key").to_owned();
    {
        let world = scene.server.world();
        let stored = &world.files[&image_key];
        assert_eq!(stored.bytes.as_ref(), png.as_slice());
        assert_eq!(stored.content_type, "image/png", "told from the bytes");
        let stored = &world.files[&file_key];
        assert_eq!(stored.bytes.as_ref(), png.as_slice());
        assert_eq!(stored.file_name.as_deref(), Some("gradient.png"));
    }

    let hex: String = png.iter().map(|b| format!("{b:02x}")).collect();
    for call in ["get_image", "get_file"] {
        let got = script.call(call).await;
        assert_eq!(got["code"], 0, "{got}");
        assert_eq!(got["size"], png.len(), "{call}");
        assert_eq!(got["hex"], hex.as_str(), "{call}");
        if call == "get_file" {
            assert_eq!(got["file_name"], "gradient.png", "from Content-Disposition");
        }
    }
    script.finish().await;
}

/// Its client uploads an image and sends it to a chat as an image message:
/// the server keeps the image and the message naming it, and the bot in the
/// chat reads the message back through our client.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn its_client_uploads_an_image_and_sends_it() {
    use lark_sdk::im::v1::GetMessageRequest;
    use lark_sdk::prelude::*;
    let scene = Scene::new().await;
    let path = lark_tests::here().join("data").join("gradient.png");
    let png = std::fs::read(&path).unwrap();
    let mut script = Script::start(&[
        "send_image",
        &scene.server.url(),
        &scene.app.app_id,
        &scene.app.app_secret,
        path.to_str().unwrap(),
        &scene.chat.chat_id,
    ]);
    let image = script.call("image").await;
    assert_eq!(image["code"], 0, "{image}");
    let image_key = image["image_key"]
        .as_str()
        .expect("an image_key")
        .to_owned();
    let sent = script.call("message").await;
    assert_eq!(sent["code"], 0, "{sent}");
    assert_eq!(sent["msg_type"], "image");
    assert_eq!(sent["chat_id"], scene.chat.chat_id.as_str());
    let content: Value = serde_json::from_str(sent["content"].as_str().unwrap()).unwrap();
    assert_eq!(content, serde_json::json!({"image_key": image_key}));
    script.finish().await;

    let message_id = sent["message_id"]
        .as_str()
        .expect("a message_id")
        .to_owned();
    {
        let world = scene.server.world();
        assert_eq!(world.files[&image_key].bytes.as_ref(), png.as_slice());
        let message = &world.messages[&message_id];
        assert_eq!(message.msg_type, "image");
        assert_eq!(message.chat_id, scene.chat.chat_id);
    }
    let got = scene
        .client
        .im()
        .v1()
        .message()
        .get(GetMessageRequest::new(message_id))
        .await
        .unwrap();
    let item = &got.items.unwrap_or_default()[0];
    assert_eq!(item.msg_type.as_deref(), Some("image"));
    let content: Value = serde_json::from_str(&item.body.as_ref().unwrap().content).unwrap();
    assert_eq!(content["image_key"], image_key.as_str());
}

/// Its long-connection client gets a user's click on the bot's card as
/// `card.action.trigger` and answers with a toast and a card: the answer
/// reaches the server in the reply frame, and the card replaces the one
/// clicked.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn its_long_connection_client_answers_a_card_click() {
    use lark_sdk::content::{Button, Card};
    use lark_sdk::im::v1::{
        CreateMessageReceiveIdType, CreateMessageRequest, CreateMessageRequestBody,
    };
    use lark_sdk::prelude::*;
    let scene = Scene::new().await;
    let card = Card::new()
        .markdown("Deploy?")
        .button(Button::new("Approve").value(serde_json::json!({"action": "approve"})));
    let sent = scene
        .client
        .im()
        .v1()
        .message()
        .create(CreateMessageRequest::new(
            CreateMessageReceiveIdType::ChatId,
            CreateMessageRequestBody::new(scene.chat.chat_id.clone(), card),
        ))
        .await
        .unwrap();
    let card_id = sent.message_id.unwrap();

    let mut script = Script::start(&[
        "ws_card",
        &scene.server.url(),
        &scene.app.app_id,
        &scene.app.app_secret,
    ]);
    assert_eq!(script.next().await["started"], true);
    eventually("lark-oapi did not connect", || {
        scene.server.connections(&scene.app.app_id) > 0
    })
    .await;
    let record = scene
        .server
        .click_card(
            &scene.user.open_id,
            &card_id,
            serde_json::json!({"action": "approve"}),
        )
        .await
        .unwrap();
    let clicked = script.next().await;
    assert_eq!(
        clicked["clicked"]["value"]["action"], "approve",
        "{clicked}"
    );
    assert_eq!(clicked["clicked"]["tag"], "button");
    assert_eq!(clicked["clicked"]["open_message_id"], card_id.as_str());
    assert_eq!(clicked["clicked"]["open_id"], scene.user.open_id.as_str());
    script.finish().await;

    assert_eq!(
        (record.channel.as_str(), record.outcome.as_str()),
        ("ws", "acked"),
        "{record:?}"
    );
    let answer = record.answer.expect("the answer in the reply frame");
    assert_eq!(answer["toast"]["type"], "success");
    assert_eq!(answer["toast"]["i18n"]["zh_cn"], "已通过");
    assert_eq!(answer["card"]["type"], "raw");
    let world = scene.server.world();
    let message = &world.messages[&card_id];
    assert!(message.updated);
    let content: Value = serde_json::from_str(&message.content).unwrap();
    assert_eq!(content, answer["card"]["data"]);
}
