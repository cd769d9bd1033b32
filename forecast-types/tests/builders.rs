//! Builders: setters that convert, lists that append, maps that insert, `set_` setters
//! that replace, defaults filled in, and one error that names every missing member.

use std::collections::BTreeMap;

use forecast_types::builders::{CreateForecastExportJobRequestBuilder, S3ConfigBuilder};
use forecast_types::primitives::BuildError;
use forecast_types::{
    AttributeConfig, CreateDatasetImportJobRequest, CreateForecastExportJobRequest,
    DataDestination, DataSource, ListDatasetGroupsRequest, S3Config, Tag,
};

const FORECAST_ARN: &str = "arn:aws:forecast:us-west-2:123456789012:forecast/my_forecast";
const PATH: &str = "s3://bucket/exports/";
const ROLE_ARN: &str = "arn:aws:iam::123456789012:role/ForecastRole";
const KMS_KEY_ARN: &str =
    "arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

fn s3_config() -> S3ConfigBuilder {
    S3Config::builder()
        .path(PATH)
        .role_arn(ROLE_ARN)
        .kms_key_arn(KMS_KEY_ARN)
}

fn tag(key: &str, value: &str) -> Tag {
    Tag::builder().key(key).value(value).build().unwrap()
}

fn export_job() -> CreateForecastExportJobRequestBuilder {
    let destination = DataDestination::builder()
        .s3_config(s3_config().build().unwrap())
        .build()
        .unwrap();
    CreateForecastExportJobRequest::builder()
        .forecast_export_job_name("weekly_export")
        .forecast_arn(FORECAST_ARN)
        .destination(destination)
}

#[test]
fn a_request_builds_from_plain_values() {
    let request = export_job()
        .tags(tag("team", "forecasting"))
        .tags(tag("stage", "prod"))
        .format("PARQUET")
        .build()
        .unwrap();
    let expected = CreateForecastExportJobRequest {
        forecast_export_job_name: "weekly_export".to_owned(),
        forecast_arn: FORECAST_ARN.to_owned(),
        destination: DataDestination {
            s3_config: S3Config {
                path: PATH.to_owned(),
                role_arn: ROLE_ARN.to_owned(),
                kms_key_arn: Some(KMS_KEY_ARN.to_owned()),
            },
        },
        tags: Some(vec![tag("team", "forecasting"), tag("stage", "prod")]),
        format: Some("PARQUET".to_owned()),
    };
    assert_eq!(request, expected);
}

#[test]
fn every_missing_member_is_named_at_once() {
    let error = CreateForecastExportJobRequest::builder()
        .forecast_arn(FORECAST_ARN)
        .tags(tag("team", "forecasting"))
        .build()
        .unwrap_err();
    assert_eq!(error.shape(), "CreateForecastExportJobRequest");
    assert_eq!(error.missing(), ["ForecastExportJobName", "Destination"]);
    assert_eq!(
        error.to_string(),
        "CreateForecastExportJobRequest is missing required members: \
         ForecastExportJobName, Destination"
    );
    let error = S3Config::builder().path(PATH).build().unwrap_err();
    assert_eq!(
        error.to_string(),
        "S3Config is missing required member: RoleArn"
    );
    let boxed: Box<dyn std::error::Error> = Box::new(error.clone());
    assert_eq!(boxed.to_string(), error.to_string());
}

#[test]
fn the_error_can_be_made_and_compared() {
    let error = S3Config::builder().build().unwrap_err();
    assert_eq!(error, BuildError::new("S3Config", ["Path", "RoleArn"]));
}

#[test]
fn a_map_setter_inserts_one_entry() {
    let config = AttributeConfig::builder()
        .attribute_name("demand")
        .transformations("aggregation", "sum")
        .transformations("filling", "zero")
        .transformations("aggregation", "avg")
        .build()
        .unwrap();
    let expected = BTreeMap::from([
        ("aggregation".to_owned(), "avg".to_owned()),
        ("filling".to_owned(), "zero".to_owned()),
    ]);
    assert_eq!(config.transformations, expected);
}

#[test]
fn set_setters_replace_the_whole_value_or_unset_it() {
    let request = export_job()
        .tags(tag("team", "forecasting"))
        .set_tags(vec![tag("stage", "prod")])
        .build()
        .unwrap();
    assert_eq!(request.tags, Some(vec![tag("stage", "prod")]));
    let request = export_job()
        .tags(tag("team", "forecasting"))
        .format("CSV")
        .set_tags(None)
        .set_format(None)
        .build()
        .unwrap();
    assert_eq!((request.tags, request.format), (None, None));
    let kept: Option<String> = Some(KMS_KEY_ARN.to_owned());
    let config = s3_config().set_kms_key_arn(kept.clone()).build().unwrap();
    assert_eq!(config.kms_key_arn, kept);
    let unset = S3Config::builder().path(PATH).set_path(None).build();
    assert_eq!(unset.unwrap_err().missing(), ["Path", "RoleArn"]);
}

#[test]
fn unset_members_with_a_model_default_get_it() {
    let data_source = DataSource::builder()
        .s3_config(s3_config().build().unwrap())
        .build()
        .unwrap();
    let builder = CreateDatasetImportJobRequest::builder()
        .dataset_import_job_name("sales_import")
        .dataset_arn("arn:aws:forecast:us-west-2:123456789012:dataset/sales")
        .data_source(data_source);
    let request = builder.clone().build().unwrap();
    assert!(!request.use_geolocation_for_time_zone);
    let request = builder.use_geolocation_for_time_zone(true).build().unwrap();
    assert!(request.use_geolocation_for_time_zone);
}

#[test]
fn a_structure_without_required_members_builds_from_nothing() {
    let request = ListDatasetGroupsRequest::builder().build().unwrap();
    assert_eq!(request, ListDatasetGroupsRequest::default());
    let request = ListDatasetGroupsRequest::builder()
        .max_results(50)
        .build()
        .unwrap();
    assert_eq!(request.max_results, Some(50));
}

#[test]
fn builders_compare_clone_and_hide_sensitive_values() {
    let builder = Tag::builder().key("owner").value("alice@example.com");
    assert_eq!(builder.clone(), builder);
    let shown = format!("{builder:?}");
    assert!(!shown.contains("alice"), "{shown}");
    assert!(shown.contains("Sensitive Data Redacted"), "{shown}");
    let shown = format!("{:?}", s3_config());
    assert!(shown.contains(ROLE_ARN), "{shown}");
}

#[cfg(feature = "validate")]
#[test]
fn build_validated_reports_missing_members_and_broken_constraints() {
    use forecast_types::primitives::Constraint;

    let missing = S3Config::builder()
        .path("s3://bucket/")
        .build_validated()
        .unwrap_err();
    let found: Vec<(&str, &Constraint)> = missing
        .violations()
        .iter()
        .map(|v| (v.path.as_str(), &v.constraint))
        .collect();
    assert_eq!(found, [("RoleArn", &Constraint::Required)]);

    // With an IAM role (the pattern of `RoleArn` as corrected), only the export job's
    // name is wrong here.
    let destination = DataDestination::builder()
        .s3_config(s3_config().build_validated().unwrap())
        .build_validated()
        .unwrap();
    let broken = export_job()
        .forecast_export_job_name("weekly-export")
        .destination(destination.clone())
        .build_validated()
        .unwrap_err();
    let paths: Vec<&str> = broken
        .violations()
        .iter()
        .map(|v| v.path.as_str())
        .collect();
    assert_eq!(paths, ["ForecastExportJobName"]);

    let valid = export_job().destination(destination).build_validated();
    assert!(valid.is_ok(), "{valid:?}");
}
