//! Plans the differential tests against the official Python SDK: the
//! endpoints picked by a rule from lark-sdk's spec (`DEP_LARK_SDK_SPEC`),
//! each with a request sampled from its contract (`oracle-plan.json`), and
//! `replay.rs`, which builds each of those requests with the SDK's
//! generated types and sends it through our client. The test compares on
//! the local server what lark-oapi and our client sent for each.
//!
//! The rule: per service (as in the path), the first `create`, `get`,
//! `list`, `patch`, `update` and `delete` in spec order that takes a
//! tenant token and sends JSON. The services it picks must be features of
//! lark-sdk in this crate's manifest; a missing one is named here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use lark_codegen::contract::{Contracts, seed};
use serde_json::{Value, json};

const CALLS: &[&str] = &["create", "get", "list", "patch", "update", "delete"];

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=DEP_LARK_SDK_SPEC");
    println!("cargo::rerun-if-env-changed=DEP_LARK_SDK_FEATURES");
    let Some(spec) = std::env::var_os("DEP_LARK_SDK_SPEC").map(PathBuf::from) else {
        panic!("lark-sdk did not say where its spec is (DEP_LARK_SDK_SPEC)");
    };
    println!("cargo::rerun-if-changed={}", spec.display());
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let contracts = Contracts::load(&spec, "spec")
        .unwrap_or_else(|problems| panic!("lark-sdk's spec: {}", problems.join("\n")));

    let mut picked: BTreeMap<(String, String), Value> = BTreeMap::new();
    for c in contracts.iter() {
        let parts: Vec<&str> = c.id.split('.').collect();
        let [spec_service, version, resource, name] = parts[..] else {
            continue;
        };
        let path = c.path();
        let Some(service) = path.split('/').nth(2) else {
            continue;
        };
        if !CALLS.contains(&name)
            || !c.tokens.iter().any(|t| t == "tenant")
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
        item["feature"] = json!(format!("{spec_service}-{version}"));
        item["scopes"] = json!(c.scopes);
        picked.insert(key, item);
    }
    let plan: Vec<Value> = picked.into_values().collect();
    check_features(&plan);
    write(
        &out.join("oracle-plan.json"),
        &serde_json::to_string_pretty(&plan).unwrap(),
    );

    let ids: Vec<String> = plan
        .iter()
        .map(|item| item["id"].as_str().unwrap_or_default().to_owned())
        .collect();
    let source = lark_codegen::replay_source(&spec, "spec", &Default::default(), &ids)
        .unwrap_or_else(|problems| panic!("lark-sdk's spec: {}", problems.join("\n")));
    write(&out.join("replay.rs"), &source);
}

/// Fails the build, naming them, when services of the plan are not
/// compiled into lark-sdk.
fn check_features(plan: &[Value]) {
    let enabled: BTreeSet<String> = std::env::var("DEP_LARK_SDK_FEATURES")
        .unwrap_or_default()
        .split(',')
        .map(str::to_owned)
        .collect();
    let missing: BTreeSet<&str> = plan
        .iter()
        .filter_map(|item| item["feature"].as_str())
        .filter(|f| !enabled.contains(&f.to_uppercase().replace('-', "_")))
        .collect();
    assert!(
        missing.is_empty(),
        "tests/Cargo.toml: the differential tests call services lark-sdk is built without; add these features to its lark-sdk dependency: {}",
        missing
            .into_iter()
            .map(|f| format!("\"{f}\""))
            .collect::<Vec<_>>()
            .join(", ")
    );
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}
