//! The rest of the message-reaction resource against the local server:
//! adding (its rules and rows), listing with the generated paginator (and
//! its stop on a server whose paging goes round), and the created event.

use lark_sdk::common::PlatformError;
use lark_sdk::prelude::*;
use std::time::Duration;

use futures_util::StreamExt;
use lark_devserver::{Config, Faults, Member};
use lark_sdk::client::{Error, TransportError};
use lark_sdk::common::UserIdType;
use lark_sdk::im::v1::{
    CreateMessageReactionError as Create, CreateMessageReactionRequest,
    CreateMessageReactionRequestBody, Emoji, EmojiType, ListMessageReactionError as List,
    ListMessageReactionRequest, OperatorType,
};
use lark_sdk::{ErrorSpec, InvalidRequest};
use lark_tests::Scene;

fn add(message_id: &str, emoji: EmojiType) -> CreateMessageReactionRequest {
    CreateMessageReactionRequest::new(
        message_id,
        CreateMessageReactionRequestBody::new(Emoji::new(emoji)),
    )
}

fn expect<T: std::fmt::Debug, E: lark_sdk::EndpointError + std::fmt::Debug>(
    result: Result<T, Error<E>>,
    row: ErrorSpec,
) {
    match result {
        Err(Error::Api(e)) => {
            assert_eq!(e.api_error().code, row.code, "{e}");
            assert_eq!(e.api_error().msg, row.message);
        }
        other => panic!("expected {}, got {other:?}", row.code),
    }
}

#[tokio::test]
async fn the_bot_adds_a_reaction() {
    let scene = Scene::new().await;
    let calls = scene.client.im().v1().message_reaction();
    let added = calls
        .create(add(&scene.message.message_id, EmojiType::Thumbsup))
        .await
        .expect("added");
    let id = added.reaction_id.clone().unwrap();
    assert_eq!(
        added.operator.unwrap().operator_type,
        Some(OperatorType::App)
    );
    let world = scene.server.world();
    assert_eq!(world.reactions[&id].emoji_type, "THUMBSUP");
    assert_eq!(world.reactions[&id].operator, scene.bot);
}

#[tokio::test]
async fn adding_follows_its_page_s_rules() {
    let scene = Scene::new().await;
    let calls = scene.client.im().v1().message_reaction();
    // An emoji value the platform does not know is refused (and sent as is).
    let unknown = EmojiType::from("NOT_AN_EMOJI");
    expect(
        calls.create(add(&scene.message.message_id, unknown)).await,
        Create::REACTION_TYPE_INVALID,
    );
    scene
        .server
        .world()
        .messages
        .get_mut(&scene.message.message_id)
        .unwrap()
        .system = true;
    expect(
        calls
            .create(add(&scene.message.message_id, EmojiType::Ok))
            .await,
        Create::UNSUPPORTED_MESSAGE_TYPE,
    );
    scene
        .server
        .world()
        .messages
        .get_mut(&scene.message.message_id)
        .unwrap()
        .recalled = true;
    expect(
        calls
            .create(add(&scene.message.message_id, EmojiType::Ok))
            .await,
        Create::MESSAGE_NOT_FOUND,
    );
    scene
        .server
        .world()
        .chats
        .get_mut(&scene.chat.chat_id)
        .unwrap()
        .members
        .remove(&scene.bot);
    let fresh = {
        let mut world = scene.server.world();
        world
            .chats
            .get_mut(&scene.chat.chat_id)
            .unwrap()
            .members
            .insert(scene.member.clone());
        world
            .post_message(&scene.chat.chat_id, scene.member.clone(), "x".into())
            .unwrap()
    };
    expect(
        calls.create(add(&fresh.message_id, EmojiType::Ok)).await,
        Create::NO_REACTION_PERMISSION,
    );
}

#[tokio::test]
async fn the_same_add_twice_at_once_is_231015() {
    let scene = Scene::with(Config {
        processing_time: Duration::from_millis(300),
        ..Config::default()
    })
    .await;
    let calls = scene.client.im().v1().message_reaction();
    let first = calls.create(add(&scene.message.message_id, EmojiType::Heart));
    let second = async {
        tokio::time::sleep(Duration::from_millis(100)).await;
        calls
            .create(add(&scene.message.message_id, EmojiType::Heart))
            .await
    };
    let (first, second) = tokio::join!(first, second);
    assert!(first.is_ok(), "{first:?}");
    expect(second, Create::REQUEST_IN_PROGRESS);
}

#[tokio::test]
async fn the_paginator_walks_every_page() {
    let scene = Scene::new().await;
    for i in 0..45 {
        let who = if i % 3 == 0 {
            &scene.bot
        } else {
            &scene.member
        };
        scene.react(who, if i % 2 == 0 { "SMILE" } else { "LAUGH" });
    }
    let calls = scene.client.im().v1().message_reaction();
    let all = calls
        .list_all(ListMessageReactionRequest::new(&scene.message.message_id))
        .try_collect()
        .await
        .expect("listed");
    assert_eq!(all.len(), 45);
    let mut times: Vec<i64> = all
        .iter()
        .map(|r| r.action_time.unwrap().as_millis())
        .collect();
    let sorted = {
        let mut t = times.clone();
        t.sort_unstable();
        t
    };
    assert_eq!(times, sorted, "oldest first");
    times.dedup();

    // Pages of 20: three requests.
    let mut pages = scene
        .client
        .paginate(ListMessageReactionRequest::new(&scene.message.message_id).page_size(20));
    let mut sizes = Vec::new();
    while let Some(page) = pages.next_page().await {
        sizes.push(page.unwrap().len());
    }
    assert_eq!(sizes, [20, 20, 5]);

    // One emoji only, items one by one, and user ids of another kind.
    let mut laughs = calls.list_all(
        ListMessageReactionRequest::new(&scene.message.message_id)
            .reaction_type(EmojiType::Laugh)
            .user_id_type(UserIdType::UnionId),
    );
    let mut count = 0;
    while let Some(item) = laughs.next().await {
        let item = item.unwrap();
        assert_eq!(item.reaction_type.unwrap().emoji_type, EmojiType::Laugh);
        let operator = item.operator.unwrap();
        if operator.operator_type == Some(OperatorType::User) {
            assert_eq!(
                operator.operator_id.as_deref(),
                Some(scene.user.union_id.as_str())
            );
        }
        count += 1;
    }
    assert_eq!(count, 22);
}

#[tokio::test]
async fn the_paginator_stops_where_paging_would_go_round() {
    let scene = Scene::new().await;
    for emoji in ["SMILE", "LAUGH", "OK"] {
        scene.react(&scene.member, emoji);
    }
    let list = || ListMessageReactionRequest::new(&scene.message.message_id).page_size(1);
    // After the last page, back to the first (`rp_0`): tokens rp_1, rp_2,
    // rp_0, then rp_1 again, which is not the token just followed.
    scene.server.set_faults(Faults {
        endless_page_token: Some("rp_0".into()),
        ..Faults::default()
    });
    let mut pages = scene.client.paginate(list());
    let mut sizes = Vec::new();
    let error = loop {
        match tokio::time::timeout(Duration::from_secs(10), pages.next_page())
            .await
            .expect("each page comes")
        {
            Some(Ok(items)) => sizes.push(items.len()),
            Some(Err(error)) => break error,
            None => panic!("the list has no end"),
        }
    };
    assert_eq!(sizes, [1, 1, 1, 1]);
    assert!(
        matches!(
            &error,
            Error::Transport(TransportError::PageTokenRepeated { page: 4, token, .. }) if token == "rp_1"
        ),
        "{error:?}"
    );
    assert!(pages.next_page().await.is_none());

    // `has_more` with an empty token: the items, then the error.
    scene.server.set_faults(Faults {
        endless_page_token: Some(String::new()),
        ..Faults::default()
    });
    let mut items = scene
        .client
        .im()
        .v1()
        .message_reaction()
        .list_all(ListMessageReactionRequest::new(&scene.message.message_id));
    let mut listed = 0;
    let error = loop {
        match items.next().await {
            Some(Ok(_)) => listed += 1,
            Some(Err(error)) => break error,
            None => panic!("the list has no end"),
        }
    };
    assert_eq!(listed, 3);
    assert!(
        matches!(
            error,
            Error::Transport(TransportError::PageTokenMissing { page: 1, .. })
        ),
        "{error:?}"
    );
    assert!(items.next().await.is_none(), "an error ends the stream");

    // Without the fault the same list ends.
    scene.server.set_faults(Faults::default());
    let all = scene.client.paginate(list()).try_collect().await;
    assert_eq!(all.expect("listed").len(), 3);
}

#[tokio::test]
async fn listing_refuses_bad_tokens_sizes_and_id_types() {
    let scene = Scene::new().await;
    let calls = scene.client.im().v1().message_reaction();
    let list = || ListMessageReactionRequest::new(&scene.message.message_id);
    expect(
        calls.list(list().page_token("garbage")).await,
        List::INVALID_PAGE_TOKEN,
    );
    // The documented bound (1 to 50) is kept before sending…
    let fetched = scene.client.token_fetches();
    let too_big = calls.list(list().page_size(51)).await;
    match too_big {
        Err(Error::InvalidRequest(InvalidRequest::OutOfBounds {
            field,
            bound,
            found,
            ..
        })) => assert_eq!(
            (field.as_ref(), bound.as_str(), found.as_str()),
            ("page_size", "at most 50", "51")
        ),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        calls.list(list().page_size(0)).await,
        Err(Error::InvalidRequest(InvalidRequest::OutOfBounds { .. }))
    ));
    assert_eq!(scene.client.token_fetches(), fetched, "nothing was sent");
    // …and the local server, by its own rule, refuses a request that skips it.
    let token = scene.client.tenant_access_token(None).await.unwrap();
    let answer: serde_json::Value = reqwest::Client::new()
        .get(format!(
            "{}/open-apis/im/v1/messages/{}/reactions?page_size=51",
            scene.server.url(),
            scene.message.message_id
        ))
        .bearer_auth(token.expose())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(answer["code"], 99_992_402);
    assert_eq!(answer["error"]["field_violations"][0]["field"], "page_size");
    scene
        .server
        .world()
        .apps
        .get_mut(&scene.app.app_id)
        .unwrap()
        .scopes
        .remove("contact:user.employee_id:readonly");
    let scoped = calls.list(list().user_id_type(UserIdType::UserId)).await;
    assert!(
        matches!(
            scoped,
            Err(Error::Api(List::Platform(PlatformError::ScopeMissing(_))))
        ),
        "{scoped:?}"
    );
    scene
        .server
        .world()
        .messages
        .get_mut(&scene.message.message_id)
        .unwrap()
        .deleted = true;
    expect(calls.list(list()).await, List::MESSAGE_DELETED);
}

#[tokio::test]
async fn adding_pushes_the_created_event() {
    use lark_sdk::event::Dispatcher;
    let scene = Scene::with(Config {
        ping_interval_secs: 1,
        reconnect_nonce_secs: 0,
        ..Config::default()
    })
    .await;
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let dispatcher = Dispatcher::new().on_message_reaction_created_v1(move |event| {
        let tx = tx.clone();
        async move {
            let _ = tx.send(event);
            Ok(())
        }
    });
    let _running = lark_tests::events::connect(&scene, dispatcher);
    lark_tests::events::connected(&scene).await;
    scene
        .server
        .add_reaction(
            &scene.message.message_id,
            Member::User(scene.user.open_id.clone()),
            "FIREWORKS",
        )
        .unwrap();
    let event = tokio::time::timeout(Duration::from_secs(10), rx.recv())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(event.header.event_type, "im.message.reaction.created_v1");
    assert_eq!(
        event.event.reaction_type.unwrap().emoji_type,
        EmojiType::Fireworks
    );
}
