//! Credentials of the IAM role attached to an EC2 instance, from the instance
//! metadata service (IMDSv2).
//!
//! A `PUT /latest/api/token` gets a session token; with it,
//! `GET /latest/meta-data/iam/security-credentials/` names the role and
//! `GET /latest/meta-data/iam/security-credentials/<role>` gives its credentials.
//! `AWS_EC2_METADATA_SERVICE_ENDPOINT` overrides the endpoint,
//! `AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=IPv6` picks the IPv6 one, and
//! `AWS_EC2_METADATA_DISABLED=true` turns the provider off. Each call has one second,
//! so a machine without the service does not wait long.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use http::header::HeaderValue;
use http::{Method, StatusCode};

use super::container::{describe, error_detail};
use super::env::Env;
use super::{
    credentials_from_json, json_object, Credentials, CredentialsError, CredentialsErrorKind,
    JsonFields,
};
use crate::primitives::client::transport::Transport;

/// The variable that turns the provider off when `true`.
pub const DISABLED: &str = "AWS_EC2_METADATA_DISABLED";
/// The variable that overrides the endpoint.
pub const ENDPOINT: &str = "AWS_EC2_METADATA_SERVICE_ENDPOINT";
/// The variable that picks the IPv6 endpoint with `IPv6`.
pub const ENDPOINT_MODE: &str = "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE";

/// The endpoint over IPv4.
const DEFAULT_ENDPOINT: &str = "http://169.254.169.254";
/// The endpoint over IPv6.
const IPV6_ENDPOINT: &str = "http://[fd00:ec2::254]";
/// The path of the session token.
const TOKEN_PATH: &str = "/latest/api/token";
/// The path of the role's name, and with the name appended, of its credentials.
const ROLE_PATH: &str = "/latest/meta-data/iam/security-credentials/";
/// The header that asks for a session token of this many seconds.
const TOKEN_TTL_HEADER: &str = "x-aws-ec2-metadata-token-ttl-seconds";
/// Six hours, the most the service allows.
const TOKEN_TTL: &str = "21600";
/// The header that carries the session token.
const TOKEN_HEADER: &str = "x-aws-ec2-metadata-token";
/// How long each call has.
const TIMEOUT: Duration = Duration::from_secs(1);
/// The place errors name.
const PLACE: &str = "IMDS";

/// Loads the credentials of the instance's IAM role from the instance metadata
/// service.
#[derive(Clone)]
pub struct ImdsProvider {
    env: Env,
    transport: Arc<dyn Transport>,
}

impl ImdsProvider {
    /// Reads the settings through `env`, and calls the service through `transport`.
    pub fn new(env: Env, transport: Arc<dyn Transport>) -> Self {
        ImdsProvider { env, transport }
    }

    /// The endpoint, without a trailing `/`.
    fn endpoint(&self) -> String {
        let endpoint = match self.env.get(ENDPOINT) {
            Some(endpoint) => endpoint,
            None => match self.env.get(ENDPOINT_MODE) {
                Some(mode) if mode.eq_ignore_ascii_case("ipv6") => IPV6_ENDPOINT.to_owned(),
                _ => DEFAULT_ENDPOINT.to_owned(),
            },
        };
        endpoint.trim_end_matches('/').to_owned()
    }

    /// Calls the service: `method` on `endpoint` + `path`, with the `header`.
    fn call(
        &self,
        method: Method,
        url: String,
        header: (&str, HeaderValue),
    ) -> Result<(StatusCode, Vec<u8>), CredentialsError> {
        let uri: http::Uri = url.parse().map_err(|err| {
            let message = format!("{ENDPOINT} does not make a URI");
            error(CredentialsErrorKind::Invalid, message).with_source(err)
        })?;
        let place = describe(&uri);
        let request = http::Request::builder()
            .method(method)
            .uri(uri)
            .header(header.0, header.1)
            .body(Vec::new())
            .map_err(|err| {
                let message = format!("cannot make a request to {place}");
                error(CredentialsErrorKind::Invalid, message).with_source(err)
            })?;
        let response = self.transport.send(request, Some(TIMEOUT)).map_err(|err| {
            let message = format!("no answer from {place}");
            error(CredentialsErrorKind::NotFound, message).with_source(err)
        })?;
        let status = response.status();
        Ok((status, response.into_body()))
    }

    /// The session token.
    fn token(&self, endpoint: &str) -> Result<HeaderValue, CredentialsError> {
        let url = format!("{endpoint}{TOKEN_PATH}");
        let ttl = HeaderValue::from_static(TOKEN_TTL);
        let (status, body) = self.call(Method::PUT, url.clone(), (TOKEN_TTL_HEADER, ttl))?;
        check(status, &body, &url)?;
        let mut token = HeaderValue::from_bytes(body.trim_ascii()).map_err(|_| {
            let message = format!("{url} answered a token that is not a header value");
            error(CredentialsErrorKind::Failed, message)
        })?;
        token.set_sensitive(true);
        Ok(token)
    }

    /// The name of the instance's role.
    fn role(&self, endpoint: &str, token: &HeaderValue) -> Result<String, CredentialsError> {
        let url = format!("{endpoint}{ROLE_PATH}");
        let (status, body) = self.call(Method::GET, url.clone(), (TOKEN_HEADER, token.clone()))?;
        if status == StatusCode::NOT_FOUND {
            let message = format!("no IAM role attached to the instance ({url} answered {status})");
            return Err(error(CredentialsErrorKind::NotFound, message));
        }
        check(status, &body, &url)?;
        let text = String::from_utf8_lossy(&body);
        let role = text.lines().next().unwrap_or_default().trim();
        if role.is_empty() {
            let message = format!("no IAM role attached to the instance ({url} answered none)");
            return Err(error(CredentialsErrorKind::NotFound, message));
        }
        if !role.chars().all(is_role_char) {
            let message = format!("{url} answered a role name that is not valid");
            return Err(error(CredentialsErrorKind::Failed, message));
        }
        Ok(role.to_owned())
    }

    /// The role's credentials.
    fn credentials(
        &self,
        endpoint: &str,
        token: HeaderValue,
        role: &str,
    ) -> Result<Credentials, CredentialsError> {
        let url = format!("{endpoint}{ROLE_PATH}{role}");
        let (status, body) = self.call(Method::GET, url.clone(), (TOKEN_HEADER, token))?;
        check(status, &body, &url)?;
        let fields = JsonFields { token: "Token" };
        json_object(&body)
            .and_then(
                |object| match object.get("Code").and_then(serde_json::Value::as_str) {
                    None | Some("Success") => credentials_from_json(&object, &fields),
                    Some(_) => Err(format!("`Code` is not Success{}", error_detail(&body))),
                },
            )
            .map_err(|message| {
                let message = format!("{url} answered a bad document: {message}");
                error(CredentialsErrorKind::Failed, message)
            })
    }
}

impl fmt::Debug for ImdsProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ImdsProvider")
            .field("env", &self.env)
            .finish_non_exhaustive()
    }
}

impl super::ProvideCredentials for ImdsProvider {
    fn provide(&self) -> Result<Credentials, CredentialsError> {
        if self
            .env
            .get(DISABLED)
            .is_some_and(|value| value.trim().eq_ignore_ascii_case("true"))
        {
            let message = format!("disabled by {DISABLED}");
            return Err(error(CredentialsErrorKind::NotFound, message));
        }
        let endpoint = self.endpoint();
        let token = self.token(&endpoint)?;
        let role = self.role(&endpoint, &token)?;
        self.credentials(&endpoint, token, &role)
    }
}

fn error(kind: CredentialsErrorKind, message: String) -> CredentialsError {
    CredentialsError::new(kind, PLACE, message)
}

/// An error unless `status` is a success.
fn check(status: StatusCode, body: &[u8], url: &str) -> Result<(), CredentialsError> {
    match status.is_success() {
        true => Ok(()),
        false => {
            let message = format!("{url} answered {status}{}", error_detail(body));
            Err(error(CredentialsErrorKind::Failed, message))
        }
    }
}

/// Whether `c` may be in an IAM role's name.
fn is_role_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "+=,.@_-".contains(c)
}

#[cfg(test)]
mod tests {
    use super::super::ProvideCredentials;
    use super::*;
    use crate::primitives::client::transport::{TransportError, TransportErrorKind};
    use std::collections::VecDeque;
    use std::sync::Mutex;

    const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRET";
    const TOKEN: &str = "IQoJb3JpZ2luX2VjSESSIONTOKEN";

    /// Answers requests with the next of its responses (none: a timeout), and
    /// keeps the requests.
    struct Script {
        answers: Mutex<VecDeque<(u16, String)>>,
        requests: Mutex<Vec<http::Request<Vec<u8>>>>,
    }

    impl Transport for Script {
        fn send(
            &self,
            request: http::Request<Vec<u8>>,
            timeout: Option<Duration>,
        ) -> Result<http::Response<Vec<u8>>, TransportError> {
            assert_eq!(timeout, Some(TIMEOUT));
            self.requests.lock().unwrap().push(request);
            let Some((status, body)) = self.answers.lock().unwrap().pop_front() else {
                return Err(TransportError::new(
                    TransportErrorKind::Timeout,
                    "no answer",
                ));
            };
            let mut response = http::Response::new(body.into_bytes());
            *response.status_mut() = StatusCode::from_u16(status).unwrap();
            Ok(response)
        }
    }

    fn script(answers: &[(u16, &str)]) -> Arc<Script> {
        let answers = answers.iter().map(|(s, b)| (*s, b.to_string())).collect();
        Arc::new(Script {
            answers: Mutex::new(answers),
            requests: Mutex::new(Vec::new()),
        })
    }

    fn provide(
        transport: &Arc<Script>,
        vars: &[(&str, &str)],
    ) -> Result<Credentials, CredentialsError> {
        let env = Env::from_vars(vars.iter().copied());
        ImdsProvider::new(env, transport.clone()).provide()
    }

    fn document() -> String {
        format!(
            r#"{{"Code":"Success","Type":"AWS-HMAC","AccessKeyId":"AKIDIMDS",
                "SecretAccessKey":"{SECRET}","Token":"{TOKEN}",
                "Expiration":"2030-01-02T03:04:05Z"}}"#
        )
    }

    fn assert_no_secret(err: &CredentialsError) {
        for text in [format!("{err}"), format!("{err:?}")] {
            for secret in [SECRET, TOKEN, "IMDSTOKEN"] {
                assert!(!text.contains(secret), "{text}");
            }
        }
    }

    #[test]
    fn token_then_role_then_credentials() {
        let doc = document();
        let transport = script(&[(200, "IMDSTOKEN\n"), (200, "my-role\n"), (200, &doc)]);
        let found = provide(&transport, &[]).unwrap();
        assert_eq!(found.access_key_id(), "AKIDIMDS");
        assert_eq!(found.secret_access_key(), SECRET);
        assert_eq!(found.session_token(), Some(TOKEN));
        let requests = transport.requests.lock().unwrap();
        let seen: Vec<(String, String)> = requests
            .iter()
            .map(|r| (r.method().to_string(), r.uri().to_string()))
            .collect();
        let base = "http://169.254.169.254";
        let expected = [
            ("PUT", format!("{base}{TOKEN_PATH}")),
            ("GET", format!("{base}{ROLE_PATH}")),
            ("GET", format!("{base}{ROLE_PATH}my-role")),
        ];
        let expected: Vec<(String, String)> = expected
            .into_iter()
            .map(|(m, u)| (m.to_owned(), u))
            .collect();
        assert_eq!(seen, expected);
        assert_eq!(requests[0].headers()[TOKEN_TTL_HEADER], "21600");
        assert_eq!(requests[1].headers()[TOKEN_HEADER], "IMDSTOKEN");
        assert_eq!(requests[2].headers()[TOKEN_HEADER], "IMDSTOKEN");
    }

    #[test]
    fn endpoint_overrides() {
        let doc = document();
        for (vars, base) in [
            (
                &[(ENDPOINT, "http://127.0.0.1:1234/")][..],
                "http://127.0.0.1:1234",
            ),
            (&[(ENDPOINT_MODE, "IPv6")][..], IPV6_ENDPOINT),
        ] {
            let transport = script(&[(200, "t"), (200, "r"), (200, &doc)]);
            provide(&transport, vars).unwrap();
            let requests = transport.requests.lock().unwrap();
            assert_eq!(requests[0].uri().to_string(), format!("{base}{TOKEN_PATH}"));
        }
    }

    #[test]
    fn disabled_makes_no_call() {
        let transport = script(&[]);
        let err = provide(&transport, &[(DISABLED, "TRUE")]).unwrap_err();
        assert_eq!(err.kind(), CredentialsErrorKind::NotFound);
        assert_eq!(
            err.to_string(),
            "IMDS: disabled by AWS_EC2_METADATA_DISABLED"
        );
        assert!(transport.requests.lock().unwrap().is_empty());
    }

    #[test]
    fn no_answer_is_not_found() {
        let transport = script(&[]);
        let err = provide(&transport, &[]).unwrap_err();
        assert_eq!(err.kind(), CredentialsErrorKind::NotFound);
        let text = err.to_string();
        assert!(
            text.starts_with("IMDS: no answer from http://169.254.169.254/"),
            "{text}"
        );
        assert!(text.contains("timed out"), "{text}");
    }

    #[test]
    fn no_role_is_not_found() {
        for answer in [(404, ""), (200, "\n")] {
            let transport = script(&[(200, "IMDSTOKEN"), answer]);
            let err = provide(&transport, &[]).unwrap_err();
            assert_eq!(err.kind(), CredentialsErrorKind::NotFound);
            assert!(err.to_string().contains("no IAM role"), "{err}");
        }
    }

    #[test]
    fn bad_answers_are_errors_without_secrets() {
        let bad_code = format!(
            r#"{{"Code":"AssumeRoleUnauthorizedAccess","Message":"denied","SecretAccessKey":"{SECRET}"}}"#
        );
        let missing =
            format!(r#"{{"Code":"Success","SecretAccessKey":"{SECRET}","Token":"{TOKEN}"}}"#);
        let broken = format!(r#"{{"AccessKeyId":"A","SecretAccessKey":"{SECRET}""#);
        let cases: [&[(u16, &str)]; 6] = [
            &[(403, "")],
            &[(200, "IMDS\nTOKEN")],
            &[(200, "IMDSTOKEN"), (200, "../../etc")],
            &[(200, "IMDSTOKEN"), (200, "r"), (200, &bad_code)],
            &[(200, "IMDSTOKEN"), (200, "r"), (200, &missing)],
            &[(200, "IMDSTOKEN"), (200, "r"), (500, &broken)],
        ];
        for answers in cases {
            let err = provide(&script(answers), &[]).unwrap_err();
            assert_eq!(err.kind(), CredentialsErrorKind::Failed, "{err}");
            assert!(err.to_string().starts_with("IMDS: "), "{err}");
            assert_no_secret(&err);
        }
        let err = provide(&script(&[(200, "t"), (200, "r"), (200, &bad_code)]), &[]).unwrap_err();
        assert!(
            err.to_string()
                .contains("AssumeRoleUnauthorizedAccess: denied"),
            "{err}"
        );
    }
}
