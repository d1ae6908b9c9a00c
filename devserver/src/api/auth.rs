//! `/open-apis/auth/v3/*`: tenant and app access tokens for self-built and
//! store apps, and the store app's app_ticket.

use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use serde::Deserialize;
use serde_json::json;

use super::{Lenient, Reply};
use crate::Shared;
use crate::tokens::{Grant, TokenKind};
use crate::world::{App, AppKind};

pub fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route(
            "/open-apis/auth/v3/tenant_access_token/internal",
            post(tenant_internal),
        )
        .route(
            "/open-apis/auth/v3/app_access_token/internal",
            post(app_internal),
        )
        .route("/open-apis/auth/v3/app_access_token", post(app_store))
        .route("/open-apis/auth/v3/tenant_access_token", post(tenant_store))
        .route("/open-apis/auth/v3/app_ticket/resend", post(resend_ticket))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Credentials {
    app_id: String,
    app_secret: String,
    app_ticket: String,
    app_access_token: String,
    tenant_key: String,
}

/// A token-endpoint failure: these answer at the top level, without `data`.
fn fail(code: i64, msg: &str) -> Reply {
    Reply::raw(StatusCode::BAD_REQUEST, json!({"code": code, "msg": msg}))
}

/// The app whose id and secret these are.
fn authenticate(shared: &Shared, c: &Credentials) -> Result<App, Reply> {
    let world = shared.lock_world();
    let Some(app) = world.apps.get(&c.app_id) else {
        return Err(fail(10_003, "invalid param: app_id"));
    };
    if app.app_secret != c.app_secret {
        return Err(fail(10_015, "wrong app secret"));
    }
    Ok(app.clone())
}

fn issue(
    shared: &Shared,
    kind: TokenKind,
    app_id: &str,
    tenant_key: Option<&str>,
) -> (String, u64) {
    shared.lock_tokens().issue(Grant {
        kind,
        app_id: app_id.to_owned(),
        tenant_key: tenant_key.map(str::to_owned),
        open_id: None,
    })
}

async fn tenant_internal(
    State(shared): State<Arc<Shared>>,
    Lenient(c): Lenient<Credentials>,
) -> Reply {
    let app = match authenticate(&shared, &c) {
        Ok(app) => app,
        Err(reply) => return reply,
    };
    if app.kind != AppKind::Custom {
        return fail(
            10_014,
            "app unauthorized: a store app gets tenant tokens with an app_access_token",
        );
    }
    let (token, expire) = issue(
        &shared,
        TokenKind::Tenant,
        &app.app_id,
        Some(&app.tenant_key),
    );
    Reply::raw(
        StatusCode::OK,
        json!({"code": 0, "msg": "ok", "tenant_access_token": token, "expire": expire}),
    )
}

async fn app_internal(
    State(shared): State<Arc<Shared>>,
    Lenient(c): Lenient<Credentials>,
) -> Reply {
    let app = match authenticate(&shared, &c) {
        Ok(app) => app,
        Err(reply) => return reply,
    };
    if app.kind != AppKind::Custom {
        return fail(10_014, "app unauthorized: a store app needs its app_ticket");
    }
    let (app_token, expire) = issue(&shared, TokenKind::App, &app.app_id, None);
    let (tenant_token, _) = issue(
        &shared,
        TokenKind::Tenant,
        &app.app_id,
        Some(&app.tenant_key),
    );
    Reply::raw(
        StatusCode::OK,
        json!({"code": 0, "msg": "ok", "app_access_token": app_token,
               "tenant_access_token": tenant_token, "expire": expire}),
    )
}

async fn app_store(State(shared): State<Arc<Shared>>, Lenient(c): Lenient<Credentials>) -> Reply {
    let app = match authenticate(&shared, &c) {
        Ok(app) => app,
        Err(reply) => return reply,
    };
    if app.kind != AppKind::Store || app.app_ticket.as_deref() != Some(c.app_ticket.as_str()) {
        return fail(10_012, "app_ticket is invalid");
    }
    let (token, expire) = issue(&shared, TokenKind::App, &app.app_id, None);
    Reply::raw(
        StatusCode::OK,
        json!({"code": 0, "msg": "ok", "app_access_token": token, "expire": expire}),
    )
}

async fn tenant_store(
    State(shared): State<Arc<Shared>>,
    Lenient(c): Lenient<Credentials>,
) -> Reply {
    let grant = match shared.lock_tokens().check(&c.app_access_token) {
        Ok(grant) if grant.kind == TokenKind::App => grant.clone(),
        _ => return fail(99_991_664, "invalid app token"),
    };
    let installed = shared
        .lock_world()
        .apps
        .get(&grant.app_id)
        .is_some_and(|app| app.in_tenant(&c.tenant_key));
    if !installed {
        return fail(
            10_013,
            "get tenant access token fail: the app is not installed in this tenant",
        );
    }
    let (token, expire) = issue(
        &shared,
        TokenKind::Tenant,
        &grant.app_id,
        Some(&c.tenant_key),
    );
    Reply::raw(
        StatusCode::OK,
        json!({"code": 0, "msg": "ok", "tenant_access_token": token, "expire": expire}),
    )
}

async fn resend_ticket(
    State(shared): State<Arc<Shared>>,
    Lenient(c): Lenient<Credentials>,
) -> Reply {
    let app = match authenticate(&shared, &c) {
        Ok(app) => app,
        Err(reply) => return reply,
    };
    if app.kind != AppKind::Store {
        return fail(
            10_014,
            "app unauthorized: only store apps have an app_ticket",
        );
    }
    shared.push_app_ticket(&app.app_id);
    Reply::raw(StatusCode::OK, json!({"code": 0, "msg": "ok"}))
}
