//! Events from the official SDKs' event definitions.
//!
//! The Node SDK's handler table (`code-gen/events-template.ts`) types every
//! event of schema 2.0: its body's fields with required flags and string
//! enums, its page and its title. Its numbers are all `number`, which says
//! nothing of whole or not; the Go SDK's `P2…Data` structs
//! (`service/<service>/<version>/model.go`, reached from the event types in
//! `event/dispatcher/*.go`) tell `*int` from `*float64`, and are the
//! second source the first is checked against: a field one has and the
//! other lacks is reported. A number the Go SDK does not type is imported
//! as `number`, which holds a whole number too.

use std::collections::HashMap;

use super::out::Out;
use super::parts::parse;

/// The envelope's fields, which the Node SDK writes before each body's
/// own (the header of schema 2.0): not the body's.
const ENVELOPE: &[&str] = &[
    "event_id",
    "token",
    "create_time",
    "event_type",
    "tenant_key",
    "ts",
    "uuid",
    "type",
    "app_id",
];

/// An event read from the sources, before it goes to its file.
pub(super) struct ImportedEvent {
    pub service: String,
    pub version: String,
    /// The file it goes to (`message`, `chat_member_bot`).
    pub resource: String,
    /// Its body type's name (`MessageReceiveV1`), the start of its inline
    /// type names.
    pub prefix: String,
    pub event_type: String,
    pub out: Out,
}

/// A TypeScript type of the handler table.
#[derive(Debug)]
enum Ts {
    String,
    Number,
    Boolean,
    Any,
    Literals(Vec<String>),
    Object(Vec<(String, bool, Ts)>),
    Array(Box<Ts>),
    Map(Box<Ts>),
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Doc(String),
    Str(String),
    Ident(String),
    Punct(char),
}

fn tokens(text: &str) -> Result<Vec<Token>, String> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let mut line = 1;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
        }
        if c.is_whitespace() {
            i += 1;
        } else if c == '/' && chars.get(i + 1) == Some(&'/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && chars.get(i + 1) == Some(&'*') {
            let start = i + 2;
            i = start;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                if chars[i] == '\n' {
                    line += 1;
                }
                i += 1;
            }
            if i + 1 >= chars.len() {
                return Err(format!("line {line}: a comment that does not end"));
            }
            out.push(Token::Doc(chars[start..i].iter().collect()));
            i += 2;
        } else if c == '"' || c == '\'' {
            let start = i + 1;
            i = start;
            while i < chars.len() && chars[i] != c && chars[i] != '\n' {
                i += 1;
            }
            if chars.get(i) != Some(&c) {
                return Err(format!("line {line}: a string that does not end"));
            }
            out.push(Token::Str(chars[start..i].iter().collect()));
            i += 1;
        } else if c.is_alphanumeric() || c == '_' || c == '$' {
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '$')
            {
                i += 1;
            }
            out.push(Token::Ident(chars[start..i].iter().collect()));
        } else {
            out.push(Token::Punct(c));
            i += 1;
        }
    }
    Ok(out)
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
    /// How deep the types being read are nested (bounded, so that no input
    /// runs the stack out).
    depth: usize,
}

/// How deep a handler's types may nest.
const MAX_NESTING: usize = 64;

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn next(&mut self) -> Option<Token> {
        let t = self.tokens.get(self.at).cloned();
        self.at += 1;
        t
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(&Token::Punct(c)) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, c: char) -> Result<(), String> {
        if self.eat(c) {
            Ok(())
        } else {
            Err(format!("expected `{c}`, found {:?}", self.peek()))
        }
    }

    /// A type: one of its alternatives, or a union of string literals.
    fn ty(&mut self) -> Result<Ts, String> {
        // A union written one alternative per line starts with `|`.
        let _ = self.eat('|');
        let mut alternatives = vec![self.primary()?];
        while self.eat('|') {
            alternatives.push(self.primary()?);
        }
        if alternatives.len() == 1 {
            return Ok(alternatives.remove(0));
        }
        let mut values = Vec::new();
        for a in alternatives {
            match a {
                Ts::Literals(v) => values.extend(v),
                other => return Err(format!("a union of {other:?} and other types")),
            }
        }
        Ok(Ts::Literals(values))
    }

    fn primary(&mut self) -> Result<Ts, String> {
        if self.depth >= MAX_NESTING {
            return Err(format!("types nested deeper than {MAX_NESTING}"));
        }
        self.depth += 1;
        let ty = self.primary_here();
        self.depth -= 1;
        ty
    }

    fn primary_here(&mut self) -> Result<Ts, String> {
        match self.next() {
            Some(Token::Punct('{')) => {
                let mut fields = Vec::new();
                while !self.eat('}') {
                    let name = match self.next() {
                        Some(Token::Ident(n) | Token::Str(n)) => n,
                        other => return Err(format!("expected a field name, found {other:?}")),
                    };
                    let required = !self.eat('?');
                    self.expect(':')?;
                    let ty = self.ty()?;
                    fields.push((name, required, ty));
                    let _ = self.eat(';') || self.eat(',');
                }
                Ok(Ts::Object(fields))
            }
            Some(Token::Ident(name)) => match name.as_str() {
                "string" => Ok(Ts::String),
                "number" => Ok(Ts::Number),
                "boolean" => Ok(Ts::Boolean),
                "any" | "unknown" | "object" => Ok(Ts::Any),
                "Array" => {
                    self.expect('<')?;
                    let item = self.ty()?;
                    self.expect('>')?;
                    Ok(Ts::Array(Box::new(item)))
                }
                "Record" => {
                    self.expect('<')?;
                    self.ty()?;
                    self.expect(',')?;
                    let value = self.ty()?;
                    self.expect('>')?;
                    Ok(Ts::Map(Box::new(value)))
                }
                other => Err(format!("the type `{other}`")),
            },
            Some(Token::Str(value)) => Ok(Ts::Literals(vec![value])),
            other => Err(format!("expected a type, found {other:?}")),
        }
    }
}

/// The page and the title a handler's doc comment gives.
fn doc_parts(doc: &str) -> (Option<String>, Option<String>) {
    let lines: Vec<&str> = doc
        .lines()
        .map(|l| l.trim().trim_start_matches('*').trim())
        .filter(|l| !l.is_empty())
        .collect();
    let mut url = None;
    let mut title = None;
    for line in lines {
        if let Some(rest) = line.strip_prefix("{@link ") {
            url = rest.split_whitespace().next().map(str::to_owned);
        } else if title.is_none() {
            title = Some(line.to_owned());
        }
    }
    (url, title)
}

/// The Go SDK's structs: name → fields (JSON name → Go type, `*` and
/// `[]` taken off), per package folder (`service/im/v1`).
#[derive(Default)]
pub(super) struct GoTypes {
    /// Event type → (package folder, body struct).
    events: HashMap<String, (String, String)>,
    /// (package folder, struct) → JSON name → Go type.
    structs: HashMap<(String, String), HashMap<String, String>>,
}

/// Reads the Go SDK's files (`(path in the SDK, text)`): the dispatchers
/// under `event/dispatcher/` and the models under `service/`.
pub(super) fn go_types(files: &[(String, String)]) -> GoTypes {
    let mut go = GoTypes::default();
    // A model's package name (`larkim`), by its folder.
    let mut packages = HashMap::new();
    for (path, text) in files {
        let Some(folder) = path.strip_suffix("/model.go") else {
            continue;
        };
        let mut current: Option<(String, HashMap<String, String>)> = None;
        for line in text.lines() {
            if let Some(name) = line.strip_prefix("package ") {
                packages.insert(folder.to_owned(), name.trim().to_owned());
            } else if let Some(rest) = line.strip_prefix("type ")
                && let Some(name) = rest.strip_suffix(" struct {")
            {
                current = Some((name.trim().to_owned(), HashMap::new()));
            } else if line == "}" {
                if let Some((name, fields)) = current.take() {
                    go.structs.insert((folder.to_owned(), name), fields);
                }
            } else if let Some((_, fields)) = &mut current {
                let mut words = line.split_whitespace();
                let (Some(_), Some(ty)) = (words.next(), words.next()) else {
                    continue;
                };
                let Some(json) = line
                    .split_once("json:\"")
                    .and_then(|(_, r)| r.split([',', '"']).next())
                else {
                    continue;
                };
                let ty = ty.trim_start_matches(['*', '[', ']']);
                fields.insert(json.to_owned(), ty.to_owned());
            }
        }
    }
    for (path, text) in files {
        if !path.starts_with("event/dispatcher/") {
            continue;
        }
        // `larkim "github.com/larksuite/oapi-sdk-go/v3/service/im/v1"`, or
        // the path alone (the package's own name).
        let mut imported = HashMap::new();
        for line in text.lines() {
            let line = line.trim();
            let Some(at) = line.find("/service/") else {
                continue;
            };
            let folder = line[at + 1..].trim_end_matches('"').to_owned();
            let alias = line.split_once(" \"").map(|(a, _)| a.trim().to_owned());
            if let Some(name) = alias.or_else(|| packages.get(&folder).cloned()) {
                imported.insert(name, folder);
            }
        }
        // `…eventType2EventHandler["im.message.receive_v1"] = larkim.NewP2MessageReceiveV1Handler(handler)`
        for line in text.lines() {
            let Some((_, rest)) = line.split_once("eventType2EventHandler[\"") else {
                continue;
            };
            let Some((event_type, rest)) = rest.split_once("\"] = ") else {
                continue;
            };
            let Some((package, rest)) = rest.split_once(".New") else {
                continue;
            };
            let Some(name) = rest
                .split('(')
                .next()
                .and_then(|n| n.strip_suffix("Handler"))
            else {
                continue;
            };
            if let Some(folder) = imported.get(package.trim()) {
                go.events.insert(
                    event_type.to_owned(),
                    (folder.clone(), format!("{name}Data")),
                );
            }
        }
    }
    go
}

/// Where a walk stands in the Go SDK's types: a struct of a package.
type GoAt<'a> = Option<(&'a str, &'a str)>;

/// Builds the OpenAPI-like schema of a TypeScript type, the Go SDK's type
/// at the same place deciding numbers; differences are noted.
fn schema(
    ts: &Ts,
    go: &GoTypes,
    at: GoAt<'_>,
    go_ty: Option<&str>,
    path: &str,
    notes: &mut Vec<String>,
) -> Out {
    let mut s = Out::map();
    match ts {
        Ts::String => s.set("type", Out::str("string")),
        Ts::Boolean => s.set("type", Out::str("boolean")),
        Ts::Any => {}
        Ts::Number => match go_ty {
            Some("int" | "int64") => {
                s.set("type", Out::str("integer"));
                s.set("format", Out::str("int64"));
            }
            Some("int32" | "int16" | "int8") => s.set("type", Out::str("integer")),
            Some("float64" | "float32") | None => s.set("type", Out::str("number")),
            Some(other) => {
                notes.push(format!(
                    "{path}: a number in the Node SDK, `{other}` in the Go SDK"
                ));
                s.set("type", Out::str("number"));
            }
        },
        Ts::Literals(values) => {
            s.set("type", Out::str("string"));
            s.set("enum", Out::Seq(values.iter().map(Out::str).collect()));
        }
        Ts::Array(item) => {
            s.set("type", Out::str("array"));
            s.set(
                "items",
                schema(item, go, at, go_ty, &format!("{path}[]"), notes),
            );
        }
        Ts::Map(value) => {
            s.set("type", Out::str("object"));
            s.set(
                "additionalProperties",
                schema(value, go, None, None, &format!("{path}{{}}"), notes),
            );
        }
        Ts::Object(fields) => {
            // The struct this object is in the Go SDK, when known.
            let here = match (at, go_ty) {
                (Some((folder, _)), Some(name)) => Some((folder, name)),
                (Some(at), None) => Some(at),
                _ => None,
            };
            let go_fields = here.and_then(|(f, n)| go.structs.get(&(f.to_owned(), n.to_owned())));
            s.set("type", Out::str("object"));
            let mut properties = Out::map();
            let mut required = Vec::new();
            for (name, is_required, ty) in fields {
                let field_go = go_fields.and_then(|f| f.get(name)).map(String::as_str);
                let field_path = format!("{path}.{name}");
                if go_fields.is_some() && field_go.is_none() {
                    notes.push(format!("{field_path}: not in the Go SDK"));
                }
                let child_at = here.zip(field_go).map(|((folder, _), ty)| (folder, ty));
                properties.set(name, schema(ty, go, child_at, field_go, &field_path, notes));
                if *is_required {
                    required.push(Out::str(name));
                }
            }
            if let (Some(go_fields), Ts::Object(_)) = (go_fields, ts) {
                let mut missing: Vec<&String> = go_fields
                    .keys()
                    .filter(|k| !fields.iter().any(|(n, ..)| n == *k))
                    .collect();
                missing.sort();
                for name in missing {
                    notes.push(format!("{path}.{name}: in the Go SDK only"));
                }
            }
            s.set("properties", properties);
            if !required.is_empty() {
                s.set("required", Out::Seq(required));
            }
        }
    }
    s
}

/// `contact.user.created_v3` → (`contact`, `v3`, `user`, `UserCreatedV3`).
fn names(event_type: &str) -> Option<(String, String, String, String)> {
    let parts: Vec<&str> = event_type.split('.').collect();
    let (service, middle, last) = match parts.as_slice() {
        [service, middle @ .., last] if !middle.is_empty() => (*service, middle, *last),
        _ => return None,
    };
    let (_, version) = last.rsplit_once("_v")?;
    if version.is_empty() || !version.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let name = crate::check::names::pascal(&parts[1..].join("_"));
    Some((
        service.to_owned(),
        format!("v{version}"),
        middle.join("_"),
        name,
    ))
}

/// Reads the Node SDK's handler table, checked against and typed with the
/// Go SDK's files.
pub(super) fn read(
    name: &str,
    source: &str,
    go: &GoTypes,
    notes: &mut Vec<String>,
    skipped: &mut Vec<String>,
) -> Result<Vec<ImportedEvent>, Vec<String>> {
    let tokens = tokens(source).map_err(|e| vec![format!("{name}: {e}")])?;
    let mut parser = Parser {
        tokens,
        at: 0,
        depth: 0,
    };
    let mut doc = None;
    let mut out = Vec::new();
    while let Some(token) = parser.next() {
        match token {
            Token::Doc(text) => doc = Some(text),
            // `"im.message.receive_v1"?: (data: { … }) => …;`
            Token::Str(event_type)
                if parser.peek() == Some(&Token::Punct('?'))
                    && parser.tokens.get(parser.at + 2) == Some(&Token::Punct('('))
                    && event_type.contains('.') =>
            {
                parser.at += 3;
                let (url, title) = doc.take().map(|d| doc_parts(&d)).unwrap_or_default();
                let body = match (parser.next(), parser.next()) {
                    (Some(Token::Ident(_)), Some(Token::Punct(':'))) => parser.ty(),
                    _ => Err("expected `(data: …)`".to_owned()),
                };
                let body = match body {
                    Ok(Ts::Object(fields)) => fields,
                    Ok(_) => {
                        return Err(vec![format!(
                            "{name}: {event_type}: a body that is not an object"
                        )]);
                    }
                    Err(e) => return Err(vec![format!("{name}: {event_type}: {e}")]),
                };
                let Some((service, version, resource, prefix)) = names(&event_type) else {
                    skipped.push(format!(
                        "{name}: {event_type}: no `<service>.….<name>_v<N>` type"
                    ));
                    continue;
                };
                let envelope: Vec<&str> = body
                    .iter()
                    .take(ENVELOPE.len())
                    .map(|(n, ..)| n.as_str())
                    .collect();
                if envelope != ENVELOPE {
                    skipped.push(format!(
                        "{name}: {event_type}: the body does not start with the envelope's fields"
                    ));
                    continue;
                }
                let mut fields: Vec<_> = body.into_iter().skip(ENVELOPE.len()).collect();
                let go_body = go.events.get(&event_type);
                // A body field named as an envelope's (`app_id` of the app an
                // event is about) is folded into the envelope's by the Node
                // SDK; the Go SDK keeps it.
                if let Some(go_fields) = go_body.and_then(|b| go.structs.get(b)) {
                    for name in ENVELOPE {
                        let ts = match go_fields.get(*name).map(String::as_str) {
                            Some("string") => Ts::String,
                            Some("bool") => Ts::Boolean,
                            Some("int" | "int32" | "int64") => Ts::Number,
                            _ => continue,
                        };
                        if !fields.iter().any(|(n, ..)| n == name) {
                            fields.push(((*name).to_owned(), false, ts));
                        }
                    }
                }
                let fields = Ts::Object(fields);
                match go_body {
                    None => notes.push(format!("{event_type}: not in the Go SDK")),
                    Some(b) if !go.structs.contains_key(b) => notes.push(format!(
                        "{event_type}: the Go SDK's struct {} is not in its models",
                        b.1
                    )),
                    Some(_) => {}
                }
                let at = go_body.map(|(f, n)| (f.as_str(), n.as_str()));
                let schema = schema(&fields, go, at, None, &event_type, notes);
                let text = super::out::document(&[], &schema);
                let node = parse(&event_type, &text)?;
                let ty = super::openapi::standalone_type(&node, &prefix);
                let mut ev = Out::map();
                ev.set("event_type", Out::str(&event_type));
                ev.set("schema", Out::str("2.0"));
                let mut summary = Out::map();
                summary.set("zh", Out::str(title.unwrap_or_else(|| event_type.clone())));
                ev.set("summary", summary);
                if let Some(url) = url {
                    ev.set("doc_url", Out::str(url));
                }
                match super::parts::field(&ty, "fields") {
                    Some(fields) => ev.set("fields", fields.clone()),
                    None => ev.set("fields", Out::map()),
                }
                out.push(ImportedEvent {
                    service,
                    version,
                    resource,
                    prefix,
                    event_type,
                    out: ev,
                });
            }
            // A comment is a handler's only when the handler follows it.
            _ => doc = None,
        }
    }
    Ok(out)
}
