//! The generator of typed Feishu / Lark Open Platform bindings.
//!
//! Data flows one way: YAML files → positioned spec ([`spec`]) → checked model
//! ([`model`]) → Rust tokens ([`emit`]). Every problem on the way is collected
//! into [`Diagnostics`] with its `file:line:col`, and generation still emits
//! what it can, so that one spec mistake is one compiler error.
//!
//! ```no_run
//! let out = lark_codegen::generate(std::path::Path::new("spec"), "spec", &Default::default());
//! for message in &out.errors {
//!     eprintln!("{message}");
//! }
//! println!("{}", lark_codegen::format(&out.tokens));
//! ```

pub mod check;
pub mod contract;
pub mod decode;
pub mod diag;
pub mod emit;
pub mod import;
pub mod model;
pub mod reference;
mod rustdoc;
pub mod schema;
pub mod spec;
pub mod yaml;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;

pub use diag::{Diagnostic, Diagnostics, Loc, Pos, SourceFile, Sources};
pub use emit::{Calls, Options, Serde, SpecDir};

use decode::{Cx, Decode};
use diag::FileId;
use spec::SpecFile;

/// Folders deeper than this below the spec folder are not read.
pub const MAX_DEPTH: usize = 16;

/// Spec files read from a folder.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The files' texts and names.
    pub sources: Sources,
    /// The files that parsed, decoded (possibly with stand-ins).
    pub files: Vec<(FileId, SpecFile)>,
}

/// Reads every `.yaml`/`.yml` file below `dir`, in path order. `display` is
/// how `dir` is shown in messages (`spec`), file paths follow it.
pub fn load(dir: &Path, display: &str, diags: &mut Diagnostics) -> Loaded {
    let mut loaded = Loaded::default();
    load_into(&mut loaded, dir, display, diags);
    loaded
}

/// Reads a folder's spec files into `loaded`, after those already there.
///
/// The folder may be a symbolic link, and so may folders below it; a folder
/// reached a second time (a link back up the tree, or two links to one
/// folder) is reported and not read again, so the walk always ends.
pub fn load_into(loaded: &mut Loaded, dir: &Path, display: &str, diags: &mut Diagnostics) {
    if !dir.is_dir() {
        diags.error_path(display, "spec folder not found");
        return;
    }
    let paths = walk_folder(dir, display, diags);
    if paths.is_empty() {
        diags.error_path(display, "no .yaml files in the spec folder");
    }
    for path in paths {
        let shown = walk_shown(dir, display.trim_end_matches('/'), &path);
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(err) => {
                diags.error_path(shown, format!("cannot read: {err}"));
                continue;
            }
        };
        let (text, bad) = match String::from_utf8(bytes) {
            Ok(text) => (text, None),
            Err(err) => {
                let valid = err.utf8_error().valid_up_to();
                let bytes = err.into_bytes();
                let pos = position_at(&bytes, valid);
                (String::from_utf8_lossy(&bytes).into_owned(), Some(pos))
            }
        };
        let id = loaded.sources.add(SourceFile {
            path: path.clone(),
            display: shown,
            text,
        });
        if let Some(pos) = bad {
            // The file is kept among the sources, so that a build tracks it
            // and re-expands once it is fixed.
            diags.error(
                Loc { file: id, pos },
                "not UTF-8 text: the first byte that is not UTF-8 is here",
            );
            continue;
        }
        let node = yaml::parse(id, &loaded.sources.get(id).text, diags);
        if let Some(file) = node.and_then(|n| SpecFile::decode(&n, &mut Cx { diags })) {
            loaded.files.push((id, file));
        }
    }
}

/// Line and column (in characters) of byte `at` of a text whose bytes
/// before `at` are UTF-8.
fn position_at(bytes: &[u8], at: usize) -> Pos {
    let before = &bytes[..at];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    Pos {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        col: u32::try_from(col).unwrap_or(u32::MAX),
    }
}

/// The spec files of a folder (`.yaml` and `.yml`; hidden entries, and a
/// folder met a second time through a link, left out), sorted.
fn walk_folder(dir: &Path, display: &str, diags: &mut Diagnostics) -> Vec<PathBuf> {
    let mut walk = Walk {
        root: dir,
        display: display.trim_end_matches('/'),
        seen: HashSet::new(),
        paths: Vec::new(),
    };
    if let Ok(canonical) = dir.canonicalize() {
        walk.seen.insert(canonical);
    }
    walk.collect(dir, 0, diags);
    walk.paths.sort();
    walk.paths
}

/// The spec files of a folder as the loader finds them, sorted, with the
/// problems met on the way (`display/…: message`).
pub fn spec_files(dir: &Path, display: &str) -> (Vec<PathBuf>, Vec<String>) {
    let mut diags = Diagnostics::default();
    let paths = walk_folder(dir, display, &mut diags);
    (paths, diags.render(&Sources::default()))
}

/// A path below a spec folder as messages show it: `spec/im/v1/reaction.yaml`.
fn walk_shown(root: &Path, display: &str, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    format!(
        "{display}/{}",
        relative.to_string_lossy().replace('\\', "/")
    )
}

/// The walk of a spec folder: the spec files found, and the folders read.
struct Walk<'a> {
    root: &'a Path,
    display: &'a str,
    /// Canonical paths of the folders read.
    seen: HashSet<PathBuf>,
    paths: Vec<PathBuf>,
}

impl Walk<'_> {
    fn collect(&mut self, dir: &Path, depth: usize, diags: &mut Diagnostics) {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(err) => {
                diags.error_path(
                    walk_shown(self.root, self.display, dir),
                    format!("cannot list the folder: {err}"),
                );
                return;
            }
        };
        let mut entries: Vec<_> = entries.flatten().collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if hidden {
                continue;
            }
            if path.is_dir() {
                if depth >= MAX_DEPTH {
                    continue;
                }
                let canonical = path.canonicalize().unwrap_or_else(|_| path.clone());
                if self.seen.insert(canonical) {
                    self.collect(&path, depth + 1, diags);
                } else {
                    diags.error_path(
                        walk_shown(self.root, self.display, &path),
                        "this folder is a link to a folder of the spec already read (a link back up the tree, or a second link to one folder); it is not read again",
                    );
                }
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("yaml" | "yml")
            ) {
                self.paths.push(path);
            }
        }
    }
}

/// The result of generating from a spec folder.
#[derive(Debug)]
pub struct Output {
    /// The generated items (with stand-ins where the spec is wrong).
    pub tokens: TokenStream,
    /// Every problem, as `file:line:col: message`, in file order.
    pub errors: Vec<String>,
    /// The files read, for rebuild tracking.
    pub files: Vec<PathBuf>,
}

/// Loads and checks a spec folder (after the base spec of `options.base`,
/// when there is one).
fn load_and_check(
    dir: &Path,
    display: &str,
    options: &Options,
) -> (Loaded, model::Model, Diagnostics) {
    let mut diags = Diagnostics::default();
    let mut loaded = Loaded::default();
    let mut base = HashSet::new();
    if let Some(spec) = &options.base {
        load_into(&mut loaded, &spec.dir, &spec.display, &mut diags);
        base = loaded.files.iter().map(|(id, _)| *id).collect();
    }
    load_into(&mut loaded, dir, display, &mut diags);
    let model = check::check_with_base(&loaded.files, &base, &loaded.sources, &mut diags);
    (loaded, model, diags)
}

/// Loads, checks and emits a spec folder (after the base spec of
/// `options.base`, when there is one).
pub fn generate(dir: &Path, display: &str, options: &Options) -> Output {
    let (loaded, model, diags) = load_and_check(dir, display, options);
    let tokens = emit::emit(&model, options);
    Output {
        tokens,
        errors: diags.render(&loaded.sources),
        files: model.files,
    }
}

/// The result of checking a spec folder without generating.
#[derive(Debug)]
pub struct Checked {
    /// Every problem, as `file:line:col: message`, in file order.
    pub errors: Vec<String>,
    /// The files read.
    pub files: Vec<PathBuf>,
}

/// Loads and checks a spec folder (after the base spec of `options.base`,
/// when there is one), without generating: what `lark-spec check` does.
pub fn check_folder(dir: &Path, display: &str, options: &Options) -> Checked {
    let (loaded, model, diags) = load_and_check(dir, display, options);
    Checked {
        errors: diags.render(&loaded.sources),
        files: model.files,
    }
}

/// What the macro hands rustc: the generated items as text, built a chunk
/// at a time, with the problems and the files read.
#[derive(Debug)]
pub struct TextOutput {
    /// The generated items, as Rust source (not formatted).
    pub text: String,
    /// Every problem, as `file:line:col: message`, in file order.
    pub errors: Vec<String>,
    /// The files read, for rebuild tracking.
    pub files: Vec<PathBuf>,
}

/// Loads, checks and emits a spec folder as text (what the macro does; see
/// [`generate`]).
///
/// The text is written a chunk (a service module) at a time, but the chunks'
/// tokens are all dropped at the end: freeing each chunk's millions of small
/// allocations while the next one is being built measured 1.5 to 2 times
/// slower with the system allocator than freeing them together.
pub fn generate_text(dir: &Path, display: &str, options: &Options) -> TextOutput {
    let (loaded, model, diags) = load_and_check(dir, display, options);
    let mut text = String::new();
    let mut chunks = Vec::new();
    emit::emit_into(&model, options, &mut |chunk| {
        use std::fmt::Write;
        let _ = write!(text, "{chunk} ");
        chunks.push(chunk);
    });
    drop(chunks);
    TextOutput {
        text,
        errors: diags.render(&loaded.sources),
        files: model.files,
    }
}

/// Rust source of `replay(client, options, id, parts)`, which builds the
/// typed request of each endpoint of `ids` from its parts as JSON and
/// sends it: what a differential test uses to send, through the generated
/// types, the request another SDK sent. The source refers to the runtime
/// through `options.runtime` and to the generated modules from the crate
/// root, so it goes beside a `use lark_sdk::*`.
///
/// # Errors
/// Every problem of the spec, as `file:line:col: message`.
pub fn replay_source(
    dir: &Path,
    display: &str,
    options: &Options,
    ids: &[String],
) -> Result<String, Vec<String>> {
    let (loaded, model, diags) = load_and_check(dir, display, options);
    if !diags.is_empty() {
        return Err(diags.render(&loaded.sources));
    }
    Ok(format(&emit::replay(&model, options, ids)))
}

/// Formats generated items as Rust source.
pub fn format(tokens: &TokenStream) -> String {
    match syn::parse2::<syn::File>(tokens.clone()) {
        Ok(file) => prettyplease::unparse(&file),
        Err(err) => format!("// the generated tokens do not parse: {err}\n{tokens}\n"),
    }
}

/// The features a crate declares: the keys of the `[features]` table of its
/// `Cargo.toml` text, in key order. The macro uses them to tell a service
/// version whose feature the crate has not declared (generated ungated) from
/// one that is off. A manifest that is not TOML declares none (cargo rejects
/// it before any macro runs).
pub fn declared_features(manifest: &str) -> Vec<String> {
    use toml::de::{DeTable, DeValue};
    let Ok(root) = DeTable::parse(manifest) else {
        return Vec::new();
    };
    match root.get_ref().get("features").map(|v| v.get_ref()) {
        Some(DeValue::Table(features)) => features
            .keys()
            .map(|key| key.get_ref().to_string())
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::declared_features;
    use super::{Diagnostics, load};

    /// A fresh folder under the system's temporary folder.
    fn scratch(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("lark-codegen-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[cfg(unix)]
    #[test]
    fn the_folder_walk_ends_on_link_loops_and_follows_a_linked_root() {
        use std::os::unix::fs::symlink;
        let dir = scratch("links");
        let spec = dir.join("real");
        std::fs::create_dir_all(spec.join("im")).unwrap();
        std::fs::write(spec.join("im/a.yaml"), "types:\n  A: {type: string}\n").unwrap();
        symlink(&spec, spec.join("im/up")).unwrap();
        symlink(".", spec.join("im/here")).unwrap();
        symlink(&spec, dir.join("linked")).unwrap();

        let mut diags = Diagnostics::default();
        let loaded = load(&dir.join("linked"), "spec", &mut diags);
        assert_eq!(loaded.files.len(), 1);
        let shown: Vec<&str> = loaded
            .sources
            .iter()
            .map(|(_, f)| f.display.as_str())
            .collect();
        assert_eq!(shown, ["spec/im/a.yaml"]);
        let problems = diags.render(&loaded.sources);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].starts_with(
                "spec/im/here: this folder is a link to a folder of the spec already read"
            ),
            "{problems:?}"
        );
        assert!(
            problems[1].starts_with("spec/im/up: this folder is a link"),
            "{problems:?}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn text_that_is_not_utf8_is_reported_where_it_stops_being_so() {
        let dir = scratch("utf8");
        std::fs::write(
            dir.join("a.yaml"),
            b"types:\n  \xc3\xa9t\xe9: {type: string}\n",
        )
        .unwrap();
        let mut diags = Diagnostics::default();
        let loaded = load(&dir, "spec", &mut diags);
        assert!(loaded.files.is_empty());
        assert_eq!(
            diags.render(&loaded.sources),
            ["spec/a.yaml:2:5: not UTF-8 text: the first byte that is not UTF-8 is here"]
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn reads_the_features_table_only() {
        let manifest = r#"
[package]
name = "x"
default-run = "x"

[ features ] # spaces inside the brackets
default = ["client", "im"] # the usual set
"im" = ["im-v1"]
'im-v2' = []
im-v1 = []
"contact-v3" = [ # one per line
    "dep:serde",
    # a comment between elements
    "im",
]
client = [
    "dep:reqwest",
    "dep:tokio",
]

[dependencies]
serde = "1"
"#;
        assert_eq!(
            declared_features(manifest),
            ["client", "contact-v3", "default", "im", "im-v1", "im-v2"]
        );
        assert!(declared_features("[package]\nname = \"x\"\n").is_empty());
        assert!(declared_features("[features\n").is_empty());
    }

    #[test]
    fn reads_dotted_and_inline_feature_tables() {
        assert_eq!(
            declared_features("features.im-v1 = []\nfeatures.\"ws\" = [\"im-v1\"]\n"),
            ["im-v1", "ws"]
        );
        assert_eq!(
            declared_features("features = { a = [], b = [\"a\"] }\n"),
            ["a", "b"]
        );
    }
}
