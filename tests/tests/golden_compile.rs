//! The golden files compile, and what they generate works: requests render
//! their path, query, headers and body; responses and events decode.

#[allow(dead_code)]
mod json_body {
    include!("../golden/json_body.rs");
}
#[allow(dead_code)]
mod query_enums {
    include!("../golden/query_enums.rs");
}
#[allow(dead_code)]
mod pagination {
    include!("../golden/pagination.rs");
}
#[allow(dead_code)]
mod events {
    include!("../golden/events.rs");
}
#[allow(dead_code)]
mod bounds {
    include!("../golden/bounds.rs");
}
#[allow(dead_code)]
mod int_enums {
    include!("../golden/int_enums.rs");
}
#[allow(dead_code)]
mod multipart {
    include!("../golden/multipart.rs");
}
#[allow(dead_code)]
mod callbacks {
    include!("../golden/callbacks.rs");
}
#[allow(dead_code)]
mod directed_union {
    include!("../golden/directed/union.rs");
}
#[allow(dead_code)]
mod recursion {
    include!("../golden/recursion.rs");
}

use lark_sdk::EndpointError as _;
use lark_sdk::{ApiError, Endpoint, HttpMethod, InvalidRequest, TokenType};
use serde_json::json;

#[test]
fn json_body_request_renders_query_headers_and_body() {
    use json_body::im::v1::*;
    let body = CreateMessageRequestBody::new("ou_1", "text", r#"{"text":"hi"}"#)
        .uuid("u-1")
        .r#type("kw");
    let request =
        CreateMessageRequest::new(CreateMessageReceiveIdType::ChatId, body).x_request_id("req-1");
    assert_eq!(request.render_path().unwrap(), "/open-apis/im/v1/messages");
    assert_eq!(
        request.query_pairs(),
        [("receive_id_type", "chat_id".to_owned())]
    );
    assert_eq!(
        request.header_pairs(),
        [("X-Request-Id", "req-1".to_owned())]
    );
    assert_eq!(
        serde_json::to_value(request.request_body().unwrap()).unwrap(),
        json!({"receive_id": "ou_1", "msg_type": "text", "content": "{\"text\":\"hi\"}", "uuid": "u-1", "type": "kw"})
    );
    assert_eq!(CreateMessageRequest::METHOD, HttpMethod::Post);
    assert_eq!(
        CreateMessageRequest::TOKEN_TYPES,
        [TokenType::Tenant, TokenType::User]
    );
    assert_eq!(CreateMessageRequest::RATE_LIMIT.per_second, Some(50));
}

#[test]
fn json_body_response_decodes_nested_objects_and_arrays() {
    use json_body::im::v1::*;
    let message: Message = serde_json::from_value(json!({
        "message_id": "om_1",
        "create_time": "1626086391570",
        "sender": {"id": "cli_1", "sender_type": "app"},
        "mentions": [{"key": "@_user_1", "id": "ou_2"}, {"key": "@_user_2"}],
        "body": {"content": "{}"},
        "added_later": true
    }))
    .unwrap();
    assert_eq!(message.message_id, "om_1");
    assert_eq!(message.sender.unwrap().sender_type, Some(SenderType::App));
    let mentions = message.mentions.unwrap();
    assert_eq!(mentions.len(), 2);
    assert_eq!(mentions[1].key, "@_user_2");
    assert_eq!(message.create_time.unwrap().as_millis(), 1_626_086_391_570);
}

#[test]
fn error_rows_without_a_name_get_one_from_their_message() {
    use json_body::im::v1::CreateMessageError;
    let e = CreateMessageError::from(ApiError::new(230001, "bad"));
    assert_eq!(e.name(), "YourRequestContainsAnInvalidRequestParameter");
    assert!(matches!(
        CreateMessageError::from(ApiError::new(230002, "x")),
        CreateMessageError::BotNotInChat(_)
    ));
}

#[test]
fn query_enums_send_only_what_is_set() {
    use query_enums::contact::v3::*;
    let request = GetUserRequest::new("ou_1");
    assert!(request.query_pairs().is_empty());
    let request = GetUserRequest::new("ou/1")
        .user_id_type(query_enums::common::UserIdType::UnionId)
        .department_id_type(DepartmentIdType::DepartmentId)
        .with_status(true)
        .fields(vec!["name".to_owned(), "status".to_owned()])
        .limit(5);
    assert_eq!(
        request.render_path().unwrap(),
        "/open-apis/contact/v3/users/ou%2F1"
    );
    assert_eq!(
        request.query_pairs(),
        [
            ("user_id_type", "union_id".to_owned()),
            ("department_id_type", "department_id".to_owned()),
            ("with_status", "true".to_owned()),
            ("fields", "name".to_owned()),
            ("fields", "status".to_owned()),
            ("limit", "5".to_owned()),
        ]
    );
    assert_eq!(
        GetUserRequest::new("").render_path(),
        Err(InvalidRequest::EmptyPathParameter {
            endpoint: "contact.v3.user.get",
            name: "user_id"
        })
    );
}

#[test]
fn paged_list_has_the_paging_fields() {
    use pagination::im::v1::*;
    let request = ListMessageReactionRequest::new("om_1")
        .page_token("p2")
        .page_size(50);
    assert_eq!(
        request.query_pairs(),
        [
            ("page_token", "p2".to_owned()),
            ("page_size", "50".to_owned())
        ]
    );
    let page: ListMessageReactionResponse = serde_json::from_value(json!({
        "items": [{"reaction_id": "r1", "emoji_type": "SMILE"}],
        "has_more": true,
        "page_token": "p3"
    }))
    .unwrap();
    assert_eq!(page.items.unwrap()[0].reaction_id.as_deref(), Some("r1"));
    assert_eq!(page.has_more, Some(true));
}

#[test]
fn v1_and_v2_events_decode_into_the_event_enum() {
    use events::Event;
    let v1 = br#"{"ts":"1608725989.000","uuid":"u-1","token":"vt","type":"event_callback","event":{"app_id":"cli_1","app_ticket":"tk","type":"app_ticket"}}"#;
    match Event::from_slice(v1).unwrap() {
        Event::AppTicket(envelope) => {
            assert_eq!(envelope.uuid, "u-1");
            assert_eq!(envelope.event.app_ticket.as_deref(), Some("tk"));
        }
        other => panic!("{other:?}"),
    }
    let v2 = br#"{"schema":"2.0","header":{"event_id":"e","event_type":"im.chat.disbanded_v1","token":"vt"},"event":{"chat_id":"oc_1","operator_id":{"open_id":"ou_1"}}}"#;
    match Event::from_slice(v2).unwrap() {
        Event::ChatDisbandedV1(envelope) => {
            assert_eq!(envelope.header.event_id, "e");
            assert_eq!(
                envelope.event.operator_id.unwrap().open_id.as_deref(),
                Some("ou_1")
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        <events::im::v1::ChatDisbandedV1 as lark_sdk::event::EventBody>::FIELD_SCOPES,
        [(
            "operator_id.user_id",
            &["contact:user.employee_id:readonly"][..]
        )]
    );
}

#[test]
fn platform_errors_apply_by_token_type() {
    use events::im::v1::DeleteChatError;
    assert!(matches!(
        DeleteChatError::from(ApiError::new(99991400, "limited")),
        DeleteChatError::Platform(events::common::PlatformError::RateLimited(_))
    ));
    assert!(matches!(
        DeleteChatError::from(ApiError::new(99991663, "stale")),
        DeleteChatError::Platform(events::common::PlatformError::TenantTokenInvalid(_))
    ));
    let other = DeleteChatError::from(ApiError::new(40001, "param error"));
    assert_eq!(other.name(), "Unhandled");
    assert_eq!(
        events::common::platform_error(40001)
            .unwrap()
            .other_messages
            .len(),
        1
    );
}

#[test]
fn recursive_types_are_boxed_and_decode() {
    use recursion::contact::v3::*;
    let d: Department = serde_json::from_value(json!({
        "name": "root",
        "i18n_name": {"en_us": "Root"},
        "children": [{"name": "a", "parent": {"name": "root"}}],
        "leader": {"department": {"name": "root", "weight": 1.5}},
        "extra": {"anything": [1, 2]}
    }))
    .unwrap();
    let child = &d.children.as_ref().unwrap()[0];
    assert_eq!(child.parent.as_ref().unwrap().name, "root");
    assert_eq!(d.leader.as_ref().unwrap().department.weight, Some(1.5));
    assert_eq!(d.i18n_name.unwrap()["en_us"], "Root");
    let list: DepartmentList = vec![Department::new("x")];
    assert_eq!(list.len(), 1);
}

#[test]
fn bounds_are_checked_before_sending_and_name_the_field() {
    use bounds::im::v1::{ChatSettings, CreateChatRequest, CreateChatRequestBody, Member, Team};
    let body = |name: &str| CreateChatRequestBody::new(name, ChatSettings::new());
    // The refusal's field, bound and what was found.
    let refused = |request: CreateChatRequest| match request.validate() {
        Err(InvalidRequest::OutOfBounds {
            endpoint,
            field,
            bound,
            found,
        }) => {
            assert_eq!(endpoint, "im.v1.chat.create");
            (field.into_owned(), bound, found)
        }
        other => panic!("{other:?}"),
    };
    let owned = |f: &str, b: &str, found: &str| (f.to_owned(), b.to_owned(), found.to_owned());
    let ok = CreateChatRequest::new(body("team")).page_size(100);
    assert_eq!(ok.validate(), Ok(()));
    assert_eq!(
        refused(ok.clone().page_size(101)),
        owned("page_size", "at most 100", "101")
    );
    assert_eq!(refused(ok.clone().page_size(0)).1, "at least 1");
    assert_eq!(
        refused(CreateChatRequest::new(body(""))),
        owned("name", "at least 1 character", "0 characters")
    );
    // Characters, not bytes: 60 Chinese characters are 180 bytes.
    let long = "群".repeat(60);
    assert_eq!(CreateChatRequest::new(body(&long)).validate(), Ok(()));
    assert_eq!(
        refused(CreateChatRequest::new(body(&(long + "群")))).0,
        "name"
    );
    let users: Vec<String> = (0..51).map(|i| format!("ou_{i}")).collect();
    let (field, bound, _) = refused(CreateChatRequest::new(body("team").user_id_list(users)));
    assert_eq!(
        (field.as_str(), bound.as_str()),
        ("user_id_list", "at most 50 items")
    );
    assert_eq!(
        refused(CreateChatRequest::new(body("team").weight(0.1))).0,
        "weight"
    );

    // Inside the body: objects in an array, a nested object, a map, each
    // named by its path.
    let members = vec![Member::new("ann"), Member::new("b".repeat(21))];
    let (field, bound, found) = refused(CreateChatRequest::new(body("team").members(members)));
    assert_eq!(
        (field.as_str(), bound.as_str(), found.as_str()),
        ("members[1].name", "at most 20 characters", "21 characters")
    );
    let tagged = vec![Member::new("ann").tags(vec!["a".to_owned(); 4])];
    assert_eq!(
        refused(CreateChatRequest::new(body("team").members(tagged))).0,
        "members[0].tags"
    );
    let few = CreateChatRequestBody::new("team", ChatSettings::new().max_members(1));
    let (field, bound, _) = refused(CreateChatRequest::new(few));
    assert_eq!(
        (field.as_str(), bound.as_str()),
        ("settings.max_members", "at least 2")
    );
    let moderators = ChatSettings::new().moderators(vec![Member::new("m".repeat(30))]);
    assert_eq!(
        refused(CreateChatRequest::new(CreateChatRequestBody::new(
            "team", moderators
        )))
        .0,
        "settings.moderators[0].name"
    );
    let names = std::collections::BTreeMap::from([
        ("en_us".to_owned(), Member::new("team")),
        ("zh_cn".to_owned(), Member::new("群".repeat(21))),
    ]);
    assert_eq!(
        refused(CreateChatRequest::new(body("team").i18n_names(names))).0,
        r#"i18n_names["zh_cn"].name"#
    );
    // Through an alias of an array, and a boxed field of a recursive type.
    let admins = vec![Member::new("ann"), Member::new("x".repeat(21))];
    assert_eq!(
        refused(CreateChatRequest::new(body("team").admins(admins))).0,
        "admins[1].name"
    );
    let team = Team::new()
        .name("core")
        .parent(Team::new().name("far too long"));
    assert_eq!(
        refused(CreateChatRequest::new(body("team").team(team))).0,
        "team.parent.name"
    );
    let fine = body("team")
        .members(vec![Member::new("ann").tags(vec!["a".to_owned(); 3])])
        .i18n_names(std::collections::BTreeMap::from([(
            "zh_cn".to_owned(),
            Member::new("群".repeat(20)),
        )]));
    assert_eq!(CreateChatRequest::new(fine).validate(), Ok(()));
}

#[test]
fn an_upload_is_a_form_of_text_parts_and_a_file() {
    use multipart::drive::v1::*;
    let file = lark_sdk::UploadFile::from_bytes("a.png", vec![0x89, b'P', b'N', b'G']);
    let body =
        UploadMediaRequestBody::new("a.png", UploadMediaRequestBodyParentType::DocImage, 4, file)
            .extra(true);
    let request = UploadMediaRequest::new(body);
    assert!(request.request_body().is_none(), "no JSON body");
    let form = request.form().expect("a form");
    assert_eq!(
        form.names().collect::<Vec<_>>(),
        ["file_name", "parent_type", "size", "extra", "file"]
    );
    assert_eq!(form.text_of("parent_type"), Some("doc_image"));
    assert_eq!(form.text_of("size"), Some("4"));
    assert_eq!(form.text_of("extra"), Some("true"));
    assert_eq!(form.limit_of("file"), Some(20 << 20));
    let file = form.file_of("file").expect("the file");
    assert_eq!(file.file_name(), Some("a.png"));
    assert_eq!(file.known_length(), Some(4));
    // Text parts keep their bounds.
    let long = UploadMediaRequestBody::new(
        "x".repeat(251),
        UploadMediaRequestBodyParentType::SheetFile,
        4,
        lark_sdk::UploadFile::from_bytes("b", vec![1]),
    );
    // The second endpoint shares the first's table, and its enum.
    assert_eq!(
        std::any::TypeId::of::<PrepareMediaError>(),
        std::any::TypeId::of::<UploadMediaError>()
    );
    let error = PrepareMediaError::from(ApiError::new(1061043, "file size beyond limit."));
    assert!(matches!(error, UploadMediaError::FileTooLarge(_)));
    let refused = UploadMediaRequest::new(long).validate();
    assert!(
        matches!(
            refused,
            Err(InvalidRequest::OutOfBounds { ref field, .. }) if field == "file_name"
        ),
        "{refused:?}"
    );
}

#[test]
fn callbacks_decode_and_their_answers_serialize() {
    use callbacks::card::v1::*;
    use lark_sdk::event::{CallbackBody, EventBody};
    fn answer_of<T: CallbackBody>() -> &'static str {
        std::any::type_name::<T::Answer>()
    }
    assert!(answer_of::<CardActionTrigger>().ends_with("CardActionTriggerAnswer"));
    assert!(answer_of::<UrlPreviewGet>().ends_with("PreviewAnswer"));
    assert_eq!(
        <CardActionTrigger as EventBody>::EVENT_TYPE,
        "card.action.trigger"
    );
    let v2 = br#"{"schema":"2.0","header":{"event_id":"e","event_type":"card.action.trigger","token":"vt"},"event":{"token":"c-1","action":{"value":{"k":1},"tag":"button"}}}"#;
    match callbacks::Event::from_slice(v2).unwrap() {
        callbacks::Event::CardActionTrigger(envelope) => {
            assert_eq!(envelope.event.token.as_deref(), Some("c-1"));
            assert_eq!(envelope.event.action.unwrap().value.unwrap()["k"], 1);
        }
        other => panic!("{other:?}"),
    }
    let answer = CardActionTriggerAnswer::new()
        .toast(Toast::new().kind(ToastType::Success).content("saved"))
        .card(
            CardActionTriggerAnswerCard::new()
                .kind("raw")
                .data(json!({"elements": []})),
        );
    assert_eq!(
        serde_json::to_value(&answer).unwrap(),
        json!({"toast": {"type": "success", "content": "saved"}, "card": {"type": "raw", "data": {"elements": []}}})
    );
    assert_eq!(
        serde_json::to_value(CardActionTriggerAnswer::new()).unwrap(),
        json!({})
    );
    let preview = PreviewAnswer::new().inline(PreviewAnswerInline::new("A title"));
    assert_eq!(
        serde_json::to_value(&preview).unwrap(),
        json!({"inline": {"title": "A title"}})
    );
}

#[test]
fn directed_types_have_the_serde_traits_of_their_ways() {
    use directed_union::im::v1::*;
    fn sent<T: serde::Serialize>() {}
    fn received<T: serde::de::DeserializeOwned>() {}
    // A request body and what only it holds: sent.
    sent::<CreateMessageRequestBody>();
    sent::<MessageContentShareChat>();
    // A response, an event body: received.
    received::<SentMessage>();
    received::<MessageReceiveV1>();
    received::<ReceivedMessage>();
    // Held by both: both.
    sent::<MessageContent>();
    received::<MessageContent>();
    sent::<TextContent>();
    received::<TextContent>();
    received::<ReceivedContent>();
    // An upload's request and a received message decode and encode as ever.
    let body = CreateMessageRequestBody::new("oc_1", TextContent::new("hi"));
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        json!({"receive_id": "oc_1", "msg_type": "text", "content": "{\"text\":\"hi\"}"})
    );
}
