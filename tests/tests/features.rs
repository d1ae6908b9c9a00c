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
