//! Snapshot tests: whole generated crates, checked in under `tests/snapshots/`, compared
//! file by file with what the generator gives now. `compile.rs` builds them.
//!
//! After an intended change, regenerate them with
//! `UPDATE_SNAPSHOTS=1 cargo test -p codegen --test snapshots` and review the diff.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use codegen::{generate, generate_from, GeneratedFile, Options, Source};

const UPDATE: &str = "UPDATE_SNAPSHOTS=1 cargo test -p codegen --test snapshots";

fn snapshot_dir(case: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(case)
}

fn options(model_name: &str, crate_name: &str, operations: &[&str]) -> Options {
    Options {
        model_name: model_name.to_owned(),
        crate_name: crate_name.to_owned(),
        operations: operations.iter().map(|s| s.to_string()).collect(),
        standalone: true,
        regenerate_command: UPDATE.to_owned(),
        example_operation: None,
        aws_sdk_interop: false,
    }
}

/// Every file under `dir`, relative to it, except build output.
fn files_on_disk(dir: &Path) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        for entry in fs::read_dir(&current).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.file_name() != Some("Cargo.lock".as_ref()) {
                out.insert(path.strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    out
}

fn check(case: &str, model: &str, options: Options) {
    let source = Source {
        name: &options.model_name,
        text: model,
    };
    check_sources(case, &[source], &options);
}

/// [`check`] for a model assembled from several files.
fn check_sources(case: &str, sources: &[Source], options: &Options) {
    let generated = generate_from(sources, options).unwrap_or_else(|e| panic!("{case}: {e}"));
    let files = generated.files;
    let dir = snapshot_dir(case);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        return update(&dir, &files);
    }
    let mut problems = Vec::new();
    let mut on_disk = files_on_disk(&dir);
    for file in &files {
        on_disk.remove(&file.path);
        match fs::read_to_string(dir.join(&file.path)) {
            Ok(text) if text == file.contents => {}
            Ok(_) => problems.push(format!("changed: {}", file.path.display())),
            Err(_) => problems.push(format!("missing: {}", file.path.display())),
        }
    }
    problems.extend(on_disk.iter().map(|p| format!("extra:   {}", p.display())));
    assert!(
        problems.is_empty(),
        "snapshot `{case}` differs from the generator:\n  {}\nreview, then run `{UPDATE}`",
        problems.join("\n  ")
    );
}

fn update(dir: &Path, files: &[GeneratedFile]) {
    let _ = fs::remove_dir_all(dir.join("src"));
    for file in files {
        let path = dir.join(&file.path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, &file.contents).unwrap();
    }
}

fn fixture(name: &str) -> String {
    fs::read_to_string(common::fixtures().join(name)).unwrap()
}

#[test]
fn everything() {
    let options = options("everything.json", "everything-types", &[]);
    check("everything", &fixture("everything.json"), options);
}

/// restJson1 with required members bound to the URI, headers and the query string:
/// types without serde impls, which no doc example may read with serde.
#[test]
fn rest_bound() {
    let options = options("rest-bound.json", "rest-bound-types", &[]);
    check("rest-bound", &fixture("rest-bound.json"), options);
}

#[test]
fn collision() {
    let options = options("collision.json", "collision-types", &[]);
    check("collision", &fixture("collision.json"), options);
}

/// Operations whose input and output are all `Unit`: a crate without a single type.
#[test]
fn unit_only() {
    let options = options("unit-only.json", "unit-only-types", &[]);
    check("unit-only", &fixture("unit-only.json"), options);
}

/// One Forecast operation, with the corrections forecast-types is generated with.
#[test]
fn forecast_describe_export_job() {
    let options = options(
        "forecast-2018-06-26.json",
        "forecast-describe-types",
        &["DescribeForecastExportJob"],
    );
    let model = common::forecast_model();
    let corrections = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../model/corrections.json");
    let corrections = fs::read_to_string(corrections).unwrap();
    let sources = [
        Source {
            name: &options.model_name,
            text: &model,
        },
        Source {
            name: "corrections.json",
            text: &corrections,
        },
    ];
    check_sources("forecast-describe", &sources, &options);
}

#[test]
fn forecastquery() {
    let path = codegen::checkout::corpus().join("forecastquery-2018-06-26.json");
    let model = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let options = options("forecastquery-2018-06-26.json", "forecastquery-types", &[]);
    check("forecastquery", &model, options);
}

#[test]
fn output_does_not_depend_on_shape_order_in_the_file() {
    let model: serde_json::Value = serde_json::from_str(&fixture("everything.json")).unwrap();
    let mut reversed = model.clone();
    let shapes = reversed["shapes"].as_object_mut().unwrap();
    let entries: Vec<(String, serde_json::Value)> = shapes
        .iter()
        .rev()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    shapes.clear();
    shapes.extend(entries);
    let opts = options("everything.json", "everything-types", &[]);
    let a = generate(&model.to_string(), &opts).unwrap();
    let b = generate(&reversed.to_string(), &opts).unwrap();
    assert_eq!(a, b);
}

#[test]
fn the_same_model_gives_byte_identical_output() {
    let opts = options("forecast-2018-06-26.json", "forecast-types", &[]);
    let model = common::forecast_model();
    assert_eq!(
        generate(&model, &opts).unwrap(),
        generate(&model, &opts).unwrap()
    );
}
