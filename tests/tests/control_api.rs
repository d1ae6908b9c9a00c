//! The local server's control API over HTTP, as a tool in another language
//! would drive it: a world set up with JSON alone, a bot's client acting in
//! it, and bad control requests answered with errors that say what is wrong.
//! How the connection fares with bodies too large or left unread is in
//! `control_api_bodies.rs`.

use lark_devserver::{Config, DevServer};
use lark_sdk::Client;
use lark_sdk::client::Error;
use lark_sdk::im::v1::{DeleteMessageReactionError as E, DeleteMessageReactionRequest};
use lark_sdk::prelude::*;
use lark_tests::control::{Control, Refusal, refusal, text};
use reqwest::Method;
use serde_json::{Value, json};

#[tokio::test]
async fn a_world_built_over_http_is_the_one_the_open_api_serves() {
    let server = DevServer::start(Config::default()).await.unwrap();
    let control = Control::new(&server);
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
    let control = Control::new(&server);
    let faults = "PUT /_dev/faults";
    control
        .refuses(vec![
            (
                400,
                faults.into(),
                Some(json!({"latency": 5})),
                Some("latency"),
                "unknown field `latency`",
            ),
            (
                404,
                "POST /_dev/users".into(),
                Some(json!({"tenant_key": "no-such-tenant"})),
                Some("tenant_key"),
                "no-such-tenant",
            ),
            (
                400,
                "POST /_dev/messages".into(),
                Some(json!({"text": "hi"})),
                Some("chat_id"),
                "missing field `chat_id`",
            ),
            (
                400,
                faults.into(),
                Some(json!({"latency_ms": "5000"})),
                Some("latency_ms"),
                "invalid type",
            ),
            (
                400,
                "POST /_dev/apps/cli_x/connections/restart".into(),
                None,
                Some("action"),
                "`restart`",
            ),
            (
                400,
                faults.into(),
                Some(json!({"fail_status": 200})),
                Some("fail_status"),
                "fail_status 200",
            ),
        ])
        .await;

    let (status, answer) = control
        .send_bytes(Method::POST, "/_dev/apps", b"{not json")
        .await;
    assert_eq!(status, 400);
    let (error, field) = refusal("/_dev/apps", &answer);
    assert!(error.contains("not JSON"), "{error}");
    assert!(field.is_null(), "{answer}");
    server.shutdown().await;
}

#[tokio::test]
async fn an_app_id_is_any_short_path_safe_name() {
    let server = DevServer::start(Config::default()).await.unwrap();
    let control = Control::new(&server);
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
    let apps = || "POST /_dev/apps".to_owned();
    let mut table: Vec<Refusal> = ["", "cli_界面", "cli x", "cli/x", &"a".repeat(65)]
        .into_iter()
        .map(|id| (400, apps(), Some(json!({"app_id": id})), Some("app_id"), ""))
        .collect();
    table.extend([
        (
            409,
            apps(),
            Some(json!({"app_id": "cli"})),
            Some("app_id"),
            "exists",
        ),
        (
            400,
            apps(),
            Some(json!({"app_secret": ""})),
            Some("app_secret"),
            "",
        ),
    ]);
    control.refuses(table).await;
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
    let control = Control::new(&server);
    // serde reads a sequence as a struct: `[5000, 0]` would be a 5 s latency.
    let bodies = [
        json!([5000, 0]),
        json!(5000),
        json!("x"),
        json!(null),
        json!(true),
    ];
    let table = bodies.into_iter().map(|body| {
        let words = "must be a JSON object";
        (400, "PUT /_dev/faults".to_owned(), Some(body), None, words)
    });
    control.refuses(table.collect()).await;
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
    let table = wrong.into_iter().map(|(member, at)| {
        let body = json!({"tenant_key": tenant_key, "members": [member]});
        (400, "POST /_dev/chats".to_owned(), Some(body), Some(at), "")
    });
    control.refuses(table.collect()).await;

    // Routes that take nothing take `{}` or no body, nothing else.
    control
        .ok(Method::POST, "/_dev/tokens/expire", json!({}))
        .await;
    let (status, _) = control
        .send(Method::POST, "/_dev/tokens/expire", None)
        .await;
    assert_eq!(status, 200);
    control
        .refuses(vec![
            (
                400,
                "POST /_dev/tokens/expire".into(),
                Some(json!({"all": true})),
                Some("all"),
                "",
            ),
            (
                400,
                "GET /_dev/state".into(),
                Some(json!([])),
                None,
                "must be a JSON object",
            ),
        ])
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
    let control = Control::new(&server);
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
    let (app, user) = (
        format!("/_dev/apps/{app_id}"),
        format!("/_dev/users/{open_id}"),
    );
    let (chat, message) = (
        format!("/_dev/chats/{chat_id}"),
        format!("/_dev/messages/{message_id}"),
    );

    let cases: Vec<(String, Option<Value>, &str)> = vec![
        (
            "PATCH /_dev/apps/cli_ghost".into(),
            Some(json!({})),
            "app_id",
        ),
        (
            format!("PATCH {app}"),
            Some(json!({"unavailable_users": [open_id, "ou_ghost"]})),
            "unavailable_users[1]",
        ),
        (
            "POST /_dev/apps/cli_ghost/webhook".into(),
            Some(json!({"url": "http://127.0.0.1:9/"})),
            "app_id",
        ),
        (
            "POST /_dev/apps/cli_ghost/install".into(),
            Some(json!({"tenant_key": tenant_key})),
            "app_id",
        ),
        (
            format!("POST {app}/install"),
            Some(json!({"tenant_key": "nope"})),
            "tenant_key",
        ),
        (
            "GET /_dev/apps/cli_ghost/connections".into(),
            None,
            "app_id",
        ),
        (
            "POST /_dev/apps/cli_ghost/connections/drop".into(),
            None,
            "app_id",
        ),
        (
            "POST /_dev/apps".into(),
            Some(json!({"tenant_key": "nope"})),
            "tenant_key",
        ),
        (
            "PATCH /_dev/users/ou_ghost".into(),
            Some(json!({})),
            "open_id",
        ),
        (
            format!("PATCH {user}"),
            Some(json!({"blocked_apps": ["cli_ghost"]})),
            "blocked_apps[0]",
        ),
        (
            "POST /_dev/users/ou_ghost/token".into(),
            Some(json!({"app_id": app_id})),
            "open_id",
        ),
        (
            format!("POST {user}/token"),
            Some(json!({"app_id": "cli_ghost"})),
            "app_id",
        ),
        (
            "POST /_dev/chats".into(),
            Some(json!({"tenant_key": tenant_key, "members": [ada, bot]})),
            "members[1].id",
        ),
        (
            "PATCH /_dev/chats/oc_ghost".into(),
            Some(json!({})),
            "chat_id",
        ),
        (
            format!("PATCH {chat}"),
            Some(json!({"add_members": [ghost]})),
            "add_members[0].id",
        ),
        (
            format!("PATCH {chat}"),
            Some(json!({"remove_members": [ada, ghost]})),
            "remove_members[1].id",
        ),
        (
            "POST /_dev/messages".into(),
            Some(json!({"chat_id": "oc_ghost", "sender": ada})),
            "chat_id",
        ),
        (
            "POST /_dev/messages".into(),
            Some(json!({"chat_id": chat_id, "sender": ghost})),
            "sender.id",
        ),
        (
            "PATCH /_dev/messages/om_ghost".into(),
            Some(json!({})),
            "message_id",
        ),
        (
            format!("PATCH {message}"),
            Some(json!({"hidden_from": [bot]})),
            "hidden_from[0].id",
        ),
        (
            "POST /_dev/messages/om_ghost/reactions".into(),
            Some(json!({"operator": ada, "emoji_type": "SMILE"})),
            "message_id",
        ),
        (
            format!("POST {message}/reactions"),
            Some(json!({"operator": ghost, "emoji_type": "SMILE"})),
            "operator.id",
        ),
        (
            "DELETE /_dev/reactions/ghost".into(),
            Some(json!({"operator": ada})),
            "reaction_id",
        ),
    ];
    for (request, body, at) in cases {
        let (error, field) = control.refused_at(404, &request, body).await;
        assert!(error.starts_with("no "), "{request}: {error}");
        assert_eq!(field, at, "{request}");
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
    let control = Control::new(&server);
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
    let by_bot = json!({"chat_id": chat["chat_id"], "sender": bot});
    control
        .refuses(vec![(
            409,
            "POST /_dev/messages".into(),
            Some(by_bot),
            Some("sender"),
            "is not in chat",
        )])
        .await;
    let message = control
        .ok(
            Method::POST,
            "/_dev/messages",
            json!({"chat_id": chat["chat_id"], "sender": ada}),
        )
        .await;
    let reactions = format!(
        "POST /_dev/messages/{}/reactions",
        text(&message, "message_id")
    );
    let webhook = format!("POST /_dev/apps/{}/webhook", text(&app, "app_id"));
    let not_an_emoji = json!({"operator": ada, "emoji_type": "NOT_AN_EMOJI"});
    control
        .refuses(vec![
            (400, reactions, Some(not_an_emoji), Some("emoji_type"), ""),
            (
                400,
                "DELETE /_dev/reactions/not%20an%20id".into(),
                Some(json!({"operator": ada})),
                Some("reaction_id"),
                "",
            ),
            (
                400,
                webhook,
                Some(json!({"url": "file:///etc/passwd"})),
                Some("url"),
                "",
            ),
            // A path parameter that is not UTF-8 once decoded.
            (
                400,
                "PATCH /_dev/apps/%FF%FE".into(),
                Some(json!({})),
                Some("app_id"),
                "",
            ),
            // A method a route does not serve, a path that is no route.
            (405, "DELETE /_dev/state".into(), None, None, "DELETE"),
            (
                404,
                "GET /_dev/nothing/here".into(),
                None,
                None,
                "/_dev/nothing/here",
            ),
        ])
        .await;
    server.shutdown().await;
}
