//! The spec format's reference, written from the declarations the decoder
//! itself uses, so it lists every key there is and nothing else.

use std::fmt::Write;

use crate::decode::{Decode, Documented, KeyDoc};
use crate::spec::{
    AppType, Applies, ENUM_VALUE_KEYS, Endpoint, EnvelopeVersion, ErrorRow, Event, Method,
    Pagination, PlatformError, RateLimit, Role, SpecFile, TYPE_KEYS, TokenType,
};

/// The JSON Schema of a spec file (draft 2020-12), for editors: with
/// `# yaml-language-server: $schema=…` at the top of a spec file, or the
/// editor's YAML schema settings, keys are completed and checked as typed.
pub fn json_schema() -> String {
    use crate::schema::{Defs, Json};
    let mut defs = Defs::default();
    let root = SpecFile::schema(&mut defs);
    let Json::Obj(mut pairs) = Json::obj([
        (
            "$schema",
            Json::str("https://json-schema.org/draft/2020-12/schema"),
        ),
        ("title", Json::str("Feishu / Lark Open Platform spec file")),
        (
            "description",
            Json::str(
                "A YAML file of the lark-rs spec: types, endpoints, events and error tables. \
                 Written by `cargo run -p lark-spec -- schema` from the loader's own declarations.",
            ),
        ),
    ]) else {
        return String::new();
    };
    if let Json::Obj(root) = root {
        pairs.extend(root);
    }
    pairs.push(("$defs".to_owned(), defs.into_json()));
    let mut text = Json::Obj(pairs).pretty();
    text.push('\n');
    text
}

/// The reference as Markdown.
pub fn markdown() -> String {
    let mut out = String::from(
        "# Spec format reference\n\n\
         Every key a spec file may have. This page is written by\n\
         `cargo run -p lark-spec -- reference`, from the declarations the loader\n\
         itself reads; a test keeps it current. A key not listed here is an error.\n\n",
    );
    section::<SpecFile>(&mut out, "Spec file");
    section::<Endpoint>(&mut out, "Endpoint");
    section::<RateLimit>(&mut out, "Rate limit");
    section::<Pagination>(&mut out, "Pagination");
    section::<ErrorRow>(&mut out, "Error row");
    section::<Event>(&mut out, "Event");
    section::<PlatformError>(&mut out, "Platform error");
    type_expressions(&mut out);
    enum_values(&mut out);
    text(&mut out);
    keywords(&mut out);
    names_and_limits(&mut out);
    out
}

fn one_line(doc: &str) -> String {
    doc.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn section<T: Documented>(out: &mut String, title: &str) {
    let _ = writeln!(out, "## {title}\n\n{}\n", one_line(T::DOC));
    out.push_str("| key | required | value | meaning |\n|---|---|---|---|\n");
    for KeyDoc {
        name,
        doc,
        required,
        expected,
    } in T::KEYS
    {
        let required = if *required { "yes" } else { "no" };
        let _ = writeln!(
            out,
            "| `{name}` | {required} | {} | {} |",
            expected(),
            one_line(doc)
        );
    }
    out.push('\n');
}

fn type_expressions(out: &mut String) {
    out.push_str(
        "## Type expressions\n\n\
         A type expression is a mapping with `type` and, depending on the type and on\n\
         where it stands, the keys below. It stands for named types (`types:`),\n\
         fields (`fields:`), array and map elements (`items:`), parameters and headers,\n\
         and request and response bodies. An inline `object` or `enum` becomes a named\n\
         Rust type called after its parent and field (`MessageSender`), or `type_name`.\n\n",
    );
    out.push_str("| key | meaning |");
    for role in Role::ALL {
        let _ = write!(out, " {} |", role.what());
    }
    out.push_str("\n|---|---|");
    for _ in Role::ALL {
        out.push_str("---|");
    }
    out.push('\n');
    for key in TYPE_KEYS {
        let _ = write!(out, "| `{}` | {} |", key.name, one_line(&key.doc()));
        for role in Role::ALL {
            out.push_str(if role.allows(key) { " ✓ |" } else { " |" });
        }
        out.push('\n');
    }
    out.push('\n');
}

fn enum_values(out: &mut String) {
    out.push_str(
        "## Enum value\n\nAn item of `values`: the value itself (`SMILE`), or a mapping.\n\n\
         | key | meaning |\n|---|---|\n",
    );
    for (name, doc) in ENUM_VALUE_KEYS {
        let _ = writeln!(out, "| `{name}` | {doc} |");
    }
    out.push('\n');
}

fn text(out: &mut String) {
    let _ = writeln!(
        out,
        "## Text\n\nProse (`summary`, `description`, `remedy`, …): {}. Both languages are\n\
         kept and rendered into the generated docs, English first. Code blocks in prose\n\
         (fenced, or indented four spaces) are shown as written and never run as doctests:\n\
         a fence without a language, or marked `rust`, is rendered as `text`.\n",
        crate::spec::Text::EXPECTED
    );
}

fn keywords(out: &mut String) {
    out.push_str("## Keywords\n\n");
    keyword_line(out, "`method`", Method::ALL);
    keyword_line(out, "`tokens`", TokenType::ALL);
    keyword_line(out, "`app_types`", AppType::ALL);
    keyword_line(out, "`applies`", Applies::ALL);
    keyword_line(out, "`schema`", EnvelopeVersion::ALL);
}

fn keyword_line<T>(out: &mut String, key: &str, all: &[(&str, T)]) {
    let values: Vec<String> = all.iter().map(|(t, _)| format!("`{t}`")).collect();
    let _ = writeln!(out, "- {key}: {}", values.join(", "));
}

fn names_and_limits(out: &mut String) {
    use crate::check::names::PRELUDE_NAMES;
    use crate::check::reserved::{OWN_METHODS, ROOT_MODULES, ROOT_NAMES};
    let code = |items: &[&str]| -> String {
        let items: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
        items.join(", ")
    };
    let firsts = |table: &[(&str, &str)]| -> Vec<String> {
        table
            .iter()
            .map(|(name, what)| format!("`{name}`, {what}"))
            .collect()
    };
    let _ = write!(
        out,
        "\n## Names the generated code takes\n\n\
         A spec name that would collide with one of these is an error where the spec writes it.\n\n\
         - Services: `common`, the module of platform-wide files; {}. The importer names a \
         platform service that has one of these names `<name>_api` (`event_api`).\n\
         - In a version module with endpoints: `Calls`, `CallsExt`, and per resource \
         `<Resource>Calls` and `<Resource>CallsExt`; per endpoint `<Id>Request`, `<Id>Error` \
         and `<Id>Response`.\n\
         - Methods of the generated calls: {} (`from_client` on the calls of a service or \
         version, `with` and `options` on a resource's). A resource's name is a method of its \
         module's calls, a version's of its service's; an endpoint `x` takes the methods `x` \
         and, when paged, `x_all` of its resource's calls.\n\
         - Events: {}; each event's variant of `Event` and handler `on_<name>` are its own.\n\
         - Types: the names of Rust's prelude that generated code uses: {}.\n\
         - A parameter may not have the Rust name `new` or `body`, nor an optional field `new` \
         (their setters would be the constructor's or the body's).\n",
        firsts(ROOT_MODULES).join("; "),
        firsts(OWN_METHODS).join("; "),
        firsts(ROOT_NAMES).join(", "),
        code(PRELUDE_NAMES),
    );
    let _ = write!(
        out,
        "\n## Limits\n\n\
         - YAML aliases may copy at most {} nodes and {} MiB of text into one file (each alias \
         copies its anchor's whole value).\n\
         - Nesting in one file: {} levels; folders below the spec folder: {} levels. A folder \
         reached twice through symbolic links is read once.\n\
         - Fields with `scopes` under one response or event: at most {} dotted paths.\n\
         - An alias may not contain itself (`A: {{type: B}}`, `B: {{type: A}}`, or \
         `A: {{type: array, items: {{type: A}}}}`); an object may.\n",
        group_thousands(crate::yaml::MAX_ALIAS_NODES),
        crate::yaml::MAX_ALIAS_BYTES >> 20,
        crate::yaml::MAX_DEPTH,
        crate::MAX_DEPTH,
        crate::check::MAX_SCOPED_PATHS,
    );
}

/// `2000000` → `2,000,000`.
fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
