//! The client end to end over an in-memory transport: the requests it makes, retries,
//! typed errors with their request ids, pages, and secrets kept out of `Debug`.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use runtime::primitives::client::{
    Call, Client, ClientBuilder, Credentials, Error, Paginated, RetryPolicy, Service, Transport,
    TransportError,
};
use runtime::primitives::{Operation, UnhandledError};
use serde::{Deserialize, Serialize};

static SERVICE: Service = Service {
    title: "Test Service",
    sdk_id: "Test Service",
    signing_name: "test",
    version: "2020-01-01",
    endpoint_rules: None,
};

/// One page of a listing: its items and the token of the next page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Page {
    #[serde(skip_serializing_if = "Option::is_none")]
    next_token: Option<String>,
    #[serde(default)]
    items: Vec<String>,
}

/// A paginated operation of the test service.
#[derive(Debug, Clone, Copy, Default)]
struct List;

impl Operation for List {
    type Input = Page;
    type Output = Page;
    type Error = UnhandledError;
    const NAME: &'static str = "List";
    const TARGET: Option<&'static str> = Some("Test.List");
    const CONTENT_TYPE: &'static str = "application/x-amz-json-1.1";
    const IDEMPOTENT: bool = false;
    const PAGINATION: Option<runtime::primitives::Pagination> = None;
}

impl Call for List {
    fn read_error(error_type: Option<&str>, body: &[u8]) -> Result<Self::Error, serde_json::Error> {
        let body: serde_json::Value = serde_json::from_slice(body)?;
        let code = error_type.or(body["__type"].as_str()).unwrap_or_default();
        Ok(UnhandledError {
            code: code.to_owned(),
            message: body["message"].as_str().map(str::to_owned),
        })
    }
}

impl Paginated for List {
    fn set_token(input: &mut Page, token: Option<String>) {
        input.next_token = token;
    }

    fn token(input: &Page) -> Option<&str> {
        input.next_token.as_deref()
    }

    fn next_token(output: &Page) -> Option<&str> {
        output.next_token.as_deref()
    }
}

/// A transport that answers from a script and keeps what it was sent.
#[derive(Default)]
struct Scripted {
    answers: Mutex<VecDeque<http::Response<Vec<u8>>>>,
    sent: Mutex<Vec<http::Request<Vec<u8>>>>,
}

impl Transport for Scripted {
    fn send(
        &self,
        request: http::Request<Vec<u8>>,
        _timeout: Option<Duration>,
    ) -> Result<http::Response<Vec<u8>>, TransportError> {
        self.sent.lock().unwrap().push(request);
        let answer = self.answers.lock().unwrap().pop_front();
        Ok(answer.expect("the script has an answer for every request"))
    }
}

fn answer(status: u16, body: &str) -> http::Response<Vec<u8>> {
    http::Response::builder()
        .status(status)
        .header("x-amzn-RequestId", format!("request-{status}"))
        .body(body.as_bytes().to_vec())
        .unwrap()
}

const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

fn scripted(answers: Vec<http::Response<Vec<u8>>>) -> (Client, Arc<Scripted>) {
    let transport = Arc::new(Scripted::default());
    transport.answers.lock().unwrap().extend(answers);
    let client = ClientBuilder::new(&SERVICE)
        .region("eu-west-1")
        .endpoint_url("https://test.example.com")
        .credentials(Credentials::new("AKIDEXAMPLE", SECRET).with_session_token("TOKEN-SECRET"))
        .transport(transport.clone())
        .retry(
            RetryPolicy::standard()
                .with_backoff(Duration::from_millis(1), Duration::from_millis(2)),
        )
        .build()
        .unwrap();
    (client, transport)
}

const THROTTLED: &str = r#"{"__type": "ThrottlingException", "message": "Rate exceeded"}"#;

#[test]
fn requests_are_signed_awsjson_posts_to_the_endpoint() {
    let (client, _) = scripted(Vec::new());
    let request = client.request(List, Page::default()).unwrap();
    assert_eq!(request.method(), "POST");
    assert_eq!(request.uri().to_string(), "https://test.example.com/");
    let header = |name| request.headers()[name].to_str().unwrap();
    assert_eq!(header("x-amz-target"), "Test.List");
    assert_eq!(header("content-type"), "application/x-amz-json-1.1");
    assert_eq!(header("x-amz-security-token"), "TOKEN-SECRET");
    let authorization = header("authorization");
    assert!(
        authorization.starts_with("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"),
        "{authorization}"
    );
    assert!(
        authorization.contains("/eu-west-1/test/aws4_request"),
        "{authorization}"
    );
    assert_eq!(request.body().as_slice(), br#"{"Items":[]}"#);
}

#[test]
fn throttling_is_retried_until_the_answer() {
    let ok = answer(200, r#"{"Items": ["a"]}"#);
    let (client, transport) = scripted(vec![answer(400, THROTTLED), answer(400, THROTTLED), ok]);
    let page = client.send(List, Page::default()).unwrap();
    assert_eq!(page.items, ["a"]);
    assert_eq!(transport.sent.lock().unwrap().len(), 3);
}

#[test]
fn service_errors_are_typed_and_keep_their_request_id() {
    let (client, transport) = scripted(vec![
        answer(400, THROTTLED),
        answer(400, THROTTLED),
        answer(400, THROTTLED),
    ]);
    match client.send(List, Page::default()) {
        Err(Error::Service {
            error,
            status,
            request_id,
        }) => {
            assert_eq!(error.code, "ThrottlingException");
            assert_eq!(status, 400);
            assert_eq!(request_id.as_deref(), Some("request-400"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        transport.sent.lock().unwrap().len(),
        3,
        "three attempts in all"
    );
    let bad_request = r#"{"__type": "ValidationException", "message": "no"}"#;
    let (client, transport) = scripted(vec![answer(400, bad_request)]);
    let error = client.send(List, Page::default()).unwrap_err();
    assert_eq!(error.to_string(), "ValidationException: no");
    assert_eq!(
        transport.sent.lock().unwrap().len(),
        1,
        "other 4xx are not retried"
    );
}

#[test]
fn a_body_that_is_not_the_output_is_a_response_error() {
    let (client, _) = scripted(vec![answer(200, "not json")]);
    match client.send(List, Page::default()) {
        Err(error @ Error::Response { .. }) => {
            assert_eq!(error.request_id(), Some("request-200"));
            assert!(
                error
                    .to_string()
                    .starts_with("unexpected response (HTTP 200): the body is not the output"),
                "{error}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn pages_follow_the_tokens_and_stop_at_the_last() {
    let (client, transport) = scripted(vec![
        answer(200, r#"{"Items": ["a", "b"], "NextToken": "t1"}"#),
        answer(200, r#"{"Items": ["c"], "NextToken": "t2"}"#),
        answer(200, r#"{"Items": []}"#),
    ]);
    let pages: Vec<Page> = client
        .pages(List, Page::default())
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(pages.len(), 3);
    let sent = transport.sent.lock().unwrap();
    let tokens: Vec<serde_json::Value> = sent
        .iter()
        .map(|request| {
            serde_json::from_slice::<serde_json::Value>(request.body()).unwrap()["NextToken"]
                .clone()
        })
        .collect();
    assert_eq!(tokens, [serde_json::Value::Null, "t1".into(), "t2".into()]);
}

#[test]
fn a_token_given_back_ends_the_pages() {
    let (client, transport) = scripted(vec![
        answer(200, r#"{"Items": ["a"], "NextToken": "same"}"#),
        answer(200, r#"{"Items": ["b"], "NextToken": "same"}"#),
    ]);
    assert_eq!(client.pages(List, Page::default()).count(), 2);
    assert_eq!(transport.sent.lock().unwrap().len(), 2);
}

#[test]
fn secrets_stay_out_of_debug_output() {
    let (client, _) = scripted(Vec::new());
    let request = client.request(List, Page::default()).unwrap();
    let shown = format!("{client:?} {request:?}");
    assert!(!shown.contains(SECRET), "{shown}");
    assert!(!shown.contains("TOKEN-SECRET"), "{shown}");
}

#[test]
fn plain_http_only_for_an_endpoint_set_by_hand() {
    let local = ClientBuilder::new(&SERVICE)
        .region("us-east-1")
        .endpoint_url("http://127.0.0.1:5000")
        .credentials(Credentials::new("AKID", "SECRET"))
        .build()
        .unwrap();
    assert_eq!(local.endpoint(), "http://127.0.0.1:5000");
    let no_endpoint = ClientBuilder::new(&SERVICE)
        .region("us-east-1")
        .build()
        .unwrap_err();
    assert_eq!(
        no_endpoint.to_string(),
        "no endpoint: the model has no endpoint rules; set AWS_ENDPOINT_URL"
    );
}
