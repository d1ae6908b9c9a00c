//! One call: token, request, the platform's envelope, typed data or error.

use std::time::Duration;

use bytes::Bytes;
use reqwest::header::HeaderMap;
use serde::de::DeserializeOwned;
use tracing::Instrument;

use super::answer::{Answer, Shown, transport_error};
use super::download::{Download, Downloaded};
use super::error::{Error, TokenError, TransportError};
use super::token::{self, TokenKey};
use super::{AppType, Client, RequestOptions, Secret};
use crate::endpoint::{Endpoint, HttpMethod, RateLimit, TokenType};
use crate::error::{ApiError, InvalidRequest};
use crate::upload::Form;

/// Codes that mean the token sent is no good: the cached one is dropped and
/// the call made once more with a fresh one.
const TOKEN_INVALID: &[i64] = &[99_991_661, 99_991_663, 99_991_664, 99_991_665, 99_991_671];
/// The rate-limit code.
const RATE_LIMITED: i64 = 99_991_400;

/// Which token a call sends.
enum Auth {
    Cached(TokenKey),
    User(Secret),
}

/// What one HTTP exchange gave: the data, or the platform's error with the
/// answer's headers (for the rate-limit reset).
pub(crate) enum Exchange<T> {
    Data(T),
    Failed(Box<ApiError>, HeaderMap),
}

/// How a call reads a platform's answer: as JSON `data`, or as a file.
///
/// Neither depends on the endpoint, so that the exchange (the retry loop,
/// tokens, limits) is compiled twice, not once per endpoint: the endpoint's
/// types come in only to prepare the request and to decode the `data`.
pub(crate) trait Reading: Sized + Send {
    /// Reads an answer.
    fn read(
        url: &str,
        response: reqwest::Response,
    ) -> impl Future<Output = Result<Exchange<Self>, TransportError>> + Send;
}

/// The `data` of a successful JSON answer, as received (a view into the
/// body, no copy), decoded into its type by the caller.
pub(crate) struct RawData(Bytes);

impl Reading for RawData {
    async fn read(
        url: &str,
        response: reqwest::Response,
    ) -> Result<Exchange<Self>, TransportError> {
        let answer = Answer::read(url, response).await?;
        enveloped(answer, |answer, raw| Ok(RawData(view(&answer.body, raw))))
    }
}

/// `part` as a view into `body` when it lies inside it (it does, unless
/// it is the `{}` that stands for no data), else a copy.
fn view(body: &Bytes, part: &str) -> Bytes {
    let (start, end) = (body.as_ptr() as usize, body.as_ptr() as usize + body.len());
    let at = part.as_ptr() as usize;
    if at >= start && at + part.len() <= end {
        body.slice(at - start..at - start + part.len())
    } else {
        Bytes::copy_from_slice(part.as_bytes())
    }
}

impl Reading for Download {
    async fn read(
        url: &str,
        response: reqwest::Response,
    ) -> Result<Exchange<Self>, TransportError> {
        match Downloaded::read(url, response).await? {
            Downloaded::File(file) => Ok(Exchange::Data(file)),
            // An envelope that says success where a file was due is not one.
            Downloaded::Answer(answer) => {
                enveloped(answer, |answer, _| Err(answer.unexpected(Shown::Plain)))
            }
        }
    }
}

/// A request ready to go, its endpoint's types left behind: what the
/// exchange needs.
struct Prepared<'a> {
    id: &'static str,
    method: HttpMethod,
    url: String,
    body: Option<Vec<u8>>,
    form: Option<Form>,
    headers: Vec<(&'static str, String)>,
    tokens: &'static [TokenType],
    rate_limit: RateLimit,
    options: &'a RequestOptions,
}

impl<'a> Prepared<'a> {
    /// Checks the request's bounds and renders it.
    fn new<E: Endpoint>(request: &E, options: &'a RequestOptions) -> Result<Self, InvalidRequest> {
        request.validate()?;
        let path = request.render_path()?;
        let body = match request.request_body() {
            Some(body) => Some(serde_json::to_vec(body).map_err(|e| InvalidRequest::Body {
                endpoint: E::ID,
                reason: e.to_string(),
            })?),
            None => None,
        };
        Ok(Self {
            id: E::ID,
            method: E::METHOD,
            url: query_url(&path, &request.query_pairs()),
            body,
            form: request.form(),
            headers: request.header_pairs(),
            tokens: E::TOKEN_TYPES,
            rate_limit: E::RATE_LIMIT,
            options,
        })
    }
}

/// Why an exchange gave no data, before the endpoint's error type is known.
enum Failure {
    Api(Box<ApiError>),
    Transport(TransportError),
    Token(TokenError),
    Invalid(InvalidRequest),
}

impl From<TransportError> for Failure {
    fn from(e: TransportError) -> Self {
        Failure::Transport(e)
    }
}

impl From<TokenError> for Failure {
    fn from(e: TokenError) -> Self {
        Failure::Token(e)
    }
}

impl From<InvalidRequest> for Failure {
    fn from(e: InvalidRequest) -> Self {
        Failure::Invalid(e)
    }
}

impl Failure {
    /// As an endpoint's error.
    fn typed<E: crate::error::EndpointError>(self) -> Error<E> {
        match self {
            Failure::Api(error) => Error::Api(E::from(*error)),
            Failure::Transport(e) => Error::Transport(e),
            Failure::Token(e) => Error::Token(e),
            Failure::Invalid(e) => Error::InvalidRequest(e),
        }
    }
}

impl Client {
    /// Calls an endpoint with the default token (tenant, or app when the
    /// endpoint takes only that).
    pub async fn call<E: Endpoint>(&self, request: &E) -> Result<E::Response, Error<E::Error>> {
        self.call_with(request, RequestOptions::NONE).await
    }

    /// Calls an endpoint with per-call options (a user token, a store app's tenant).
    pub async fn call_with<E: Endpoint>(
        &self,
        request: &E,
        options: &RequestOptions,
    ) -> Result<E::Response, Error<E::Error>> {
        let RawData(raw) = self.exchange_for::<E, RawData>(request, options).await?;
        Ok(data(E::ID, &raw)?)
    }

    /// Calls a download endpoint (one whose answer is a file): the file is
    /// read as it comes, through the [`Download`]; an error answer is
    /// decoded into the endpoint's error enum.
    pub async fn download<E: Endpoint>(&self, request: &E) -> Result<Download, Error<E::Error>> {
        self.download_with(request, RequestOptions::NONE).await
    }

    /// [`Client::download`] with per-call options.
    pub async fn download_with<E: Endpoint>(
        &self,
        request: &E,
        options: &RequestOptions,
    ) -> Result<Download, Error<E::Error>> {
        self.exchange_for::<E, Download>(request, options).await
    }

    async fn exchange_for<E: Endpoint, R: Reading>(
        &self,
        request: &E,
        options: &RequestOptions,
    ) -> Result<R, Error<E::Error>> {
        let prepared = Prepared::new(request, options)?;
        self.traced::<R>(&prepared).await.map_err(Failure::typed)
    }

    async fn traced<R: Reading>(&self, request: &Prepared<'_>) -> Result<R, Failure> {
        let span = tracing::info_span!(
            "lark.call",
            endpoint = request.id,
            method = request.method.as_str(),
            attempt = tracing::field::Empty,
            status = tracing::field::Empty,
            code = tracing::field::Empty,
            log_id = tracing::field::Empty,
        );
        self.exchange::<R>(request).instrument(span).await
    }

    /// Sends a request until it has an answer: the limiter, the token, one
    /// renewal of a refused token, retries of what cannot have reached the
    /// platform, waits for a rate limit's reset.
    async fn exchange<R: Reading>(&self, request: &Prepared<'_>) -> Result<R, Failure> {
        let config = &self.inner.config;
        let options = request.options;
        let url = format!("{}{}", config.base_url, request.url);
        let auth = self.auth_for(request.id, request.tokens, options)?;
        let limiter_key = format!(
            "{}:{}/{}",
            config.app_id,
            request.id,
            options.tenant_key.as_deref().unwrap_or_default()
        );
        let timeout = options.timeout.unwrap_or(config.timeout);

        let mut token_renewed = false;
        let mut retries = 0u32;
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            tracing::Span::current().record("attempt", attempt);
            if let Some(limiter) = &self.inner.limiter {
                limiter.acquire(&limiter_key, request.rate_limit).await;
            }
            let token = match &auth {
                Auth::User(token) => token.clone(),
                Auth::Cached(key) => token::get(&self.inner, key).await?,
            };
            let mut http = self
                .inner
                .http
                .request(method(request.method), &url)
                .timeout(timeout)
                .bearer_auth(token.expose());
            for (name, value) in &request.headers {
                http = http.header(*name, value);
            }
            for (name, value) in &options.headers {
                http = http.header(name, value);
            }
            if let Some(form) = &request.form {
                // Sets the one Content-Type, with its boundary.
                http = http.multipart(super::multipart::encode(request.id, form).await?);
            } else if let Some(body) = &request.body {
                http = http
                    .header("content-type", "application/json; charset=utf-8")
                    .body(body.clone());
            }
            let is_get = request.method == HttpMethod::Get;
            let response = match http.send().await {
                Ok(response) => response,
                Err(e) if e.is_connect() && retries < config.max_retries => {
                    // Nothing reached the server: safe to try again.
                    retries += 1;
                    tracing::debug!(error = %e, "connect failed; retrying");
                    tokio::time::sleep(backoff(retries)).await;
                    continue;
                }
                Err(e) if is_get && e.is_timeout() && retries < config.max_retries => {
                    retries += 1;
                    continue;
                }
                Err(e) => return Err(transport_error(&url, timeout, e).into()),
            };
            let status = response.status().as_u16();
            tracing::Span::current().record("status", status);
            let exchange = match R::read(&url, response).await {
                Ok(read) => read,
                Err(e) if is_get && status >= 500 && retries < config.max_retries => {
                    retries += 1;
                    tracing::debug!(error = %e, "server error on a GET; retrying");
                    tokio::time::sleep(backoff(retries)).await;
                    continue;
                }
                Err(e) => return Err(e.into()),
            };
            let (error, headers) = match exchange {
                Exchange::Data(data) => return Ok(data),
                Exchange::Failed(error, headers) => (error, headers),
            };
            let span = tracing::Span::current();
            span.record("code", error.code);
            if let Some(log_id) = &error.log_id {
                span.record("log_id", log_id.as_str());
            }
            if let Auth::Cached(key) = &auth
                && TOKEN_INVALID.contains(&error.code)
                && !token_renewed
            {
                token_renewed = true;
                self.inner
                    .tokens
                    .evict(&self.inner.config, key, &token)
                    .await;
                tracing::debug!(code = error.code, "token refused; fetching a new one");
                continue;
            }
            if (error.code == RATE_LIMITED || status == 429) && retries < config.max_retries {
                retries += 1;
                let wait = reset_after(&headers)
                    .unwrap_or_else(|| backoff(retries))
                    .min(config.max_rate_limit_wait);
                tracing::debug!(?wait, "rate limited; waiting for the reset");
                if let Some(limiter) = &self.inner.limiter {
                    // Every replica sharing the limiter waits too.
                    limiter.hold(&limiter_key, wait).await;
                }
                tokio::time::sleep(wait).await;
                continue;
            }
            return Err(Failure::Api(error));
        }
    }

    /// The token a call sends, checked against what the endpoint accepts.
    fn auth_for(
        &self,
        endpoint: &'static str,
        tokens: &[TokenType],
        options: &RequestOptions,
    ) -> Result<Auth, TokenError> {
        let accepts = |t: TokenType| tokens.contains(&t);
        if let Some(token) = &options.user_access_token {
            if !accepts(TokenType::User) {
                return Err(TokenError::NotAccepted {
                    endpoint,
                    token: TokenType::User.as_str(),
                });
            }
            return Ok(Auth::User(token.clone()));
        }
        let tenant = match self.inner.config.app_type {
            AppType::Custom => None,
            AppType::Store => Some(options.tenant_key.clone().ok_or(TokenError::NoTenantKey)?),
        };
        if accepts(TokenType::Tenant) {
            Ok(Auth::Cached(TokenKey::Tenant(tenant)))
        } else if accepts(TokenType::App) {
            Ok(Auth::Cached(TokenKey::App))
        } else {
            Err(TokenError::NotAccepted {
                endpoint,
                token: TokenType::Tenant.as_str(),
            })
        }
    }
}

/// Reads the platform's envelope, whatever the HTTP status: a successful
/// one's `data` by `read`, else the error.
fn enveloped<T>(
    answer: Answer,
    read: impl FnOnce(&Answer, &str) -> Result<T, TransportError>,
) -> Result<Exchange<T>, TransportError> {
    let envelope = answer.envelope(Shown::Plain)?;
    if envelope.code == 0 {
        return read(&answer, envelope.data_or_empty()).map(Exchange::Data);
    }
    let error = Box::new(envelope.into_error(&answer));
    Ok(Exchange::Failed(error, answer.headers))
}

/// An endpoint's `data` as its type; a mismatch names the offending field.
fn data<T: DeserializeOwned>(endpoint: &'static str, raw: &[u8]) -> Result<T, TransportError> {
    let mut de = serde_json::Deserializer::from_slice(raw);
    serde_path_to_error::deserialize(&mut de).map_err(|e| TransportError::Decode {
        endpoint,
        path: e.path().to_string(),
        source: e.into_inner(),
    })
}

fn method(method: HttpMethod) -> reqwest::Method {
    match method {
        HttpMethod::Get => reqwest::Method::GET,
        HttpMethod::Post => reqwest::Method::POST,
        HttpMethod::Put => reqwest::Method::PUT,
        HttpMethod::Patch => reqwest::Method::PATCH,
        HttpMethod::Delete => reqwest::Method::DELETE,
    }
}

/// `path + ?query`, the query form-encoded.
fn query_url(path: &str, query: &[(&'static str, String)]) -> String {
    use percent_encoding::utf8_percent_encode;
    let set = crate::__private::SEGMENT;
    let mut url = path.to_owned();
    for (i, (name, value)) in query.iter().enumerate() {
        url.push(if i == 0 { '?' } else { '&' });
        url.extend(utf8_percent_encode(name, set));
        url.push('=');
        url.extend(utf8_percent_encode(value, set));
    }
    url
}

/// `x-ogw-ratelimit-reset`, in seconds: any non-negative number, a value
/// too large for a `Duration` read as the largest (the caller caps the wait);
/// NaN, a negative or anything else is ignored.
fn reset_after(headers: &HeaderMap) -> Option<Duration> {
    let seconds = headers
        .get("x-ogw-ratelimit-reset")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| *s >= 0.0)?;
    Some(Duration::try_from_secs_f64(seconds).unwrap_or(Duration::MAX))
}

/// 200 ms, 400 ms, 800 ms, … with up to a quarter of jitter.
fn backoff(retry: u32) -> Duration {
    use rand::Rng;
    let base = Duration::from_millis(100u64.saturating_mul(1 << retry.min(6)));
    base + base.mul_f64(rand::rng().random_range(0.0..0.25))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_encode_query_values() {
        assert_eq!(
            query_url("/p", &[("a", "x y".into()), ("b", "é&".into())]),
            "/p?a=x%20y&b=%C3%A9%26"
        );
        assert_eq!(query_url("/p", &[]), "/p");
    }

    #[test]
    fn reset_header_is_read_in_seconds() {
        let mut h = HeaderMap::new();
        h.insert("x-ogw-ratelimit-reset", "2".parse().unwrap());
        assert_eq!(reset_after(&h), Some(Duration::from_secs(2)));
        h.insert("x-ogw-ratelimit-reset", "soon".parse().unwrap());
        assert_eq!(reset_after(&h), None);
    }

    #[test]
    fn extreme_reset_values_do_not_panic() {
        let mut h = HeaderMap::new();
        for (value, expected) in [
            ("0", Some(Duration::ZERO)),
            ("0.25", Some(Duration::from_millis(250))),
            ("9223372036854775808", Some(Duration::from_secs(1 << 63))),
            ("18446744073709551615", Some(Duration::MAX)),
            ("1e30", Some(Duration::MAX)),
            ("inf", Some(Duration::MAX)),
            ("-1", None),
            ("-0.5", None),
            ("NaN", None),
            ("", None),
        ] {
            h.insert("x-ogw-ratelimit-reset", value.parse().unwrap());
            let got = reset_after(&h);
            assert_eq!(got, expected, "{value}");
            // What the caller does with it.
            let _ = got.map(|d| d.min(Duration::from_secs(60)));
        }
    }
}
