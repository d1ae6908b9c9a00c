//! The Open API: `/open-apis/...`, answered from the generated types.
//!
//! Every endpoint passes [`guard`] first, which applies injected faults and
//! checks the token, its type, the app's scopes and the rate limit, all read
//! from the endpoint's generated constants.

mod auth;
mod chat;
pub(crate) mod contract;
mod history;
mod message;
mod paging;
mod reaction;
mod recall;
pub(crate) mod record;
mod upload;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, delete, get, patch, post, put};
use lark_runtime::{Endpoint, ErrorSpec, HttpMethod, TokenType};
use lark_sdk::im::v1;
use serde::Serialize;
use serde_json::{Value, json};

use crate::Shared;
use crate::faults::Injected;
use crate::ids;
use crate::tokens::{Grant, TokenKind, TokenProblem};
use crate::world::Member;

/// The endpoints answered by rules here (the others by their contract).
pub const RULED: &[&str] = &[
    <v1::CreateChatMembersRequest as Endpoint>::ID,
    <v1::CreateChatRequest as Endpoint>::ID,
    <v1::CreateFileRequest as Endpoint>::ID,
    <v1::CreateImageRequest as Endpoint>::ID,
    <v1::CreateMessageReactionRequest as Endpoint>::ID,
    <v1::CreateMessageRequest as Endpoint>::ID,
    <v1::DeleteChatMembersRequest as Endpoint>::ID,
    <v1::DeleteMessageReactionRequest as Endpoint>::ID,
    <v1::DeleteMessageRequest as Endpoint>::ID,
    <v1::ForwardMessageRequest as Endpoint>::ID,
    <v1::GetChatMembersRequest as Endpoint>::ID,
    <v1::GetChatRequest as Endpoint>::ID,
    <v1::GetFileRequest as Endpoint>::ID,
    <v1::GetImageRequest as Endpoint>::ID,
    <v1::GetMessageRequest as Endpoint>::ID,
    <v1::GetMessageResourceRequest as Endpoint>::ID,
    <v1::IsInChatChatMembersRequest as Endpoint>::ID,
    <v1::ListMessageReactionRequest as Endpoint>::ID,
    <v1::ListMessageRequest as Endpoint>::ID,
    <v1::PatchMessageRequest as Endpoint>::ID,
    <v1::ReplyMessageRequest as Endpoint>::ID,
    <v1::UpdateMessageRequest as Endpoint>::ID,
];

/// Whether an endpoint (`im.v1.message.create`) is answered by rules here.
pub fn is_ruled(id: &str) -> bool {
    RULED.contains(&id)
}

/// The Open API routes.
pub fn routes() -> Router<Arc<Shared>> {
    let router = Router::new().merge(auth::routes());
    let router = chat::routes(message::routes(history::routes(router)));
    upload::routes(recall::routes(reaction::routes(router)))
}

/// An Open API answer: status, JSON body and log id.
pub struct Reply {
    status: StatusCode,
    body: Value,
    headers: Vec<(HeaderName, String)>,
}

impl Reply {
    /// `{"code":0,"msg":"success","data":…}`.
    pub fn ok(data: impl Serialize) -> Self {
        Self {
            status: StatusCode::OK,
            body: json!({"code": 0, "msg": "success", "data": data}),
            headers: Vec::new(),
        }
    }

    /// A body as is, with HTTP 200 (token endpoints answer at the top level).
    pub fn raw(status: StatusCode, body: Value) -> Self {
        Self {
            status,
            body,
            headers: Vec::new(),
        }
    }

    /// A failure: `{"code":…,"msg":…,"error":{"log_id":…}}`.
    pub fn error(status: u16, code: i64, msg: &str) -> Self {
        Self {
            status: StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST),
            body: json!({"code": code, "msg": msg, "error": {}}),
            headers: Vec::new(),
        }
    }

    /// A row of an endpoint's error table.
    pub fn spec(spec: ErrorSpec) -> Self {
        Self::error(spec.http_status.unwrap_or(400), spec.code, spec.message)
    }

    /// The row of `E`'s error table with `code`; `msg` where the table
    /// documents no message (or no such row).
    pub fn row<E: Endpoint>(code: i64, msg: &str) -> Self {
        use lark_runtime::EndpointError;
        match E::Error::from(lark_runtime::ApiError::new(code, "")).spec() {
            Some(spec) if !spec.message.is_empty() => Self::spec(*spec),
            Some(spec) => Self::error(spec.http_status.unwrap_or(400), code, msg),
            None => Self::error(400, code, msg),
        }
    }

    /// A platform-wide code, with its documented message.
    pub fn platform(code: i64, status: u16) -> Self {
        let msg = lark_sdk::common::platform_error(code).map_or("error", |p| p.message);
        Self::error(status, code, msg)
    }

    /// Whether it answers success (HTTP 200, code 0).
    pub fn is_ok(&self) -> bool {
        self.status == StatusCode::OK && self.body["code"] == 0
    }

    /// Adds a response header.
    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers
            .push((HeaderName::from_static(name), value.into()));
        self
    }

    /// Adds to the `error` block (`permission_violations`, …).
    pub fn detail(mut self, key: &str, value: Value) -> Self {
        if let Some(error) = self.body.get_mut("error").and_then(Value::as_object_mut) {
            error.insert(key.to_owned(), value);
        }
        self
    }
}

impl IntoResponse for Reply {
    fn into_response(mut self) -> Response {
        let log_id = ids::log_id();
        if let Some(error) = self.body.get_mut("error").and_then(Value::as_object_mut) {
            error.insert("log_id".into(), Value::String(log_id.clone()));
            let code = self.body["code"].clone();
            if let Some(error) = self.body.get_mut("error").and_then(Value::as_object_mut) {
                error.insert(
                    "troubleshooter".into(),
                    Value::String(format!(
                        "排查建议查看(Troubleshooting suggestions): https://open.feishu.cn/search?log_id={log_id}&code={code}"
                    )),
                );
            }
        }
        let mut response = (self.status, axum::Json(self.body)).into_response();
        let headers = response.headers_mut();
        if let Ok(v) = HeaderValue::from_str(&log_id) {
            headers.insert("x-tt-logid", v);
        }
        for (name, value) in self.headers {
            if let Ok(v) = HeaderValue::from_str(&value) {
                headers.insert(name, v);
            }
        }
        response
    }
}

/// A JSON body read whatever `Content-Type` says, as the platform does
/// (lark-oapi sends its token requests without one); an empty or malformed
/// body reads as `T::default()`.
pub struct Lenient<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned + Default> axum::extract::FromRequest<S>
    for Lenient<T>
{
    type Rejection = std::convert::Infallible;

    async fn from_request(
        request: axum::extract::Request,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        let bytes = axum::body::Bytes::from_request(request, state)
            .await
            .unwrap_or_default();
        Ok(Lenient(serde_json::from_slice(&bytes).unwrap_or_default()))
    }
}

/// [`Reply::row`].
pub fn row<E: Endpoint>(code: i64, msg: &str) -> Reply {
    Reply::row::<E>(code, msg)
}

/// Who is calling, as their token says.
#[derive(Clone, Debug)]
pub struct Caller {
    /// The token's grant.
    pub grant: Grant,
    /// The bot (tenant or app token) or the user (user token).
    pub member: Member,
    /// The tenant the call acts in.
    pub tenant_key: String,
}

fn token_type(kind: TokenKind) -> TokenType {
    match kind {
        TokenKind::Tenant => TokenType::Tenant,
        TokenKind::App => TokenType::App,
        TokenKind::User => TokenType::User,
    }
}

/// Applies injected faults, then checks the token, its type, the app's scopes
/// and the endpoint's rate limit. `wrong_token` answers a token of a type the
/// endpoint does not accept.
pub async fn guard<E: Endpoint>(
    shared: &Shared,
    headers: &HeaderMap,
    wrong_token: Reply,
) -> Result<Caller, Reply> {
    let terms = Terms {
        id: E::ID,
        tokens: E::TOKEN_TYPES,
        scopes: E::SCOPES,
        rate: E::RATE_LIMIT,
    };
    guard_terms(shared, headers, &terms, wrong_token).await
}

/// What [`guard_terms`] checks a call against: an endpoint's id, token
/// types, scopes and rate limit (a generated endpoint's constants, or a
/// contract's).
pub struct Terms<'a> {
    /// `im.v1.message.create`: what the rate limit is counted by.
    pub id: &'a str,
    /// The token types it takes.
    pub tokens: &'a [TokenType],
    /// Scopes of which the app needs one (none: any app).
    pub scopes: &'a [&'a str],
    /// Its documented rate limit.
    pub rate: lark_runtime::RateLimit,
}

/// [`guard`] for an endpoint given by its terms.
pub async fn guard_terms(
    shared: &Shared,
    headers: &HeaderMap,
    terms: &Terms<'_>,
    wrong_token: Reply,
) -> Result<Caller, Reply> {
    let (injected, latency) = {
        let mut faults = shared.lock_faults();
        (faults.take(), faults.latency_ms)
    };
    if latency > 0 {
        tokio::time::sleep(Duration::from_millis(latency)).await;
    }
    match injected {
        Injected::None => {}
        Injected::Fail(status) => {
            return Err(Reply::raw(
                StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY),
                Value::Null,
            )
            .header("x-devserver-fault", "5xx"));
        }
        Injected::RateLimit(reset) => {
            shared.lock_limiter().count_injected();
            return Err(Reply::platform(99_991_400, 429)
                .header("x-ogw-ratelimit-limit", "0")
                .header("x-ogw-ratelimit-reset", reset.to_string()));
        }
    }

    let bearer = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let Some(token) = bearer else {
        return Err(Reply::platform(99_991_661, 400));
    };
    if !(token.starts_with("t-") || token.starts_with("u-") || token.starts_with("a-")) {
        return Err(Reply::platform(99_991_671, 400));
    }
    let grant = match shared.lock_tokens().check(token) {
        Ok(grant) => grant.clone(),
        Err(TokenProblem::Unknown | TokenProblem::Expired) => {
            let code = if token.starts_with("u-") {
                99_991_668
            } else if token.starts_with("a-") {
                99_991_664
            } else {
                99_991_663
            };
            return Err(Reply::platform(code, 400));
        }
    };
    if !terms.tokens.contains(&token_type(grant.kind)) {
        return Err(wrong_token);
    }
    let (member, tenant_key) = match (&grant.open_id, &grant.tenant_key) {
        (Some(open_id), Some(tenant)) => (Member::User(open_id.clone()), tenant.clone()),
        (_, tenant) => (
            Member::App(grant.app_id.clone()),
            tenant.clone().unwrap_or_default(),
        ),
    };

    let scoped = {
        let world = shared.lock_world();
        world
            .apps
            .get(&grant.app_id)
            .is_some_and(|app| app.has_any_scope(terms.scopes))
    };
    if !scoped {
        let violations: Vec<Value> = terms
            .scopes
            .iter()
            .map(|s| json!({"type": "action_scope_required", "subject": s}))
            .collect();
        let msg = format!(
            "Access denied. One of the following scopes is required: [{}]",
            terms.scopes.join(", ")
        );
        return Err(Reply::error(400, 99_991_672, &msg)
            .detail("permission_violations", Value::Array(violations)));
    }

    let key = format!("{}/{}/{}", grant.app_id, tenant_key, terms.id);
    let limited = if shared.config.rate_limits {
        shared.lock_limiter().check(&key, terms.rate)
    } else {
        Ok(())
    };
    if let Err(limited) = limited {
        return Err(Reply::platform(99_991_400, 429)
            .header("x-ogw-ratelimit-limit", limited.limit.to_string())
            .header("x-ogw-ratelimit-reset", limited.reset_secs.to_string()));
    }
    Ok(Caller {
        grant,
        member,
        tenant_key,
    })
}

/// `/open-apis/im/v1/messages/:message_id` → axum's `/open-apis/im/v1/messages/{message_id}`.
pub fn axum_path(template: &str) -> String {
    template
        .split('/')
        .map(|seg| match seg.strip_prefix(':') {
            Some(name) => format!("{{{name}}}"),
            None => seg.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Routes a handler at an endpoint's method and path, both from the spec.
pub fn endpoint<E: Endpoint, H, T>(router: Router<Arc<Shared>>, handler: H) -> Router<Arc<Shared>>
where
    H: axum::handler::Handler<T, Arc<Shared>>,
    T: 'static,
{
    let method: MethodRouter<Arc<Shared>> = match E::METHOD {
        HttpMethod::Get => get(handler),
        HttpMethod::Post => post(handler),
        HttpMethod::Put => put(handler),
        HttpMethod::Patch => patch(handler),
        _ => delete(handler),
    };
    router.route(&axum_path(E::PATH), method)
}

/// Answers paths the platform does not have: HTTP 404, code 99991201.
pub async fn not_found() -> Reply {
    Reply::platform(99_991_201, 404)
}
