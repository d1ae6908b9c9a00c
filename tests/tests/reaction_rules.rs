//! Every row of the delete endpoint's error table that its rules can produce,
//! produced by driving the local server's state into it and calling it with
//! our client: the answer is the typed variant, with the spec's code, message
//! and HTTP status. (231012, an invalid page token, belongs to listing.)

use lark_sdk::common::PlatformError;
use lark_sdk::prelude::*;
use std::time::Duration;

use lark_devserver::{ChatKind, Config, Member};
use lark_sdk::client::Error;
use lark_sdk::im::v1::{DeleteMessageReactionError as E, DeleteMessageReactionRequest as Delete};
use lark_sdk::{ErrorSpec, RequestOptions};
use lark_tests::Scene;

/// Deletes as the scene's bot and expects the row.
async fn expect(scene: &Scene, message_id: &str, reaction_id: &str, row: ErrorSpec) {
    let result = scene
        .client
        .im()
        .v1()
        .message_reaction()
        .delete(Delete::new(message_id, reaction_id))
        .await;
    check(result, row);
}

fn check<T: std::fmt::Debug>(result: Result<T, Error<E>>, row: ErrorSpec) {
    let error = match result {
        Err(Error::Api(e)) => e,
        other => panic!("expected {} ({}), got {other:?}", row.name, row.code),
    };
    assert_eq!(error.name(), row.name, "{error}");
    assert_eq!(error.code(), row.code);
    assert_eq!(error.message(), row.message);
    assert_eq!(error.api_error().http_status, row.http_status);
    assert!(
        error.log_id().is_some_and(|id| !id.is_empty()),
        "a log id comes back"
    );
}

#[tokio::test]
async fn deleting_its_own_reaction_succeeds() {
    let scene = Scene::new().await;
    let reaction = scene.react(&scene.bot, "SMILE");
    let data = scene
        .client
        .im()
        .v1()
        .message_reaction()
        .delete(Delete::new(&scene.message.message_id, &reaction))
        .await
        .expect("deleted");
    assert_eq!(data.reaction_id.as_deref(), Some(reaction.as_str()));
    let operator = data.operator.unwrap();
    assert_eq!(
        operator.operator_id.as_deref(),
        Some(scene.app.app_id.as_str())
    );
    assert_eq!(data.reaction_type.unwrap().emoji_type.as_str(), "SMILE");
    assert!(scene.server.world().reactions.is_empty());
}

#[tokio::test]
async fn another_operator_s_reaction_is_231007() {
    let scene = Scene::new().await;
    let theirs = scene.react(&scene.member, "THUMBSUP");
    expect(
        &scene,
        &scene.message.message_id,
        &theirs,
        E::NOT_REACTION_OWNER,
    )
    .await;
    assert_eq!(
        scene.server.world().reactions.len(),
        1,
        "nothing was deleted"
    );
}

#[tokio::test]
async fn missing_recalled_and_deleted_messages() {
    let scene = Scene::new().await;
    let mine = scene.react(&scene.bot, "OK");
    expect(&scene, "om_does_not_exist", &mine, E::MESSAGE_NOT_FOUND).await;
    scene.message_mut(|m| m.recalled = true);
    expect(
        &scene,
        &scene.message.message_id,
        &mine,
        E::MESSAGE_NOT_FOUND,
    )
    .await;
    scene.message_mut(|m| {
        m.recalled = false;
        m.deleted = true;
    });
    expect(&scene, &scene.message.message_id, &mine, E::MESSAGE_DELETED).await;
}

#[tokio::test]
async fn dissolved_and_archived_chats() {
    let scene = Scene::new().await;
    let mine = scene.react(&scene.bot, "OK");
    scene.chat_mut(|c| c.archived = true);
    expect(&scene, &scene.message.message_id, &mine, E::CHAT_NOT_FOUND).await;
    scene.chat_mut(|c| c.dissolved = true);
    expect(&scene, &scene.message.message_id, &mine, E::CHAT_DISSOLVED).await;
}

#[tokio::test]
async fn a_thread_removed_without_trace_is_231005() {
    let scene = Scene::new().await;
    let mine = scene.react(&scene.bot, "OK");
    scene.message_mut(|m| m.thread_removed = true);
    expect(&scene, &scene.message.message_id, &mine, E::THREAD_REMOVED).await;
}

#[tokio::test]
async fn an_operator_outside_the_chat_is_231002() {
    let scene = Scene::new().await;
    let mine = scene.react(&scene.bot, "OK");
    scene.chat_mut(|c| c.members.remove(&scene.bot));
    expect(
        &scene,
        &scene.message.message_id,
        &mine,
        E::NO_REACTION_PERMISSION,
    )
    .await;
}

#[tokio::test]
async fn a_chat_of_another_tenant_is_231008() {
    let scene = Scene::new().await;
    let other = scene.server.world().create_tenant(None);
    let stranger = scene.server.create_user(&other.tenant_key, "Bo").unwrap();
    let chat = scene
        .server
        .create_chat(
            &other.tenant_key,
            ChatKind::Group,
            vec![Member::User(stranger.open_id.clone()), scene.bot.clone()],
        )
        .unwrap();
    let message = scene
        .server
        .post_message(&chat.chat_id, Member::User(stranger.open_id), "hi")
        .unwrap();
    let mine = scene
        .server
        .add_reaction(&message.message_id, scene.bot.clone(), "OK")
        .unwrap();
    expect(
        &scene,
        &message.message_id,
        &mine.reaction_id,
        E::NO_MESSAGE_ACCESS,
    )
    .await;
}

#[tokio::test]
async fn external_chats_need_permission_and_keep_tenants_apart() {
    let scene = Scene::new().await;
    let other = scene.server.world().create_tenant(None);
    let guest = scene
        .server
        .create_user(&other.tenant_key, "Guest")
        .unwrap();
    let guest = Member::User(guest.open_id);
    scene.chat_mut(|c| {
        c.external = true;
        c.members.insert(guest.clone());
    });
    let theirs = scene.react(&guest, "OK");
    expect(
        &scene,
        &scene.message.message_id,
        &theirs,
        E::EXTERNAL_CHAT_FORBIDDEN,
    )
    .await;
    scene
        .server
        .world()
        .apps
        .get_mut(&scene.app.app_id)
        .unwrap()
        .external_chats = true;
    expect(
        &scene,
        &scene.message.message_id,
        &theirs,
        E::REACTION_TYPE_INVALID,
    )
    .await;
}

#[tokio::test]
async fn a_p2p_user_outside_the_bot_s_availability_is_231022() {
    let scene = Scene::new().await;
    let chat = scene
        .server
        .create_chat(
            &scene.app.tenant_key,
            ChatKind::P2p,
            vec![scene.member.clone(), scene.bot.clone()],
        )
        .unwrap();
    let message = scene
        .server
        .post_message(&chat.chat_id, scene.member.clone(), "hi")
        .unwrap();
    let mine = scene
        .server
        .add_reaction(&message.message_id, scene.bot.clone(), "OK")
        .unwrap();
    scene
        .server
        .world()
        .apps
        .get_mut(&scene.app.app_id)
        .unwrap()
        .unavailable_users
        .insert(scene.user.open_id.clone());
    expect(
        &scene,
        &message.message_id,
        &mine.reaction_id,
        E::BOT_UNAVAILABLE_TO_USER,
    )
    .await;
}

#[tokio::test]
async fn an_invisible_message_is_231018() {
    let scene = Scene::new().await;
    let mine = scene.react(&scene.bot, "OK");
    scene.message_mut(|m| m.hidden_from.insert(scene.bot.clone()));
    expect(
        &scene,
        &scene.message.message_id,
        &mine,
        E::MESSAGE_INVISIBLE,
    )
    .await;
}

#[tokio::test]
async fn the_sender_s_settings_and_the_admin_s() {
    let scene = Scene::new().await;
    let mine = scene.react(&scene.bot, "OK");
    scene
        .server
        .world()
        .users
        .get_mut(&scene.user.open_id)
        .unwrap()
        .blocked_apps
        .insert(scene.app.app_id.clone());
    expect(
        &scene,
        &scene.message.message_id,
        &mine,
        E::BLOCKED_BY_USER_SETTINGS,
    )
    .await;
    {
        let mut world = scene.server.world();
        world
            .users
            .get_mut(&scene.user.open_id)
            .unwrap()
            .blocked_apps
            .clear();
        world
            .tenants
            .get_mut(&scene.app.tenant_key)
            .unwrap()
            .restricted_users
            .insert(scene.user.open_id.clone());
    }
    expect(
        &scene,
        &scene.message.message_id,
        &mine,
        E::BLOCKED_BY_TENANT_ADMIN,
    )
    .await;
}

#[tokio::test]
async fn reaction_ids_that_are_wrong_or_elsewhere() {
    let scene = Scene::new().await;
    expect(
        &scene,
        &scene.message.message_id,
        "no-such-reaction",
        E::INVALID_REACTION_ID,
    )
    .await;
    expect(
        &scene,
        &scene.message.message_id,
        "not a reaction id!",
        E::INVALID_REACTION_ID,
    )
    .await;
    let other = scene
        .server
        .post_message(&scene.chat.chat_id, scene.member.clone(), "second")
        .unwrap();
    let elsewhere = scene
        .server
        .add_reaction(&other.message_id, scene.bot.clone(), "OK")
        .unwrap();
    expect(
        &scene,
        &scene.message.message_id,
        &elsewhere.reaction_id,
        E::REACTION_NOT_ON_MESSAGE,
    )
    .await;
}

#[tokio::test]
async fn an_app_access_token_is_the_wrong_auth_type() {
    let scene = Scene::new().await;
    let mine = scene.react(&scene.bot, "OK");
    let http = reqwest::Client::new();
    let token: serde_json::Value = http
        .post(format!(
            "{}/open-apis/auth/v3/app_access_token/internal",
            scene.server.url()
        ))
        .json(&serde_json::json!({"app_id": scene.app.app_id, "app_secret": scene.app.app_secret}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let app_token = token["app_access_token"].as_str().unwrap();
    let url = format!(
        "{}/open-apis/im/v1/messages/{}/reactions/{mine}",
        scene.server.url(),
        scene.message.message_id
    );
    let response = http
        .delete(&url)
        .bearer_auth(app_token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["code"], E::INVALID_AUTH_TYPE.code);
    assert_eq!(body["msg"], E::INVALID_AUTH_TYPE.message);
}

#[tokio::test]
async fn a_repeated_request_while_one_is_processing_is_231015() {
    let scene = Scene::with(Config {
        processing_time: Duration::from_millis(300),
        ..Config::default()
    })
    .await;
    let mine = scene.react(&scene.bot, "OK");
    let calls = scene.client.im().v1().message_reaction();
    let first = calls.delete(Delete::new(&scene.message.message_id, &mine));
    let second = async {
        tokio::time::sleep(Duration::from_millis(100)).await;
        calls
            .delete(Delete::new(&scene.message.message_id, &mine))
            .await
    };
    let (first, second) = tokio::join!(first, second);
    assert!(first.is_ok(), "{first:?}");
    check(second, E::REQUEST_IN_PROGRESS);
}

#[tokio::test]
async fn a_user_deletes_their_own_reaction_with_a_user_token() {
    let scene = Scene::new().await;
    let theirs = scene.react(&scene.member, "HEART");
    let token = scene
        .server
        .user_token(&scene.app.app_id, &scene.user.open_id)
        .unwrap();
    let options = RequestOptions::new().user_access_token(token);
    let data = scene
        .client
        .im()
        .v1()
        .message_reaction()
        .with(&options)
        .delete(Delete::new(&scene.message.message_id, &theirs))
        .await
        .expect("the user deletes their own");
    assert_eq!(
        data.operator.unwrap().operator_id.as_deref(),
        Some(scene.user.open_id.as_str())
    );
}

#[tokio::test]
async fn a_missing_scope_is_99991672_with_the_scopes_listed() {
    let scene = Scene::new().await;
    let mine = scene.react(&scene.bot, "OK");
    scene
        .server
        .world()
        .apps
        .get_mut(&scene.app.app_id)
        .unwrap()
        .scopes
        .clear();
    let result = scene
        .client
        .im()
        .v1()
        .message_reaction()
        .delete(Delete::new(&scene.message.message_id, &mine))
        .await;
    let Err(Error::Api(E::Platform(PlatformError::ScopeMissing(error)))) = result else {
        panic!("{result:?}");
    };
    let subjects: Vec<&str> = error
        .permission_violations
        .iter()
        .map(|v| v.subject.as_str())
        .collect();
    assert_eq!(subjects, ["im:message", "im:message.reactions:write_only"]);
    assert!(error.troubleshooter.is_some());
}
