//! Runs the `xtask` binary: `codegen --model … --out …`, `--check`, and its errors.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use codegen::GENERATED_MARKER;
use tempfile::TempDir;

fn model() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../model/forecast-2018-06-26.json")
}

fn xtask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .output()
        .unwrap()
}

fn codegen(model: &Path, out: &Path, extra: &[&str]) -> Output {
    let (model, out) = (model.to_str().unwrap(), out.to_str().unwrap());
    let args = [&["codegen", "--model", model, "--out", out], extra].concat();
    xtask(&args)
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts the command succeeded and returns its standard output.
fn success(output: Output) -> String {
    assert!(output.status.success(), "failed:\n{}", stderr(&output));
    stdout(&output)
}

/// Asserts the command failed with exit code 1 and an `error:` line, and returns its standard error.
fn failure(output: Output) -> String {
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "stderr:\n{err}");
    assert!(err.starts_with("error: "), "stderr:\n{err}");
    assert!(!err.contains("panicked"), "stderr:\n{err}");
    err
}

/// Generates the Forecast model into a fresh standalone crate directory.
fn generated_crate() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("crate");
    success(codegen(&model(), &out, &[]));
    (dir, out)
}

#[test]
fn generating_twice_writes_nothing_the_second_time() {
    let (_dir, out) = generated_crate();
    assert!(out.join("src/lib.rs").is_file());
    let again = success(codegen(&model(), &out, &[]));
    assert!(again.contains(": 0 written,"), "{again}");
    assert!(again.contains(" 0 removed"), "{again}");
    let check = success(codegen(&model(), &out, &["--check"]));
    assert!(check.contains("up to date"), "{check}");
}

#[test]
fn check_names_stale_missing_and_extra_files_and_writes_nothing() {
    let (_dir, out) = generated_crate();
    let lib = out.join("src/lib.rs");
    fs::write(
        &lib,
        format!("{}// edited\n", fs::read_to_string(&lib).unwrap()),
    )
    .unwrap();
    fs::write(out.join("src/old.rs"), format!("{GENERATED_MARKER}\n")).unwrap();
    fs::write(out.join("src/hand.rs"), "// by hand\n").unwrap();

    let err = failure(codegen(&model(), &out, &["--check"]));
    assert!(err.contains("stale:   src/lib.rs"), "{err}");
    assert!(err.contains("extra:   src/old.rs"), "{err}");
    assert!(!err.contains("hand.rs"), "{err}");
    assert!(err.contains("run `cargo xtask codegen --model "), "{err}");
    assert!(fs::read_to_string(&lib).unwrap().ends_with("// edited\n"));
    assert!(out.join("src/old.rs").exists());

    fs::remove_file(&lib).unwrap();
    let err = failure(codegen(&model(), &out, &["--check"]));
    assert!(err.contains("missing: src/lib.rs"), "{err}");
}

#[test]
fn writing_restores_changed_files_and_removes_extra_ones() {
    let (_dir, out) = generated_crate();
    let lib = out.join("src/lib.rs");
    let fresh = fs::read_to_string(&lib).unwrap();
    fs::write(&lib, "// edited\n").unwrap();
    fs::create_dir_all(out.join("src/old")).unwrap();
    fs::write(out.join("src/old/gone.rs"), format!("{GENERATED_MARKER}\n")).unwrap();
    fs::write(out.join("src/hand.rs"), "// by hand\n").unwrap();

    let summary = success(codegen(&model(), &out, &[]));
    assert!(
        summary.contains(": 1 written,") && summary.contains(" 1 removed"),
        "{summary}"
    );
    assert_eq!(fs::read_to_string(&lib).unwrap(), fresh);
    assert!(!out.join("src/old").exists());
    assert!(out.join("src/hand.rs").exists());
}

#[test]
fn a_missing_model_is_an_error_naming_it() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("no-such-model.json");
    let out = dir.path().join("out");
    let err = failure(codegen(&missing, &out, &[]));
    assert!(err.contains(missing.to_str().unwrap()), "{err}");
    assert!(!out.exists());
}

#[test]
fn a_failing_generation_leaves_the_output_untouched() {
    let dir = TempDir::new().unwrap();
    let bad = dir.path().join("bad-2020-01-01.json");
    fs::write(&bad, "").unwrap();
    let out = dir.path().join("out");
    fs::create_dir_all(out.join("src")).unwrap();
    let generated = format!("{GENERATED_MARKER}\n// old\n");
    fs::write(out.join("src/lib.rs"), &generated).unwrap();

    let err = failure(codegen(&bad, &out, &[]));
    assert!(
        err.contains(&format!("error: {}:1:0: malformed JSON", bad.display())),
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(out.join("src/lib.rs")).unwrap(),
        generated
    );
    assert_eq!(fs::read_dir(out.join("src")).unwrap().count(), 1);
}

#[test]
fn out_without_model_is_a_usage_error() {
    let output = xtask(&["codegen", "--out", "somewhere"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--model"), "{}", stderr(&output));
}

#[test]
fn unknown_trait_members_are_warnings_naming_shape_and_trait() {
    let model = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../codegen/tests/broken/unknown-trait-member.json");
    let dir = TempDir::new().unwrap();
    let output = codegen(&model, &dir.path().join("freetier"), &[]);
    let err = stderr(&output);
    success(output);
    let expected = format!(
        "warning: {}: shape `com.amazonaws.freetier#GetFreeTierUsage`: trait \
         `smithy.api#paginated` has no member `maxResults`; it is ignored",
        model.display()
    );
    assert!(err.lines().any(|l| l == expected), "{err}");
}

#[test]
fn patterns_it_cannot_check_are_warnings_naming_shape_and_member() {
    let lambda = codegen::checkout::corpus().join("lambda-2015-03-31.json");
    let dir = TempDir::new().unwrap();
    let output = codegen(&lambda, &dir.path().join("lambda"), &[]);
    let err = stderr(&output);
    success(output);
    let expected = "lambda-2015-03-31.json: shape `com.amazonaws.lambda#AliasConfiguration`, \
                    member `Name`: pattern `^(?!^[0-9]+$)([a-zA-Z0-9-_]+)$` is not checked: \
                    look-ahead is not supported";
    assert!(
        err.lines()
            .any(|l| l.starts_with("warning: ") && l.ends_with(expected)),
        "{err}"
    );
}

fn corrections() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../model/corrections.json")
}

#[test]
fn several_models_are_merged_in_order() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("crate");
    let (model, fixes, out_arg) = (model(), corrections(), out.to_str().unwrap().to_owned());
    let args = [
        "codegen",
        "--model",
        model.to_str().unwrap(),
        fixes.to_str().unwrap(),
        "--out",
        &out_arg,
        "--operation",
        "DescribeForecastExportJob",
    ];
    success(xtask(&args));
    let patterns = fs::read_to_string(out.join("src/patterns.rs")).unwrap();
    assert!(patterns.contains(":iam::"), "{patterns}");
    let lib = fs::read_to_string(out.join("src/lib.rs")).unwrap();
    let command = format!("--model {} --model {}", model.display(), fixes.display());
    assert!(lib.contains(&command), "{lib}");
}

#[test]
fn a_correction_of_a_missing_member_names_the_file_and_writes_nothing() {
    let dir = TempDir::new().unwrap();
    let fixes = dir.path().join("fixes.json");
    let target = "com.amazonaws.forecast#S3Config$RoleArm";
    let text = format!(
        r#"{{"smithy": "2.0", "shapes": {{"{target}": {{"type": "apply", "traits": {{
            "smithy.api#pattern": "^arn:aws:iam::\\d{{12}}:role/.+$",
            "codegen.corrections#correction": {{"reason": "roles", "source": "docs"}}}}}}}}}}"#
    );
    fs::write(&fixes, text).unwrap();
    let out = dir.path().join("out");
    let model = model();
    let args = [
        "codegen",
        "--model",
        model.to_str().unwrap(),
        "--model",
        fixes.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    let err = failure(xtask(&args));
    let header = format!("error: {}: 1 problem", fixes.display());
    assert!(err.starts_with(&header), "{err}");
    let problem =
        format!("shape `{target}`: `apply` targets a shape or member that does not exist");
    assert!(err.contains(&problem), "{err}");
    assert!(!out.exists());
}
