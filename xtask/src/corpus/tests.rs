//! Tests of the model directory handling and of the summary rows.

use super::*;

fn touch(dir: &Path, name: &str) {
    fs::write(dir.join(name), "{}").unwrap();
}

fn stems(models: &[Model]) -> Vec<&str> {
    models.iter().map(|model| model.stem.as_str()).collect()
}

#[test]
fn a_missing_directory_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-models");
    let err = list_models(&missing, None).unwrap_err();
    let expected = format!("model directory {} does not exist", missing.display());
    assert_eq!(err.to_string(), expected);
}

#[test]
fn a_file_is_not_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    touch(dir.path(), "a.json");
    let err = list_models(&dir.path().join("a.json"), None).unwrap_err();
    assert!(err.to_string().contains("a.json"), "{err}");
}

#[test]
fn lists_json_files_sorted_by_name() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["sts-2011.json", "dynamodb.json", "README.md", "s3.json.bak"] {
        touch(dir.path(), name);
    }
    fs::create_dir(dir.path().join("folder.json")).unwrap();
    let models = list_models(dir.path(), None).unwrap();
    assert_eq!(stems(&models), ["dynamodb", "sts-2011"]);
    assert_eq!(models[0].path, dir.path().join("dynamodb.json"));
}

#[test]
fn the_filter_keeps_matching_names() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["forecast.json", "forecastquery.json", "s3.json"] {
        touch(dir.path(), name);
    }
    let models = list_models(dir.path(), Some("forecast")).unwrap();
    assert_eq!(stems(&models), ["forecast", "forecastquery"]);
    let err = list_models(dir.path(), Some("glue")).unwrap_err();
    assert!(err
        .to_string()
        .starts_with("no *.json model matching \"glue\" in "));
}

#[test]
fn an_empty_directory_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let err = list_models(dir.path(), None).unwrap_err();
    assert!(err.to_string().starts_with("no *.json model in "), "{err}");
}

#[test]
fn rows_show_what_the_model_got_to() {
    let failed = Report {
        model: "m".to_owned(),
        info: Some(ModelInfo {
            protocols: vec!["restXml"],
            shapes: 7,
        }),
        failure: Some(Failure {
            step: Step::Generate,
            excerpt: String::new(),
        }),
        ..Report::default()
    };
    let row = failed.row();
    assert_eq!(row.protocol, "restXml");
    assert_eq!(row.shapes, Some(7));
    assert_eq!(row.lines, None);
    assert_eq!(row.result, "generate failed");
    let ok = Report {
        lines: Some(10),
        generate_time: Some(Duration::from_millis(1500)),
        ..Report::default()
    };
    let row = ok.row();
    assert_eq!((row.protocol.as_str(), row.result.as_str()), ("-", "ok"));
    assert_eq!(row.generate_ms, Some(1500));
}

#[test]
fn counts_lines_of_rust_files_only() {
    let file = |path: &str, contents: &str| GeneratedFile {
        path: path.into(),
        contents: contents.to_owned(),
    };
    let files = [
        file("src/lib.rs", "a\nb\n"),
        file("tests/roundtrip.rs", "c"),
        file("Cargo.toml", "[package]\nname = \"x\"\n"),
    ];
    assert_eq!(rust_lines(&files), 3);
}

#[test]
fn a_stale_roundtrip_test_is_removed() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("tests")).unwrap();
    touch(dir.path(), ROUNDTRIP_TEST);
    remove_stale_roundtrip(dir.path(), true).unwrap();
    assert!(dir.path().join(ROUNDTRIP_TEST).is_file());
    remove_stale_roundtrip(dir.path(), false).unwrap();
    assert!(!dir.path().join(ROUNDTRIP_TEST).exists());
    remove_stale_roundtrip(dir.path(), false).unwrap();
}
