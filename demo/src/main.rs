//! `lark-demo`: a bot built on `lark-sdk`.
//!
//! Offline (the default), it starts the local Open Platform in this process,
//! sets up a tenant, the bot's app, a user and a chat, and plays the user
//! over the long connection. The user sends "hi" with an image, mentioning
//! the bot; the bot receives `im.message.receive_v1`, downloads the image,
//! uploads a copy, and replies in a thread with a card carrying the copy and
//! a button. The user clicks; the bot answers `card.action.trigger` with a
//! toast and an updated card, which replaces the one clicked. Then the
//! reactions: the bot echoes and un-echoes the user's reactions through the
//! API, and shows the typed error (231007) the platform gives when it tries
//! to delete the user's reaction.
//!
//! With `LARK_APP_ID` and `LARK_APP_SECRET` in the environment the same bot
//! runs against the real platform (`LARK_BASE_URL` to choose it, default
//! Feishu), answering what users do in its chats, until interrupted.

mod bot;
mod report;
mod talk;

use std::process::ExitCode;
use std::time::Duration;

use bot::Bot;
use lark_devserver::world::DEFAULT_SCOPES;
use lark_devserver::{ChatKind, Config, DevServer, Member, NewApp, Said};
use lark_sdk::Client;
use lark_sdk::event::LongConnection;
use report::{Done, Transcript};
use tokio::sync::{mpsc, oneshot};

#[tokio::main]
async fn main() -> ExitCode {
    let result = match (
        std::env::var("LARK_APP_ID"),
        std::env::var("LARK_APP_SECRET"),
    ) {
        (Ok(id), Ok(secret)) if !id.is_empty() && !secret.is_empty() => real(id, secret).await,
        _ => offline().await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lark-demo: {e}");
            ExitCode::FAILURE
        }
    }
}

type Failure = Box<dyn std::error::Error>;

/// The photo the user sends.
const PHOTO: &[u8] = include_bytes!("../assets/photo.png");

/// The bot's scopes: the local server's defaults, and those to hear
/// messages (p2p, and in groups those that mention it) and send as a bot.
fn scopes() -> Vec<String> {
    DEFAULT_SCOPES
        .iter()
        .copied()
        .chain([
            "im:message.p2p_msg:readonly",
            "im:message.group_at_msg:readonly",
            "im:message:send_as_bot",
        ])
        .map(str::to_owned)
        .collect()
}

/// Against the local Open Platform, playing the user.
async fn offline() -> Result<(), Failure> {
    let t = Transcript::new();
    let server = DevServer::start(Config::default()).await?;
    let app = server.create_app(NewApp {
        name: Some("Echo".into()),
        scopes: Some(scopes()),
        ..NewApp::default()
    })?;
    let ada = server.create_user(&app.tenant_key, "Ada")?;
    let user = Member::User(ada.open_id.clone());
    let chat = server.create_chat(
        &app.tenant_key,
        ChatKind::Group,
        vec![user.clone(), Member::App(app.app_id.clone())],
    )?;
    let message = server.post_message(&chat.chat_id, user.clone(), "Ship it?")?;
    t.say(format!(
        "local Open Platform at {} — app {}, user Ada ({}), chat {}",
        server.url(),
        app.app_id,
        report::short(&ada.open_id),
        report::short(&chat.chat_id)
    ));

    let client = Client::builder(app.app_id.clone(), app.app_secret.clone())
        .base_url(server.url())
        .build()?;
    let (done, mut finished) = mpsc::unbounded_channel();
    let bot = Bot::new(client, app.app_id.clone(), t.clone(), done);
    let connection =
        LongConnection::builder(app.app_id.clone(), app.app_secret.clone(), bot.dispatcher())
            .base_url(server.url())
            .build()?;
    let (stop, stopped) = oneshot::channel::<()>();
    let running = tokio::spawn(async move {
        connection
            .run(async {
                let _ = stopped.await;
            })
            .await
    });
    wait_for("the long connection", || {
        server.connections(&app.app_id) > 0
    })
    .await?;
    t.say("bot connected over the long connection (POST /callback/ws/endpoint, then pbbp2 frames)");

    converse(
        &t,
        &server,
        &ada.open_id,
        &chat.chat_id,
        &app.app_id,
        &mut finished,
    )
    .await?;

    t.say("Ada reacts THUMBSUP to \"Ship it?\"");
    let thumbs = server.add_reaction(&message.message_id, user.clone(), "THUMBSUP")?;
    next(&mut finished).await?;
    t.say("Ada reacts SMILE");
    server.add_reaction(&message.message_id, user.clone(), "SMILE")?;
    next(&mut finished).await?;
    t.say("Ada removes her THUMBSUP");
    server.remove_reaction(&user, &thumbs.reaction_id)?;
    let refused = match next(&mut finished).await? {
        Done::Removed { refused } => refused,
        other => return Err(format!("the bot did {other:?}, not a removal").into()),
    };

    let _ = stop.send(());
    running.await??;
    t.say("bot disconnected; reactions left on the message:");
    for reaction in server
        .world()
        .reactions
        .values()
        .filter(|r| r.message_id == message.message_id)
    {
        let by = match &reaction.operator {
            Member::User(_) => "Ada",
            Member::App(_) => "the bot",
        };
        t.say(format!("  {} by {by}", reaction.emoji_type));
    }
    server.shutdown().await;
    if refused {
        Ok(())
    } else {
        Err("the platform did not refuse deleting the user's reaction".into())
    }
}

/// Ada sends "hi" with a photo; the bot replies in a thread with a card;
/// Ada clicks its button; the bot answers, and the card is replaced.
async fn converse(
    t: &Transcript,
    server: &DevServer,
    ada: &str,
    chat_id: &str,
    app_id: &str,
    finished: &mut mpsc::UnboundedReceiver<Done>,
) -> Result<(), Failure> {
    let image = server.user_image(ada, PHOTO.to_vec())?;
    t.say(format!(
        "Ada sends \"@Echo hi\" with a photo ({} bytes of PNG, {})",
        PHOTO.len(),
        report::short(&image)
    ));
    let said = Said {
        text: "hi".into(),
        image_key: Some(image),
        mentions: vec![Member::App(app_id.to_owned())],
    };
    let sent = server.user_says(chat_id, ada, &said)?;
    let card = match next(finished).await? {
        Done::Replied { card } => card,
        other => return Err(format!("the bot did {other:?}, not a reply").into()),
    };
    let (in_thread, copy_sent) = {
        let world = server.world();
        let reply = world
            .messages
            .get(&card)
            .ok_or("the card is not on the platform")?;
        let copy = world
            .files
            .values()
            .find(|f| f.app_id == app_id)
            .is_some_and(|f| f.bytes.as_ref() == PHOTO);
        (
            reply.parent_id.as_deref() == Some(sent.message_id.as_str())
                && reply.thread_id.is_some(),
            copy,
        )
    };
    t.say(format!(
        "platform: the card replies to Ada's message in a thread: {in_thread}; the uploaded copy is byte-identical: {copy_sent}"
    ));

    t.say("Ada clicks \"Looks good\"");
    let value = serde_json::json!({"action": "approve", "message_id": sent.message_id});
    let record = server.click_card(ada, &card, value).await?;
    match next(finished).await? {
        Done::Answered => {}
        other => return Err(format!("the bot did {other:?}, not an answer").into()),
    }
    let answer = record.answer.unwrap_or_default();
    t.say(format!(
        "platform ← the bot's answer over {} ({}): toast {} \"{}\" (zh_cn \"{}\")",
        record.channel,
        record.outcome,
        answer["toast"]["type"].as_str().unwrap_or("-"),
        answer["toast"]["content"].as_str().unwrap_or("-"),
        answer["toast"]["i18n"]["zh_cn"].as_str().unwrap_or("-"),
    ));
    let replaced = server
        .world()
        .messages
        .get(&card)
        .is_some_and(|m| m.updated && m.content.contains("Approved"));
    t.say(format!(
        "platform: the card Ada sees now says \"Approved\": {replaced}"
    ));
    if in_thread && copy_sent && replaced {
        Ok(())
    } else {
        Err("the conversation did not go as the platform's rules say".into())
    }
}

/// Against the real platform, until interrupted.
async fn real(app_id: String, app_secret: String) -> Result<(), Failure> {
    let t = Transcript::new();
    let base =
        std::env::var("LARK_BASE_URL").unwrap_or_else(|_| lark_sdk::client::FEISHU.to_owned());
    let client = Client::builder(app_id.clone(), app_secret.clone())
        .base_url(base.clone())
        .build()?;
    let (done, mut finished) = mpsc::unbounded_channel();
    let bot = Bot::new(client, app_id.clone(), t.clone(), done);
    let connection = LongConnection::builder(app_id, app_secret, bot.dispatcher())
        .base_url(base.clone())
        .build()?;
    t.say(format!(
        "connecting to {base}; send the bot a message with an image and click the card it replies with, or react to a message in a chat with the bot and remove the reaction (Ctrl-C stops)"
    ));
    tokio::spawn(async move { while finished.recv().await.is_some() {} });
    connection
        .run(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    t.say("stopped");
    Ok(())
}

/// What the bot did next.
async fn next(finished: &mut mpsc::UnboundedReceiver<Done>) -> Result<Done, Failure> {
    let done = tokio::time::timeout(Duration::from_secs(10), finished.recv())
        .await
        .map_err(|_| "the bot did not act within 10 s")?;
    Ok(done.ok_or("the bot stopped")?)
}

async fn wait_for(what: &str, mut ready: impl FnMut() -> bool) -> Result<(), Failure> {
    for _ in 0..500 {
        if ready() {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    Err(format!("{what} was not ready within 10 s").into())
}
