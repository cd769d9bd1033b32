//! The SDK's client on replayed HTTP traffic: one request, one static response.

use aws_credential_types::Credentials;
use aws_sdk_forecast::config::{BehaviorVersion, Region};
use aws_sdk_forecast::{Client, Config};
use aws_smithy_runtime::client::http::test_util::{ReplayEvent, StaticReplayClient};
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::context::BeforeSerializationInterceptorContextMut;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::orchestrator::HttpRequest;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::body::SdkBody;
use aws_smithy_types::config_bag::ConfigBag;
use aws_smithy_types::error::display::DisplayErrorContext;
use aws_smithy_types::retry::RetryConfig;
use forecast_types::ConversionError;
use std::fmt::Debug;
use std::sync::Mutex;

/// The HTTP response the replay client answers with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// The status code.
    pub status: u16,
    /// Header names and values.
    pub headers: Vec<(String, String)>,
    /// The body, as sent.
    pub body: Vec<u8>,
}

impl Reply {
    /// A `200 OK` with `body`.
    pub fn ok(body: impl Into<Vec<u8>>) -> Self {
        Self::new(200, &[], body)
    }

    /// A response with the given status, headers and body.
    pub fn new(status: u16, headers: &[(&str, &str)], body: impl Into<Vec<u8>>) -> Self {
        let headers = headers
            .iter()
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect();
        Self {
            status,
            headers,
            body: body.into(),
        }
    }

    /// The value of header `name`, compared without case.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// The response as `http` 1.x, the form the replay client takes.
    fn to_http(&self) -> http::Response<SdkBody> {
        let mut builder = http::Response::builder().status(self.status);
        for (name, value) in &self.headers {
            builder = builder.header(name, value);
        }
        builder
            .body(SdkBody::from(self.body.clone()))
            .expect("a valid response")
    }
}

/// What the SDK sent: the headers this crate checks and the body as JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Sent {
    /// The `X-Amz-Target` header.
    pub target: Option<String>,
    /// The `Content-Type` header.
    pub content_type: Option<String>,
    /// The body; `Null` when empty.
    pub body: serde_json::Value,
}

impl Sent {
    /// Reads a captured request.
    fn from_request(request: &HttpRequest) -> Self {
        let header = |name| request.headers().get(name).map(str::to_owned);
        let bytes = request.body().bytes().expect("an in-memory body");
        let body = if bytes.is_empty() {
            serde_json::Value::Null
        } else {
            serde_json::from_slice(bytes).expect("the SDK sends JSON")
        };
        Self {
            target: header("x-amz-target"),
            content_type: header("content-type"),
            body,
        }
    }
}

/// A replay client that answers one request with `reply`.
pub fn replay(reply: &Reply) -> StaticReplayClient {
    let request = http::Request::builder()
        .uri("https://forecast.us-east-1.amazonaws.com/")
        .body(SdkBody::empty())
        .expect("a valid request");
    StaticReplayClient::new(vec![ReplayEvent::new(request, reply.to_http())])
}

/// The SDK's client on `replay`: a fixed region, static test credentials and
/// no retries (a replayed throttling error must come back, not be retried).
pub fn client(replay: StaticReplayClient) -> Client {
    let config = Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new("AKID", "SECRET", None, None, "test"))
        .retry_config(RetryConfig::disabled())
        .http_client(replay)
        .build();
    Client::from_conf(config)
}

/// The one request `replay` saw.
pub fn sent(replay: &StaticReplayClient) -> Sent {
    let requests: Vec<_> = replay.actual_requests().collect();
    assert_eq!(requests.len(), 1, "the SDK sends one request");
    Sent::from_request(requests[0])
}

/// Runs `future` to completion on a current-thread runtime, for tests that
/// are not `async` (proptest's closures).
pub fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a runtime")
        .block_on(future)
}

/// The SDK's result with its service error taken out; any other failure
/// (construction, dispatch, an unreadable response) panics with its context.
pub fn service_result<O, E, R>(result: Result<O, SdkError<E, R>>) -> Result<O, E>
where
    E: std::error::Error + Send + Sync + 'static,
    R: Debug,
{
    match result {
        Ok(output) => Ok(output),
        Err(SdkError::ServiceError(error)) => Err(error.into_err()),
        Err(other) => panic!("the SDK failed: {}", DisplayErrorContext(&other)),
    }
}

/// An interceptor that replaces the SDK's input with a given value just before
/// it is serialized: a whole converted input reaches the SDK's serializer
/// without going through the fluent builder's setters one by one.
#[derive(Debug)]
pub struct ReplaceInput<I>(Mutex<Option<I>>);

impl<I> ReplaceInput<I> {
    /// An interceptor that puts `input` in place of the SDK's input.
    pub fn new(input: I) -> Self {
        Self(Mutex::new(Some(input)))
    }
}

impl<I: Debug + Send + Sync + 'static> Intercept for ReplaceInput<I> {
    fn name(&self) -> &'static str {
        "ReplaceInput"
    }

    fn modify_before_serialization(
        &self,
        context: &mut BeforeSerializationInterceptorContextMut<'_>,
        _components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let input = self.0.lock().expect("not poisoned").take();
        let input = input.ok_or("the input was already replaced")?;
        let slot = context.input_mut().downcast_mut::<I>();
        *slot.ok_or("the operation takes another input type")? = input;
        Ok(())
    }
}

/// Converts `input` into the SDK input type that `build` would return;
/// `build` is never called, it only names the type.
pub fn sdk_input<I, T, E>(
    _build: impl FnOnce() -> Result<I, E>,
    input: T,
) -> Result<I, ConversionError>
where
    I: TryFrom<T>,
    ConversionError: From<I::Error>,
{
    convert(input)
}

/// `value` converted, by `From` or `TryFrom` alike.
pub fn convert<T, S>(value: S) -> Result<T, ConversionError>
where
    T: TryFrom<S>,
    ConversionError: From<T::Error>,
{
    T::try_from(value).map_err(ConversionError::from)
}
