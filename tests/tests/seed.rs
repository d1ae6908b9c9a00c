//! The bindings generated from `spec/` against the two seed pages, whose
//! facts are copied into `tests/platform/`: their examples
//! round-trip, their error table and metadata are all there, and the
//! official SDKs' test vector decodes.

use lark_sdk::common::PlatformError;
use lark_sdk::event::{EventBody, EventSchema};
use lark_sdk::im::v1::{
    DeleteMessageReactionError, DeleteMessageReactionRequest, Emoji, EmojiType, MessageReaction,
    MessageReactionDeletedV1, OperatorType,
};
use lark_sdk::{ApiError, Endpoint, EndpointError, Event, HttpMethod, TimestampMs, TokenType};
use lark_tests::{platform_json, platform_text, platform_tsv, test_vectors};
use serde_json::{Value, json};

#[test]
fn delete_response_example_round_trips() {
    let example = platform_json("delete-message-reaction.response.json");
    assert_eq!(example["code"], 0);
    let data: MessageReaction = serde_json::from_value(example["data"].clone()).unwrap();
    assert_eq!(
        data.reaction_id.as_deref(),
        Some("ZCaCIjUBVVWSrm5L-3ZTw****")
    );
    let operator = data.operator.as_ref().unwrap();
    assert_eq!(operator.operator_id.as_deref(), Some("ou_ff0b7ba35fb****"));
    assert_eq!(operator.operator_type, Some(OperatorType::User));
    assert_eq!(
        data.action_time,
        Some(TimestampMs::from_millis(1_626_086_391_570))
    );
    assert_eq!(data.reaction_type, Some(Emoji::new(EmojiType::Smile)));
    assert_eq!(serde_json::to_value(&data).unwrap(), example["data"]);
}

#[test]
fn event_example_round_trips_keeping_unknown_values() {
    let text = platform_text("reaction-deleted.event.json");
    let original: Value = serde_json::from_str(&text).unwrap();
    let Event::MessageReactionDeletedV1(envelope) = Event::from_slice(text.as_bytes()).unwrap()
    else {
        panic!("not the reaction-deleted event");
    };
    assert_eq!(envelope.schema, "2.0");
    assert_eq!(envelope.header.event_id, "5e3702a84e847582be8db7fb73283c02");
    assert_eq!(
        envelope.header.event_type,
        MessageReactionDeletedV1::EVENT_TYPE
    );
    assert_eq!(
        envelope.header.create_time,
        Some(TimestampMs::from_millis(1_608_725_989_000))
    );
    assert_eq!(envelope.header.tenant_key, "2ca1d211f64f6438");
    let event = &envelope.event;
    assert_eq!(
        event.message_id.as_deref(),
        Some("om_dc1326***************51dba21dcf")
    );
    // The page's example says "app/user": not a value, so it is kept as sent.
    let operator_type = event.operator_type.as_ref().unwrap();
    assert!(operator_type.is_unknown());
    assert_eq!(operator_type.as_str(), "app/user");
    let user = event.user_id.as_ref().unwrap();
    assert_eq!(user.user_id.as_deref(), Some("e33ggbyz"));
    assert_eq!(
        event.action_time,
        Some(TimestampMs::from_millis(1_627_641_418_803))
    );
    assert_eq!(serde_json::to_value(&*envelope).unwrap(), original);
}

#[test]
fn test_vector_plaintext_decodes_into_the_typed_event() {
    let vectors = test_vectors();
    let plaintext = vectors["plaintext"].as_str().unwrap();
    let Event::MessageReactionDeletedV1(envelope) =
        Event::from_slice(plaintext.as_bytes()).unwrap()
    else {
        panic!("not the reaction-deleted event");
    };
    assert_eq!(envelope.header.token, "v_token_abc123");
    assert_eq!(envelope.header.app_id, "cli_a1b2c3d4e5f60708");
    let event = envelope.event;
    assert_eq!(event.operator_type, Some(OperatorType::User));
    assert_eq!(event.reaction_type.unwrap().emoji_type, EmojiType::Smile);
    assert_eq!(
        event.user_id.unwrap().open_id.as_deref(),
        Some("ou_84aad35d084aa403a838cf73ee18467")
    );
    assert_eq!(
        event.action_time,
        Some(TimestampMs::from_millis(1_663_054_162_546))
    );
}

#[test]
fn unknown_values_unknown_fields_and_numeric_times_are_accepted() {
    let json = json!({
        "reaction_id": "r1",
        "operator": {"operator_id": "x", "operator_type": "martian", "since": 2030},
        "action_time": 1_626_086_391_570_i64,
        "reaction_type": {"emoji_type": "BRAND_NEW_EMOJI"},
        "added_by_the_platform_later": {"nested": [1, 2, 3]}
    });
    let data: MessageReaction = serde_json::from_value(json).unwrap();
    let operator_type = data
        .operator
        .as_ref()
        .unwrap()
        .operator_type
        .clone()
        .unwrap();
    assert_eq!(operator_type.as_str(), "martian");
    assert!(operator_type.is_unknown());
    // A value the spec lists is its variant, however it was made.
    assert_eq!(OperatorType::from("app"), OperatorType::App);
    assert!(!OperatorType::from(String::from("app")).is_unknown());
    assert_eq!(data.action_time.unwrap().as_millis(), 1_626_086_391_570);
    let emoji = data.reaction_type.clone().unwrap().emoji_type;
    assert_eq!(emoji.as_str(), "BRAND_NEW_EMOJI");
    // Unknown values go back out as they came; times go out as strings.
    let out = serde_json::to_value(&data).unwrap();
    assert_eq!(out["operator"]["operator_type"], "martian");
    assert_eq!(out["reaction_type"]["emoji_type"], "BRAND_NEW_EMOJI");
    assert_eq!(out["action_time"], "1626086391570");
}

#[test]
fn a_wrong_type_is_reported_with_its_path() {
    let json = br#"{"schema":"2.0","header":{"event_id":"e","event_type":"im.message.reaction.deleted_v1"},"event":{"reaction_type":{"emoji_type":["SMILE"]}}}"#;
    let err = Event::from_slice(json).unwrap_err().to_string();
    assert!(err.contains("reaction_type.emoji_type"), "{err}");
    // A number where the open enum's string is documented is kept as its text.
    let json = br#"{"schema":"2.0","header":{"event_id":"e","event_type":"im.message.reaction.deleted_v1"},"event":{"reaction_type":{"emoji_type":7}}}"#;
    assert!(Event::from_slice(json).is_ok());
}

#[test]
fn every_documented_emoji_is_a_named_value() {
    let list: Vec<String> = platform_tsv("emoji-types.tsv")
        .into_iter()
        .map(|row| row["emoji_type"].clone())
        .collect();
    assert_eq!(list.len(), 182);
    let distinct: std::collections::BTreeSet<&String> = list.iter().collect();
    assert_eq!(distinct.len(), list.len(), "the list repeats a value");
    assert_eq!(EmojiType::VALUES.len(), 182);
    for value in &list {
        let emoji = EmojiType::from(value.as_str());
        assert!(!emoji.is_unknown(), "{value} is not a variant");
        assert_eq!(emoji.as_str(), value);
        let json = serde_json::to_string(&emoji).unwrap();
        assert_eq!(serde_json::from_str::<EmojiType>(&json).unwrap(), emoji);
    }
    assert_eq!(EmojiType::from("2022"), EmojiType::TwentyTwentyTwo);
    assert_eq!(EmojiType::from("18X"), EmojiType::EighteenX);
    assert_eq!(EmojiType::from("OnIt"), EmojiType::OnIt);
    assert_eq!(
        EmojiType::from("Status_PrivateMessage"),
        EmojiType::StatusPrivateMessage
    );
}

/// (HTTP status, code, msg) of each row of the seed page's error table.
fn seed_error_rows() -> Vec<(u16, i64, String)> {
    platform_tsv("delete-message-reaction.errors.tsv")
        .into_iter()
        .map(|row| {
            (
                row["http_status"].parse().expect("an HTTP status"),
                row["code"].parse().expect("a code"),
                row["msg"].clone(),
            )
        })
        .collect()
}

#[test]
fn every_row_of_the_seed_error_table_is_a_variant() {
    let rows = seed_error_rows();
    assert_eq!(rows.len(), 19, "{rows:?}");
    for (status, code, msg) in rows {
        assert!(
            DeleteMessageReactionError::SPECS
                .iter()
                .any(|row| row.code == code),
            "{code}"
        );
        let error = DeleteMessageReactionError::from(ApiError::new(code, "m").with_log_id("log-1"));
        assert!(!error.is_unhandled(), "{code}");
        assert!(
            !matches!(error, DeleteMessageReactionError::Platform(_)),
            "{code}"
        );
        assert_eq!(error.code(), code);
        assert_eq!(error.documented_status(), Some(status));
        assert_eq!(error.spec().map(|row| row.message), Some(msg.as_str()));
        assert!(error.remedy().is_some(), "{code} has no remedy");
        assert_eq!(error.log_id(), Some("log-1"));
    }
    let e = DeleteMessageReactionError::from(ApiError::new(
        231007,
        "The operator has no permission to delete this reaction.",
    ));
    assert!(matches!(e, DeleteMessageReactionError::NotReactionOwner(_)));
    assert!(
        e.to_string().starts_with("NotReactionOwner: code 231007"),
        "{e}"
    );
}

#[test]
fn platform_codes_are_one_variant_and_unlisted_codes_are_kept() {
    for (code, name) in [
        (99991400, "RateLimited"),
        (99991663, "TenantTokenInvalid"),
        (99991668, "UserTokenInvalid"),
        (99991672, "ScopeMissing"),
    ] {
        let e = DeleteMessageReactionError::from(ApiError::new(code, "m"));
        assert!(
            matches!(e, DeleteMessageReactionError::Platform(_)),
            "{e:?}"
        );
        assert_eq!(e.name(), name);
    }
    assert!(matches!(
        DeleteMessageReactionError::from(ApiError::new(99991400, "m")),
        DeleteMessageReactionError::Platform(PlatformError::RateLimited(_))
    ));
    // Any named platform-wide code lands in `Platform`, whatever the tokens.
    let e = DeleteMessageReactionError::from(ApiError::new(99991664, "invalid app token"));
    assert_eq!(e.name(), "AppTokenInvalid");
    let e =
        DeleteMessageReactionError::from(ApiError::new(1_234_567, "added later").with_log_id("L"));
    assert!(e.is_unhandled());
    assert_eq!(e.name(), "Unhandled");
    assert_eq!(e.spec(), None);
    assert_eq!(
        (e.code(), e.message(), e.log_id()),
        (1_234_567, "added later", Some("L"))
    );
    // A platform-wide code without a variant still finds its documentation.
    let e = DeleteMessageReactionError::from(ApiError::new(2200, "internal error"));
    assert_eq!(
        e.remedy(),
        Some("Usually under heavy call rates; slow down or retry.")
    );
}

#[test]
fn endpoint_metadata_matches_the_page() {
    type R = DeleteMessageReactionRequest;
    assert_eq!(R::METHOD, HttpMethod::Delete);
    assert_eq!(
        R::PATH,
        "/open-apis/im/v1/messages/:message_id/reactions/:reaction_id"
    );
    assert_eq!(R::TOKEN_TYPES, [TokenType::Tenant, TokenType::User]);
    assert_eq!(R::SCOPES, ["im:message", "im:message.reactions:write_only"]);
    assert_eq!(
        (R::RATE_LIMIT.per_second, R::RATE_LIMIT.per_minute),
        (Some(50), Some(1000))
    );
    let page = platform_json("delete-message-reaction.meta.json");
    assert_eq!(page["http_method"], R::METHOD.as_str());
    assert_eq!(
        page["http_url"].as_str().unwrap(),
        format!("https://open.feishu.cn{}", R::PATH)
    );
    assert_eq!(
        page["rate_limit"],
        json!({"per_second": R::RATE_LIMIT.per_second, "per_minute": R::RATE_LIMIT.per_minute})
    );
    assert_eq!(page["scopes_any_of"], json!(R::SCOPES));
    let tokens: Vec<&str> = R::TOKEN_TYPES.iter().map(|t| t.as_str()).collect();
    assert_eq!(page["access_tokens"], json!(tokens));
    let request = R::new(
        "om_8964d1b4",
        "ZCaCIjUBVVWSrm5L-3ZTw_sNa8dHVplEzzSfJVUVLMLcS_",
    );
    assert_eq!(
        request.render_path().unwrap(),
        "/open-apis/im/v1/messages/om_8964d1b4/reactions/ZCaCIjUBVVWSrm5L-3ZTw_sNa8dHVplEzzSfJVUVLMLcS_"
    );
    assert!(R::new("om_1", "").render_path().is_err());
    assert!(request.query_pairs().is_empty() && request.request_body().is_none());
}

#[test]
fn event_metadata_matches_the_page() {
    type E = MessageReactionDeletedV1;
    assert_eq!(<E as EventBody>::SCHEMA, EventSchema::V2);
    assert_eq!(
        <E as EventBody>::SCOPES,
        ["im:message.reactions:read", "im:message:readonly"]
    );
    assert_eq!(
        <E as EventBody>::FIELD_SCOPES,
        [(
            "user_id.user_id",
            &["contact:user.employee_id:readonly"][..]
        )]
    );
    assert!(Event::TYPES.contains(&"im.message.reaction.deleted_v1"));
    let page = platform_json("reaction-deleted.meta.json");
    assert_eq!(page["event_type"], E::EVENT_TYPE);
    assert_eq!(page["schema"], "2.0");
    assert_eq!(page["scopes_any_of"], json!(<E as EventBody>::SCOPES));
    let ours: serde_json::Map<String, Value> = <E as EventBody>::FIELD_SCOPES
        .iter()
        .map(|(field, scopes)| ((*field).to_owned(), json!(scopes)))
        .collect();
    assert_eq!(page["field_scopes"], Value::Object(ours));
}

#[test]
fn the_response_type_has_the_endpoint_s_name_too() {
    let data: lark_sdk::im::v1::DeleteMessageReactionResponse = MessageReaction::new();
    let _: <DeleteMessageReactionRequest as Endpoint>::Response = data;
}
