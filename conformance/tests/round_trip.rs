//! `forecast-types`' own round trip, value → JSON → value, for every type
//! this crate generates values of (the generated `roundtrip.rs` in
//! `forecast-types` covers one sample body per type).

use conformance::strategies;
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt::Debug;

/// Asserts that `value` reads back from the JSON it writes, and that the JSON
/// reads back to the same JSON.
fn round_trip<T>(value: &T) -> Result<(), TestCaseError>
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let json = serde_json::to_string(value).unwrap();
    let again: T = serde_json::from_str(&json).unwrap();
    prop_assert_eq!(&again, value, "{}", json);
    prop_assert_eq!(serde_json::to_string(&again).unwrap(), json);
    Ok(())
}

/// Proptest's settings: no failure files.
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn describe_forecast_export_job_response(v in strategies::describe_forecast_export_job_response()) {
        round_trip(&v)?;
    }

    #[test]
    fn list_forecasts_response(v in strategies::list_forecasts_response()) {
        round_trip(&v)?;
    }

    #[test]
    fn list_datasets_response(v in strategies::list_datasets_response()) {
        round_trip(&v)?;
    }

    #[test]
    fn describe_dataset_response(v in strategies::describe_dataset_response()) {
        round_trip(&v)?;
    }

    #[test]
    fn describe_dataset_import_job_response(v in strategies::describe_dataset_import_job_response()) {
        round_trip(&v)?;
    }

    #[test]
    fn create_forecast_export_job_request(v in strategies::create_forecast_export_job_request()) {
        round_trip(&v)?;
    }

    #[test]
    fn list_forecasts_request(v in strategies::list_forecasts_request()) {
        round_trip(&v)?;
    }

    #[test]
    fn list_dataset_import_jobs_request(v in strategies::list_dataset_import_jobs_request()) {
        round_trip(&v)?;
    }

    #[test]
    fn microsecond_timestamps(t in strategies::timestamp_micros()) {
        round_trip(&forecast_types::ForecastSummary { creation_time: Some(t), ..Default::default() })?;
    }

    /// Any finite float, not just short decimals: the wire's `Float` codec
    /// must give back the same `f64`.
    #[test]
    fn any_float(x in proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL | proptest::num::f64::ZERO) {
        round_trip(&forecast_types::Statistics { avg: Some(x), ..Default::default() })?;
    }
}

/// The float the generated strategy above found: written as its shortest
/// text, read back one unit in the last place off.
#[test]
fn hard_float() {
    let x: f64 = "1.0496394520608149e-191".parse().unwrap();
    let value = forecast_types::Statistics {
        avg: Some(x),
        ..Default::default()
    };
    let json = serde_json::to_string(&value).unwrap();
    let again: forecast_types::Statistics = serde_json::from_str(&json).unwrap();
    assert_eq!(again, value, "{json}");
}
