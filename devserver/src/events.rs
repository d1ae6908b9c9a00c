//! The events the server pushes to bots: reactions, any 2.0 event of a
//! spec, and a store app's app_ticket, each in its envelope; and the
//! operations that push them (adding and removing a reaction as a user,
//! installing a store app).

use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::json;

use crate::delivery::{DeliveryRecord, Outgoing};
use crate::world::{App, ControlError, Member, Reaction};
use crate::{Shared, ids, rules};

impl Shared {
    /// Removes a reaction as the one who added it (by the endpoint's rules), and pushes the event.
    pub fn remove_reaction(
        self: &Arc<Self>,
        operator: &Member,
        reaction_id: &str,
    ) -> Result<Reaction, ControlError> {
        if !ids::is_reaction_id(reaction_id) {
            return Err(ControlError::invalid(
                Some("reaction_id"),
                format!("`{reaction_id}` is not a reaction id"),
            ));
        }
        let removed = {
            let mut world = self.lock_world();
            let reaction = world
                .reactions
                .get(reaction_id)
                .ok_or_else(|| ControlError::not_found("reaction_id", "reaction", reaction_id))?
                .clone();
            world.check_member(operator, "operator")?;
            let chat_tenant = world
                .messages
                .get(&reaction.message_id)
                .and_then(|m| world.chats.get(&m.chat_id))
                .map(|c| c.tenant_key.clone())
                .unwrap_or_default();
            let tenant = world.tenant_of(operator, &chat_tenant);
            rules::delete_reaction_rules(
                &mut world,
                operator,
                &tenant,
                &reaction.message_id,
                reaction_id,
            )
            .map_err(|spec| {
                ControlError::conflict(
                    Some(blamed(&spec)),
                    format!("{} ({})", spec.message, spec.code),
                )
            })?
        };
        self.reaction_event(&removed, false);
        Ok(removed)
    }

    /// Adds a reaction as a user or a bot, and pushes the event.
    pub fn add_reaction(
        self: &Arc<Self>,
        message_id: &str,
        operator: Member,
        emoji_type: &str,
    ) -> Result<Reaction, ControlError> {
        let reaction = self
            .lock_world()
            .add_reaction(message_id, operator, emoji_type)?;
        self.reaction_event(&reaction, true);
        Ok(reaction)
    }

    /// Installs a store app in a tenant and pushes it an app_ticket.
    pub fn install_app(
        self: &Arc<Self>,
        app_id: &str,
        tenant_key: &str,
    ) -> Result<(), ControlError> {
        self.lock_world().install_app(app_id, tenant_key)?;
        self.push_app_ticket(app_id);
        Ok(())
    }

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
                        rules::reaction_event(&world, reaction, created, &scopes);
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
            callback: false,
        });
    }

    /// Pushes a callback (`card.action.trigger`) to an app, as the platform
    /// does when a user acts on the app's card, over one of its long
    /// connections or else its webhook, once; waits for the answer (up to
    /// the ack timeout). The record, also in the delivery log, holds the
    /// answer the app gave.
    pub async fn push_callback<B>(
        self: &Arc<Self>,
        app_id: &str,
        body: &B,
    ) -> Result<DeliveryRecord, ControlError>
    where
        B: lark_runtime::event::CallbackBody + serde::Serialize,
    {
        let event = {
            let world = self.lock_world();
            let app = world
                .apps
                .get(app_id)
                .ok_or_else(|| ControlError::not_found("app_id", "app", app_id))?;
            let mut event = envelope(app, &app.tenant_key, B::EVENT_TYPE, body);
            event.callback = true;
            event
        };
        Ok(self.deliver_callback(event).await)
    }
}

/// A 2.0 envelope for one app.
pub(crate) fn envelope(
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
        callback: false,
    }
}

/// The field a refusal by the delete rules blames: the reaction when its
/// message, thread or chat is gone, else the operator.
fn blamed(spec: &lark_runtime::ErrorSpec) -> &'static str {
    use lark_sdk::im::v1::DeleteMessageReactionError as Delete;
    let gone = [
        Delete::MESSAGE_DELETED,
        Delete::MESSAGE_NOT_FOUND,
        Delete::CHAT_DISSOLVED,
        Delete::CHAT_NOT_FOUND,
        Delete::THREAD_REMOVED,
    ];
    if gone.iter().any(|g| g.code == spec.code) {
        "reaction_id"
    } else {
        "operator"
    }
}
