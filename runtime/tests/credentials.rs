//! The container and IMDS providers, and the default chain, against local servers
//! that play the container credentials endpoint and the EC2 instance metadata
//! service, over a transport made of `ureq`.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use runtime::primitives::client::credentials::{
    CachedProvider, ChainProvider, ContainerProvider, CredentialsErrorKind, Env, ImdsProvider,
    ProvideCredentials,
};
use runtime::primitives::client::transport::{Transport, TransportError, TransportErrorKind};

const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRET";
const TOKEN: &str = "IQoJb3JpZ2luX2VjSESSIONTOKEN";
const AUTHORIZATION: &str = "Bearer CONTAINERAUTHSECRET";
const IMDS_TOKEN: &str = "IMDSSESSIONTOKEN";

/// A transport over `ureq`.
struct Ureq(ureq::Agent);

impl Ureq {
    fn shared() -> Arc<dyn Transport> {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build();
        Arc::new(Ureq(config.into()))
    }
}

impl Transport for Ureq {
    fn send(
        &self,
        request: http::Request<Vec<u8>>,
        timeout: Option<Duration>,
    ) -> Result<http::Response<Vec<u8>>, TransportError> {
        let request = self
            .0
            .configure_request(request)
            .timeout_global(timeout)
            .build();
        let response = self.0.run(request).map_err(transport_error)?;
        let (parts, mut body) = response.into_parts();
        let body = body.read_to_vec().map_err(transport_error)?;
        Ok(http::Response::from_parts(parts, body))
    }
}

fn transport_error(err: ureq::Error) -> TransportError {
    let kind = match err {
        ureq::Error::Timeout(_) => TransportErrorKind::Timeout,
        ureq::Error::HostNotFound | ureq::Error::ConnectionFailed => TransportErrorKind::Connect,
        ureq::Error::Io(ref io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            TransportErrorKind::Connect
        }
        _ => TransportErrorKind::Io,
    };
    TransportError::new(kind, err)
}

/// A request as the fake servers saw it.
#[derive(Debug, Clone)]
struct Seen {
    method: String,
    path: String,
    headers: HashMap<String, String>,
}

/// What a fake server answers a request: status and body.
type Handler = dyn Fn(&Seen) -> (u16, String) + Send + Sync;

/// A fake HTTP/1.1 server on 127.0.0.1: answers each connection's one request
/// with `handler`, and keeps the requests.
struct Server {
    port: u16,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Server {
    fn start(handler: impl Fn(&Seen) -> (u16, String) + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = seen.clone();
        let handler: Arc<Handler> = Arc::new(handler);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { return };
                serve(stream, &*handler, &log);
            }
        });
        Server { port, seen }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

fn serve(stream: TcpStream, handler: &Handler, log: &Mutex<Vec<Seen>>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).unwrap_or(0) == 0 {
        return;
    }
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_owned();
    let path = parts.next().unwrap_or_default().to_owned();
    let mut headers = HashMap::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(':').unwrap();
        headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_owned());
    }
    let length: usize = headers
        .get("content-length")
        .map_or(0, |length| length.parse().unwrap());
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    let request = Seen {
        method,
        path,
        headers,
    };
    let (status, body) = handler(&request);
    log.lock().unwrap().push(request);
    let mut stream = stream;
    let head = format!(
        "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(body.as_bytes()).unwrap();
}

fn credentials_document(key: &str) -> String {
    format!(
        r#"{{"Code":"Success","AccessKeyId":"{key}","SecretAccessKey":"{SECRET}",
            "Token":"{TOKEN}","Expiration":"2030-01-02T03:04:05Z"}}"#
    )
}

/// Plays IMDSv2: a token first, then with it the role's name and credentials.
fn imds(role: Option<&'static str>) -> Server {
    let issued = Arc::new(Mutex::new(false));
    Server::start(move |request| {
        let path = request.path.as_str();
        let header = |name: &str| request.headers.get(name).map(String::as_str);
        if request.method == "PUT" && path == "/latest/api/token" {
            if header("x-aws-ec2-metadata-token-ttl-seconds") != Some("21600") {
                return (400, String::new());
            }
            *issued.lock().unwrap() = true;
            return (200, IMDS_TOKEN.to_owned());
        }
        let token_ok =
            *issued.lock().unwrap() && header("x-aws-ec2-metadata-token") == Some(IMDS_TOKEN);
        if request.method != "GET" || !token_ok {
            return (401, String::new());
        }
        let roles = "/latest/meta-data/iam/security-credentials/";
        match (path.strip_prefix(roles), role) {
            (Some(""), Some(role)) => (200, format!("{role}\n")),
            (Some(name), Some(role)) if name == role => (200, credentials_document("AKIDIMDS")),
            _ => (404, String::new()),
        }
    })
}

/// Plays the container endpoint at `/creds`, for the `Authorization` header
/// `AUTHORIZATION`.
fn container() -> Server {
    Server::start(|request| {
        let authorized =
            request.headers.get("authorization").map(String::as_str) == Some(AUTHORIZATION);
        match (request.method.as_str(), request.path.as_str(), authorized) {
            ("GET", "/creds", true) => (200, credentials_document("AKIDCONTAINER")),
            ("GET", "/creds", false) => (
                401,
                r#"{"code":"InvalidToken","message":"bad authorization"}"#.to_owned(),
            ),
            _ => (404, String::new()),
        }
    })
}

/// An environment with an empty home directory and `vars`.
fn env(home: &tempfile::TempDir, vars: &[(&str, &str)]) -> Env {
    let home = home.path().to_str().unwrap().to_owned();
    let vars = vars.iter().map(|(k, v)| (k.to_string(), v.to_string()));
    Env::from_vars(std::iter::once(("HOME".to_owned(), home)).chain(vars))
}

/// The port of a server that is gone: connections are refused.
fn closed_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn assert_no_secret(text: &str) {
    for secret in [SECRET, TOKEN, AUTHORIZATION, IMDS_TOKEN] {
        assert!(!text.contains(secret), "{text}");
    }
}

#[test]
fn imds_token_then_role_then_credentials() {
    let server = imds(Some("app-role"));
    let home = tempfile::tempdir().unwrap();
    let env = env(
        &home,
        &[("AWS_EC2_METADATA_SERVICE_ENDPOINT", &server.url())],
    );
    let found = ImdsProvider::new(env, Ureq::shared()).provide().unwrap();
    assert_eq!(found.access_key_id(), "AKIDIMDS");
    assert_eq!(found.secret_access_key(), SECRET);
    assert_eq!(found.session_token(), Some(TOKEN));
    assert!(found.expires().is_some());
    let seen: Vec<(String, String)> = server
        .seen()
        .into_iter()
        .map(|seen| (seen.method, seen.path))
        .collect();
    let expected = [
        ("PUT", "/latest/api/token"),
        ("GET", "/latest/meta-data/iam/security-credentials/"),
        ("GET", "/latest/meta-data/iam/security-credentials/app-role"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    assert_eq!(seen, expected);
}

#[test]
fn imds_without_a_role_is_not_found() {
    let server = imds(None);
    let home = tempfile::tempdir().unwrap();
    let env = env(
        &home,
        &[("AWS_EC2_METADATA_SERVICE_ENDPOINT", &server.url())],
    );
    let err = ImdsProvider::new(env, Ureq::shared())
        .provide()
        .unwrap_err();
    assert_eq!(err.kind(), CredentialsErrorKind::NotFound);
    assert!(err.to_string().contains("no IAM role"), "{err}");
}

#[test]
fn container_sends_the_authorization_token() {
    let server = container();
    let home = tempfile::tempdir().unwrap();
    let uri = format!("{}/creds", server.url());
    let vars = [
        ("AWS_CONTAINER_CREDENTIALS_FULL_URI", uri.as_str()),
        ("AWS_CONTAINER_AUTHORIZATION_TOKEN", AUTHORIZATION),
    ];
    let found = ContainerProvider::new(env(&home, &vars), Ureq::shared())
        .provide()
        .unwrap();
    assert_eq!(found.access_key_id(), "AKIDCONTAINER");
    assert_eq!(found.session_token(), Some(TOKEN));
    let seen = server.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].headers["authorization"], AUTHORIZATION);
}

#[test]
fn container_token_file() {
    let server = container();
    let home = tempfile::tempdir().unwrap();
    let token_file = home.path().join("token");
    std::fs::write(&token_file, format!("{AUTHORIZATION}\n")).unwrap();
    let uri = format!("{}/creds", server.url());
    let vars = [
        ("AWS_CONTAINER_CREDENTIALS_FULL_URI", uri.as_str()),
        (
            "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
            token_file.to_str().unwrap(),
        ),
    ];
    let found = ContainerProvider::new(env(&home, &vars), Ureq::shared())
        .provide()
        .unwrap();
    assert_eq!(found.access_key_id(), "AKIDCONTAINER");
}

#[test]
fn container_refusal_names_the_status_but_no_secret() {
    let server = container();
    let home = tempfile::tempdir().unwrap();
    let uri = format!("{}/creds", server.url());
    let vars = [
        ("AWS_CONTAINER_CREDENTIALS_FULL_URI", uri.as_str()),
        ("AWS_CONTAINER_AUTHORIZATION_TOKEN", "Bearer wrong"),
    ];
    let err = ContainerProvider::new(env(&home, &vars), Ureq::shared())
        .provide()
        .unwrap_err();
    assert_eq!(err.kind(), CredentialsErrorKind::Failed);
    let text = err.to_string();
    assert!(text.contains("401"), "{text}");
    assert!(text.contains("InvalidToken: bad authorization"), "{text}");
    assert_no_secret(&text);
    assert_no_secret(&format!("{err:?}"));
}

#[test]
fn default_chain_prefers_the_container_to_imds() {
    let container = container();
    let imds = imds(Some("app-role"));
    let home = tempfile::tempdir().unwrap();
    let uri = format!("{}/creds", container.url());
    let vars = [
        ("AWS_CONTAINER_CREDENTIALS_FULL_URI", uri.as_str()),
        ("AWS_CONTAINER_AUTHORIZATION_TOKEN", AUTHORIZATION),
        ("AWS_EC2_METADATA_SERVICE_ENDPOINT", &imds.url()),
    ];
    let chain = ChainProvider::default_chain(env(&home, &vars), Ureq::shared());
    assert_eq!(chain.provide().unwrap().access_key_id(), "AKIDCONTAINER");
    assert!(imds.seen().is_empty());
}

#[test]
fn default_chain_falls_through_to_imds_and_caches() {
    let imds = imds(Some("app-role"));
    let home = tempfile::tempdir().unwrap();
    let vars = [("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.url())];
    let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let cache = CachedProvider::new(ChainProvider::default_chain(
        env(&home, &vars),
        Ureq::shared(),
    ));
    assert_eq!(cache.provide().unwrap().access_key_id(), "AKIDIMDS");
    assert_eq!(cache.provide().unwrap().access_key_id(), "AKIDIMDS");
    assert_eq!(imds.seen().len(), 3);
}

#[test]
fn nothing_found_lists_every_place() {
    let home = tempfile::tempdir().unwrap();
    let endpoint = format!("http://127.0.0.1:{}", closed_port());
    let vars = [
        ("AWS_SECRET_ACCESS_KEY", SECRET),
        ("AWS_SESSION_TOKEN", TOKEN),
        ("AWS_EC2_METADATA_SERVICE_ENDPOINT", endpoint.as_str()),
    ];
    let chain = ChainProvider::default_chain(env(&home, &vars), Ureq::shared());
    let err = chain.provide().unwrap_err();
    assert_eq!(err.kind(), CredentialsErrorKind::NotFound);
    let text = err.to_string();
    let config = home.path().join(".aws").join("config");
    let credentials = home.path().join(".aws").join("credentials");
    let places = [
        "no credentials found: environment: AWS_ACCESS_KEY_ID not set; ".to_owned(),
        format!(
            "profile `default`: no file at {} or {}; ",
            config.display(),
            credentials.display()
        ),
        "container: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI not set; ".to_owned(),
        format!("IMDS: no answer from {endpoint}/latest/api/token ("),
    ];
    let mut rest = text.as_str();
    for place in places {
        let Some(after) = rest.strip_prefix(place.as_str()) else {
            panic!("expected {place:?} at the start of {rest:?}");
        };
        rest = after;
    }
    assert_no_secret(&text);
    assert_no_secret(&format!("{err:?}"));
}

#[test]
fn disabled_imds_is_named() {
    let home = tempfile::tempdir().unwrap();
    let vars = [("AWS_EC2_METADATA_DISABLED", "true")];
    let err = ChainProvider::default_chain(env(&home, &vars), Ureq::shared())
        .provide()
        .unwrap_err();
    let text = err.to_string();
    assert!(
        text.ends_with("; IMDS: disabled by AWS_EC2_METADATA_DISABLED"),
        "{text}"
    );
}
