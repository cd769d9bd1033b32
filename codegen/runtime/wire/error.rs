//! Error responses: the error code and message, and empty bodies.

use crate::primitives::Document;
use ::serde::de::DeserializeOwned;

/// The members of an error body that name the error and describe it; any
/// JSON type is accepted so that an odd body never fails to parse.
struct ErrorFields {
    /// `code`.
    code: Option<Document>,
    /// `__type`.
    type_name: Option<Document>,
    /// `message`.
    message: Option<Document>,
    /// `Message`.
    message_capitalized: Option<Document>,
    /// `errorMessage`.
    error_message: Option<Document>,
}

super::json_structure! {
    ErrorFields {
        code: "code", optional, Plain;
        type_name: "__type", optional, Plain;
        message: "message", optional, Plain;
        message_capitalized: "Message", optional, Plain;
        error_message: "errorMessage", optional, Plain;
    }
}

impl ErrorFields {
    /// The fields of a JSON object body; `None` if the body is not one.
    fn read(body: &[u8]) -> Option<Self> {
        ::serde_json::from_slice(body).ok()
    }
}

/// The text of a document that is a string.
fn into_string(value: Option<Document>) -> Option<String> {
    match value? {
        Document::String(text) => Some(text),
        _ => None,
    }
}

/// The error code of an awsJson or restJson1 error response: from the
/// `X-Amzn-Errortype` header value, else the body's top-level `code`, else
/// its top-level `__type`. The code is cut before the first `:` and after
/// the last `#`, so `aws.protocoltests#ComplexError:http://...` gives
/// `ComplexError`. An empty or non-JSON body only leaves the header.
pub(crate) fn error_code(header: Option<&str>, body: &[u8]) -> Option<String> {
    if let Some(code) = header.and_then(sanitize_error_code) {
        return Some(code.to_owned());
    }
    let fields = ErrorFields::read(body)?;
    [fields.code, fields.type_name]
        .into_iter()
        .filter_map(into_string)
        .find_map(|code| sanitize_error_code(&code).map(str::to_owned))
}

/// The bare error name in an error code, or `None` if nothing is left.
fn sanitize_error_code(code: &str) -> Option<&str> {
    let code = code.split(':').next().unwrap_or_default();
    let code = code.rsplit('#').next().unwrap_or_default().trim();
    (!code.is_empty()).then_some(code)
}

/// The message of an error response body: its top-level `message`,
/// `Message` or `errorMessage` string, in that order.
pub(crate) fn error_message(body: &[u8]) -> Option<String> {
    let fields = ErrorFields::read(body)?;
    [
        fields.message,
        fields.message_capitalized,
        fields.error_message,
    ]
    .into_iter()
    .find_map(into_string)
}

/// Reads a JSON body; an empty or all-whitespace body reads as `{}`.
pub(crate) fn from_body<T: DeserializeOwned>(body: &[u8]) -> Result<T, ::serde_json::Error> {
    let blank = body
        .iter()
        .all(|byte| matches!(byte, b' ' | b'\t' | b'\n' | b'\r'));
    ::serde_json::from_slice(if blank { b"{}" } else { body })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::primitives::wire::tests::*;

    #[test]
    fn error_code_prefers_header_then_code_then_type() {
        let body = br#"{"code":"FromCode","__type":"FromType"}"#;
        assert_eq!(
            error_code(Some("FromHeader"), body).as_deref(),
            Some("FromHeader")
        );
        assert_eq!(error_code(None, body).as_deref(), Some("FromCode"));
        assert_eq!(
            error_code(None, br#"{"__type":"FromType"}"#).as_deref(),
            Some("FromType")
        );
        assert_eq!(
            error_code(Some(""), br#"{"__type":"FromType"}"#).as_deref(),
            Some("FromType")
        );
        assert_eq!(
            error_code(None, br#"{"code":3,"__type":"FromType"}"#).as_deref(),
            Some("FromType")
        );
    }

    #[test]
    fn error_code_sanitizes_smithy_forms() {
        for raw in [
            "FooError",
            "FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/",
            "aws.protocoltests.restjson#FooError",
            "aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/",
        ] {
            assert_eq!(error_code(Some(raw), b"").as_deref(), Some("FooError"), "{raw}");
            let body = format!(r#"{{"__type":"{raw}"}}"#);
            assert_eq!(error_code(None, body.as_bytes()).as_deref(), Some("FooError"), "{raw}");
            let body = format!(r#"{{"code":"{raw}"}}"#);
            assert_eq!(error_code(None, body.as_bytes()).as_deref(), Some("FooError"), "{raw}");
        }
    }

    #[test]
    fn error_code_ignores_nested_type_and_bad_bodies() {
        let nested = br#"{"Nested":{"__type":"Inner"},"message":"m"}"#;
        assert_eq!(error_code(None, nested), None);
        assert_eq!(error_code(None, b""), None);
        assert_eq!(error_code(None, b"not json"), None);
        assert_eq!(error_code(None, b"[\"__type\"]"), None);
        assert_eq!(
            error_code(Some("Header"), b"not json").as_deref(),
            Some("Header")
        );
        assert_eq!(
            error_code(Some("aws#Header"), b"").as_deref(),
            Some("Header")
        );
    }

    #[test]
    fn error_message_reads_the_three_spellings() {
        assert_eq!(error_message(br#"{"message":"a"}"#).as_deref(), Some("a"));
        assert_eq!(error_message(br#"{"Message":"b"}"#).as_deref(), Some("b"));
        assert_eq!(
            error_message(br#"{"errorMessage":"c"}"#).as_deref(),
            Some("c")
        );
        assert_eq!(
            error_message(br#"{"Message":"b","message":"a"}"#).as_deref(),
            Some("a")
        );
        assert_eq!(
            error_message(br#"{"message":null,"Message":"b"}"#).as_deref(),
            Some("b")
        );
        assert_eq!(error_message(br#"{"message":1}"#), None);
        assert_eq!(error_message(br#"{"Inner":{"message":"x"}}"#), None);
        assert_eq!(error_message(b""), None);
        assert_eq!(error_message(b"<html>"), None);
    }

    #[test]
    fn from_body_reads_an_empty_body_as_an_empty_object() {
        assert_eq!(
            from_body::<AllOptional>(b"").unwrap(),
            AllOptional::default()
        );
        assert_eq!(
            from_body::<AllOptional>(b" \r\n\t").unwrap(),
            AllOptional::default()
        );
        assert_eq!(from_body::<Empty>(b"").unwrap(), Empty {});
        let value: AllOptional = from_body(br#"{"Name":"n","Size":2}"#).unwrap();
        assert_eq!(value.name.as_deref(), Some("n"));
        let message = from_body::<Config>(b"").unwrap_err().to_string();
        assert!(message.starts_with("missing field `Path`"), "{message}");
        assert!(from_body::<AllOptional>(b"{").is_err());
    }
}
