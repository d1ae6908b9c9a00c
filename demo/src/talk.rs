//! The bot's conversation: when a user sends it a message with an image,
//! it downloads the image, uploads a copy, and replies in a thread with a
//! card showing it and a button; when the user clicks the button, it
//! answers with a toast and an updated card.

use std::collections::BTreeMap;
use std::sync::Arc;

use lark_sdk::card::v1::{
    CallbackCard, CallbackCardType, CallbackToast, CardActionTrigger, CardActionTriggerAnswer,
    ToastType,
};
use lark_sdk::content::{Button, Card};
use lark_sdk::event::{EventEnvelope, HandlerResult};
use lark_sdk::im::v1::{
    CreateImageRequest, CreateImageRequestBody, GetMessageResourceRequest, ImageType,
    MessageReceiveV1, PostTag, ReceivedContent, ReplyMessageRequest, ReplyMessageRequestBody,
};
use lark_sdk::prelude::*;
use lark_sdk::{Client, UploadFile};
use serde_json::json;
use tokio::sync::mpsc;

use crate::report::{Done, Transcript, short};

pub struct Talker {
    client: Client,
    transcript: Transcript,
    done: mpsc::UnboundedSender<Done>,
}

type Failure = Box<dyn std::error::Error + Send + Sync>;

/// What a received message says: its text, and the images it carries.
fn read(content: &ReceivedContent) -> (String, Vec<String>) {
    match content {
        ReceivedContent::Text(text) => (
            text.get().map(|t| t.text.clone()).unwrap_or_default(),
            Vec::new(),
        ),
        ReceivedContent::Image(image) => (
            String::new(),
            image
                .get()
                .map(|i| vec![i.image_key.clone()])
                .unwrap_or_default(),
        ),
        ReceivedContent::Post(post) => {
            let (mut text, mut images) = (Vec::new(), Vec::new());
            for element in post.get().iter().flat_map(|p| p.content.iter().flatten()) {
                match &element.tag {
                    PostTag::Text => text.extend(element.text.clone()),
                    PostTag::Image => images.extend(element.image_key.clone()),
                    _ => {}
                }
            }
            (text.join(" "), images)
        }
        other => (format!("({} message)", other.tag()), Vec::new()),
    }
}

impl Talker {
    pub fn new(
        client: Client,
        transcript: Transcript,
        done: mpsc::UnboundedSender<Done>,
    ) -> Arc<Self> {
        Arc::new(Self {
            client,
            transcript,
            done,
        })
    }

    pub async fn received(&self, envelope: EventEnvelope<MessageReceiveV1>) -> HandlerResult {
        let message = envelope.event.message;
        let sender = envelope
            .event
            .sender
            .sender_id
            .and_then(|id| id.open_id)
            .unwrap_or_default();
        let (text, images) = read(&message.content);
        self.transcript.say(format!(
            "bot ← im.message.receive_v1: {} message {} from {}: {text:?}, {} image(s)",
            message.content.tag(),
            short(&message.message_id),
            short(&sender),
            images.len()
        ));
        let im = self.client.im().v1();
        let mut card = Card::new()
            .title("Got it")
            .color("blue")
            .markdown(format!("<at id={sender}></at> said **{}**", text.trim()));
        if let Some(key) = images.first() {
            let request =
                GetMessageResourceRequest::new(message.message_id.clone(), key.clone(), "image");
            let download = self.client.download(&request).await?;
            let content_type = download.content_type().unwrap_or("?").to_owned();
            let bytes = download.bytes().await?;
            self.transcript.say(format!(
                "bot → GET …/messages/{}/resources/{}?type=image: {} bytes of {content_type}",
                short(&message.message_id),
                short(key),
                bytes.len()
            ));
            let size = bytes.len();
            let upload = CreateImageRequest::new(CreateImageRequestBody::new(
                ImageType::Message,
                UploadFile::from_bytes("copy.png", bytes),
            ));
            let copy = im.image().create(upload).await?.image_key;
            self.transcript.say(format!(
                "bot → POST /open-apis/im/v1/images (multipart, {size} bytes): the copy is {}",
                short(&copy)
            ));
            card = card.image(copy, "your image");
        }
        let card = card.button(
            Button::new("Looks good")
                .primary()
                .value(json!({"action": "approve", "message_id": message.message_id})),
        );
        let body = ReplyMessageRequestBody::new(card).reply_in_thread(true);
        let reply = im
            .message()
            .reply(ReplyMessageRequest::new(message.message_id.clone(), body))
            .await?;
        let card_id = reply.message_id.unwrap_or_default();
        self.transcript.say(format!(
            "bot → POST …/messages/{}/reply (in a thread): card {} with a \"Looks good\" button, thread {}",
            short(&message.message_id),
            short(&card_id),
            short(reply.thread_id.as_deref().unwrap_or("-"))
        ));
        let _ = self.done.send(Done::Replied { card: card_id });
        Ok(())
    }

    pub async fn clicked(
        &self,
        envelope: EventEnvelope<CardActionTrigger>,
    ) -> Result<CardActionTriggerAnswer, Failure> {
        let event = envelope.event;
        let who = event
            .operator
            .as_ref()
            .and_then(|o| o.open_id.clone())
            .unwrap_or_default();
        let value = event
            .action
            .as_ref()
            .and_then(|a| a.value.as_ref())
            .and_then(|v| v.get("action"))
            .and_then(|a| a.as_str().map(str::to_owned))
            .unwrap_or_default();
        self.transcript.say(format!(
            "bot ← card.action.trigger: user {} clicked {value:?} on card {}",
            short(&who),
            short(
                event
                    .context
                    .as_ref()
                    .and_then(|c| c.open_message_id.as_deref())
                    .unwrap_or("-")
            )
        ));
        let i18n: BTreeMap<String, String> = [
            ("en_us".to_owned(), "Approved".to_owned()),
            ("zh_cn".to_owned(), "已通过".to_owned()),
        ]
        .into_iter()
        .collect();
        let updated = Card::new()
            .title("Approved")
            .color("green")
            .markdown(format!("Approved by <at id={who}></at>"))
            .into_json();
        let answer = CardActionTriggerAnswer::new()
            .toast(
                CallbackToast::new()
                    .kind(ToastType::Success)
                    .content("Approved")
                    .i18n(i18n),
            )
            .card(
                CallbackCard::new()
                    .kind(CallbackCardType::Raw)
                    .data(updated),
            );
        self.transcript
            .say("bot → answers the click: a success toast and the card, now \"Approved\"");
        let _ = self.done.send(Done::Answered);
        Ok(answer)
    }
}
