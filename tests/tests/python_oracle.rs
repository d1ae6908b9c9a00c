//! The official Python SDK as the oracle of our spec (the half of the
//! differential test that needs only lark-oapi): for endpoints picked by
//! a rule (each service's first `create`, `get`, `list`, `patch`, `update` and `delete` that take a tenant
//! token), a request planned from the spec's contracts is built with
//! lark-oapi's own request classes and sent by its client to the local
//! server, which answers in contract mode. The server checks what lark-oapi
//! sent against our spec (method and path found, query names and types,
//! body types, required fields, enum values), and lark-oapi reads our
//! answer into its response classes, which keep only the fields they
//! know: a path, a type or a field that our spec and the official SDK
//! disagree on shows up here.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

use lark_codegen::contract::{Contracts, seed};
use lark_devserver::{DevServer, NewApp};
use lark_tests::{python, workspace};
use serde_json::{Value, json};

/// Where lark-oapi and our spec are known to disagree, with which of them
/// the platform's other sources side with.
const KNOWN: &[(&str, &str)] = &[
    (
        "contact.v3.department.create",
        "lark-oapi 1.7.5 writes a leader as `leader_type`/`leader_id`; the metadata, the Go SDK (`json:\"leaderType\"`) and the spec write `leaderType`/`leaderID`",
    ),
    ("contact.v3.department.patch", "as department.create"),
    ("contact.v3.department.update", "as department.create"),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lark_oapi_requests_pass_our_contracts_and_our_answers_fit_its_types() {
    let contracts = Contracts::load(&workspace().join("generated-sdk/spec"), "spec")
        .expect("the SDK's spec loads");
    // The rule: per service (as in the path), the first of each of these
    // calls that takes a tenant token and sends JSON.
    let mut picked: BTreeMap<(String, String), Value> = BTreeMap::new();
    for c in contracts.iter() {
        let parts: Vec<&str> = c.id.split('.').collect();
        let [_, version, resource, name] = parts[..] else {
            continue;
        };
        let path = c.path();
        let Some(service) = path.split('/').nth(2) else {
            continue;
        };
        if !matches!(
            name,
            "create" | "get" | "list" | "patch" | "update" | "delete"
        ) || !c.tokens.iter().any(|t| t == "tenant")
            || c.multipart
            || c.download
        {
            continue;
        }
        let key = (service.to_owned(), name.to_owned());
        if picked.contains_key(&key) {
            continue;
        }
        let mut item = contracts.sample_request(c, seed(&[c.id.as_bytes()]));
        for (k, v) in [
            ("id", c.id.as_str()),
            ("service", service),
            ("version", version),
            ("resource", resource),
            ("name", name),
            ("request_type", c.request_type.as_str()),
        ] {
            item[k] = json!(v);
        }
        item["scopes"] = json!(c.scopes);
        picked.insert(key, item);
    }
    let services: BTreeSet<&str> = picked.keys().map(|(s, _)| s.as_str()).collect();
    assert!(picked.len() >= 100, "{} endpoints picked", picked.len());
    assert!(services.len() >= 15, "{} services", services.len());

    let server = DevServer::start(lark_devserver::Config::default())
        .await
        .expect("the local server starts");
    let scopes: BTreeSet<String> = picked
        .values()
        .flat_map(|i| i["scopes"].as_array().cloned().unwrap_or_default())
        .filter_map(|s| s.as_str().map(str::to_owned))
        .collect();
    let app = server
        .create_app(NewApp {
            scopes: Some(scopes.into_iter().collect()),
            ..NewApp::default()
        })
        .expect("an app");
    let plan: Vec<&Value> = picked.values().collect();
    let dir = std::env::temp_dir().join(format!("lark-oracle-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let plan_path = dir.join("plan.json");
    std::fs::write(&plan_path, serde_json::to_vec(&plan).unwrap()).unwrap();
    let url = server.url();
    let output = tokio::task::spawn_blocking(move || {
        Command::new(python())
            .arg(workspace().join("tests/python/oracle.py"))
            .args([url.as_str(), &app.app_id, &app.app_secret])
            .arg(&plan_path)
            .output()
            .expect("python runs")
    })
    .await
    .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    server.shutdown().await;
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let results: Vec<Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(results.len(), plan.len());
    let mut report = Vec::new();
    let mut known = Vec::new();
    for r in &results {
        if r.get("missing").is_some() || r.get("error").is_some() || r["code"] != 0 {
            match KNOWN.iter().find(|(id, _)| r["id"] == *id) {
                Some(_) => known.push(r["id"].to_string()),
                None => report.push(r.to_string()),
            }
        }
    }
    // A known difference that went away is news too: the list is kept exact.
    assert_eq!(
        known.len(),
        KNOWN.len(),
        "known differences seen: {known:?}"
    );
    // Fields of our answers that lark-oapi's classes do not keep: newer
    // than lark-oapi's copy of the metadata, or misnamed on one side.
    let lost: Vec<String> = results
        .iter()
        .flat_map(|r| {
            let id = r["id"].as_str().unwrap_or_default().to_owned();
            r["lost"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .map(move |f| format!("{id}: {}", f.as_str().unwrap_or_default()))
        })
        .collect();
    for field in &lost {
        eprintln!("lark-oapi does not keep {field}");
    }
    // Each is a JSON name that is not snake_case (`leaderType`,
    // `clockIn_need_photo`, `zh-CN`): lark-oapi's classes know their fields
    // by snake_case names only.
    let other: Vec<&String> = lost
        .iter()
        .filter(|f| {
            let name = f.rsplit(['.', ' ']).next().unwrap_or_default();
            !name.chars().any(|c| c.is_ascii_uppercase() || c == '-')
        })
        .collect();
    assert!(other.is_empty(), "fields lark-oapi drops: {other:?}");
    let lost = lost.len();
    eprintln!(
        "{} endpoints over {} services; {} fields lark-oapi does not keep",
        results.len(),
        services.len(),
        lost
    );
    assert!(
        report.is_empty(),
        "{} of {}:\n{}",
        report.len(),
        results.len(),
        report.join("\n")
    );
}
