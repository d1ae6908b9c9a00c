//! One named type for each shape met more than once in a version.
//!
//! The metadata writes most structures out where they are used: the
//! message object of `get`, `list` and `reply` is three copies, and a
//! `user_id_type` enum sits in nearly every endpoint. Imported as they are,
//! each copy would become a type of its own. Here every object and enum of
//! one service version is keyed by its shape (fields with their types and
//! required flags, or values, without names), and a shape met twice or
//! more is declared once under `types:` and referred to by name.
//!
//! Names come from where the shape is used, never from the source's
//! schema names: the last field name that says something (`sender` →
//! `Sender`; `items`, `data` and the like say nothing, so a list's element
//! is named after its resource), then the last two, then the name the type
//! would have had inline. A shape takes the name most of its uses prefer
//! (an id-type enum used as `user_id_type` in three resources and as
//! `member_id_type` in one is `UserIdType`); the shape used most takes a
//! name first; ties go by the names and the shape's text, so the output
//! does not depend on input order.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::out::Out;
use super::parts::field;

/// Field names that say nothing of what they hold.
const GENERIC: &[&str] = &[
    "items", "item", "data", "list", "body", "response", "result", "results",
];

/// Keys that belong to the place a type is used, not to the type.
const USE_SITE: &[&str] = &["required", "default"];

/// Where a type expression stands in an endpoint: the type name it would
/// have inline (`GetMessageResponseItemsItem`), and the field names on the
/// way to it.
#[derive(Clone)]
struct Site {
    inline: String,
    keys: Vec<String>,
}

impl Site {
    fn child(&self, key: &str, suffix: &str) -> Site {
        let mut keys = self.keys.clone();
        keys.push(key.to_owned());
        Site {
            inline: format!("{}{}{suffix}", self.inline, pascal(key)),
            keys,
        }
    }

    fn item(&self) -> Site {
        Site {
            inline: format!("{}Item", self.inline),
            keys: self.keys.clone(),
        }
    }

    /// Names to try, most general first, for a type at this site of a
    /// resource's endpoint.
    fn candidates(&self, resource: &str) -> Vec<String> {
        let telling: Vec<&str> = self
            .keys
            .iter()
            .map(String::as_str)
            .filter(|k| !GENERIC.contains(k))
            .collect();
        let mut out = Vec::new();
        match telling.as_slice() {
            [] if self.keys.is_empty() => {}
            [] => out.push(pascal(resource)),
            [.., last] => {
                out.push(pascal(last));
                if let [.., before, last] = telling.as_slice() {
                    out.push(format!("{}{}", pascal(before), pascal(last)));
                } else {
                    out.push(format!("{}{}", pascal(resource), pascal(last)));
                }
            }
        }
        out.push(self.inline.clone());
        out
    }
}

fn pascal(name: &str) -> String {
    crate::check::names::pascal(name)
}

/// Whether a type expression declares a type of its own (an object or an enum).
fn is_named_kind(ty: &Out) -> bool {
    matches!(
        field(ty, "type"),
        Some(Out::Str(kind)) if kind == "object" || kind == "enum"
    )
}

/// A type expression's shape: its text without `type_name`, and, at its
/// root, without the keys of the place it is used.
fn shape(ty: &Out, root: bool) -> String {
    let mut text = String::new();
    write_shape(ty, root, &mut text);
    text
}

fn write_shape(ty: &Out, root: bool, text: &mut String) {
    match ty {
        Out::Str(s) => {
            text.push('"');
            text.push_str(&s.replace('\\', "\\\\").replace('"', "\\\""));
            text.push('"');
        }
        Out::Int(n) => text.push_str(&n.to_string()),
        Out::Bool(b) => text.push_str(if *b { "true" } else { "false" }),
        Out::Seq(items) => {
            text.push('[');
            for item in items {
                write_shape(item, false, text);
                text.push(',');
            }
            text.push(']');
        }
        Out::Map(entries) => {
            text.push('{');
            for (key, value) in entries {
                if key == "type_name" || (root && USE_SITE.contains(&key.as_str())) {
                    continue;
                }
                text.push('"');
                text.push_str(key);
                text.push_str("\":");
                // The fields of an object are each a root of their own
                // shape, but their required flags are the object's.
                write_shape(value, false, text);
                text.push(',');
            }
            text.push('}');
        }
    }
}

/// A shape's uses, counted in the first pass.
#[derive(Default)]
struct Uses {
    count: usize,
    /// By the name each use prefers: how many uses prefer it, and the
    /// least (in order) of their lists of candidates.
    names: BTreeMap<String, (usize, Vec<String>)>,
}

/// The type expressions of an endpoint or an event, each with its site and whether
/// it may be shared itself: a parameter's type may, a body or an answer
/// keeps the endpoint's name (what it holds is shared).
fn roots<'a>(ep: &'a mut Out, prefix: &str) -> Vec<(&'a mut Out, Site, bool)> {
    let mut out = Vec::new();
    let Out::Map(entries) = ep else {
        return out;
    };
    for (key, value) in entries.iter_mut() {
        match key.as_str() {
            // An event's fields stand as its parameters do: each may be shared.
            "path_params" | "query" | "headers" | "fields" => {
                if let Out::Map(params) = value {
                    for (name, ty) in params.iter_mut() {
                        let site = Site {
                            inline: format!("{prefix}{}", pascal(name)),
                            keys: vec![name.clone()],
                        };
                        out.push((ty, site, true));
                    }
                }
            }
            "body" | "response" => {
                let role = if key == "body" {
                    "RequestBody"
                } else {
                    "Response"
                };
                let site = Site {
                    inline: format!("{prefix}{role}"),
                    keys: Vec::new(),
                };
                out.push((value, site, false));
            }
            _ => {}
        }
    }
    out
}

/// The children of a type expression (fields, items), each with its site.
fn children<'a>(ty: &'a mut Out, site: &Site) -> Vec<(&'a mut Out, Site)> {
    let mut out = Vec::new();
    let Out::Map(entries) = ty else {
        return out;
    };
    for (key, value) in entries.iter_mut() {
        match key.as_str() {
            "fields" => {
                if let Out::Map(fields) = value {
                    for (name, f) in fields.iter_mut() {
                        out.push((f, site.child(name, "")));
                    }
                }
            }
            "items" => out.push((value, site.item())),
            _ => {}
        }
    }
    out
}

fn count(
    ty: &mut Out,
    site: &Site,
    shared: bool,
    resource: &str,
    uses: &mut HashMap<String, Uses>,
) {
    for (child, child_site) in children(ty, site) {
        count(child, &child_site, true, resource, uses);
    }
    if shared && is_named_kind(ty) {
        let entry = uses.entry(shape(ty, true)).or_default();
        entry.count += 1;
        let candidates = site.candidates(resource);
        let first = candidates.first().cloned().unwrap_or_default();
        let (n, least) = entry
            .names
            .entry(first)
            .or_insert_with(|| (0, candidates.clone()));
        *n += 1;
        if candidates < *least {
            *least = candidates;
        }
    }
}

fn replace(
    ty: &mut Out,
    site: &Site,
    shared: bool,
    names: &HashMap<String, String>,
    types: &mut BTreeMap<String, Out>,
) {
    let key = (shared && is_named_kind(ty)).then(|| shape(ty, true));
    for (child, child_site) in children(ty, site) {
        replace(child, &child_site, true, names, types);
    }
    let Some(name) = key.and_then(|k| names.get(&k)) else {
        return;
    };
    let Out::Map(entries) = std::mem::replace(ty, Out::map()) else {
        return;
    };
    let mut definition = Out::map();
    let mut reference = Out::map();
    reference.set("type", Out::str(name));
    for (key, value) in entries {
        if USE_SITE.contains(&key.as_str()) {
            reference.set(&key, value);
        } else if key != "type_name" {
            definition.set(&key, value);
        }
    }
    types.entry(name.clone()).or_insert(definition);
    *ty = reference;
}

/// The endpoints of one service version, by resource, with their prefix
/// of inline type names (`GetMessage`).
pub(super) type Version<'a> = Vec<(&'a str, &'a mut Out, String)>;

/// Replaces every shape met twice or more in one version by a named type,
/// and returns the types so named. `taken` holds names the version's
/// generated code already has.
pub(super) fn share(mut endpoints: Version<'_>, taken: &BTreeSet<String>) -> BTreeMap<String, Out> {
    let mut uses: HashMap<String, Uses> = HashMap::new();
    for (resource, ep, prefix) in endpoints.iter_mut() {
        for (ty, site, shared) in roots(ep, prefix) {
            count(ty, &site, shared, resource, &mut uses);
        }
    }
    let mut shared: Vec<(String, Uses)> = uses.into_iter().filter(|(_, u)| u.count > 1).collect();
    shared.sort_by(|(a, ua), (b, ub)| ub.count.cmp(&ua.count).then_with(|| a.cmp(b)));
    let mut used: BTreeSet<String> = taken.clone();
    used.extend(
        crate::check::names::PRELUDE_NAMES
            .iter()
            .map(|n| (*n).to_owned()),
    );
    let mut names = HashMap::new();
    for (key, u) in shared {
        // The name most uses prefer, ties to the first in order, with
        // the candidates that come after it.
        let Some((_, (_, candidates))) = u
            .names
            .iter()
            .max_by(|(a, (na, _)), (b, (nb, _))| na.cmp(nb).then_with(|| b.cmp(a)))
        else {
            continue;
        };
        let valid = |n: &String| n.starts_with(|c: char| c.is_ascii_uppercase());
        let chosen = candidates
            .iter()
            .find(|n| valid(n) && !used.contains(*n))
            .cloned()
            .unwrap_or_else(|| {
                let base = candidates.last().cloned().unwrap_or_default();
                (2..)
                    .map(|n| format!("{base}{n}"))
                    .find(|n| !used.contains(n))
                    .unwrap_or(base)
            });
        used.insert(chosen.clone());
        names.insert(key, chosen);
    }
    let mut types = BTreeMap::new();
    for (_, ep, prefix) in endpoints.iter_mut() {
        for (ty, site, shared) in roots(ep, prefix) {
            replace(ty, &site, shared, &names, &mut types);
        }
    }
    types
}
