//! The AWS Signature Version 4 test suite (`tests/aws4_testsuite/`): every case's
//! request is signed, and its canonical request, string to sign and `Authorization`
//! header compared with the suite's.

use runtime::primitives::client::sigv4::{
    canonical_request, sign, string_to_sign, SigningError, SigningParams,
};
use runtime::primitives::client::Credentials;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};

const ACCESS_KEY: &str = "AKIDEXAMPLE";
const SECRET_KEY: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
/// 2015-08-30T12:36:00Z.
const SIGNING_SECS: u64 = 1_440_938_160;

/// Cases whose request `http::Request` cannot hold, and why.
const UNREPRESENTABLE: &[(&str, &str)] = &[(
    "normalize-path/get-space",
    "its request line holds a raw space in the path, which `http::Uri` rejects",
)];

/// The folder of the suite.
fn suite() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/aws4_testsuite")
}

/// Every case folder under `dir` (one holding a `.req` file), as paths relative to
/// the suite, sorted.
fn cases(dir: &Path, found: &mut Vec<String>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            cases(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "req") {
            let relative = dir.strip_prefix(suite()).unwrap();
            found.push(relative.to_str().unwrap().replace('\\', "/"));
        }
    }
}

/// One case's files.
struct Case {
    name: String,
    req: String,
    creq: String,
    sts: String,
    authz: String,
}

impl Case {
    fn read(name: &str) -> Case {
        let base = name.rsplit('/').next().unwrap();
        let file = |ext: &str| {
            let path = suite().join(name).join(format!("{base}.{ext}"));
            fs::read_to_string(&path)
                .unwrap_or_else(|err| panic!("{}: {err}", path.display()))
                .replace('\r', "")
        };
        Case {
            name: name.to_owned(),
            req: file("req"),
            creq: file("creq"),
            sts: file("sts"),
            authz: file("authz"),
        }
    }

    /// The suite's credentials, with the session token its canonical request signs.
    fn credentials(&self) -> Credentials {
        let credentials = Credentials::new(ACCESS_KEY, SECRET_KEY);
        match self
            .creq
            .lines()
            .find_map(|line| line.strip_prefix("x-amz-security-token:"))
        {
            Some(token) => credentials.with_session_token(token),
            None => credentials,
        }
    }
}

/// Parses a raw HTTP/1.1 request: the request line, headers (a line that starts with
/// whitespace continues the one before, joined with a space) and the body after the
/// first empty line. Header values are kept untrimmed, for the signer to trim.
fn parse_request(raw: &str) -> Result<http::Request<Vec<u8>>, String> {
    let (head, body) = raw.split_once("\n\n").unwrap_or((raw, ""));
    let mut lines = head.lines();
    let request_line = lines.next().ok_or("no request line")?;
    let (method, rest) = request_line.split_once(' ').ok_or("no method")?;
    let (target, _version) = rest.rsplit_once(' ').ok_or("no HTTP version")?;
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in lines {
        match (line.starts_with([' ', '\t']), headers.last_mut()) {
            (true, Some((_, value))) => {
                value.push(' ');
                value.push_str(line);
            }
            _ => {
                let (name, value) = line.split_once(':').ok_or("header without `:`")?;
                headers.push((name.to_owned(), value.to_owned()));
            }
        }
    }
    let uri: http::Uri = target.parse().map_err(|err| format!("{target:?}: {err}"))?;
    let mut builder = http::Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        builder = builder.header(name, value);
    }
    builder
        .body(body.as_bytes().to_vec())
        .map_err(|err| err.to_string())
}

/// Signs the case's request and compares each step with the suite, or says why the
/// request cannot be built.
fn check(case: &Case) -> Result<(), String> {
    let mut request = parse_request(&case.req)?;
    let credentials = case.credentials();
    let params = SigningParams {
        credentials: &credentials,
        region: "us-east-1",
        service: "service",
        time: UNIX_EPOCH + Duration::from_secs(SIGNING_SECS),
    };
    sign(&mut request, &params).map_err(|err| err.to_string())?;
    let creq = canonical_request(&request, &params).map_err(|err| err.to_string())?;
    assert_eq!(creq, case.creq, "{}: canonical request", case.name);
    let sts = string_to_sign(&creq, &params).map_err(|err| err.to_string())?;
    assert_eq!(sts, case.sts, "{}: string to sign", case.name);
    let authorization = request.headers()["authorization"].to_str().unwrap();
    assert_eq!(authorization, case.authz, "{}: Authorization", case.name);
    Ok(())
}

#[test]
fn every_case_of_the_suite() {
    let mut names = Vec::new();
    cases(&suite(), &mut names);
    assert_eq!(names.len(), 34, "{names:?}");
    let mut passed = 0;
    for name in &names {
        let case = Case::read(name);
        let result = check(&case);
        match UNREPRESENTABLE.iter().find(|(listed, _)| listed == name) {
            Some((_, why)) => {
                let err = result.expect_err(&format!("{name} now passes; unlist it"));
                println!("not representable: {name}: {why} ({err})");
            }
            None => {
                result.unwrap_or_else(|err| panic!("{name}: {err}"));
                passed += 1;
            }
        }
    }
    println!("{passed} of {} cases passed", names.len());
    assert_eq!(passed, names.len() - UNREPRESENTABLE.len());
}

#[test]
fn secrets_stay_out_of_debug_and_display() {
    let token = "SESSION-TOKEN-abc123";
    let credentials = Credentials::new(ACCESS_KEY, SECRET_KEY).with_session_token(token);
    let params = SigningParams {
        credentials: &credentials,
        region: "us-east-1",
        service: "service",
        time: UNIX_EPOCH + Duration::from_secs(SIGNING_SECS),
    };
    let mut request = http::Request::builder()
        .uri("https://example.amazonaws.com/")
        .body(Vec::new())
        .unwrap();
    sign(&mut request, &params).unwrap();
    let signature = request.headers()["authorization"].to_str().unwrap();
    let signature = signature.rsplit('=').next().unwrap().to_owned();
    let errors = [
        SigningError::InvalidTime,
        SigningError::MissingHost,
        SigningError::HeaderNotText("x-amz-security-token".to_owned()),
        SigningError::InvalidHeaderValue("authorization"),
        SigningError::InvalidKey,
    ];
    let mut shown = vec![
        format!("{params:?}"),
        format!("{params:#?}"),
        format!("{credentials:?}"),
        format!("{request:?}"),
        format!("{:?}", request.headers()),
    ];
    for err in &errors {
        shown.push(format!("{err}"));
        shown.push(format!("{err:?}"));
    }
    for text in &shown {
        assert!(!text.contains(SECRET_KEY), "{text}");
        assert!(!text.contains(token), "{text}");
        assert!(!text.contains(&signature), "{text}");
    }
    // The values are in the request, only not shown.
    assert_eq!(request.headers()["x-amz-security-token"], token);
    assert!(format!("{request:?}").contains("x-amz-date"));
}

#[test]
fn errors_for_unsignable_requests() {
    let credentials = Credentials::new(ACCESS_KEY, SECRET_KEY);
    let mut params = SigningParams {
        credentials: &credentials,
        region: "us-east-1",
        service: "service",
        time: UNIX_EPOCH - Duration::from_secs(1),
    };
    let mut request = http::Request::builder().uri("/").body(Vec::new()).unwrap();
    assert_eq!(sign(&mut request, &params), Err(SigningError::InvalidTime));
    params.time = UNIX_EPOCH;
    let err = sign(&mut request, &params).unwrap_err();
    assert_eq!(err, SigningError::MissingHost);
    assert_eq!(
        err.to_string(),
        "cannot sign: the request has no `Host` header and its URI has no authority"
    );
}
