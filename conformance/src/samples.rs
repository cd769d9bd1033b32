//! Sample JSON bodies for every generated type, from the generator itself:
//! [`codegen::sample_bodies`] gives, for the model that `forecast-types` is
//! generated from, the same bodies that the generated
//! `forecast-types/tests/roundtrip.rs` reads and writes back.

use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The model's file name, as errors name it.
const MODEL_NAME: &str = "forecast-2018-06-26.json";

/// The model `forecast-types` is generated from.
const MODEL: &str = include_str!("../../model/forecast-2018-06-26.json");

/// Every sample body, by the type's name (`DescribeForecastExportJobResponse`).
pub fn all() -> &'static BTreeMap<String, String> {
    static SAMPLES: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    SAMPLES
        .get_or_init(|| codegen::sample_bodies(MODEL, MODEL_NAME).unwrap_or_else(|e| panic!("{e}")))
}

/// The sample body of type `T`, if the generator gives one.
pub fn of<T>() -> Option<&'static str> {
    all().get(type_name::<T>()).map(String::as_str)
}

/// The last path segment of `T`'s name: `forecast_types::a::B` gives `B`.
pub fn type_name<T>() -> &'static str {
    let full = std::any::type_name::<T>();
    full.rsplit("::").next().unwrap_or(full)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_member_of_a_sample_is_filled() {
        let body = of::<forecast_types::S3Config>().unwrap();
        let expected = r#"{"Path":"string","RoleArn":"string","KMSKeyArn":"string"}"#;
        assert_eq!(body, expected);
        let response = of::<forecast_types::DescribeForecastExportJobResponse>().unwrap();
        assert!(response.contains(&format!(r#""Destination":{{"S3Config":{expected}}}"#)));
    }

    #[test]
    fn every_sample_reads_as_its_type() {
        assert!(all().len() > 150, "{} samples", all().len());
        let body = of::<forecast_types::DescribeForecastExportJobResponse>().unwrap();
        let value: forecast_types::DescribeForecastExportJobResponse =
            serde_json::from_str(body).unwrap();
        assert_eq!(serde_json::to_string(&value).unwrap(), body);
    }
}
