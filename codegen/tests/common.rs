//! Helpers shared by the integration tests: models written inline, and the fixtures.

#![allow(dead_code)]

use std::path::PathBuf;

use codegen::{Error, Options, Problem};

/// The `codegen/tests/fixtures` folder.
pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The checked-in Forecast model.
pub fn forecast_model() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../model/forecast-2018-06-26.json");
    std::fs::read_to_string(path).expect("the Forecast model is checked in")
}

/// Options for a test run.
pub fn options(operations: &[&str]) -> Options {
    Options {
        model_name: "test.json".to_owned(),
        crate_name: "test-types".to_owned(),
        operations: operations.iter().map(|s| s.to_string()).collect(),
        standalone: true,
        regenerate_command: "cargo test".to_owned(),
        example_operation: None,
        aws_sdk_interop: false,
    }
}

/// A small valid model with one service and one operation; `shapes` adds to it.
pub fn model_with(shapes: &str) -> String {
    format!(
        r#"{{
  "smithy": "2.0",
  "shapes": {{
    "ex#Svc": {{ "type": "service", "version": "1", "operations": [{{ "target": "ex#Op" }}] }},
    "ex#Op": {{ "type": "operation", "input": {{ "target": "ex#OpInput" }} }},
    "ex#OpInput": {{ "type": "structure", "members": {{ "a": {{ "target": "ex#Thing" }} }} }}{shapes}
  }}
}}"#
    )
}

/// The problems of a model error, or a panic with what came back instead.
pub fn problems(result: Result<Vec<codegen::GeneratedFile>, Error>) -> Vec<Problem> {
    match result {
        Err(Error::Model { problems, .. }) => problems,
        Err(other) => panic!("expected model problems, got {other}"),
        Ok(_) => panic!("expected model problems, got files"),
    }
}
