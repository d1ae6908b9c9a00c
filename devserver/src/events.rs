//! The events the server pushes to bots: reactions, any 2.0 event of a
//! spec, and a store app's app_ticket, each in its envelope.

use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::json;

use crate::delivery::Outgoing;
use crate::world::{App, ControlError, Reaction};
use crate::{Shared, api, ids};

impl Shared {
    /// Pushes `im.message.reaction.created_v1` (or `deleted_v1`) to the bots
    /// of the chat that may see it.
    pub fn reaction_event(self: &Arc<Self>, reaction: &Reaction, created: bool) {
        use lark_runtime::event::EventBody;
        use lark_sdk::im::v1::MessageReactionDeletedV1 as Body;
        let outgoing: Vec<Outgoing> = {
            let world = self.lock_world();
            let Some(chat_id) = world
                .messages
                .get(&reaction.message_id)
                .map(|m| m.chat_id.clone())
            else {
                return;
            };
            let tenant_key = world
                .chats
                .get(&chat_id)
                .map(|c| c.tenant_key.clone())
                .unwrap_or_default();
            world
                .bots_in_chat(&chat_id)
                .into_iter()
                .filter_map(|app_id| world.apps.get(&app_id).cloned())
                .filter(|app| app.has_any_scope(Body::SCOPES))
                .map(|app| {
                    let scopes: Vec<String> = app.scopes.iter().cloned().collect();
                    let (event_type, body) =
                        api::reaction_event(&world, reaction, created, &scopes);
                    envelope(&app, &tenant_key, event_type, &body)
                })
                .collect()
        };
        for event in outgoing {
            self.deliver(event);
        }
    }

    /// Pushes a 2.0 event of any spec (this one's or an extension's) to the
    /// bots of a chat whose app has one of the event's scopes. Gives how many
    /// apps it went to.
    pub fn push_event<B>(self: &Arc<Self>, chat_id: &str, body: &B) -> Result<usize, ControlError>
    where
        B: lark_runtime::event::EventBody + serde::Serialize,
    {
        if B::SCHEMA != lark_runtime::event::EventSchema::V2 {
            return Err(ControlError::invalid(
                None,
                format!(
                    "`{}` is a 1.0 event; push_event sends 2.0 envelopes",
                    B::EVENT_TYPE
                ),
            ));
        }
        let outgoing: Vec<Outgoing> = {
            let world = self.lock_world();
            let chat = world
                .chats
                .get(chat_id)
                .ok_or_else(|| ControlError::not_found("chat_id", "chat", chat_id))?;
            world
                .bots_in_chat(chat_id)
                .into_iter()
                .filter_map(|app_id| world.apps.get(&app_id))
                .filter(|app| app.has_any_scope(B::SCOPES))
                .map(|app| envelope(app, &chat.tenant_key, B::EVENT_TYPE, body))
                .collect()
        };
        let sent = outgoing.len();
        for event in outgoing {
            self.deliver(event);
        }
        Ok(sent)
    }

    /// Issues a new app_ticket to a store app and pushes it (a 1.0 event) to its webhook.
    pub fn push_app_ticket(self: &Arc<Self>, app_id: &str) {
        let ticket = ids::event_id();
        let Some(app) = self.lock_world().apps.get_mut(app_id).map(|app| {
            app.app_ticket = Some(ticket.clone());
            app.clone()
        }) else {
            return;
        };
        let uuid = ids::event_id();
        let ts = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64());
        let json = json!({
            "ts": format!("{ts:.3}"),
            "uuid": uuid,
            "token": app.verification_token,
            "type": "event_callback",
            "event": {"app_id": app.app_id, "app_ticket": ticket, "type": "app_ticket"},
        });
        self.deliver(Outgoing {
            app_id: app.app_id.clone(),
            event_id: uuid,
            event_type: "app_ticket".into(),
            json: json.to_string().into_bytes(),
        });
    }
}

/// A 2.0 envelope for one app.
fn envelope(
    app: &App,
    tenant_key: &str,
    event_type: &str,
    body: &impl serde::Serialize,
) -> Outgoing {
    let event_id = ids::event_id();
    let json = json!({
        "schema": "2.0",
        "header": {
            "event_id": event_id,
            "event_type": event_type,
            "create_time": lark_runtime::TimestampMs::now(),
            "token": app.verification_token,
            "app_id": app.app_id,
            "tenant_key": tenant_key,
        },
        "event": body,
    });
    Outgoing {
        app_id: app.app_id.clone(),
        event_id,
        event_type: event_type.to_owned(),
        json: json.to_string().into_bytes(),
    }
}
