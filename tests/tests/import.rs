//! The importer (`lark-spec import openapi`): a small OpenAPI document in
//! the shape the platform's API Explorer exports (`tests/import/`) becomes
//! spec files that match their golden copies, check clean, come out
//! byte-identical when imported again, and agree with the hand-written
//! reaction file on the facts both hold. `UPDATE_GOLDEN=1` rewrites the
//! golden copies.

use std::collections::BTreeMap;
use std::path::PathBuf;

use lark_codegen::import::{self, Import};
use lark_tests::{assert_golden, checks_and_generates, here, workspace};

fn sample() -> Import {
    let path = here().join("import/im.openapi.yaml");
    let text = std::fs::read_to_string(&path).expect("the sample reads");
    import::openapi(&[("tests/import/im.openapi.yaml".to_owned(), text)]).expect("it imports")
}

fn golden() -> PathBuf {
    here().join("import/golden")
}

#[test]
fn the_sample_imports_to_its_golden_files() {
    let import = sample();
    let names: Vec<String> = import
        .files
        .keys()
        .map(|p| p.display().to_string())
        .collect();
    assert_eq!(
        names,
        [
            "im/v1/chat_top_notice.yaml",
            "im/v1/image.yaml",
            "im/v1/message_reaction.yaml",
            "im/v1/shared_types.yaml"
        ]
    );
    for (path, text) in &import.files {
        let path = golden().join(path);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder made");
        }
        assert_golden(&path, text);
    }
}

#[test]
fn importing_again_gives_the_same_bytes() {
    assert_eq!(sample(), sample());
}

#[test]
fn the_imported_files_check_clean() {
    // And they generate.
    checks_and_generates(&sample().files, "import");
}

#[test]
fn what_cannot_be_imported_is_left_out_with_why() {
    let import = sample();
    assert_eq!(import.endpoints, 5);
    assert_eq!(
        import.skipped,
        [
            "tests/import/im.openapi.yaml: im_thing_search: a GET with a request body, which the spec format refuses",
            "tests/import/im.openapi.yaml: im_thing_old: its page `https://open.feishu.cn/document/ukTMukTMukTM/uEzN0YjLxcDN24SM3QjN/Old-Page` names no resource and call",
            "tests/import/im.openapi.yaml: im_thing_secret: no access token type (x-lark-access-tokens)",
        ]
    );
    // Tiers without documented numbers: the upload (7) and the notice (6).
    assert_eq!(import.unmapped_tiers, BTreeMap::from([(6, 1), (7, 1)]));
}

#[test]
fn a_document_that_is_not_openapi_is_refused_with_where() {
    let refused = import::openapi(&[("a.yaml".to_owned(), "paths: {}\n".to_owned())]);
    assert_eq!(
        refused,
        Err(vec![
            "a.yaml: not an OpenAPI 3 document (no `openapi: 3.x`)".to_owned()
        ])
    );
    let refused = import::openapi(&[("b.yaml".to_owned(), "a: [\n".to_owned())]).unwrap_err();
    assert!(refused[0].starts_with("b.yaml:"), "{refused:?}");
}

/// The facts the metadata and the hand-written reaction file (from the
/// platform's own pages) both hold agree: paths, tokens, scopes, rate
/// limits, and every error code the metadata lists is in the curated
/// table, with the same `msg` where the metadata has one. (The curated
/// table has more rows, the metadata leaves most `msg`s empty, and their
/// page links differ in form for the same pages.)
#[test]
fn imported_facts_agree_with_the_curated_reaction_file() {
    let import = sample();
    let imported = &import.files[&PathBuf::from("im/v1/message_reaction.yaml")];
    let curated = std::fs::read_to_string(workspace().join("spec/im/v1/message_reaction.yaml"))
        .expect("the curated file reads");
    for fact in [
        "path: /open-apis/im/v1/messages/:message_id/reactions/:reaction_id",
        "path: /open-apis/im/v1/messages/:message_id/reactions\n",
        "tokens: [tenant, user]",
        "im:message.reactions:write_only",
        "per_second: 50",
        "per_minute: 1000",
    ] {
        let fact = fact.replace("\\n", "\n");
        assert!(imported.contains(&fact), "imported: `{fact}`");
        assert!(curated.contains(&fact), "curated: `{fact}`");
    }
    let rows = |text: &str| -> Vec<(String, String)> {
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        lines
            .iter()
            .enumerate()
            .filter_map(|(i, l)| {
                // `- code: N`, or `code: N` under an anchored `- &row`.
                let code = l.strip_prefix("- ").unwrap_or(l).strip_prefix("code: ")?;
                let message = lines[i..]
                    .iter()
                    .find_map(|l| l.strip_prefix("message: "))?
                    .trim_matches('"');
                Some((code.to_owned(), message.to_owned()))
            })
            .collect()
    };
    let curated_rows = rows(&curated);
    let imported_rows = rows(imported);
    assert!(imported_rows.len() >= 25, "{imported_rows:?}");
    for (code, message) in &imported_rows {
        let Some((_, curated_message)) = curated_rows.iter().find(|(c, _)| c == code) else {
            panic!("code {code} is in the metadata, not in the curated table");
        };
        if !message.is_empty() {
            assert_eq!(message, curated_message, "code {code}");
        }
    }
}

/// Two endpoints of one resource, written out as the metadata does: the
/// same object (with an enum in it) in both answers, a `status` enum of
/// one shape in both and of another shape once, and a parameter enum in
/// both. The repeated shapes are declared once, named from where they are
/// used; what is met once stays inline; a required flag stays where the
/// type is used.
#[test]
fn shapes_met_twice_are_declared_once() {
    let op = |name: &str, method: &str, extra: &str| {
        format!(
            r#"
    {method}:
      operationId: im_thing_{name}
      externalDocs: {{url: https://open.feishu.cn/document/server-docs/im-v1/thing/{name}}}
      parameters:
      - {{name: user_id_type, in: query, schema: {{type: string, enum: [open_id, user_id]}}}}
      responses:
        '200':
          content:
            application/json:
              schema:
                type: object
                properties:
                  data:
                    type: object
                    required: [thing]
                    properties:
                      thing:
                        type: object
                        properties:
                          id: {{type: string}}
                          status: {{type: string, enum: [on, off]}}
                      items:
                        type: array
                        items:
                          type: object
                          properties:
                            status: {{type: string, enum: [on, off]}}
                            size: {{type: integer}}{extra}
      x-lark-access-tokens: [tenant]"#
        )
    };
    let once = "\n                            phase: {type: string, enum: [a, b]}";
    let document = format!(
        "openapi: 3.0.3\npaths:\n  /open-apis/im/v1/things/{{id}}:{}\n  /open-apis/im/v1/things:{}\n",
        op("get", "get", once),
        op("list", "post", "")
    );
    let import =
        import::openapi(&[("things.yaml".to_owned(), document.clone())]).expect("it imports");
    let shared = &import.files[&PathBuf::from("im/v1/shared_types.yaml")];
    assert_eq!(
        shared,
        "# Imported by `lark-spec import openapi`; importing again replaces it.
service: im
version: v1
types:
  Status:
    type: enum
    values: [\"on\", \"off\"]
  Thing:
    type: object
    fields:
      id: {type: string}
      status: {type: Status}
  UserIdType:
    type: enum
    values: [open_id, user_id]
"
    );
    let things = &import.files[&PathBuf::from("im/v1/thing.yaml")];
    // The thing is named from its field, required where it is used; the
    // list element differs between the two answers (one has `phase`), so
    // it stays inline in each, with the shared `Status` inside.
    assert!(
        things.contains("thing: {type: Thing, required: true}"),
        "{things}"
    );
    assert!(
        things.contains("user_id_type: {type: UserIdType}"),
        "{things}"
    );
    assert!(things.contains("phase:\n"), "{things}");
    assert_eq!(
        things.matches("status: {type: Status}").count(),
        2,
        "{things}"
    );
    assert!(!things.contains("values: [\"on\", \"off\"]"), "{things}");

    // A curated file declaring `Thing` in the version keeps the name: the
    // shared shape takes its next name.
    let curated = BTreeMap::from([(
        PathBuf::from("im/v1/types.yaml"),
        "service: im\nversion: v1\ntypes:\n  Thing: {type: string}\n".to_owned(),
    )]);
    let again = import::openapi_over(&[("things.yaml".to_owned(), document)], &curated)
        .expect("it imports");
    let shared = &again.files[&PathBuf::from("im/v1/shared_types.yaml")];
    assert!(
        shared.contains("\n  ThingThing:\n") && !shared.contains("\n  Thing:\n"),
        "{shared}"
    );
}

/// Imported into a folder of curated files, the sample leaves the curated
/// truth alone: the reaction endpoints the hand-written file describes are
/// left out (and said to be), no imported file takes a curated file's
/// path, and the shapes it shares do not take the names the curated
/// `types.yaml` declares in the version. A file an earlier import wrote is
/// not read as curated.
#[test]
fn curated_files_stay_the_truth() {
    let curated = |path: &str| {
        let text = std::fs::read_to_string(workspace().join("spec").join(path))
            .expect("the curated file reads");
        (PathBuf::from(path), text)
    };
    let earlier = format!(
        "# {}\nservice: im\nversion: v1\nresource: gone\nendpoints:\n  - {{name: x, method: GET, path: /open-apis/im/v1/chats/:chat_id/top_notice/delete_top_notice}}\n",
        import::HEADER
    );
    let existing = BTreeMap::from([
        curated("common/types.yaml"),
        curated("im/v1/message_reaction.yaml"),
        curated("im/v1/types.yaml"),
        (PathBuf::from("im/v1/gone.yaml"), earlier),
    ]);
    let text = std::fs::read_to_string(here().join("import/im.openapi.yaml")).expect("reads");
    let import = import::openapi_over(&[("im.openapi.yaml".to_owned(), text)], &existing)
        .expect("it imports");
    assert_eq!(
        import.curated,
        [
            "im.openapi.yaml: im.v1.message_reaction.list: described by im/v1/message_reaction.yaml",
            "im.openapi.yaml: im.v1.message_reaction.delete: described by im/v1/message_reaction.yaml",
        ]
    );
    for path in import.files.keys() {
        assert!(
            !existing.contains_key(path) || path.ends_with("gone.yaml"),
            "{path:?}"
        );
        assert!(!path.ends_with("message_reaction.yaml"), "{path:?}");
    }
    // The top notice endpoint the earlier import held is imported again.
    assert!(
        import
            .files
            .contains_key(&PathBuf::from("im/v1/chat_top_notice.yaml"))
    );
    for text in import.files.values() {
        assert!(import::is_imported(text), "{text}");
        // Names of the version's curated types, and of `common`'s, which
        // a version's own type would hide.
        for name in [
            "Operator:",
            "OperatorType:",
            "MessageReaction:",
            "Emoji:",
            "UserIdType:",
        ] {
            assert!(!text.contains(&format!("\n  {name}\n")), "{name} in {text}");
        }
    }
}

/// A shape takes the name most of its uses prefer, counted across
/// resources: an id-type enum that is `user_id_type` in two resources and
/// `member_id_type` in a third is `UserIdType`.
#[test]
fn a_shared_shape_takes_the_name_most_uses_prefer() {
    let op = |resource: &str, param: &str| {
        format!(
            "  /open-apis/im/v1/{resource}s:\n    get:\n      externalDocs: {{url: https://open.feishu.cn/document/server-docs/im-v1/{resource}/list}}\n      parameters:\n      - {{name: {param}, in: query, schema: {{type: string, enum: [open_id, union_id, user_id]}}}}\n      x-lark-access-tokens: [tenant]\n"
        )
    };
    let document = format!(
        "openapi: 3.0.3\npaths:\n{}{}{}",
        op("alpha", "member_id_type"),
        op("beta", "user_id_type"),
        op("gamma", "user_id_type")
    );
    let import = import::openapi(&[("ids.yaml".to_owned(), document)]).expect("it imports");
    let shared = &import.files[&PathBuf::from("im/v1/shared_types.yaml")];
    assert!(shared.contains("\n  UserIdType:\n"), "{shared}");
    let alpha = &import.files[&PathBuf::from("im/v1/alpha.yaml")];
    assert!(
        alpha.contains("member_id_type: {type: UserIdType}"),
        "{alpha}"
    );
}

fn named(curation: &[(&str, &str)]) -> Result<Import, Vec<String>> {
    let path = here().join("import/im.openapi.yaml");
    let text = std::fs::read_to_string(&path).expect("the sample reads");
    let curation: BTreeMap<PathBuf, String> = curation
        .iter()
        .map(|(path, text)| (PathBuf::from(path), (*text).to_owned()))
        .collect();
    // The platform-wide rows, whose names an endpoint's rows may not take.
    let common = std::fs::read_to_string(workspace().join("spec/common/errors.yaml"))
        .expect("the platform-wide table reads");
    let existing = BTreeMap::from([(PathBuf::from("common/errors.yaml"), common)]);
    import::platform_named(
        &[("tests/import/im.openapi.yaml".to_owned(), text)],
        &import::EventSources::default(),
        &existing,
        &curation,
    )
}

fn sample_names() -> String {
    std::fs::read_to_string(here().join("import/names/im/v1.yaml")).expect("the names read")
}

#[test]
fn curated_names_are_written_into_what_is_imported() {
    let names = sample_names();
    let import = named(&[("names/im/v1.yaml", &names)]).expect("it imports");
    let file = |path: &str| import.files[&PathBuf::from(path)].clone();
    let image = file("im/v1/image.yaml");
    assert!(
        image.contains("summary: {en: \"Upload an image\", zh: \"上传图片\"}"),
        "{image}"
    );
    assert!(
        image.contains(
            "      - code: 234001\n        name: InvalidImageRequest\n        http: 400\n        message: \"Invalid request param.\"\n        remedy: {en: \"Check the image_type and that the file is an image of at most 10 MB.\"}\n"
        ),
        "{image}"
    );
    let reactions = file("im/v1/message_reaction.yaml");
    // A row the source gives no msg gets the page's.
    assert!(
        reactions.contains(
            "      - code: 231001\n        name: ReactionTypeInvalid\n        http: 400\n        message: \"reaction type is invalid.\"\n"
        ),
        "{reactions}"
    );
    // Only the delete's row: the list's 231001 keeps its derived name.
    let plain = sample();
    let plain_reactions = &plain.files[&PathBuf::from("im/v1/message_reaction.yaml")];
    assert_eq!(
        reactions.matches("name: Code231001").count() + 1,
        plain_reactions.matches("name: Code231001").count()
    );
    // The shared type is renamed where it is declared and where it is used.
    let shared = file("im/v1/shared_types.yaml");
    assert!(shared.contains("\n  ReactionOperator:\n"), "{shared}");
    assert!(!shared.contains("\n  Operator:\n"), "{shared}");
    assert!(
        reactions.contains("{type: ReactionOperator}"),
        "{reactions}"
    );
    assert!(!reactions.contains("{type: Operator}"), "{reactions}");
    // The platform's facts are as without names; only the names differ.
    assert_eq!(
        plain.files.keys().collect::<Vec<_>>(),
        import.files.keys().collect::<Vec<_>>()
    );
    // The same input and names give the same bytes, and the result checks
    // and generates.
    assert_eq!(
        import,
        named(&[("names/im/v1.yaml", &names)]).expect("again")
    );
    let rust = checks_and_generates(&import.files, "import-named");
    assert!(
        rust.contains("InvalidImageRequest"),
        "the variant is generated"
    );
    assert!(rust.contains("ReactionOperator"), "the type is generated");
}

#[test]
fn curated_names_that_find_nothing_or_clash_are_refused_with_where() {
    let names = "service: im
version: v1
endpoints:
  - method: GET
    path: /open-apis/im/v1/nothing
    summary: Nothing
  - method: POST
    path: /open-apis/im/v1/images
    errors:
      - {code: 999, name: NoSuchRow}
      - {code: 234001, name: not_pascal, message: Another msg}
  - method: DELETE
    path: /open-apis/im/v1/messages/:message_id/reactions/:reaction_id
    errors:
      - {code: 231001, name: Code231002}
      - {code: 231003, name: ResourceNotFound}
types:
  - {from: Operator, to: OperatorType}
  - {from: Missing, to: Found}
";
    let problems = named(&[("names/im/v1.yaml", names)]).unwrap_err();
    // A name that is no variant is refused as the file is read.
    assert_eq!(
        problems,
        [
            "names/im/v1.yaml:11:9: `not_pascal` cannot name an error variant (PascalCase, and not Unhandled, Platform or Specs)"
        ]
    );
    let names = names.replace("not_pascal", "Fine");
    let mut problems = named(&[("names/im/v1.yaml", &names)]).unwrap_err();
    problems.sort();
    assert_eq!(
        problems,
        [
            "names/im/v1.yaml:10:9: POST /open-apis/im/v1/images has no error row 999",
            "names/im/v1.yaml:11:9: the source gives 234001 the msg `Invalid request param.`: a curated message only fills an empty one",
            "names/im/v1.yaml:15:9: DELETE /open-apis/im/v1/messages/:message_id/reactions/:reaction_id: rows 231001 and 231002 are both named `Code231002`",
            "names/im/v1.yaml:16:9: `ResourceNotFound` is the platform-wide row 99991201's name",
            "names/im/v1.yaml:18:5: `OperatorType` is already a type of im v1",
            "names/im/v1.yaml:19:5: im v1 has no shared type `Missing` (a curated file may describe it, or the source renamed it)",
            "names/im/v1.yaml:4:5: no imported endpoint is GET /open-apis/im/v1/nothing (a curated file may describe it, or the source renamed it)",
        ]
    );
}
