//! The local server's control API over HTTP, as a tool in another language
//! would drive it: a world set up with JSON alone, a bot's client acting in
//! it, and bad control requests answered with errors that say what is wrong.

use lark_devserver::{Config, DevServer};
use lark_sdk::Client;
use lark_sdk::client::Error;
use lark_sdk::im::v1::{DeleteMessageReactionError as E, DeleteMessageReactionRequest};
use reqwest::Method;
use serde_json::{Value, json};

struct Control {
    http: reqwest::Client,
    base: String,
}

impl Control {
    /// Sends a control request; gives the status and the JSON answer.
    async fn send(&self, method: Method, path: &str, body: Option<Value>) -> (u16, Value) {
        let mut request = self.http.request(method, format!("{}{path}", self.base));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("control request");
        let status = response.status().as_u16();
        let text = response.text().await.expect("control answer");
        let json = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{path}: answer is not JSON ({e}): {text}"));
        (status, json)
    }

    async fn ok(&self, method: Method, path: &str, body: Value) -> Value {
        let (status, answer) = self.send(method, path, Some(body)).await;
        assert_eq!(status, 200, "{path}: {answer}");
        answer
    }

    /// Sends a control request that must be refused with `status`; gives
    /// the answer's `error` and `field`.
    async fn refused(
        &self,
        status: u16,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> (String, Value) {
        let (got, answer) = self.send(method, path, body).await;
        assert_eq!(got, status, "{path}: {answer}");
        refusal(path, &answer)
    }

    /// Sends raw bytes; gives the status and the JSON answer.
    async fn send_bytes(&self, method: Method, path: &str, body: &'static [u8]) -> (u16, Value) {
        let response = self
            .http
            .request(method, format!("{}{path}", self.base))
            .body(body)
            .send()
            .await
            .expect("control request");
        let status = response.status().as_u16();
        let text = response.text().await.expect("control answer");
        let json = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{path}: answer is not JSON ({e}): {text}"));
        (status, json)
    }
}

/// The `error` and `field` of a refusal, which has both and nothing else.
fn refusal(path: &str, answer: &Value) -> (String, Value) {
    let error = answer["error"]
        .as_str()
        .unwrap_or_else(|| panic!("{path}: no `error` in {answer}"))
        .to_owned();
    let field = answer
        .get("field")
        .unwrap_or_else(|| panic!("{path}: no `field` in {answer}"))
        .clone();
    assert!(field.is_null() || field.is_string(), "{path}: {answer}");
    assert_eq!(
        answer.as_object().map(|o| o.len()),
        Some(2),
        "{path}: {answer}"
    );
    (error, field)
}

fn text(value: &Value, key: &str) -> String {
    value[key]
        .as_str()
        .unwrap_or_else(|| panic!("no `{key}` in {value}"))
        .to_owned()
}

#[tokio::test]
async fn a_world_built_over_http_is_the_one_the_open_api_serves() {
    let server = DevServer::start(Config::default()).await.unwrap();
    let control = Control {
        http: reqwest::Client::new(),
        base: server.url(),
    };
    let tenant = control
        .ok(Method::POST, "/_dev/tenants", json!({"name": "Acme"}))
        .await;
    let tenant_key = text(&tenant, "tenant_key");
    let app = control
        .ok(
            Method::POST,
            "/_dev/apps",
            json!({"tenant_key": tenant_key}),
        )
        .await;
    let (app_id, app_secret) = (text(&app, "app_id"), text(&app, "app_secret"));
    let user = control
        .ok(
            Method::POST,
            "/_dev/users",
            json!({"tenant_key": tenant_key, "name": "Ada"}),
        )
        .await;
    let open_id = text(&user, "open_id");
    let ada = json!({"kind": "user", "id": open_id});
    let bot = json!({"kind": "app", "id": app_id});
    let chat = control
        .ok(
            Method::POST,
            "/_dev/chats",
            json!({"tenant_key": tenant_key, "name": "launch", "members": [ada, bot]}),
        )
        .await;
    let message = control
        .ok(
            Method::POST,
            "/_dev/messages",
            json!({"chat_id": text(&chat, "chat_id"), "sender": ada, "text": "Ship it?"}),
        )
        .await;
    let message_id = text(&message, "message_id");
    let reaction = control
        .ok(
            Method::POST,
            &format!("/_dev/messages/{message_id}/reactions"),
            json!({"operator": ada, "emoji_type": "SMILE"}),
        )
        .await;
    let reaction_id = text(&reaction, "reaction_id");

    // The bot may not delete Ada's reaction.
    let client = Client::builder(app_id.clone(), app_secret)
        .base_url(server.url())
        .build()
        .unwrap();
    let calls = client.im().v1().message_reaction();
    let delete = || DeleteMessageReactionRequest::new(message_id.clone(), reaction_id.clone());
    match calls.delete(delete()).await {
        Err(Error::Api(E::NotReactionOwner(_))) => {}
        other => panic!("expected NotReactionOwner, got {other:?}"),
    }
    // Ada removes it herself; the state no longer holds it.
    let removed = control
        .ok(
            Method::DELETE,
            &format!("/_dev/reactions/{reaction_id}"),
            json!({"operator": ada}),
        )
        .await;
    assert_eq!(removed["reaction_id"], reaction_id.as_str());
    let (status, state) = control.send(Method::GET, "/_dev/state", None).await;
    assert_eq!(status, 200);
    assert!(state["reactions"].get(&reaction_id).is_none(), "{state}");
    control
        .ok(
            Method::PATCH,
            &format!("/_dev/messages/{message_id}"),
            json!({"recalled": true}),
        )
        .await;
    // Once the message is recalled, the platform answers as for a message
    // that is not there.
    match calls.delete(delete()).await {
        Err(Error::Api(E::MessageNotFound(_))) => {}
        other => panic!("expected MessageNotFound, got {other:?}"),
    }

    let (_, state) = control.send(Method::GET, "/_dev/state", None).await;
    assert_eq!(state["messages"][&message_id]["recalled"], true);
    assert!(
        state["apps"][&app_id].get("app_secret").is_none(),
        "the state shows no secret: {state}"
    );

    // Faults set over HTTP are in force, and read back.
    let faults = control
        .ok(Method::PUT, "/_dev/faults", json!({"fail_next": 1}))
        .await;
    assert_eq!(faults["fail_next"], 1);
    match calls.delete(delete()).await {
        Err(Error::Transport(e)) => assert!(e.to_string().contains("502"), "{e}"),
        other => panic!("expected the injected 502, got {other:?}"),
    }
    let (_, faults) = control.send(Method::GET, "/_dev/faults", None).await;
    assert_eq!(faults["fail_next"], 0, "the fault fired once: {faults}");
    server.shutdown().await;
}

#[tokio::test]
async fn bad_control_requests_say_what_is_wrong() {
    let server = DevServer::start(Config::default()).await.unwrap();
    let control = Control {
        http: reqwest::Client::new(),
        base: server.url(),
    };
    let (error, field) = control
        .refused(
            400,
            Method::PUT,
            "/_dev/faults",
            Some(json!({"latency": 5})),
        )
        .await;
    assert!(error.contains("unknown field `latency`"), "{error}");
    assert_eq!(field, "latency");

    let (error, field) = control
        .refused(
            404,
            Method::POST,
            "/_dev/users",
            Some(json!({"tenant_key": "no-such-tenant"})),
        )
        .await;
    assert!(error.contains("no-such-tenant"), "{error}");
    assert_eq!(field, "tenant_key");

    let (error, field) = control
        .refused(
            400,
            Method::POST,
            "/_dev/messages",
            Some(json!({"text": "hi"})),
        )
        .await;
    assert!(error.contains("missing field `chat_id`"), "{error}");
    assert_eq!(field, "chat_id");

    let (error, field) = control
        .refused(
            400,
            Method::PUT,
            "/_dev/faults",
            Some(json!({"latency_ms": "5000"})),
        )
        .await;
    assert!(error.contains("invalid type"), "{error}");
    assert_eq!(field, "latency_ms");

    let (status, answer) = control
        .send_bytes(Method::POST, "/_dev/apps", b"{not json")
        .await;
    assert_eq!(status, 400);
    let (error, field) = refusal("/_dev/apps", &answer);
    assert!(error.contains("not JSON"), "{error}");
    assert!(field.is_null(), "{answer}");

    let (error, field) = control
        .refused(
            400,
            Method::POST,
            "/_dev/apps/cli_x/connections/restart",
            None,
        )
        .await;
    assert!(error.contains("`restart`"), "{error}");
    assert_eq!(field, "action");

    let (error, field) = control
        .refused(
            400,
            Method::PUT,
            "/_dev/faults",
            Some(json!({"fail_status": 200})),
        )
        .await;
    assert!(error.contains("fail_status 200"), "{error}");
    assert_eq!(field, "fail_status");
    server.shutdown().await;
}

#[tokio::test]
async fn an_app_id_is_any_short_path_safe_name() {
    let server = DevServer::start(Config::default()).await.unwrap();
    let control = Control {
        http: reqwest::Client::new(),
        base: server.url(),
    };
    // Shorter than the generated `cli_` + 16 hex digits: its default name
    // takes what there is.
    for id in ["cli", "cli_", "x"] {
        let app = control
            .ok(Method::POST, "/_dev/apps", json!({"app_id": id}))
            .await;
        assert_eq!(app["app_id"], id);
        assert!(
            app["name"].as_str().is_some_and(|n| n.starts_with("Bot ")),
            "{app}"
        );
    }
    for id in ["", "cli_界面", "cli x", "cli/x", &"a".repeat(65)] {
        let (_, field) = control
            .refused(400, Method::POST, "/_dev/apps", Some(json!({"app_id": id})))
            .await;
        assert_eq!(field, "app_id", "{id:?}");
    }
    let (error, field) = control
        .refused(
            409,
            Method::POST,
            "/_dev/apps",
            Some(json!({"app_id": "cli"})),
        )
        .await;
    assert!(error.contains("exists"), "{error}");
    assert_eq!(field, "app_id");
    let (_, field) = control
        .refused(
            400,
            Method::POST,
            "/_dev/apps",
            Some(json!({"app_secret": ""})),
        )
        .await;
    assert_eq!(field, "app_secret");
    // A refused app leaves no tenant behind.
    let (_, state) = control.send(Method::GET, "/_dev/state", None).await;
    assert_eq!(
        state["tenants"].as_object().map(|t| t.len()),
        Some(3),
        "{state}"
    );
    server.shutdown().await;
}

#[tokio::test]
async fn only_objects_are_bodies() {
    let server = DevServer::start(Config::default()).await.unwrap();
    let control = Control {
        http: reqwest::Client::new(),
        base: server.url(),
    };
    // serde reads a sequence as a struct: `[5000, 0]` would be a 5 s latency.
    for body in [
        json!([5000, 0]),
        json!(5000),
        json!("x"),
        json!(null),
        json!(true),
    ] {
        let (error, field) = control
            .refused(400, Method::PUT, "/_dev/faults", Some(body.clone()))
            .await;
        assert!(error.contains("must be a JSON object"), "{body}: {error}");
        assert!(field.is_null(), "{body}");
    }
    let (_, faults) = control.send(Method::GET, "/_dev/faults", None).await;
    assert_eq!(faults["latency_ms"], 0, "{faults}");

    // A member is an object too, and its fields are named when wrong.
    let app = control.ok(Method::POST, "/_dev/apps", json!({})).await;
    let tenant_key = text(&app, "tenant_key");
    let wrong = [
        (json!(["app", app["app_id"]]), "members[0]"),
        (
            json!({"kind": "bot", "id": app["app_id"]}),
            "members[0].kind",
        ),
        (json!({"kind": "app"}), "members[0].id"),
        (json!({"kind": "app", "id": 7}), "members[0].id"),
        (
            json!({"kind": "app", "id": "x", "role": "owner"}),
            "members[0].role",
        ),
    ];
    for (member, at) in wrong {
        let body = json!({"tenant_key": tenant_key, "members": [member]});
        let (_, field) = control
            .refused(400, Method::POST, "/_dev/chats", Some(body))
            .await;
        assert_eq!(field, at, "{member}");
    }

    // Routes that take nothing take `{}` or no body, nothing else.
    control
        .ok(Method::POST, "/_dev/tokens/expire", json!({}))
        .await;
    let (status, _) = control
        .send(Method::POST, "/_dev/tokens/expire", None)
        .await;
    assert_eq!(status, 200);
    let (_, field) = control
        .refused(
            400,
            Method::POST,
            "/_dev/tokens/expire",
            Some(json!({"all": true})),
        )
        .await;
    assert_eq!(field, "all");
    control
        .refused(400, Method::GET, "/_dev/state", Some(json!([])))
        .await;
    let (status, answer) = control
        .send_bytes(Method::GET, "/_dev/deliveries", b"\xff\xfe")
        .await;
    assert_eq!(status, 400, "{answer}");
    server.shutdown().await;
}

#[tokio::test]
async fn unknown_ids_are_not_found() {
    let server = DevServer::start(Config::default()).await.unwrap();
    let control = Control {
        http: reqwest::Client::new(),
        base: server.url(),
    };
    let app = control.ok(Method::POST, "/_dev/apps", json!({})).await;
    let (app_id, tenant_key) = (text(&app, "app_id"), text(&app, "tenant_key"));
    let user = control
        .ok(
            Method::POST,
            "/_dev/users",
            json!({"tenant_key": tenant_key}),
        )
        .await;
    let open_id = text(&user, "open_id");
    let ada = json!({"kind": "user", "id": open_id});
    let chat = control
        .ok(
            Method::POST,
            "/_dev/chats",
            json!({"tenant_key": tenant_key, "members": [ada]}),
        )
        .await;
    let chat_id = text(&chat, "chat_id");
    let message = control
        .ok(
            Method::POST,
            "/_dev/messages",
            json!({"chat_id": chat_id, "sender": ada}),
        )
        .await;
    let message_id = text(&message, "message_id");
    let ghost = json!({"kind": "user", "id": "ou_ghost"});
    let bot = json!({"kind": "app", "id": "cli_ghost"});

    let cases: Vec<(Method, String, Option<Value>, &str)> = vec![
        (
            Method::PATCH,
            "/_dev/apps/cli_ghost".into(),
            Some(json!({})),
            "app_id",
        ),
        (
            Method::PATCH,
            format!("/_dev/apps/{app_id}"),
            Some(json!({"unavailable_users": [open_id, "ou_ghost"]})),
            "unavailable_users[1]",
        ),
        (
            Method::POST,
            "/_dev/apps/cli_ghost/webhook".into(),
            Some(json!({"url": "http://127.0.0.1:9/"})),
            "app_id",
        ),
        (
            Method::POST,
            "/_dev/apps/cli_ghost/install".into(),
            Some(json!({"tenant_key": tenant_key})),
            "app_id",
        ),
        (
            Method::POST,
            format!("/_dev/apps/{app_id}/install"),
            Some(json!({"tenant_key": "nope"})),
            "tenant_key",
        ),
        (
            Method::GET,
            "/_dev/apps/cli_ghost/connections".into(),
            None,
            "app_id",
        ),
        (
            Method::POST,
            "/_dev/apps/cli_ghost/connections/drop".into(),
            None,
            "app_id",
        ),
        (
            Method::POST,
            "/_dev/apps".into(),
            Some(json!({"tenant_key": "nope"})),
            "tenant_key",
        ),
        (
            Method::PATCH,
            "/_dev/users/ou_ghost".into(),
            Some(json!({})),
            "open_id",
        ),
        (
            Method::PATCH,
            format!("/_dev/users/{open_id}"),
            Some(json!({"blocked_apps": ["cli_ghost"]})),
            "blocked_apps[0]",
        ),
        (
            Method::POST,
            "/_dev/users/ou_ghost/token".into(),
            Some(json!({"app_id": app_id})),
            "open_id",
        ),
        (
            Method::POST,
            format!("/_dev/users/{open_id}/token"),
            Some(json!({"app_id": "cli_ghost"})),
            "app_id",
        ),
        (
            Method::POST,
            "/_dev/chats".into(),
            Some(json!({"tenant_key": tenant_key, "members": [ada, bot]})),
            "members[1].id",
        ),
        (
            Method::PATCH,
            "/_dev/chats/oc_ghost".into(),
            Some(json!({})),
            "chat_id",
        ),
        (
            Method::PATCH,
            format!("/_dev/chats/{chat_id}"),
            Some(json!({"add_members": [ghost]})),
            "add_members[0].id",
        ),
        (
            Method::PATCH,
            format!("/_dev/chats/{chat_id}"),
            Some(json!({"remove_members": [ada, ghost]})),
            "remove_members[1].id",
        ),
        (
            Method::POST,
            "/_dev/messages".into(),
            Some(json!({"chat_id": "oc_ghost", "sender": ada})),
            "chat_id",
        ),
        (
            Method::POST,
            "/_dev/messages".into(),
            Some(json!({"chat_id": chat_id, "sender": ghost})),
            "sender.id",
        ),
        (
            Method::PATCH,
            "/_dev/messages/om_ghost".into(),
            Some(json!({})),
            "message_id",
        ),
        (
            Method::PATCH,
            format!("/_dev/messages/{message_id}"),
            Some(json!({"hidden_from": [bot]})),
            "hidden_from[0].id",
        ),
        (
            Method::POST,
            "/_dev/messages/om_ghost/reactions".into(),
            Some(json!({"operator": ada, "emoji_type": "SMILE"})),
            "message_id",
        ),
        (
            Method::POST,
            format!("/_dev/messages/{message_id}/reactions"),
            Some(json!({"operator": ghost, "emoji_type": "SMILE"})),
            "operator.id",
        ),
        (
            Method::DELETE,
            "/_dev/reactions/ghost".into(),
            Some(json!({"operator": ada})),
            "reaction_id",
        ),
    ];
    for (method, path, body, at) in cases {
        let (error, field) = control.refused(404, method, &path, body).await;
        assert!(error.starts_with("no "), "{path}: {error}");
        assert_eq!(field, at, "{path}");
    }
    // Nothing was changed by a refused request.
    let (_, state) = control.send(Method::GET, "/_dev/state", None).await;
    assert_eq!(state["chats"][&chat_id]["members"], json!([ada]), "{state}");
    assert_eq!(state["apps"][&app_id]["unavailable_users"], json!([]));
    server.shutdown().await;
}

#[tokio::test]
async fn refusals_of_state_path_and_method_are_json_too() {
    let server = DevServer::start(Config::default()).await.unwrap();
    let control = Control {
        http: reqwest::Client::new(),
        base: server.url(),
    };
    let app = control.ok(Method::POST, "/_dev/apps", json!({})).await;
    let tenant_key = text(&app, "tenant_key");
    let user = control
        .ok(
            Method::POST,
            "/_dev/users",
            json!({"tenant_key": tenant_key}),
        )
        .await;
    let ada = json!({"kind": "user", "id": user["open_id"]});
    let bot = json!({"kind": "app", "id": app["app_id"]});
    let chat = control
        .ok(
            Method::POST,
            "/_dev/chats",
            json!({"tenant_key": tenant_key, "members": [ada]}),
        )
        .await;
    let (error, field) = control
        .refused(
            409,
            Method::POST,
            "/_dev/messages",
            Some(json!({"chat_id": chat["chat_id"], "sender": bot})),
        )
        .await;
    assert!(error.contains("is not in chat"), "{error}");
    assert_eq!(field, "sender");
    let message = control
        .ok(
            Method::POST,
            "/_dev/messages",
            json!({"chat_id": chat["chat_id"], "sender": ada}),
        )
        .await;
    let reactions = format!("/_dev/messages/{}/reactions", text(&message, "message_id"));
    let (_, field) = control
        .refused(
            400,
            Method::POST,
            &reactions,
            Some(json!({"operator": ada, "emoji_type": "NOT_AN_EMOJI"})),
        )
        .await;
    assert_eq!(field, "emoji_type");
    let (_, field) = control
        .refused(
            400,
            Method::DELETE,
            "/_dev/reactions/not%20an%20id",
            Some(json!({"operator": ada})),
        )
        .await;
    assert_eq!(field, "reaction_id");
    let (_, field) = control
        .refused(
            400,
            Method::POST,
            &format!("/_dev/apps/{}/webhook", text(&app, "app_id")),
            Some(json!({"url": "file:///etc/passwd"})),
        )
        .await;
    assert_eq!(field, "url");

    // A path parameter that is not UTF-8 once decoded.
    let (_, field) = control
        .refused(400, Method::PATCH, "/_dev/apps/%FF%FE", Some(json!({})))
        .await;
    assert_eq!(field, "app_id");
    // A method a route does not serve, a path that is no route.
    let (error, field) = control
        .refused(405, Method::DELETE, "/_dev/state", None)
        .await;
    assert!(error.contains("DELETE"), "{error}");
    assert!(field.is_null());
    let (error, _) = control
        .refused(404, Method::GET, "/_dev/nothing/here", None)
        .await;
    assert!(error.contains("/_dev/nothing/here"), "{error}");
    server.shutdown().await;
}

/// Reads one HTTP/1.1 answer to its end (the server closes after it): the
/// head, lower-cased, and the body.
async fn read_to_close(stream: &mut tokio::net::TcpStream) -> (String, Vec<u8>) {
    use tokio::io::AsyncReadExt;
    let mut raw = Vec::new();
    let read = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        stream.read_to_end(&mut raw),
    )
    .await;
    assert!(read.is_ok(), "the server kept the connection open");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("an HTTP head");
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    (head, raw[split + 4..].to_vec())
}

#[tokio::test]
async fn an_oversize_body_is_refused_and_the_connection_closed_saying_so() {
    use tokio::io::AsyncWriteExt;
    let server = DevServer::start(Config::default()).await.unwrap();
    let limit = 2 * 1024 * 1024;
    for path in ["/_dev/apps", "/_dev/faults"] {
        let method = if path == "/_dev/faults" {
            "PUT"
        } else {
            "POST"
        };
        let mut stream = tokio::net::TcpStream::connect(server.addr()).await.unwrap();
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            limit * 2
        );
        stream.write_all(head.as_bytes()).await.unwrap();
        // More than the limit, less than announced: the server must answer
        // without waiting for the rest.
        let chunk = vec![b' '; 64 * 1024];
        let mut sent = 0;
        while sent <= limit {
            if stream.write_all(&chunk).await.is_err() {
                break;
            }
            sent += chunk.len();
        }
        let (head, body) = read_to_close(&mut stream).await;
        assert!(head.starts_with("http/1.1 413"), "{path}: {head}");
        assert!(head.contains("\r\nconnection: close"), "{path}: {head}");
        let answer: Value = serde_json::from_slice(&body).expect("a JSON refusal");
        let (error, field) = refusal(path, &answer);
        assert!(error.contains("larger than"), "{error}");
        assert!(field.is_null());
    }
    server.shutdown().await;
}

#[tokio::test]
async fn a_connection_stays_open_when_its_body_was_read() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let server = DevServer::start(Config::default()).await.unwrap();
    let mut stream = tokio::net::TcpStream::connect(server.addr()).await.unwrap();
    // A refused body that was read, then a good request on the same connection.
    for body in ["[5000,0]", "{}"] {
        let request = format!(
            "PUT /_dev/faults HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(request.as_bytes()).await.unwrap();
        let mut raw = vec![0; 4096];
        let n = stream.read(&mut raw).await.unwrap();
        let head = String::from_utf8_lossy(&raw[..n]).to_ascii_lowercase();
        assert!(!head.contains("connection: close"), "{head}");
        let status = if body == "{}" { "200" } else { "400" };
        assert!(head.starts_with(&format!("http/1.1 {status}")), "{head}");
    }
    // A request whose path is refused before its body is read closes, saying so.
    let request = "PATCH /_dev/apps/%FF HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}";
    stream.write_all(request.as_bytes()).await.unwrap();
    let (head, body) = read_to_close(&mut stream).await;
    assert!(head.starts_with("http/1.1 400"), "{head}");
    assert!(head.contains("\r\nconnection: close"), "{head}");
    let answer: Value = serde_json::from_slice(&body).expect("a JSON refusal");
    assert_eq!(refusal("/_dev/apps/%FF", &answer).1, "app_id");
    server.shutdown().await;
}
