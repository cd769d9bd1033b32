//! The operation list of this crate is the model's: every operation of the
//! Forecast service is exercised by the tests that visit them all.

use conformance::operations::NAMES;
use std::collections::BTreeSet;

/// The Smithy model, from this crate.
const MODEL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../model/forecast-2018-06-26.json"
);

/// The names of the service's operations, as the model lists them.
fn model_operations() -> BTreeSet<String> {
    let model: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(MODEL).unwrap()).unwrap();
    let shapes = model["shapes"].as_object().unwrap();
    let service = shapes
        .values()
        .find(|shape| shape["type"] == "service")
        .unwrap();
    let targets = service["operations"].as_array().unwrap();
    let name = |target: &serde_json::Value| {
        target["target"]
            .as_str()
            .unwrap()
            .rsplit('#')
            .next()
            .unwrap()
            .to_owned()
    };
    targets.iter().map(name).collect()
}

#[test]
fn every_model_operation_is_listed() {
    let listed: BTreeSet<String> = NAMES.iter().map(|name| (*name).to_owned()).collect();
    assert_eq!(listed.len(), NAMES.len(), "no operation is listed twice");
    assert_eq!(listed, model_operations());
    assert_eq!(NAMES.len(), 63);
}
