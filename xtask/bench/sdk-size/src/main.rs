//! Describes a forecast export job with aws-sdk-forecast: `size-aws-sdk-forecast ARN`.

#[tokio::main]
async fn main() {
    let config = aws_config::load_from_env().await;
    let client = aws_sdk_forecast::Client::new(&config);
    let arn = std::env::args().nth(1).unwrap_or_default();
    let request = client
        .describe_forecast_export_job()
        .forecast_export_job_arn(arn);
    match request.send().await {
        Ok(job) => println!("{:?}", job.status),
        Err(error) => eprintln!("{error}"),
    }
}
