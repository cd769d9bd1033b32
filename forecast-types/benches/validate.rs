//! `validate()` on a realistic CreateForecastExportJob request: valid (the common case,
//! every pattern matched) and with three violations (paths and messages built):
//! `cargo bench -p forecast-types --bench validate`.

use forecast_types::{CreateForecastExportJobRequest, DataDestination, S3Config, Tag};

fn main() {
    divan::main();
}

fn request() -> CreateForecastExportJobRequest {
    CreateForecastExportJobRequest {
        forecast_export_job_name: "electricity_export".to_owned(),
        forecast_arn: "arn:aws:forecast:us-west-2:123456789012:forecast/electricity_forecast"
            .to_owned(),
        destination: DataDestination {
            s3_config: S3Config {
                path: "s3://my-forecast-bucket/exports/electricity/".to_owned(),
                role_arn: "arn:aws:iam::123456789012:role/ForecastS3AccessRole".to_owned(),
                kms_key_arn: Some(
                    "arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
                        .to_owned(),
                ),
            },
        },
        tags: Some(vec![
            Tag {
                key: "team".to_owned(),
                value: "energy-planning".to_owned(),
            },
            Tag {
                key: "cost-center".to_owned(),
                value: "4711".to_owned(),
            },
        ]),
        format: Some("CSV".to_owned()),
    }
}

#[divan::bench]
fn valid(bencher: divan::Bencher) {
    let request = request();
    assert!(request.validate().is_ok());
    bencher.bench(|| divan::black_box(&request).validate());
}

#[divan::bench]
fn three_violations(bencher: divan::Bencher) {
    let mut request = request();
    request.forecast_export_job_name = "electricity-export".to_owned();
    request.destination.s3_config.path = "https://bucket/".to_owned();
    request.format = Some("JSON".to_owned());
    assert_eq!(request.validate().unwrap_err().violations().len(), 3);
    bencher.bench(|| divan::black_box(&request).validate());
}
