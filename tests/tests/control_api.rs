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

    async fn refused(&self, method: Method, path: &str, body: Option<Value>) -> String {
        let (status, answer) = self.send(method, path, body).await;
        assert_eq!(status, 400, "{path}: {answer}");
        answer["error"]
            .as_str()
            .unwrap_or_else(|| panic!("{path}: no `error` in {answer}"))
            .to_owned()
    }
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
    let error = control
        .refused(Method::PUT, "/_dev/faults", Some(json!({"latency": 5})))
        .await;
    assert!(error.contains("unknown field `latency`"), "{error}");

    let error = control
        .refused(
            Method::POST,
            "/_dev/users",
            Some(json!({"tenant_key": "no-such-tenant"})),
        )
        .await;
    assert!(error.contains("no-such-tenant"), "{error}");

    let error = control
        .refused(Method::POST, "/_dev/messages", Some(json!({"text": "hi"})))
        .await;
    assert!(error.contains("missing field `chat_id`"), "{error}");

    let response = control
        .http
        .post(format!("{}/_dev/apps", server.url()))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 400);
    let answer: Value = response.json().await.unwrap();
    assert!(answer["error"].as_str().is_some(), "{answer}");

    let error = control
        .refused(Method::POST, "/_dev/apps/cli_x/connections/restart", None)
        .await;
    assert!(error.contains("`restart`"), "{error}");
    server.shutdown().await;
}
