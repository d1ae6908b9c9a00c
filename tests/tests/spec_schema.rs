//! The JSON Schema of the spec format (`docs/spec.schema.json`) as an editor
//! uses it: checked by a real validator (Python's jsonschema, draft
//! 2020-12), it accepts every spec file we have and rejects the mistakes the
//! loader rejects, at the same place.

use std::path::{Path, PathBuf};
use std::process::Command;

use lark_tests::{python, workspace};
use serde_json::Value;

/// Every YAML file below a folder.
fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
}

/// Validates files; gives each file's errors as (path in document, message).
fn validate(files: &[PathBuf]) -> Vec<(PathBuf, Vec<(String, String)>)> {
    let output = Command::new(python())
        .arg(workspace().join("tests/python/validate_spec.py"))
        .arg(workspace().join("docs/spec.schema.json"))
        .args(files)
        .output()
        .expect("run the validator");
    assert!(
        output.status.success(),
        "validator failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| {
            let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
            let errors = v["errors"]
                .as_array()
                .expect("errors")
                .iter()
                .map(|e| {
                    (
                        e["at"].as_str().unwrap_or_default().to_owned(),
                        e["message"].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect();
            (PathBuf::from(v["file"].as_str().expect("file")), errors)
        })
        .collect()
}

#[test]
fn every_spec_file_we_have_is_valid() {
    let mut files = Vec::new();
    for dir in [
        "spec",
        "examples/helpdesk/spec",
        "tests/fixtures",
        "tests/import/golden",
    ] {
        yaml_files(&workspace().join(dir), &mut files);
    }
    assert!(files.len() >= 10, "{files:?}");
    let results = validate(&files);
    assert_eq!(results.len(), files.len());
    for (file, errors) in results {
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
    }
}

#[test]
fn mistakes_the_loader_rejects_are_rejected_at_their_place() {
    let dir = std::env::temp_dir().join(format!("lark-schema-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases: &[(&str, &str, &str)] = &[
        (
            "unknown_key.yaml",
            "service: im\nversion: v1\nresource: r\nendpoints:\n  - name: get\n    sumary: x\n    summary: x\n    method: GET\n    path: /open-apis/x\n    tokens: [tenant]\n",
            "endpoints/0",
        ),
        (
            "bad_method.yaml",
            "service: im\nversion: v1\nresource: r\nendpoints:\n  - name: get\n    summary: x\n    method: DELETEE\n    path: /open-apis/x\n    tokens: [tenant]\n",
            "endpoints/0/method",
        ),
        (
            "bad_token.yaml",
            "service: im\nversion: v1\nresource: r\nendpoints:\n  - name: get\n    summary: x\n    method: GET\n    path: /open-apis/x\n    tokens: [tenant, usr]\n",
            "endpoints/0/tokens/1",
        ),
        (
            "missing_type.yaml",
            "types:\n  Thing:\n    description: no type\n",
            "types/Thing",
        ),
        (
            "key_not_allowed_here.yaml",
            "types:\n  Thing:\n    type: string\n    required: true\n",
            "types/Thing",
        ),
        (
            "bad_type_name.yaml",
            "types:\n  Thing:\n    type: object\n    fields:\n      a: {type: strng}\n",
            "types/Thing/fields/a/type",
        ),
        (
            "text_language.yaml",
            "description: {fr: Bonjour}\n",
            "description",
        ),
    ];
    let files: Vec<PathBuf> = cases
        .iter()
        .map(|(name, text, _)| {
            let path = dir.join(name);
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect();
    let results = validate(&files);
    for ((name, _, at), (_, errors)) in cases.iter().zip(results) {
        assert!(
            errors.iter().any(|(where_, _)| where_ == at),
            "{name}: expected an error at `{at}`, got {errors:#?}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
