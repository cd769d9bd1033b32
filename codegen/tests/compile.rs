//! Compile tests: every snapshot crate builds on its own with warnings denied, with and
//! without its features, passes clippy and its tests with the `arbitrary`, `serde` and
//! `client` features, and its docs build with `RUSTDOCFLAGS="-D warnings"`.

use std::path::PathBuf;
use std::process::Command;

fn cargo(case: &str, command: &str, args: &[&str], env: &[(&str, &str)]) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(case);
    let target = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("snapshot-crates");
    let output = Command::new(env!("CARGO"))
        .arg(command)
        .arg("--manifest-path")
        .arg(dir.join("Cargo.toml"))
        .args(args)
        .env("CARGO_TARGET_DIR", target)
        .envs(env.iter().copied())
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "`cargo {command} {}` failed for snapshot `{case}`:\n{}\n{}",
        args.join(" "),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The features every check but the plain build turns on: `arbitrary`, so that its
/// impls are linted and the round trip of drawn values runs, `serde` where the crate
/// has it, and `client` where it has that.
fn features(case: &str) -> &'static str {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(case)
        .join("Cargo.toml");
    let manifest = std::fs::read_to_string(manifest).expect("the snapshot has a Cargo.toml");
    match (
        manifest.contains("\nserde = ["),
        manifest.contains("\nclient = ["),
    ) {
        (_, true) => "arbitrary,serde,client,dynamic",
        (true, false) => "arbitrary,serde",
        (false, false) => "arbitrary",
    }
}

/// Clippy with no features, with the default ones and with [`features`], the tests
/// with [`features`], the docs with the default features.
fn builds_cleanly(case: &str) {
    let features = features(case);
    let none = [
        "--all-targets",
        "--no-default-features",
        "--",
        "-D",
        "warnings",
    ];
    cargo(case, "clippy", &none, &[]);
    cargo(
        case,
        "clippy",
        &["--all-targets", "--", "-D", "warnings"],
        &[],
    );
    cargo(
        case,
        "clippy",
        &[
            "--all-targets",
            "--features",
            features,
            "--",
            "-D",
            "warnings",
        ],
        &[],
    );
    cargo(
        case,
        "test",
        &["--quiet", "--features", features],
        &[("RUSTFLAGS", "-D warnings")],
    );
    cargo(
        case,
        "doc",
        &["--no-deps"],
        &[("RUSTDOCFLAGS", "-D warnings")],
    );
}

#[test]
fn everything_compiles() {
    builds_cleanly("everything");
}

#[test]
fn collision_compiles() {
    builds_cleanly("collision");
}

/// No types at all: nothing for the crate root to re-export.
#[test]
fn unit_only_compiles() {
    builds_cleanly("unit-only");
}

#[test]
fn forecast_describe_compiles() {
    builds_cleanly("forecast-describe");
}

#[test]
fn forecastquery_compiles() {
    builds_cleanly("forecastquery");
}

/// Its doc examples compile with `serde`, though its example operation's input and
/// output have no serde impls (required members bound to HTTP).
#[test]
fn rest_bound_compiles() {
    builds_cleanly("rest-bound");
}
