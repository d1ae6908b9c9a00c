//! Each fixture spec expands to its golden file. `UPDATE_GOLDEN=1` rewrites
//! the golden files; `golden_compile.rs` compiles them.

use lark_tests::{assert_golden, here};

const HEADER: &str = "// Generated from tests/fixtures/{name} by the `golden` test.\n// Run `UPDATE_GOLDEN=1 cargo test -p lark-tests --test golden` to update.\n\n";

#[test]
fn fixtures_expand_to_their_golden_files() {
    let mut names: Vec<String> = std::fs::read_dir(here().join("fixtures"))
        .expect("fixtures")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 5, "fixtures: {names:?}");
    for name in names {
        let dir = here().join("fixtures").join(&name);
        let out = lark_codegen::generate(
            &dir,
            &format!("tests/fixtures/{name}"),
            &lark_codegen::Options::default(),
        );
        assert!(out.errors.is_empty(), "{name}: {:#?}", out.errors);
        let text = HEADER.replace("{name}", &name) + &lark_codegen::format(&out.tokens);
        assert_golden(&here().join("golden").join(format!("{name}.rs")), &text);
    }
}

#[test]
fn the_format_reference_is_current() {
    assert_golden(
        &lark_tests::workspace().join("docs/spec-reference.md"),
        &lark_codegen::reference::markdown(),
    );
}

#[test]
fn the_json_schema_is_current() {
    assert_golden(
        &lark_tests::workspace().join("docs/spec.schema.json"),
        &lark_codegen::reference::json_schema(),
    );
}

/// With `serde = directed` each type derives the serde traits of the ways
/// it travels; the union fixture has types of each way, and of both.
#[test]
fn directed_serde_expands_to_its_golden_file() {
    let options = lark_codegen::Options {
        serde: lark_codegen::Serde::Directed,
        ..lark_codegen::Options::default()
    };
    let out = lark_codegen::generate(
        &here().join("fixtures/union"),
        "tests/fixtures/union",
        &options,
    );
    assert!(out.errors.is_empty(), "{:#?}", out.errors);
    let header = "// Generated from tests/fixtures/union with `serde = directed` by the `golden` test.\n// Run `UPDATE_GOLDEN=1 cargo test -p lark-tests --test golden` to update.\n\n";
    let text = header.to_owned() + &lark_codegen::format(&out.tokens);
    assert_golden(&here().join("golden/directed/union.rs"), &text);
}
