//! The official Python SDK (lark-oapi from PyPI) talks to the local server
//! unchanged: its client gets the same answers, its long-connection client
//! receives the event, its webhook handler accepts our encrypted, signed
//! pushes. `./scripts/test` creates the virtual environment (`.venv`).

use std::process::Stdio;
use std::time::Duration;

use lark_devserver::{Config, DevServer, Member, NewApp};
use lark_sdk::im::v1::DeleteMessageReactionError as E;
use lark_tests::{Scene, python, workspace};
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, BufReader, Lines};
use tokio::process::{Child, ChildStdout, Command};

/// The interop script running, and the JSON lines it prints.
struct Script {
    _child: Child,
    lines: Lines<BufReader<ChildStdout>>,
}

impl Script {
    fn start(args: &[&str]) -> Self {
        let mut child = Command::new(python())
            .arg(workspace().join("tests/python/interop.py"))
            .args(args)
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .expect("python starts");
        let stdout = child.stdout.take().expect("stdout");
        Self {
            _child: child,
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
    let deleted = script.next().await;
    assert_eq!(deleted["code"], 0, "{deleted}");
    assert_eq!(deleted["reaction_id"], own.as_str());
    let refused = script.next().await;
    assert_eq!(refused["code"], E::NOT_REACTION_OWNER.code, "{refused}");
    assert_eq!(refused["msg"], E::NOT_REACTION_OWNER.message);
    assert!(
        refused["log_id"].as_str().is_some_and(|id| id.len() == 34),
        "{refused}"
    );
    let world = scene.server.world();
    assert!(!world.reactions.contains_key(&own));
    assert!(world.reactions.contains_key(&other));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn its_long_connection_client_receives_the_event() {
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
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while scene.server.connections(&scene.app.app_id) == 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "lark-oapi did not connect"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let reaction = scene.react(&scene.member, "Get");
    scene
        .server
        .remove_reaction(&scene.member, &reaction)
        .unwrap();
    let received = script.next().await;
    let event = &received["received"];
    assert_eq!(
        event["event_type"], "im.message.reaction.deleted_v1",
        "{received}"
    );
    assert_eq!(event["emoji_type"], "Get");
    assert_eq!(event["message_id"], scene.message.message_id.as_str());
    assert_eq!(event["open_id"], scene.user.open_id.as_str());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn its_webhook_handler_accepts_our_signed_encrypted_pushes() {
    let server = DevServer::start(Config::default()).await.unwrap();
    let app = server
        .create_app(NewApp {
            encrypt_key: Some("python-interop-key".into()),
            ..NewApp::default()
        })
        .unwrap();
    let user = server.create_user(&app.tenant_key, "Ada").unwrap();
    let member = Member::User(user.open_id.clone());
    let chat = server
        .create_chat(
            &app.tenant_key,
            Default::default(),
            vec![member.clone(), Member::App(app.app_id.clone())],
        )
        .unwrap();
    let message = server
        .post_message(&chat.chat_id, member.clone(), "hi")
        .unwrap();

    let mut script = Script::start(&["webhook", "python-interop-key", &app.verification_token]);
    let url = script.next().await["url"]
        .as_str()
        .expect("a URL")
        .to_owned();
    let register = server.set_webhook(&app.app_id, &url);
    let (registered, challenge) = tokio::join!(register, script.next());
    registered.expect("lark-oapi answered the challenge");
    assert_eq!(challenge["answered"], 200, "{challenge}");
    assert!(challenge["body"].as_str().unwrap().contains("challenge"));

    let reaction = server
        .add_reaction(&message.message_id, member.clone(), "HEART")
        .unwrap();
    // The created event is pushed too; lark-oapi has no handler for it (500, re-pushed later).
    server
        .remove_reaction(&member, &reaction.reaction_id)
        .unwrap();
    let received = loop {
        let line = script.next().await;
        if line.get("received").is_some() {
            break line;
        }
    };
    let event = &received["received"];
    assert_eq!(event["event_type"], "im.message.reaction.deleted_v1");
    assert_eq!(event["emoji_type"], "HEART");
    assert_eq!(event["open_id"], user.open_id.as_str());
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while !server.deliveries().iter().any(|d| {
        d.event_type == "im.message.reaction.deleted_v1"
            && d.channel == "webhook"
            && d.outcome == "acked"
    }) {
        assert!(
            std::time::Instant::now() < deadline,
            "the push was not acknowledged"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
