//! Runs `cargo xtask codegen` on every broken model of `codegen/tests/broken/`: exit code
//! 1, an error naming the file, shape and member, no panic, and the output left as it was.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::SystemTime;

use tempfile::TempDir;

/// The models that generate: the crate the others run against, and the valid cases.
const VALID: &[&str] = &[
    "base.json",
    "member-case-collision.json",
    "required-cycle.json",
    "unknown-trait-member.json",
];

/// Every model that must fail, and what its error must contain besides the path.
const FAILING: &[(&str, &[&str])] = &[
    ("empty.json", &[":1:0: malformed JSON: EOF while parsing"]),
    ("truncated.json", &[":242:19: malformed JSON: at `shapes."]),
    ("shapes-is-list.json", &[":3:12: malformed JSON: at `shapes`"]),
    ("deep-nesting.json", &[":131:163: malformed JSON:", "recursion limit exceeded"]),
    (
        "list-cycle.json",
        &["shape `com.amazonaws.freetier#Expressions`: lists and maps that contain themselves"],
    ),
    (
        "members-is-list.json",
        &["shape `com.amazonaws.freetier#GetFreeTierUsageRequest`: at `members`"],
    ),
    (
        "target-is-number.json",
        &["shape `com.amazonaws.freetier#GetFreeTierUsageRequest`, member `maxResults`: "],
    ),
    (
        "traits-is-string.json",
        &["shape `com.amazonaws.freetier#Expression`: invalid type: string"],
    ),
    (
        "dangling-target.json",
        &["shape `com.amazonaws.freetier#GetFreeTierUsageRequest`, member `nextToken`: target `com.amazonaws.freetier#PageToken` does not resolve"],
    ),
    (
        "unknown-shape-type.json",
        &["shape `com.amazonaws.freetier#MaxResults`: unknown shape type `int32`"],
    ),
    (
        "bad-shape-id.json",
        &[
            "3 problem(s)",
            "shape `com.amazonaws.freetier#GetFreeTierUsageRequest`, member `nextToken`: shape id",
            "shape `com.amazonaws.freetier#GetFreeTierUsageResponse`, member `nextToken`: shape id",
            "shape `com.amazonaws.freetier#Next-Page-Token`: shape id",
        ],
    ),
    ("no-service.json", &["shape `(model)`: the model has no service shape"]),
];

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../codegen/tests/broken")
}

fn codegen(model: &Path, out: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["codegen", "--model"])
        .arg(model)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap()
}

/// A crate generated from `base.json`, in a fresh temporary directory.
fn generated_crate() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("crate");
    let output = codegen(&corpus().join("base.json"), &out);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "base.json failed:\n{stderr}");
    (dir, out)
}

/// Every file and folder under `dir`: its bytes (none for a folder) and mtime.
type Snapshot = BTreeMap<PathBuf, (Option<Vec<u8>>, SystemTime)>;

fn snapshot(dir: &Path) -> Snapshot {
    let mut found = Snapshot::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(path) = pending.pop() {
        let meta = fs::symlink_metadata(&path).unwrap();
        let bytes = match meta.is_dir() {
            true => {
                pending.extend(fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                None
            }
            false => Some(fs::read(&path).unwrap()),
        };
        found.insert(path, (bytes, meta.modified().unwrap()));
    }
    found
}

/// Runs one failing model against the crate, returning what is wrong.
fn check(file: &str, fragments: &[&str], out: &Path, before: &Snapshot) -> Result<(), String> {
    let model = corpus().join(file);
    let output = codegen(&model, out);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let path = model.display().to_string();
    let problems = [
        (
            output.status.code() != Some(1),
            format!("exit {:?}", output.status.code()),
        ),
        (
            !stderr.starts_with("error: "),
            "no `error: ` first".to_owned(),
        ),
        (stderr.contains("panicked"), "a panic".to_owned()),
        (
            !stderr.contains(&format!("error: {path}:")),
            format!("no `error: {path}:`"),
        ),
        (
            stderr.matches(path.as_str()).count() != 1,
            "the path is not named exactly once".to_owned(),
        ),
        (
            snapshot(out) != *before,
            "the output directory changed".to_owned(),
        ),
    ];
    let mut wrong: Vec<String> = problems
        .into_iter()
        .filter(|(bad, _)| *bad)
        .map(|(_, m)| m)
        .collect();
    wrong.extend(
        fragments
            .iter()
            .filter(|f| !stderr.contains(**f))
            .map(|f| format!("no `{f}`")),
    );
    match wrong.is_empty() {
        true => Ok(()),
        false => Err(format!("{}\nstderr:\n{stderr}", wrong.join(", "))),
    }
}

#[test]
fn every_corpus_model_is_listed_as_valid_or_failing() {
    let mut on_disk: Vec<String> = fs::read_dir(corpus())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = VALID
        .iter()
        .chain(FAILING.iter().map(|(file, _)| file))
        .map(|file| file.to_string())
        .collect();
    listed.sort();
    assert_eq!(on_disk, listed);
}

#[test]
fn every_broken_model_fails_with_exit_1_naming_it_and_leaves_the_output_untouched() {
    let (_dir, out) = generated_crate();
    let before = snapshot(&out);
    assert!(before.len() > 10, "{before:?}");
    let failures: Vec<String> = FAILING
        .iter()
        .filter_map(|(file, fragments)| {
            let result = check(file, fragments, &out, &before);
            result.err().map(|e| format!("{file}: {e}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
