//! Per-service features: each version of a service behind `<service>-<version>`,
//! and versions whose feature is off not generated at all when the build
//! tells the macro which features are on.

use lark_codegen::Options;

/// A spec folder of two services, `alpha` and `beta`, one version each;
/// `name` keeps tests running side by side apart.
fn two_services(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("lark-features-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for service in ["alpha", "beta"] {
        let folder = dir.join(service).join("v1");
        std::fs::create_dir_all(&folder).unwrap();
        let capital = format!("{}{}", service[..1].to_uppercase(), &service[1..]);
        let text = format!(
            "service: {service}\nversion: v1\nresource: thing\nendpoints:\n  - name: get\n    summary: Get\n    method: GET\n    path: /open-apis/{service}/v1/things/:id\n    tokens: [tenant]\n    path_params:\n      id: {{type: string}}\nevents:\n  - event_type: {service}.thing.changed_v1\n    name: {Service}ThingChangedV1\n    schema: \"2.0\"\n    summary: Changed\n    fields:\n      id: {{type: string}}\n",
            Service = capital
        );
        std::fs::write(folder.join("thing.yaml"), text).unwrap();
    }
    dir
}

#[test]
fn each_version_is_behind_its_feature() {
    let dir = two_services("gated");
    let options = Options {
        service_features: true,
        ..Options::default()
    };
    let out = lark_codegen::generate(&dir, "spec", &options);
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    let code = lark_codegen::format(&out.tokens);
    assert!(
        code.contains(r#"#[cfg(any(feature = "alpha-v1"))]"#),
        "{code}"
    );
    assert!(code.contains(r#"#[cfg(feature = "beta-v1")]"#), "{code}");
    // The event enum's variants and the dispatcher's methods follow.
    assert!(
        code.matches(r#"#[cfg(feature = "alpha-v1")]"#).count() >= 4,
        "{code}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn versions_whose_feature_is_off_are_not_generated() {
    let dir = two_services("off");
    let options = Options {
        service_features: true,
        enabled_features: Some(vec!["CLIENT".into(), "ALPHA_V1".into()]),
        ..Options::default()
    };
    let out = lark_codegen::generate(&dir, "spec", &options);
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    let code = lark_codegen::format(&out.tokens);
    assert!(code.contains("pub mod alpha"), "{code}");
    assert!(code.contains("AlphaThingChangedV1"), "{code}");
    assert!(!code.contains("pub mod beta"), "{code}");
    assert!(!code.contains("BetaThingChangedV1"), "{code}");
    assert!(!code.contains("fn beta("), "{code}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_version_without_a_declared_feature_is_always_generated() {
    // The crate declares `alpha-v1` (off in this build) but nothing for
    // beta, a service whose spec file was just dropped in: beta is there,
    // ungated.
    let dir = two_services("undeclared");
    let options = Options {
        service_features: true,
        enabled_features: Some(vec!["CLIENT".into()]),
        declared_features: Some(vec!["client".into(), "alpha-v1".into()]),
        ..Options::default()
    };
    let out = lark_codegen::generate(&dir, "spec", &options);
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    let code = lark_codegen::format(&out.tokens);
    assert!(!code.contains("pub mod alpha"), "{code}");
    assert!(code.contains("pub mod beta"), "{code}");
    assert!(code.contains("BetaThingChangedV1"), "{code}");
    assert!(!code.contains(r#"feature = "beta-v1""#), "{code}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Where the SDK's service features sit in its `Cargo.toml`.
const BEGIN: &str = "# Services (from the spec folder, by the `features` test;";
const END: &str = "# End of services.";

/// The `[features]` lines for the services and versions of the SDK's spec:
/// a feature per version, one per service naming its versions, and
/// `all-services`.
fn service_features(spec: &std::path::Path) -> String {
    let mut diags = lark_codegen::Diagnostics::default();
    let loaded = lark_codegen::load(spec, "spec", &mut diags);
    assert!(diags.is_empty(), "the SDK's spec does not load");
    let mut services: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
        Default::default();
    for (_, file) in &loaded.files {
        if let (Some(service), Some(version)) = (&file.service, &file.version) {
            services
                .entry(service.value.clone())
                .or_default()
                .insert(version.value.clone());
        }
    }
    let quoted = |names: &mut dyn Iterator<Item = String>| {
        names
            .map(|n| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = format!(
        "{BEGIN}\n# `UPDATE_GOLDEN=1 cargo test -p lark-tests --test features` rewrites them.)\n## Every service of the spec, every version.\nall-services = [{}]\n",
        quoted(&mut services.keys().cloned())
    );
    for (service, versions) in &services {
        out.push_str(&format!(
            "## The `{service}` service, every version.\n{service} = [{}]\n",
            quoted(&mut versions.iter().map(|v| format!("{service}-{v}")))
        ));
        for version in versions {
            out.push_str(&format!(
                "## Version `{version}` of the `{service}` service.\n{service}-{version} = []\n"
            ));
        }
    }
    out.push_str(END);
    out
}

#[test]
fn the_sdk_declares_a_feature_for_every_service_and_version() {
    let sdk = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../generated-sdk");
    let manifest_path = sdk.join("Cargo.toml");
    let manifest = std::fs::read_to_string(&manifest_path).unwrap();
    let expected = service_features(&sdk.join("spec"));
    let (Some(start), Some(end)) = (manifest.find(BEGIN), manifest.find(END)) else {
        panic!("generated-sdk/Cargo.toml has no services block (`{BEGIN}` … `{END}`)");
    };
    let found = &manifest[start..end + END.len()];
    if found != expected {
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            let updated = format!(
                "{}{expected}{}",
                &manifest[..start],
                &manifest[end + END.len()..]
            );
            std::fs::write(&manifest_path, updated).unwrap();
        } else {
            panic!(
                "generated-sdk/Cargo.toml's service features differ from the spec folder's services and versions; run `UPDATE_GOLDEN=1 cargo test -p lark-tests --test features`"
            );
        }
    }
}
