//! Names the generated code takes for itself: the call groups of each
//! module (`Calls`, `…Calls`, their `…Ext` traits), their methods (`client`,
//! `from_client`, an accessor per resource and version, and per endpoint the
//! call, its `…_with` and, for a paged list, its `…_all`), and the crate
//! root's modules. They are claimed before any spec type is declared, so a
//! spec name that would collide with one is reported where the spec writes it.

use super::{Checker, names};
use crate::diag::Loc;
use crate::model::ModuleId;
use crate::spec::{self, SpecFile};

/// Modules at the crate root that a service may not be called, with what
/// the generated code or the SDK's crate (lark-sdk, which re-exports the
/// runtime's modules beside the services) uses them for (`common` has rules
/// of its own).
pub(crate) const ROOT_MODULES: &[(&str, &str)] = &[
    (
        "prelude",
        "the module of the generated extension traits (`use …::prelude::*`)",
    ),
    ("client", "the SDK's module of the HTTP client"),
    (
        "content",
        "the SDK's module of message content helpers (mentions, cards)",
    ),
    (
        "event",
        "the SDK's module of event envelopes and the dispatcher",
    ),
    ("error", "the SDK's module of refused calls and requests"),
    ("endpoint", "the SDK's module of endpoint descriptions"),
    (
        "embedded",
        "the SDK's module of JSON carried inside a JSON string",
    ),
    ("redis", "the SDK's module of the stores kept on Redis"),
    ("store", "the SDK's module of what replicas share"),
    ("time", "the SDK's module of timestamps"),
    ("upload", "the SDK's module of upload parts"),
];

/// Names of the crate root's namespace of events (variants of `Event`,
/// handler methods) that no event may take, with what they are.
pub(crate) const ROOT_NAMES: &[(&str, &str)] = &[(
    "Unknown",
    "the variant of `Event` that keeps event types the spec does not describe",
)];

/// Methods every generated call group has: the client the calls go
/// through, and (on the calls of a service or version) its constructor.
pub(crate) const OWN_METHODS: &[(&str, &str)] = &[
    (
        "client",
        "the calls' own `client()` (the client they go through)",
    ),
    ("from_client", "the calls' own constructor `from_client`"),
    ("with", "the calls' own `with()` (per-call options)"),
    ("options", "the calls' own `options()`"),
];

/// Whether a group of calls has the own method: `client` every group,
/// `with` and `options` a resource's, `from_client` the others.
fn own_method_of(group: &Group, method: &str) -> bool {
    let resource = matches!(group, Group::Resource(..));
    match method {
        "client" => true,
        "with" | "options" => resource,
        _ => !resource,
    }
}

/// A struct of generated call methods.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Group {
    /// `im::Calls`: a method per version.
    Service(String),
    /// `im::v1::Calls`: a method per resource.
    Version(ModuleId),
    /// `im::v1::MessageCalls`: the endpoints of a resource.
    Resource(ModuleId, String),
    /// The endpoint names written for a resource, whatever names they got.
    Written(ModuleId, String),
}

/// What the generated code uses a crate-root module name for, when a
/// service may not take it.
pub(crate) fn root_module(name: &str) -> Option<&'static str> {
    ROOT_MODULES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, w)| *w)
}

/// What the generated code uses a name of the events' namespace for, when
/// an event may not take it.
pub(super) fn root_name(name: &str) -> Option<&'static str> {
    ROOT_NAMES.iter().find(|(n, _)| *n == name).map(|(_, w)| *w)
}

impl Checker<'_> {
    /// Claims a method of a call group for `what`. When it is taken, returns
    /// what took it and where (`None` for the group's own methods).
    fn claim_method(
        &mut self,
        group: &Group,
        method: &str,
        loc: Loc,
        what: &str,
    ) -> Result<(), (String, Option<Loc>)> {
        if let Some(taken) = self.method_taken(group, method) {
            return Err(taken);
        }
        self.methods
            .insert((group.clone(), method.to_owned()), (what.to_owned(), loc));
        Ok(())
    }

    /// The resource of a file with endpoints, checked, with the names of its
    /// call groups claimed; `None` for a file without endpoints.
    pub(super) fn claim_calls(&mut self, module: ModuleId, file: &SpecFile) -> Option<String> {
        let first = file.endpoints.first()?;
        let written = match &file.resource {
            Some(r) if names::is_snake(&r.value) => r.value.clone(),
            Some(r) => {
                self.diags.error(
                    r.loc,
                    format!(
                        "resource `{}` must be snake_case (`message_reaction`)",
                        r.value
                    ),
                );
                names::snake_for_json(&r.value).unwrap_or_else(|| "resource".to_owned())
            }
            None => {
                self.diags.error(
                    first.loc,
                    "a file with endpoints needs `resource` (`resource: message_reaction`)",
                );
                "resource".to_owned()
            }
        };
        let loc = file.resource.as_ref().map_or(first.loc, |r| r.loc);
        if let Some(used) = self.resource_names.get(&(module, written.clone())) {
            return Some(used.clone());
        }
        let m = &self.model.modules[module.0];
        let (key, service, version) = (m.key(), m.service.clone(), m.version.clone());
        if let Some(version) = version.filter(|_| self.modules_with_calls.insert(module)) {
            let what = format!("the calls of module `{key}`");
            self.reserve(module, "Calls", loc, &what);
            let what = format!("the extension trait of the calls of module `{key}`");
            self.reserve(module, "CallsExt", loc, &what);
            self.claim_version(module, &service, &version, file, loc);
        }
        let mut resource = written.clone();
        let what = format!("the calls of resource `{written}`");
        if let Err((first, at)) = self.claim_method(&Group::Version(module), &written, loc, &what) {
            let at = at
                .map(|at| format!(" (at {})", self.at(at)))
                .unwrap_or_default();
            self.diags.error(
                loc,
                format!(
                    "resource `{written}` would name the method `{written}` of the module's calls, which is {first}{at}; choose another resource name"
                ),
            );
            resource = format!("{written}_resource");
            let _ = self.claim_method(&Group::Version(module), &resource, loc, &what);
        }
        self.resource_names
            .insert((module, written.clone()), resource.clone());
        let pascal = names::pascal(&resource);
        self.reserve(module, &format!("{pascal}Calls"), loc, &what);
        let what = format!("the extension trait of the calls of resource `{written}`");
        self.reserve(module, &format!("{pascal}CallsExt"), loc, &what);
        Some(resource)
    }

    /// Claims the method of a version on the calls of its service.
    fn claim_version(
        &mut self,
        module: ModuleId,
        service: &str,
        version: &str,
        file: &SpecFile,
        loc: Loc,
    ) {
        let loc = file.version.as_ref().map_or(loc, |v| v.loc);
        let what = format!("the calls of version `{version}`");
        let group = Group::Service(service.to_owned());
        if let Err((first, _)) = self.claim_method(&group, version, loc, &what) {
            self.diags.error(
                loc,
                format!(
                    "version `{version}` would name the method `{version}` of the service's calls, which is {first}; choose another version name"
                ),
            );
            let stand_in = format!("{version}_version");
            let _ = self.claim_method(&group, &stand_in, loc, &what);
            self.model.modules[module.0].version = Some(stand_in);
        }
    }

    /// The checked name of an endpoint, with its call methods claimed on its
    /// resource's calls: the call, and `…_all` for a paged list.
    /// When one is taken, the endpoint is reported once and all of them get
    /// a suffixed stand-in.
    pub(super) fn endpoint_name(
        &mut self,
        module: ModuleId,
        resource: &str,
        ep: &spec::Endpoint,
    ) -> String {
        let name = if names::is_snake(&ep.name.value) {
            ep.name.value.clone()
        } else {
            self.diags.error(
                ep.name.loc,
                format!(
                    "endpoint name `{}` must be snake_case (`delete`, `list`)",
                    ep.name.value
                ),
            );
            names::snake_for_json(&ep.name.value).unwrap_or_else(|| "call".to_owned())
        };
        let group = Group::Resource(module, resource.to_owned());
        let paged = ep.pagination.is_some();
        let loc = ep.name.loc;
        let written = Group::Written(module, resource.to_owned());
        let first = self
            .methods
            .get(&(written.clone(), name.clone()))
            .map(|(_, at)| *at);
        if let Some(first) = first {
            let first = self.at(first);
            self.diags.error(
                loc,
                format!("endpoint `{name}` is defined twice on this resource (at {first})"),
            );
        } else {
            self.methods
                .insert((written, name.clone()), (String::new(), loc));
        }
        let mut reported = first.is_some();
        let mut candidate = name.clone();
        for n in 2.. {
            let methods = call_methods(&candidate, paged);
            let taken = methods
                .iter()
                .find_map(|(m, _)| self.method_taken(&group, m).map(|t| (m.clone(), t)));
            let Some((method, (first, at))) = taken else {
                for (method, what) in methods {
                    let _ = self.claim_method(&group, &method, loc, &what);
                }
                return candidate;
            };
            if !reported {
                reported = true;
                let mine = methods
                    .iter()
                    .find(|(m, _)| *m == method)
                    .map_or(String::new(), |(_, w)| w.clone());
                let at = at
                    .map(|at| format!(" (at {})", self.at(at)))
                    .unwrap_or_default();
                self.diags.error(
                    loc,
                    format!(
                        "name collision: the method `{method}` of this resource's calls would be both {mine} and {first}{at}; rename one endpoint"
                    ),
                );
            }
            candidate = format!("{name}{n}");
        }
        unreachable!("some suffix is free")
    }

    /// What took a method of a call group, and where.
    fn method_taken(&self, group: &Group, method: &str) -> Option<(String, Option<Loc>)> {
        if let Some((_, own)) = OWN_METHODS.iter().find(|(m, _)| *m == method)
            && own_method_of(group, method)
        {
            return Some(((*own).to_owned(), None));
        }
        self.methods
            .get(&(group.clone(), method.to_owned()))
            .map(|(what, at)| (what.clone(), Some(*at)))
    }
}

/// The call methods of an endpoint called `name`, with what each is.
fn call_methods(name: &str, paged: bool) -> Vec<(String, String)> {
    let mut out = vec![(name.to_owned(), format!("endpoint `{name}`"))];
    if paged {
        out.push((
            format!("{name}_all"),
            format!("the every-page method of paged endpoint `{name}`"),
        ));
    }
    out
}
