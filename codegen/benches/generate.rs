//! Benchmarks the whole generator run, model text to formatted files, on the Forecast
//! model: `cargo bench -p codegen --bench generate`.

use std::path::PathBuf;

use codegen::{generate, Options};

fn main() {
    divan::main();
}

fn forecast_model() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../model/forecast-2018-06-26.json");
    std::fs::read_to_string(path).expect("the Forecast model is checked in")
}

fn options(operations: &[&str]) -> Options {
    Options {
        model_name: "forecast-2018-06-26.json".to_owned(),
        crate_name: "forecast-types".to_owned(),
        operations: operations.iter().map(|s| s.to_string()).collect(),
        standalone: false,
        regenerate_command: "cargo xtask codegen".to_owned(),
    }
}

/// The whole service: what `cargo xtask codegen` does, without the writes.
#[divan::bench(sample_count = 20)]
fn forecast_whole_service(bencher: divan::Bencher) {
    let model = forecast_model();
    let options = options(&[]);
    bencher.bench(|| generate(divan::black_box(&model), &options).unwrap());
}

/// One operation's closure.
#[divan::bench(sample_count = 20)]
fn forecast_one_operation(bencher: divan::Bencher) {
    let model = forecast_model();
    let options = options(&["DescribeForecastExportJob"]);
    bencher.bench(|| generate(divan::black_box(&model), &options).unwrap());
}

/// Loading and validating only, the floor the rest builds on.
#[divan::bench(sample_count = 20)]
fn forecast_load_and_validate(bencher: divan::Bencher) {
    let model = forecast_model();
    bencher.bench(|| {
        let (model, problems) =
            codegen::load::load(divan::black_box(&model), "forecast.json").unwrap();
        codegen::validate::validate(&model, problems).unwrap();
        model
    });
}
