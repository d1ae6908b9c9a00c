//! The synthetic specs are valid specs of the size asked for.

#[test]
fn a_synthetic_spec_checks_clean_and_has_the_size_asked_for() {
    let dir = std::env::temp_dir().join(format!("lark-synth-{}", std::process::id()));
    let stats = lark_benches::synth::write_spec(&dir, 40).unwrap();
    assert_eq!((stats.endpoints, stats.events, stats.files), (40, 10, 11));
    let out = lark_codegen::generate(&dir, "synth", &lark_codegen::Options::default());
    assert!(
        out.errors.is_empty(),
        "{:#?}",
        &out.errors[..out.errors.len().min(10)]
    );
    let code = lark_codegen::format(&out.tokens);
    assert!(
        code.contains("pub struct ListThing9Request"),
        "paged list generated"
    );
    assert!(code.contains("impl ::lark_sdk::Paginated for ListThing9Request"));
    let _ = std::fs::remove_dir_all(&dir);
}
