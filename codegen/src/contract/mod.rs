//! Endpoints as a server sees them: what each accepts (token types, path,
//! query and body, with their types, required flags, enum values and
//! bounds) and the shape of what it answers.
//!
//! A local server answers by these every endpoint it has no rules for: it
//! checks a request as the platform's gateway does, names the first
//! offending field, and answers data that fits the response type, the same
//! data for the same request.

use std::path::Path;

use serde_json::{Map, Value};

use crate::model::{Bounds, Endpoint, Segment, Ty, TypeKind};

mod sample;

/// Every endpoint of a spec folder.
#[derive(Debug, Default)]
pub struct Contracts {
    endpoints: Vec<Contract>,
    /// The named types, by the model's type index.
    types: Vec<Shape>,
}

/// One endpoint.
#[derive(Debug)]
pub struct Contract {
    /// `im.v1.message.create`.
    pub id: String,
    /// The request type's name (`CreateMessageRequest`).
    pub request_type: String,
    /// `GET`, `POST`, …
    pub method: String,
    /// The path's pieces: text, or a parameter (`None`).
    segments: Vec<Option<String>>,
    /// Token types it accepts: `tenant`, `user`, `app`.
    pub tokens: Vec<String>,
    /// Scopes of which any one allows the call.
    pub scopes: Vec<String>,
    /// Documented calls per second and per minute.
    pub rate: (Option<u32>, Option<u32>),
    path_params: Vec<Input>,
    query: Vec<Input>,
    body: Option<Shape>,
    /// The body is a `multipart/form-data` form.
    pub multipart: bool,
    response: Option<Shape>,
    /// The answer is a file.
    pub download: bool,
}

#[derive(Debug)]
struct Input {
    wire: String,
    shape: Shape,
    required: bool,
}

#[derive(Clone, Debug)]
enum Shape {
    String((Option<u32>, Option<u32>)),
    Int(Option<i64>, Option<i64>),
    Number(Option<f64>, Option<f64>),
    Bool,
    Timestamp,
    Any,
    File,
    Enum(Vec<String>),
    IntEnum(Vec<i64>),
    Object(Vec<(String, Shape, bool)>),
    Array(Box<Shape>, (Option<u32>, Option<u32>)),
    Map(Box<Shape>),
    Named(usize),
    /// A JSON document inside a string (`encoding: json`).
    InString(Box<Shape>),
}

/// What is wrong with a request: the field (`receive_id_type`,
/// `body.content`), the value sent, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// The field or parameter, dotted from the body's root.
    pub field: String,
    /// The value sent (empty when it is missing).
    pub value: String,
    /// What is wrong with it.
    pub description: String,
}

fn violation(field: &str, value: impl Into<String>, description: impl Into<String>) -> Violation {
    Violation {
        field: field.to_owned(),
        value: value.into(),
        description: description.into(),
    }
}

fn shape_of(ty: &Ty, bounds: &Bounds) -> Shape {
    match ty {
        Ty::String => Shape::String(bounds.length),
        Ty::I32 | Ty::I64 => Shape::Int(
            bounds.minimum.as_deref().and_then(|m| m.parse().ok()),
            bounds.maximum.as_deref().and_then(|m| m.parse().ok()),
        ),
        Ty::F64 => Shape::Number(
            bounds.minimum.as_deref().and_then(|m| m.parse().ok()),
            bounds.maximum.as_deref().and_then(|m| m.parse().ok()),
        ),
        Ty::Bool => Shape::Bool,
        Ty::TimestampMs => Shape::Timestamp,
        Ty::Any => Shape::Any,
        Ty::File => Shape::File,
        Ty::Named(id) => Shape::Named(id.0),
        Ty::Array(item) => Shape::Array(Box::new(shape_of(item, &Bounds::default())), bounds.items),
        Ty::Map(item) => Shape::Map(Box::new(shape_of(item, &Bounds::default()))),
    }
}

fn contract(ep: &Endpoint) -> Contract {
    let input = |p: &crate::model::Param| Input {
        wire: p.wire.clone(),
        shape: shape_of(&p.ty, &p.bounds),
        required: p.required,
    };
    Contract {
        id: ep.id.clone(),
        request_type: ep.request_type.clone(),
        method: ep.method.as_str().to_owned(),
        segments: ep
            .segments
            .iter()
            .map(|s| match s {
                Segment::Literal(text) => Some(text.clone()),
                Segment::Param(_) => None,
            })
            .collect(),
        tokens: ep.tokens.iter().map(|t| t.as_str().to_owned()).collect(),
        scopes: ep.scopes.clone(),
        rate: (ep.per_second, ep.per_minute),
        path_params: ep.path_params.iter().map(input).collect(),
        query: ep.query.iter().map(input).collect(),
        body: ep.body.map(|id| Shape::Named(id.0)),
        multipart: ep.multipart,
        response: ep
            .response
            .as_ref()
            .map(|ty| shape_of(ty, &Bounds::default())),
        download: ep.download,
    }
}

impl Contracts {
    /// Loads and checks a spec folder.
    ///
    /// # Errors
    /// Every problem of the spec, as `file:line:col: message`.
    pub fn load(dir: &Path, display: &str) -> Result<Self, Vec<String>> {
        let (loaded, model, diags) =
            crate::load_and_check(dir, display, &crate::Options::default());
        if !diags.is_empty() {
            return Err(diags.render(&loaded.sources));
        }
        let types = model
            .types
            .iter()
            .map(|t| match &t.kind {
                TypeKind::Object(fields) => Shape::Object(
                    fields
                        .iter()
                        .map(|f| {
                            let shape = shape_of(&f.ty, &f.bounds);
                            let shape = if f.in_string {
                                Shape::InString(Box::new(shape))
                            } else {
                                shape
                            };
                            (f.json.clone(), shape, f.required)
                        })
                        .collect(),
                ),
                TypeKind::Enum(values) => {
                    Shape::Enum(values.iter().map(|v| v.value.clone()).collect())
                }
                TypeKind::IntEnum(values) => {
                    Shape::IntEnum(values.iter().filter_map(|v| v.value.parse().ok()).collect())
                }
                TypeKind::Alias(ty) => shape_of(ty, &Bounds::default()),
                TypeKind::Union(_) => Shape::Any,
            })
            .collect();
        let endpoints = model
            .modules
            .iter()
            .flat_map(|m| m.endpoints.iter())
            .map(contract)
            .collect();
        Ok(Self { endpoints, types })
    }

    /// The endpoints, in the spec's order.
    pub fn iter(&self) -> impl Iterator<Item = &Contract> {
        self.endpoints.iter()
    }

    /// How many endpoints there are.
    pub fn len(&self) -> usize {
        self.endpoints.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.endpoints.is_empty()
    }

    /// The endpoint of a method and a path (`/open-apis/…`, no query), with
    /// the path parameters' values.
    /// Where two match (`/chats/search` and `/chats/:chat_id`), the one
    /// with more literal text wins.
    pub fn find(&self, method: &str, path: &str) -> Option<(&Contract, Vec<(String, String)>)> {
        self.endpoints
            .iter()
            .filter(|c| c.method.eq_ignore_ascii_case(method))
            .filter_map(|c| Some((c, c.matches(path)?)))
            .max_by_key(|(c, _)| c.literal_len())
    }

    /// Checks a request's parameters and JSON body (`None` for no body, or a
    /// form); the first problem found.
    ///
    /// # Errors
    /// The offending field, its value and why.
    pub fn check(
        &self,
        c: &Contract,
        path: &[(String, String)],
        query: &[(String, String)],
        body: Option<&Value>,
    ) -> Result<(), Violation> {
        for (input, (_, value)) in c.path_params.iter().zip(path) {
            self.check_text(&input.shape, &input.wire, value)?;
        }
        for input in &c.query {
            let values: Vec<&str> = query
                .iter()
                .filter(|(k, _)| *k == input.wire || k.strip_suffix("[]") == Some(&input.wire))
                .map(|(_, v)| v.as_str())
                .collect();
            if values.is_empty() {
                if input.required {
                    return Err(violation(&input.wire, "", "required"));
                }
                continue;
            }
            let item = match &input.shape {
                Shape::Array(item, _) => item.as_ref(),
                other => other,
            };
            for value in values {
                self.check_text(item, &input.wire, value)?;
            }
        }
        match (&c.body, body) {
            (Some(shape), Some(body)) if !c.multipart => self.check_json(shape, "", body, 0),
            (Some(shape), None) if !c.multipart => {
                self.check_json(shape, "", &Value::Object(Map::new()), 0)
            }
            _ => Ok(()),
        }
    }

    fn resolve<'a>(&'a self, shape: &'a Shape) -> &'a Shape {
        let mut shape = shape;
        for _ in 0..16 {
            match shape {
                Shape::Named(i) => match self.types.get(*i) {
                    Some(next) => shape = next,
                    None => return &Shape::Any,
                },
                _ => return shape,
            }
        }
        &Shape::Any
    }

    /// A parameter's text against its type.
    fn check_text(&self, shape: &Shape, field: &str, value: &str) -> Result<(), Violation> {
        match self.resolve(shape) {
            Shape::Int(min, max) => match value.parse::<i64>() {
                Ok(n) => bounded(
                    field,
                    value,
                    n as f64,
                    min.map(|m| m as f64),
                    max.map(|m| m as f64),
                ),
                Err(_) => Err(violation(field, value, "not a whole number")),
            },
            Shape::Number(min, max) => match value.parse::<f64>() {
                Ok(n) => bounded(field, value, n, *min, *max),
                Err(_) => Err(violation(field, value, "not a number")),
            },
            // As the platform's (Go) servers parse a boolean parameter;
            // the official Python SDK sends `True` and `False`.
            Shape::Bool
                if !matches!(
                    value,
                    "true"
                        | "false"
                        | "True"
                        | "False"
                        | "TRUE"
                        | "FALSE"
                        | "1"
                        | "0"
                        | "t"
                        | "f"
                        | "T"
                        | "F"
                ) =>
            {
                Err(violation(field, value, "not `true` or `false`"))
            }
            Shape::Timestamp if value.parse::<u64>().is_err() => {
                Err(violation(field, value, "not a time in milliseconds"))
            }
            Shape::Enum(values) if !values.iter().any(|v| v == value) => Err(violation(
                field,
                value,
                format!("not one of: {}", values.join(", ")),
            )),
            Shape::IntEnum(values) if !value.parse::<i64>().is_ok_and(|n| values.contains(&n)) => {
                let values: Vec<String> = values.iter().map(i64::to_string).collect();
                Err(violation(
                    field,
                    value,
                    format!("not one of: {}", values.join(", ")),
                ))
            }
            Shape::String((min, max)) => lengths(field, value, *min, *max),
            _ => Ok(()),
        }
    }

    fn check_json(
        &self,
        shape: &Shape,
        field: &str,
        value: &Value,
        depth: usize,
    ) -> Result<(), Violation> {
        if depth > 32 {
            return Ok(());
        }
        // A violation of the body itself is the body's.
        let field = if field.is_empty() && !matches!(self.resolve(shape), Shape::Object(_)) {
            "body"
        } else {
            field
        };
        let shown = || match value {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        match self.resolve(shape) {
            Shape::Object(fields) => {
                let Value::Object(map) = value else {
                    let at = if field.is_empty() { "body" } else { field };
                    return Err(violation(at, shown(), "not an object"));
                };
                for (name, shape, required) in fields {
                    let path = if field.is_empty() {
                        name.clone()
                    } else {
                        format!("{field}.{name}")
                    };
                    match map.get(name) {
                        None | Some(Value::Null) if *required => {
                            return Err(violation(&path, "", "required"));
                        }
                        None | Some(Value::Null) => {}
                        Some(v) => self.check_json(shape, &path, v, depth + 1)?,
                    }
                }
                Ok(())
            }
            Shape::Array(item, (min, max)) => {
                let Value::Array(items) = value else {
                    return Err(violation(field, shown(), "not a list"));
                };
                let n = u32::try_from(items.len()).unwrap_or(u32::MAX);
                if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
                    return Err(violation(field, n.to_string(), items_rule(*min, *max)));
                }
                for (i, v) in items.iter().enumerate() {
                    self.check_json(item, &format!("{field}[{i}]"), v, depth + 1)?;
                }
                Ok(())
            }
            Shape::Map(item) => {
                let Value::Object(map) = value else {
                    return Err(violation(field, shown(), "not an object"));
                };
                for (k, v) in map {
                    self.check_json(item, &format!("{field}.{k}"), v, depth + 1)?;
                }
                Ok(())
            }
            Shape::String(_) | Shape::Enum(_) => match value {
                Value::String(s) => self.check_text(shape, field, s),
                _ => Err(violation(field, shown(), "not a string")),
            },
            Shape::Timestamp => match value {
                Value::String(s) => self.check_text(shape, field, s),
                Value::Number(n) if n.is_u64() => Ok(()),
                _ => Err(violation(field, shown(), "not a time in milliseconds")),
            },
            Shape::Int(..) | Shape::IntEnum(_) => match value {
                Value::Number(n) if n.is_i64() || n.is_u64() => {
                    self.check_text(shape, field, &n.to_string())
                }
                _ => Err(violation(field, shown(), "not a whole number")),
            },
            Shape::Number(..) => match value {
                Value::Number(n) => self.check_text(shape, field, &n.to_string()),
                _ => Err(violation(field, shown(), "not a number")),
            },
            Shape::Bool => match value {
                Value::Bool(_) => Ok(()),
                _ => Err(violation(field, shown(), "not `true` or `false`")),
            },
            Shape::InString(inner) => match value {
                Value::String(text) => match serde_json::from_str::<Value>(text) {
                    Ok(document) => self.check_json(inner, field, &document, depth + 1),
                    Err(e) => Err(violation(
                        field,
                        shown(),
                        format!("not JSON in a string: {e}"),
                    )),
                },
                _ => Err(violation(field, shown(), "not a string (of JSON)")),
            },
            Shape::Any | Shape::File | Shape::Named(_) => Ok(()),
        }
    }
}

impl Contract {
    /// Whether it takes a JSON body.
    pub fn has_json_body(&self) -> bool {
        self.body.is_some() && !self.multipart
    }

    /// The path template's literal start (`/open-apis/im/v1/chats/`…).
    pub fn path(&self) -> String {
        self.segments
            .iter()
            .map(|s| s.as_deref().unwrap_or(":"))
            .collect()
    }

    fn literal_len(&self) -> usize {
        self.segments.iter().flatten().map(String::len).sum()
    }

    /// The path parameters' values, when `path` is this endpoint's.
    fn matches(&self, path: &str) -> Option<Vec<(String, String)>> {
        let mut values = Vec::new();
        let mut rest = path;
        let mut params = self.path_params.iter();
        for (i, segment) in self.segments.iter().enumerate() {
            match segment {
                Some(text) => rest = rest.strip_prefix(text.as_str())?,
                None => {
                    // A parameter runs to the next literal's start, or the end.
                    let end = match self.segments.get(i + 1) {
                        Some(Some(next)) => rest.find(next.as_str())?,
                        _ => rest.len(),
                    };
                    let value = &rest[..end];
                    if value.is_empty() || value.contains('/') {
                        return None;
                    }
                    // As sent: percent-encoded (`a%40b.com`).
                    let value = percent_decode(value)?;
                    values.push((params.next()?.wire.clone(), value));
                    rest = &rest[end..];
                }
            }
        }
        rest.is_empty().then_some(values)
    }
}

fn bounded(
    field: &str,
    value: &str,
    n: f64,
    min: Option<f64>,
    max: Option<f64>,
) -> Result<(), Violation> {
    match (min, max) {
        (Some(min), _) if n < min => Err(violation(field, value, range(Some(min), max))),
        (_, Some(max)) if n > max => Err(violation(field, value, range(min, Some(max)))),
        _ => Ok(()),
    }
}

/// `%XX` escapes decoded; `None` when the result is not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        let hi = bytes.get(i + 1).copied().and_then(hex);
        let lo = bytes.get(i + 2).copied().and_then(hex);
        match (bytes[i], hi, lo) {
            (b'%', Some(hi), Some(lo)) => {
                out.push(u8::try_from(hi * 16 + lo).ok()?);
                i += 3;
            }
            (b, ..) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

fn range(min: Option<f64>, max: Option<f64>) -> String {
    match (min, max) {
        (Some(a), Some(b)) => format!("from {a} to {b}"),
        (Some(a), None) => format!("at least {a}"),
        (None, Some(b)) => format!("at most {b}"),
        (None, None) => String::new(),
    }
}

fn lengths(field: &str, value: &str, min: Option<u32>, max: Option<u32>) -> Result<(), Violation> {
    let n = u32::try_from(value.chars().count()).unwrap_or(u32::MAX);
    if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
        let rule = range(min.map(f64::from), max.map(f64::from));
        return Err(violation(field, value, format!("{rule} characters")));
    }
    Ok(())
}

fn items_rule(min: Option<u32>, max: Option<u32>) -> String {
    format!("{} items", range(min.map(f64::from), max.map(f64::from)))
}

/// A seed for a field below another: FNV-1a over the name, from the parent's.
fn mix(seed: u64, name: &str) -> u64 {
    name.bytes().fold(seed ^ 0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A request's seed: the same request, the same answer.
pub fn seed(parts: &[&[u8]]) -> u64 {
    parts.iter().fold(0, |h, p| {
        p.iter().fold(h ^ 0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
        })
    })
}
