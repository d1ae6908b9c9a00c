//! Checking: from what the author wrote to the [`Model`] emission reads.
//!
//! One `Checker` walks every file, records every problem into the shared
//! [`Diagnostics`] and still builds a complete model, with stand-ins where the
//! spec is wrong.

mod bounds;
mod directions;
mod endpoint;
mod errors;
pub(crate) use errors::{derived_name, platform_variant};
mod event;
mod graph;

pub(crate) use graph::MAX_SCOPED_PATHS;
pub mod names;
mod pagination;
mod params;
pub(crate) mod reserved;
mod types;
mod unions;
mod unknown;

use std::collections::{HashMap, HashSet};

use crate::decode::Spanned;
use crate::diag::{Diagnostics, FileId, Loc, Sources};
use crate::model::{Model, Module, ModuleId, TypeId};
use crate::rustdoc;
use crate::spec::SpecFile;

/// The namespace of names generated at the crate root (the enum over all events).
pub(crate) const ROOT: ModuleId = ModuleId(usize::MAX);

/// Checks loaded spec files and builds the model.
pub fn check(files: &[(FileId, SpecFile)], sources: &Sources, diags: &mut Diagnostics) -> Model {
    check_with_base(files, &HashSet::new(), sources, diags)
}

/// Checks loaded spec files, of which those in `base` belong to the base
/// spec: checked and referable like the others, but generated in the
/// runtime crate (their model items are marked `external`).
pub fn check_with_base(
    files: &[(FileId, SpecFile)],
    base: &HashSet<FileId>,
    sources: &Sources,
    diags: &mut Diagnostics,
) -> Model {
    let mut cx = Checker {
        diags,
        sources,
        model: Model::default(),
        modules: HashMap::new(),
        taken: HashMap::new(),
        suffixes: HashMap::new(),
        named: HashMap::new(),
        event_types: HashMap::new(),
        resource_names: HashMap::new(),
        modules_with_calls: HashSet::new(),
        methods: HashMap::new(),
        type_locs: Vec::new(),
        stand_ins: HashSet::new(),
        inline_names: HashMap::new(),
        suggestions: HashMap::new(),
        suggestions_made: HashMap::new(),
        suggestion_work: 0,
        has_base: !base.is_empty(),
        platform_codes: HashMap::new(),
        scope_places: HashMap::new(),
        platform_applying: Vec::new(),
        external: false,
        files_allowed: false,
    };
    cx.model.files = sources.iter().map(|(_, f)| f.path.clone()).collect();

    let placed: Vec<Placed<'_>> = files
        .iter()
        .map(|(id, file)| Placed {
            module: cx.module_of(file),
            file,
            external: base.contains(id),
        })
        .collect();
    // The generated call groups' names first, so that a spec type taking
    // one is what is reported.
    let resources: Vec<Option<String>> = placed
        .iter()
        .map(|p| {
            cx.note_inline_names(p.file);
            cx.claim_calls(p.module, p.file)
        })
        .collect();
    let declared: Vec<Vec<TypeId>> = placed
        .iter()
        .map(|p| {
            cx.external = p.external;
            cx.declare_types(p.module, p.file)
        })
        .collect();
    for (p, ids) in placed.iter().zip(&declared) {
        cx.external = p.external;
        cx.define_types(p.module, p.file, ids);
    }
    cx.alias_cycles();
    cx.platform_errors(&placed);
    for (p, resource) in placed.iter().zip(&resources) {
        cx.check_builtin_names(p.file);
        cx.external = p.external;
        if let Some(resource) = resource {
            cx.endpoints(p.module, p.file, resource);
        }
        cx.events(p.module, p.file);
    }
    cx.union_uses();
    directions::directions(&mut cx.model);
    for place in graph::finish(&mut cx.model) {
        let Some(&loc) = cx.scope_places.get(&place) else {
            continue;
        };
        let what = if place.2 { "event's body" } else { "response" };
        cx.diags.error(
            loc,
            format!(
                "the fields with scopes (字段权限) under this {what} make more than {} dotted paths through its nested types; nest them less, or give fewer fields `scopes`",
                graph::MAX_SCOPED_PATHS
            ),
        );
    }
    cx.model
}

/// A loaded file with its module, and whether it belongs to the base spec.
pub(crate) struct Placed<'a> {
    pub module: ModuleId,
    pub file: &'a SpecFile,
    pub external: bool,
}

/// What is being checked, and what has been seen so far.
pub(crate) struct Checker<'a> {
    pub diags: &'a mut Diagnostics,
    /// While an upload's body is read: `type: binary` is a file there.
    files_allowed: bool,
    pub sources: &'a Sources,
    pub model: Model,
    /// Module by key (`im.v1`, `common`).
    modules: HashMap<String, ModuleId>,
    /// Rust names used in each module: what uses it and where.
    taken: HashMap<(ModuleId, String), (String, Loc)>,
    /// The next suffix to try for a stand-in of a name taken twice.
    suffixes: HashMap<(ModuleId, String), u32>,
    /// Named spec types by module and name.
    named: HashMap<(ModuleId, String), (TypeId, Loc)>,
    /// Event types seen, with where.
    event_types: HashMap<String, Loc>,
    /// Resources seen per module, as written, with the name used (a
    /// stand-in when the written one is taken).
    resource_names: HashMap<(ModuleId, String), String>,
    /// Version modules whose call groups are named.
    modules_with_calls: HashSet<ModuleId>,
    /// Methods of the generated call groups: what each is and where.
    methods: HashMap<(reserved::Group, String), (String, Loc)>,
    /// Where each type is defined, by [`TypeId`].
    pub type_locs: Vec<Loc>,
    /// Types standing in for a mistake already reported (an alias of an
    /// unknown type, a member of an alias cycle): their uses are not
    /// reported again.
    pub stand_ins: HashSet<TypeId>,
    /// Where each `type_name` of an inline type is first given.
    inline_names: HashMap<String, Loc>,
    /// The names of each module (and the built-in types, under [`ROOT`]),
    /// to suggest one for an unknown name; built at the first.
    suggestions: HashMap<ModuleId, unknown::Suggestions>,
    /// The suggestion made for each unknown name in each module.
    suggestions_made: HashMap<(ModuleId, String), Option<String>>,
    /// Candidates compared for suggestions so far.
    suggestion_work: usize,
    /// Whether a base spec was given.
    has_base: bool,
    /// Where each endpoint's response and each event is, by module, index
    /// and whether it is an event, for problems with their scoped fields.
    pub scope_places: HashMap<graph::ScopedPlace, Loc>,
    /// The platform-wide table's rows by code.
    platform_codes: HashMap<i64, usize>,
    /// The rows of the platform-wide table with a name and `applies`.
    platform_applying: Vec<usize>,
    /// Whether the file being checked belongs to the base spec.
    pub external: bool,
}

impl Checker<'_> {
    /// `file:line:col` for messages that point at a second place.
    pub fn at(&self, loc: Loc) -> String {
        format!(
            "{}:{}:{}",
            self.sources.get(loc.file).display,
            loc.pos.line,
            loc.pos.col
        )
    }

    /// Claims a Rust name in a module. When it is taken, reports both places and
    /// returns a suffixed stand-in so that generation goes on.
    pub fn reserve(&mut self, module: ModuleId, name: &str, loc: Loc, what: &str) -> String {
        if module != ROOT && names::PRELUDE_NAMES.contains(&name) {
            self.diags.error(
                loc,
                format!(
                    "`{name}` cannot name {what}: it would hide Rust's own `{name}` in the generated module; choose another name"
                ),
            );
            let stand_in = format!("{name}Type");
            return self.reserve(module, &stand_in, loc, what);
        }
        if module == ROOT
            && let Some(used) = reserved::root_name(name)
        {
            self.diags.error(
                loc,
                format!("`{name}` cannot name {what}: it is {used}; give the event another `name`"),
            );
            return self.reserve(module, &format!("{name}Event"), loc, what);
        }
        let key = (module, name.to_owned());
        if let Some((first_what, first_loc)) = self.taken.get(&key).cloned() {
            let first = self.at(first_loc);
            let message = if what == first_what {
                format!("`{name}` is defined twice, as {what} (first at {first})")
            } else {
                format!(
                    "name collision: `{name}` would name both {what} and {first_what} (defined at {first})"
                )
            };
            self.diags.error(loc, message);
            let next = self.suffixes.entry(key.clone()).or_insert(2);
            let mut n = *next;
            while self.taken.contains_key(&(module, format!("{name}{n}"))) {
                n += 1;
            }
            *next = n + 1;
            let stand_in = format!("{name}{n}");
            self.taken
                .insert((module, stand_in.clone()), (what.to_owned(), loc));
            return stand_in;
        }
        self.taken.insert(key, (what.to_owned(), loc));
        name.to_owned()
    }

    /// The module a file belongs to, created on first sight.
    fn module_of(&mut self, file: &SpecFile) -> ModuleId {
        let service = self.module_segment(file.service.as_ref(), "service");
        let version = self.module_segment(file.version.as_ref(), "version");
        let (mut service, mut version) = match (service, version) {
            (Some(s), Some(v)) => (s, Some(v)),
            (None, None) => ("common".to_owned(), None),
            (Some(s), None) => {
                self.diags.error(
                    file.service.as_ref().map_or(file.loc, |s| s.loc),
                    "`service` needs `version` too (`version: v1`)",
                );
                (s, Some("v1".to_owned()))
            }
            (None, Some(_)) => {
                self.diags.error(
                    file.version.as_ref().map_or(file.loc, |s| s.loc),
                    "`version` needs `service` too (`service: im`)",
                );
                ("common".to_owned(), None)
            }
        };
        let mut reserved_service = None;
        if let Some(used) = reserved::root_module(&service) {
            reserved_service = Some((service.clone(), used));
            service = format!("{service}_service");
        }
        if service == "common" {
            if let Some(s) = &file.service {
                self.diags.error(
                    s.loc,
                    "`common` is the module of platform-wide files; leave out `service` and `version`",
                );
            }
            version = None;
        }
        let key = match &version {
            Some(v) => format!("{service}.{v}"),
            None => service.clone(),
        };
        let id = match self.modules.get(&key) {
            Some(id) => *id,
            None => {
                if let Some((written, used)) = reserved_service {
                    self.diags.error(
                        file.service.as_ref().map_or(file.loc, |s| s.loc),
                        format!(
                            "service `{written}` would make a module `{written}` at the crate root, where `{written}` is {used}; choose another service name"
                        ),
                    );
                }
                let id = ModuleId(self.model.modules.len());
                self.model.modules.push(Module {
                    service,
                    version,
                    ..Module::default()
                });
                self.modules.insert(key, id);
                id
            }
        };
        if let Some(text) = &file.description {
            let module = &mut self.model.modules[id.0];
            if !module.docs.is_empty() {
                module.docs.push(String::new());
            }
            module.docs.extend(rustdoc::paragraphs(text));
        }
        id
    }

    fn module_segment(&mut self, value: Option<&Spanned<String>>, what: &str) -> Option<String> {
        let value = value?;
        if names::is_snake(&value.value) && !names::is_keyword(&value.value) {
            Some(value.value.clone())
        } else {
            self.diags.error(
                value.loc,
                format!(
                    "{what} `{}` must be a lowercase Rust module name (`im`, `v1`)",
                    value.value
                ),
            );
            // A stand-in keeps the file in a module of its own.
            let fixed = names::snake(&value.value);
            Some(if names::is_snake(&fixed) && !names::is_keyword(&fixed) {
                fixed
            } else {
                format!("{what}_{}", value.loc.pos.line)
            })
        }
    }

    /// The module with a given key (`im.v1`, `common`).
    fn module_by_key(&self, key: &str) -> Option<ModuleId> {
        self.modules.get(key).copied()
    }
}

#[cfg(test)]
mod tests;
