//! Helpers shared by the test targets in `tests/`.

use std::path::{Path, PathBuf};

/// This crate's folder.
pub fn here() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The workspace root.
pub fn workspace() -> PathBuf {
    here().join("..")
}

/// A file of the shared reference material (`../shared/reference/` beside the checkout).
pub fn reference(name: &str) -> PathBuf {
    workspace().join("../shared/reference").join(name)
}

/// The text of a reference file.
///
/// # Panics
/// When the file is missing: the tests need the shared reference material.
pub fn reference_text(name: &str) -> String {
    let path = reference(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The JSON test vectors that the official SDKs accept.
pub fn test_vectors() -> serde_json::Value {
    serde_json::from_str(&reference_text("test-vectors.json")).expect("test-vectors.json is JSON")
}

/// The first fenced ```json block after `marker` in a reference page.
///
/// # Panics
/// When the page has no such block.
pub fn json_example_after(page: &str, marker: &str) -> String {
    let text = reference_text(page);
    let from = text
        .find(marker)
        .unwrap_or_else(|| panic!("{page}: no `{marker}`"));
    let rest = &text[from..];
    let start = rest.find('{').expect("a JSON object");
    let mut depth = 0usize;
    for (i, c) in rest[start..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return rest[start..=start + i].to_owned();
                }
            }
            _ => {}
        }
    }
    // The delete page's example is cut short by the page: close what is open.
    let mut json = rest[start..].trim_end().to_owned();
    if let Some(end) = json.find("\n\n") {
        json.truncate(end);
    }
    json.push_str(&"}".repeat(depth));
    json
}

/// Compares `actual` with the golden file at `path`; with `UPDATE_GOLDEN=1`
/// in the environment, writes it instead.
///
/// # Panics
/// When they differ (showing the first differing line), or the file cannot be read.
pub fn assert_golden(path: &Path, actual: &str) {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, actual).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        return;
    }
    let expected = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("read {}: {e} (UPDATE_GOLDEN=1 writes it)", path.display()));
    if expected == actual {
        return;
    }
    let line = expected
        .lines()
        .zip(actual.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
    panic!(
        "{} differs from what was generated, first at line {}:\n  golden:    {:?}\n  generated: {:?}\n(UPDATE_GOLDEN=1 rewrites it)",
        path.display(),
        line + 1,
        expected.lines().nth(line).unwrap_or("<end>"),
        actual.lines().nth(line).unwrap_or("<end>"),
    );
}
