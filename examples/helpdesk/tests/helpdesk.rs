//! The extension end to end: the local Open Platform serves this crate's
//! category list (with rules written here, as a user of the SDK would write
//! them for a call the server does not know) and pushes its event; a bot
//! built on lark-sdk plus this crate lists categories through the generated
//! call and receives the typed event over the long connection.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::Router;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use lark_devserver::api::{Reply, endpoint, guard};
use lark_devserver::{ChatKind, Config, DevServer, Member, NewApp, Shared};
use lark_example_helpdesk::helpdesk::v1::{
    ListCategoryError as E, ListCategoryRequest, TicketMessageContent, TicketMessageCreatedV1,
    TicketMessageSenderType,
};
use lark_example_helpdesk::prelude::*;
use lark_sdk::client::Error;
use lark_sdk::common::{PlatformError, UserId};
use lark_sdk::event::{Dispatcher, EventEnvelope, LongConnection};
use lark_sdk::helpdesk::v1::GetCategoryRequest;
use lark_sdk::prelude::*;
use lark_sdk::{Client, Event};
use serde_json::json;
use tokio::sync::{mpsc, oneshot};

/// The tenant whose help desk the categories are.
static HELPDESK_TENANT: OnceLock<String> = OnceLock::new();

/// `GET /open-apis/helpdesk/v1/categories`: the help desk's categories in
/// the language asked for, to apps of its tenant only.
async fn list(
    State(shared): State<Arc<Shared>>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Reply {
    let caller =
        match guard::<ListCategoryRequest>(&shared, &headers, Reply::spec(E::UNAUTHORIZED)).await {
            Ok(caller) => caller,
            Err(reply) => return reply,
        };
    if HELPDESK_TENANT.get() != Some(&caller.tenant_key) {
        return Reply::spec(E::UNAUTHORIZED);
    }
    let lang = query.get("lang").map_or("zh_cn", String::as_str);
    let all = [
        ("7001", "", "Onboarding", "en_us"),
        ("7002", "7001", "Laptops", "en_us"),
        ("7003", "", "入职", "zh_cn"),
    ];
    let mut categories: Vec<_> = all
        .iter()
        .filter(|c| c.3 == lang)
        .map(|(id, parent, name, language)| {
            json!({"category_id": id, "id": id, "name": name, "parent_id": parent,
                   "helpdesk_id": "6939771743531696147", "language": language})
        })
        .collect();
    if query.get("asc").map(String::as_str) == Some("false") {
        categories.reverse();
    }
    Reply::ok(json!({ "categories": categories }))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bot_lists_categories_and_receives_the_typed_ticket_message() {
    let routes = endpoint::<ListCategoryRequest, _, _>(Router::new(), list);
    let config = Config {
        record_requests: true,
        ..Config::default()
    };
    let server = DevServer::start_with(config, routes).await.unwrap();
    let scopes = Some(vec![
        "helpdesk:all:readonly".to_owned(),
        "helpdesk:all".to_owned(),
    ]);
    let app = server
        .create_app(NewApp {
            scopes: scopes.clone(),
            ..Default::default()
        })
        .unwrap();
    HELPDESK_TENANT.set(app.tenant_key.clone()).unwrap();
    let ada = server.create_user(&app.tenant_key, "Ada").unwrap();
    let chat = server
        .create_chat(
            &app.tenant_key,
            ChatKind::Group,
            vec![
                Member::App(app.app_id.clone()),
                Member::User(ada.open_id.clone()),
            ],
        )
        .unwrap();

    // The bot: the SDK's dispatcher, with this crate's handler method.
    let (received, mut events) = mpsc::unbounded_channel::<EventEnvelope<TicketMessageCreatedV1>>();
    let dispatcher = Dispatcher::new().on_ticket_message_created_v1(move |event| {
        let received = received.clone();
        async move {
            let _ = received.send(event);
            Ok(())
        }
    });
    let connection =
        LongConnection::builder(app.app_id.clone(), app.app_secret.clone(), dispatcher)
            .base_url(server.url())
            .build()
            .unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let running = tokio::spawn(async move {
        connection
            .run(async {
                let _ = stopped.await;
            })
            .await
    });
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while server.connections(&app.app_id) == 0 {
        assert!(tokio::time::Instant::now() < deadline, "no long connection");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    let client = Client::builder(app.app_id.clone(), app.app_secret.clone())
        .base_url(server.url())
        .build()
        .unwrap();
    // This crate's call, reached through the SDK's `helpdesk()`, `v1()` and
    // `category()`; the query goes out as the platform has it.
    let categories = client.helpdesk().v1().category();
    let listed = categories
        .list(ListCategoryRequest::new().lang("en_us").asc(false))
        .await
        .expect("the categories of the app's help desk");
    let names: Vec<_> = listed
        .categories
        .unwrap_or_default()
        .into_iter()
        .map(|c| (c.name, c.parent_id))
        .collect();
    assert_eq!(
        names,
        [
            ("Laptops".to_owned(), "7001".to_owned()),
            ("Onboarding".to_owned(), String::new())
        ]
    );
    let sent = server.received();
    let request = sent
        .iter()
        .rev()
        .find(|r| r.path == "/open-apis/helpdesk/v1/categories")
        .expect("the server recorded the call");
    assert_eq!(request.method, "GET");
    assert_eq!(request.query.as_deref(), Some("lang=en_us&asc=false"));

    // The help desk's event, pushed to the ticket chat's bot.
    let mut pushed = TicketMessageCreatedV1::new();
    pushed.ticket_message_id = Some("6949088236610273283".into());
    pushed.chat_id = Some(chat.chat_id.clone());
    pushed.msg_type = Some("text".into());
    pushed.text = Some("My laptop will not start".into());
    pushed.sender_type = Some(TicketMessageSenderType::Guest);
    let mut sender = UserId::new();
    sender.open_id = Some(ada.open_id.clone());
    pushed.sender_id = Some(sender);
    let mut content = TicketMessageContent::new();
    content.msg_type = Some("text".into());
    content.content = Some("My laptop will not start".into());
    pushed.content = Some(content);
    assert_eq!(server.push_event(&chat.chat_id, &pushed).unwrap(), 1);
    let event = tokio::time::timeout(Duration::from_secs(5), events.recv())
        .await
        .expect("the ticket message arrives")
        .expect("open channel");
    assert_eq!(
        event.header.event_type,
        "helpdesk.ticket_message.created_v1"
    );
    assert_eq!(event.header.app_id, app.app_id);
    assert_eq!(
        event.event.sender_type,
        Some(TicketMessageSenderType::Guest)
    );
    assert_eq!(
        event.event.sender_id.and_then(|s| s.open_id).as_deref(),
        Some(ada.open_id.as_str())
    );
    assert_eq!(
        event.event.text.as_deref(),
        Some("My laptop will not start")
    );

    // An app of another tenant: the typed row of this crate's table, with
    // the platform's log id.
    let other = server
        .create_app(NewApp {
            scopes,
            ..Default::default()
        })
        .unwrap();
    let outsider = Client::builder(other.app_id.clone(), other.app_secret.clone())
        .base_url(server.url())
        .build()
        .unwrap();
    match outsider
        .helpdesk()
        .v1()
        .category()
        .list(ListCategoryRequest::new())
        .await
    {
        Err(Error::Api(E::Unauthorized(e))) => {
            assert_eq!(e.code, 154_001);
            assert!(e.log_id.is_some());
        }
        other => panic!("expected Unauthorized, got {other:?}"),
    }
    // An app without the scope: a platform-wide code reaches this crate's
    // enum too.
    let unscoped = server.create_app(Default::default()).unwrap();
    let unscoped = Client::builder(unscoped.app_id.clone(), unscoped.app_secret.clone())
        .base_url(server.url())
        .build()
        .unwrap();
    match unscoped
        .helpdesk()
        .v1()
        .category()
        .list(ListCategoryRequest::new())
        .await
    {
        Err(Error::Api(E::Platform(e))) => {
            assert!(!matches!(e, PlatformError::RateLimited(_)), "{e:?}")
        }
        other => panic!("expected a platform-wide refusal, got {other:?}"),
    }

    // The SDK's own call on the same resource sits beside this crate's (in
    // the server's contract mode: the category its answer describes).
    let got = client
        .helpdesk()
        .v1()
        .category()
        .get(GetCategoryRequest::new("7001"))
        .await
        .expect("the SDK's endpoint still works");
    assert!(!got.category_id.is_empty());

    let _ = stop.send(());
    running.await.unwrap().unwrap();
    server.shutdown().await;
}

#[test]
fn the_crate_s_event_enum_decodes_its_event_and_keeps_others_raw() {
    let created = br#"{"schema":"2.0","header":{"event_id":"5e3702a84e847582be8db7fb73283c02",
      "event_type":"helpdesk.ticket_message.created_v1","create_time":"1608725989000",
      "token":"rvaYgkND1GOiu5MM0E1rncYC6PLtF7JV","app_id":"cli_9f5343c580712544","tenant_key":"2ca1d211f64f6438"},
      "event":{"ticket_message_id":"6949088236610273283","message_id":"om_8baa3656c7b41900d29bf9104bf5310b",
      "msg_type":"text","position":"3","sender_type":3,"text":"Restart it","chat_id":"oc_3a4d",
      "ticket":{"ticket_id":"6948728206392295444","status":2},
      "content":{"content":"Restart it","msg_type":"text"}}}"#;
    match lark_example_helpdesk::Event::from_slice(created).unwrap() {
        lark_example_helpdesk::Event::TicketMessageCreatedV1(e) => {
            assert_eq!(e.event.sender_type, Some(TicketMessageSenderType::Agent));
            assert_eq!(e.event.ticket.unwrap().ticket_id, "6948728206392295444");
            assert_eq!(
                e.event.content.unwrap().content.as_deref(),
                Some("Restart it")
            );
        }
        other => panic!("{other:?}"),
    }
    // A sender type the spec does not list is kept as its number.
    let newer = br#"{"schema":"2.0","header":{"event_id":"2","event_type":"helpdesk.ticket_message.created_v1"},
      "event":{"sender_type":9}}"#;
    match lark_example_helpdesk::Event::from_slice(newer).unwrap() {
        lark_example_helpdesk::Event::TicketMessageCreatedV1(e) => {
            let kind = e.event.sender_type.unwrap();
            assert!(kind.is_unknown());
            assert_eq!(kind.value(), 9);
        }
        other => panic!("{other:?}"),
    }
    let reaction = br#"{"schema":"2.0","header":{"event_id":"1","event_type":"im.message.reaction.deleted_v1"},"event":{}}"#;
    assert!(matches!(
        lark_example_helpdesk::Event::from_slice(reaction).unwrap(),
        lark_example_helpdesk::Event::Unknown(_)
    ));
    assert!(Event::TYPES.contains(&"im.message.recalled_v1"));
}
