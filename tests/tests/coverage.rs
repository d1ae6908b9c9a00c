//! The README's coverage table (services, endpoints, events, how many of
//! them curated) is the SDK's spec folder counted.
//! `UPDATE_GOLDEN=1 cargo test -p lark-tests --test coverage` rewrites it.

use std::collections::BTreeMap;

use lark_tests::workspace;

const BEGIN: &str = "<!-- coverage: from the spec folder, by the `coverage` test -->";
const END: &str = "<!-- end of coverage -->";

#[derive(Default)]
struct Count {
    versions: std::collections::BTreeSet<String>,
    endpoints: usize,
    curated_endpoints: usize,
    events: usize,
    curated_events: usize,
}

fn table() -> String {
    let spec = workspace().join("generated-sdk/spec");
    let mut diags = lark_codegen::Diagnostics::default();
    let loaded = lark_codegen::load(&spec, "spec", &mut diags);
    assert!(diags.is_empty(), "the SDK's spec does not load");
    let mut services: BTreeMap<String, Count> = BTreeMap::new();
    for (id, file) in &loaded.files {
        let (Some(service), Some(version)) = (&file.service, &file.version) else {
            continue;
        };
        let curated = !lark_codegen::import::is_imported(&loaded.sources.get(*id).text);
        let count = services.entry(service.value.clone()).or_default();
        count.versions.insert(version.value.clone());
        count.endpoints += file.endpoints.len();
        count.events += file.events.len();
        if curated {
            count.curated_endpoints += file.endpoints.len();
            count.curated_events += file.events.len();
        }
    }
    let mut out = format!(
        "{BEGIN}\n\n| service | versions | endpoints | of them curated | events | of them curated |\n|---|---|---|---|---|---|\n"
    );
    let mut total = Count::default();
    for (service, c) in &services {
        let versions: Vec<&str> = c.versions.iter().map(String::as_str).collect();
        out.push_str(&format!(
            "| `{service}` | {} | {} | {} | {} | {} |\n",
            versions.join(", "),
            c.endpoints,
            c.curated_endpoints,
            c.events,
            c.curated_events
        ));
        total.endpoints += c.endpoints;
        total.curated_endpoints += c.curated_endpoints;
        total.events += c.events;
        total.curated_events += c.curated_events;
        total
            .versions
            .extend(c.versions.iter().map(|v| format!("{service}-{v}")));
    }
    out.push_str(&format!(
        "| **{} services** | {} | {} | {} | {} | {} |\n\n{END}",
        services.len(),
        total.versions.len(),
        total.endpoints,
        total.curated_endpoints,
        total.events,
        total.curated_events
    ));
    out
}

#[test]
fn the_readme_coverage_table_is_the_spec_counted() {
    let path = workspace().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let expected = table();
    let (Some(start), Some(end)) = (readme.find(BEGIN), readme.find(END)) else {
        panic!("README.md has no coverage table (`{BEGIN}` … `{END}`)");
    };
    if readme[start..end + END.len()] != expected {
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            let updated = format!(
                "{}{expected}{}",
                &readme[..start],
                &readme[end + END.len()..]
            );
            std::fs::write(&path, updated).unwrap();
        } else {
            panic!(
                "README.md's coverage table is not the spec folder's; run `UPDATE_GOLDEN=1 cargo test -p lark-tests --test coverage`"
            );
        }
    }
}
