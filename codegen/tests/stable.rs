//! Stable output: a small model change rewrites only the files that hold what changed,
//! because every generated name comes from what declares it in the model, never from
//! its position among others.

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;

use codegen::{generate, Options};
use serde_json::{json, Value};

/// The options `cargo xtask codegen` writes forecast-types with.
fn forecast_options() -> Options {
    Options {
        model_name: "forecast-2018-06-26.json".to_owned(),
        crate_name: "forecast-types".to_owned(),
        operations: Vec::new(),
        standalone: false,
        regenerate_command: "cargo xtask codegen".to_owned(),
        example_operation: Some("DescribeForecastExportJob".to_owned()),
        aws_sdk_interop: true,
    }
}

fn files(model: &str) -> BTreeMap<PathBuf, String> {
    let files = generate(model, &forecast_options()).expect("the model generates");
    files.into_iter().map(|f| (f.path, f.contents)).collect()
}

/// The paths whose contents differ, or that only one side has.
fn changed(before: &BTreeMap<PathBuf, String>, after: &BTreeMap<PathBuf, String>) -> Vec<String> {
    let mut paths: Vec<&PathBuf> = before.keys().chain(after.keys()).collect();
    paths.sort();
    paths.dedup();
    paths
        .into_iter()
        .filter(|p| before.get(*p) != after.get(*p))
        .map(|p| p.display().to_string())
        .collect()
}

/// The Forecast model with a `@pattern` on one member of one shape.
fn with_member_pattern(shape: &str, member: &str, pattern: &str) -> String {
    let mut model: Value = serde_json::from_str(&common::forecast_model()).unwrap();
    let id = format!("com.amazonaws.forecast#{shape}");
    let traits = &mut model["shapes"][&id]["members"][member]["traits"];
    traits["smithy.api#pattern"] = json!(pattern);
    serde_json::to_string(&model).unwrap()
}

#[test]
fn a_pattern_on_one_member_changes_only_its_shape_and_the_patterns() {
    let before = files(&common::forecast_model());
    let model = with_member_pattern("DescribeForecastExportJobResponse", "Status", "^[A-Z_]+$");
    let after = files(&model);
    assert_eq!(
        changed(&before, &after),
        [
            // The new static, named after the member that declares the pattern.
            "src/patterns.rs",
            // The member's docs and its check.
            "src/types/describe_forecast_export_job_response.rs",
            // A boundary test for the new set of constraints on a string.
            "tests/constraints.rs",
        ]
    );
    let patterns = &after[&PathBuf::from("src/patterns.rs")];
    assert!(
        patterns.contains("static DESCRIBE_FORECAST_EXPORT_JOB_RESPONSE__STATUS:"),
        "{patterns}"
    );
}
