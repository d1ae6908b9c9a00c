//! Contract mode: the local server answers the SDK's endpoints that have no
//! rules by their spec. A request passes the token, scope and rate-limit
//! checks of a ruled one, then its path, query and body are checked
//! against the spec; the first offending field is named in the platform's
//! field validation error (99992402), and a request that passes gets data
//! that fits the response type, the same for the same request.

use lark_devserver::{DevServer, NewApp};
use lark_sdk::client::Error;
use serde_json::{Value, json};

struct Setup {
    server: DevServer,
    client: lark_sdk::Client,
    http: reqwest::Client,
    token: String,
}

async fn setup(scopes: &[&str]) -> Setup {
    let server = DevServer::start(lark_devserver::Config::default())
        .await
        .expect("the local server starts");
    let app = server
        .create_app(NewApp {
            scopes: Some(scopes.iter().map(|s| (*s).to_owned()).collect()),
            ..NewApp::default()
        })
        .expect("an app");
    let http = reqwest::Client::new();
    let token: Value = http
        .post(format!(
            "{}/open-apis/auth/v3/tenant_access_token/internal",
            server.url()
        ))
        .json(&json!({"app_id": app.app_id, "app_secret": app.app_secret}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = token["tenant_access_token"]
        .as_str()
        .expect("a token")
        .to_owned();
    let client = lark_sdk::Client::builder(app.app_id, app.app_secret)
        .base_url(server.url())
        .build()
        .expect("a client");
    Setup {
        server,
        client,
        http,
        token,
    }
}

impl Setup {
    async fn raw(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> (u16, Value) {
        let mut request = self
            .http
            .request(method, format!("{}{path}", self.server.url()))
            .bearer_auth(&self.token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }
}

#[tokio::test]
async fn an_endpoint_without_rules_answers_data_of_its_response_type() {
    let s = setup(&["im:chat:readonly", "im:chat"]).await;
    let request = lark_sdk::im::v1::GetChatAnnouncementRequest::new("oc_contract");
    let first = s
        .client
        .call(&request)
        .await
        .expect("the typed call succeeds");
    let again = s.client.call(&request).await.expect("again");
    assert_eq!(
        format!("{first:?}"),
        format!("{again:?}"),
        "the same request, the same data"
    );
    // Over the wire: the envelope, and a field of the answer's type.
    let (status, body) = s
        .raw(
            reqwest::Method::GET,
            "/open-apis/im/v1/chats/oc_contract/announcement",
            None,
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["code"], 0, "{body}");
    assert!(body["data"]["content"].is_string(), "{body}");
    // `/chats/search` is the search, not a chat with the id `search`; a
    // paged answer says it has no more.
    let (_, body) = s
        .raw(
            reqwest::Method::GET,
            "/open-apis/im/v1/chats/search?query=x",
            None,
        )
        .await;
    assert_eq!(body["data"]["has_more"], false, "{body}");
    assert!(body["data"]["items"].is_array(), "{body}");
    s.server.shutdown().await;
}

#[tokio::test]
async fn a_missing_required_field_is_named_in_the_field_validation_error() {
    let s = setup(&["im:chat"]).await;
    let path = "/open-apis/im/v1/chats/oc_1/chat_tabs";
    let (status, body) = s
        .raw(
            reqwest::Method::POST,
            path,
            Some(json!({"chat_tabs": [{"tab_name": "Docs"}]})),
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["code"], 99992402, "{body}");
    assert_eq!(body["msg"], "field validation failed");
    let violation = &body["error"]["field_violations"][0];
    assert_eq!(violation["field"], "chat_tabs[0].tab_type", "{body}");
    assert_eq!(violation["description"], "required");
    // A body enum's value outside its values.
    let (_, body) = s
        .raw(
            reqwest::Method::POST,
            path,
            Some(json!({"chat_tabs": [{"tab_name": "Docs", "tab_type": "poster"}]})),
        )
        .await;
    let violation = &body["error"]["field_violations"][0];
    assert_eq!(violation["field"], "chat_tabs[0].tab_type", "{body}");
    assert_eq!(violation["value"], "poster");
    assert!(
        violation["description"]
            .as_str()
            .unwrap()
            .starts_with("not one of: message, doc_list"),
        "{body}"
    );
    // The typed request cannot leave `tab_type` out; without tabs (they
    // are optional) it passes, and the answer decodes into its type.
    let request = lark_sdk::im::v1::CreateChatTabRequest::new("oc_1");
    let created = s.client.call(&request).await;
    assert!(created.is_ok(), "{created:?}");
    s.server.shutdown().await;
}

#[tokio::test]
async fn a_query_value_outside_its_enum_and_a_wrong_type_are_named() {
    let s = setup(&["im:message:send_as_bot"]).await;
    let body = json!({"receive_id": "oc_1", "msg_type": "text", "content": "{\"text\":\"hi\"}"});
    let (status, answer) = s
        .raw(
            reqwest::Method::POST,
            "/open-apis/im/v1/messages?receive_id_type=chat",
            Some(body.clone()),
        )
        .await;
    assert_eq!(status, 400, "{answer}");
    let violation = &answer["error"]["field_violations"][0];
    assert_eq!(violation["field"], "receive_id_type", "{answer}");
    assert_eq!(violation["value"], "chat");
    assert!(
        violation["description"]
            .as_str()
            .unwrap()
            .contains("chat_id"),
        "{answer}"
    );
    // A required query parameter left out.
    let (_, answer) = s
        .raw(
            reqwest::Method::POST,
            "/open-apis/im/v1/messages",
            Some(body.clone()),
        )
        .await;
    assert_eq!(
        answer["error"]["field_violations"][0]["field"], "receive_id_type",
        "{answer}"
    );
    // A number where a string belongs.
    let (_, answer) = s
        .raw(
            reqwest::Method::POST,
            "/open-apis/im/v1/messages?receive_id_type=chat_id",
            Some(json!({"receive_id": 7, "msg_type": "text", "content": "{}"})),
        )
        .await;
    assert_eq!(
        answer["error"]["field_violations"][0]["field"], "receive_id",
        "{answer}"
    );
    assert_eq!(
        answer["error"]["field_violations"][0]["description"],
        "not a string"
    );
    // And a request that passes reaches the IM rules, which send it to a
    // chat the bot is in.
    let app = s.server.world().apps.values().next().cloned().unwrap();
    let chat = s
        .server
        .create_chat(
            &app.tenant_key,
            lark_devserver::ChatKind::Group,
            vec![lark_devserver::Member::App(app.app_id)],
        )
        .unwrap();
    let mut body = body;
    body["receive_id"] = json!(chat.chat_id);
    let (status, answer) = s
        .raw(
            reqwest::Method::POST,
            "/open-apis/im/v1/messages?receive_id_type=chat_id",
            Some(body),
        )
        .await;
    assert_eq!((status, &answer["code"]), (200, &json!(0)), "{answer}");
    assert!(answer["data"]["message_id"].is_string(), "{answer}");
    s.server.shutdown().await;
}

#[tokio::test]
async fn tokens_and_scopes_are_checked_as_for_ruled_endpoints() {
    // No IM chat scope: the platform's scope error, naming the scopes.
    let s = setup(&["contact:user.employee_id:readonly"]).await;
    let denied = s
        .client
        .call(&lark_sdk::im::v1::GetChatRequest::new("oc_1"))
        .await;
    assert!(matches!(denied, Err(Error::Api(_))), "{denied:?}");
    let (status, body) = s
        .raw(reqwest::Method::GET, "/open-apis/im/v1/chats/oc_1", None)
        .await;
    assert_eq!((status, &body["code"]), (400, &json!(99991672)), "{body}");
    // No token at all.
    let response = s
        .http
        .get(format!("{}/open-apis/im/v1/chats/oc_1", s.server.url()))
        .send()
        .await
        .unwrap();
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["code"], 99991661, "{body}");
    s.server.shutdown().await;
}

#[tokio::test]
async fn a_path_no_endpoint_has_is_the_platforms_404_and_rules_come_first() {
    let s = setup(&["im:message"]).await;
    let (status, body) = s
        .raw(reqwest::Method::GET, "/open-apis/im/v1/no_such_thing", None)
        .await;
    assert_eq!((status, &body["code"]), (404, &json!(99991201)), "{body}");
    // The reaction endpoints keep their rules: a message the world does not
    // have is the table's row, not contract data.
    let (status, body) = s
        .raw(
            reqwest::Method::GET,
            "/open-apis/im/v1/messages/om_nowhere/reactions",
            None,
        )
        .await;
    assert_ne!(body["code"], 0, "{status} {body}");
    s.server.shutdown().await;
}

#[tokio::test]
async fn a_large_upload_reaches_its_contract_and_a_body_is_read_only_where_one_is_taken() {
    let s = setup(&["drive:drive", "im:chat"]).await;
    // A 3 MiB file to an upload endpoint without rules: past axum's default
    // body limit, within the platform's.
    let form = reqwest::multipart::Form::new()
        .text("file_name", "big.bin")
        .text("parent_type", "explorer")
        .text("parent_node", "fldcn1")
        .text("size", (3 << 20).to_string())
        .part(
            "file",
            reqwest::multipart::Part::bytes(vec![7u8; 3 << 20]).file_name("big.bin"),
        );
    let response = s
        .http
        .post(format!(
            "{}/open-apis/drive/v1/files/upload_all",
            s.server.url()
        ))
        .bearer_auth(&s.token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["code"], 0, "{body}");
    // A body that is not an object is the body's violation.
    let (_, body) = s
        .raw(
            reqwest::Method::POST,
            "/open-apis/im/v1/chats/oc_1/chat_tabs",
            Some(json!([])),
        )
        .await;
    assert_eq!(
        body["error"]["field_violations"][0]["field"], "body",
        "{body}"
    );
    // A GET takes no body: one sent is not read.
    let response = s
        .http
        .get(format!(
            "{}/open-apis/im/v1/chats/oc_1/announcement",
            s.server.url()
        ))
        .bearer_auth(&s.token)
        .body("not json")
        .send()
        .await
        .unwrap();
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["code"], 0, "{body}");
    s.server.shutdown().await;
}
