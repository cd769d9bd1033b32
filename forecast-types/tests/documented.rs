//! `validate()` accepts what the service documents and refuses what it refuses: every
//! example value of the service's documentation, of boto3's reference page and of real
//! requests passes in its member, and values the documentation rules out still fail, so
//! the corrections of `model/corrections.json` only loosen where the model is wrong.
#![cfg(feature = "validate")]

use std::path::PathBuf;

use forecast_types::primitives::ValidationError;
use forecast_types::{
    Condition, CreateDatasetImportJobRequest, DataSource, DescribeForecastExportJobResponse,
    DescribePredictorResponse, EncryptionConfig, FeaturizationConfig, Filter,
    FilterConditionString, ForecastSummary, S3Config, Statistics, SupplementaryFeature, Tag,
    TimeSeriesCondition,
};

const ROLE_ARN: &str = "arn:aws:iam::123456789012:role/ForecastAccess";
const KMS_KEY_ARN: &str =
    "arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const DATASET_ARN: &str = "arn:aws:forecast:us-west-2:123456789012:dataset/electricity";

/// boto3's reference page for `describe_forecast_export_job`.
fn boto3_page() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../reference/boto3-describe_forecast_export_job.rst")
}

/// Puts a value into one member of a value that is valid otherwise, and validates it.
type Check = fn(&str) -> Result<(), ValidationError>;

/// One member: where a value goes, the path of its violations, the values the service
/// documents, and values it refuses.
struct Case {
    path: &'static str,
    check: Check,
    documented: &'static [&'static str],
    refused: &'static [&'static str],
}

fn s3_role(value: &str) -> Result<(), ValidationError> {
    let config = S3Config {
        path: "s3://forecast-data/electricity/".into(),
        role_arn: value.into(),
        kms_key_arn: Some(KMS_KEY_ARN.into()),
    };
    config.validate()
}

fn encryption_role(value: &str) -> Result<(), ValidationError> {
    let config = EncryptionConfig {
        role_arn: value.into(),
        kms_key_arn: KMS_KEY_ARN.into(),
    };
    config.validate()
}

fn kms_key(value: &str) -> Result<(), ValidationError> {
    let config = EncryptionConfig {
        role_arn: ROLE_ARN.into(),
        kms_key_arn: value.into(),
    };
    config.validate()
}

fn s3_path(value: &str) -> Result<(), ValidationError> {
    let config = S3Config {
        path: value.into(),
        role_arn: ROLE_ARN.into(),
        kms_key_arn: None,
    };
    config.validate()
}

fn import_job() -> CreateDatasetImportJobRequest {
    CreateDatasetImportJobRequest {
        dataset_import_job_name: "electricity_import".into(),
        dataset_arn: DATASET_ARN.into(),
        data_source: DataSource {
            s3_config: S3Config {
                path: "s3://forecast-data/electricity.csv".into(),
                role_arn: ROLE_ARN.into(),
                kms_key_arn: None,
            },
        },
        timestamp_format: None,
        time_zone: None,
        use_geolocation_for_time_zone: false,
        geolocation_format: None,
        tags: None,
        format: None,
        import_mode: None,
    }
}

fn name(value: &str) -> Result<(), ValidationError> {
    let mut request = import_job();
    request.dataset_import_job_name = value.into();
    request.validate()
}

fn dataset_arn(value: &str) -> Result<(), ValidationError> {
    let mut request = import_job();
    request.dataset_arn = value.into();
    request.validate()
}

fn time_zone(value: &str) -> Result<(), ValidationError> {
    let mut request = import_job();
    request.time_zone = Some(value.into());
    request.validate()
}

fn timestamp_format(value: &str) -> Result<(), ValidationError> {
    let mut request = import_job();
    request.timestamp_format = Some(value.into());
    request.validate()
}

fn geolocation_format(value: &str) -> Result<(), ValidationError> {
    let mut request = import_job();
    request.geolocation_format = Some(value.into());
    request.validate()
}

fn format(value: &str) -> Result<(), ValidationError> {
    let mut request = import_job();
    request.format = Some(value.into());
    request.validate()
}

fn frequency(value: &str) -> Result<(), ValidationError> {
    let config = FeaturizationConfig {
        forecast_frequency: value.into(),
        forecast_dimensions: None,
        featurizations: None,
    };
    config.validate()
}

fn filter(key: &str, value: &str) -> Result<(), ValidationError> {
    let filter = Filter {
        key: key.into(),
        value: value.into(),
        condition: FilterConditionString::Is,
    };
    filter.validate()
}

fn status_filter(value: &str) -> Result<(), ValidationError> {
    filter("Status", value)
}

fn arn_filter(value: &str) -> Result<(), ValidationError> {
    filter("ForecastArn", value)
}

fn summary_predictor(value: &str) -> Result<(), ValidationError> {
    let summary = ForecastSummary {
        predictor_arn: Some(value.into()),
        ..Default::default()
    };
    summary.validate()
}

fn summary_dataset_group(value: &str) -> Result<(), ValidationError> {
    let summary = ForecastSummary {
        dataset_group_arn: Some(value.into()),
        ..Default::default()
    };
    summary.validate()
}

fn described_predictor(value: &str) -> Result<(), ValidationError> {
    let response = DescribePredictorResponse {
        predictor_arn: Some(value.into()),
        ..Default::default()
    };
    response.validate()
}

fn statistics_min(value: &str) -> Result<(), ValidationError> {
    let statistics = Statistics {
        min: Some(value.into()),
        max: Some(value.into()),
        ..Default::default()
    };
    statistics.validate()
}

fn supplementary_feature(value: &str) -> Result<(), ValidationError> {
    let feature = SupplementaryFeature {
        name: "holiday".into(),
        value: value.into(),
    };
    feature.validate()
}

fn condition_value(value: &str) -> Result<(), ValidationError> {
    let condition = TimeSeriesCondition {
        attribute_name: "price".into(),
        attribute_value: value.into(),
        condition: Condition::LessThan,
    };
    condition.validate()
}

fn tag_value(value: &str) -> Result<(), ValidationError> {
    let tag = Tag {
        key: "team".into(),
        value: value.into(),
    };
    tag.validate()
}

fn export_status(value: &str) -> Result<(), ValidationError> {
    let response = DescribeForecastExportJobResponse {
        status: Some(value.into()),
        ..Default::default()
    };
    response.validate()
}

/// Every member the corrections touch, and those whose values real requests carry.
const CASES: &[Case] = &[
    Case {
        path: "RoleArn",
        check: s3_role,
        documented: &[
            ROLE_ARN,
            "arn:aws:iam::123456789012:role/service-role/AmazonForecast-ExecutionRole",
            "arn:aws-cn:iam::123456789012:role/ForecastAccess",
        ],
        refused: &[
            "ForecastAccess",
            "arn:aws:iam::123456789012:user/alice",
            "arn:aws:iam::aws:role/ForecastAccess",
            "arn:aws:s3:::forecast-data",
            "arn:aws:forecast:us-west-2:123456789012:role/ForecastAccess",
        ],
    },
    Case {
        path: "RoleArn",
        check: encryption_role,
        documented: &[ROLE_ARN],
        refused: &["arn:aws:kms:us-west-2:123456789012:key/1234abcd"],
    },
    Case {
        path: "KMSKeyArn",
        check: kms_key,
        documented: &[KMS_KEY_ARN],
        refused: &["1234abcd-12ab-34cd-56ef-1234567890ab", ROLE_ARN],
    },
    Case {
        path: "Path",
        check: s3_path,
        documented: &["s3://bucket/prefix/", "s3://forecast-data/electricity.csv"],
        refused: &["https://forecast-data.s3.amazonaws.com/", "s3://"],
    },
    Case {
        path: "DatasetImportJobName",
        check: name,
        documented: &[
            "electricity_import",
            "a123456789_123456789_123456789_123456789_123456789_123456789_12",
        ],
        refused: &[
            "weekly-import",
            "1st_import",
            "a123456789_123456789_123456789_123456789_123456789_123456789_123",
        ],
    },
    Case {
        path: "DatasetArn",
        check: dataset_arn,
        documented: &[DATASET_ARN],
        refused: &[ROLE_ARN, "dataset/electricity"],
    },
    Case {
        path: "TimeZone",
        check: time_zone,
        documented: &[
            "America/Los_Angeles",
            "UTC",
            "Etc/GMT+5",
            "America/Argentina/Buenos_Aires",
        ],
        refused: &["Pacific Time", "UTC+05:00"],
    },
    Case {
        path: "TimestampFormat",
        check: timestamp_format,
        documented: &["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss"],
        refused: &["%Y-%m-%d"],
    },
    Case {
        path: "GeolocationFormat",
        check: geolocation_format,
        documented: &["LAT_LONG", "CC_POSTALCODE"],
        refused: &["LAT LONG"],
    },
    Case {
        path: "Format",
        check: format,
        documented: &["CSV", "PARQUET"],
        refused: &["JSON"],
    },
    Case {
        path: "ForecastFrequency",
        check: frequency,
        documented: &[
            "Y", "1Y", "M", "3M", "11M", "W", "2W", "4W", "D", "1D", "6D", "H", "23H", "1min",
            "5min", "10min", "15min", "30min", "2min", "59min",
        ],
        refused: &[
            "2Y", "12M", "5W", "7D", "24H", "60min", "0min", "1 D", "d", "MONTHLY", "XM",
        ],
    },
    Case {
        path: "Value",
        check: status_filter,
        documented: &["ACTIVE", "SUCCESS", "CREATE_IN_PROGRESS"],
        refused: &["", "not a status"],
    },
    Case {
        path: "Value",
        check: arn_filter,
        documented: &[
            "arn:aws:forecast:us-west-2:<acct-id>:forecast/electricityforecast",
            "arn:aws:forecast:us-west-2:<acct-id>:forecast/electricityWhatIf",
        ],
        refused: &["arn:aws:s3:::forecast-data"],
    },
    Case {
        path: "PredictorArn",
        check: summary_predictor,
        documented: &["arn:aws:forecast:us-west-2:123456789012:predictor/electricity_predictor"],
        refused: &["electricity predictor"],
    },
    Case {
        path: "DatasetGroupArn",
        check: summary_dataset_group,
        documented: &["arn:aws:forecast:us-west-2:123456789012:dataset-group/electricity"],
        refused: &["arn:aws:s3:::forecast-data"],
    },
    Case {
        path: "PredictorArn",
        check: described_predictor,
        documented: &["arn:aws:forecast:us-west-2:123456789012:predictor/electricity_predictor"],
        refused: &["electricity_predictor"],
    },
    Case {
        path: "Min",
        check: statistics_min,
        documented: &["0", "-0.5", "174.6", "1.0E-4", "2019-01-01 00:00:00"],
        refused: &["", "two\nlines"],
    },
    Case {
        path: "Value",
        check: supplementary_feature,
        documented: &["US", "UK", "true"],
        refused: &["United States"],
    },
    Case {
        path: "AttributeValue",
        check: condition_value,
        documented: &["5"],
        refused: &[""],
    },
    Case {
        path: "Value",
        check: tag_value,
        documented: &["energy-planning", "value"],
        refused: &["a;b"],
    },
];

#[test]
fn documented_values_pass() {
    let mut failures = Vec::new();
    for case in CASES {
        for value in case.documented {
            if let Err(error) = (case.check)(value) {
                failures.push(format!("{}: {value:?}: {error}", case.path));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn refused_values_still_fail_in_their_member() {
    let mut failures = Vec::new();
    for case in CASES {
        for value in case.refused {
            let paths: Vec<String> = match (case.check)(value) {
                Ok(()) => Vec::new(),
                Err(error) => error
                    .into_violations()
                    .into_iter()
                    .map(|v| v.path)
                    .collect(),
            };
            if !paths.iter().any(|path| path.ends_with(case.path)) {
                failures.push(format!("{}: {value:?} gave {paths:?}", case.path));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The states boto3's reference page lists for a forecast export job, each a `Status`
/// that `validate()` accepts.
#[test]
fn boto3_export_job_states_pass() {
    let page = std::fs::read_to_string(boto3_page()).expect("boto3's reference page");
    let states: Vec<&str> = page
        .split("``")
        .skip(1)
        .step_by(2)
        .filter(|word| {
            word.starts_with("CREATE_") || *word == "ACTIVE" || word.starts_with("DELETE_")
        })
        .collect();
    assert!(states.len() >= 9, "{states:?}");
    for state in states {
        assert_eq!(export_status(state), Ok(()), "{state}");
    }
}
