//! Every Forecast operation as one type the tests can call generically.
//!
//! [`SdkOperation`] extends `forecast-types`' [`Operation`] with a call through
//! the SDK's client whose result comes back as `forecast-types` values, and
//! with `forecast-types`' own readings of a response body and an error
//! response. The `operations!` macro implements it with one line per
//! operation (the SDK's fluent method differs by name only), and
//! [`for_each`] visits all of them.

use crate::harness::{self, Reply, Sent};
use aws_sdk_forecast::Client;
use forecast_types::primitives::Operation;
use forecast_types::ConversionError;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt::Debug;
use std::future::Future;
use std::pin::Pin;

/// The future an SDK call returns.
pub type Call<O, E> = Pin<Box<dyn Future<Output = Result<O, Failure<E>>>>>;

/// Why an SDK call gave no `forecast-types` output.
#[derive(Debug, PartialEq)]
pub enum Failure<E> {
    /// The service's error, converted.
    Service(E),
    /// A value that did not convert: the SDK's output or error lacks a member
    /// that `forecast-types` requires, or the SDK's builder refused the input.
    Conversion(ConversionError),
}

/// The SDK's output or service error as `forecast-types` values; `output`
/// converts the output.
fn converted<O, E, SdkOutput, SdkError>(
    result: Result<SdkOutput, SdkError>,
    output: impl FnOnce(SdkOutput) -> Result<O, ConversionError>,
) -> Result<O, Failure<E>>
where
    E: TryFrom<SdkError>,
    ConversionError: From<E::Error>,
{
    match result {
        Ok(sdk) => output(sdk).map_err(Failure::Conversion),
        Err(sdk) => Err(harness::convert(sdk).map_or_else(Failure::Conversion, Failure::Service)),
    }
}

/// An operation that the SDK's client can call, with both sides' readings.
pub trait SdkOperation:
    Operation<
    Input: Serialize + DeserializeOwned + Clone + PartialEq + Debug,
    Output: Serialize + DeserializeOwned + Default + PartialEq + Debug,
    Error: PartialEq + Debug,
>
{
    /// Calls the operation through `client` and converts its output or service
    /// error into `forecast-types`. With an input, the SDK's input is that
    /// value converted; without, it is the empty input the fluent builder
    /// makes. A value that does not convert is a [`Failure::Conversion`].
    fn call(client: &Client, input: Option<Self::Input>) -> Call<Self::Output, Self::Error>;

    /// `forecast-types`' reading of a successful response body.
    fn read_output(body: &[u8]) -> serde_json::Result<Self::Output>;

    /// `forecast-types`' reading of an error response
    /// (`<Op>Error::from_response`).
    fn read_error(error_type: Option<&str>, body: &[u8]) -> serde_json::Result<Self::Error>;
}

/// What one exchange with the SDK gave: its result and the request it sent.
#[derive(Debug)]
pub struct Exchange<Op: SdkOperation> {
    /// The SDK's output or service error, as `forecast-types` values.
    pub result: Result<Op::Output, Failure<Op::Error>>,
    /// The request the SDK sent.
    pub sent: Sent,
}

/// Calls `Op` through the SDK with `input`, answered by `reply`.
pub async fn exchange<Op: SdkOperation>(input: Option<Op::Input>, reply: &Reply) -> Exchange<Op> {
    let replay = harness::replay(reply);
    let result = Op::call(&harness::client(replay.clone()), input).await;
    Exchange {
        result,
        sent: harness::sent(&replay),
    }
}

/// A generic action over operations, for [`for_each`].
pub trait Visit {
    /// Called once per operation.
    fn visit<Op: SdkOperation>(&mut self);
}

/// Converts a unit output: the SDK's is an empty structure.
fn unit_output<T>(_output: T) -> Result<forecast_types::Unit, ConversionError> {
    Ok(forecast_types::Unit)
}

/// Implements [`SdkOperation`] for each listed operation (`: unit` marks a
/// `Unit` output, which the SDK models as an empty structure), lists their
/// names in [`NAMES`], and visits them in [`for_each`].
macro_rules! operations {
    ($($op:ident $method:ident $(: $unit:ident)?,)*) => {
        $(operations!(@impl $($unit)? $op $method);)*

        /// The name of every operation implemented here.
        pub const NAMES: &[&str] = &[$(stringify!($op)),*];

        /// Calls `visitor` once per operation.
        pub fn for_each(visitor: &mut impl Visit) {
            $(visitor.visit::<forecast_types::$op>();)*
        }
    };
    (@impl unit $op:ident $method:ident) => {
        operations!(@impl $op $method, unit_output);
    };
    (@impl $op:ident $method:ident) => {
        operations!(@impl $op $method, harness::convert);
    };
    (@impl $op:ident $method:ident, $output:expr) => {
        impl SdkOperation for forecast_types::$op {
            fn call(client: &Client, input: Option<Self::Input>) -> Call<Self::Output, Self::Error> {
                let fluent = client.$method();
                let build = || fluent.as_input().clone().build();
                let input = input.map(|input| harness::sdk_input(build, input)).transpose();
                let replace = match input {
                    Ok(input) => input.map(harness::ReplaceInput::new),
                    Err(e) => return Box::pin(::std::future::ready(Err(Failure::Conversion(e)))),
                };
                Box::pin(async move {
                    let mut call = fluent.customize();
                    if let Some(replace) = replace {
                        call = call.interceptor(replace);
                    }
                    converted(harness::service_result(call.send().await), $output)
                })
            }

            fn read_output(body: &[u8]) -> serde_json::Result<Self::Output> {
                <Self as forecast_types::JsonBody>::read_output(body)
            }

            fn read_error(
                error_type: Option<&str>,
                body: &[u8],
            ) -> serde_json::Result<Self::Error> {
                <Self as Operation>::Error::from_response(error_type, body)
            }
        }
    };
}

operations! {
    CreateAutoPredictor create_auto_predictor,
    CreateDataset create_dataset,
    CreateDatasetGroup create_dataset_group,
    CreateDatasetImportJob create_dataset_import_job,
    CreateExplainability create_explainability,
    CreateExplainabilityExport create_explainability_export,
    CreateForecast create_forecast,
    CreateForecastExportJob create_forecast_export_job,
    CreateMonitor create_monitor,
    CreatePredictor create_predictor,
    CreatePredictorBacktestExportJob create_predictor_backtest_export_job,
    CreateWhatIfAnalysis create_what_if_analysis,
    CreateWhatIfForecast create_what_if_forecast,
    CreateWhatIfForecastExport create_what_if_forecast_export,
    DeleteDataset delete_dataset: unit,
    DeleteDatasetGroup delete_dataset_group: unit,
    DeleteDatasetImportJob delete_dataset_import_job: unit,
    DeleteExplainability delete_explainability: unit,
    DeleteExplainabilityExport delete_explainability_export: unit,
    DeleteForecast delete_forecast: unit,
    DeleteForecastExportJob delete_forecast_export_job: unit,
    DeleteMonitor delete_monitor: unit,
    DeletePredictor delete_predictor: unit,
    DeletePredictorBacktestExportJob delete_predictor_backtest_export_job: unit,
    DeleteResourceTree delete_resource_tree: unit,
    DeleteWhatIfAnalysis delete_what_if_analysis: unit,
    DeleteWhatIfForecast delete_what_if_forecast: unit,
    DeleteWhatIfForecastExport delete_what_if_forecast_export: unit,
    DescribeAutoPredictor describe_auto_predictor,
    DescribeDataset describe_dataset,
    DescribeDatasetGroup describe_dataset_group,
    DescribeDatasetImportJob describe_dataset_import_job,
    DescribeExplainability describe_explainability,
    DescribeExplainabilityExport describe_explainability_export,
    DescribeForecast describe_forecast,
    DescribeForecastExportJob describe_forecast_export_job,
    DescribeMonitor describe_monitor,
    DescribePredictor describe_predictor,
    DescribePredictorBacktestExportJob describe_predictor_backtest_export_job,
    DescribeWhatIfAnalysis describe_what_if_analysis,
    DescribeWhatIfForecast describe_what_if_forecast,
    DescribeWhatIfForecastExport describe_what_if_forecast_export,
    GetAccuracyMetrics get_accuracy_metrics,
    ListDatasetGroups list_dataset_groups,
    ListDatasetImportJobs list_dataset_import_jobs,
    ListDatasets list_datasets,
    ListExplainabilities list_explainabilities,
    ListExplainabilityExports list_explainability_exports,
    ListForecastExportJobs list_forecast_export_jobs,
    ListForecasts list_forecasts,
    ListMonitorEvaluations list_monitor_evaluations,
    ListMonitors list_monitors,
    ListPredictorBacktestExportJobs list_predictor_backtest_export_jobs,
    ListPredictors list_predictors,
    ListTagsForResource list_tags_for_resource,
    ListWhatIfAnalyses list_what_if_analyses,
    ListWhatIfForecastExports list_what_if_forecast_exports,
    ListWhatIfForecasts list_what_if_forecasts,
    ResumeResource resume_resource: unit,
    StopResource stop_resource: unit,
    TagResource tag_resource,
    UntagResource untag_resource,
    UpdateDatasetGroup update_dataset_group,
}
