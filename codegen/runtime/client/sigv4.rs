//! AWS Signature Version 4: the canonical request, the string to sign, the signing
//! key and the `Authorization` header.
//!
//! [`sign`] signs an `http::Request` in place, without I/O. The request's URI holds the
//! path as it goes on the wire, already percent-encoded once; the canonical request
//! encodes it once more, as Signature Version 4 asks of every service but Amazon S3.

use super::credentials::Credentials;
use crate::primitives::Timestamp;
use ::core::fmt;
use ::hmac::{Hmac, Mac};
use ::http::header::{HeaderMap, HeaderName, HeaderValue, AUTHORIZATION, HOST};
use ::sha2::{Digest, Sha256};
use ::std::collections::BTreeMap;
use ::std::error::Error;
use ::std::time::SystemTime;

/// The algorithm named in the string to sign and the `Authorization` header.
const ALGORITHM: &str = "AWS4-HMAC-SHA256";
/// The header that carries the signing time.
const X_AMZ_DATE: &str = "x-amz-date";
/// The header that carries the session token of temporary credentials.
const X_AMZ_SECURITY_TOKEN: &str = "x-amz-security-token";

/// What a request is signed with: the credentials, the region and service of the
/// scope, and the signing time. `Debug` never shows the secret or the token.
#[derive(Debug, Clone, Copy)]
pub struct SigningParams<'a> {
    /// The credentials that sign.
    pub credentials: &'a Credentials,
    /// The region of the scope, such as `us-east-1`.
    pub region: &'a str,
    /// The signing name of the service, such as `forecast`.
    pub service: &'a str,
    /// The signing time; whole seconds are signed.
    pub time: SystemTime,
}

/// Why a request could not be signed. Messages name what was wrong, never a secret
/// or a header's value.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SigningError {
    /// The signing time lies outside the years 1970 to 9999.
    InvalidTime,
    /// The request has neither a `Host` header nor an authority in its URI.
    MissingHost,
    /// A header's value is not visible ASCII text; the header's name.
    HeaderNotText(String),
    /// A value the signer writes cannot be a header value; the header's name.
    InvalidHeaderValue(&'static str),
    /// The HMAC implementation rejected a key.
    InvalidKey,
}

impl fmt::Display for SigningError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SigningError::InvalidTime => {
                f.write_str("cannot sign: the signing time is not within the years 1970 to 9999")
            }
            SigningError::MissingHost => f.write_str(
                "cannot sign: the request has no `Host` header and its URI has no authority",
            ),
            SigningError::HeaderNotText(name) => write!(
                f,
                "cannot sign: the value of header `{name}` is not visible ASCII text"
            ),
            SigningError::InvalidHeaderValue(name) => write!(
                f,
                "cannot sign: the value for header `{name}` has characters a header cannot hold"
            ),
            SigningError::InvalidKey => f.write_str("cannot sign: the HMAC key was rejected"),
        }
    }
}

impl Error for SigningError {}

/// Signs `request` in place: sets `X-Amz-Date`, `X-Amz-Security-Token` when the
/// credentials have a session token, and `Authorization`, replacing any earlier ones.
///
/// Every header present is signed, and `host` always: the `Host` header, or else the
/// URI's authority (with its port unless it is the scheme's default). The `Host`
/// header is not added; the transport writes it from the URI.
///
/// # Errors
///
/// When the time, a header value or the host cannot be signed; see [`SigningError`].
pub fn sign(
    request: &mut http::Request<Vec<u8>>,
    params: &SigningParams<'_>,
) -> Result<(), SigningError> {
    let date_time = amz_date(params.time)?;
    let headers = request.headers_mut();
    headers.remove(AUTHORIZATION);
    headers.insert(X_AMZ_DATE, header_value(&date_time, X_AMZ_DATE)?);
    if let Some(token) = params.credentials.session_token() {
        let mut value = header_value(token, X_AMZ_SECURITY_TOKEN)?;
        value.set_sensitive(true);
        headers.insert(X_AMZ_SECURITY_TOKEN, value);
    }
    let canonical = Canonical::of(request, params.service)?;
    let string_to_sign = string_to_sign(&canonical.text, params)?;
    let signature = hex(&hmac(&signing_key(params)?, string_to_sign.as_bytes())?);
    let authorization = format!(
        "{ALGORITHM} Credential={}/{}, SignedHeaders={}, Signature={signature}",
        params.credentials.access_key_id(),
        scope(&date_time, params),
        canonical.signed_headers,
    );
    let mut value = header_value(&authorization, "authorization")?;
    value.set_sensitive(true);
    request.headers_mut().insert(AUTHORIZATION, value);
    Ok(())
}

/// The canonical request of `request` as [`sign`] builds it, for tests and debugging:
/// method, canonical URI, canonical query string, canonical headers, signed headers
/// and the payload's SHA-256, one per line. Any `Authorization` header is left out.
///
/// # Errors
///
/// When a header value or the host cannot be signed; see [`SigningError`].
pub fn canonical_request(
    request: &http::Request<Vec<u8>>,
    params: &SigningParams<'_>,
) -> Result<String, SigningError> {
    Ok(Canonical::of(request, params.service)?.text)
}

/// The string to sign for `canonical_request`, for tests and debugging: the
/// algorithm, the time, the scope and the canonical request's SHA-256.
///
/// # Errors
///
/// When the signing time is outside the years 1970 to 9999.
pub fn string_to_sign(
    canonical_request: &str,
    params: &SigningParams<'_>,
) -> Result<String, SigningError> {
    let date_time = amz_date(params.time)?;
    Ok(format!(
        "{ALGORITHM}\n{date_time}\n{}\n{}",
        scope(&date_time, params),
        hex(&Sha256::digest(canonical_request.as_bytes()))
    ))
}

/// A canonical request and the list of the headers it signs.
struct Canonical {
    text: String,
    signed_headers: String,
}

impl Canonical {
    /// The canonical request of `request` for `service`.
    fn of(request: &http::Request<Vec<u8>>, service: &str) -> Result<Self, SigningError> {
        let headers = canonical_headers(request)?;
        let signed_headers = headers.keys().copied().collect::<Vec<_>>().join(";");
        let header_lines: String = headers
            .iter()
            .map(|(name, value)| format!("{name}:{value}\n"))
            .collect();
        let text = format!(
            "{}\n{}\n{}\n{header_lines}\n{signed_headers}\n{}",
            request.method(),
            canonical_uri(request.uri().path(), service),
            canonical_query(request.uri().query().unwrap_or_default()),
            hex(&Sha256::digest(request.body())),
        );
        Ok(Canonical {
            text,
            signed_headers,
        })
    }
}

/// The signed headers by lowercase name, in order: each value trimmed with inner
/// runs of spaces collapsed, repeated headers joined with commas in order.
fn canonical_headers(
    request: &http::Request<Vec<u8>>,
) -> Result<BTreeMap<&str, String>, SigningError> {
    let mut headers = BTreeMap::new();
    if !request.headers().contains_key(HOST) {
        headers.insert(HOST.as_str(), host_of(request.uri())?);
    }
    for name in request
        .headers()
        .keys()
        .filter(|name| **name != AUTHORIZATION)
    {
        headers.insert(name.as_str(), joined_values(request.headers(), name)?);
    }
    Ok(headers)
}

/// The values of header `name`, each trimmed and collapsed, joined with commas.
fn joined_values(headers: &HeaderMap, name: &HeaderName) -> Result<String, SigningError> {
    let values = headers
        .get_all(name)
        .iter()
        .map(|value| {
            value
                .to_str()
                .map(collapse_spaces)
                .map_err(|_| SigningError::HeaderNotText(name.as_str().to_owned()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(values.join(","))
}

/// `value` without leading or trailing whitespace, inner runs of it made one space.
fn collapse_spaces(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The host to sign when there is no `Host` header: the URI's host, and its port
/// unless it is the default of the scheme.
fn host_of(uri: &http::Uri) -> Result<String, SigningError> {
    let authority = uri.authority().ok_or(SigningError::MissingHost)?;
    let default_port = match uri.scheme_str() {
        Some("http") => Some(80),
        Some("https") => Some(443),
        _ => None,
    };
    Ok(match authority.port_u16() {
        Some(port) if Some(port) != default_port => format!("{}:{port}", authority.host()),
        _ => authority.host().to_owned(),
    })
}

/// The canonical URI of `path`: for Amazon S3 the path as it is; for any other
/// service the path with empty, `.` and `..` segments resolved, each byte but
/// unreserved ones and `/` percent-encoded (so a path already encoded once on the
/// wire is encoded twice).
fn canonical_uri(path: &str, service: &str) -> String {
    if service == "s3" {
        return match path {
            "" => "/".to_owned(),
            _ => path.to_owned(),
        };
    }
    let mut segments: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            _ => segments.push(segment),
        }
    }
    let mut uri = String::from("/");
    uri.push_str(
        &segments
            .iter()
            .map(|segment| encode(segment.as_bytes()))
            .collect::<Vec<_>>()
            .join("/"),
    );
    let directory = path.ends_with('/') || path.ends_with("/.") || path.ends_with("/..");
    if directory && !segments.is_empty() {
        uri.push('/');
    }
    uri
}

/// The canonical query string of `query`: each parameter's name and value decoded,
/// then encoded again with only unreserved bytes left as they are, and the
/// parameters sorted by name, then value.
fn canonical_query(query: &str) -> String {
    let mut parameters: Vec<(String, String)> = query
        .split('&')
        .filter(|parameter| !parameter.is_empty())
        .map(|parameter| {
            let (name, value) = parameter.split_once('=').unwrap_or((parameter, ""));
            (encode(&decode(name)), encode(&decode(value)))
        })
        .collect();
    parameters.sort();
    parameters
        .iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// `bytes` with every byte but the unreserved ones (`A-Z a-z 0-9 - . _ ~`) written
/// as `%XX`, in uppercase hex.
fn encode(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len());
    for &byte in bytes {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            text.push(char::from(byte));
        } else {
            text.push('%');
            text.push(hex_digit(byte >> 4).to_ascii_uppercase());
            text.push(hex_digit(byte & 0xf).to_ascii_uppercase());
        }
    }
    text
}

/// `text` with each `%XX` replaced by its byte; a `%` not followed by two hex
/// digits stays as it is.
fn decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        let escaped = match (byte, bytes.get(index + 1..index + 3)) {
            (b'%', Some(&[high, low])) => hex_value(high).zip(hex_value(low)),
            _ => None,
        };
        match escaped {
            Some((high, low)) => {
                decoded.push(high << 4 | low);
                index += 3;
            }
            None => {
                decoded.push(byte);
                index += 1;
            }
        }
    }
    decoded
}

/// The value of one hex digit.
fn hex_value(digit: u8) -> Option<u8> {
    char::from(digit).to_digit(16).map(|value| value as u8)
}

/// The lowercase hex digit of `nibble` (below 16).
fn hex_digit(nibble: u8) -> char {
    char::from_digit(u32::from(nibble), 16).unwrap_or('0')
}

/// `bytes` in lowercase hex.
fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .flat_map(|byte| [hex_digit(byte >> 4), hex_digit(byte & 0xf)])
        .collect()
}

/// The signing time as `YYYYMMDDTHHMMSSZ`.
fn amz_date(time: SystemTime) -> Result<String, SigningError> {
    let timestamp = Timestamp::from(time);
    let whole = Timestamp::from_secs(timestamp.secs());
    let text: String = whole
        .to_string()
        .chars()
        .filter(|c| *c != '-' && *c != ':')
        .collect();
    match timestamp.secs() >= 0 && text.len() == 16 {
        true => Ok(text),
        false => Err(SigningError::InvalidTime),
    }
}

/// The credential scope: `date/region/service/aws4_request`.
fn scope(date_time: &str, params: &SigningParams<'_>) -> String {
    format!(
        "{}/{}/{}/aws4_request",
        date_time.get(..8).unwrap_or_default(),
        params.region,
        params.service
    )
}

/// The signing key, derived from the secret key and the scope.
fn signing_key(params: &SigningParams<'_>) -> Result<[u8; 32], SigningError> {
    let date_time = amz_date(params.time)?;
    let secret = format!("AWS4{}", params.credentials.secret_access_key());
    let key = hmac(
        secret.as_bytes(),
        date_time.get(..8).unwrap_or_default().as_bytes(),
    )?;
    let key = hmac(&key, params.region.as_bytes())?;
    let key = hmac(&key, params.service.as_bytes())?;
    hmac(&key, b"aws4_request")
}

/// HMAC-SHA256 of `data` under `key`.
fn hmac(key: &[u8], data: &[u8]) -> Result<[u8; 32], SigningError> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).map_err(|_| SigningError::InvalidKey)?;
    mac.update(data);
    Ok(mac.finalize().into_bytes().into())
}

/// `text` as the value of header `name`.
fn header_value(text: &str, name: &'static str) -> Result<HeaderValue, SigningError> {
    HeaderValue::from_str(text).map_err(|_| SigningError::InvalidHeaderValue(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    fn params(credentials: &Credentials) -> SigningParams<'_> {
        SigningParams {
            credentials,
            region: "us-east-1",
            service: "service",
            time: UNIX_EPOCH + Duration::from_secs(1_440_938_160),
        }
    }

    #[test]
    fn amz_date_formats_whole_seconds() {
        let time = UNIX_EPOCH + Duration::from_millis(1_440_938_160_999);
        assert_eq!(amz_date(time).unwrap(), "20150830T123600Z");
        assert_eq!(amz_date(UNIX_EPOCH).unwrap(), "19700101T000000Z");
        let before = UNIX_EPOCH - Duration::from_secs(1);
        assert_eq!(amz_date(before), Err(SigningError::InvalidTime));
        let far = UNIX_EPOCH + Duration::from_secs(253_402_300_800);
        assert_eq!(amz_date(far), Err(SigningError::InvalidTime));
    }

    #[test]
    fn canonical_uri_encodes_the_wire_path_again() {
        assert_eq!(canonical_uri("/a%20b/c d", "service"), "/a%2520b/c%20d");
        assert_eq!(canonical_uri("", "service"), "/");
        assert_eq!(canonical_uri("/a/b/..", "service"), "/a/");
        assert_eq!(canonical_uri("/a/./b/", "service"), "/a/b/");
        assert_eq!(canonical_uri("/../..", "service"), "/");
        assert_eq!(canonical_uri("//a//b", "s3"), "//a//b");
        assert_eq!(canonical_uri("/a%20b", "s3"), "/a%20b");
    }

    #[test]
    fn canonical_query_decodes_then_encodes() {
        assert_eq!(canonical_query(""), "");
        assert_eq!(canonical_query("b=2&a=1&a=0"), "a=0&a=1&b=2");
        assert_eq!(canonical_query("k&x=a+b%2f%zz"), "k=&x=a%2Bb%2F%25zz");
        assert_eq!(canonical_query("%7E=%41"), "~=A");
    }

    #[test]
    fn header_values_are_trimmed_and_joined() {
        assert_eq!(collapse_spaces("  a \t  b  c "), "a b c");
        let request = http::Request::builder()
            .uri("https://example.com:8443/")
            .header("x-b", " one ")
            .header("x-b", "two  three")
            .header("x-a", "")
            .body(Vec::new())
            .unwrap();
        let text = canonical_request(&request, &params(&Credentials::new("a", "s"))).unwrap();
        assert!(
            text.contains("\nhost:example.com:8443\nx-a:\nx-b:one,two three\n\nhost;x-a;x-b\n"),
            "{text}"
        );
    }

    #[test]
    fn host_keeps_only_a_port_that_is_not_the_default() {
        let host = |uri: &str| host_of(&uri.parse().unwrap());
        assert_eq!(host("https://example.com:443/").unwrap(), "example.com");
        assert_eq!(host("http://example.com:80/").unwrap(), "example.com");
        assert_eq!(host("http://example.com:443/").unwrap(), "example.com:443");
        assert_eq!(host("/path"), Err(SigningError::MissingHost));
    }

    #[test]
    fn signing_replaces_earlier_signatures() {
        let credentials = Credentials::new("AKID", "secret").with_session_token("token");
        let mut request = http::Request::builder()
            .uri("https://example.com/")
            .header("authorization", "stale")
            .header("x-amz-security-token", "stale")
            .body(b"{}".to_vec())
            .unwrap();
        sign(&mut request, &params(&credentials)).unwrap();
        let first = request.headers().clone();
        sign(&mut request, &params(&credentials)).unwrap();
        assert_eq!(request.headers(), &first);
        assert_eq!(request.headers().get_all(AUTHORIZATION).iter().count(), 1);
        assert_eq!(request.headers()[X_AMZ_SECURITY_TOKEN], "token");
        let authorization = request.headers()[AUTHORIZATION].to_str().unwrap();
        assert!(authorization.starts_with(
            "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request, \
             SignedHeaders=host;x-amz-date;x-amz-security-token, Signature="
        ));
    }

    #[test]
    fn errors_name_the_header_not_its_value() {
        let credentials = Credentials::new("AKID", "secret").with_session_token("bad\ntoken");
        let mut request = http::Request::builder()
            .uri("https://example.com/")
            .body(Vec::new())
            .unwrap();
        let err = sign(&mut request, &params(&credentials)).unwrap_err();
        assert_eq!(err, SigningError::InvalidHeaderValue(X_AMZ_SECURITY_TOKEN));
        assert!(!err.to_string().contains("token\n"));
        let mut request = http::Request::builder()
            .uri("https://example.com/")
            .header("x-opaque", HeaderValue::from_bytes(b"caf\xe9").unwrap())
            .body(Vec::new())
            .unwrap();
        let err = sign(&mut request, &params(&Credentials::new("a", "s"))).unwrap_err();
        assert_eq!(
            err.to_string(),
            "cannot sign: the value of header `x-opaque` is not visible ASCII text"
        );
    }
}
