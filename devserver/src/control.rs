//! The control API: JSON under `/_dev/`, the same operations as the Rust
//! methods of [`crate::DevServer`]. Failures answer HTTP 400 `{"error": …}`.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::delivery::WsCommand;
use crate::world::{ChatKind, ControlError, Member, NewApp};
use crate::{Faults, Shared};

pub fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/_dev/state", get(state))
        .route("/_dev/tenants", post(create_tenant))
        .route("/_dev/apps", post(create_app))
        .route("/_dev/apps/{app_id}", axum::routing::patch(patch_app))
        .route("/_dev/apps/{app_id}/webhook", post(set_webhook))
        .route("/_dev/apps/{app_id}/install", post(install_app))
        .route("/_dev/apps/{app_id}/connections", get(connections))
        .route(
            "/_dev/apps/{app_id}/connections/{action}",
            post(command_connections),
        )
        .route("/_dev/users", post(create_user))
        .route("/_dev/users/{open_id}", axum::routing::patch(patch_user))
        .route("/_dev/users/{open_id}/token", post(user_token))
        .route("/_dev/chats", post(create_chat))
        .route("/_dev/chats/{chat_id}", axum::routing::patch(patch_chat))
        .route("/_dev/messages", post(post_message))
        .route(
            "/_dev/messages/{message_id}",
            axum::routing::patch(patch_message),
        )
        .route("/_dev/messages/{message_id}/reactions", post(add_reaction))
        .route(
            "/_dev/reactions/{reaction_id}",
            axum::routing::delete(remove_reaction),
        )
        .route("/_dev/faults", put(set_faults).get(get_faults))
        .route("/_dev/tokens/expire", post(expire_tokens))
        .route("/_dev/deliveries", get(deliveries))
}

type Answer = Result<Json<Value>, Refused>;

/// A refused control operation.
struct Refused(String);

impl From<ControlError> for Refused {
    fn from(e: ControlError) -> Self {
        Self(e.0)
    }
}

impl IntoResponse for Refused {
    fn into_response(self) -> Response {
        (StatusCode::BAD_REQUEST, Json(json!({"error": self.0}))).into_response()
    }
}

/// A JSON body whose rejection (not JSON, a missing or unknown field)
/// answers like every other refusal: 400 `{"error": …}` naming the problem.
struct Body<T>(T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> axum::extract::FromRequest<S> for Body<T> {
    type Rejection = Refused;

    async fn from_request(request: axum::extract::Request, state: &S) -> Result<Self, Refused> {
        match Json::<T>::from_request(request, state).await {
            Ok(Json(value)) => Ok(Body(value)),
            Err(rejection) => Err(Refused(rejection.body_text())),
        }
    }
}

impl<S: Send + Sync, T: serde::de::DeserializeOwned> axum::extract::OptionalFromRequest<S>
    for Body<T>
{
    type Rejection = Refused;

    async fn from_request(
        request: axum::extract::Request,
        state: &S,
    ) -> Result<Option<Self>, Refused> {
        let empty = request
            .headers()
            .get(axum::http::header::CONTENT_LENGTH)
            .is_some_and(|len| len == "0")
            || !request
                .headers()
                .contains_key(axum::http::header::CONTENT_TYPE);
        if empty {
            return Ok(None);
        }
        <Self as axum::extract::FromRequest<S>>::from_request(request, state)
            .await
            .map(Some)
    }
}

fn to_json(value: impl serde::Serialize) -> Answer {
    serde_json::to_value(value)
        .map(Json)
        .map_err(|e| Refused(e.to_string()))
}

async fn state(State(s): State<Arc<Shared>>) -> Answer {
    to_json(&*s.lock_world())
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct Named {
    name: Option<String>,
}

async fn create_tenant(State(s): State<Arc<Shared>>, body: Option<Body<Named>>) -> Answer {
    let name = body.and_then(|Body(b)| b.name);
    to_json(s.lock_world().create_tenant(name))
}

async fn create_app(State(s): State<Arc<Shared>>, body: Option<Body<NewApp>>) -> Answer {
    let app = s
        .lock_world()
        .create_app(body.map(|Body(b)| b).unwrap_or_default())?;
    // The secret is not part of the app's public view; the creator gets it once.
    let mut view = serde_json::to_value(&app).map_err(|e| Refused(e.to_string()))?;
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
    Path(app_id): Path<String>,
    Body(p): Body<AppPatch>,
) -> Answer {
    let mut world = s.lock_world();
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
    Path(app_id): Path<String>,
    Body(u): Body<Url>,
) -> Answer {
    s.verify_webhook(&app_id, &u.url).await.map_err(Refused)?;
    Ok(Json(json!({"verified": true})))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TenantRef {
    tenant_key: String,
}

async fn install_app(
    State(s): State<Arc<Shared>>,
    Path(app_id): Path<String>,
    Body(t): Body<TenantRef>,
) -> Answer {
    s.install_app(&app_id, &t.tenant_key)?;
    Ok(Json(json!({"installed": true})))
}

async fn connections(State(s): State<Arc<Shared>>, Path(app_id): Path<String>) -> Answer {
    Ok(Json(json!({"connections": s.connections(&app_id)})))
}

async fn command_connections(
    State(s): State<Arc<Shared>>,
    Path((app_id, action)): Path<(String, String)>,
) -> Answer {
    let command: fn() -> WsCommand = match action.as_str() {
        "drop" => || WsCommand::Drop,
        "silence" => || WsCommand::Silence,
        other => {
            return Err(Refused(format!(
                "unknown action `{other}` (drop or silence)"
            )));
        }
    };
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
    Path(open_id): Path<String>,
    Body(p): Body<UserPatch>,
) -> Answer {
    let mut world = s.lock_world();
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
    Path(open_id): Path<String>,
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
    Path(chat_id): Path<String>,
    Body(p): Body<ChatPatch>,
) -> Answer {
    let mut world = s.lock_world();
    for m in &p.add_members {
        world.check_member(m)?;
    }
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
}

async fn post_message(State(s): State<Arc<Shared>>, Body(m): Body<NewMessage>) -> Answer {
    to_json(s.lock_world().post_message(&m.chat_id, m.sender, m.text)?)
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
    Path(id): Path<String>,
    Body(p): Body<MessagePatch>,
) -> Answer {
    let mut world = s.lock_world();
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
    Path(id): Path<String>,
    Body(r): Body<NewReaction>,
) -> Answer {
    to_json(s.add_reaction(&id, r.operator, &r.emoji_type)?)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Operator {
    operator: Member,
}

async fn remove_reaction(
    State(s): State<Arc<Shared>>,
    Path(id): Path<String>,
    Body(o): Body<Operator>,
) -> Answer {
    to_json(s.remove_reaction(&o.operator, &id)?)
}

async fn set_faults(State(s): State<Arc<Shared>>, Body(f): Body<Faults>) -> Answer {
    *s.lock_faults() = f.clone();
    to_json(f)
}

async fn get_faults(State(s): State<Arc<Shared>>) -> Answer {
    to_json(s.lock_faults().clone())
}

async fn expire_tokens(State(s): State<Arc<Shared>>) -> Answer {
    s.lock_tokens().expire_all();
    Ok(Json(json!({"expired": true})))
}

async fn deliveries(State(s): State<Arc<Shared>>) -> Answer {
    to_json(s.delivery_log())
}
