//! Large synthetic specs for timing the checker: many types in one file,
//! the same shape written with YAML aliases, and an alias bomb the loader
//! must refuse.

use std::fmt::Write;
use std::path::Path;

/// What was written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Written {
    /// Named types.
    pub types: usize,
    /// Endpoints.
    pub endpoints: usize,
    /// Bytes of YAML.
    pub bytes: usize,
}

/// Writes `text` as `dir/demo/v1/<name>`, `dir` emptied first when `fresh`.
fn write(dir: &Path, name: &str, text: &str, fresh: bool) -> std::io::Result<()> {
    if fresh && dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    let folder = dir.join("demo/v1");
    std::fs::create_dir_all(&folder)?;
    std::fs::write(folder.join(name), text)
}

/// One type of the many-types spec, in turn: objects that refer to earlier
/// types (an object about half as far in, a list of enums, some fields
/// with scopes), enums, and maps of objects. Nesting is about 2 log₂ N deep,
/// as a tree of types is.
fn one_type(out: &mut String, i: usize) {
    let object = |k: usize| k - k % 4;
    match i % 4 {
        0 | 1 => {
            let _ = write!(
                out,
                "  T{i}:\n    type: object\n    description: Object number {i}, with a few fields.\n    fields:\n      \
                 id: {{type: string, required: true, description: The id of the {i}th thing.}}\n      \
                 count: {{type: int64}}\n      \
                 parent: {{type: T{}}}\n      \
                 kinds: {{type: array, items: {{type: T{}}}}}\n      \
                 owner: {{type: string, scopes: [\"contact:user.id:readonly\"]}}\n",
                object(i / 2),
                object(i / 3) + 2,
            );
        }
        2 => {
            let _ = write!(
                out,
                "  T{i}:\n    type: enum\n    description: Enum number {i}.\n    values:\n      \
                 - first_{i}\n      - second_{i}\n      - {{value: third, name: Third, description: The third.}}\n",
            );
        }
        _ => {
            let _ = write!(
                out,
                "  T{i}:\n    type: map\n    description: Map number {i}.\n    items: {{type: T{}}}\n",
                object(i),
            );
        }
    }
}

/// Endpoints over the many types: a paged list and a create per resource.
fn endpoints(out: &mut String, resource: usize, types: usize) {
    let t = |k: usize| 4 * ((resource * 7 + k) % (types / 4).max(1));
    let _ = write!(
        out,
        "  - name: list{resource}\n    summary: List things {resource}\n    method: GET\n    \
         path: /open-apis/demo/v1/things{resource}\n    tokens: [tenant, user]\n    \
         query:\n      page_token: {{type: string}}\n      page_size: {{type: int32, default: \"20\"}}\n      \
         kind: {{type: T{}}}\n    pagination: {{}}\n    response:\n      type: object\n      fields:\n        \
         has_more: {{type: boolean}}\n        page_token: {{type: string}}\n        \
         items: {{type: array, items: {{type: T{}}}}}\n    errors:\n      \
         - {{code: {}, http: 400, message: Bad thing.}}\n",
        t(0) + 2,
        t(1),
        1_000_000 + resource,
    );
    let _ = write!(
        out,
        "  - name: create{resource}\n    summary: Create a thing {resource}\n    method: POST\n    \
         path: /open-apis/demo/v1/things{resource}\n    tokens: [tenant]\n    body: {{type: T{}}}\n    \
         response: {{type: T{}}}\n",
        t(2),
        t(3) + 1,
    );
}

/// Writes a spec of about `bytes` bytes: one file of named types (objects,
/// enums, map aliases) and a file of endpoints using them (one paged list
/// and one create per 40 types), with a platform-wide error table.
pub fn write_many_types(dir: &Path, bytes: usize) -> std::io::Result<Written> {
    let mut types = String::from("service: demo\nversion: v1\ntypes:\n");
    let mut n = 0;
    while types.len() < bytes * 9 / 10 {
        one_type(&mut types, n);
        n += 1;
    }
    let mut calls = String::from("service: demo\nversion: v1\nresource: thing\nendpoints:\n");
    let resources = n / 40;
    for r in 0..resources {
        endpoints(&mut calls, r, n);
    }
    let mut common = String::from("platform_errors:\n");
    for code in 0..200 {
        let applies = ["all", "tenant_token", "user_token", "app_token"][code % 4];
        let _ = writeln!(
            common,
            "  - {{code: {}, name: Platform{code}, http: 400, message: Platform error {code}., applies: [{applies}]}}",
            99_000_000 + code
        );
    }
    write(dir, "types.yaml", &types, true)?;
    write(dir, "calls.yaml", &calls, false)?;
    std::fs::write(dir.join("common.yaml"), &common)?;
    Ok(Written {
        types: n,
        endpoints: 2 * resources,
        bytes: types.len() + calls.len() + common.len(),
    })
}

/// Writes a spec of about `bytes` bytes: one file of small objects of one
/// field each (80,000 of them in 5 MB).
pub fn write_small_types(dir: &Path, bytes: usize) -> std::io::Result<Written> {
    let mut text = String::from("service: demo\nversion: v1\ntypes:\n");
    let mut n = 0;
    while text.len() < bytes {
        let _ = write!(
            text,
            "  T{n}:\n    type: object\n    fields:\n      x: {{type: string}}\n"
        );
        n += 1;
    }
    write(dir, "types.yaml", &text, true)?;
    Ok(Written {
        types: n,
        endpoints: 0,
        bytes: text.len(),
    })
}

/// Writes a spec of about `bytes` bytes: one enum with that many values.
pub fn write_big_enum(dir: &Path, bytes: usize) -> std::io::Result<Written> {
    let mut text =
        String::from("service: demo\nversion: v1\ntypes:\n  Big:\n    type: enum\n    values:\n");
    let mut n = 0;
    while text.len() < bytes {
        let _ = writeln!(
            text,
            "      - {{value: value_{n}, description: Value {n}.}}"
        );
        n += 1;
    }
    write(dir, "types.yaml", &text, true)?;
    Ok(Written {
        types: 1,
        endpoints: 0,
        bytes: text.len(),
    })
}

/// Writes a spec of about `bytes` bytes whose types share their fields and
/// descriptions through YAML aliases (`fields: *fields`), within the
/// loader's limits on what aliases may copy.
pub fn write_alias_heavy(dir: &Path, bytes: usize) -> std::io::Result<Written> {
    let mut text = String::from(
        "service: demo\nversion: v1\ntypes:\n  T0:\n    type: object\n    \
         description: &doc One of many things that share their fields, written once and repeated by alias.\n    \
         fields: &fields\n      id: {type: string, required: true}\n      name: {type: string}\n      \
         count: {type: int64}\n",
    );
    let mut n = 1;
    while text.len() < bytes {
        let _ = writeln!(
            text,
            "  T{n}: {{type: object, description: *doc, fields: *fields}}"
        );
        n += 1;
    }
    write(dir, "types.yaml", &text, true)?;
    Ok(Written {
        types: n,
        endpoints: 0,
        bytes: text.len(),
    })
}

/// Writes an alias bomb: a 1 MiB value repeated 400 times by alias, which
/// the loader refuses (it would copy 400 MiB).
pub fn write_alias_bomb(dir: &Path) -> std::io::Result<Written> {
    let mut text = format!(
        "service: demo\nversion: v1\ntypes:\n  T0:\n    type: string\n    description: &big {}\n",
        "x".repeat(1 << 20)
    );
    for i in 1..=400 {
        let _ = writeln!(text, "  T{i}: {{type: string, description: *big}}");
    }
    write(dir, "types.yaml", &text, true)?;
    Ok(Written {
        types: 401,
        endpoints: 0,
        bytes: text.len(),
    })
}
