//! The curation layer: names chosen by hand for imported items, kept in
//! files of their own so that importing again keeps them. An import reads
//! them and writes them into the files it makes:
//!
//! ```yaml
//! service: im
//! version: v1
//! endpoints:
//!   - method: GET
//!     path: /open-apis/im/v1/messages/:message_id
//!     summary: Get a message
//!     errors:
//!       - code: 230002
//!         name: BotNotInChat
//!         message: "The bot can not be outside the group."
//!         remedy: "Add the bot to the chat."
//! events:
//!   - {event_type: im.chat.updated_v1, summary: "A chat's settings changed"}
//! types:
//!   - {from: GetMessageResponseItemsItem, to: ListedMessage}
//! ```
//!
//! A row's `message` is the wire `msg` as the endpoint's page gives it,
//! for a row whose `msg` the source leaves empty; it never replaces one.
//! An endpoint is found by its method and path, an event by its type, a
//! type by the name the import gave a shared shape of the file's version.
//! An entry that finds nothing, a name that is not `PascalCase` or that
//! another row of the table (or a platform-wide row) already has, is a
//! problem at the entry's line: nothing is written until it is mended.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use super::out::Out;
use super::parts::{entries, field, get, items, parse, text};
use crate::check::names::is_pascal;
use crate::yaml::{Node, NodeKind};

/// An entry's place: `curation/im/v1.yaml:12:7`.
type At = String;

/// The names of one endpoint's items.
struct EndpointNames {
    at: At,
    /// `(service, version)` of its file, which its path must be in.
    version: (String, String),
    summary: Option<String>,
    /// By code: the row's name and remedy.
    errors: BTreeMap<i64, ErrorNames>,
}

struct ErrorNames {
    at: At,
    name: Option<String>,
    remedy: Option<String>,
    /// The wire `msg`, from the endpoint's page, where the source has none.
    message: Option<String>,
}

struct EventNames {
    at: At,
    version: (String, String),
    summary: String,
}

struct Rename {
    at: At,
    from: String,
    to: String,
}

/// The curation layer of an import.
#[derive(Default)]
pub(super) struct Names {
    /// `(METHOD, path)` → names.
    endpoints: BTreeMap<(String, String), EndpointNames>,
    events: BTreeMap<String, EventNames>,
    /// `(service, version)` → shared types renamed.
    types: BTreeMap<(String, String), Vec<Rename>>,
    /// Entries applied, by their place; the others found nothing.
    used: BTreeSet<At>,
}

/// Where a node is, in `file`.
fn at(file: &str, node: &Node) -> At {
    format!("{file}:{}:{}", node.loc.pos.line, node.loc.pos.col)
}

/// Reads the curation files (`(name shown, text)`).
///
/// # Errors
/// A file that is not YAML, an entry without what finds it, a name that
/// is not `PascalCase`, or an item named twice, each with where.
pub(super) fn read(files: &BTreeMap<PathBuf, String>) -> Result<Names, Vec<String>> {
    let mut names = Names::default();
    let mut problems = Vec::new();
    for (path, source) in files {
        let file = path.display().to_string();
        let root = match parse(&file, source) {
            Ok(root) => root,
            Err(found) => {
                problems.extend(found);
                continue;
            }
        };
        let (Some(service), Some(version)) =
            (text(get(&root, "service")), text(get(&root, "version")))
        else {
            problems.push(format!(
                "{}: a curation file names its `service` and `version`",
                at(&file, &root)
            ));
            continue;
        };
        let version = (service.to_owned(), version.to_owned());
        for (key, _) in entries(Some(&root)) {
            if !matches!(
                key.text.as_str(),
                "service" | "version" | "endpoints" | "events" | "types"
            ) {
                problems.push(format!(
                    "{file}:{}:{}: unknown key `{}` (a curation file has service, version, endpoints, events and types)",
                    key.loc.pos.line, key.loc.pos.col, key.text
                ));
            }
        }
        for ep in items(get(&root, "endpoints")) {
            let here = at(&file, ep);
            let (Some(method), Some(path)) = (text(get(ep, "method")), text(get(ep, "path")))
            else {
                problems.push(format!(
                    "{here}: an endpoint's names need its `method` and `path`"
                ));
                continue;
            };
            let summary = text(get(ep, "summary")).map(str::to_owned);
            let mut errors = BTreeMap::new();
            for row in items(get(ep, "errors")) {
                let row_at = at(&file, row);
                let Some(code) = text(get(row, "code")).and_then(|c| c.parse::<i64>().ok()) else {
                    problems.push(format!("{row_at}: an error row's names need its `code`"));
                    continue;
                };
                let name = text(get(row, "name")).map(str::to_owned);
                if let Some(name) = &name
                    && (!is_pascal(name)
                        || matches!(name.as_str(), "Unhandled" | "Platform" | "Specs"))
                {
                    problems.push(format!(
                        "{row_at}: `{name}` cannot name an error variant (PascalCase, and not Unhandled, Platform or Specs)"
                    ));
                }
                let remedy = text(get(row, "remedy")).map(str::to_owned);
                let message = text(get(row, "message")).map(str::to_owned);
                let names = ErrorNames {
                    at: row_at.clone(),
                    name,
                    remedy,
                    message,
                };
                if errors.insert(code, names).is_some() {
                    problems.push(format!("{row_at}: error {code} is named twice"));
                }
            }
            let key = (method.to_ascii_uppercase(), path.to_owned());
            let names_of = EndpointNames {
                at: here.clone(),
                version: version.clone(),
                summary,
                errors,
            };
            if let Some(first) = names.endpoints.insert(key, names_of) {
                problems.push(format!(
                    "{here}: {method} {path} is named twice (first at {})",
                    first.at
                ));
            }
        }
        for ev in items(get(&root, "events")) {
            let here = at(&file, ev);
            let (Some(event_type), Some(summary)) =
                (text(get(ev, "event_type")), text(get(ev, "summary")))
            else {
                problems.push(format!(
                    "{here}: an event's names need its `event_type` and a `summary`"
                ));
                continue;
            };
            let names_of = EventNames {
                at: here.clone(),
                version: version.clone(),
                summary: summary.to_owned(),
            };
            if let Some(first) = names.events.insert(event_type.to_owned(), names_of) {
                problems.push(format!(
                    "{here}: {event_type} is named twice (first at {})",
                    first.at
                ));
            }
        }
        for ty in items(get(&root, "types")) {
            let here = at(&file, ty);
            let (Some(from), Some(to)) = (text(get(ty, "from")), text(get(ty, "to"))) else {
                problems.push(format!("{here}: a type's new name needs `from` and `to`"));
                continue;
            };
            if !is_pascal(to) {
                problems.push(format!("{here}: `{to}` cannot name a type (PascalCase)"));
            }
            names
                .types
                .entry(version.clone())
                .or_default()
                .push(Rename {
                    at: here,
                    from: from.to_owned(),
                    to: to.to_owned(),
                });
        }
    }
    if problems.is_empty() {
        Ok(names)
    } else {
        Err(problems)
    }
}

/// An English summary put before the platform's own: `{en: …, zh: …}`.
fn with_english(summary: Option<&Out>, english: &str) -> Out {
    let mut out = Out::map();
    out.set("en", Out::str(english));
    if let Some(Out::Map(entries)) = summary {
        for (lang, text) in entries {
            if lang != "en" {
                out.set(lang, text.clone());
            }
        }
    }
    out
}

/// Sets `key` in a mapping, in place when it is there, else after `after`
/// (or last).
fn put(map: &mut Out, key: &str, value: Out, after: &str) {
    let Out::Map(entries) = map else { return };
    if let Some(slot) = entries.iter_mut().find(|(k, _)| k == key) {
        slot.1 = value;
        return;
    }
    let place = entries
        .iter()
        .position(|(k, _)| k == after)
        .map_or(entries.len(), |i| i + 1);
    entries.insert(place, (key.to_owned(), value));
}

impl Names {
    /// Writes the names of an imported endpoint into it (`service` and
    /// `version`: where the import put it). `platform`: the platform-wide
    /// rows' names, with their codes.
    pub(super) fn endpoint(
        &mut self,
        ep: &mut Out,
        version: (&str, &str),
        platform: &BTreeMap<String, i64>,
        problems: &mut Vec<String>,
    ) {
        let (Some(Out::Str(method)), Some(Out::Str(path))) =
            (field(ep, "method"), field(ep, "path"))
        else {
            return;
        };
        let (method, path) = (method.clone(), path.clone());
        let Some(names) = self.endpoints.get(&(method.clone(), path.clone())) else {
            return;
        };
        self.used.insert(names.at.clone());
        if let Some(problem) = misplaced(
            &names.at,
            &format!("{method} {path}"),
            version,
            &names.version,
        ) {
            problems.push(problem);
            return;
        }
        if let Some(english) = &names.summary {
            let summary = with_english(field(ep, "summary"), english);
            put(ep, "summary", summary, "name");
        }
        let Some(Out::Seq(rows)) = super::parts::field_mut(ep, "errors") else {
            for names in names.errors.values() {
                problems.push(format!("{}: {method} {path} has no error table", names.at));
            }
            return;
        };
        let code_of = |row: &Out| match field(row, "code") {
            Some(Out::Int(code)) => Some(*code),
            _ => None,
        };
        for (code, row_names) in &names.errors {
            let Some(row) = rows.iter_mut().find(|row| code_of(row) == Some(*code)) else {
                problems.push(format!(
                    "{}: {method} {path} has no error row {code}",
                    row_names.at
                ));
                continue;
            };
            if let Some(name) = &row_names.name {
                if platform.get(name).is_some_and(|c| c != code) {
                    problems.push(format!(
                        "{}: `{name}` is the platform-wide row {}'s name",
                        row_names.at, platform[name]
                    ));
                }
                put(row, "name", Out::str(name), "code");
            }
            if let Some(message) = &row_names.message {
                match field(row, "message") {
                    Some(Out::Str(known)) if !known.is_empty() && known != message => {
                        problems.push(format!(
                            "{}: the source gives {code} the msg `{known}`: a curated message only fills an empty one",
                            row_names.at
                        ));
                    }
                    _ => put(row, "message", Out::str(message), "http"),
                }
            }
            if let Some(remedy) = &row_names.remedy {
                let mut text = Out::map();
                text.set("en", Out::str(remedy));
                put(row, "remedy", text, "message");
            }
        }
        // Names stay unique in the table.
        let mut seen: BTreeMap<String, i64> = BTreeMap::new();
        for row in rows.iter() {
            let (Some(code), Some(Out::Str(name))) = (code_of(row), field(row, "name")) else {
                continue;
            };
            if let Some(first) = seen.insert(name.clone(), code) {
                let at = [code, first]
                    .iter()
                    .find_map(|c| names.errors.get(c))
                    .map_or(names.at.as_str(), |n| n.at.as_str());
                problems.push(format!(
                    "{at}: {method} {path}: rows {first} and {code} are both named `{name}`"
                ));
            }
        }
    }

    /// Writes the English summary of an imported event into it.
    pub(super) fn event(
        &mut self,
        ev: &mut Out,
        version: (&str, &str),
        problems: &mut Vec<String>,
    ) {
        let Some(Out::Str(event_type)) = field(ev, "event_type") else {
            return;
        };
        let Some(names) = self.events.get(event_type) else {
            return;
        };
        self.used.insert(names.at.clone());
        if let Some(problem) = misplaced(&names.at, event_type, version, &names.version) {
            problems.push(problem);
            return;
        }
        let summary = with_english(field(ev, "summary"), &names.summary);
        put(ev, "summary", summary, "schema");
    }

    /// Renames the shared types of a version (`shared`: name → shape)
    /// where the curation says so, and every use of them in `uses` (the
    /// version's endpoints and events). `taken`: names the version's
    /// other types have.
    pub(super) fn types(
        &mut self,
        version: (&str, &str),
        shared: &mut BTreeMap<String, Out>,
        uses: &mut [&mut Out],
        taken: &BTreeSet<String>,
        problems: &mut Vec<String>,
    ) {
        let Some(renames) = self
            .types
            .get(&(version.0.to_owned(), version.1.to_owned()))
        else {
            return;
        };
        for rename in renames {
            let Some(shape) = shared.remove(&rename.from) else {
                continue;
            };
            self.used.insert(rename.at.clone());
            if shared.contains_key(&rename.to) || taken.contains(&rename.to) {
                problems.push(format!(
                    "{}: `{}` is already a type of {} {}",
                    rename.at, rename.to, version.0, version.1
                ));
            }
            shared.insert(rename.to.clone(), shape);
            for shape in shared.values_mut() {
                retype(shape, &rename.from, &rename.to);
            }
            for out in uses.iter_mut() {
                retype(out, &rename.from, &rename.to);
            }
        }
    }

    /// The entries that found nothing to name, each with where.
    pub(super) fn unused(&self) -> Vec<String> {
        let endpoints = self.endpoints.iter().map(|((method, path), names)| {
            (
                &names.at,
                format!("no imported endpoint is {method} {path}"),
            )
        });
        let events = self
            .events
            .iter()
            .map(|(event_type, names)| (&names.at, format!("no imported event is {event_type}")));
        let types = self.types.iter().flat_map(|((service, version), renames)| {
            renames.iter().map(move |r| {
                (
                    &r.at,
                    format!("{service} {version} has no shared type `{}`", r.from),
                )
            })
        });
        endpoints
            .chain(events)
            .chain(types)
            .filter(|(at, _)| !self.used.contains(*at))
            .map(|(at, what)| {
                format!("{at}: {what} (a curated file may describe it, or the source renamed it)")
            })
            .collect()
    }
}

/// An entry for an item the import puts in another version than the
/// entry's file names.
fn misplaced(
    at: &str,
    what: &str,
    version: (&str, &str),
    file: &(String, String),
) -> Option<String> {
    ((file.0.as_str(), file.1.as_str()) != version).then(|| {
        format!(
            "{at}: {what} is imported into {} {}, not this file's {} {}",
            version.0, version.1, file.0, file.1
        )
    })
}

/// Every `type: from` under `out` becomes `type: to`.
fn retype(out: &mut Out, from: &str, to: &str) {
    match out {
        Out::Map(entries) => {
            for (key, value) in entries {
                match value {
                    Out::Str(name) if key == "type" && name == from => *name = to.to_owned(),
                    value => retype(value, from, to),
                }
            }
        }
        Out::Seq(items) => {
            for item in items {
                retype(item, from, to);
            }
        }
        _ => {}
    }
}

/// A node read back as what the import's writer wrote: a plain whole
/// number is a number, plain `true`/`false` a boolean, any other scalar a
/// string.
fn out_of(node: &Node) -> Out {
    match &node.kind {
        NodeKind::Scalar { text, plain: true } if text == "true" || text == "false" => {
            Out::Bool(text == "true")
        }
        NodeKind::Scalar { text, plain: true } => text
            .parse::<i64>()
            .map_or_else(|_| Out::Str(text.clone()), Out::Int),
        NodeKind::Scalar { text, .. } => Out::Str(text.clone()),
        NodeKind::Seq(items) => Out::Seq(items.iter().map(out_of).collect()),
        NodeKind::Map(entries) => Out::Map(
            entries
                .iter()
                .map(|(key, value)| (key.text.clone(), out_of(value)))
                .collect(),
        ),
    }
}

/// Whether the imported files of a spec folder (`spec`: path under it,
/// text) carry the curation layer: each is written again with the names
/// applied, and must come out as it is; each entry must find its item.
pub(super) fn hold(
    curation: &BTreeMap<PathBuf, String>,
    spec: &BTreeMap<PathBuf, String>,
    platform: &BTreeMap<String, i64>,
) -> Vec<String> {
    let mut names = match read(curation) {
        Ok(names) => names,
        Err(problems) => return problems,
    };
    let mut problems = Vec::new();
    let header = vec![super::HEADER.to_owned()];
    // `(service, version)` → the shared types' names.
    let mut shared: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for (path, source) in spec {
        if !super::is_imported(source) {
            continue;
        }
        let shown = path.display().to_string();
        let root = match parse(&shown, source) {
            Ok(root) => out_of(&root),
            Err(found) => {
                problems.extend(found);
                continue;
            }
        };
        let (Some(Out::Str(service)), Some(Out::Str(version))) =
            (field(&root, "service"), field(&root, "version"))
        else {
            continue;
        };
        let version = (service.clone(), version.clone());
        if let Some(Out::Map(types)) = field(&root, "types") {
            shared
                .entry(version.clone())
                .or_default()
                .extend(types.iter().map(|(name, _)| name.clone()));
        }
        let mut named = root.clone();
        let mut found = Vec::new();
        if let Out::Map(entries) = &mut named {
            for (key, list) in entries.iter_mut() {
                let Out::Seq(items) = list else { continue };
                for item in items.iter_mut() {
                    let at = (version.0.as_str(), version.1.as_str());
                    match key.as_str() {
                        "endpoints" => names.endpoint(item, at, platform, &mut found),
                        "events" => names.event(item, at, &mut found),
                        _ => {}
                    }
                }
            }
        }
        problems.extend(found);
        if super::out::document(&header, &named) != *source {
            problems.push(format!(
                "{shown}: does not carry the names of the curation layer: import again with `--names`"
            ));
        }
    }
    // A type renamed is declared by its new name, and its old one is gone.
    for ((service, version), renames) in &names.types {
        let declared = shared
            .get(&(service.clone(), version.clone()))
            .cloned()
            .unwrap_or_default();
        for rename in renames {
            names.used.insert(rename.at.clone());
            if !declared.contains(&rename.to) || declared.contains(&rename.from) {
                problems.push(format!(
                    "{}: {service} {version} declares no shared type `{}` in place of `{}`: import again with `--names`",
                    rename.at, rename.to, rename.from
                ));
            }
        }
    }
    problems.extend(names.unused());
    problems
}
