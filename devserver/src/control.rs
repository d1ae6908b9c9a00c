//! The control API: JSON under `/_dev/`, the same operations as the Rust
//! methods of [`crate::DevServer`].
//!
//! Every body is a JSON object (an empty body reads as `{}`), read whatever
//! its `Content-Type`; routes that take nothing take `{}`. Unknown fields are
//! refused, never ignored. Every refusal is JSON,
//! `{"error": "…", "field": "…"}`, `field` naming the part of the request at
//! fault (`tenant_key`, `members[1].id`, `sender.kind`, a path parameter such
//! as `app_id`) or `null` when the request as a whole is:
//!
//! - 400: not JSON, not an object, a wrong type, a missing or unknown field,
//!   a value out of range, a path parameter that is not UTF-8;
//! - 404: an id (in the path or the body) that names nothing, or a path under
//!   `/_dev/` that is no route;
//! - 405: a method the route does not serve;
//! - 409: the world's state forbids it (an app_id taken, a sender not in the
//!   chat, a message gone, the platform's rules for removing a reaction);
//! - 413: a body over 2 MiB, answered with `Connection: close`.

mod body;
mod refused;

use std::sync::Arc;

use axum::extract::State;
use axum::routing::{MethodRouter, any, delete, get, patch, post, put};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

use self::body::{Body, Nothing, Params};
use self::refused::{Answer, Refused, no_route, to_json, wrong_method};
use crate::delivery::WsCommand;
use crate::world::{ChatKind, ControlError, Member, NewApp};
use crate::{Faults, Shared};

pub fn routes() -> Router<Arc<Shared>> {
    let routes: [(&str, MethodRouter<Arc<Shared>>); 22] = [
        ("/_dev/state", get(state)),
        ("/_dev/tenants", post(create_tenant)),
        ("/_dev/apps", post(create_app)),
        ("/_dev/apps/{app_id}", patch(patch_app)),
        ("/_dev/apps/{app_id}/webhook", post(set_webhook)),
        ("/_dev/apps/{app_id}/install", post(install_app)),
        ("/_dev/apps/{app_id}/card_actions", post(card_action)),
        ("/_dev/apps/{app_id}/connections", get(connections)),
        (
            "/_dev/apps/{app_id}/connections/{action}",
            post(command_connections),
        ),
        ("/_dev/users", post(create_user)),
        ("/_dev/users/{open_id}", patch(patch_user)),
        ("/_dev/users/{open_id}/token", post(user_token)),
        ("/_dev/chats", post(create_chat)),
        ("/_dev/chats/{chat_id}", patch(patch_chat)),
        ("/_dev/messages", post(post_message)),
        ("/_dev/messages/{message_id}", patch(patch_message)),
        ("/_dev/messages/{message_id}/reactions", post(add_reaction)),
        ("/_dev/messages/{message_id}/clicks", post(click_card)),
        ("/_dev/reactions/{reaction_id}", delete(remove_reaction)),
        ("/_dev/faults", put(set_faults).get(get_faults)),
        ("/_dev/tokens/expire", post(expire_tokens)),
        ("/_dev/deliveries", get(deliveries)),
    ];
    routes
        .into_iter()
        .fold(Router::new(), |router, (path, methods)| {
            router.route(path, methods.fallback(wrong_method))
        })
        .route("/_dev/{*rest}", any(no_route))
}

async fn state(State(s): State<Arc<Shared>>, _: Body<Nothing>) -> Answer {
    to_json(&*s.lock_world())
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct Named {
    name: Option<String>,
}

async fn create_tenant(State(s): State<Arc<Shared>>, Body(b): Body<Named>) -> Answer {
    to_json(s.lock_world().create_tenant(b.name))
}

async fn create_app(State(s): State<Arc<Shared>>, Body(new): Body<NewApp>) -> Answer {
    let app = s.lock_world().create_app(new)?;
    // The secret is not part of the app's public view; the creator gets it once.
    let Json(mut view) = to_json(&app)?;
    view["app_secret"] = Value::String(app.app_secret);
    Ok(Json(view))
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct AppPatch {
    scopes: Option<Vec<String>>,
    external_chats: Option<bool>,
    unavailable_users: Option<Vec<String>>,
    encrypt_key: Option<String>,
}

async fn patch_app(
    State(s): State<Arc<Shared>>,
    Params(app_id): Params<String>,
    Body(p): Body<AppPatch>,
) -> Answer {
    let mut world = s.lock_world();
    world.app_mut(&app_id)?;
    world.check_users(p.unavailable_users.iter().flatten(), "unavailable_users")?;
    let app = world.app_mut(&app_id)?;
    if let Some(scopes) = p.scopes {
        app.scopes = scopes.into_iter().collect();
    }
    if let Some(external) = p.external_chats {
        app.external_chats = external;
    }
    if let Some(users) = p.unavailable_users {
        app.unavailable_users = users.into_iter().collect();
    }
    if let Some(key) = p.encrypt_key {
        app.encrypt_key = (!key.is_empty()).then_some(key);
    }
    to_json(&*app)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Url {
    url: String,
}

async fn set_webhook(
    State(s): State<Arc<Shared>>,
    Params(app_id): Params<String>,
    Body(u): Body<Url>,
) -> Answer {
    s.set_webhook(&app_id, &u.url).await?;
    Ok(Json(json!({"verified": true})))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TenantRef {
    tenant_key: String,
}

async fn install_app(
    State(s): State<Arc<Shared>>,
    Params(app_id): Params<String>,
    Body(t): Body<TenantRef>,
) -> Answer {
    s.install_app(&app_id, &t.tenant_key)?;
    Ok(Json(json!({"installed": true})))
}

/// Refuses an app_id that names no app.
fn known_app(s: &Shared, app_id: &str) -> Result<(), Refused> {
    if s.lock_world().apps.contains_key(app_id) {
        Ok(())
    } else {
        Err(ControlError::not_found("app_id", "app", app_id).into())
    }
}

async fn connections(
    State(s): State<Arc<Shared>>,
    Params(app_id): Params<String>,
    _: Body<Nothing>,
) -> Answer {
    known_app(&s, &app_id)?;
    Ok(Json(json!({"connections": s.connections(&app_id)})))
}

async fn command_connections(
    State(s): State<Arc<Shared>>,
    Params((app_id, action)): Params<(String, String)>,
    _: Body<Nothing>,
) -> Answer {
    let command: fn() -> WsCommand = match action.as_str() {
        "drop" => || WsCommand::Drop,
        "silence" => || WsCommand::Silence,
        other => {
            return Err(Refused::invalid(
                Some("action".into()),
                format!("unknown action `{other}` (drop or silence)"),
            ));
        }
    };
    known_app(&s, &app_id)?;
    Ok(Json(
        json!({"connections": s.command_connections(&app_id, command)}),
    ))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewUser {
    tenant_key: String,
    name: Option<String>,
}

async fn create_user(State(s): State<Arc<Shared>>, Body(u): Body<NewUser>) -> Answer {
    to_json(s.lock_world().create_user(&u.tenant_key, u.name)?)
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct UserPatch {
    blocked_apps: Option<Vec<String>>,
    restricted_by_admin: Option<bool>,
}

async fn patch_user(
    State(s): State<Arc<Shared>>,
    Params(open_id): Params<String>,
    Body(p): Body<UserPatch>,
) -> Answer {
    let mut world = s.lock_world();
    world.user_mut(&open_id)?;
    world.check_apps(p.blocked_apps.iter().flatten(), "blocked_apps")?;
    let user = world.user_mut(&open_id)?;
    if let Some(apps) = p.blocked_apps {
        user.blocked_apps = apps.into_iter().collect();
    }
    let (tenant, user) = (user.tenant_key.clone(), user.clone());
    if let Some(restricted) = p.restricted_by_admin
        && let Some(t) = world.tenants.get_mut(&tenant)
    {
        if restricted {
            t.restricted_users.insert(open_id);
        } else {
            t.restricted_users.remove(&open_id);
        }
    }
    to_json(user)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AppRef {
    app_id: String,
}

async fn user_token(
    State(s): State<Arc<Shared>>,
    Params(open_id): Params<String>,
    Body(a): Body<AppRef>,
) -> Answer {
    let token = s.user_token(&a.app_id, &open_id)?;
    Ok(Json(json!({"user_access_token": token})))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewChat {
    tenant_key: String,
    name: Option<String>,
    #[serde(default)]
    kind: ChatKind,
    #[serde(default)]
    members: Vec<Member>,
}

async fn create_chat(State(s): State<Arc<Shared>>, Body(c): Body<NewChat>) -> Answer {
    to_json(
        s.lock_world()
            .create_chat(&c.tenant_key, c.name, c.kind, c.members)?,
    )
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct ChatPatch {
    dissolved: Option<bool>,
    archived: Option<bool>,
    external: Option<bool>,
    add_members: Vec<Member>,
    remove_members: Vec<Member>,
}

async fn patch_chat(
    State(s): State<Arc<Shared>>,
    Params(chat_id): Params<String>,
    Body(p): Body<ChatPatch>,
) -> Answer {
    let mut world = s.lock_world();
    world.chat_mut(&chat_id)?;
    world.check_members(&p.add_members, "add_members")?;
    world.check_members(&p.remove_members, "remove_members")?;
    let chat = world.chat_mut(&chat_id)?;
    if let Some(v) = p.dissolved {
        chat.dissolved = v;
    }
    if let Some(v) = p.archived {
        chat.archived = v;
    }
    if let Some(v) = p.external {
        chat.external = v;
    }
    chat.members.extend(p.add_members);
    for m in &p.remove_members {
        chat.members.remove(m);
    }
    to_json(&*chat)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewMessage {
    chat_id: String,
    sender: Member,
    #[serde(default)]
    text: String,
    #[serde(default)]
    image_key: Option<String>,
    #[serde(default)]
    mentions: Vec<Member>,
}

/// A user's message is pushed to the bots that may hear it; a bot's is
/// only kept.
async fn post_message(State(s): State<Arc<Shared>>, Body(m): Body<NewMessage>) -> Answer {
    match m.sender {
        Member::User(open_id) => {
            let said = crate::Said {
                text: m.text,
                image_key: m.image_key,
                mentions: m.mentions,
            };
            to_json(s.user_says(&m.chat_id, &open_id, &said)?)
        }
        sender => to_json(s.lock_world().user_message(
            &m.chat_id,
            sender,
            &m.text,
            m.image_key.as_deref(),
            &m.mentions,
        )?),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Click {
    open_id: String,
    #[serde(default)]
    value: serde_json::Map<String, Value>,
}

async fn click_card(
    State(s): State<Arc<Shared>>,
    Params(id): Params<String>,
    Body(c): Body<Click>,
) -> Answer {
    to_json(
        s.click_card(&c.open_id, &id, Value::Object(c.value))
            .await?,
    )
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct MessagePatch {
    recalled: Option<bool>,
    deleted: Option<bool>,
    thread_removed: Option<bool>,
    system: Option<bool>,
    hidden_from: Option<Vec<Member>>,
}

async fn patch_message(
    State(s): State<Arc<Shared>>,
    Params(id): Params<String>,
    Body(p): Body<MessagePatch>,
) -> Answer {
    let mut world = s.lock_world();
    world.message_mut(&id)?;
    world.check_members(p.hidden_from.iter().flatten(), "hidden_from")?;
    let message = world.message_mut(&id)?;
    if let Some(v) = p.recalled {
        message.recalled = v;
    }
    if let Some(v) = p.deleted {
        message.deleted = v;
    }
    if let Some(v) = p.thread_removed {
        message.thread_removed = v;
    }
    if let Some(v) = p.system {
        message.system = v;
    }
    if let Some(v) = p.hidden_from {
        message.hidden_from = v.into_iter().collect();
    }
    to_json(&*message)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewReaction {
    operator: Member,
    emoji_type: String,
}

async fn add_reaction(
    State(s): State<Arc<Shared>>,
    Params(id): Params<String>,
    Body(r): Body<NewReaction>,
) -> Answer {
    to_json(s.add_reaction(&id, r.operator, &r.emoji_type)?)
}

/// The body of `card.action.trigger`, as the platform sends it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CardAction {
    event: lark_sdk::card::v1::CardActionTrigger,
}

async fn card_action(
    State(s): State<Arc<Shared>>,
    Params(id): Params<String>,
    Body(c): Body<CardAction>,
) -> Answer {
    to_json(s.push_callback(&id, &c.event).await?)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Operator {
    operator: Member,
}

async fn remove_reaction(
    State(s): State<Arc<Shared>>,
    Params(id): Params<String>,
    Body(o): Body<Operator>,
) -> Answer {
    to_json(s.remove_reaction(&o.operator, &id)?)
}

async fn set_faults(State(s): State<Arc<Shared>>, Body(f): Body<Faults>) -> Answer {
    f.check()?;
    *s.lock_faults() = f.clone();
    to_json(f)
}

async fn get_faults(State(s): State<Arc<Shared>>, _: Body<Nothing>) -> Answer {
    to_json(s.lock_faults().clone())
}

async fn expire_tokens(State(s): State<Arc<Shared>>, _: Body<Nothing>) -> Answer {
    s.lock_tokens().expire_all();
    Ok(Json(json!({"expired": true})))
}

async fn deliveries(State(s): State<Arc<Shared>>, _: Body<Nothing>) -> Answer {
    to_json(s.delivery_log())
}
