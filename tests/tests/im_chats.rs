//! Chats and members on the local server, through the SDK's calls over
//! loopback: a bot creates a group with a user, reads it, adds a member and
//! another bot (which is pushed `im.chat.member.bot.added_v1`), lists the
//! members in pages, removes one, and is refused a chat it is not in.

use lark_devserver::world::DEFAULT_SCOPES;
use lark_devserver::{ChatKind, DevServer, Member, NewApp};
use lark_sdk::client::Error;
use lark_sdk::im::v1::{
    CreateChatMembersRequest, CreateChatMembersRequestBody, CreateChatRequest,
    CreateChatRequestBody, DeleteChatMembersRequest, DeleteChatMembersRequestBody,
    GetChatMembersRequest, GetChatRequest, IsInChatChatMembersRequest,
};
use lark_sdk::prelude::*;
use lark_tests::events::{quick, until};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bot_makes_a_group_and_manages_its_members() {
    let server = DevServer::start(quick()).await.unwrap();
    let scopes: Vec<String> = DEFAULT_SCOPES
        .iter()
        .copied()
        .chain(["im:chat"])
        .map(str::to_owned)
        .collect();
    let app = server
        .create_app(NewApp {
            scopes: Some(scopes.clone()),
            ..NewApp::default()
        })
        .unwrap();
    let other_bot = server
        .create_app(NewApp {
            tenant_key: Some(app.tenant_key.clone()),
            scopes: Some(scopes),
            ..NewApp::default()
        })
        .unwrap();
    let ada = server.create_user(&app.tenant_key, "Ada").unwrap();
    let bo = server.create_user(&app.tenant_key, "Bo").unwrap();
    let client = lark_sdk::Client::builder(app.app_id.clone(), app.app_secret.clone())
        .base_url(server.url())
        .rate_limit(false)
        .build()
        .unwrap();
    let chats = client.im().v1().chat();
    let members = client.im().v1().chat_members();

    let body = CreateChatRequestBody::new()
        .name("Release")
        .user_id_list(vec![ada.open_id.clone()]);
    let created = chats
        .create(CreateChatRequest::new().body(body))
        .await
        .unwrap();
    let chat_id = created.chat_id.clone().unwrap();
    assert_eq!(created.name.as_deref(), Some("Release"));
    assert_eq!(created.owner_id.as_deref(), Some(app.app_id.as_str()));
    assert_eq!(created.owner_id_type.as_deref(), Some("app_id"));
    {
        let world = server.world();
        let chat = &world.chats[&chat_id];
        assert_eq!(chat.kind, ChatKind::Group);
        assert!(chat.members.contains(&Member::User(ada.open_id.clone())));
    }
    let got = chats
        .get(GetChatRequest::new(chat_id.clone()))
        .await
        .unwrap();
    assert_eq!(got.user_count.as_deref(), Some("1"));
    assert_eq!(got.bot_count.as_deref(), Some("1"));

    // Bo, the other bot and someone who does not exist.
    let body = CreateChatMembersRequestBody::new().id_list(vec![
        bo.open_id.clone(),
        other_bot.app_id.clone(),
        "ou_nobody".to_owned(),
    ]);
    let added = members
        .create(CreateChatMembersRequest::new(chat_id.clone()).body(body))
        .await
        .unwrap();
    assert_eq!(
        added.not_existed_id_list,
        Some(vec!["ou_nobody".to_owned()])
    );
    until("the added bot's event", || {
        server
            .deliveries()
            .iter()
            .any(|d| d.event_type == "im.chat.member.bot.added_v1" && d.app_id == other_bot.app_id)
    })
    .await;

    // The users, one a page.
    let request = GetChatMembersRequest::new(chat_id.clone()).page_size(1);
    let page = members.get(request).await.unwrap();
    assert_eq!(page.member_total, Some(2));
    assert_eq!(page.has_more, Some(true));
    let token = page.page_token.clone().unwrap();
    let request = GetChatMembersRequest::new(chat_id.clone())
        .page_size(1)
        .page_token(token);
    let second = members.get(request).await.unwrap();
    let names: Vec<String> = page
        .items
        .unwrap_or_default()
        .into_iter()
        .chain(second.items.unwrap_or_default())
        .filter_map(|m| m.name)
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(sorted, ["Ada", "Bo"]);
    assert_eq!(second.has_more, Some(false));

    let body = DeleteChatMembersRequestBody::new().id_list(vec![bo.open_id.clone()]);
    let removed = members
        .delete(DeleteChatMembersRequest::new(chat_id.clone()).body(body))
        .await
        .unwrap();
    assert_eq!(removed.invalid_id_list, Some(Vec::new()));
    assert!(
        !server.world().chats[&chat_id]
            .members
            .contains(&Member::User(bo.open_id.clone()))
    );
    let inside = members
        .is_in_chat(IsInChatChatMembersRequest::new(chat_id.clone()))
        .await
        .unwrap();
    assert_eq!(inside.is_in_chat, Some(true));

    // A chat without the bot: 232011.
    let theirs = server
        .create_chat(
            &app.tenant_key,
            ChatKind::Group,
            vec![Member::User(ada.open_id.clone())],
        )
        .unwrap();
    match chats.get(GetChatRequest::new(theirs.chat_id.clone())).await {
        Err(Error::Api(e)) => assert_eq!(e.code(), 232_011),
        other => panic!("{other:?}"),
    }
    let inside = members
        .is_in_chat(IsInChatChatMembersRequest::new(theirs.chat_id))
        .await
        .unwrap();
    assert_eq!(inside.is_in_chat, Some(false));
    server.shutdown().await;
}
