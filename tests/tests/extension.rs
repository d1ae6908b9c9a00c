//! Generating over a base spec (`generate!(.., base = ..)`): the base's items
//! are known and checked against but not generated again, references go to
//! the runtime crate, and clashes with the base are errors at their place.

use std::path::PathBuf;

use lark_codegen::{Options, SpecDir};
use lark_tests::{assert_golden, workspace};

/// A spec folder of one file, written for a test.
struct Folder(PathBuf);

impl Folder {
    fn new(name: &str, text: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("lark-extension-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("ext.yaml"), text).unwrap();
        Folder(dir)
    }

    /// Generates over the SDK's spec.
    fn generate(&self) -> lark_codegen::Output {
        let options = Options {
            base: Some(SpecDir {
                dir: workspace().join("spec"),
                display: "spec".to_owned(),
            }),
            ..Options::default()
        };
        lark_codegen::generate(&self.0, "ext", &options)
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn the_example_crate_s_expansion_is_its_golden_file() {
    let options = Options {
        base: Some(SpecDir {
            dir: workspace().join("spec"),
            display: "spec".to_owned(),
        }),
        ..Options::default()
    };
    let out = lark_codegen::generate(
        &workspace().join("examples/helpdesk/spec"),
        "examples/helpdesk/spec",
        &options,
    );
    assert!(out.errors.is_empty(), "{:#?}", out.errors);
    let text = "// Generated from examples/helpdesk/spec over spec by the `extension` test.\n\
                // Run `UPDATE_GOLDEN=1 cargo test -p lark-tests --test extension` to update.\n\n"
        .to_owned()
        + &lark_codegen::format(&out.tokens);
    assert_golden(
        &lark_tests::here().join("golden/extension/helpdesk.rs"),
        &text,
    );
}

#[test]
fn base_types_are_referred_to_in_the_runtime_not_generated_again() {
    let folder = Folder::new(
        "refs",
        "service: im\nversion: v1\ntypes:\n  OwnNote:\n    type: object\n    fields:\n      operator: {type: UserId}\n      emoji: {type: Emoji}\n      id_type: {type: UserIdType}\n",
    );
    let out = folder.generate();
    assert!(out.errors.is_empty(), "{:#?}", out.errors);
    let code = lark_codegen::format(&out.tokens);
    assert!(code.contains("pub struct OwnNote"), "{code}");
    for path in [
        "::lark_sdk::common::UserId",
        "::lark_sdk::im::v1::Emoji",
        "::lark_sdk::common::UserIdType",
    ] {
        assert!(code.contains(path), "{path} missing:\n{code}");
    }
    for base_item in [
        "pub struct UserId",
        "pub struct Emoji",
        "pub enum EmojiType",
        "PLATFORM_ERRORS",
        "MessageReaction",
    ] {
        assert!(
            !code.contains(base_item),
            "{base_item} generated again:\n{code}"
        );
    }
}

#[test]
fn a_type_named_like_one_of_the_base_in_its_module_is_an_error() {
    let folder = Folder::new(
        "clash",
        "service: im\nversion: v1\ntypes:\n  Emoji:\n    type: string\n",
    );
    let out = folder.generate();
    assert_eq!(out.errors.len(), 1, "{:#?}", out.errors);
    let error = &out.errors[0];
    assert!(error.starts_with("ext/ext.yaml:4:3: "), "{error}");
    assert!(
        error.contains("`Emoji`") && error.contains("spec/im/v1/types.yaml"),
        "{error}"
    );
}

#[test]
fn an_event_the_base_describes_is_an_error() {
    let folder = Folder::new(
        "event",
        "service: im\nversion: v1\nevents:\n  - event_type: im.message.reaction.deleted_v1\n    schema: \"2.0\"\n    summary: again\n    fields:\n      message_id: {type: string}\n",
    );
    let out = folder.generate();
    assert!(
        out.errors
            .iter()
            .any(|e| e.starts_with("ext/ext.yaml:4:17: ")
                && e.contains("described twice")
                && e.contains("spec/im/v1/message_reaction.yaml")),
        "{:#?}",
        out.errors
    );
}

#[test]
fn platform_errors_come_from_the_base_only() {
    let folder = Folder::new(
        "platform",
        "platform_errors:\n  - code: 99999999\n    message: made up\n",
    );
    let out = folder.generate();
    assert!(
        out.errors
            .iter()
            .any(|e| e.starts_with("ext/ext.yaml:2:5: ") && e.contains("comes from the base spec")),
        "{:#?}",
        out.errors
    );
}
