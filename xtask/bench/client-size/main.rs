//! Describes a forecast export job with forecast-types' client: `size-forecast-types ARN`.

use forecast_types::client::Client;
use forecast_types::{DescribeForecastExportJob, DescribeForecastExportJobRequest};

fn main() {
    let client = Client::from_env().expect("client");
    let arn = std::env::args().nth(1).unwrap_or_default();
    let request = DescribeForecastExportJobRequest {
        forecast_export_job_arn: arn,
    };
    match client.send(DescribeForecastExportJob, request) {
        Ok(job) => println!("{:?}", job.status),
        Err(error) => eprintln!("{error}"),
    }
}
