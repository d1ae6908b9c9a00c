//! Events from the official SDKs' definitions (`lark-spec import openapi …
//! --node-events TS --go-sdk GO`): the Node SDK's handler table gives the
//! fields, the Go SDK's structs the kinds of numbers, and the two are
//! checked against each other. The samples are in `tests/import/events/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use lark_codegen::import::{self, EventSources, Import};
use lark_tests::{checks_and_generates, here};

fn sources() -> EventSources {
    let root = here().join("import/events");
    let read = |path: &Path| std::fs::read_to_string(path).expect("the sample reads");
    let go = [
        "event/dispatcher/im_v1_event_dispatch.go",
        "service/im/v1/model.go",
    ]
    .map(|p| (p.to_owned(), read(&root.join("go").join(p))))
    .to_vec();
    EventSources {
        node: Some((
            "events-template.ts".to_owned(),
            read(&root.join("events-template.ts")),
        )),
        go,
    }
}

fn imported(existing: &BTreeMap<PathBuf, String>) -> Import {
    import::platform_over(&[], &sources(), existing).expect("it imports")
}

fn file<'a>(import: &'a Import, path: &str) -> &'a str {
    import
        .files
        .get(Path::new(path))
        .unwrap_or_else(|| panic!("no {path} in {:?}", import.files.keys()))
}

#[test]
fn each_event_goes_to_its_resource_with_the_envelope_left_to_the_runtime() {
    let import = imported(&BTreeMap::new());
    assert_eq!(import.events, 4);
    let names: Vec<String> = import
        .files
        .keys()
        .map(|p| p.display().to_string())
        .collect();
    assert_eq!(
        names,
        [
            "im/v1/chat.yaml",
            "im/v1/message.yaml",
            "im/v1/message_reaction.yaml",
            "im/v1/shared_types.yaml"
        ]
    );
    let message = file(&import, "im/v1/message.yaml");
    assert!(message.contains("  - event_type: im.message.receive_v1\n    schema: \"2.0\"\n    summary: {zh: \"接收消息\"}\n"), "{message}");
    // The header's fields are the envelope's, not the body's.
    for envelope in ["event_id", "token", "uuid", "ts", "app_id"] {
        let envelope = format!("\n      {envelope}:");
        assert!(!message.contains(&envelope), "{envelope} in {message}");
    }
    // Required flags and the string enum are the Node SDK's.
    assert!(
        message.contains("message_id: {type: string, required: true}"),
        "{message}"
    );
    assert!(message.contains("values: [p2p, group]"), "{message}");
    // The page, where the Node SDK links one.
    let chat = file(&import, "im/v1/chat.yaml");
    assert!(chat.contains("doc_url: https://open.feishu.cn/document/uAjLw4CM/ukTMukTMukTM/reference/im-v1/chat/events/disbanded"), "{chat}");
}

#[test]
fn numbers_take_the_go_sdks_kind_and_its_app_id_is_kept() {
    let import = imported(&BTreeMap::new());
    let chat = file(&import, "im/v1/chat.yaml");
    assert!(chat.contains("member_count: {type: int64}"), "{chat}");
    assert!(chat.contains("score: {type: number}"), "{chat}");
    // `app_id` of the body, which the Node SDK folds into the envelope's.
    let updated = &chat[chat
        .find("event_type: im.chat.updated_v1")
        .expect("the event")..];
    assert!(updated.contains("app_id: {type: string}"), "{updated}");
}

#[test]
fn where_the_sdks_differ_is_reported() {
    let import = imported(&BTreeMap::new());
    assert_eq!(
        import.differences,
        [
            "im.message.receive_v1.message.user_agent: not in the Go SDK",
            "im.message.reaction.deleted_v1: not in the Go SDK",
        ]
    );
}

#[test]
fn a_shape_the_events_share_is_declared_once() {
    let import = imported(&BTreeMap::new());
    let shared = file(&import, "im/v1/shared_types.yaml");
    // The id triple of the operator, the sender and the mentions.
    assert_eq!(
        shared.matches("union_id: {type: string}").count(),
        1,
        "{shared}"
    );
}

#[test]
fn a_curated_event_is_left_out_and_the_rest_checks_clean() {
    let curated = "service: im\nversion: v1\nresource: message_reaction\nevents:\n  - event_type: im.message.reaction.deleted_v1\n    schema: \"2.0\"\n    summary: Deleted\n    fields:\n      message_id: {type: string}\n";
    let existing = BTreeMap::from([(
        PathBuf::from("im/v1/message_reaction.yaml"),
        curated.to_owned(),
    )]);
    let import = imported(&existing);
    assert_eq!(import.events, 3);
    assert_eq!(
        import.curated,
        [
            "events-template.ts: im.message.reaction.deleted_v1: described by im/v1/message_reaction.yaml"
        ]
    );
    assert!(
        !import
            .files
            .contains_key(Path::new("im/v1/message_reaction.yaml"))
    );
    assert_eq!(
        import,
        imported(&existing),
        "importing again gives the same bytes"
    );
    let code = checks_and_generates(import.files.iter().chain(&existing), "import-events");
    assert!(
        code.contains("pub struct MessageReceiveV1"),
        "the event's type"
    );
}

#[test]
fn a_table_that_does_not_parse_is_refused_with_where_and_nothing_panics() {
    let nested = format!(
        "\"im.x.deep_v1\"?: (data: {}string{}) => any;",
        "{ a: ".repeat(200),
        " }".repeat(200)
    );
    for (text, expected) in [
        (nested.as_str(), "types nested deeper than 64"),
        (
            "\"im.x.y_v1\"?: (data: { a: Set<string> }) => any;",
            "the type `Set`",
        ),
        ("/* unclosed", "a comment that does not end"),
        (
            "\"im.x.y_v1\"?: (data: { a: \"open",
            "a string that does not end",
        ),
    ] {
        let sources = EventSources {
            node: Some(("t.ts".to_owned(), text.to_owned())),
            go: Vec::new(),
        };
        let refused = import::platform_over(&[], &sources, &BTreeMap::new()).unwrap_err();
        assert!(
            refused.len() == 1 && refused[0].starts_with("t.ts: ") && refused[0].contains(expected),
            "{refused:?}"
        );
    }
}

#[test]
fn a_comment_not_followed_by_its_handler_titles_nothing() {
    let text = "/* eslint-disable no-unused-vars */\nexport interface IHandles {\n    \"im.chat.disbanded_v1\"?: (data: {\n        event_id?: string; token?: string; create_time?: string; event_type?: string;\n        tenant_key?: string; ts?: string; uuid?: string; type?: string; app_id?: string;\n        chat_id?: string;\n    }) => Promise<any> | any;\n}\n";
    let sources = EventSources {
        node: Some(("t.ts".to_owned(), text.to_owned())),
        go: Vec::new(),
    };
    let import = import::platform_over(&[], &sources, &BTreeMap::new()).expect("it imports");
    let chat = file(&import, "im/v1/chat.yaml");
    assert!(
        chat.contains("summary: {zh: im.chat.disbanded_v1}"),
        "{chat}"
    );
}
