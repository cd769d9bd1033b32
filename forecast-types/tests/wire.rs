//! forecast-types on the wire: DescribeForecastExportJob bodies as the service writes
//! them, read and written back exactly, and error responses classified.
#![cfg(feature = "serde")]

use forecast_types::{
    DescribeForecastExportJobError, DescribeForecastExportJobRequest,
    DescribeForecastExportJobResponse, Domain, Timestamp,
};
use serde_json::{json, Value};

const RESPONSE: &str = r#"{
    "ForecastExportJobArn": "arn:aws:forecast:us-west-2:123456789012:forecast-export-job/f/e",
    "ForecastExportJobName": "weekly_export",
    "ForecastArn": "arn:aws:forecast:us-west-2:123456789012:forecast/f",
    "Destination": {
        "S3Config": {
            "Path": "s3://my-bucket/exports/",
            "RoleArn": "arn:aws:iam::123456789012:role/ForecastAccess",
            "KMSKeyArn": "arn:aws:kms:us-west-2:123456789012:key/1234abcd"
        }
    },
    "Message": null,
    "Status": "ACTIVE",
    "CreationTime": 946845296.123,
    "LastModificationTime": 946845300,
    "Format": "CSV",
    "SomethingNew": {"added": "later"}
}"#;

#[test]
fn a_full_response_reads_every_member() {
    let response: DescribeForecastExportJobResponse = serde_json::from_str(RESPONSE).unwrap();
    let s3 = &response.destination.as_ref().unwrap().s3_config;
    assert_eq!(s3.path, "s3://my-bucket/exports/");
    assert_eq!(
        s3.kms_key_arn.as_deref(),
        Some("arn:aws:kms:us-west-2:123456789012:key/1234abcd")
    );
    assert_eq!(response.message, None, "null counts as absent");
    assert_eq!(response.status.as_deref(), Some("ACTIVE"));
    let created = response.creation_time.unwrap();
    assert_eq!(
        (created.secs(), created.subsec_nanos()),
        (946_845_296, 123_000_000)
    );
    assert_eq!(
        response.last_modification_time,
        Some(Timestamp::from_secs(946_845_300))
    );
}

#[test]
fn writing_gives_back_the_body_without_nulls_or_unknown_fields() {
    let response: DescribeForecastExportJobResponse = serde_json::from_str(RESPONSE).unwrap();
    let written: Value = serde_json::to_value(&response).unwrap();
    let mut expected: Value = serde_json::from_str(RESPONSE).unwrap();
    let object = expected.as_object_mut().unwrap();
    object.remove("Message");
    object.remove("SomethingNew");
    assert_eq!(written, expected);
    let text = serde_json::to_string(&response).unwrap();
    assert!(text.contains(r#""CreationTime":946845296.123"#), "{text}");
    assert!(
        text.contains(r#""LastModificationTime":946845300,"#),
        "{text}"
    );
}

#[test]
fn an_empty_body_is_a_valid_output() {
    let response: DescribeForecastExportJobResponse = serde_json::from_str("{}").unwrap();
    assert_eq!(response, DescribeForecastExportJobResponse::default());
    assert_eq!(serde_json::to_string(&response).unwrap(), "{}");
}

#[test]
fn a_missing_required_member_is_an_error_that_names_it() {
    let error = serde_json::from_str::<DescribeForecastExportJobRequest>("{}").unwrap_err();
    assert!(
        error.to_string().contains("ForecastExportJobArn"),
        "{error}"
    );
    let nested = r#"{"Destination": {"S3Config": {"Path": "s3://b/"}}}"#;
    let error = serde_json::from_str::<DescribeForecastExportJobResponse>(nested).unwrap_err();
    assert!(error.to_string().contains("RoleArn"), "{error}");
}

#[test]
fn enums_write_known_and_unknown_values_unchanged() {
    let known: Domain = serde_json::from_value(json!("RETAIL")).unwrap();
    assert_eq!(known, Domain::Retail);
    let unknown: Domain = serde_json::from_value(json!("SPACE_TRAVEL")).unwrap();
    assert_eq!(
        serde_json::to_value(&unknown).unwrap(),
        json!("SPACE_TRAVEL")
    );
}

#[test]
fn error_responses_are_classified_by_header_then_body() {
    let body = br#"{"__type": "com.amazonaws.forecast#ResourceNotFoundException", "Message": "no such job"}"#;
    let error = DescribeForecastExportJobError::from_response(None, body).unwrap();
    match &error {
        DescribeForecastExportJobError::ResourceNotFoundException(e) => {
            assert_eq!(e.message.as_deref(), Some("no such job"));
        }
        other => panic!("expected ResourceNotFoundException, got {other:?}"),
    }
    let lower = br#"{"message": "bad ARN"}"#;
    let error = DescribeForecastExportJobError::from_response(
        Some("InvalidInputException:http://internal"),
        lower,
    )
    .unwrap();
    assert_eq!(error.to_string(), "InvalidInputException: bad ARN");
    let throttled = br#"{"__type": "ThrottlingException", "message": "slow down"}"#;
    let error = DescribeForecastExportJobError::from_response(None, throttled).unwrap();
    match error {
        DescribeForecastExportJobError::Unhandled(e) => {
            assert_eq!(
                (e.code.as_str(), e.message.as_deref()),
                ("ThrottlingException", Some("slow down"))
            );
        }
        other => panic!("expected the unhandled variant, got {other:?}"),
    }
    let empty =
        DescribeForecastExportJobError::from_response(Some("ResourceNotFoundException"), b"")
            .unwrap();
    assert!(matches!(
        empty,
        DescribeForecastExportJobError::ResourceNotFoundException(_)
    ));
}
