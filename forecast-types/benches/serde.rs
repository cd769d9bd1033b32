//! Reads and writes a realistic DescribeForecastExportJob response (about 600 bytes)
//! with forecast-types, and with a hand-written `#[derive(Serialize, Deserialize)]`
//! struct of the same fields, the limit here:
//! `cargo bench -p forecast-types --bench serde`.

use forecast_types::DescribeForecastExportJobResponse;

fn main() {
    divan::main();
}

const BODY: &str = r#"{"ForecastExportJobArn":"arn:aws:forecast:us-west-2:123456789012:forecast-export-job/electricity_forecast/electricity_export","ForecastExportJobName":"electricity_export","ForecastArn":"arn:aws:forecast:us-west-2:123456789012:forecast/electricity_forecast","Destination":{"S3Config":{"Path":"s3://my-forecast-bucket/exports/electricity/","RoleArn":"arn:aws:iam::123456789012:role/ForecastS3AccessRole","KMSKeyArn":"arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"}},"Message":"Export finished without errors.","Status":"ACTIVE","CreationTime":1700000000.123,"LastModificationTime":1700003600.5,"Format":"CSV"}"#;

/// The same response as a hand-written serde struct: what a user would write by hand.
mod derived {
    use serde::{Deserialize, Serialize};

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct Response {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub forecast_export_job_arn: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub forecast_export_job_name: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub forecast_arn: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub destination: Option<Destination>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub message: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub status: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub creation_time: Option<f64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub last_modification_time: Option<f64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub format: Option<String>,
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct Destination {
        pub s3_config: S3Config,
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct S3Config {
        pub path: String,
        pub role_arn: String,
        #[serde(rename = "KMSKeyArn", skip_serializing_if = "Option::is_none")]
        pub kms_key_arn: Option<String>,
    }
}

#[divan::bench_group(sample_count = 200, sample_size = 100)]
mod parse {
    use super::*;

    #[divan::bench]
    fn forecast_types() -> DescribeForecastExportJobResponse {
        serde_json::from_str(divan::black_box(BODY)).unwrap()
    }

    #[divan::bench]
    fn hand_written_derive() -> derived::Response {
        serde_json::from_str(divan::black_box(BODY)).unwrap()
    }
}

#[divan::bench_group(sample_count = 200, sample_size = 100)]
mod write {
    use super::*;

    #[divan::bench]
    fn forecast_types(bencher: divan::Bencher) {
        let value: DescribeForecastExportJobResponse = serde_json::from_str(BODY).unwrap();
        bencher.bench(|| serde_json::to_string(divan::black_box(&value)).unwrap());
    }

    #[divan::bench]
    fn hand_written_derive(bencher: divan::Bencher) {
        let value: derived::Response = serde_json::from_str(BODY).unwrap();
        bencher.bench(|| serde_json::to_string(divan::black_box(&value)).unwrap());
    }
}
