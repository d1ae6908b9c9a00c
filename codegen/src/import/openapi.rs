//! Reading one OpenAPI document into endpoints of the spec format.

use std::collections::BTreeMap;

use super::out::Out;
use super::parts::{
    entries, enum_out, errors, field, get, is_true, items, pagination, parse, strings, text,
};
use super::{Import, RATE_TIERS};
use crate::yaml::{Node, NodeKind};

/// An endpoint, with the resource file it belongs in.
pub(super) struct Imported {
    pub service: String,
    pub version: String,
    pub resource: String,
    /// Its call's name (`delete`).
    pub name: String,
    /// The start of its inline type names (`GetMessage`).
    pub prefix: String,
    pub out: Out,
}

/// How deep a schema is followed before it is typed `any`.
const MAX_DEPTH: usize = 24;

/// Reads the operations of one document.
pub(super) fn read(
    name: &str,
    source: &str,
    import: &mut Import,
    platform_errors: &BTreeMap<String, i64>,
) -> Result<Vec<Imported>, Vec<String>> {
    let root = parse(name, source)?;
    if text(get(&root, "openapi")).is_none_or(|v| !v.starts_with("3.")) {
        return Err(vec![format!(
            "{name}: not an OpenAPI 3 document (no `openapi: 3.x`)"
        )]);
    }
    let doc = Doc {
        components: get(&root, "components").and_then(|c| get(c, "schemas")),
        platform_errors,
    };
    let mut out = Vec::new();
    for (path, item) in entries(get(&root, "paths")) {
        for (method, op) in entries(Some(item)) {
            let method = method.text.to_ascii_uppercase();
            if !matches!(method.as_str(), "GET" | "POST" | "PUT" | "PATCH" | "DELETE") {
                continue;
            }
            let id = text(get(op, "operationId"))
                .map_or_else(|| format!("{method} {}", path.text), str::to_owned);
            match doc.endpoint(&path.text, &method, op, import) {
                Ok(ep) => out.push(ep),
                Err(why) => import.skipped.push(format!("{name}: {id}: {why}")),
            }
        }
    }
    Ok(out)
}

/// The state of one walk from a root type (a body, an answer, a parameter).
struct Walk {
    /// The root type's name.
    root: String,
    /// `$ref`s being followed, to stop at a loop.
    refs: Vec<String>,
    /// How many objects each name below the root has been given to.
    names: std::collections::HashMap<String, usize>,
}

impl Walk {
    /// Two paths can make one name (`update_text` + `style` and
    /// `update_text_style`): a type named `rel` for the second time gets a
    /// `type_name` apart.
    fn name(&mut self, ty: &mut Out, rel: &str, depth: usize) {
        let count = self.names.entry(rel.to_owned()).or_default();
        *count += 1;
        if *count > 1 && depth > 0 {
            let name = format!("{}{rel}{count}", self.root);
            ty.set("type_name", Out::Str(name));
        }
    }

    fn new(root: &str) -> Self {
        Self {
            root: root.to_owned(),
            refs: Vec::new(),
            names: std::collections::HashMap::new(),
        }
    }
}

fn pascal(name: &str) -> String {
    crate::check::names::pascal(name)
}

struct Doc<'a> {
    components: Option<&'a Node>,
    /// The curated platform-wide error names, with their codes.
    platform_errors: &'a BTreeMap<String, i64>,
}

/// `…/im-v1/chat-members/me_join` → (`chat_members`, `me_join`).
fn page_names(url: &str) -> Option<(String, String)> {
    let mut parts = url.trim_end_matches('/').rsplit('/');
    let name = parts.next()?;
    let resource = parts.next()?.replace('-', "_");
    let ok = |s: &str| {
        s.starts_with(|c: char| c.is_ascii_lowercase())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    };
    (ok(name) && ok(&resource)).then(|| (resource, name.to_owned()))
}

/// `/open-apis/im/v1/…` → (`im`, `v1`). A service named as a module the
/// SDK's crate root already has (`event`, the runtime's events) is
/// `<name>_api` (`event_api`).
fn path_names(path: &str) -> Option<(String, String)> {
    let mut parts = path.strip_prefix("/open-apis/")?.split('/');
    let service = parts.next()?;
    let version = parts.next()?;
    let versioned = version
        .strip_prefix('v')
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    let ok = service.starts_with(|c: char| c.is_ascii_lowercase())
        && service
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    let service = match crate::check::reserved::root_module(service) {
        Some(_) => format!("{service}_api"),
        None => service.to_owned(),
    };
    (ok && versioned).then(|| (service, version.to_owned()))
}

impl Doc<'_> {
    fn endpoint(
        &self,
        path: &str,
        method: &str,
        op: &Node,
        import: &mut Import,
    ) -> Result<Imported, String> {
        let url = text(get(op, "externalDocs").and_then(|d| get(d, "url")))
            .ok_or("no page (externalDocs) to name it by")?;
        let (resource, name) = page_names(url)
            .ok_or_else(|| format!("its page `{url}` names no resource and call"))?;
        let (service, version) = path_names(path)
            .ok_or_else(|| format!("its path `{path}` has no service and version"))?;
        // The tenant token first where it is accepted: a bot calls as itself.
        let mut tokens: Vec<String> = strings(get(op, "x-lark-access-tokens"))
            .into_iter()
            .filter(|t| matches!(t.as_str(), "tenant" | "user" | "app"))
            .collect();
        tokens.sort_by_key(|t| t != "tenant");
        let tokens: Vec<Out> = tokens.into_iter().map(Out::Str).collect();
        if tokens.is_empty() {
            return Err("no access token type (x-lark-access-tokens)".to_owned());
        }
        let mut ep = Out::map();
        ep.set("name", Out::str(&name));
        if let Some(summary) = text(get(op, "summary")) {
            let mut s = Out::map();
            s.set("zh", Out::str(summary));
            ep.set("summary", s);
        } else {
            ep.set(
                "summary",
                Out::str(format!("{service}.{version}.{resource}.{name}")),
            );
        }
        ep.set("method", Out::str(method));
        ep.set("path", Out::str(colon_path(path)));
        ep.set("tokens", Out::Seq(tokens));
        let scopes = strings(get(op, "x-lark-scopes"));
        if !scopes.is_empty() {
            ep.set(
                "scopes",
                Out::Seq(scopes.into_iter().map(Out::Str).collect()),
            );
        }
        // Counted once the endpoint is imported.
        let mut unmapped = None;
        if let Some(tier) = text(get(op, "x-lark-rate-limit").and_then(|r| get(r, "tier")))
            .and_then(|t| t.parse::<i64>().ok())
        {
            match RATE_TIERS.iter().find(|(t, ..)| *t == tier) {
                Some((_, per_second, per_minute)) => {
                    let mut limit = Out::map();
                    if let Some(n) = per_second {
                        limit.set("per_second", Out::Int(i64::from(*n)));
                    }
                    if let Some(n) = per_minute {
                        limit.set("per_minute", Out::Int(i64::from(*n)));
                    }
                    ep.set("rate_limit", limit);
                }
                None => unmapped = Some(tier),
            }
        }
        ep.set("doc_url", Out::str(url));
        // Type names start with the call and the resource, as the spec's own
        // names of inline types do.
        let prefix = format!("{}{}", pascal(&name), pascal(&resource));
        self.parameters(op, &mut ep, &prefix);
        self.request_body(op, &mut ep, &prefix);
        if method == "GET" && field(&ep, "body").is_some() {
            return Err("a GET with a request body, which the spec format refuses".to_owned());
        }
        if is_true(get(op, "x-lark-file-download")) {
            let mut binary = Out::map();
            binary.set("type", Out::str("binary"));
            ep.set("response", binary);
        } else if let Some(data) = self.response_data(op, &prefix) {
            ep.set("response", data);
        }
        if is_true(get(op, "x-lark-pagination"))
            && let Some(pagination) = pagination(&ep)
        {
            ep.set("pagination", pagination);
        }
        let errors = errors(get(op, "x-lark-error-mappings"), self.platform_errors);
        if !errors.is_empty() {
            ep.set("errors", Out::Seq(errors));
        }
        if let Some(tier) = unmapped {
            *import.unmapped_tiers.entry(tier).or_default() += 1;
        }
        Ok(Imported {
            service,
            version,
            resource,
            name,
            prefix,
            out: ep,
        })
    }

    fn parameters(&self, op: &Node, ep: &mut Out, prefix: &str) {
        let (mut path, mut query, mut headers) = (Out::map(), Out::map(), Out::map());
        for p in items(get(op, "parameters")) {
            let Some(name) = text(get(p, "name")) else {
                continue;
            };
            let place = text(get(p, "in")).unwrap_or_default();
            let lower = name.to_ascii_lowercase();
            if place == "header" && matches!(lower.as_str(), "authorization" | "content-type") {
                continue;
            }
            let schema = get(p, "schema");
            let mut walk = Walk::new(&format!("{prefix}{}", pascal(name)));
            let mut ty = schema.map_or_else(any, |s| self.ty(s, 0, &mut walk, ""));
            match place {
                "path" => path.set(name, ty),
                "query" => {
                    if is_true(get(p, "required")) {
                        ty.set("required", Out::Bool(true));
                    } else if let Some(default) = schema.and_then(|s| text(get(s, "default"))) {
                        // A default means something only for a parameter left out.
                        ty.set("default", Out::str(default));
                    }
                    query.set(name, ty);
                }
                "header" => {
                    if is_true(get(p, "required")) {
                        ty.set("required", Out::Bool(true));
                    }
                    headers.set(name, ty);
                }
                _ => {}
            }
        }
        for (key, value) in [
            ("path_params", path),
            ("query", query),
            ("headers", headers),
        ] {
            if value != Out::map() {
                ep.set(key, value);
            }
        }
    }

    fn request_body(&self, op: &Node, ep: &mut Out, prefix: &str) {
        let content = get(op, "requestBody").and_then(|b| get(b, "content"));
        if let Some(schema) = content
            .and_then(|c| get(c, "multipart/form-data"))
            .and_then(|m| get(m, "schema"))
        {
            ep.set("content_type", Out::str("multipart/form-data"));
            ep.set(
                "body",
                self.ty(
                    schema,
                    0,
                    &mut Walk::new(&format!("{prefix}RequestBody")),
                    "",
                ),
            );
        } else if let Some(schema) = content
            .and_then(|c| get(c, "application/json"))
            .and_then(|m| get(m, "schema"))
        {
            let body = self.ty(
                schema,
                0,
                &mut Walk::new(&format!("{prefix}RequestBody")),
                "",
            );
            if is_object(&body) {
                ep.set("body", body);
            }
        }
    }

    /// The type of the answer's `data`, when it has fields.
    fn response_data(&self, op: &Node, prefix: &str) -> Option<Out> {
        let schema = get(op, "responses")
            .and_then(|r| get(r, "200"))
            .and_then(|r| get(r, "content"))
            .and_then(|c| get(c, "application/json"))
            .and_then(|m| get(m, "schema"))?;
        let schema = self.resolve(schema, &mut Vec::new())?;
        let data = get(schema, "properties").and_then(|p| get(p, "data"))?;
        let ty = self.ty(data, 0, &mut Walk::new(&format!("{prefix}Response")), "");
        is_object(&ty).then_some(ty)
    }

    /// A `$ref` (alone or as the one member of `allOf`) followed to its
    /// schema; `None` for a reference that names nothing or loops.
    fn resolve<'n>(&'n self, schema: &'n Node, seen: &mut Vec<String>) -> Option<&'n Node> {
        let target = text(get(schema, "$ref")).or_else(|| match items(get(schema, "allOf")) {
            [one] => text(get(one, "$ref")),
            _ => None,
        });
        let Some(target) = target else {
            return Some(schema);
        };
        let name = target.strip_prefix("#/components/schemas/")?;
        if seen.iter().any(|s| s == name) {
            return None;
        }
        seen.push(name.to_owned());
        let found = self.components.and_then(|c| get(c, name))?;
        self.resolve(found, seen)
    }

    /// A schema as a type expression.
    /// `rel` is the type's name below the root's (`Members`, `MembersItem`).
    fn ty(&self, schema: &Node, depth: usize, walk: &mut Walk, rel: &str) -> Out {
        let mark = walk.refs.len();
        let ty = match self.resolve(schema, &mut walk.refs) {
            Some(schema) if depth < MAX_DEPTH => self.resolved_ty(schema, depth, walk, rel),
            _ => any(),
        };
        walk.refs.truncate(mark);
        ty
    }

    fn resolved_ty(&self, schema: &Node, depth: usize, walk: &mut Walk, rel: &str) -> Out {
        let kind = text(get(schema, "type"));
        let mut ty = Out::map();
        let enum_values = items(get(schema, "enum"));
        match kind {
            Some(kind @ ("string" | "integer")) if !enum_values.is_empty() => {
                ty.set("type", Out::str("enum"));
                walk.name(&mut ty, rel, depth);
                if kind == "integer" {
                    ty.set("repr", Out::str("integer"));
                }
                let values = enum_values.iter().filter_map(|v| text(Some(v)));
                ty.set("values", enum_out(values, kind == "integer"));
            }
            // The metadata writes the platform's maps (`base_rule`,
            // `i18n_value`) as strings and keeps what they were beside:
            // string keys, values of no documented type.
            Some("string") if text(get(schema, "x-lark-original-type")) == Some("map") => {
                ty.set("type", Out::str("map"));
                let mut items = Out::map();
                items.set("type", Out::str("any"));
                ty.set("items", items);
            }
            Some("string") if text(get(schema, "format")) == Some("binary") => {
                ty.set("type", Out::str("binary"));
            }
            Some("string") => ty.set("type", Out::str("string")),
            Some("integer") => {
                let wide = text(get(schema, "format")) == Some("int64");
                ty.set("type", Out::str(if wide { "int64" } else { "int32" }));
            }
            Some("number") => ty.set("type", Out::str("number")),
            Some("boolean") => ty.set("type", Out::str("boolean")),
            Some("array") => {
                ty.set("type", Out::str("array"));
                let rel = format!("{rel}Item");
                let items =
                    get(schema, "items").map_or_else(any, |i| self.ty(i, depth + 1, walk, &rel));
                ty.set("items", items);
            }
            Some("object") | None if get(schema, "properties").is_some() => {
                ty.set("type", Out::str("object"));
                walk.name(&mut ty, rel, depth);
                let required = strings(get(schema, "required"));
                let mut fields = Out::map();
                for (key, field) in entries(get(schema, "properties")) {
                    let rel = format!("{rel}{}", pascal(&key.text));
                    let mut f = self.ty(field, depth + 1, walk, &rel);
                    if required.contains(&key.text) {
                        f.set("required", Out::Bool(true));
                    }
                    fields.set(&key.text, f);
                }
                if fields == Out::map() {
                    return any();
                }
                ty.set("fields", fields);
            }
            Some("object") => match get(schema, "additionalProperties") {
                Some(values) if !matches!(&values.kind, NodeKind::Scalar { .. }) => {
                    ty.set("type", Out::str("map"));
                    let rel = format!("{rel}Item");
                    ty.set("items", self.ty(values, depth + 1, walk, &rel));
                }
                _ => return any(),
            },
            _ => return any(),
        }
        ty
    }
}

fn any() -> Out {
    let mut ty = Out::map();
    ty.set("type", Out::str("any"));
    ty
}

fn is_object(ty: &Out) -> bool {
    matches!(ty, Out::Map(entries) if entries.first() == Some(&("type".to_owned(), Out::str("object"))))
}

/// `/chats/{chat_id}` → `/chats/:chat_id`.
fn colon_path(path: &str) -> String {
    path.split('/')
        .map(
            |seg| match seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some(name) => format!(":{name}"),
                None => seg.to_owned(),
            },
        )
        .collect::<Vec<_>>()
        .join("/")
}

/// A schema that stands alone (no components to refer to) as a type
/// expression, named below `root`: the events' bodies, read from the
/// SDKs' definitions, take the same walk as the documents' schemas.
pub(super) fn standalone_type(schema: &Node, root: &str) -> Out {
    let platform_errors = BTreeMap::new();
    let doc = Doc {
        components: None,
        platform_errors: &platform_errors,
    };
    doc.ty(schema, 0, &mut Walk::new(root), "")
}
