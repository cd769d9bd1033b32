//! How users meet the generated types: optionality from the model, enums that keep
//! unknown values, error enums, redacted sensitive values and timestamps.

use forecast_types::primitives::Operation;
use forecast_types::{
    DataDestination, DescribeForecastExportJob, DescribeForecastExportJobError,
    DescribeForecastExportJobRequest, DescribeForecastExportJobResponse, InvalidInputException,
    S3Config, State, Tag, Timestamp, UnhandledError,
};

const JOB_ARN: &str = "arn:aws:forecast:us-west-2:123456789012:forecast-export-job/f/e";

#[test]
fn required_members_are_plain_values_and_the_rest_are_options() {
    let request = DescribeForecastExportJobRequest {
        forecast_export_job_arn: JOB_ARN.to_owned(),
    };
    assert_eq!(request.forecast_export_job_arn, JOB_ARN);
    let response = DescribeForecastExportJobResponse {
        destination: Some(DataDestination {
            s3_config: S3Config {
                path: "s3://bucket/exports/".to_owned(),
                role_arn: "arn:aws:iam::123456789012:role/Forecast".to_owned(),
                kms_key_arn: None,
            },
        }),
        status: Some("ACTIVE".to_owned()),
        creation_time: Some(Timestamp::from_secs(946_845_296)),
        ..Default::default()
    };
    let destination = response.destination.as_ref().unwrap();
    assert_eq!(destination.s3_config.path, "s3://bucket/exports/");
    assert_eq!(response.forecast_export_job_arn, None);
    assert_eq!(
        response.creation_time.unwrap().to_string(),
        "2000-01-02T20:34:56Z"
    );
}

#[test]
fn enums_keep_values_the_model_does_not_list() {
    assert_eq!(State::from("Active"), State::Active);
    assert_eq!(State::Active.as_str(), "Active");
    let new = State::from("Paused");
    assert!(matches!(new, State::Unknown(_)));
    assert_eq!(new.as_str(), "Paused");
    assert_eq!(new.to_string(), "Paused");
    assert_eq!(State::VALUES, ["Active", "Deleted"]);
    assert_eq!("Deleted".parse::<State>(), Ok(State::Deleted));
}

#[test]
fn operation_errors_wrap_modeled_and_unmodeled_errors() {
    let modeled: DescribeForecastExportJobError = InvalidInputException {
        message: Some("bad ARN".to_owned()),
    }
    .into();
    assert_eq!(modeled.to_string(), "InvalidInputException: bad ARN");
    let unmodeled = DescribeForecastExportJobError::Unhandled(UnhandledError {
        code: "ThrottlingException".to_owned(),
        message: None,
    });
    assert_eq!(unmodeled.to_string(), "ThrottlingException");
    let source = std::error::Error::source(&modeled).unwrap();
    assert_eq!(source.to_string(), "InvalidInputException: bad ARN");
}

#[test]
fn operations_carry_what_a_client_needs() {
    assert_eq!(DescribeForecastExportJob::NAME, "DescribeForecastExportJob");
    assert_eq!(
        DescribeForecastExportJob::TARGET,
        Some("AmazonForecast.DescribeForecastExportJob")
    );
    assert_eq!(
        DescribeForecastExportJob::CONTENT_TYPE,
        "application/x-amz-json-1.1"
    );
    let idempotent = [
        DescribeForecastExportJob::IDEMPOTENT,
        forecast_types::CreateForecastExportJob::IDEMPOTENT,
    ];
    assert_eq!(idempotent, [true, false]);
    assert_eq!(DescribeForecastExportJob::PAGINATION, None);
    let list = forecast_types::ListForecastExportJobs::PAGINATION.unwrap();
    assert_eq!(list.input_token, "NextToken");
    assert_eq!(list.output_token, "NextToken");
    assert_eq!(list.page_size, Some("MaxResults"));
    assert_eq!(list.items, Some("ForecastExportJobs"));
}

#[test]
fn sensitive_values_never_reach_debug_output() {
    let tag = Tag {
        key: "team".to_owned(),
        value: "secret-project".to_owned(),
    };
    let debug = format!("{tag:?}");
    assert!(!debug.contains("secret-project"), "{debug}");
    assert!(!debug.contains("team"), "{debug}");
    assert!(debug.contains("Redacted"), "{debug}");
}

/// With `arbitrary`, an operation's error enum draws each modeled error and unhandled
/// errors whose codes are none of the modeled ones.
#[cfg(feature = "arbitrary")]
#[test]
fn error_enums_are_arbitrary() {
    use arbitrary::{Arbitrary, Unstructured};

    let modeled = ["InvalidInputException", "ResourceNotFoundException"];
    let (mut invalid, mut not_found, mut unhandled) = (0, 0, 0);
    for seed in 0u8..=255 {
        let bytes: Vec<u8> = (0..64u8).map(|i| i.wrapping_mul(31) ^ seed).collect();
        let error = DescribeForecastExportJobError::arbitrary(&mut Unstructured::new(&bytes));
        match error.unwrap() {
            DescribeForecastExportJobError::InvalidInputException(_) => invalid += 1,
            DescribeForecastExportJobError::ResourceNotFoundException(_) => not_found += 1,
            DescribeForecastExportJobError::Unhandled(error) => {
                assert!(!modeled.contains(&error.code.as_str()), "{}", error.code);
                unhandled += 1;
            }
            other => panic!("not a variant of the model: {other:?}"),
        }
    }
    assert!(invalid > 0 && not_found > 0 && unhandled > 0);
}
