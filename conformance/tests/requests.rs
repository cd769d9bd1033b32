//! Requests: for the same input, the SDK's client sends the JSON body that
//! `forecast-types` writes, with `X-Amz-Target` and `Content-Type` as the
//! operation's constants say.
#![allow(deprecated)]

use conformance::harness::{block_on, Reply, Sent};
use conformance::operations::{self, exchange, SdkOperation, Visit};
use conformance::{samples, strategies};
use forecast_types::*;
use proptest::prelude::*;

/// What `forecast-types` would send for `input`: the operation's headers and
/// the body it writes.
fn ours<Op: SdkOperation>(input: &Op::Input) -> Sent {
    Sent {
        target: Op::TARGET.map(str::to_owned),
        content_type: Some(Op::CONTENT_TYPE.to_owned()),
        body: serde_json::to_value(input).unwrap(),
    }
}

/// What the SDK's client sends for `input`.
async fn sdk<Op: SdkOperation>(input: &Op::Input) -> Sent {
    exchange::<Op>(Some(input.clone()), &Reply::ok("{}"))
        .await
        .sent
}

/// Asserts that both sides send the same request for `input`.
async fn agree<Op: SdkOperation>(input: &Op::Input) {
    assert_eq!(
        sdk::<Op>(input).await,
        ours::<Op>(input),
        "{}: {input:?}",
        Op::NAME
    );
}

fn s3() -> S3Config {
    S3Config {
        path: "s3://bucket/export/".to_owned(),
        role_arn: "arn:aws:iam::123456789012:role/forecast".to_owned(),
        kms_key_arn: Some("arn:aws:kms:us-east-1:123456789012:key/k".to_owned()),
    }
}

fn tag(key: &str, value: &str) -> Tag {
    Tag {
        key: key.to_owned(),
        value: value.to_owned(),
    }
}

fn filter(key: &str, value: &str, condition: FilterConditionString) -> Filter {
    Filter {
        key: key.to_owned(),
        value: value.to_owned(),
        condition,
    }
}

#[tokio::test]
async fn describe_forecast_export_job() {
    let input = DescribeForecastExportJobRequest {
        forecast_export_job_arn: "arn:aws:forecast:us-east-1:123456789012:forecast-export-job/f/e"
            .to_owned(),
    };
    agree::<DescribeForecastExportJob>(&input).await;
}

#[tokio::test]
async fn create_forecast_export_job() {
    let input = CreateForecastExportJobRequest {
        forecast_export_job_name: "export \"quoted\" \u{e9}".to_owned(),
        forecast_arn: "arn:aws:forecast:us-east-1:123456789012:forecast/f".to_owned(),
        destination: DataDestination { s3_config: s3() },
        tags: Some(vec![tag("team", "ml"), tag("env", "prod")]),
        format: Some("PARQUET".to_owned()),
    };
    agree::<CreateForecastExportJob>(&input).await;
}

#[tokio::test]
async fn list_forecasts_with_filters() {
    let input = ListForecastsRequest {
        next_token: Some("token".to_owned()),
        max_results: Some(50),
        filters: Some(vec![
            filter("Status", "ACTIVE", FilterConditionString::Is),
            filter("DatasetGroupArn", "arn:x", FilterConditionString::IsNot),
            filter("Status", "x", FilterConditionString::from("CONTAINS")),
        ]),
    };
    agree::<ListForecasts>(&input).await;
}

#[tokio::test]
async fn list_dataset_import_jobs_with_filters() {
    let input = ListDatasetImportJobsRequest {
        next_token: None,
        max_results: Some(1),
        filters: Some(vec![filter(
            "DatasetArn",
            "arn:y",
            FilterConditionString::Is,
        )]),
    };
    agree::<ListDatasetImportJobs>(&input).await;
}

#[tokio::test]
async fn empty_list_of_filters_is_sent() {
    let input = ListForecastsRequest {
        next_token: None,
        max_results: None,
        filters: Some(Vec::new()),
    };
    agree::<ListForecasts>(&input).await;
}

/// The outcome for each operation.
struct SampleInputs(Vec<Result<(), String>>);

impl Visit for SampleInputs {
    fn visit<Op: SdkOperation>(&mut self) {
        let body =
            samples::of::<Op::Input>().unwrap_or_else(|| panic!("{}: no sample input", Op::NAME));
        let input: Op::Input = serde_json::from_str(body).unwrap();
        let (sdk, ours) = (block_on(sdk::<Op>(&input)), ours::<Op>(&input));
        let outcome = if sdk == ours {
            Ok(())
        } else {
            Err(format!("{}\n  sdk:  {sdk:?}\n  ours: {ours:?}", Op::NAME))
        };
        self.0.push(outcome);
    }
}

#[test]
fn every_operation_sends_its_sample_input() {
    let mut visit = SampleInputs(Vec::new());
    operations::for_each(&mut visit);
    assert_eq!(visit.0.len(), operations::NAMES.len());
    let failures: Vec<_> = visit.0.into_iter().filter_map(Result::err).collect();
    assert!(
        failures.is_empty(),
        "{} disagreements:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Proptest's settings: few cases (each builds a client) and no files.
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn create_forecast_export_job_generated(input in strategies::create_forecast_export_job_request()) {
        let sdk = block_on(sdk::<CreateForecastExportJob>(&input));
        prop_assert_eq!(sdk, ours::<CreateForecastExportJob>(&input));
    }

    #[test]
    fn list_forecasts_generated(input in strategies::list_forecasts_request()) {
        let sdk = block_on(sdk::<ListForecasts>(&input));
        prop_assert_eq!(sdk, ours::<ListForecasts>(&input));
    }

    #[test]
    fn list_dataset_import_jobs_generated(input in strategies::list_dataset_import_jobs_request()) {
        let sdk = block_on(sdk::<ListDatasetImportJobs>(&input));
        prop_assert_eq!(sdk, ours::<ListDatasetImportJobs>(&input));
    }
}
