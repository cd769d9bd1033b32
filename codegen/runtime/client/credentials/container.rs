//! Credentials from the container credentials endpoint of ECS and EKS Pod Identity.
//!
//! The endpoint is `http://169.254.170.2` followed by
//! `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`, or `AWS_CONTAINER_CREDENTIALS_FULL_URI`;
//! the `Authorization` header is the content of the file
//! `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` names, else
//! `AWS_CONTAINER_AUTHORIZATION_TOKEN`. A full URI over plain `http` must name a
//! loopback host or the ECS or EKS address, as in the AWS SDKs.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::sync::Arc;
use std::time::Duration;

use http::header::{HeaderValue, AUTHORIZATION};

use super::env::Env;
use super::{
    credentials_from_json, json_object, Credentials, CredentialsError, CredentialsErrorKind,
    JsonFields,
};
use crate::primitives::client::transport::Transport;

/// The variable with the path on the ECS endpoint.
pub const RELATIVE_URI: &str = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";
/// The variable with the whole URI of the endpoint.
pub const FULL_URI: &str = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
/// The variable with the `Authorization` header's value.
pub const AUTHORIZATION_TOKEN: &str = "AWS_CONTAINER_AUTHORIZATION_TOKEN";
/// The variable with the path of a file holding the `Authorization` header's value.
pub const AUTHORIZATION_TOKEN_FILE: &str = "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE";

/// The ECS endpoint's host, which the relative URI is on.
const ECS_HOST: &str = "169.254.170.2";
/// The addresses a full URI over plain `http` may name besides loopback: ECS's and
/// EKS Pod Identity's.
const ECS_ADDRESS: Ipv4Addr = Ipv4Addr::new(169, 254, 170, 2);
const EKS_ADDRESS: Ipv4Addr = Ipv4Addr::new(169, 254, 170, 23);
const EKS_ADDRESS_V6: Ipv6Addr = Ipv6Addr::new(0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x23);
/// How long the endpoint has to answer.
const TIMEOUT: Duration = Duration::from_secs(2);
/// The place errors name.
const PLACE: &str = "container";

/// Loads credentials from the container credentials endpoint.
#[derive(Clone)]
pub struct ContainerProvider {
    env: Env,
    transport: Arc<dyn Transport>,
}

impl ContainerProvider {
    /// Reads the endpoint and token through `env`, and calls the endpoint through
    /// `transport`.
    pub fn new(env: Env, transport: Arc<dyn Transport>) -> Self {
        ContainerProvider { env, transport }
    }

    /// The endpoint's URI.
    fn endpoint(&self) -> Result<http::Uri, CredentialsError> {
        if let Some(relative) = self.env.get(RELATIVE_URI) {
            return format!("http://{ECS_HOST}{relative}")
                .parse()
                .map_err(|err| {
                    invalid(format!("{RELATIVE_URI} is not a URI path")).with_source(err)
                });
        }
        let Some(full) = self.env.get(FULL_URI) else {
            let message = format!("{RELATIVE_URI} and {FULL_URI} not set");
            return Err(error(CredentialsErrorKind::NotFound, message));
        };
        let uri: http::Uri = full
            .parse()
            .map_err(|err| invalid(format!("{FULL_URI} is not a URI")).with_source(err))?;
        let host = uri.host().unwrap_or_default();
        match uri.scheme_str() {
            Some("https") => Ok(uri),
            Some("http") if allowed_http_host(host) => Ok(uri),
            Some("http") => Err(invalid(format!(
                "{FULL_URI} uses plain http to `{host}`; only a loopback host, \
                 {ECS_ADDRESS}, {EKS_ADDRESS} or [{EKS_ADDRESS_V6}] may use http"
            ))),
            _ => Err(invalid(format!("{FULL_URI} is not an http or https URI"))),
        }
    }

    /// The `Authorization` header's value, if any.
    fn authorization(&self) -> Result<Option<HeaderValue>, CredentialsError> {
        let token = match self.env.get(AUTHORIZATION_TOKEN_FILE) {
            Some(path) => std::fs::read_to_string(&path).map_err(|err| {
                let message = format!("cannot read {AUTHORIZATION_TOKEN_FILE} {path}");
                error(CredentialsErrorKind::Failed, message).with_source(err)
            })?,
            None => match self.env.get(AUTHORIZATION_TOKEN) {
                Some(token) => token,
                None => return Ok(None),
            },
        };
        let mut value = HeaderValue::from_str(token.trim()).map_err(|_| {
            invalid("the authorization token is not a valid header value".to_owned())
        })?;
        value.set_sensitive(true);
        Ok(Some(value))
    }
}

impl fmt::Debug for ContainerProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ContainerProvider")
            .field("env", &self.env)
            .finish_non_exhaustive()
    }
}

impl super::ProvideCredentials for ContainerProvider {
    fn provide(&self) -> Result<Credentials, CredentialsError> {
        let uri = self.endpoint()?;
        let place = describe(&uri);
        let mut request = http::Request::get(uri);
        if let Some(authorization) = self.authorization()? {
            request = request.header(AUTHORIZATION, authorization);
        }
        let request = request
            .body(Vec::new())
            .map_err(|err| invalid(format!("cannot make a request to {place}")).with_source(err))?;
        let response = self.transport.send(request, Some(TIMEOUT)).map_err(|err| {
            error(
                CredentialsErrorKind::Failed,
                format!("no answer from {place}"),
            )
            .with_source(err)
        })?;
        let status = response.status();
        if !status.is_success() {
            let detail = error_detail(response.body());
            let message = format!("{place} answered {status}{detail}");
            return Err(error(CredentialsErrorKind::Failed, message));
        }
        let fields = JsonFields { token: "Token" };
        json_object(response.body())
            .and_then(|object| credentials_from_json(&object, &fields))
            .map_err(|message| {
                let message = format!("{place} answered a bad document: {message}");
                error(CredentialsErrorKind::Failed, message)
            })
    }
}

fn error(kind: CredentialsErrorKind, message: String) -> CredentialsError {
    CredentialsError::new(kind, PLACE, message)
}

fn invalid(message: String) -> CredentialsError {
    error(CredentialsErrorKind::Invalid, message)
}

/// Whether a full URI over plain `http` may name `host`.
fn allowed_http_host(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    match host.parse::<IpAddr>() {
        Ok(IpAddr::V4(ip)) => ip.is_loopback() || ip == ECS_ADDRESS || ip == EKS_ADDRESS,
        Ok(IpAddr::V6(ip)) => ip.is_loopback() || ip == EKS_ADDRESS_V6,
        Err(_) => false,
    }
}

/// A URI for messages: scheme, host, port and path, without user information or
/// query.
pub(super) fn describe(uri: &http::Uri) -> String {
    let scheme = uri.scheme_str().unwrap_or("http");
    let host = uri.host().unwrap_or_default();
    let port = uri
        .port_u16()
        .map(|port| format!(":{port}"))
        .unwrap_or_default();
    format!("{scheme}://{host}{port}{}", uri.path())
}

/// The `code` and `message` of an error document, for a message: `: code: message`.
pub(super) fn error_detail(body: &[u8]) -> String {
    let Ok(object) = json_object(body) else {
        return String::new();
    };
    let field = |names: [&str; 2]| {
        names
            .iter()
            .find_map(|name| object.get(*name).and_then(serde_json::Value::as_str))
            .map(|text| text.chars().take(300).collect::<String>())
    };
    [field(["code", "Code"]), field(["message", "Message"])]
        .into_iter()
        .flatten()
        .map(|text| format!(": {text}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::ProvideCredentials;
    use super::*;
    use crate::primitives::client::transport::TransportError;
    use std::sync::Mutex;

    const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRET";
    const TOKEN: &str = "IQoJb3JpZ2luX2VjSESSIONTOKEN";
    const AUTH: &str = "Bearer AUTHTOKENSECRET";

    /// Answers every request with one response, and keeps the requests.
    struct Canned {
        status: u16,
        body: String,
        requests: Mutex<Vec<http::Request<Vec<u8>>>>,
    }

    impl Transport for Canned {
        fn send(
            &self,
            request: http::Request<Vec<u8>>,
            _timeout: Option<Duration>,
        ) -> Result<http::Response<Vec<u8>>, TransportError> {
            self.requests.lock().unwrap().push(request);
            let mut response = http::Response::new(self.body.clone().into_bytes());
            *response.status_mut() = http::StatusCode::from_u16(self.status).unwrap();
            Ok(response)
        }
    }

    fn canned(status: u16, body: &str) -> Arc<Canned> {
        Arc::new(Canned {
            status,
            body: body.to_owned(),
            requests: Mutex::new(Vec::new()),
        })
    }

    fn good_body() -> String {
        format!(
            r#"{{"AccessKeyId":"AKIDECS","SecretAccessKey":"{SECRET}","Token":"{TOKEN}",
                "Expiration":"2030-01-02T03:04:05Z","RoleArn":"arn:aws:iam::1:role/r"}}"#
        )
    }

    fn provide(
        transport: &Arc<Canned>,
        vars: &[(&str, &str)],
    ) -> Result<Credentials, CredentialsError> {
        let env = Env::from_vars(vars.iter().copied());
        ContainerProvider::new(env, transport.clone()).provide()
    }

    fn assert_no_secret(err: &CredentialsError) {
        for text in [format!("{err}"), format!("{err:?}")] {
            for secret in [SECRET, TOKEN, AUTH] {
                assert!(!text.contains(secret), "{text}");
            }
        }
    }

    #[test]
    fn relative_uri_is_on_the_ecs_host() {
        let transport = canned(200, &good_body());
        let found = provide(&transport, &[(RELATIVE_URI, "/v2/credentials/abc")]).unwrap();
        assert_eq!(found.access_key_id(), "AKIDECS");
        assert_eq!(found.secret_access_key(), SECRET);
        assert_eq!(found.session_token(), Some(TOKEN));
        assert!(found.expires().is_some());
        let requests = transport.requests.lock().unwrap();
        assert_eq!(requests[0].method(), http::Method::GET);
        assert_eq!(requests[0].uri(), "http://169.254.170.2/v2/credentials/abc");
        assert!(requests[0].headers().get(AUTHORIZATION).is_none());
    }

    #[test]
    fn relative_uri_wins_and_token_goes_in_authorization() {
        let transport = canned(200, &good_body());
        let vars = [
            (FULL_URI, "http://127.0.0.1:9/creds"),
            (RELATIVE_URI, "/rel"),
            (AUTHORIZATION_TOKEN, AUTH),
        ];
        provide(&transport, &vars).unwrap();
        let requests = transport.requests.lock().unwrap();
        assert_eq!(requests[0].uri(), "http://169.254.170.2/rel");
        assert_eq!(requests[0].headers()[AUTHORIZATION], AUTH);
    }

    #[test]
    fn token_file_wins_over_token() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("token");
        std::fs::write(&path, "from-file\n").unwrap();
        let transport = canned(200, &good_body());
        let vars = [
            (FULL_URI, "http://169.254.170.23/v1/credentials"),
            (AUTHORIZATION_TOKEN, "from-variable"),
            (AUTHORIZATION_TOKEN_FILE, path.to_str().unwrap()),
        ];
        provide(&transport, &vars).unwrap();
        let requests = transport.requests.lock().unwrap();
        assert_eq!(requests[0].headers()[AUTHORIZATION], "from-file");
    }

    #[test]
    fn missing_token_file_is_an_error() {
        let transport = canned(200, &good_body());
        let vars = [
            (FULL_URI, "http://localhost/creds"),
            (AUTHORIZATION_TOKEN_FILE, "/nonexistent/token"),
        ];
        let err = provide(&transport, &vars).unwrap_err();
        assert_eq!(err.kind(), CredentialsErrorKind::Failed);
        assert!(err.to_string().contains("/nonexistent/token"), "{err}");
    }

    #[test]
    fn plain_http_only_to_loopback_or_container_hosts() {
        let allowed = [
            "http://127.0.0.1/c",
            "http://127.1.2.3:8080/c",
            "http://localhost/c",
            "http://[::1]:80/c",
            "http://169.254.170.2/c",
            "http://169.254.170.23/c",
            "http://[fd00:ec2::23]/c",
            "https://creds.example.com/c",
        ];
        for uri in allowed {
            let transport = canned(200, &good_body());
            assert!(provide(&transport, &[(FULL_URI, uri)]).is_ok(), "{uri}");
        }
        for uri in [
            "http://creds.example.com/c",
            "http://10.0.0.1/c",
            "ftp://127.0.0.1/c",
            "::",
        ] {
            let transport = canned(200, &good_body());
            let err = provide(&transport, &[(FULL_URI, uri)]).unwrap_err();
            assert_eq!(err.kind(), CredentialsErrorKind::Invalid, "{uri}");
            assert!(transport.requests.lock().unwrap().is_empty());
        }
    }

    #[test]
    fn not_configured_is_not_found() {
        let transport = canned(200, &good_body());
        let err = provide(&transport, &[]).unwrap_err();
        assert_eq!(err.kind(), CredentialsErrorKind::NotFound);
        assert!(err.to_string().starts_with("container: "), "{err}");
    }

    #[test]
    fn bad_answers_are_errors_without_secrets() {
        let cases = [
            (
                403,
                r#"{"code":"AccessDenied","message":"bad token"}"#.to_owned(),
                "AccessDenied",
            ),
            (500, format!(r#"{{"SecretAccessKey":"{SECRET}"}}"#), "500"),
            (
                200,
                format!(r#"{{"AccessKeyId":"A","SecretAccessKey":"{SECRET}""#),
                "JSON",
            ),
            (
                200,
                format!(r#"{{"SecretAccessKey":"{SECRET}","Token":"{TOKEN}"}}"#),
                "AccessKeyId",
            ),
        ];
        for (status, body, expected) in cases {
            let transport = canned(status, &body);
            let vars = [(RELATIVE_URI, "/c"), (AUTHORIZATION_TOKEN, AUTH)];
            let err = provide(&transport, &vars).unwrap_err();
            assert_eq!(err.kind(), CredentialsErrorKind::Failed);
            assert!(err.to_string().contains(expected), "{err}");
            assert_no_secret(&err);
        }
    }

    #[test]
    fn bad_token_is_invalid_and_not_shown() {
        let transport = canned(200, &good_body());
        let token = format!("{AUTH}\nInjected: header");
        let vars = [(RELATIVE_URI, "/c"), (AUTHORIZATION_TOKEN, token.as_str())];
        let err = provide(&transport, &vars).unwrap_err();
        assert_eq!(err.kind(), CredentialsErrorKind::Invalid);
        assert_no_secret(&err);
    }

    #[test]
    fn describe_drops_user_information_and_query() {
        let uri: http::Uri = "https://user:pass@host:8443/path?secret=1".parse().unwrap();
        assert_eq!(describe(&uri), "https://host:8443/path");
    }
}
