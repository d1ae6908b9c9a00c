//! The bot: it talks (`talk`: messages, images, cards), echoes a user's
//! reaction, and when a user removes one it removes its echo, then tries to
//! remove a user's reaction to show the typed error the platform answers
//! with.

use lark_sdk::prelude::*;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use futures_util::StreamExt;
use lark_sdk::Client;
use lark_sdk::client::Error;
use lark_sdk::event::{Dispatcher, EventEnvelope, HandlerResult};
use lark_sdk::im::v1::{
    CreateMessageReactionRequest, CreateMessageReactionRequestBody, DeleteMessageReactionError,
    DeleteMessageReactionRequest, Emoji, EmojiType, ListMessageReactionRequest,
    MessageReactionCreatedV1, MessageReactionDeletedV1, OperatorType,
};
use tokio::sync::mpsc;

use crate::report::{Done, Transcript, short};
use crate::talk::Talker;

pub struct Bot {
    client: Client,
    app_id: String,
    transcript: Transcript,
    /// Its own reaction per (message, emoji).
    echoes: Mutex<HashMap<(String, String), String>>,
    done: mpsc::UnboundedSender<Done>,
    talker: Arc<Talker>,
}

impl Bot {
    pub fn new(
        client: Client,
        app_id: String,
        transcript: Transcript,
        done: mpsc::UnboundedSender<Done>,
    ) -> Arc<Self> {
        Arc::new(Self {
            talker: Talker::new(client.clone(), transcript.clone(), done.clone()),
            client,
            app_id,
            transcript,
            echoes: Mutex::default(),
            done,
        })
    }

    /// The dispatcher routing messages, card clicks and both reaction
    /// events to the bot.
    pub fn dispatcher(self: &Arc<Self>) -> Dispatcher {
        let created = Arc::clone(self);
        let deleted = Arc::clone(self);
        let talker = Arc::clone(&self.talker);
        let clicks = Arc::clone(&self.talker);
        Dispatcher::new()
            .on_message_receive_v1(move |event| {
                let talker = Arc::clone(&talker);
                async move { talker.received(event).await }
            })
            .on_card_action_trigger(move |event| {
                let clicks = Arc::clone(&clicks);
                async move { clicks.clicked(event).await }
            })
            .on_message_reaction_created_v1(move |event| {
                let bot = Arc::clone(&created);
                async move { bot.created(event).await }
            })
            .on_message_reaction_deleted_v1(move |event| {
                let bot = Arc::clone(&deleted);
                async move { bot.deleted(event).await }
            })
    }

    async fn created(&self, envelope: EventEnvelope<MessageReactionCreatedV1>) -> HandlerResult {
        let event = envelope.event;
        if event.operator_type != Some(OperatorType::User) {
            return Ok(());
        }
        let message_id = event.message_id.unwrap_or_default();
        let emoji = event
            .reaction_type
            .map_or_else(|| EmojiType::from(""), |r| r.emoji_type);
        let who = event.user_id.and_then(|u| u.open_id).unwrap_or_default();
        self.transcript.say(format!(
            "bot ← im.message.reaction.created_v1: user {} added {emoji} (event {})",
            short(&who),
            short(&envelope.header.event_id)
        ));
        let request = CreateMessageReactionRequest::new(
            message_id.clone(),
            CreateMessageReactionRequestBody::new(Emoji::new(emoji.clone())),
        );
        let added = self
            .client
            .im()
            .v1()
            .message_reaction()
            .create(request)
            .await?;
        let reaction_id = added.reaction_id.unwrap_or_default();
        self.transcript.say(format!(
            "bot → POST /open-apis/im/v1/messages/{}/reactions {emoji}: added its own, reaction {}",
            short(&message_id),
            short(&reaction_id)
        ));
        self.echoes
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert((message_id, emoji.to_string()), reaction_id);
        let _ = self.done.send(Done::Echoed);
        Ok(())
    }

    async fn deleted(&self, envelope: EventEnvelope<MessageReactionDeletedV1>) -> HandlerResult {
        let event = envelope.event;
        if event.operator_type != Some(OperatorType::User) {
            return Ok(());
        }
        let message_id = event.message_id.unwrap_or_default();
        let emoji = event
            .reaction_type
            .map_or_else(|| EmojiType::from(""), |r| r.emoji_type);
        let who = event.user_id.and_then(|u| u.open_id).unwrap_or_default();
        self.transcript.say(format!(
            "bot ← im.message.reaction.deleted_v1: user {} removed {emoji} at {} ms",
            short(&who),
            event.action_time.map_or(0, |t| t.as_millis())
        ));
        let calls = self.client.im().v1().message_reaction();

        let echo = self
            .echoes
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&(message_id.clone(), emoji.to_string()));
        if let Some(reaction_id) = echo {
            calls
                .delete(DeleteMessageReactionRequest::new(
                    message_id.clone(),
                    reaction_id.clone(),
                ))
                .await?;
            self.transcript.say(format!(
                "bot → DELETE …/reactions/{}: removed its own {emoji}",
                short(&reaction_id)
            ));
        }

        // Someone else's reaction, found by listing the message's reactions.
        let mut theirs = None;
        let mut reactions = calls.list_all(ListMessageReactionRequest::new(message_id.clone()));
        let mut listed = 0;
        while let Some(reaction) = reactions.next().await {
            let reaction = reaction?;
            listed += 1;
            let operator = reaction.operator.unwrap_or_default();
            if operator.operator_id.as_deref() != Some(self.app_id.as_str()) && theirs.is_none() {
                theirs = reaction.reaction_id.map(|id| (id, reaction.reaction_type));
            }
        }
        self.transcript.say(format!(
            "bot → GET …/reactions: {listed} reaction(s) on the message"
        ));
        let Some((reaction_id, kind)) = theirs else {
            let _ = self.done.send(Done::Removed { refused: false });
            return Ok(());
        };
        let kind = kind.map_or(String::new(), |k| k.emoji_type.to_string());
        let refused = match calls
            .delete(DeleteMessageReactionRequest::new(
                message_id,
                reaction_id.clone(),
            ))
            .await
        {
            Err(Error::Api(error @ DeleteMessageReactionError::NotReactionOwner(_))) => {
                self.transcript.say(format!(
                    "bot → DELETE …/reactions/{} (a user's {kind}): refused, as the platform says:\n\
                     {} — code {}, HTTP {}, log id {}\n\
                     msg: {}\n\
                     remedy: {}",
                    short(&reaction_id),
                    error.name(),
                    error.code(),
                    error.api_error().http_status.unwrap_or_default(),
                    error.log_id().unwrap_or("-"),
                    error.message(),
                    error.remedy().unwrap_or("-"),
                ));
                true
            }
            Err(other) => {
                self.transcript.say(format!(
                    "bot → DELETE a user's reaction: unexpected {other}"
                ));
                false
            }
            Ok(_) => {
                self.transcript
                    .say("bot → DELETE a user's reaction: unexpectedly allowed");
                false
            }
        };
        let _ = self.done.send(Done::Removed { refused });
        Ok(())
    }
}
