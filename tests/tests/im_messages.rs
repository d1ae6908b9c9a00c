//! The local server's IM core over loopback, driven by the SDK's own
//! calls: what a typed content becomes on the wire and back, replies and
//! threads, history in pages, edits, forwards, and the refusals of the
//! endpoints' error tables. The wire forms checked here are the platform's
//! documented ones, written as literals: a text with `<at user_id>` tags
//! read back with `@_user_1` placeholders, a card JSON 2.0 with its
//! `schema`, `header` and `body`.

use futures_util::StreamExt;
use lark_devserver::{ChatKind, Config, Member};
use lark_sdk::client::Error;
use lark_sdk::content::{Button, Card, mention};
use lark_sdk::im::v1::{
    CreateMessageError, CreateMessageReceiveIdType, CreateMessageRequest, CreateMessageRequestBody,
    ForwardMessageRequest, ForwardMessageRequestBody, GetMessageRequest, ListMessageRequest,
    MessageContent, PatchMessageRequest, PatchMessageRequestBody, ReceiveIdType, ReplyMessageError,
    ReplyMessageRequest, ReplyMessageRequestBody, SentMessage, TextContent,
};
use lark_sdk::prelude::*;
use lark_tests::Scene;
use serde_json::{Value, json};

fn to_chat(chat_id: &str, content: impl Into<MessageContent>) -> CreateMessageRequest {
    CreateMessageRequest::new(
        CreateMessageReceiveIdType::ChatId,
        CreateMessageRequestBody::new(chat_id, content.into()),
    )
}

/// The JSON body of the last request the server received.
fn last_body(scene: &Scene) -> Value {
    let received = scene.server.received();
    let last = received.last().expect("a request was received");
    serde_json::from_slice(&last.body).expect("a JSON body")
}

fn content_of(sent: &SentMessage) -> Value {
    let body = sent.body.as_ref().expect("a body");
    serde_json::from_str(&body.content).expect("JSON content")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_text_with_a_mention_and_a_card_go_out_and_come_back_as_the_platform_has_them() {
    let scene = Scene::with(Config {
        record_requests: true,
        ..Config::default()
    })
    .await;
    let messages = scene.client.im().v1().message();
    let text = TextContent::new(format!("{} ship it?", mention(&scene.user.open_id, "Ada")));
    let sent = messages
        .create(to_chat(&scene.chat.chat_id, text))
        .await
        .unwrap();
    let wire = last_body(&scene);
    assert_eq!(wire["receive_id"], json!(scene.chat.chat_id));
    assert_eq!(wire["msg_type"], "text");
    let sent_text: Value = serde_json::from_str(wire["content"].as_str().unwrap()).unwrap();
    assert_eq!(
        sent_text,
        json!({"text": format!("<at user_id=\"{}\">Ada</at> ship it?", scene.user.open_id)})
    );
    // Read back, the mention is a placeholder and a mention entry.
    assert_eq!(content_of(&sent), json!({"text": "@_user_1 ship it?"}));
    let mentions = sent.mentions.clone().unwrap_or_default();
    assert_eq!(mentions.len(), 1);
    assert_eq!(
        (mentions[0].key.as_str(), mentions[0].id.as_str()),
        ("@_user_1", scene.user.open_id.as_str())
    );
    assert_eq!(sent.msg_type.as_deref(), Some("text"));

    let card = Card::new()
        .title("Deploy")
        .markdown("**prod** is ready")
        .button(Button::new("Go").primary().value(json!({"deploy": 7})));
    let sent = messages
        .create(to_chat(&scene.chat.chat_id, card))
        .await
        .unwrap();
    let wire = last_body(&scene);
    assert_eq!(wire["msg_type"], "interactive");
    let card: Value = serde_json::from_str(wire["content"].as_str().unwrap()).unwrap();
    assert_eq!(card["schema"], "2.0");
    assert_eq!(
        card["header"]["title"],
        json!({"tag": "plain_text", "content": "Deploy"})
    );
    let elements = card["body"]["elements"].as_array().unwrap();
    assert_eq!(
        elements[0],
        json!({"tag": "markdown", "content": "**prod** is ready"})
    );
    assert_eq!(elements[1]["tag"], "button");
    assert_eq!(elements[1]["type"], "primary");
    // The platform keeps the card as sent, and gives it back on `get`.
    let message_id = sent.message_id.clone().unwrap();
    let got = messages
        .get(GetMessageRequest::new(message_id.clone()))
        .await
        .unwrap();
    let item = &got.items.unwrap_or_default()[0];
    let content: Value = serde_json::from_str(&item.body.as_ref().unwrap().content).unwrap();
    assert_eq!(content, card);
    scene.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replies_go_in_threads_and_histories_come_in_pages() {
    let scene = Scene::new().await;
    let messages = scene.client.im().v1().message();
    let mut sent = Vec::new();
    for n in 0..3 {
        let text = TextContent::new(format!("update {n}"));
        sent.push(
            messages
                .create(to_chat(&scene.chat.chat_id, text))
                .await
                .unwrap()
                .message_id
                .unwrap(),
        );
    }
    // A reply in a thread under the user's message.
    let body = ReplyMessageRequestBody::new(TextContent::new("on it")).reply_in_thread(true);
    let reply = messages
        .reply(ReplyMessageRequest::new(
            scene.message.message_id.clone(),
            body,
        ))
        .await
        .unwrap();
    assert_eq!(
        reply.parent_id.as_deref(),
        Some(scene.message.message_id.as_str())
    );
    assert_eq!(
        reply.root_id.as_deref(),
        Some(scene.message.message_id.as_str())
    );
    let thread = reply.thread_id.clone().expect("a thread");
    // The chat's history: the user's message and the three, not the
    // thread's reply; two a page.
    let request = ListMessageRequest::new("chat", scene.chat.chat_id.clone()).page_size(2);
    let items: Vec<_> = messages
        .list_all(request)
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let ids: Vec<String> = items.iter().filter_map(|m| m.message_id.clone()).collect();
    let mut expected = vec![scene.message.message_id.clone()];
    expected.extend(sent.iter().cloned());
    assert_eq!(ids, expected);
    let first = &items[0];
    assert_eq!(first.thread_id.as_deref(), Some(thread.as_str()));
    // The thread's history: the reply.
    let request = ListMessageRequest::new("thread", thread);
    let page = messages.list(request).await.unwrap();
    let items = page.items.unwrap_or_default();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].message_id, reply.message_id);

    // The same request uuid sends once.
    let once = |uuid: &str| {
        CreateMessageRequest::new(
            CreateMessageReceiveIdType::ChatId,
            CreateMessageRequestBody::new(scene.chat.chat_id.clone(), TextContent::new("once"))
                .uuid(uuid),
        )
    };
    let a = messages.create(once("req-1")).await.unwrap();
    let b = messages.create(once("req-1")).await.unwrap();
    assert_eq!(a.message_id, b.message_id);
    let kept = scene
        .server
        .world()
        .messages
        .values()
        .filter(|m| m.content.contains("once"))
        .count();
    assert_eq!(kept, 1);
    scene.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_card_is_patched_and_a_message_forwarded_to_a_user() {
    let scene = Scene::new().await;
    let messages = scene.client.im().v1().message();
    let card = Card::new().markdown("Waiting");
    let sent = messages
        .create(to_chat(&scene.chat.chat_id, card))
        .await
        .unwrap();
    let id = sent.message_id.clone().unwrap();
    let done = Card::new().markdown("Done").into_content();
    messages
        .patch(PatchMessageRequest::new(
            id.clone(),
            PatchMessageRequestBody::new(done.clone()),
        ))
        .await
        .unwrap();
    {
        let world = scene.server.world();
        let message = &world.messages[&id];
        assert!(message.updated);
        let content: Value = serde_json::from_str(&message.content).unwrap();
        assert_eq!(content, serde_json::to_value(&done).unwrap());
    }
    // Forwarded to the user by open_id: into the p2p chat of the bot and
    // the user, made on the way.
    let forwarded = messages
        .forward(
            ForwardMessageRequest::new(id, ReceiveIdType::OpenId)
                .body(ForwardMessageRequestBody::new().receive_id(scene.user.open_id.clone())),
        )
        .await
        .unwrap();
    {
        let world = scene.server.world();
        let copy = &world.messages[forwarded.message_id.as_deref().unwrap()];
        let chat = &world.chats[&copy.chat_id];
        assert_eq!(chat.kind, ChatKind::P2p);
        assert!(chat.members.contains(&scene.member) && chat.members.contains(&scene.bot));
        assert_eq!(copy.msg_type, "interactive");
    }
    scene.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refusals_are_the_rows_of_the_endpoints_tables() {
    let scene = Scene::new().await;
    let messages = scene.client.im().v1().message();
    let send = |chat: &str, text: String| messages.create(to_chat(chat, TextContent::new(text)));

    // A chat without the bot.
    let other = scene
        .server
        .create_chat(
            &scene.app.tenant_key,
            ChatKind::Group,
            vec![scene.member.clone()],
        )
        .unwrap();
    match send(&other.chat_id, "hi".into()).await {
        Err(Error::Api(e @ CreateMessageError::BotNotInChat(_))) => {
            assert_eq!(e.code(), 230_002);
            assert!(
                e.remedy()
                    .is_some_and(|r| r.contains("chat_members.create"))
            );
        }
        other => panic!("{other:?}"),
    }
    // A text over 150 KB.
    match send(&scene.chat.chat_id, "x".repeat(151 * 1024)).await {
        Err(Error::Api(e @ CreateMessageError::ContentTooLong(_))) => {
            assert_eq!(e.code(), 230_025);
        }
        other => panic!("{other:?}"),
    }
    // An image that was never uploaded.
    let image = MessageContent::from(lark_sdk::im::v1::ImageContent::new("img_v3_nothing"));
    match messages.create(to_chat(&scene.chat.chat_id, image)).await {
        Err(Error::Api(e @ CreateMessageError::InvalidParameter(_))) => {
            assert_eq!(e.code(), 230_001);
        }
        other => panic!("{other:?}"),
    }
    // Five messages a second to one chat, then 230020.
    let mut limited = None;
    for n in 0..6 {
        if let Err(e) = send(&scene.chat.chat_id, format!("burst {n}")).await {
            limited = Some((n, e));
            break;
        }
    }
    match limited {
        Some((5, Error::Api(e @ CreateMessageError::FrequencyLimited(_)))) => {
            assert_eq!(e.code(), 230_020);
        }
        other => panic!("{other:?}"),
    }
    // A reply to a recalled message.
    scene
        .server
        .world()
        .messages
        .get_mut(&scene.message.message_id)
        .unwrap()
        .recalled = true;
    let body = ReplyMessageRequestBody::new(TextContent::new("late"));
    match messages
        .reply(ReplyMessageRequest::new(
            scene.message.message_id.clone(),
            body,
        ))
        .await
    {
        Err(Error::Api(e @ ReplyMessageError::MessageRecalled(_))) => {
            assert_eq!(e.code(), 230_011);
        }
        other => panic!("{other:?}"),
    }
    // The bot out of the chat cannot read its history either.
    scene.chat_mut(|chat| chat.members.remove(&Member::App(scene.app.app_id.clone())));
    let listed = messages
        .list(ListMessageRequest::new("chat", scene.chat.chat_id.clone()))
        .await;
    match listed {
        Err(Error::Api(e)) => assert_eq!(e.code(), 230_002),
        other => panic!("{other:?}"),
    }
    scene.server.shutdown().await;
}
