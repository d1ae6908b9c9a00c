//! A client of the local server's control API over HTTP, as a tool in
//! another language would drive it, and the checks every refusal must pass.

use lark_devserver::DevServer;
use reqwest::{Method, RequestBuilder};
use serde_json::Value;

/// A request the control API must refuse, and how:
/// `(status, "METHOD /path", body, field, words)`, where a `None` field is
/// a `null` one and `words` stand somewhere in the `error`.
pub type Refusal<'a> = (u16, String, Option<Value>, Option<&'a str>, &'a str);

/// Control requests to one server.
pub struct Control {
    http: reqwest::Client,
    base: String,
}

impl Control {
    /// A client of `server`'s control API.
    pub fn new(server: &DevServer) -> Self {
        Self {
            http: reqwest::Client::new(),
            base: server.url(),
        }
    }

    /// Sends a control request; gives the status and the JSON answer.
    pub async fn send(&self, method: Method, path: &str, body: Option<Value>) -> (u16, Value) {
        let mut request = self.request(method, path);
        if let Some(body) = body {
            request = request.json(&body);
        }
        answer(path, request).await
    }

    /// Sends raw bytes; gives the status and the JSON answer.
    pub async fn send_bytes(
        &self,
        method: Method,
        path: &str,
        body: &'static [u8],
    ) -> (u16, Value) {
        answer(path, self.request(method, path).body(body)).await
    }

    /// Sends a control request that must succeed; gives the answer.
    ///
    /// # Panics
    /// When the status is not 200.
    pub async fn ok(&self, method: Method, path: &str, body: Value) -> Value {
        let (status, answer) = self.send(method, path, Some(body)).await;
        assert_eq!(status, 200, "{path}: {answer}");
        answer
    }

    /// Sends a control request that must be refused with `status`; gives
    /// the answer's `error` and `field`.
    ///
    /// # Panics
    /// When the status differs or the answer is no refusal.
    pub async fn refused(
        &self,
        status: u16,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> (String, Value) {
        let (got, answer) = self.send(method, path, body).await;
        assert_eq!(got, status, "{path}: {answer}");
        refusal(path, &answer)
    }

    /// [`Control::refused`] for a request written `"METHOD /path"`.
    ///
    /// # Panics
    /// As [`Control::refused`] does, and when `request` is not so written.
    pub async fn refused_at(
        &self,
        status: u16,
        request: &str,
        body: Option<Value>,
    ) -> (String, Value) {
        let (method, path) = request
            .split_once(' ')
            .unwrap_or_else(|| panic!("`{request}` is not `METHOD /path`"));
        let method = Method::from_bytes(method.as_bytes()).expect("a method");
        self.refused(status, method, path, body).await
    }

    /// Sends each request of the table and checks its refusal.
    ///
    /// # Panics
    /// At the first refusal that is not as the table says.
    pub async fn refuses(&self, table: Vec<Refusal<'_>>) {
        for (status, request, body, field, words) in table {
            let (error, got) = self.refused_at(status, &request, body).await;
            assert!(error.contains(words), "{request}: {error}");
            assert_eq!(got, field.map_or(Value::Null, Value::from), "{request}");
        }
    }

    fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.http.request(method, format!("{}{path}", self.base))
    }
}

/// The status and JSON answer to `request`.
async fn answer(path: &str, request: RequestBuilder) -> (u16, Value) {
    let response = request.send().await.expect("control request");
    let status = response.status().as_u16();
    let text = response.text().await.expect("control answer");
    let json = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{path}: answer is not JSON ({e}): {text}"));
    (status, json)
}

/// The `error` and `field` of a refusal, which has both and nothing else.
///
/// # Panics
/// When the answer is not so.
pub fn refusal(path: &str, answer: &Value) -> (String, Value) {
    let error = answer["error"]
        .as_str()
        .unwrap_or_else(|| panic!("{path}: no `error` in {answer}"))
        .to_owned();
    let field = answer
        .get("field")
        .unwrap_or_else(|| panic!("{path}: no `field` in {answer}"))
        .clone();
    assert!(field.is_null() || field.is_string(), "{path}: {answer}");
    assert_eq!(
        answer.as_object().map(|o| o.len()),
        Some(2),
        "{path}: {answer}"
    );
    (error, field)
}

/// The string at `key` of an answer.
///
/// # Panics
/// When there is none.
pub fn text(value: &Value, key: &str) -> String {
    value[key]
        .as_str()
        .unwrap_or_else(|| panic!("no `{key}` in {value}"))
        .to_owned()
}
