//! `sample_bodies`: the sample body of every type, as data, and exactly the bodies the
//! generated round-trip test reads back.

mod common;

use common::{fixtures, options};

#[test]
fn samples_are_the_bodies_of_the_generated_round_trip_test() {
    let model = std::fs::read_to_string(fixtures().join("everything.json")).unwrap();
    let samples = codegen::sample_bodies(&model, "everything.json").unwrap();
    let files = codegen::generate(&model, &options(&[])).unwrap();
    let roundtrip = files
        .iter()
        .find(|f| f.path.ends_with("tests/roundtrip.rs"))
        .expect("a JSON crate has a round-trip test");
    // Compared without whitespace, whatever the layout of the calls.
    let compact = |text: &str| text.split_whitespace().collect::<String>();
    let text = compact(&roundtrip.contents);
    assert_eq!(text.matches("check::<").count(), samples.len());
    for (name, body) in &samples {
        let literal = compact(&proc_macro2::Literal::string(body).to_string());
        let call = |comma| format!("check::<test_types::{name}{comma}>({literal}");
        let found = text.contains(&call("")) || text.contains(&call(","));
        assert!(found, "{name}: {literal} is not checked");
        serde_json::from_str::<serde_json::Value>(body).unwrap();
    }
}

#[test]
fn a_bad_model_gives_an_error_naming_the_file() {
    let error = codegen::sample_bodies("{", "bad.json").unwrap_err();
    assert!(error.to_string().contains("bad.json"), "{error}");
}
