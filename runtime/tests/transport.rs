//! The built-in blocking transport and the standard retries against fake servers
//! on 127.0.0.1.

use runtime::primitives::client::retry::{Decision, Outcome, RetryPolicy};
use runtime::primitives::client::transport::{
    BlockingTransport, Transport, TransportError, TransportErrorKind,
};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// The body of a throttling error in AWS's JSON protocols.
const THROTTLED: &str = r#"{"__type":"ThrottlingException","message":"Rate exceeded"}"#;

/// A request as the fake server read it.
#[derive(Debug, Clone)]
struct Received {
    head: String,
    body: Vec<u8>,
}

/// A fake server: its address, and the requests it received.
struct Server {
    addr: SocketAddr,
    received: Arc<Mutex<Vec<Received>>>,
}

impl Server {
    /// Answers the n-th connection with `responses[n]`, one request a connection,
    /// on a thread of its own.
    fn start(responses: Vec<String>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let received = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&received);
        thread::spawn(move || {
            for response in responses {
                let (stream, _) = listener.accept().unwrap();
                answer(stream, &response, &log);
            }
        });
        Server { addr, received }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }
}

/// Reads one request from `stream`, logs it, writes `response` and closes.
fn answer(stream: TcpStream, response: &str, log: &Mutex<Vec<Received>>) {
    let mut reader = BufReader::new(stream);
    let request = read_request(&mut reader);
    log.lock().unwrap().push(request);
    let mut stream = reader.into_inner();
    stream.write_all(response.as_bytes()).unwrap();
}

fn read_request(reader: &mut impl BufRead) -> Received {
    let mut head = String::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        if line == "\r\n" || line.is_empty() {
            break;
        }
        head.push_str(&line);
    }
    let mut body = vec![0; content_length(&head)];
    reader.read_exact(&mut body).unwrap();
    Received { head, body }
}

fn content_length(head: &str) -> usize {
    let header = head.lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.eq_ignore_ascii_case("content-length")
            .then(|| value.trim().to_owned())
    });
    header.map_or(0, |value| value.parse().unwrap())
}

fn response(status: &str, headers: &[(&str, &str)], body: &str) -> String {
    let mut text = format!("HTTP/1.1 {status}\r\nContent-Length: {}\r\n", body.len());
    for (name, value) in headers {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    text.push_str("Connection: close\r\n\r\n");
    text + body
}

fn throttled() -> String {
    let headers = [
        ("Content-Type", "application/x-amz-json-1.1"),
        (
            "x-amzn-ErrorType",
            "ThrottlingException:http://internal.amazon.com/",
        ),
    ];
    response("400 Bad Request", &headers, THROTTLED)
}

fn ok() -> String {
    response(
        "200 OK",
        &[("Content-Type", "application/x-amz-json-1.1")],
        "{}",
    )
}

fn post(url: &str, body: &str) -> http::Request<Vec<u8>> {
    http::Request::post(url)
        .header("content-type", "application/x-amz-json-1.1")
        .header("x-amz-target", "AmazonForecast.ListDatasets")
        .body(body.as_bytes().to_vec())
        .unwrap()
}

/// The error code of a response: its `x-amzn-ErrorType` header, else the
/// `__type` of its JSON body.
fn error_code(response: &http::Response<Vec<u8>>) -> Option<String> {
    if let Some(value) = response.headers().get("x-amzn-errortype") {
        return Some(value.to_str().ok()?.to_owned());
    }
    let body: serde_json::Value = serde_json::from_slice(response.body()).ok()?;
    Some(body.get("__type")?.as_str()?.to_owned())
}

type Sent = Result<http::Response<Vec<u8>>, TransportError>;

/// A call's loop: sends `request` until the policy says to stop.
fn call(transport: &dyn Transport, policy: &RetryPolicy, request: &http::Request<Vec<u8>>) -> Sent {
    let mut attempts = policy.attempts();
    loop {
        let result = transport.send(request.clone(), Some(Duration::from_secs(10)));
        let code = result.as_ref().ok().and_then(error_code);
        let outcome = match &result {
            Ok(response) => Outcome::Response {
                status: response.status().as_u16(),
                error_code: code.as_deref(),
                retryable: None,
            },
            Err(error) => Outcome::Failed(error.kind()),
        };
        match attempts.next(outcome) {
            Decision::Retry(wait) => thread::sleep(wait),
            Decision::Stop => return result,
        }
    }
}

/// The standard policy with waits of a few milliseconds.
fn quick_policy() -> RetryPolicy {
    RetryPolicy::standard().with_backoff(Duration::from_millis(1), Duration::from_millis(4))
}

#[test]
fn error_statuses_come_back_as_responses() {
    let body = r#"{"__type":"ValidationException","message":"bad"}"#;
    let server = Server::start(vec![
        response("400 Bad Request", &[("x-amzn-RequestId", "abc")], body),
        response("500 Internal Server Error", &[], "oops"),
    ]);
    let transport = BlockingTransport::new();
    let first = transport.send(post(&server.url("/"), "{}"), None).unwrap();
    assert_eq!(first.status(), 400);
    assert_eq!(first.headers()["x-amzn-requestid"], "abc");
    assert_eq!(first.body(), body.as_bytes());
    let second = transport.send(post(&server.url("/"), "{}"), None).unwrap();
    assert_eq!(second.status(), 500);
    assert_eq!(second.body(), b"oops");
}

#[test]
fn the_request_goes_out_as_it_is() {
    let server = Server::start(vec![ok()]);
    let transport = BlockingTransport::new();
    let body = r#"{"MaxResults":5}"#;
    let response = transport
        .send(post(&server.url("/path?x=1"), body), None)
        .unwrap();
    assert_eq!(response.status(), 200);
    let received = server.received();
    let head = received[0].head.to_ascii_lowercase();
    assert!(head.starts_with("post /path?x=1 http/1.1\r\n"), "{head}");
    assert!(
        head.contains("x-amz-target: amazonforecast.listdatasets\r\n"),
        "{head}"
    );
    assert!(
        head.contains(&format!("host: {}\r\n", server.addr)),
        "{head}"
    );
    assert!(!head.contains("user-agent"), "{head}");
    assert_eq!(received[0].body, body.as_bytes());
}

#[test]
fn a_get_without_body_sends_none() {
    let server = Server::start(vec![ok()]);
    let request = http::Request::get(server.url("/"))
        .body(Vec::new())
        .unwrap();
    BlockingTransport::new().send(request, None).unwrap();
    let head = server.received()[0].head.to_ascii_lowercase();
    assert!(!head.contains("content-length"), "{head}");
}

#[test]
fn redirects_are_not_followed() {
    let location = [("Location", "http://127.0.0.1:9/elsewhere")];
    let server = Server::start(vec![response("307 Temporary Redirect", &location, "")]);
    let response = BlockingTransport::new()
        .send(post(&server.url("/"), "{}"), None)
        .unwrap();
    assert_eq!(response.status(), 307);
    assert_eq!(server.received().len(), 1);
}

#[test]
fn a_body_beyond_the_maximum_is_an_error() {
    let server = Server::start(vec![response("200 OK", &[], "0123456789ABCDEF")]);
    let transport = BlockingTransport::builder().max_body_size(10).build();
    let error = transport
        .send(post(&server.url("/"), "{}"), None)
        .unwrap_err();
    assert_eq!(error.kind(), TransportErrorKind::ResponseTooLarge);
}

#[test]
fn a_body_at_the_maximum_is_read() {
    let server = Server::start(vec![response("200 OK", &[], "0123456789")]);
    let transport = BlockingTransport::builder().max_body_size(10).build();
    let response = transport.send(post(&server.url("/"), "{}"), None).unwrap();
    assert_eq!(response.body(), b"0123456789");
}

#[test]
fn throttled_twice_then_answered_takes_three_attempts() {
    let server = Server::start(vec![throttled(), throttled(), ok()]);
    let policy = quick_policy();
    let request = post(&server.url("/"), "{}");
    let response = call(&BlockingTransport::new(), &policy, &request).unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.body(), b"{}");
    let received = server.received();
    assert_eq!(received.len(), 3);
    assert!(received.iter().all(|request| request.body == b"{}"));
    assert_eq!(policy.quota().available(), 500 - 5 - 5 + 5);
}

#[test]
fn throttled_forever_gives_up_after_three_attempts() {
    let server = Server::start(vec![throttled(); 5]);
    let policy = quick_policy();
    let request = post(&server.url("/"), "{}");
    let response = call(&BlockingTransport::new(), &policy, &request).unwrap();
    assert_eq!(response.status(), 400);
    assert_eq!(
        error_code(&response).as_deref(),
        Some("ThrottlingException:http://internal.amazon.com/")
    );
    assert_eq!(server.received().len(), 3);
    assert_eq!(policy.quota().available(), 500 - 5 - 5);
}

#[test]
fn a_silent_server_times_out() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        // Reads the request and waits until the client gives up.
        let _ = io::copy(&mut stream, &mut io::sink());
    });
    let timeout = Duration::from_millis(200);
    let request = post(&format!("http://{addr}/"), "{}");
    let start = Instant::now();
    let error = BlockingTransport::new()
        .send(request, Some(timeout))
        .unwrap_err();
    assert_eq!(error.kind(), TransportErrorKind::Timeout, "{error}");
    assert!(start.elapsed() >= timeout);
    assert!(start.elapsed() < Duration::from_secs(10));
}

#[test]
fn a_closed_port_cannot_connect() {
    let addr = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let request = post(&format!("http://{addr}/"), "{}");
    let error = BlockingTransport::new().send(request, None).unwrap_err();
    assert_eq!(error.kind(), TransportErrorKind::Connect, "{error}");
}

#[test]
fn an_unknown_host_cannot_connect() {
    let request = post("http://unknown-host.invalid/", "{}");
    let error = BlockingTransport::new().send(request, None).unwrap_err();
    assert_eq!(error.kind(), TransportErrorKind::Connect, "{error}");
}

#[test]
fn a_server_without_tls_cannot_connect_over_https() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        // Answers the TLS hello in plain HTTP, then waits until the client leaves.
        let _ = stream.read(&mut [0; 1024]);
        let _ = stream.write_all(ok().as_bytes());
        let _ = io::copy(&mut stream, &mut io::sink());
    });
    let request = post(&format!("https://{addr}/"), "{}");
    let error = BlockingTransport::new().send(request, None).unwrap_err();
    assert_eq!(error.kind(), TransportErrorKind::Connect, "{error}");
}

#[test]
fn a_bad_uri_is_an_invalid_request() {
    let request = post("/no-host", "{}");
    let error = BlockingTransport::new().send(request, None).unwrap_err();
    assert_eq!(error.kind(), TransportErrorKind::InvalidRequest, "{error}");
}

#[test]
fn debug_shows_the_settings() {
    let transport = BlockingTransport::builder()
        .connect_timeout(Some(Duration::from_secs(1)))
        .build();
    let text = format!("{transport:?}");
    assert!(text.starts_with("BlockingTransport {"), "{text}");
    assert!(text.contains("connect_timeout: Some(1s)"), "{text}");
    assert!(text.contains("max_body_size: 67108864"), "{text}");
}
