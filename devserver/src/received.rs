//! The requests the server received under `/open-apis/`, as they came on
//! the wire, kept when [`Config::record_requests`](crate::Config) is on:
//! what a differential test compares between two clients that sent the
//! same logical request.

use serde::Serialize;

/// One request, as received.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Received {
    /// `GET`, `POST`, …
    pub method: String,
    /// The path as sent (percent-encoded).
    pub path: String,
    /// The query string as sent, without the `?`; none when there was no `?`.
    pub query: Option<String>,
    /// Every header, names in lower case, in the order sent.
    pub headers: Vec<(String, String)>,
    /// The body's bytes.
    pub body: Vec<u8>,
}

impl Received {
    /// The first value of a header (`name` in lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}
