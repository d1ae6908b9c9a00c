//! The curation layer (`curation/`): names chosen by hand for imported
//! items, which `lark-spec import openapi --names curation` writes into the
//! files it imports. `spec/` must carry them, so that an import without
//! them (which would put back `Code230002` and the Chinese-only summaries)
//! fails here; and every entry must still find its item.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use lark_codegen::import;
use lark_tests::{here, workspace};

/// The files of a folder by path under it (shown under `shown`).
fn files(dir: &Path, shown: &str) -> BTreeMap<PathBuf, String> {
    let (paths, problems) = lark_codegen::spec_files(dir, shown);
    assert!(problems.is_empty(), "{problems:#?}");
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("it reads");
            let relative = path
                .strip_prefix(dir)
                .expect("under the folder")
                .to_path_buf();
            (relative, text)
        })
        .collect()
}

fn curation() -> BTreeMap<PathBuf, String> {
    files(&workspace().join("curation"), "curation")
        .into_iter()
        .map(|(path, text)| (Path::new("curation").join(path), text))
        .collect()
}

#[test]
fn the_spec_carries_the_curation_layer() {
    let spec = files(&workspace().join("spec"), "spec");
    let problems = import::curation_holds(&curation(), &spec);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_im_calls_a_bot_makes_have_english_names() {
    // The imported IM v1 endpoints a bot uses are curated: each has an
    // English summary, and of their rows only those of codes no page
    // explains are left as `Code…`.
    let spec = files(&workspace().join("spec/im/v1"), "spec/im/v1");
    let curated = curation().into_values().collect::<Vec<_>>().join("\n");
    for (file, call) in [
        ("message.imported.yaml", "list"),
        ("message.imported.yaml", "get"),
        ("message.imported.yaml", "forward"),
        ("message_resource.yaml", "get"),
        ("chat.yaml", "create"),
        ("chat.yaml", "get"),
        ("chat_members.yaml", "create"),
        ("chat_members.yaml", "delete"),
        ("chat_members.yaml", "get"),
        ("chat_members.yaml", "is_in_chat"),
    ] {
        let text = &spec[&PathBuf::from(file)];
        let start = text
            .find(&format!("  - name: {call}\n"))
            .unwrap_or_else(|| panic!("{file} has {call}"));
        let rest = &text[start + 4..];
        let end = rest.find("\n  - name: ").map_or(rest.len(), |i| i);
        let endpoint = &rest[..end];
        assert!(
            endpoint.contains("summary: {en: "),
            "{file} {call} has no English summary"
        );
        let derived: Vec<&str> = endpoint
            .lines()
            .filter_map(|l| l.trim().strip_prefix("name: Code"))
            .collect();
        let unexplained: &[&str] = if call == "list" && file == "message.imported.yaml" {
            &["231203", "231204"]
        } else {
            &[]
        };
        assert_eq!(derived, unexplained, "{file} {call}: rows left as `Code…`");
        let path = endpoint
            .lines()
            .find_map(|l| l.trim().strip_prefix("path: "))
            .expect("a path");
        assert!(curated.contains(path), "{path} is named in curation/");
    }
}

#[test]
fn a_spec_imported_without_the_layer_is_told_apart() {
    let document = std::fs::read_to_string(here().join("import/im.openapi.yaml")).expect("reads");
    let documents = [("tests/import/im.openapi.yaml".to_owned(), document)];
    let names = files(&here().join("import/names"), "names");
    let names: BTreeMap<PathBuf, String> = names
        .into_iter()
        .map(|(path, text)| (Path::new("names").join(path), text))
        .collect();
    let sources = import::EventSources::default();
    let none = BTreeMap::new();
    let plain = import::platform_over(&documents, &sources, &none).expect("imports");
    let named = import::platform_named(&documents, &sources, &none, &names).expect("imports");
    // Files an import wrote read back as they were written, names or none.
    assert!(import::curation_holds(&BTreeMap::new(), &plain.files).is_empty());
    assert!(import::curation_holds(&names, &named.files).is_empty());
    let mut problems = import::curation_holds(&names, &plain.files);
    problems.sort();
    assert_eq!(
        problems,
        [
            "im/v1/image.yaml: does not carry the names of the curation layer: import again with `--names`",
            "im/v1/message_reaction.yaml: does not carry the names of the curation layer: import again with `--names`",
            "names/im/v1.yaml:22:5: im v1 declares no shared type `ReactionOperator` in place of `Operator`: import again with `--names`",
        ]
    );
}
