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
pub mod decode;
pub mod diag;
pub mod emit;
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
pub use emit::{Calls, Options, SpecDir};

use decode::{Cx, Decode};
use diag::FileId;
use spec::SpecFile;

/// Spec files, folders deeper than this are not read.
const MAX_DEPTH: usize = 16;

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
pub fn load_into(loaded: &mut Loaded, dir: &Path, display: &str, diags: &mut Diagnostics) {
    let mut paths = Vec::new();
    if !dir.is_dir() {
        diags.error_path(display, "spec folder not found");
        return;
    }
    collect(dir, 0, &mut paths, display, diags);
    paths.sort();
    if paths.is_empty() {
        diags.error_path(display, "no .yaml files in the spec folder");
    }
    for path in paths {
        let relative = path.strip_prefix(dir).unwrap_or(&path);
        let shown = format!(
            "{}/{}",
            display.trim_end_matches('/'),
            relative.to_string_lossy().replace('\\', "/")
        );
        let text = match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(_) => {
                    diags.error_path(shown, "not UTF-8 text");
                    continue;
                }
            },
            Err(err) => {
                diags.error_path(shown, format!("cannot read: {err}"));
                continue;
            }
        };
        let id = loaded.sources.add(SourceFile {
            path: path.clone(),
            display: shown,
            text,
        });
        let node = yaml::parse(id, &loaded.sources.get(id).text, diags);
        if let Some(file) = node.and_then(|n| SpecFile::decode(&n, &mut Cx { diags })) {
            loaded.files.push((id, file));
        }
    }
}

fn collect(
    dir: &Path,
    depth: usize,
    out: &mut Vec<PathBuf>,
    display: &str,
    diags: &mut Diagnostics,
) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            diags.error_path(display, format!("cannot list {}: {err}", dir.display()));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        if path.is_dir() {
            if depth < MAX_DEPTH {
                collect(&path, depth + 1, out, display, diags);
            }
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        ) {
            out.push(path);
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
