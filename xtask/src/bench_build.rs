//! `cargo xtask bench-build`: clean debug builds of scratch crates that depend on
//! forecast-types (with its default features, with none, and with `serde`) and on
//! aws-sdk-forecast, side by side, with the size of each dependency tree and of each
//! crate's Rust source.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use serde_json::Value;

use crate::codegen::workspace_root;

/// The build-time goal: forecast-types builds in at most this share of the SDK's time.
const GOAL_RATIO: f64 = 0.1;

/// The goal for forecast-types' normal dependency tree, itself not counted.
const GOAL_DEPENDENCIES: usize = 10;

/// Flags of `cargo xtask bench-build`.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Clean builds of each scratch crate, taken in turns; the median is compared.
    #[arg(long, default_value_t = 3)]
    pub runs: usize,
    /// Where the scratch crates go [default: a temporary directory, removed after].
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// One scratch crate: what it depends on and where it lives.
struct Scratch {
    /// The crate it measures, as the table names it.
    label: String,
    /// The package whose dependencies and source are counted.
    package: &'static str,
    dir: PathBuf,
}

/// What was measured of one scratch crate.
struct Measured {
    label: String,
    builds: Vec<Duration>,
    dependencies: usize,
    lines: usize,
}

/// Runs `cargo xtask bench-build`.
pub fn run(args: &Args) -> Result<()> {
    if args.runs == 0 {
        bail!("--runs must be at least 1");
    }
    let root = workspace_root();
    let temp = tempfile::TempDir::new()?;
    let base = args
        .dir
        .clone()
        .unwrap_or_else(|| temp.path().to_path_buf());
    let sdk_version = locked_version(&root, "aws-sdk-forecast")?;
    let ours = [(true, &[][..]), (false, &[][..]), (true, &["serde"][..])];
    let mut crates = Vec::new();
    for (default_features, features) in ours {
        let dependency = ours_manifest(&root, default_features, features);
        crates.push(scratch(&root, &base, "forecast-types", &dependency)?);
    }
    crates.push(scratch(
        &root,
        &base,
        "aws-sdk-forecast",
        &sdk_manifest(&sdk_version),
    )?);
    for crate_ in &crates {
        cargo(&crate_.dir, &["fetch"])?;
    }
    let builds = builds(&crates, args.runs)?;
    let ours_source = root.join("forecast-types/src");
    let mut measured = Vec::new();
    for (crate_, builds) in crates.iter().zip(builds) {
        let source = (crate_.package == "forecast-types").then_some(ours_source.as_path());
        measured.push(measure(crate_, builds, source)?);
    }
    print(&measured);
    Ok(())
}

/// The dependency on forecast-types: its default features or none, and `features`.
fn ours_manifest(root: &Path, default_features: bool, features: &[&str]) -> Dependency {
    let path = root.join("forecast-types");
    let mut label = "forecast-types".to_owned();
    let mut dir_name = label.clone();
    if !default_features {
        label.push_str(" (no default features)");
        dir_name.push_str("-bare");
    }
    for feature in features {
        label.push_str(&format!(" +{feature}"));
        dir_name.push_str(&format!("-{feature}"));
    }
    Dependency {
        label,
        dir_name,
        line: format!(
            "forecast-types = {{ path = {:?}, default-features = {default_features}, \
             features = {features:?} }}\n",
            path.to_string_lossy()
        ),
    }
}

fn sdk_manifest(version: &str) -> Dependency {
    Dependency {
        label: format!("aws-sdk-forecast {version}"),
        dir_name: "aws-sdk-forecast".to_owned(),
        line: format!(
            "aws-sdk-forecast = {{ version = \"={version}\", default-features = false }}\n"
        ),
    }
}

/// The one dependency of a scratch crate.
struct Dependency {
    /// What the table calls the scratch crate.
    label: String,
    /// The scratch crate's directory, `uses-<dir_name>`.
    dir_name: String,
    /// Its line in `[dependencies]`.
    line: String,
}

/// Writes a scratch crate that depends on `package` alone, locked as the workspace
/// locks it.
fn scratch(
    root: &Path,
    base: &Path,
    package: &'static str,
    dependency: &Dependency,
) -> Result<Scratch> {
    let dir = base.join(format!("uses-{}", dependency.dir_name));
    fs::create_dir_all(dir.join("src"))?;
    let manifest = format!(
        "[package]\nname = \"uses-{}\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
         publish = false\n\n[dependencies]\n{}\n[workspace]\n",
        dependency.dir_name, dependency.line
    );
    fs::write(dir.join("Cargo.toml"), manifest)?;
    let module = package.replace('-', "_");
    fs::write(
        dir.join("src/lib.rs"),
        format!("pub use {module} as measured;\n"),
    )?;
    fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock"))
        .context("cannot copy the workspace's Cargo.lock")?;
    Ok(Scratch {
        label: dependency.label.clone(),
        package,
        dir,
    })
}

/// Clean builds of every crate, taken in turns so that all see the same machine.
fn builds(crates: &[Scratch], runs: usize) -> Result<Vec<Vec<Duration>>> {
    let mut builds = vec![Vec::new(); crates.len()];
    for run in 1..=runs {
        for (crate_, times) in crates.iter().zip(&mut builds) {
            let time = clean_build(crate_)?;
            eprintln!("run {run}/{runs}: {} {:.1} s", crate_.label, secs(time));
            times.push(time);
        }
    }
    Ok(builds)
}

/// The wall time of `cargo build` into an empty target directory. Incremental
/// compilation is off, as it is for any dependency from crates.io; cargo would
/// otherwise compile forecast-types, a path dependency here, incrementally.
fn clean_build(scratch: &Scratch) -> Result<Duration> {
    let target = scratch.dir.join("target");
    if target.exists() {
        fs::remove_dir_all(&target)?;
    }
    let started = Instant::now();
    let status = Command::new(env!("CARGO"))
        .args(["build", "--quiet", "--offline"])
        .current_dir(&scratch.dir)
        .env_remove("CARGO_TARGET_DIR")
        .env("CARGO_INCREMENTAL", "0")
        .status()
        .context("cannot run cargo build")?;
    if !status.success() {
        bail!("`cargo build` failed in {}", scratch.dir.display());
    }
    Ok(started.elapsed())
}

fn measure(scratch: &Scratch, builds: Vec<Duration>, source: Option<&Path>) -> Result<Measured> {
    let source = match source {
        Some(dir) => dir.to_path_buf(),
        None => package_dir(&scratch.dir, scratch.package)?.join("src"),
    };
    Ok(Measured {
        label: scratch.label.clone(),
        builds,
        dependencies: dependencies(&scratch.dir, scratch.package)?,
        lines: rust_lines(&source)?,
    })
}

/// The crates in `package`'s normal dependency tree, `package` itself not counted.
fn dependencies(dir: &Path, package: &str) -> Result<usize> {
    let output = cargo_output(
        dir,
        &[
            "tree",
            "--offline",
            "-e",
            "normal",
            "-p",
            package,
            "--prefix",
            "none",
            "--format",
            "{p}",
        ],
    )?;
    let mut crates: Vec<&str> = output
        .lines()
        .map(|line| line.trim_end_matches(" (*)").trim())
        .filter(|line| !line.is_empty())
        .collect();
    crates.sort_unstable();
    crates.dedup();
    Ok(crates.len().saturating_sub(1))
}

/// Where cargo unpacked a package's source.
fn package_dir(dir: &Path, package: &str) -> Result<PathBuf> {
    let text = cargo_output(dir, &["metadata", "--offline", "--format-version", "1"])?;
    let metadata: Value = serde_json::from_str(&text)?;
    let packages = metadata["packages"]
        .as_array()
        .context("cargo metadata has packages")?;
    let manifest = packages
        .iter()
        .find(|p| p["name"] == package)
        .and_then(|p| p["manifest_path"].as_str())
        .with_context(|| format!("{package} is not in the scratch crate's metadata"))?;
    let manifest = Path::new(manifest);
    Ok(manifest.parent().unwrap_or(manifest).to_path_buf())
}

/// Lines of every `.rs` file under `dir`.
fn rust_lines(dir: &Path) -> Result<usize> {
    let mut total = 0;
    for entry in fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            total += rust_lines(&path)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            total += fs::read_to_string(&path)?.lines().count();
        }
    }
    Ok(total)
}

/// The version of `package` that the workspace's Cargo.lock pins.
fn locked_version(root: &Path, package: &str) -> Result<String> {
    let lock = fs::read_to_string(root.join("Cargo.lock"))?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let start = lock
        .find(&needle)
        .with_context(|| format!("Cargo.lock does not lock {package}"))?
        + needle.len();
    let version = lock[start..].split('"').next().unwrap_or_default();
    Ok(version.to_owned())
}

fn cargo(dir: &Path, args: &[&str]) -> Result<()> {
    cargo_output(dir, args).map(drop)
}

fn cargo_output(dir: &Path, args: &[&str]) -> Result<String> {
    let output = Command::new(env!("CARGO"))
        .args(args)
        .current_dir(dir)
        .env_remove("CARGO_TARGET_DIR")
        .output()
        .with_context(|| format!("cannot run cargo {}", args.join(" ")))?;
    if !output.status.success() {
        bail!(
            "`cargo {}` failed in {}:\n{}",
            args.join(" "),
            dir.display(),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

fn median(builds: &[Duration]) -> Duration {
    let mut sorted = builds.to_vec();
    sorted.sort_unstable();
    sorted[sorted.len() / 2]
}

fn spread(builds: &[Duration]) -> String {
    let min = builds.iter().min().copied().unwrap_or_default();
    let max = builds.iter().max().copied().unwrap_or_default();
    format!(
        "{:.1} s ({:.1}-{:.1})",
        secs(median(builds)),
        secs(min),
        secs(max)
    )
}

/// The table, then the goals: the build ratio of forecast-types with its default
/// features (the goal's measure) and with `serde`, both against the SDK, the last crate.
fn print(measured: &[Measured]) {
    let Some((sdk, ours)) = measured.split_last() else {
        return;
    };
    let row = |name: &str, cell: &dyn Fn(&Measured) -> String| {
        let cells: Vec<String> = measured.iter().map(cell).collect();
        println!("| {name} | {} |", cells.join(" | "));
    };
    row("", &|m| m.label.clone());
    row("---", &|_| "---".to_owned());
    let runs = sdk.builds.len();
    row(
        &format!("clean debug build, median of {runs} (min-max)"),
        &|m| spread(&m.builds),
    );
    row(
        "crates in the normal dependency tree, itself not counted",
        &|m| m.dependencies.to_string(),
    );
    row("lines of Rust source", &|m| m.lines.to_string());
    println!();
    let verdict = |met: bool| if met { "met" } else { "MISSED" };
    for (i, crate_) in ours.iter().enumerate() {
        let ratio = secs(median(&crate_.builds)) / secs(median(&sdk.builds));
        let goal = match i {
            0 => format!(
                " (goal at most {GOAL_RATIO}): {}",
                verdict(ratio <= GOAL_RATIO)
            ),
            _ => String::new(),
        };
        println!("build time ratio of {}: {ratio:.3}{goal}", crate_.label);
    }
    if let Some(first) = ours.first() {
        println!(
            "{} dependencies {} (goal at most {GOAL_DEPENDENCIES}): {}",
            first.label,
            first.dependencies,
            verdict(first.dependencies <= GOAL_DEPENDENCIES)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sdk_version_comes_from_the_workspace_lock() {
        let root = workspace_root();
        let version = locked_version(&root, "aws-sdk-forecast").unwrap();
        let lock = fs::read_to_string(root.join("Cargo.lock")).unwrap();
        let entry = format!("name = \"aws-sdk-forecast\"\nversion = \"{version}\"\n");
        assert!(version.starts_with("1."), "{version}");
        assert!(lock.contains(&entry));
        assert!(locked_version(&root, "no-such-crate").is_err());
    }

    #[test]
    fn each_scratch_crate_has_its_own_directory_label_and_dependency_line() {
        let root = Path::new("/ws");
        let plain = ours_manifest(root, true, &[]);
        assert_eq!(plain.label, "forecast-types");
        assert_eq!(plain.dir_name, "forecast-types");
        let bare = ours_manifest(root, false, &[]);
        assert_eq!(bare.label, "forecast-types (no default features)");
        assert_eq!(bare.dir_name, "forecast-types-bare");
        assert!(bare
            .line
            .contains("default-features = false, features = []"));
        let serde = ours_manifest(root, true, &["serde"]);
        assert_eq!(serde.label, "forecast-types +serde");
        assert_eq!(serde.dir_name, "forecast-types-serde");
        let line = "forecast-types = { path = \"/ws/forecast-types\", default-features = true, \
                    features = [\"serde\"] }\n";
        assert_eq!(serde.line, line);
        let sdk = sdk_manifest("1.2.3");
        assert!(sdk
            .line
            .contains("version = \"=1.2.3\", default-features = false"));
    }

    #[test]
    fn the_median_and_spread_of_builds() {
        let builds = [3.0, 1.0, 2.0].map(Duration::from_secs_f64);
        assert_eq!(median(&builds), Duration::from_secs(2));
        assert_eq!(spread(&builds), "2.0 s (1.0-3.0)");
    }

    #[test]
    fn lines_are_counted_in_rust_files_only() {
        let dir = tempfile::TempDir::new().unwrap();
        fs::create_dir_all(dir.path().join("a/b")).unwrap();
        fs::write(dir.path().join("a/one.rs"), "fn a() {}\n\n").unwrap();
        fs::write(dir.path().join("a/b/two.rs"), "x\ny\nz\n").unwrap();
        fs::write(dir.path().join("a/notes.md"), "not\ncounted\n").unwrap();
        assert_eq!(rust_lines(dir.path()).unwrap(), 5);
    }
}
