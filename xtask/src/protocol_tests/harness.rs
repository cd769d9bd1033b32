//! The hand-written part of the protocol-test runner: how a case is checked, and the
//! report. `cargo xtask protocol-tests` copies this file into the runner crate beside
//! the generated cases, which call it with values of the generated crates.

use std::collections::BTreeMap;
use std::fmt::Display;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// What a check gives: nothing, or what went wrong.
pub type Outcome = Result<(), String>;

/// One case of a suite file.
pub struct Case {
    /// The suite file, such as `input/json.json`.
    pub file: &'static str,
    /// The case's id in the file.
    pub id: &'static str,
    pub check: Check,
}

/// What to do with a case.
pub enum Check {
    /// Run it.
    Run(fn() -> Outcome),
    /// Skip it, for this reason: a behaviour the client does not have. The client has
    /// every behaviour the suites need, so the runner may construct none.
    #[allow(dead_code)]
    Skip(&'static str),
}

/// Runs every case, printing one line each and then the tally; true when none failed.
pub fn run(cases: &[Case]) -> bool {
    let mut tally = Tally::default();
    for case in cases {
        let name = format!("{} {}", case.file, case.id);
        match case.check {
            Check::Run(check) => match check() {
                Ok(()) => {
                    tally.passed += 1;
                    println!("ok      {name}");
                }
                Err(problem) => {
                    tally.failed += 1;
                    println!("FAILED  {name}: {problem}");
                }
            },
            Check::Skip(reason) => {
                *tally.skipped.entry(reason).or_default() += 1;
                println!("skipped {name}: {reason}");
            }
        }
    }
    print!("{}", tally.report());
    tally.failed == 0
}

/// How many cases passed, failed and were skipped (by reason).
#[derive(Debug, Default)]
struct Tally {
    passed: usize,
    failed: usize,
    skipped: BTreeMap<&'static str, usize>,
}

impl Tally {
    fn report(&self) -> String {
        let skipped: usize = self.skipped.values().sum();
        let mut text = format!(
            "\nprotocol tests: {} passed, {} failed, {skipped} skipped\n",
            self.passed, self.failed
        );
        for (reason, count) in &self.skipped {
            text.push_str(&format!("  {count} skipped: {reason}\n"));
        }
        text
    }
}

/// Reads `text` as a `T`; `what` names it in the error.
pub fn parse<T: DeserializeOwned>(text: &str, what: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|err| format!("cannot read the {what}: {err}"))
}

/// The request a case expects: method, path and host when the case gives them, a
/// body when it gives one, and headers.
pub struct Request<'a> {
    pub method: Option<&'a str>,
    pub uri: Option<&'a str>,
    pub host: Option<&'a str>,
    pub body: Option<&'a str>,
    pub headers: &'a [(&'a str, &'a str)],
}

/// The request the client made: method, path, `Host`, headers and body.
pub struct Sent<'a> {
    pub method: &'a str,
    pub path: &'a str,
    pub host: &'a str,
    pub headers: Vec<(String, String)>,
    pub body: &'a [u8],
}

impl Sent<'_> {
    /// The value of header `name`, whatever its case.
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(header, _)| header.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// Compares the request sent with the one expected: method, path, host, the bodies as
/// JSON values, and every header the case names.
pub fn check_request(sent: &Sent, expected: &Request) -> Outcome {
    if let Some(method) = expected.method.filter(|m| *m != sent.method) {
        return Err(format!(
            "method {} is not the expected {method}",
            sent.method
        ));
    }
    if let Some(uri) = expected.uri.filter(|u| *u != sent.path) {
        return Err(format!("path {} is not the expected {uri}", sent.path));
    }
    if let Some(host) = expected.host {
        // botocore names the host with the endpoint's path, if it has one.
        let with_path = format!("{}{}", sent.host, sent.path.trim_end_matches('/'));
        if host != sent.host && host != with_path {
            return Err(format!("host {} is not the expected {host}", sent.host));
        }
    }
    if let Some(body) = expected.body {
        let sent_body: Value = serde_json::from_slice(sent.body)
            .map_err(|err| format!("the body sent is not JSON: {err}"))?;
        let expected_body: Value = parse(body, "expected body")?;
        if sent_body != expected_body {
            return Err(format!(
                "body {} is not the expected {expected_body}",
                String::from_utf8_lossy(sent.body)
            ));
        }
    }
    for (name, value) in expected.headers {
        let actual = sent.header(name);
        if actual != Some(*value) {
            return Err(format!("header {name} is {actual:?}, not {value:?}"));
        }
    }
    Ok(())
}

/// Compares two values by their JSON, which holds NaN (as `"NaN"`) where `PartialEq`
/// would not.
pub fn same_values<T: Serialize>(actual: &T, expected: &T) -> Outcome {
    let json = |value: &T| serde_json::to_value(value).map_err(|err| err.to_string());
    let (actual, expected) = (json(actual)?, json(expected)?);
    match actual == expected {
        true => Ok(()),
        false => Err(format!("read {actual}, expected {expected}")),
    }
}

/// Compares an error read from a response with the expected one, and its `Display`
/// with `<code>: <message>` when the case gives a message.
pub fn same_error<T: Serialize + Display>(
    actual: &T,
    expected: &T,
    code: &str,
    message: Option<&str>,
) -> Outcome {
    same_values(actual, expected)?;
    let Some(message) = message else {
        return Ok(());
    };
    let (shown, wanted) = (actual.to_string(), format!("{code}: {message}"));
    match shown == wanted {
        true => Ok(()),
        false => Err(format!("the error shows as {shown:?}, not {wanted:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(body: &[u8]) -> Sent<'_> {
        Sent {
            method: "POST",
            path: "/custom/",
            host: "example.com",
            headers: vec![
                ("x-amz-target".to_owned(), "Service.Op".to_owned()),
                (
                    "content-type".to_owned(),
                    "application/x-amz-json-1.1".to_owned(),
                ),
            ],
            body,
        }
    }

    fn expected<'a>(body: Option<&'a str>, headers: &'a [(&'a str, &'a str)]) -> Request<'a> {
        Request {
            method: None,
            uri: None,
            host: None,
            body,
            headers,
        }
    }

    #[test]
    fn bodies_are_compared_as_json_values() {
        let expected = expected(
            Some("{\n  \"a\": 1, \"b\": [true]\n}"),
            &[("X-Amz-Target", "Service.Op")],
        );
        assert_eq!(
            check_request(&sent(br#"{"b":[true],"a":1}"#), &expected),
            Ok(())
        );
        let error = check_request(&sent(b"null"), &expected).unwrap_err();
        assert_eq!(error, r#"body null is not the expected {"a":1,"b":[true]}"#);
    }

    #[test]
    fn headers_are_compared_by_value_whatever_their_case() {
        let expected = expected(None, &[("Content-Type", "application/x-amz-json-1.0")]);
        let error = check_request(&sent(b"{}"), &expected).unwrap_err();
        assert_eq!(
            error,
            r#"header Content-Type is Some("application/x-amz-json-1.1"), not "application/x-amz-json-1.0""#
        );
        let other = Request {
            headers: &[("Content-Encoding", "gzip")],
            ..expected
        };
        let error = check_request(&sent(b"{}"), &other).unwrap_err();
        assert_eq!(error, r#"header Content-Encoding is None, not "gzip""#);
    }

    #[test]
    fn method_path_and_host_are_compared() {
        let base = expected(None, &[]);
        let path = Request {
            uri: Some("/"),
            ..expected(None, &[])
        };
        assert_eq!(
            check_request(&sent(b"{}"), &path).unwrap_err(),
            "path /custom/ is not the expected /"
        );
        let host = Request {
            host: Some("example.com/custom"),
            ..expected(None, &[])
        };
        assert_eq!(check_request(&sent(b"{}"), &host), Ok(()));
        let prefixed = Request {
            host: Some("foo.example.com"),
            ..base
        };
        assert_eq!(
            check_request(&sent(b"{}"), &prefixed).unwrap_err(),
            "host example.com is not the expected foo.example.com"
        );
    }

    #[test]
    fn nan_equals_nan_as_json() {
        assert_eq!(same_values(&f64::NAN, &f64::NAN), Ok(()));
        assert!(same_values(&1.0, &2.0).is_err());
    }

    #[test]
    fn a_run_fails_when_a_case_fails_and_not_for_skips() {
        let case = |id, check| Case {
            file: "input/x.json",
            id,
            check,
        };
        let passing = [
            case("passes", Check::Run(|| Ok(()))),
            case("skipped", Check::Skip("a client behaviour")),
        ];
        assert!(run(&passing));
        let failing = [case("fails", Check::Run(|| Err("wrong".to_owned())))];
        assert!(!run(&failing));
    }

    #[test]
    fn errors_are_compared_by_value_and_message() {
        #[derive(Serialize)]
        struct Oops {
            message: &'static str,
        }
        impl Display for Oops {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "Oops: {}", self.message)
            }
        }
        let hi = Oops { message: "Hi" };
        assert_eq!(
            same_error(&hi, &Oops { message: "Hi" }, "Oops", Some("Hi")),
            Ok(())
        );
        assert_eq!(
            same_error(&hi, &Oops { message: "Hi" }, "Oops", None),
            Ok(())
        );
        let error = same_error(&hi, &Oops { message: "Hi" }, "Other", Some("Hi")).unwrap_err();
        assert_eq!(error, r#"the error shows as "Oops: Hi", not "Other: Hi""#);
        assert!(same_error(&hi, &Oops { message: "Ho" }, "Oops", None).is_err());
    }

    #[test]
    fn the_tally_counts_skips_by_reason() {
        let mut tally = Tally {
            passed: 3,
            failed: 1,
            ..Tally::default()
        };
        *tally.skipped.entry("compression").or_default() += 2;
        assert_eq!(
            tally.report(),
            "\nprotocol tests: 3 passed, 1 failed, 2 skipped\n  2 skipped: compression\n"
        );
    }
}
