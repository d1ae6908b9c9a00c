//! Spec files from the platform's machine-readable API metadata: OpenAPI
//! 3.0 documents with the platform's `x-lark-*` extensions (one document per
//! project, as the API Explorer exports them).
//!
//! Only facts are carried over: names, paths, methods, parameter and field
//! types, required flags, enum values, defaults, token types, scopes,
//! rate-limit tiers (through [`RATE_TIERS`]), pagination, uploads
//! and downloads, error codes with their HTTP status and wire `msg`, and the
//! page of each endpoint. Descriptions are not: an endpoint keeps only its
//! short title (`summary`), as the platform names it.
//!
//! Names:
//! - an endpoint's service, version, resource and name come from its page
//!   (`…/reference/im-v1/chat-members/me_join` is `im`, `v1`,
//!   `chat_members`, `me_join`), the service and version from the path;
//! - schemas are written out where they are used, so that the source's
//!   names (`Schema`, `Data2`) never become ours; then a shape met twice or
//!   more in a version is declared once, in [`SHARED_FILE`], named from
//!   where it is used (`shared`); the others are inline, named by the
//!   spec's own rule (parent and field);
//! - an error variant is named from its wire `msg` by the checker's rule
//!   (its first clause in PascalCase); when that gives nothing, or a name
//!   already used in the endpoint's table, `Code{code}`.
//!
//! The output is deterministic: the same input gives the same bytes.

mod curated;
mod events;
mod names;
mod openapi;
mod out;
mod parts;
mod shared;

use std::collections::BTreeMap;
use std::path::PathBuf;

use out::Out;

/// Documented rate-limit tiers (`x-lark-rate-limit: {tier: N}`), as
/// `(tier, per second, per minute)`. Each row names where its numbers come
/// from; a tier not listed is imported without a rate limit.
///
/// - tier 4: the page of `im.v1.message_reaction.delete` (接口频率限制
///   1000 次/分钟、50 次/秒), whose metadata gives tier 4.
pub const RATE_TIERS: &[(i64, Option<u32>, Option<u32>)] = &[(4, Some(50), Some(1000))];

/// The file of a version's shared types (`im/v1/shared_types.yaml`): the
/// shapes its endpoints use more than once, each declared once.
pub const SHARED_FILE: &str = "shared_types";

/// What an import made.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Import {
    /// Spec files by path under the output folder
    /// (`im/v1/chat_members.yaml`), with their text.
    pub files: BTreeMap<PathBuf, String>,
    /// Endpoints imported.
    pub endpoints: usize,
    /// Operations left out, with why (`im_x_y: no page to name it by`).
    pub skipped: Vec<String>,
    /// Operations left out because a curated file describes them, with
    /// which file.
    pub curated: Vec<String>,
    /// Tiers met that [`RATE_TIERS`] does not list, with how many
    /// endpoints have each.
    pub unmapped_tiers: BTreeMap<i64, usize>,
    /// Events imported.
    pub events: usize,
    /// Where the events' two sources differ (a field one of them lacks).
    pub differences: Vec<String>,
}

/// The official SDKs' event definitions, for [`platform_over`]: the Node
/// SDK's `code-gen/events-template.ts` (name shown, text), and files of the
/// Go SDK (path in it, text): `event/dispatcher/*.go` and
/// `service/*/*/model.go`.
#[derive(Clone, Debug, Default)]
pub struct EventSources {
    /// The Node SDK's handler table: the events and their fields.
    pub node: Option<(String, String)>,
    /// The Go SDK's dispatchers and models: numbers' kinds, and a check.
    pub go: Vec<(String, String)>,
}

/// A resource file's endpoints and events.
type Resource = (Vec<Out>, Vec<Out>);

/// The first line of every file an import writes. A spec file without it
/// is curated (hand-written): an import never writes over it, and leaves
/// out what it already describes.
pub const HEADER: &str = "Imported by `lark-spec import openapi`; importing again replaces it.";

/// Whether the imported files of a spec folder (`spec`: path under it,
/// text; its curated files give the platform-wide rows) carry the
/// curation layer (`curation`: path shown, text), as an import with it
/// writes them; and whether each entry of the layer finds its item.
/// Empty when they do; else each difference, with where.
pub fn curation_holds(
    curation: &BTreeMap<PathBuf, String>,
    spec: &BTreeMap<PathBuf, String>,
) -> Vec<String> {
    match curated::read(spec) {
        Ok(curated) => names::hold(curation, spec, &curated.platform_errors),
        Err(problems) => problems,
    }
}

/// Whether a spec file's text was written by an import.
pub fn is_imported(text: &str) -> bool {
    text.strip_prefix("# ")
        .is_some_and(|rest| rest.starts_with(HEADER))
}

/// Imports OpenAPI documents (`(name shown in messages, text)`); the
/// resources of all of them, merged, are written one file each.
///
/// # Errors
/// A document that is not YAML or not an OpenAPI document, with where.
pub fn openapi(documents: &[(String, String)]) -> Result<Import, Vec<String>> {
    openapi_over(documents, &BTreeMap::new())
}

/// Imports OpenAPI documents into a folder that already holds spec files
/// (`existing`: path under the folder, text). Curated files stay the
/// truth: an endpoint one describes (same method and path) is left out of
/// the import, the types a curated file declares in a version keep their
/// names, and an imported resource file whose path a curated file has is
/// written beside it (`message_reaction.imported.yaml`). Files an earlier
/// import wrote are not read: the import replaces them.
///
/// # Errors
/// A document that is not YAML or not an OpenAPI document, or a curated
/// file that is not YAML, with where.
pub fn openapi_over(
    documents: &[(String, String)],
    existing: &BTreeMap<PathBuf, String>,
) -> Result<Import, Vec<String>> {
    platform_over(documents, &EventSources::default(), existing)
}

/// [`openapi_over`], and the events of the SDKs' definitions beside the
/// endpoints: each in the file of its resource (`im.message.receive_v1` in
/// `im/v1/message.yaml`), its shapes shared with the version's endpoints.
/// An event a curated file describes (same event type) is left out.
///
/// # Errors
/// As [`openapi_over`], and an event table that does not parse, with where.
pub fn platform_over(
    documents: &[(String, String)],
    events: &EventSources,
    existing: &BTreeMap<PathBuf, String>,
) -> Result<Import, Vec<String>> {
    platform_named(documents, events, existing, &BTreeMap::new())
}

/// [`platform_over`], with the curation layer: names chosen by hand for
/// imported items (`curation`: path shown, text), written into the files
/// the import makes: an endpoint's English summary, its error rows' names
/// and remedies, an event's English summary, a shared type's name. The
/// README's "Importing the platform's metadata" shows the format.
///
/// # Errors
/// As [`platform_over`], and a curation entry that finds nothing to name,
/// or a name that is not fit or is taken, each with where.
pub fn platform_named(
    documents: &[(String, String)],
    events: &EventSources,
    existing: &BTreeMap<PathBuf, String>,
    curation: &BTreeMap<PathBuf, String>,
) -> Result<Import, Vec<String>> {
    let curated = curated::read(existing)?;
    let mut names = names::read(curation)?;
    // Names that find nothing or clash: all of them are reported, once the
    // whole import is made.
    let mut naming = Vec::new();
    let mut versions: BTreeMap<(String, String), Vec<openapi::Imported>> = BTreeMap::new();
    let mut import = Import::default();
    let mut problems = Vec::new();
    for (name, text) in documents {
        match openapi::read(name, text, &mut import, &curated.platform_errors) {
            Ok(endpoints) => {
                for mut ep in endpoints {
                    if let Some(file) = curated.endpoint(&ep.out) {
                        import.curated.push(format!(
                            "{name}: {}.{}.{}.{}: described by {file}",
                            ep.service, ep.version, ep.resource, ep.name
                        ));
                        continue;
                    }
                    names.endpoint(
                        &mut ep.out,
                        (&ep.service, &ep.version),
                        &curated.platform_errors,
                        &mut naming,
                    );
                    let key = (ep.service.clone(), ep.version.clone());
                    versions.entry(key).or_default().push(ep);
                    import.endpoints += 1;
                }
            }
            Err(mut found) => problems.append(&mut found),
        }
    }
    let mut version_events: BTreeMap<(String, String), Vec<events::ImportedEvent>> =
        BTreeMap::new();
    if let Some((name, text)) = &events.node {
        let go = events::go_types(&events.go);
        match events::read(
            name,
            text,
            &go,
            &mut import.differences,
            &mut import.skipped,
        ) {
            Ok(found) => {
                for mut ev in found {
                    if let Some(file) = curated.event(&ev.event_type) {
                        import
                            .curated
                            .push(format!("{name}: {}: described by {file}", ev.event_type));
                        continue;
                    }
                    names.event(&mut ev.out, (&ev.service, &ev.version), &mut naming);
                    import.events += 1;
                    let key = (ev.service.clone(), ev.version.clone());
                    version_events.entry(key.clone()).or_default().push(ev);
                    versions.entry(key).or_default();
                }
            }
            Err(mut found) => problems.append(&mut found),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let header = vec![HEADER.to_owned()];
    let mut resources: BTreeMap<(String, String, String), Resource> = BTreeMap::new();
    for ((service, version), mut endpoints) in versions {
        let mut events = version_events
            .remove(&(service.clone(), version.clone()))
            .unwrap_or_default();
        // The names the version's endpoints and events give their own
        // types, and those its curated files declare.
        let mut taken: std::collections::BTreeSet<String> = endpoints
            .iter()
            .flat_map(|ep| {
                ["Request", "RequestBody", "Response", "Error"]
                    .map(|role| format!("{}{role}", ep.prefix))
            })
            .chain(events.iter().map(|ev| ev.prefix.clone()))
            .collect();
        taken.extend(curated.types(&service, &version));
        let mut types = shared::share(
            endpoints
                .iter_mut()
                .map(|ep| (ep.resource.as_str(), &mut ep.out, ep.prefix.clone()))
                .chain(
                    events
                        .iter_mut()
                        .map(|ev| (ev.resource.as_str(), &mut ev.out, ev.prefix.clone())),
                )
                .collect(),
            &taken,
        );
        let mut uses: Vec<&mut Out> = endpoints
            .iter_mut()
            .map(|ep| &mut ep.out)
            .chain(events.iter_mut().map(|ev| &mut ev.out))
            .collect();
        names.types(
            (&service, &version),
            &mut types,
            &mut uses,
            &taken,
            &mut naming,
        );
        if !types.is_empty() {
            let mut root = Out::map();
            root.set("service", Out::str(&service));
            root.set("version", Out::str(&version));
            root.set("types", Out::Map(types.into_iter().collect()));
            let path = curated.beside(
                PathBuf::from(&service)
                    .join(&version)
                    .join(format!("{SHARED_FILE}.yaml")),
            );
            import.files.insert(path, out::document(&header, &root));
        }
        for ep in endpoints {
            resources
                .entry((service.clone(), version.clone(), ep.resource))
                .or_default()
                .0
                .push(ep.out);
        }
        for ev in events {
            resources
                .entry((service.clone(), version.clone(), ev.resource))
                .or_default()
                .1
                .push(ev.out);
        }
    }
    naming.extend(names.unused());
    if !naming.is_empty() {
        return Err(naming);
    }
    for ((service, version, resource), (endpoints, events)) in resources {
        let mut root = Out::map();
        root.set("service", Out::str(&service));
        root.set("version", Out::str(&version));
        root.set("resource", Out::str(&resource));
        if !endpoints.is_empty() {
            root.set("endpoints", Out::Seq(endpoints));
        }
        if !events.is_empty() {
            root.set("events", Out::Seq(events));
        }
        let path = curated.beside(
            PathBuf::from(&service)
                .join(&version)
                .join(format!("{resource}.yaml")),
        );
        import.files.insert(path, out::document(&header, &root));
    }
    Ok(import)
}
