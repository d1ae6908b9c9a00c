//! Unit tests of decoding: every mistake of a file is reported, at its place.

use super::*;
use crate::diag::{Diagnostics, FileId, Place};
use crate::yaml;

fn decode_file(text: &str) -> (SpecFile, Vec<String>) {
    let mut diags = Diagnostics::default();
    let node = yaml::parse(FileId(0), text, &mut diags).expect("yaml");
    let file = SpecFile::decode(&node, &mut Cx { diags: &mut diags }).expect("file");
    let msgs = diags
        .sorted()
        .into_iter()
        .map(|d| match &d.place {
            Place::At(l) => format!("{}:{}: {}", l.pos.line, l.pos.col, d.message),
            Place::Path(p) => format!("{p}: {}", d.message),
        })
        .collect();
    (file, msgs)
}

#[test]
fn reads_an_endpoint() {
    let (file, errs) = decode_file(
        r#"
service: im
version: v1
resource: message_reaction
endpoints:
  - name: delete
    summary: {zh: 删除消息表情回复, en: Delete a message reaction}
    method: DELETE
    path: /open-apis/im/v1/messages/:message_id/reactions/:reaction_id
    tokens: [tenant, user]
    rate_limit: {per_second: 50, per_minute: 1000}
    path_params:
      message_id: {type: string, example: om_1}
      reaction_id: {type: string}
    errors:
      - {code: 231007, http: 400, message: The operator has no permission to delete this reaction.}
"#,
    );
    assert!(errs.is_empty(), "{errs:?}");
    let ep = &file.endpoints[0];
    assert_eq!(ep.name.value, "delete");
    assert_eq!(ep.method.value, Method::Delete);
    assert_eq!(ep.tokens.0.len(), 2);
    assert_eq!(
        ep.rate_limit
            .as_ref()
            .unwrap()
            .per_second
            .as_ref()
            .unwrap()
            .value,
        50
    );
    assert_eq!(ep.path_params.items[0].0.value, "message_id");
    assert_eq!(ep.errors[0].code.value, 231007);
    assert_eq!(ep.summary.en.as_deref(), Some("Delete a message reaction"));
}

#[test]
fn reports_every_mistake_in_a_file() {
    let (_, errs) = decode_file(
        r#"
service: im
version: v1
endpoints:
  - name: delete
    sumary: x
    method: DELETEE
    path: /x
    tokens: [tenant, usr]
    rate_limit: {per_second: fifty}
types:
  Thing:
    type: object
    values: [a]
  Other:
    type: strng
    required: true
"#,
    );
    assert_eq!(
        errs,
        [
            "6:5: unknown key `sumary` in endpoint (did you mean `summary`?)",
            "7:13: unknown HTTP method `DELETEE` (did you mean `DELETE`?)",
            "9:22: unknown token type `usr` (did you mean `user`?)",
            "10:30: expected a whole number from 0 to 4294967295, found `fifty`",
            "13:11: `type: object` needs the key `fields`",
            "14:5: key `values` goes with `type: enum`, but the type here is `object`",
            "17:5: key `required` is not allowed in a type definition",
        ]
    );
}

#[test]
fn reports_a_missing_key_unless_it_was_misspelt() {
    let (_, errs) = decode_file("types:\n  A:\n    description: no type\n  B:\n    typ: string\n");
    assert_eq!(
        errs,
        [
            "3:5: missing required key `type` in type definition",
            "5:5: unknown key `typ` in type definition (did you mean `type`?)",
        ]
    );
}

#[test]
fn enum_values_accept_bare_scalars() {
    let (file, errs) = decode_file(
        "types:\n  EmojiType:\n    type: enum\n    values: [SMILE, 2022, {value: 18X, name: EighteenX}]\n",
    );
    assert!(errs.is_empty(), "{errs:?}");
    let values = file.types.items[0].1.0.values.as_ref().unwrap();
    let texts: Vec<&str> = values.iter().map(|v| v.value.value.as_str()).collect();
    assert_eq!(texts, ["SMILE", "2022", "18X"]);
    assert_eq!(values[2].name.as_ref().unwrap().value, "EighteenX");
}
