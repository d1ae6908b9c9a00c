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

#[test]
fn the_large_specs_check_clean_and_the_alias_bomb_is_refused() {
    use lark_benches::big_spec;
    let root = std::env::temp_dir().join(format!("lark-big-{}", std::process::id()));
    let options = lark_codegen::Options::default();
    let types = big_spec::write_many_types(&root.join("types"), 200_000).unwrap();
    assert!(types.types > 500 && types.endpoints > 20, "{types:?}");
    let out = lark_codegen::check_folder(&root.join("types"), "types", &options);
    assert!(
        out.errors.is_empty(),
        "{:#?}",
        &out.errors[..out.errors.len().min(10)]
    );
    big_spec::write_small_types(&root.join("small"), 100_000).unwrap();
    let out = lark_codegen::check_folder(&root.join("small"), "small", &options);
    assert!(out.errors.is_empty(), "{:?}", out.errors.first());
    big_spec::write_big_enum(&root.join("enum"), 100_000).unwrap();
    let out = lark_codegen::check_folder(&root.join("enum"), "enum", &options);
    assert!(out.errors.is_empty(), "{:?}", out.errors.first());
    big_spec::write_alias_heavy(&root.join("aliases"), 200_000).unwrap();
    let out = lark_codegen::check_folder(&root.join("aliases"), "aliases", &options);
    assert!(
        out.errors.is_empty(),
        "{:#?}",
        &out.errors[..out.errors.len().min(10)]
    );
    big_spec::write_alias_bomb(&root.join("bomb")).unwrap();
    let out = lark_codegen::check_folder(&root.join("bomb"), "bomb", &options);
    assert_eq!(out.errors.len(), 1, "{:?}", out.errors);
    assert!(
        out.errors[0].contains("aliases expand to too much"),
        "{:?}",
        out.errors
    );
    let _ = std::fs::remove_dir_all(&root);
}
