//! What the curated (hand-written) files of a folder hold, for an import
//! into it: the endpoints they describe, the type names they declare, and
//! their paths.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use super::out::Out;
use super::parts::{entries, field, get, items, parse, text};

#[derive(Default)]
pub(super) struct Curated {
    /// `(METHOD, /open-apis/… path)` → the file describing it.
    endpoints: BTreeMap<(String, String), String>,
    /// `(service, version)` → type names declared there; `("", "")` for
    /// the files of no version.
    types: BTreeMap<(String, String), BTreeSet<String>>,
    /// Paths of curated files under the folder.
    paths: BTreeSet<PathBuf>,
    /// Event types → the file describing it.
    events: BTreeMap<String, String>,
    /// The platform-wide error rows' names, with their codes: an
    /// endpoint's own row may not take one of them for another code.
    pub(super) platform_errors: BTreeMap<String, i64>,
}

/// Reads the files that are not an import's.
pub(super) fn read(existing: &BTreeMap<PathBuf, String>) -> Result<Curated, Vec<String>> {
    let mut curated = Curated::default();
    let mut problems = Vec::new();
    for (path, source) in existing {
        if super::is_imported(source) {
            continue;
        }
        curated.paths.insert(path.clone());
        let shown = path.display().to_string();
        let root = match parse(&shown, source) {
            Ok(root) => root,
            Err(found) => {
                problems.extend(found);
                continue;
            }
        };
        let (service, version) = (text(get(&root, "service")), text(get(&root, "version")));
        // A file of no version (`common/`) declares names every version
        // sees: a version's own type of that name would hide it there.
        let key = match (service, version) {
            (Some(service), Some(version)) => (service.to_owned(), version.to_owned()),
            _ => Default::default(),
        };
        let names = curated.types.entry(key).or_default();
        for (name, _) in entries(get(&root, "types")) {
            names.insert(name.text.clone());
        }
        for row in items(get(&root, "platform_errors")) {
            if let (Some(name), Some(code)) = (
                text(get(row, "name")),
                text(get(row, "code")).and_then(|c| c.parse().ok()),
            ) {
                curated.platform_errors.insert(name.to_owned(), code);
            }
        }
        for ev in items(get(&root, "events")) {
            if let Some(t) = text(get(ev, "event_type")) {
                curated
                    .events
                    .entry(t.to_owned())
                    .or_insert_with(|| shown.clone());
            }
        }
        for ep in items(get(&root, "endpoints")) {
            if let (Some(method), Some(path)) = (text(get(ep, "method")), text(get(ep, "path"))) {
                curated
                    .endpoints
                    .entry((method.to_ascii_uppercase(), path.to_owned()))
                    .or_insert_with(|| shown.clone());
            }
        }
    }
    if problems.is_empty() {
        Ok(curated)
    } else {
        Err(problems)
    }
}

impl Curated {
    /// The curated file that describes an imported endpoint, if one does.
    pub(super) fn endpoint(&self, ep: &Out) -> Option<&str> {
        let (Some(Out::Str(method)), Some(Out::Str(path))) =
            (field(ep, "method"), field(ep, "path"))
        else {
            return None;
        };
        self.endpoints
            .get(&(method.clone(), path.clone()))
            .map(String::as_str)
    }

    /// The curated file that describes an event type, if one does.
    pub(super) fn event(&self, event_type: &str) -> Option<&str> {
        self.events.get(event_type).map(String::as_str)
    }

    /// The type names curated files declare in a version, and those of
    /// the files of no version, which every version sees.
    pub(super) fn types(&self, service: &str, version: &str) -> BTreeSet<String> {
        let mut names = self
            .types
            .get(&(service.to_owned(), version.to_owned()))
            .cloned()
            .unwrap_or_default();
        if let Some(everywhere) = self.types.get(&Default::default()) {
            names.extend(everywhere.iter().cloned());
        }
        names
    }

    /// Where an imported file goes: its own path, or, when a curated file
    /// has that path, beside it (`x.yaml` → `x.imported.yaml`).
    pub(super) fn beside(&self, path: PathBuf) -> PathBuf {
        if !self.paths.contains(&path) {
            return path;
        }
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        path.with_file_name(format!("{stem}.imported.yaml"))
    }
}
