//! `validate()` on realistic DescribeForecastExportJob and CreateForecastExportJob
//! requests: valid ARNs, S3 paths and KMS keys pass; each kind of mistake is reported
//! with its path, every violation at once, and sensitive values stay hidden.
#![cfg(feature = "validate")]

use std::collections::BTreeMap;

use forecast_types::primitives::{Bounds, Constraint, Validate};
use forecast_types::{
    AdditionalDataset, CreateAutoPredictorRequest, CreateForecastExportJobRequest, DataDestination,
    DescribeForecastExportJobRequest, Month, S3Config, Tag, TimeAlignmentBoundary,
};

const FORECAST_ARN: &str = "arn:aws:forecast:us-west-2:123456789012:forecast/electricity_demand";
const EXPORT_JOB_ARN: &str =
    "arn:aws:forecast:us-west-2:123456789012:forecast-export-job/electricity_demand/weekly_export";
/// An IAM role, as every request that reads or writes S3 names one. The model gives
/// `RoleArn` the pattern of Forecast's own ARNs; `model/corrections.json` corrects it.
const ROLE_ARN: &str = "arn:aws:iam::123456789012:role/ForecastExportRole";
const KMS_KEY_ARN: &str =
    "arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

fn destination(path: &str) -> DataDestination {
    DataDestination {
        s3_config: S3Config {
            path: path.to_owned(),
            role_arn: ROLE_ARN.to_owned(),
            kms_key_arn: Some(KMS_KEY_ARN.to_owned()),
        },
    }
}

fn export_request() -> CreateForecastExportJobRequest {
    CreateForecastExportJobRequest {
        // 63 characters, the most `Name` allows.
        forecast_export_job_name: format!("weekly_export_{}", "x".repeat(49)),
        forecast_arn: FORECAST_ARN.to_owned(),
        destination: destination("s3://forecast-exports/electricity/weekly/"),
        tags: Some(vec![Tag {
            key: "team".to_owned(),
            value: "energy-planning".to_owned(),
        }]),
        format: Some("PARQUET".to_owned()),
    }
}

/// The path and constraint of every violation.
fn violations<T: Validate>(value: &T) -> Vec<(String, Constraint)> {
    let error = value.validate().expect_err("the value breaks a constraint");
    let list = error.violations().iter();
    list.map(|v| (v.path.clone(), v.constraint.clone()))
        .collect()
}

#[test]
fn realistic_requests_are_valid() {
    let describe = DescribeForecastExportJobRequest {
        forecast_export_job_arn: EXPORT_JOB_ARN.to_owned(),
    };
    assert_eq!(describe.validate(), Ok(()));
    assert_eq!(export_request().validate(), Ok(()));
}

/// `S3Config.RoleArn` takes IAM roles, as corrected, and nothing else: not the Forecast
/// ARN the model's own pattern asks for.
#[test]
fn role_arns_are_iam_roles() {
    let config = destination("s3://forecast-exports/").s3_config;
    assert_eq!(config.role_arn, ROLE_ARN);
    assert_eq!(config.validate(), Ok(()));
    let mut forecast_role = config;
    forecast_role.role_arn = "arn:aws:forecast:us-west-2:123456789012:role/Export".to_owned();
    let found = violations(&forecast_role);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "RoleArn");
    let Constraint::Pattern(pattern) = found[0].1 else {
        panic!("{:?}", found[0].1);
    };
    assert!(pattern.contains(":iam::"), "{pattern}");
}

#[test]
fn an_arn_of_another_service_breaks_the_pattern() {
    let describe = DescribeForecastExportJobRequest {
        forecast_export_job_arn: "arn:aws:s3:::forecast-exports".to_owned(),
    };
    let pattern = r"^arn:([a-z\d-]+):forecast:.*:.*:.+$";
    let expected = [(
        "ForecastExportJobArn".to_owned(),
        Constraint::Pattern(pattern),
    )];
    assert_eq!(violations(&describe), expected);
}

#[test]
fn every_violation_is_reported_with_its_path() {
    let mut request = export_request();
    request.forecast_export_job_name = "weekly-export".to_owned();
    request.destination = destination("https://forecast-exports/");
    request.destination.s3_config.kms_key_arn = Some("arn:aws:iam::123456789012:key/x".to_owned());
    request.format = Some("JSON".to_owned());
    let paths: Vec<String> = violations(&request).into_iter().map(|(p, _)| p).collect();
    assert_eq!(
        paths,
        [
            "ForecastExportJobName",
            "Destination.S3Config.Path",
            "Destination.S3Config.KMSKeyArn",
            "Format",
        ]
    );
}

#[test]
fn lengths_count_characters_not_bytes() {
    let mut request = export_request();
    // 63 characters, 126 bytes: within `Name`'s 1..=63 but for its pattern.
    request.forecast_export_job_name = "é".repeat(63);
    let found = violations(&request);
    assert_eq!(found.len(), 1);
    assert!(matches!(found[0].1, Constraint::Pattern(_)));

    request.forecast_export_job_name = "a".repeat(64);
    let expected = Constraint::Length {
        bounds: Bounds {
            min: Some(1),
            max: Some(63),
        },
        actual: 64,
    };
    assert_eq!(
        violations(&request),
        [("ForecastExportJobName".to_owned(), expected)]
    );
}

#[test]
fn sensitive_values_are_redacted() {
    let mut request = export_request();
    request.tags = Some(vec![
        Tag {
            key: "team".to_owned(),
            value: "energy".to_owned(),
        },
        Tag {
            key: "secret*key".to_owned(),
            value: "x".repeat(257),
        },
    ]);
    let error = request.validate().unwrap_err();
    let paths: Vec<&str> = error.violations().iter().map(|v| v.path.as_str()).collect();
    assert_eq!(paths, ["Tags[1].Key", "Tags[1].Value"]);
    for violation in error.violations() {
        assert_eq!(
            violation.value.as_deref(),
            Some("*** Sensitive Data Redacted ***")
        );
    }
    assert!(!error.to_string().contains("secret"), "{error}");
}

#[test]
fn unknown_enum_values_and_ranges_are_violations() {
    // An enum value the model does not list is kept, but is no value to send.
    let boundary = TimeAlignmentBoundary::builder()
        .month("SMARCH")
        .day_of_month(32)
        .hour(23)
        .build()
        .unwrap();
    let request = CreateAutoPredictorRequest::builder()
        .predictor_name("electricity_predictor")
        .forecast_horizon(14)
        .time_alignment_boundary(boundary)
        .build()
        .unwrap();
    assert!(matches!(
        request.time_alignment_boundary.as_ref().unwrap().month,
        Some(Month::Unknown(_))
    ));
    let found = violations(&request);
    assert_eq!(
        found,
        [
            (
                "TimeAlignmentBoundary.Month".to_owned(),
                Constraint::KnownValue
            ),
            (
                "TimeAlignmentBoundary.DayOfMonth".to_owned(),
                Constraint::IntRange(Bounds {
                    min: Some(1),
                    max: Some(28)
                })
            ),
        ]
    );
}

#[test]
fn map_keys_and_values_have_their_own_paths() {
    let configuration = BTreeMap::from([
        ("holiday".to_owned(), vec!["US".to_owned()]),
        ("bad key".to_owned(), vec![]),
    ]);
    let dataset = AdditionalDataset {
        name: "holiday".to_owned(),
        configuration: Some(configuration),
    };
    let paths: Vec<String> = violations(&dataset).into_iter().map(|(p, _)| p).collect();
    assert_eq!(
        paths,
        [
            r#"Configuration[key "bad key"]"#,
            r#"Configuration["bad key"]"#
        ]
    );
}

#[test]
fn the_error_reads_as_one_message() {
    let mut request = export_request();
    request.forecast_arn = String::new();
    request.format = Some("JSON".to_owned());
    let message = request.validate().unwrap_err().to_string();
    assert_eq!(
        message,
        "2 constraint violations: ForecastArn (\"\") does not match \
         `^arn:([a-z\\d-]+):forecast:.*:.*:.+$`; Format (\"JSON\") does not match `^CSV|PARQUET$`"
    );
    let error: Box<dyn std::error::Error> = request.validate().unwrap_err().into();
    assert!(error.to_string().starts_with("2 constraint violations"));
}

#[test]
fn validator_reports_repeated_items_and_shows_bounds() {
    use forecast_types::primitives::Validator;
    let mut validator = Validator::default();
    validator.enter("Values", false);
    validator.check_unique(&["a", "b", "a", "b"]);
    validator.check_count(
        4,
        Bounds {
            min: None,
            max: Some(3),
        },
    );
    validator.leave();
    let error = validator.finish().unwrap_err();
    assert_eq!(
        error.to_string(),
        "2 constraint violations: Values has equal items at 0 and 2; \
         Values has length 4, not within ..=3"
    );
    assert_eq!(
        Bounds {
            min: Some(1.5),
            max: None
        }
        .to_string(),
        "1.5.."
    );
    assert!(!Bounds {
        min: Some(0.0),
        max: Some(1.0)
    }
    .contains(&f64::NAN));
}

/// Hostile input: the message of a violation quotes at most 64 characters of a value
/// and gives its length, so it stays short; the violation keeps the whole value.
#[test]
fn messages_about_huge_values_stay_short() {
    let mut request = export_request();
    request.forecast_export_job_name = "a".repeat(1_000_000);
    let error = request.validate().unwrap_err();
    let message = error.to_string();
    assert!(message.len() < 300, "{} bytes", message.len());
    let quoted = format!("\"{}…\", 1000000 characters", "a".repeat(64));
    assert!(message.contains(&quoted), "{message}");
    let whole = format!("\"{}\"", request.forecast_export_job_name);
    assert_eq!(error.violations()[0].value.as_deref(), Some(whole.as_str()));
}
