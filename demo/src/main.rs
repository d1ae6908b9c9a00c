//! `lark-demo`: a reaction bot built on `lark-sdk`.
//!
//! Offline (the default), it starts the local Open Platform in this process,
//! sets up a tenant, the bot's app, a user and a chat, and plays the user:
//! the bot receives `im.message.reaction.created_v1` and `deleted_v1` over
//! the long connection, echoes and un-echoes reactions through the API, and
//! shows the typed error (231007) the platform gives when it tries to delete
//! the user's reaction.
//!
//! With `LARK_APP_ID` and `LARK_APP_SECRET` in the environment the same bot
//! runs against the real platform (`LARK_BASE_URL` to choose it, default
//! Feishu), reacting to what users do in its chats, until interrupted.

mod bot;

use std::process::ExitCode;
use std::time::Duration;

use bot::{Bot, Done, Transcript};
use lark_devserver::{ChatKind, Config, DevServer, Member};
use lark_sdk::Client;
use lark_sdk::event::LongConnection;
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

/// Against the local Open Platform, playing the user.
async fn offline() -> Result<(), Failure> {
    let t = Transcript::new();
    let server = DevServer::start(Config::default()).await?;
    let app = server.create_app(Default::default())?;
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
        &ada.open_id[..12],
        &chat.chat_id[..12]
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
        Done::Echoed => false,
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
        "connecting to {base}; react to a message in a chat with the bot, then remove the reaction (Ctrl-C stops)"
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
