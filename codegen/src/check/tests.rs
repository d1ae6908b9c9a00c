//! Unit tests of checking: each mistake is reported once, at its place.

use crate::diag::{Diagnostics, FileId, SourceFile, Sources};
use crate::model::{Model, Ty, TypeKind};

/// Checks spec files given as (name, text), returning the model and messages.
pub(crate) fn check_texts(files: &[(&str, &str)]) -> (Model, Vec<String>) {
    let mut sources = Sources::default();
    let mut diags = Diagnostics::default();
    let mut decoded = Vec::new();
    for (name, text) in files {
        let id: FileId = sources.add(SourceFile {
            path: name.into(),
            display: (*name).to_owned(),
            text: (*text).to_owned(),
        });
        let node = crate::yaml::parse(id, text, &mut diags);
        if let Some(file) = node.and_then(|n| {
            <crate::spec::SpecFile as crate::decode::Decode>::decode(
                &n,
                &mut crate::decode::Cx { diags: &mut diags },
            )
        }) {
            decoded.push((id, file));
        }
    }
    let model = super::check(&decoded, &sources, &mut diags);
    (model, diags.render(&sources))
}

#[test]
fn resolves_types_across_files_and_modules() {
    let (model, errs) = check_texts(&[
        (
            "a.yaml",
            "service: im\nversion: v1\ntypes:\n  Holder:\n    type: object\n    fields:\n      user: {type: UserId}\n      emoji: {type: Emoji}\n",
        ),
        (
            "b.yaml",
            "service: im\nversion: v1\ntypes:\n  Emoji:\n    type: object\n    fields:\n      emoji_type: {type: string}\n",
        ),
        (
            "c.yaml",
            "types:\n  UserId:\n    type: object\n    fields:\n      open_id: {type: string}\n",
        ),
    ]);
    assert!(errs.is_empty(), "{errs:?}");
    let holder = model.types.iter().find(|t| t.name == "Holder").unwrap();
    let TypeKind::Object(fields) = &holder.kind else {
        panic!()
    };
    let names: Vec<String> = fields
        .iter()
        .map(|f| match &f.ty {
            Ty::Named(id) => model.types[id.0].name.clone(),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(names, ["UserId", "Emoji"]);
}

fn type_named<'m>(model: &'m Model, name: &str) -> &'m crate::model::TypeDef {
    model
        .types
        .iter()
        .find(|t| t.name == name)
        .unwrap_or_else(|| panic!("no type {name}"))
}

fn fields_of<'m>(model: &'m Model, name: &str) -> &'m [crate::model::Field] {
    match &type_named(model, name).kind {
        TypeKind::Object(fields) => fields,
        other => panic!("{name} is {other:?}"),
    }
}

#[test]
fn boxes_fields_that_close_a_cycle_only() {
    let (model, errs) = check_texts(&[(
        "a.yaml",
        "types:\n  A:\n    type: object\n    fields:\n      me: {type: A}\n      b: {type: B}\n      many: {type: array, items: {type: A}}\n      c: {type: C}\n  B:\n    type: object\n    fields:\n      a: {type: A}\n  C:\n    type: object\n    fields:\n      x: {type: string}\n",
    )]);
    assert!(errs.is_empty(), "{errs:?}");
    let boxed: Vec<(&str, bool)> = fields_of(&model, "A")
        .iter()
        .map(|f| (f.json.as_str(), f.boxed))
        .collect();
    assert_eq!(
        boxed,
        [("me", true), ("b", true), ("many", false), ("c", false)]
    );
    assert!(fields_of(&model, "B")[0].boxed);
}

#[test]
fn eq_is_derived_only_without_floats_anywhere_inside() {
    let (model, errs) = check_texts(&[(
        "a.yaml",
        "types:\n  Price:\n    type: object\n    fields:\n      amount: {type: number}\n  Order:\n    type: object\n    fields:\n      prices: {type: map, items: {type: Price}}\n  Plain:\n    type: object\n    fields:\n      n: {type: int64}\n      any: {type: any}\n",
    )]);
    assert!(errs.is_empty(), "{errs:?}");
    assert!(!type_named(&model, "Price").eq);
    assert!(!type_named(&model, "Order").eq);
    assert!(type_named(&model, "Plain").eq);
}

const ENDPOINT: &str = "service: im\nversion: v1\nresource: message\nendpoints:\n  - name: get\n    summary: Get\n    method: GET\n    path: /open-apis/im/v1/messages/:message_id/parts/:part\n    tokens: [user]\n    path_params:\n      part: {type: int64}\n      message_id: {type: string}\n    response:\n      type: object\n      fields:\n        sender: {type: UserId}\n    errors:\n      - {code: 99991400, name: MyLimit, http: 429, message: limited}\n      - {code: 230002, http: 400, message: \"Bot can NOT be out of the chat.\"}\n";

const PLATFORM: &str = "types:\n  UserId:\n    type: object\n    fields:\n      user_id: {type: string, scopes: [contact:user.employee_id:readonly]}\nplatform_errors:\n  - {code: 99991400, name: RateLimited, message: limited, applies: [all]}\n  - {code: 99991663, name: TenantTokenInvalid, message: tenant, applies: [tenant_token]}\n  - {code: 99991668, name: UserTokenInvalid, message: user, applies: [user_token]}\n  - {code: 10002, name: BotNotInChat, message: bot out}\n";

#[test]
fn endpoints_get_path_segments_errors_and_field_scopes() {
    let (model, errs) = check_texts(&[("a.yaml", ENDPOINT), ("common.yaml", PLATFORM)]);
    assert!(errs.is_empty(), "{errs:?}");
    let ep = &model
        .modules
        .iter()
        .find(|m| m.service == "im")
        .unwrap()
        .endpoints[0];
    assert_eq!(ep.id, "im.v1.message.get");
    assert_eq!(ep.request_type, "GetMessageRequest");
    let wires: Vec<&str> = ep.path_params.iter().map(|p| p.wire.as_str()).collect();
    assert_eq!(
        wires,
        ["message_id", "part"],
        "path order, not description order"
    );
    assert_eq!(ep.path_params[1].ty, Ty::I64);
    assert_eq!(
        ep.segments,
        [
            crate::model::Segment::Literal("/open-apis/im/v1/messages/".into()),
            crate::model::Segment::Param(0),
            crate::model::Segment::Literal("/parts/".into()),
            crate::model::Segment::Param(1),
        ]
    );
    let variants: Vec<(&str, i64, bool)> = ep
        .errors
        .iter()
        .map(|v| (v.ident.as_str(), v.code, v.platform))
        .collect();
    // The endpoint's own row for 99991400 wins; the tenant-token code does not
    // apply to a user-token endpoint; a code without `applies` is not added.
    assert_eq!(
        variants,
        [
            ("MyLimit", 99991400, false),
            ("BotCanNotBeOutOfTheChat", 230002, false),
            ("UserTokenInvalid", 99991668, true),
        ]
    );
    assert_eq!(
        ep.field_scopes,
        [(
            "sender.user_id".to_owned(),
            vec!["contact:user.employee_id:readonly".to_owned()]
        )]
    );
}

#[test]
fn stand_ins_keep_the_model_whole_after_errors() {
    let (model, errs) = check_texts(&[
        (
            "a.yaml",
            "service: im\nversion: v1\ntypes:\n  Thing:\n    type: object\n    fields:\n      a: {type: Nope}\n  Other:\n    type: object\n    fields:\n      x: {type: string}\n",
        ),
        (
            "b.yaml",
            "service: im\nversion: v1\ntypes:\n  Thing:\n    type: object\n    fields:\n      b: {type: string}\n",
        ),
    ]);
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert_eq!(
        errs,
        [
            "a.yaml:7:17: unknown type `Nope` (not defined in this spec; if it is a type of the SDK's spec, check with that spec as the base: `lark-spec check DIR --base <its spec folder>`, or `base = \"…\"` in `generate!`)",
            "b.yaml:4:3: `Thing` is defined twice, as a type (first at a.yaml:4:3)",
        ]
    );
    assert_eq!(fields_of(&model, "Thing")[0].ty, Ty::Any);
    assert_eq!(fields_of(&model, "Thing2")[0].json, "b");
    assert!(fields_of(&model, "Other")[0].ty == Ty::String);
}

#[test]
fn module_placement_rules() {
    let (model, errs) = check_texts(&[
        (
            "a.yaml",
            "service: im\ntypes:\n  A:\n    type: object\n    fields:\n      x: {type: string}\n",
        ),
        ("b.yaml", "service: Im\nversion: v1\n"),
        (
            "c.yaml",
            "service: common\nversion: v1\ntypes:\n  C:\n    type: object\n    fields:\n      x: {type: string}\n",
        ),
    ]);
    assert_eq!(
        errs,
        [
            "a.yaml:1:10: `service` needs `version` too (`version: v1`)",
            "b.yaml:1:10: service `Im` must be a lowercase Rust module name (`im`, `v1`)",
            "c.yaml:1:10: `common` is the module of platform-wide files; leave out `service` and `version`",
        ]
    );
    let keys: Vec<String> = model.modules.iter().map(|m| m.key()).collect();
    assert!(keys.contains(&"common".to_owned()), "{keys:?}");
}

#[test]
fn unknown_builtin_names_are_reported_wherever_they_stand() {
    let (_, errs) = check_texts(&[(
        "a.yaml",
        r#"service: im
version: v1
resource: thing
types:
  Other:
    type: strng
  Listed:
    type: string
    items: {type: arrray}
endpoints:
  - name: get
    summary: x
    method: GET
    path: /open-apis/im/v1/things
    tokens: [tenant]
    path_params:
      unused: {type: integr}
    query:
      page: {type: xyzzy, required: true}
"#,
    )]);
    assert_eq!(
        errs,
        [
            "a.yaml:6:11: unknown type `strng` (did you mean `string`?)",
            "a.yaml:9:5: key `items` goes with `type: array` or `type: map`, but the type here is `string`",
            "a.yaml:9:19: unknown type `arrray` (did you mean `array`?)",
            "a.yaml:17:7: path parameter `unused` does not appear in the path `/open-apis/im/v1/things`",
            "a.yaml:17:22: unknown type `integr` (expected `string`, `int32`, `int64`, `number`, `boolean`, `timestamp_ms`, `any`, `object`, `enum`, `array`, `map`, `binary` or `union`, or the PascalCase name of a type)",
            "a.yaml:19:20: unknown type `xyzzy` (expected `string`, `int32`, `int64`, `number`, `boolean`, `timestamp_ms`, `any`, `object`, `enum`, `array`, `map`, `binary` or `union`, or the PascalCase name of a type)",
        ]
    );
}

const HEAD: &str = "service: demo\nversion: v1\n";

/// An endpoint of resource `thing` (GET, no parameters) named `name`.
fn endpoint(name: &str, extra: &str) -> String {
    format!(
        "  - name: {name}\n    summary: x\n    method: GET\n    path: /open-apis/demo/v1/things\n    tokens: [tenant]\n{extra}"
    )
}

const PAGED: &str = "    query: {page_token: {type: string}}\n    pagination: {}\n    response: {type: object, fields: {has_more: {type: boolean}, page_token: {type: string}, items: {type: array, items: {type: string}}}}\n";

#[test]
fn alias_cycles_are_one_error_each_and_stand_in_for_any() {
    let (model, errs) = check_texts(&[(
        "a.yaml",
        &format!(
            "{HEAD}types:\n  A: {{type: B}}\n  B: {{type: A}}\n  L: {{type: array, items: {{type: L}}}}\n  O:\n    type: object\n    fields:\n      a: {{type: A}}\nresource: thing\nendpoints:\n{}",
            endpoint("get", "    query: {q: {type: A}}\n")
        ),
    )]);
    assert_eq!(
        errs,
        [
            "a.yaml:4:3: alias cycle: `A` → `B` → `A` (`B` at a.yaml:5:3), each an alias of the next (or a list or map of it); a type alias cannot contain itself: make one of them an object",
            "a.yaml:6:3: alias cycle: `L` → `L`, each an alias of the next (or a list or map of it); a type alias cannot contain itself: make one of them an object",
        ]
    );
    assert!(matches!(
        type_named(&model, "A").kind,
        TypeKind::Alias(Ty::Any)
    ));
}

#[test]
fn generated_method_names_collide_with_endpoints() {
    let endpoints = [
        endpoint("with", ""),
        endpoint("delete", ""),
        endpoint("list", PAGED),
        endpoint("list_all", ""),
        endpoint("client", ""),
        endpoint("delete", ""),
    ]
    .concat();
    let (model, errs) = check_texts(&[(
        "a.yaml",
        &format!("{HEAD}resource: thing\nendpoints:\n{endpoints}"),
    )]);
    assert_eq!(
        errs,
        [
            "a.yaml:5:11: name collision: the method `with` of this resource's calls would be both endpoint `with` and the calls' own `with()` (per-call options); rename one endpoint",
            "a.yaml:23:11: name collision: the method `list_all` of this resource's calls would be both endpoint `list_all` and the every-page method of paged endpoint `list` (at a.yaml:15:11); rename one endpoint",
            "a.yaml:28:11: name collision: the method `client` of this resource's calls would be both endpoint `client` and the calls' own `client()` (the client they go through); rename one endpoint",
            "a.yaml:33:11: endpoint `delete` is defined twice on this resource (at a.yaml:10:11)",
        ]
    );
    let names: Vec<&str> = model.modules[0]
        .endpoints
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["with2", "delete", "list", "list_all2", "client2", "delete2"]
    );
}

#[test]
fn names_the_generated_code_takes_are_refused() {
    let (_, errs) = check_texts(&[
        (
            "a.yaml",
            &format!(
                "{HEAD}types:\n  Calls: {{type: string}}\n  ThingCallsExt: {{type: string}}\nresource: thing\nendpoints:\n{}",
                endpoint("get", "")
            ),
        ),
        (
            "b.yaml",
            &format!(
                "service: prelude\nversion: v1\nresource: client\nendpoints:\n{}events:\n  - {{event_type: prelude.gone, name: Unknown, schema: \"2.0\", summary: x, fields: {{a: {{type: string}}}}}}\n",
                endpoint("get", "")
            ),
        ),
    ]);
    assert_eq!(
        errs,
        [
            "a.yaml:4:3: name collision: `Calls` would name both a type and the calls of module `demo.v1` (defined at a.yaml:6:11)",
            "a.yaml:5:3: name collision: `ThingCallsExt` would name both a type and the extension trait of the calls of resource `thing` (defined at a.yaml:6:11)",
            "b.yaml:1:10: service `prelude` would make a module `prelude` at the crate root, where `prelude` is the module of the generated extension traits (`use …::prelude::*`); choose another service name",
            "b.yaml:3:11: resource `client` would name the method `client` of the module's calls, which is the calls' own `client()` (the client they go through); choose another resource name",
            "b.yaml:11:18: `Unknown` cannot name the variant of event `prelude.gone`: it is the variant of `Event` that keeps event types the spec does not describe; give the event another `name`",
        ]
    );
}

#[test]
fn unknown_types_say_what_may_help_once() {
    let (_, errs) = check_texts(&[(
        "a.yaml",
        &format!(
            "{HEAD}types:\n  Holder:\n    type: object\n    fields:\n      inline: {{type: object, type_name: Inline, fields: {{x: {{type: string}}}}}}\n      again: {{type: Inline}}\n  Bad: {{type: Missing}}\nresource: thing\nendpoints:\n{}",
            endpoint(
                "get",
                "    query:\n      a: {type: Nope}\n      b: {type: array, items: {type: Holdr}}\n      c: {type: Bad}\n      d: {type: [x]}\n"
            )
        ),
    )]);
    let base_hint = "(not defined in this spec; if it is a type of the SDK's spec, check with that spec as the base: `lark-spec check DIR --base <its spec folder>`, or `base = \"…\"` in `generate!`)";
    assert_eq!(
        errs,
        [
            "a.yaml:8:21: unknown type `Inline`: `Inline` is the `type_name` of an inline type at a.yaml:7:41, which only its own field can use; declare it under `types:` and refer to it by name from both places".to_owned(),
            format!("a.yaml:9:15: unknown type `Missing` {base_hint}"),
            format!("a.yaml:18:17: unknown type `Nope` {base_hint}"),
            "a.yaml:19:38: unknown type `Holdr` (did you mean `Holder`?)".to_owned(),
            "a.yaml:21:17: expected a string, found a list".to_owned(),
        ]
    );
}

#[test]
fn values_that_cannot_be_read_have_no_follow_on_problems() {
    let (_, errs) = check_texts(&[(
        "a.yaml",
        "service: demo\nversion: v1\nresource: [r]\nendpoints:\n  - name: [n]\n    summary: x\n    method: GET\n    path: [p]\n    tokens: [tenant]\n    errors:\n      - {code: 1, http: [h], message: m}\nevents:\n  - {event_type: [e], schema: \"2.0\", summary: x, fields: {a: {type: string}}}\ntypes:\n  E: {type: enum, values: [{value: [x]}, {name: Foo}]}\n",
    )]);
    assert_eq!(
        errs,
        [
            "a.yaml:3:11: expected a string, found a list",
            "a.yaml:5:11: expected a string, found a list",
            "a.yaml:8:11: expected a string, found a list",
            "a.yaml:11:25: expected a whole number from 0 to 65535, found a list",
            "a.yaml:13:18: expected a string, found a list",
            "a.yaml:15:36: expected a string, found a list",
            "a.yaml:15:42: missing required key `value` in enum value",
        ]
    );
}

#[test]
fn optional_fields_named_new_are_refused() {
    let (_, errs) = check_texts(&[(
        "a.yaml",
        "types:\n  A:\n    type: object\n    fields:\n      new: {type: string}\n      old: {type: string, rust_name: new, required: true}\n",
    )]);
    assert_eq!(
        errs,
        [
            "a.yaml:5:7: optional field `new` of `A` would have a setter `new`, the name of the constructor; give it a `rust_name`"
        ]
    );
}

#[test]
fn scoped_fields_reached_too_many_ways_are_one_error() {
    let mut types = String::from("types:\n");
    for k in 0..12 {
        types.push_str(&format!(
            "  T{k}:\n    type: object\n    fields:\n      a: {{type: T{n}}}\n      b: {{type: T{n}}}\n      id: {{type: string, scopes: [x]}}\n",
            n = k + 1
        ));
    }
    types.push_str("  T12: {type: string}\n");
    let (model, errs) = check_texts(&[(
        "a.yaml",
        &format!(
            "{HEAD}{types}resource: thing\nendpoints:\n{}",
            endpoint("get", "    response: {type: T0}\n")
        ),
    )]);
    assert_eq!(
        errs,
        [
            "a.yaml:84:15: the fields with scopes (字段权限) under this response make more than 1024 dotted paths through its nested types; nest them less, or give fewer fields `scopes`"
        ]
    );
    assert!(model.modules[0].endpoints[0].field_scopes.is_empty());
}

#[test]
fn parameter_name_collisions_point_at_the_parameter() {
    let (_, errs) = check_texts(&[(
        "a.yaml",
        &format!(
            "{HEAD}resource: thing\nendpoints:\n{}",
            endpoint(
                "get",
                "    query:\n      x_id: {type: string}\n    headers:\n      Authorization: {type: string}\n      X-Id: {type: string}\n"
            )
        ),
    )]);
    assert_eq!(
        errs,
        [
            "a.yaml:13:7: `Authorization` is set from the endpoint's `tokens`; do not list it as a header",
            "a.yaml:14:7: parameter `X-Id` has the Rust name `x_id`, already used in this request; give it a `rust_name`",
        ]
    );
}

#[test]
fn bounds_on_a_json_document_inside_a_string_are_refused_at_the_bound() {
    let (_, errs) = check_texts(&[(
        "a.yaml",
        "types:\n  A:\n    type: object\n    fields:\n      tags: {type: array, items: {type: string}, encoding: json, max_items: 3}\n",
    )]);
    assert_eq!(
        errs,
        [
            "a.yaml:5:77: a value sent as a JSON document inside a string (`encoding`) cannot take bounds; remove them or the `encoding`"
        ]
    );
}
