//! Integer enums (`repr: integer`) on the wire, over loopback: the local
//! server answers with hand-written JSON (numbers, a number the spec does
//! not list, a quoted number) and records what the client sent, so both
//! directions are checked against JSON we wrote, not against our own types.

#[allow(dead_code)]
mod int_enums {
    include!("../golden/int_enums.rs");
}

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use int_enums::contact::v3::{Gender, ListUserRequest, PatchUserRequest, PatchUserRequestBody};
use lark_devserver::Shared;
use lark_devserver::api::{Reply, endpoint, guard};
use serde_json::{Value, json};

/// What the server was sent: the query of the list call, the body of the patch.
#[derive(Default)]
struct Seen {
    query: Option<HashMap<String, String>>,
    body: Option<Value>,
}

static SEEN: Mutex<Option<Seen>> = Mutex::new(None);

fn seen<T>(f: impl FnOnce(&mut Seen) -> T) -> T {
    let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
    f(seen.get_or_insert_with(Seen::default))
}

async fn list(
    State(shared): State<Arc<Shared>>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Reply {
    if let Err(reply) =
        guard::<ListUserRequest>(&shared, &headers, Reply::platform(99991663, 400)).await
    {
        return reply;
    }
    seen(|s| s.query = Some(query));
    Reply::ok(json!({"items": [
        {"open_id": "ou_1", "gender": 2},
        {"open_id": "ou_2", "gender": 9},
        {"open_id": "ou_3", "gender": "1"},
        {"open_id": "ou_4"}
    ]}))
}

async fn patch(State(shared): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> Reply {
    if let Err(reply) =
        guard::<PatchUserRequest>(&shared, &headers, Reply::platform(99991663, 400)).await
    {
        return reply;
    }
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let gender = body["gender"].clone();
    seen(|s| s.body = Some(body));
    Reply::ok(json!({"user": {"open_id": "ou_1", "gender": gender}}))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn integer_enums_are_numbers_both_ways_and_keep_unlisted_numbers() {
    let routes = endpoint::<ListUserRequest, _, _>(Router::new(), list);
    let routes = endpoint::<PatchUserRequest, _, _>(routes, patch);
    let (server, client) = lark_tests::server_with(routes).await;

    let users = client
        .call(&ListUserRequest::new().gender(Gender::Female))
        .await
        .unwrap();
    assert_eq!(
        seen(|s| s.query.clone())
            .unwrap()
            .get("gender")
            .map(String::as_str),
        Some("2")
    );
    let genders: Vec<Option<Gender>> = users.items.unwrap().into_iter().map(|u| u.gender).collect();
    assert_eq!(genders[0], Some(Gender::Female));
    let unlisted = genders[1].unwrap();
    assert!(unlisted.is_unknown());
    assert_eq!(unlisted.value(), 9);
    assert_eq!(
        genders[2],
        Some(Gender::Male),
        "a quoted number is read as the number"
    );
    assert_eq!(genders[3], None);

    // An unlisted number goes back as it came.
    let patched = client
        .call(&PatchUserRequest::new("ou_1").body(PatchUserRequestBody::new().gender(unlisted)))
        .await
        .unwrap();
    assert_eq!(seen(|s| s.body.clone()), Some(json!({"gender": 9})));
    assert_eq!(patched.user.unwrap().gender.map(Gender::value), Some(9));
    client
        .call(
            &PatchUserRequest::new("ou_1").body(PatchUserRequestBody::new().gender(Gender::Other)),
        )
        .await
        .unwrap();
    assert_eq!(seen(|s| s.body.clone()), Some(json!({"gender": 3})));
    server.shutdown().await;
}

#[test]
fn integer_enums_convert_and_refuse_what_is_not_a_number() {
    assert_eq!(Gender::from(1), Gender::Male);
    assert_eq!(i64::from(Gender::Unset), 0);
    assert_eq!(Gender::VALUES.len(), 4);
    assert_eq!(Gender::from(7).to_string(), "7");
    assert_eq!(serde_json::to_value(Gender::Female).unwrap(), json!(2));
    let error = serde_json::from_value::<Gender>(json!("two")).unwrap_err();
    assert!(error.to_string().contains("a whole number"), "{error}");
    assert!(serde_json::from_value::<Gender>(json!(u64::MAX)).is_err());
    assert!(serde_json::from_value::<Gender>(json!(1.5)).is_err());
}
