//! Model corrections: a second file's `apply` statements change the model of record,
//! each carrying its reason and source; a correction of something that does not exist,
//! or a malformed corrections file, is an error naming that file.

mod common;

use std::path::PathBuf;

use codegen::load::{corrections, load_all, Model};
use codegen::{Error, Source};
use serde_json::Value;

fn forecast_corrections() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../model/corrections.json");
    std::fs::read_to_string(path).expect("the corrections are checked in")
}

/// The model of `common::model_with(shapes)` with `fixes` merged from `fixes.json`.
fn load_with(shapes: &str, fixes: &str) -> Result<Model, Error> {
    let model = common::model_with(shapes);
    let sources = [
        Source {
            name: "model.json",
            text: &model,
        },
        Source {
            name: "fixes.json",
            text: fixes,
        },
    ];
    let (model, problems) = load_all(&sources)?;
    assert!(problems.is_empty(), "{problems:?}");
    Ok(model)
}

const THING: &str = r#",
    "ex#Thing": { "type": "structure", "members": { "b": { "target": "ex#Id" } } },
    "ex#Id": { "type": "string", "traits": { "smithy.api#pattern": "^[a-z]+$" } }"#;

/// A corrections file with one statement.
fn fixes(target: &str, traits: &str) -> String {
    format!(
        r#"{{ "smithy": "2.0", "shapes": {{ "{target}": {{ "type": "apply", "traits": {traits} }} }} }}"#
    )
}

const CORRECTED: &str = r#"{ "smithy.api#pattern": "^[a-z:]+$",
    "codegen.corrections#correction": { "reason": "colons", "source": "the docs" } }"#;

#[test]
fn a_correction_overrides_the_target_trait_and_is_recorded() {
    let model = load_with(THING, &fixes("ex#Thing$b", CORRECTED)).unwrap();
    let thing = model.get("ex#Thing").unwrap();
    let member = thing.kind.members()[0].1;
    assert_eq!(member.traits.pattern.as_deref(), Some("^[a-z:]+$"));
    let id = model.get("ex#Id").unwrap();
    assert_eq!(id.traits.pattern.as_deref(), Some("^[a-z]+$"));
    let correction = &model.corrections["ex#Thing$b"];
    assert_eq!(correction.file, "fixes.json");
    assert_eq!(correction.reason, "colons");
    assert_eq!(correction.source, "the docs");
    assert_eq!(correction.traits, ["smithy.api#pattern"]);
}

/// Asserts that loading fails with problems in `fixes.json`, each containing one of
/// `expected`, and returns the error's text.
fn fixes_fail(shapes: &str, fixes: &str, expected: &[&str]) -> String {
    let error = load_with(shapes, fixes).unwrap_err();
    let text = error.to_string();
    let Error::Model { file, problems } = error else {
        panic!("{text}");
    };
    assert_eq!(file, "fixes.json", "{text}");
    assert_eq!(problems.len(), expected.len(), "{text}");
    for (problem, fragment) in problems.iter().zip(expected) {
        assert!(problem.to_string().contains(fragment), "{text}");
    }
    text
}

#[test]
fn a_correction_of_a_missing_member_or_shape_names_file_and_target() {
    let text = fixes_fail(
        THING,
        &fixes("ex#Thing$nope", CORRECTED),
        &["does not exist"],
    );
    assert!(text.starts_with("fixes.json: 1 problem"), "{text}");
    assert!(text.contains("shape `ex#Thing$nope`"), "{text}");
    fixes_fail(THING, &fixes("ex#Nope", CORRECTED), &["shape `ex#Nope`"]);
}

#[test]
fn malformed_corrections_are_errors_of_their_file() {
    let missing_source = r#"{ "smithy.api#pattern": "^a$",
        "codegen.corrections#correction": { "reason": "r" } }"#;
    fixes_fail(
        THING,
        &fixes("ex#Thing$b", missing_source),
        &["missing field `source`"],
    );
    let nothing = r#"{ "codegen.corrections#correction": { "reason": "r", "source": "s" } }"#;
    fixes_fail(THING, &fixes("ex#Thing$b", nothing), &["corrects no trait"]);
    let bad_pattern = r#"{ "smithy.api#pattern": 5 }"#;
    fixes_fail(
        THING,
        &fixes("ex#Thing$b", bad_pattern),
        &["smithy.api#pattern"],
    );
    let twice = r#"{ "smithy": "2.0", "shapes": {
        "ex#Id": { "type": "string" } } }"#;
    fixes_fail(THING, twice, &["defined differently in `model.json`"]);
}

#[test]
fn metadata_lists_join_and_other_metadata_must_agree() {
    let file = |metadata: &str| format!(r#"{{ "metadata": {metadata}, "shapes": {{}} }}"#);
    let first = file(r#"{ "suppressions": [1], "x": 1 }"#);
    let load = |second: &str| {
        let sources = [
            Source {
                name: "a.json",
                text: &first,
            },
            Source {
                name: "b.json",
                text: second,
            },
        ];
        load_all(&sources).map(|(model, _)| model.metadata)
    };
    let joined = load(&file(r#"{ "suppressions": [2], "x": 1 }"#)).unwrap();
    assert_eq!(joined["suppressions"], serde_json::json!([1, 2]));
    let error = load(&file(r#"{ "x": 2 }"#)).unwrap_err().to_string();
    assert!(
        error.starts_with("b.json: 1 problem") && error.contains("metadata `x` conflicts"),
        "{error}"
    );
}

#[test]
fn malformed_json_names_the_corrections_file() {
    let error = load_with(THING, "{ \"shapes\": {").unwrap_err();
    assert!(
        matches!(&error, Error::Json { file, line: 1, .. } if file == "fixes.json"),
        "{error}"
    );
}

#[test]
fn every_forecast_correction_states_its_reason_and_source() {
    let text = forecast_corrections();
    let file: Value = serde_json::from_str(&text).unwrap();
    let shapes = file["shapes"].as_object().unwrap();
    let applies: Vec<(&String, &Value)> = shapes
        .iter()
        .filter(|(_, shape)| shape["type"] == "apply")
        .collect();
    assert!(!applies.is_empty());
    for (target, apply) in applies {
        let correction = &apply["traits"][corrections::TRAIT];
        for field in ["reason", "source"] {
            let stated = correction[field].as_str().unwrap_or_default();
            assert!(stated.len() > 20, "{target}: {field} is {stated:?}");
        }
    }
}

#[test]
fn the_forecast_corrections_merge_into_the_model_of_record() {
    let (model, fixes) = (common::forecast_model(), forecast_corrections());
    let (model, problems) = load_all(&forecast_sources(&model, &fixes)).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    let s3_config = model.get("com.amazonaws.forecast#S3Config").unwrap();
    let (_, role) = s3_config.kind.members()[1];
    let pattern = role.traits.pattern.as_deref().unwrap_or_default();
    assert!(pattern.contains(":iam::"), "{pattern}");
    assert!(model
        .corrections
        .contains_key("com.amazonaws.forecast#S3Config$RoleArn"));
    assert!(model
        .corrections
        .values()
        .all(|c| c.file == "corrections.json"));
}

#[test]
fn members_inherit_the_correction_of_their_target() {
    let shapes = r#",
    "ex#Thing": { "type": "structure", "members": {
        "b": { "target": "ex#Id" },
        "c": { "target": "ex#Id", "traits": { "smithy.api#pattern": "^c$" } } } },
    "ex#Id": { "type": "string", "traits": { "smithy.api#pattern": "^[a-z]+$" } }"#;
    let model = load_with(shapes, &fixes("ex#Id", CORRECTED)).unwrap();
    let inherited = model.correction("ex#Thing", "b").unwrap();
    assert_eq!(inherited.reason, "colons");
    assert_eq!(model.correction("ex#Thing", "c"), None);
    assert_eq!(model.correction("ex#Thing", "d"), None);

    let model = load_with(shapes, &fixes("ex#Thing$c", CORRECTED)).unwrap();
    assert!(model.correction("ex#Thing", "c").is_some());
    assert_eq!(model.correction("ex#Thing", "b"), None);
}

/// The Forecast model of record and its corrections, as sources.
fn forecast_sources<'a>(model: &'a str, fixes: &'a str) -> [Source<'a>; 2] {
    [
        Source {
            name: "forecast-2018-06-26.json",
            text: model,
        },
        Source {
            name: "corrections.json",
            text: fixes,
        },
    ]
}

#[test]
fn every_corrected_member_says_so_in_its_docs() {
    let (model, fixes) = (common::forecast_model(), forecast_corrections());
    let sources = forecast_sources(&model, &fixes);
    let (loaded, _) = load_all(&sources).unwrap();
    let corrected = loaded
        .shapes
        .iter()
        .filter(|(id, _)| id.starts_with("com.amazonaws.forecast#"))
        .flat_map(|(id, shape)| {
            let members = shape.kind.members().into_iter();
            members.filter(|(name, _)| loaded.correction(id, name).is_some())
        })
        .count();
    assert!(corrected >= loaded.corrections.len(), "{corrected}");

    let files = codegen::generate_from(&sources, &common::options(&[]))
        .unwrap()
        .files;
    // Each corrected member's note, once per file: its field and its builder setter
    // carry the same docs.
    let notes: std::collections::BTreeSet<(&std::path::Path, &str)> = files
        .iter()
        .flat_map(|f| {
            f.contents
                .lines()
                .map(move |line| (f.path.as_path(), line.trim()))
        })
        .filter(|(_, line)| line.starts_with("/// **Corrected** ("))
        .collect();
    assert_eq!(notes.len(), corrected);
    let s3_config = files
        .iter()
        .find(|f| f.path.ends_with("src/types/s3_config.rs"))
        .unwrap();
    let role = s3_config.contents.split("pub role_arn").next().unwrap();
    let docs: Vec<&str> = role.lines().rev().skip(1).take(3).collect();
    assert!(
        docs[0].contains("**Corrected** (pattern, in `corrections.json`)"),
        "{docs:?}"
    );
    assert!(docs[0].contains("IAM role"), "{docs:?}");
    assert!(
        docs[2].contains(r"Pattern: `^arn:([a-z\d-]+):iam::\d{12}:role/.+$`."),
        "{docs:?}"
    );
}
