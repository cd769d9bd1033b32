//! Benchmarks the whole generator run, model text to formatted files, on the Forecast
//! model: `cargo bench -p codegen --bench generate`.

use std::path::PathBuf;

use codegen::{generate, Options};

/// The allocator `cargo xtask` uses, so the figures are those of the real command.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
        example_operation: Some("DescribeForecastExportJob".to_owned()),
        aws_sdk_interop: true,
    }
}

/// The whole service: what `cargo xtask codegen` does, without the writes, on every
/// core.
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

/// The stages after validation, one at a time and on one core: type space, code,
/// formatting.
mod stages {
    use super::*;

    fn space() -> codegen::typespace::TypeSpace {
        let text = forecast_model();
        let (model, _) = codegen::load::load(&text, "forecast.json").unwrap();
        let selection = codegen::select::select(&model, &[]).unwrap();
        codegen::typespace::build(&model, &selection).unwrap()
    }

    /// Selection and type space: names, types, boxes, derives.
    #[divan::bench(sample_count = 20)]
    fn type_space(bencher: divan::Bencher) {
        let text = forecast_model();
        let (model, _) = codegen::load::load(&text, "forecast.json").unwrap();
        bencher.bench(|| {
            let selection = codegen::select::select(&model, &[]).unwrap();
            codegen::typespace::build(&model, &selection).unwrap()
        });
    }

    /// The code of every file, text and token streams, docs converted to Markdown on the
    /// way.
    #[divan::bench(sample_count = 20)]
    fn emit_code(bencher: divan::Bencher) {
        let space = space();
        bencher.bench(|| {
            codegen::emit::emit(&space, "forecast-types", Some("DescribeForecastExportJob"))
        });
    }

    /// Every file's code to text: syn and prettyplease over its token streams.
    #[divan::bench(sample_count = 20)]
    fn format_files(bencher: divan::Bencher) {
        let space = space();
        bencher
            .with_inputs(|| {
                codegen::emit::emit(&space, "forecast-types", Some("DescribeForecastExportJob"))
            })
            .bench_values(|files| {
                files
                    .into_iter()
                    .map(|f| codegen::format::format(&f.path, f.code, "").unwrap())
                    .collect::<Vec<_>>()
            });
    }
}
