//! Properties of the local server's control API over real HTTP on loopback:
//! whatever body or path parameter reaches a control route, the server keeps
//! answering, every answer that is not 2xx is a 4xx JSON refusal
//! `{"error", "field"}`, and malformed input (not JSON, not an object, an
//! unknown field, a field of the wrong type) is never 2xx.

use std::collections::BTreeMap;

use lark_devserver::{Config, DevServer};
use proptest::prelude::*;
use proptest::test_runner::{TestCaseError, TestRunner};
use reqwest::Method;
use serde_json::{Value, json};

/// What a field accepts, as far as its JSON type goes.
#[derive(Clone, Copy, Debug)]
enum Ty {
    Str,
    Bool,
    Uint(u64),
    Strs,
    Member,
    Members,
    Object,
}

use Ty::{Bool, Member, Members, Object, Str, Strs, Uint};

const U64: Ty = Uint(u64::MAX);
const U32: Ty = Uint(u32::MAX as u64);
const U16: Ty = Uint(u16::MAX as u64);

struct Route {
    method: Method,
    /// `{app}`, `{user}`, `{chat}`, `{message}`, `{reaction}`, `{action}`
    /// stand for path parameters.
    path: &'static str,
    fields: &'static [(&'static str, Ty)],
}

fn routes() -> Vec<Route> {
    let route = |method: Method, path, fields| Route {
        method,
        path,
        fields,
    };
    vec![
        route(Method::GET, "/_dev/state", &[]),
        route(Method::POST, "/_dev/tenants", &[("name", Str)]),
        route(
            Method::POST,
            "/_dev/apps",
            &[
                ("name", Str),
                ("kind", Str),
                ("tenant_key", Str),
                ("scopes", Strs),
                ("encrypt_key", Str),
                ("verification_token", Str),
                ("app_id", Str),
                ("app_secret", Str),
            ],
        ),
        route(
            Method::PATCH,
            "/_dev/apps/{app}",
            &[
                ("scopes", Strs),
                ("external_chats", Bool),
                ("unavailable_users", Strs),
                ("encrypt_key", Str),
            ],
        ),
        route(Method::POST, "/_dev/apps/{app}/webhook", &[("url", Str)]),
        route(
            Method::POST,
            "/_dev/apps/{app}/install",
            &[("tenant_key", Str)],
        ),
        route(Method::GET, "/_dev/apps/{app}/connections", &[]),
        route(Method::POST, "/_dev/apps/{app}/connections/{action}", &[]),
        route(
            Method::POST,
            "/_dev/users",
            &[("tenant_key", Str), ("name", Str)],
        ),
        route(
            Method::PATCH,
            "/_dev/users/{user}",
            &[("blocked_apps", Strs), ("restricted_by_admin", Bool)],
        ),
        route(Method::POST, "/_dev/users/{user}/token", &[("app_id", Str)]),
        route(
            Method::POST,
            "/_dev/chats",
            &[
                ("tenant_key", Str),
                ("name", Str),
                ("kind", Str),
                ("members", Members),
            ],
        ),
        route(
            Method::PATCH,
            "/_dev/chats/{chat}",
            &[
                ("dissolved", Bool),
                ("archived", Bool),
                ("external", Bool),
                ("add_members", Members),
                ("remove_members", Members),
            ],
        ),
        route(
            Method::POST,
            "/_dev/messages",
            &[
                ("chat_id", Str),
                ("sender", Member),
                ("text", Str),
                ("image_key", Str),
                ("mentions", Members),
            ],
        ),
        route(
            Method::POST,
            "/_dev/messages/{message}/clicks",
            &[("open_id", Str), ("value", Object)],
        ),
        route(
            Method::PATCH,
            "/_dev/messages/{message}",
            &[
                ("recalled", Bool),
                ("deleted", Bool),
                ("thread_removed", Bool),
                ("system", Bool),
                ("hidden_from", Members),
            ],
        ),
        route(
            Method::POST,
            "/_dev/messages/{message}/reactions",
            &[("operator", Member), ("emoji_type", Str)],
        ),
        route(
            Method::DELETE,
            "/_dev/reactions/{reaction}",
            &[("operator", Member)],
        ),
        route(
            Method::PUT,
            "/_dev/faults",
            &[
                ("latency_ms", U64),
                ("fail_next", U32),
                ("fail_status", U16),
                ("rate_limit_next", U32),
                ("rate_limit_reset_secs", U64),
                ("duplicate_deliveries", Bool),
                ("fragment_size", U64),
                ("reorder_fragments", Bool),
                ("endless_page_token", Str),
            ],
        ),
        route(Method::GET, "/_dev/faults", &[]),
        route(Method::POST, "/_dev/tokens/expire", &[]),
        route(Method::GET, "/_dev/deliveries", &[]),
    ]
}

/// Whether `value` has the JSON type a field of type `ty` takes (`null`
/// aside: optional fields take it).
fn typed(ty: Ty, value: &Value) -> bool {
    match ty {
        Str => value.is_string(),
        Bool => value.is_boolean(),
        Uint(max) => value.as_u64().is_some_and(|n| n <= max),
        Strs => value
            .as_array()
            .is_some_and(|a| a.iter().all(Value::is_string)),
        Member | Object => value.is_object(),
        Members => value.is_array(),
    }
}

/// A value of the wrong type for `ty`: `value` itself when it is, else
/// `value` wrapped so that it is.
fn mistyped(ty: Ty, value: Value) -> Value {
    match (typed(ty, &value), ty) {
        (false, _) if !value.is_null() => value,
        (_, Strs | Members) => json!({ "0": value }),
        _ => json!([value]),
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let words = prop::sample::select(vec![
        "user", "app", "group", "p2p", "store", "custom", "SMILE", "cli_x", "ou_x", "",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f)
            .map(Value::Number)),
        "\\PC{0,12}".prop_map(Value::String),
        words.prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{0,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

#[derive(Clone, Debug)]
enum Body {
    /// Any JSON value, objects with random keys included.
    Json(Value),
    /// Any bytes.
    Bytes(Vec<u8>),
    /// One of the route's fields (picked modulo their number) with a value
    /// of the wrong type.
    Mistyped(usize, Value),
    /// A field the route does not have.
    Unknown(String, Value),
    /// The route's fields with any values.
    Fields(BTreeMap<usize, Value>),
}

#[derive(Clone, Debug)]
enum Segment {
    /// The id of something that exists (or a real action).
    Real,
    /// Anything, percent-encoded.
    Any(String),
    /// Not UTF-8 once decoded.
    NotUtf8,
}

#[derive(Clone, Debug)]
struct Case {
    route: usize,
    segments: [Segment; 2],
    body: Body,
    content_type: bool,
}

fn case(routes: usize) -> impl Strategy<Value = Case> {
    let segment = prop_oneof![
        4 => Just(Segment::Real),
        // Not `.` or `..`, which the client's URL parser takes out of the path.
        2 => "\\PC{1,10}"
            .prop_filter("a dot segment", |s| s != "." && s != "..")
            .prop_map(Segment::Any),
        1 => Just(Segment::NotUtf8),
    ];
    let body = prop_oneof![
        Just(Body::Bytes(Vec::new())),
        json_value().prop_map(Body::Json),
        prop::collection::vec(any::<u8>(), 0..48).prop_map(Body::Bytes),
        (any::<usize>(), json_value()).prop_map(|(i, v)| Body::Mistyped(i, v)),
        ("\\PC{0,8}", json_value()).prop_map(|(k, v)| Body::Unknown(format!("{k}!"), v)),
        prop::collection::btree_map(any::<usize>(), json_value(), 0..4).prop_map(Body::Fields),
    ];
    (0..routes, [segment.clone(), segment], body, any::<bool>()).prop_map(
        |(route, segments, body, content_type)| Case {
            route,
            segments,
            body,
            content_type,
        },
    )
}

/// Ids of a small world: an app, a user, a chat, a message, a reaction.
struct Ids {
    app: String,
    user: String,
    chat: String,
    message: String,
    reaction: String,
}

fn set_up(server: &DevServer) -> Ids {
    use lark_devserver::{ChatKind, Member as M};
    let app = server.create_app(Default::default()).unwrap();
    let user = server.create_user(&app.tenant_key, "Ada").unwrap();
    let ada = M::User(user.open_id.clone());
    let members = vec![ada.clone(), M::App(app.app_id.clone())];
    let chat = server
        .create_chat(&app.tenant_key, ChatKind::Group, members)
        .unwrap();
    let message = server
        .post_message(&chat.chat_id, ada.clone(), "hi")
        .unwrap();
    let reaction = server
        .add_reaction(&message.message_id, ada, "SMILE")
        .unwrap();
    Ids {
        app: app.app_id,
        user: user.open_id,
        chat: chat.chat_id,
        message: message.message_id,
        reaction: reaction.reaction_id,
    }
}

fn percent_encoded(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b == b'_' || b == b'-' {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The path with its parameters filled in, and whether one is not UTF-8.
fn path(route: &Route, ids: &Ids, segments: &[Segment; 2]) -> (String, bool) {
    let mut path = route.path.to_owned();
    let mut not_utf8 = false;
    let params = [
        ("{app}", &ids.app),
        ("{user}", &ids.user),
        ("{chat}", &ids.chat),
        ("{message}", &ids.message),
        ("{reaction}", &ids.reaction),
        ("{action}", &"drop".to_owned()),
    ];
    let mut next = segments.iter();
    for (name, real) in params {
        if !path.contains(name) {
            continue;
        }
        let value = match next.next() {
            Some(Segment::Any(s)) => percent_encoded(s),
            Some(Segment::NotUtf8) => {
                not_utf8 = true;
                "%FF%FE".to_owned()
            }
            _ => real.clone(),
        };
        path = path.replace(name, &value);
    }
    (path, not_utf8)
}

/// What is wrong with a malformed body, so what its refusal names.
enum Malformed {
    /// The body as a whole (`field` is null).
    Whole,
    /// This field (`field` starts with its name).
    Field(String),
    /// One of several unknown fields.
    AnyField,
}

/// The bytes sent, and what is wrong with them when they are malformed
/// (`None` when they may be well-formed).
fn bytes(route: &Route, body: &Body) -> (Vec<u8>, Option<Malformed>) {
    let known = |key: &str| route.fields.iter().any(|(name, _)| *name == key);
    match body {
        Body::Json(value) => {
            let malformed = match value {
                Value::Object(map) => map.keys().any(|k| !known(k)).then_some(Malformed::AnyField),
                _ => Some(Malformed::Whole),
            };
            (value.to_string().into_bytes(), malformed)
        }
        Body::Bytes(bytes) => {
            let object = bytes.trim_ascii().is_empty()
                || serde_json::from_slice::<Value>(bytes).is_ok_and(|v| v.is_object());
            (bytes.clone(), (!object).then_some(Malformed::Whole))
        }
        Body::Mistyped(i, value) if !route.fields.is_empty() => {
            let (name, ty) = route.fields[i % route.fields.len()];
            let body = json!({ name: mistyped(ty, value.clone()) });
            (
                body.to_string().into_bytes(),
                Some(Malformed::Field(name.to_owned())),
            )
        }
        Body::Mistyped(_, value) => {
            let body = json!({ "field": value });
            (
                body.to_string().into_bytes(),
                Some(Malformed::Field("field".to_owned())),
            )
        }
        Body::Unknown(key, value) => {
            let body = json!({ key: value });
            (
                body.to_string().into_bytes(),
                Some(Malformed::Field(key.clone())),
            )
        }
        Body::Fields(fields) => {
            let object: serde_json::Map<String, Value> = fields
                .iter()
                .filter(|_| !route.fields.is_empty())
                .map(|(i, v)| {
                    let (name, _) = route.fields[i % route.fields.len()];
                    (name.to_owned(), v.clone())
                })
                .collect();
            (Value::Object(object).to_string().into_bytes(), None)
        }
    }
}

async fn check(
    http: &reqwest::Client,
    base: &str,
    routes: &[Route],
    ids: &Ids,
    case: Case,
) -> Result<(), TestCaseError> {
    let route = &routes[case.route];
    let (path, not_utf8) = path(route, ids, &case.segments);
    let (body, malformed) = bytes(route, &case.body);
    let mut request = http
        .request(route.method.clone(), format!("{base}{path}"))
        .body(body);
    if case.content_type {
        request = request.header("content-type", "application/json");
    }
    let response = request
        .send()
        .await
        .map_err(|e| TestCaseError::fail(format!("{path}: no answer: {e}")))?;
    let status = response.status().as_u16();
    let text = response
        .text()
        .await
        .map_err(|e| TestCaseError::fail(format!("{path}: answer cut: {e}")))?;
    let answer: Value = serde_json::from_str(&text)
        .map_err(|e| TestCaseError::fail(format!("{path}: {status} is not JSON ({e}): {text}")))?;
    let refused = !(200..300).contains(&status);
    prop_assert!(
        !refused || (400..500).contains(&status),
        "{} {path}: {status} {answer}",
        route.method
    );
    if refused {
        let shaped = answer["error"].is_string()
            && (answer["field"].is_null() || answer["field"].is_string())
            && answer.as_object().map(|o| o.len()) == Some(2);
        prop_assert!(shaped, "{} {path}: {status} {answer}", route.method);
    }
    let Some(malformed) = malformed else {
        return Ok(());
    };
    prop_assert_eq!(
        status,
        400,
        "{} {}: malformed input answered {}",
        route.method,
        path,
        answer
    );
    let named = answer["field"].as_str();
    match (not_utf8, malformed) {
        // The path parameter is refused first; of several unknown fields,
        // any may be named.
        (true, _) | (false, Malformed::AnyField) => {
            prop_assert!(named.is_some(), "{path}: {answer}")
        }
        (false, Malformed::Whole) => prop_assert!(named.is_none(), "{path}: {answer}"),
        (false, Malformed::Field(f)) => prop_assert!(
            named.is_some_and(|n| n.starts_with(f.as_str())),
            "{path}: expected `{f}` named: {answer}"
        ),
    }
    Ok(())
}

#[test]
fn every_control_route_refuses_bad_input_with_json() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let server = runtime
        .block_on(DevServer::start(Config::default()))
        .unwrap();
    let ids = {
        // Adding the reaction spawns its event's delivery.
        let _in_runtime = runtime.enter();
        set_up(&server)
    };
    let routes = routes();
    let http = reqwest::Client::new();
    let base = server.url();
    let mut runner = TestRunner::new(proptest::test_runner::Config {
        cases: 2048,
        failure_persistence: None,
        ..proptest::test_runner::Config::default()
    });
    let outcome = runner.run(&case(routes.len()), |case| {
        runtime.block_on(check(&http, &base, &routes, &ids, case))
    });
    if let Err(e) = outcome {
        panic!("{e}");
    }
    // Still answering, and the world is whole.
    let state = runtime.block_on(async {
        let response = http.get(format!("{base}/_dev/state")).send().await.unwrap();
        assert_eq!(response.status(), 200);
        response.json::<Value>().await.unwrap()
    });
    assert!(state["apps"].get(&ids.app).is_some(), "{state}");
    runtime.block_on(server.shutdown());
}
