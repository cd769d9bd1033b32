//! The `aws-sdk` feature: values cross to `aws-sdk-forecast` and back unchanged, and an
//! SDK value that lacks a member this crate requires fails, naming the shape and member.
#![cfg(feature = "aws-sdk")]

use aws_sdk_forecast::error::ProvideErrorMetadata;
use aws_sdk_forecast::operation::create_dataset_import_job::CreateDatasetImportJobInput;
use aws_sdk_forecast::operation::create_forecast_export_job::CreateForecastExportJobInput;
use aws_sdk_forecast::operation::describe_forecast::DescribeForecastInput;
use aws_sdk_forecast::operation::describe_forecast_export_job::{
    DescribeForecastExportJobError as SdkError, DescribeForecastExportJobOutput,
};
use aws_sdk_forecast::primitives::DateTime;
use aws_sdk_forecast::types as sdk;
use forecast_types::primitives::{Timestamp, UnhandledError};
use forecast_types::*;

fn s3(path: &str) -> sdk::S3Config {
    sdk::S3Config::builder()
        .path(path)
        .role_arn("arn:aws:iam::123456789012:role/forecast")
        .kms_key_arn("arn:aws:kms:us-east-1:123456789012:key/k")
        .build()
        .unwrap()
}

fn destination() -> sdk::DataDestination {
    sdk::DataDestination::builder()
        .s3_config(s3("s3://bucket/out/"))
        .build()
}

#[test]
fn describe_forecast_export_job_output_round_trips() {
    let sdk = DescribeForecastExportJobOutput::builder()
        .forecast_export_job_arn("arn:aws:forecast:us-east-1:123456789012:forecast-export-job/f/e")
        .forecast_export_job_name("export")
        .forecast_arn("arn:aws:forecast:us-east-1:123456789012:forecast/f")
        .destination(destination())
        .message("all good")
        .status("ACTIVE")
        .creation_time(DateTime::from_secs_and_nanos(1_700_000_000, 123_456_789))
        .last_modification_time(DateTime::from_secs(-86_400))
        .format("PARQUET")
        .build();
    let ours = DescribeForecastExportJobResponse::try_from(sdk.clone()).unwrap();
    assert_eq!(ours.forecast_export_job_name.as_deref(), Some("export"));
    assert_eq!(
        ours.destination.as_ref().unwrap().s3_config.path,
        "s3://bucket/out/"
    );
    let created = ours.creation_time.unwrap();
    assert_eq!(
        (created.secs(), created.subsec_nanos()),
        (1_700_000_000, 123_456_789)
    );
    assert_eq!(
        ours.last_modification_time,
        Some(Timestamp::from_secs(-86_400))
    );
    let back = DescribeForecastExportJobOutput::try_from(ours.clone()).unwrap();
    assert_eq!(back, sdk);
    // And from our side: ours → SDK → ours.
    assert_eq!(
        DescribeForecastExportJobResponse::try_from(back).unwrap(),
        ours
    );
}

#[test]
fn create_forecast_export_job_input_round_trips() {
    let ours = CreateForecastExportJobRequest {
        forecast_export_job_name: "export".to_owned(),
        forecast_arn: "arn:aws:forecast:us-east-1:123456789012:forecast/f".to_owned(),
        destination: DataDestination {
            s3_config: S3Config {
                path: "s3://bucket/out/".to_owned(),
                role_arn: "arn:aws:iam::123456789012:role/forecast".to_owned(),
                kms_key_arn: None,
            },
        },
        tags: Some(vec![
            Tag {
                key: "team".to_owned(),
                value: "ml".to_owned(),
            },
            Tag {
                key: "env".to_owned(),
                value: "prod".to_owned(),
            },
        ]),
        format: Some("CSV".to_owned()),
    };
    let sdk = CreateForecastExportJobInput::try_from(ours.clone()).unwrap();
    assert_eq!(sdk.forecast_export_job_name(), Some("export"));
    assert_eq!(
        sdk.destination()
            .and_then(|d| d.s3_config())
            .map(|s| s.path()),
        Some("s3://bucket/out/")
    );
    assert_eq!(sdk.tags().len(), 2);
    assert_eq!(sdk.tags()[1].value(), "prod");
    let read = CreateForecastExportJobRequest::try_from(sdk.clone()).unwrap();
    assert_eq!(read, ours);
    assert_eq!(CreateForecastExportJobInput::try_from(read).unwrap(), sdk);
}

/// The error for `member` of `shape` missing from the SDK's value.
fn missing(shape: &'static str, member: &'static str) -> ConversionError {
    ConversionError::MissingMember { shape, member }
}

#[test]
fn sdk_values_lacking_a_required_member_fail_naming_it() {
    // The SDK keeps every input member in an `Option`; ours requires `ForecastArn`.
    let empty = DescribeForecastInput::builder().build().unwrap();
    let error = DescribeForecastRequest::try_from(empty).unwrap_err();
    assert_eq!(error, missing("DescribeForecastRequest", "ForecastArn"));
    assert_eq!(
        error.to_string(),
        "DescribeForecastRequest.ForecastArn is required, and the AWS SDK's value has none"
    );
    // A required structure member is an `Option` in the SDK's shared types too: here
    // the destination lacks its `S3Config`, one level down.
    let sdk = CreateForecastExportJobInput::builder()
        .forecast_export_job_name("export")
        .forecast_arn("arn:aws:forecast:us-east-1:123456789012:forecast/f")
        .destination(sdk::DataDestination::builder().build())
        .build()
        .unwrap();
    let error = CreateForecastExportJobRequest::try_from(sdk.clone()).unwrap_err();
    assert_eq!(error, missing("DataDestination", "S3Config"));
    let error = DataDestination::try_from(sdk.destination.unwrap()).unwrap_err();
    assert_eq!(error, missing("DataDestination", "S3Config"));
}

#[test]
fn missing_members_with_a_model_default_get_it() {
    let sdk = CreateDatasetImportJobInput::builder()
        .dataset_import_job_name("import")
        .dataset_arn("arn:aws:forecast:us-east-1:123456789012:dataset/d")
        .data_source(
            sdk::DataSource::builder()
                .s3_config(s3("s3://bucket/in/"))
                .build(),
        )
        .build()
        .unwrap();
    assert_eq!(sdk.use_geolocation_for_time_zone, None);
    let ours = CreateDatasetImportJobRequest::try_from(sdk).unwrap();
    assert!(!ours.use_geolocation_for_time_zone);
    assert_eq!(ours.data_source.s3_config.path, "s3://bucket/in/");
}

#[test]
fn maps_lists_and_enums_cross() {
    let sdk = sdk::AttributeConfig::builder()
        .attribute_name("demand")
        .transformations("aggregation", "sum")
        .transformations("backfill", "zero")
        .build()
        .unwrap();
    let ours = AttributeConfig::from(sdk.clone());
    assert_eq!(ours.transformations.len(), 2);
    assert_eq!(ours.transformations["backfill"], "zero");
    assert_eq!(sdk::AttributeConfig::try_from(ours).unwrap(), sdk);

    let sdk = sdk::Schema::builder()
        .attributes(
            sdk::SchemaAttribute::builder()
                .attribute_name("ts")
                .attribute_type(sdk::AttributeType::Timestamp)
                .build(),
        )
        .attributes(
            sdk::SchemaAttribute::builder()
                .attribute_name("x")
                .attribute_type(sdk::AttributeType::from("complex128"))
                .build(),
        )
        .build();
    let ours = Schema::from(sdk.clone());
    let attributes = ours.attributes.as_ref().unwrap();
    assert_eq!(attributes[0].attribute_type, Some(AttributeType::Timestamp));
    assert_eq!(
        attributes[1]
            .attribute_type
            .as_ref()
            .map(AttributeType::as_str),
        Some("complex128")
    );
    assert_eq!(sdk::Schema::from(ours), sdk);
}

#[test]
fn unknown_enum_values_round_trip() {
    let sdk = sdk::DatasetType::from("FUTURE_DATASET");
    let ours = DatasetType::from(sdk.clone());
    assert!(matches!(&ours, DatasetType::Unknown(value) if value.as_str() == "FUTURE_DATASET"));
    let back = sdk::DatasetType::from(ours);
    assert_eq!(back, sdk);
    assert_eq!(back.as_str(), "FUTURE_DATASET");
    // Known values map to the matching variant.
    assert_eq!(
        DatasetType::from(sdk::DatasetType::ItemMetadata),
        DatasetType::ItemMetadata
    );
    assert_eq!(
        sdk::DatasetType::from(DatasetType::RelatedTimeSeries),
        sdk::DatasetType::RelatedTimeSeries
    );
}

#[test]
fn modeled_errors_round_trip() {
    let meta = aws_sdk_forecast::error::ErrorMetadata::builder()
        .code("ResourceNotFoundException")
        .message("no such job")
        .build();
    let sdk = SdkError::ResourceNotFoundException(
        sdk::error::ResourceNotFoundException::builder()
            .message("no such job")
            .meta(meta)
            .build(),
    );
    let ours = DescribeForecastExportJobError::from(sdk);
    assert_eq!(
        ours,
        DescribeForecastExportJobError::ResourceNotFoundException(ResourceNotFoundException {
            message: Some("no such job".to_owned()),
        })
    );
    let back = SdkError::from(ours.clone());
    assert!(back.is_resource_not_found_exception());
    assert_eq!(back.code(), Some("ResourceNotFoundException"));
    assert_eq!(back.message(), Some("no such job"));
    assert_eq!(DescribeForecastExportJobError::from(back), ours);
}

#[test]
fn unhandled_errors_keep_code_and_message() {
    let meta = aws_sdk_forecast::error::ErrorMetadata::builder()
        .code("ThrottlingException")
        .message("slow down")
        .build();
    let ours = DescribeForecastExportJobError::from(SdkError::generic(meta));
    let expected = UnhandledError {
        code: "ThrottlingException".to_owned(),
        message: Some("slow down".to_owned()),
    };
    assert_eq!(ours, DescribeForecastExportJobError::Unhandled(expected));
    let back = SdkError::from(ours.clone());
    assert_eq!(back.code(), Some("ThrottlingException"));
    assert_eq!(back.message(), Some("slow down"));
    assert!(!back.is_invalid_input_exception() && !back.is_resource_not_found_exception());
    assert_eq!(DescribeForecastExportJobError::from(back), ours);
}

#[test]
fn timestamps_keep_nanoseconds_and_carry_overflow() {
    let t = Timestamp::from_secs_and_nanos(-2, 500_000_000).unwrap();
    let sdk = DateTime::from(t);
    assert_eq!((sdk.secs(), sdk.subsec_nanos()), (-2, 500_000_000));
    assert_eq!(Timestamp::from(sdk), t);
    // `set_subsec_nanos` lets the SDK hold a second or more of nanoseconds.
    let mut odd = DateTime::from_secs(10);
    odd.set_subsec_nanos(2_250_000_000);
    assert_eq!(
        Timestamp::from(odd),
        Timestamp::from_secs_and_nanos(12, 250_000_000).unwrap()
    );
    let mut last = DateTime::from_secs(i64::MAX);
    last.set_subsec_nanos(1_000_000_000);
    assert_eq!(Timestamp::from(last), Timestamp::MAX);
}
