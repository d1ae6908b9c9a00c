//! Contract mode: an endpoint of the SDK's spec that has no rules here is
//! answered by its contract (`lark_codegen::contract`). The token, its
//! type, the app's scopes and the rate limit pass [`guard_terms`] as for a
//! ruled endpoint; the path, query and JSON body are checked against the
//! spec's types, required flags, enum values and bounds, and the first
//! offending field is answered as the platform's field validation error
//! (99992402, `field_violations`); a request that passes gets data that
//! fits the response type, the same data for the same request. Rules (the
//! routes of the other modules) come first: this is the router's fallback.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use lark_codegen::contract::{Contracts, seed};
use lark_runtime::{RateLimit, TokenType};
use serde_json::{Value, json};

use super::{Reply, Terms, guard_terms, not_found};
use crate::Shared;

/// The SDK's spec folder, as its build script found it.
const SPEC: Option<&str> = option_env!("LARK_DEVSERVER_SPEC");

/// The contracts, read once per process (the whole platform's spec takes
/// a moment to read and check).
fn contracts() -> Result<&'static Contracts, &'static str> {
    static CONTRACTS: OnceLock<Result<Contracts, String>> = OnceLock::new();
    CONTRACTS
        .get_or_init(|| {
            let dir = SPEC.ok_or_else(|| "the spec folder of lark-sdk is not known".to_owned())?;
            Contracts::load(Path::new(dir), "spec").map_err(|problems| problems.join("\n"))
        })
        .as_ref()
        .map_err(String::as_str)
}

/// The largest request body read (an upload's file, 30 MB at most on the
/// platform's upload endpoints, and its form).
pub const BODY_LIMIT: usize = 31 * 1024 * 1024;

/// The fallback: an endpoint's contract, or the platform's 404. Its body
/// limit is [`BODY_LIMIT`] (the router sets it).
pub async fn answer(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    Query(query): Query<Vec<(String, String)>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri.path();
    if !path.starts_with("/open-apis/") {
        return not_found().await.into_response();
    }
    // Reading the spec the first time is a moment of CPU: off the
    // server's threads.
    let loaded = tokio::task::spawn_blocking(contracts).await;
    let contracts = match loaded.unwrap_or(Err("the spec could not be read")) {
        Ok(contracts) => contracts,
        Err(problem) => {
            return Reply::error(
                500,
                1,
                &format!("the local server cannot read the spec: {problem}"),
            )
            .into_response();
        }
    };
    let Some((contract, params)) = contracts.find(method.as_str(), path) else {
        return not_found().await.into_response();
    };
    let tokens: Vec<TokenType> = contract
        .tokens
        .iter()
        .filter_map(|t| match t.as_str() {
            "tenant" => Some(TokenType::Tenant),
            "user" => Some(TokenType::User),
            "app" => Some(TokenType::App),
            _ => None,
        })
        .collect();
    let scopes: Vec<&str> = contract.scopes.iter().map(String::as_str).collect();
    let terms = Terms {
        id: &contract.id,
        tokens: &tokens,
        scopes: &scopes,
        rate: RateLimit::new(contract.rate.0, contract.rate.1),
    };
    // A token of a type the endpoint does not take: the code of that type's
    // invalid token, whose documented meaning includes this case.
    let wrong_token = match headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    {
        Some(t) if t.starts_with("u-") => Reply::platform(99_991_668, 400),
        Some(t) if t.starts_with("a-") => Reply::platform(99_991_664, 400),
        _ => Reply::platform(99_991_663, 400),
    };
    if let Err(reply) = guard_terms(&shared, &headers, &terms, wrong_token).await {
        return reply.into_response();
    }
    let json_body = if !contract.has_json_body() || body.is_empty() {
        None
    } else {
        match serde_json::from_slice::<Value>(&body) {
            Ok(value) => Some(value),
            Err(e) => {
                return field_violation("body", "", &format!("not JSON: {e}")).into_response();
            }
        }
    };
    if let Err(v) = contracts.check(contract, &params, &query, json_body.as_ref()) {
        return field_violation(&v.field, &v.value, &v.description).into_response();
    }
    let query_text = uri.query().unwrap_or_default();
    let seed = seed(&[
        contract.id.as_bytes(),
        path.as_bytes(),
        query_text.as_bytes(),
        &body,
    ]);
    if contract.download {
        let bytes = format!("{} {seed:016x}\n", contract.id).into_bytes();
        return (
            StatusCode::OK,
            [
                ("content-type", "application/octet-stream".to_owned()),
                (
                    "content-disposition",
                    format!("attachment; filename=\"{seed:016x}.bin\""),
                ),
            ],
            bytes,
        )
            .into_response();
    }
    Reply::ok(contracts.answer(contract, seed)).into_response()
}

/// Checks a request to a ruled endpoint against its contract, as contract
/// mode checks any other: the rules then read a request of the right shape.
pub async fn check(method: &str, uri: &Uri, body: &Bytes) -> Result<(), Reply> {
    let loaded = tokio::task::spawn_blocking(contracts).await;
    let contracts = loaded
        .unwrap_or(Err("the spec could not be read"))
        .map_err(|problem| {
            Reply::error(
                500,
                1,
                &format!("the local server cannot read the spec: {problem}"),
            )
        })?;
    let Some((contract, params)) = contracts.find(method, uri.path()) else {
        return Ok(());
    };
    let query = Query::<Vec<(String, String)>>::try_from_uri(uri)
        .map(|Query(q)| q)
        .map_err(|e| field_violation("query", "", &e.to_string()))?;
    let json_body = if !contract.has_json_body() || body.is_empty() {
        None
    } else {
        Some(
            serde_json::from_slice::<Value>(body)
                .map_err(|e| field_violation("body", "", &format!("not JSON: {e}")))?,
        )
    };
    contracts
        .check(contract, &params, &query, json_body.as_ref())
        .map_err(|v| field_violation(&v.field, &v.value, &v.description))
}

/// The platform's field validation error, naming the field.
fn field_violation(field: &str, value: &str, description: &str) -> Reply {
    Reply::error(400, 99_992_402, "field validation failed").detail(
        "field_violations",
        json!([{"field": field, "value": value, "description": description}]),
    )
}
