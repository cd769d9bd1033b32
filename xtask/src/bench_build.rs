//! `cargo xtask bench-build`: clean debug builds of a scratch crate that depends on
//! forecast-types and of one that depends on aws-sdk-forecast, side by side, with the
//! size of each dependency tree and of each crate's Rust source.

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
    let ours = scratch(&root, &base, "forecast-types", ours_manifest(&root))?;
    let sdk_manifest = sdk_manifest(&sdk_version);
    let sdk = scratch(&root, &base, "aws-sdk-forecast", sdk_manifest)?;
    let sdk = Scratch {
        label: format!("aws-sdk-forecast {sdk_version}"),
        ..sdk
    };
    for crate_ in [&ours, &sdk] {
        cargo(&crate_.dir, &["fetch"])?;
    }
    let (ours_builds, sdk_builds) = builds(&ours, &sdk, args.runs)?;
    let ours = measure(&ours, ours_builds, Some(&root.join("forecast-types/src")))?;
    let sdk_scratch = sdk;
    let sdk = measure(&sdk_scratch, sdk_builds, None)?;
    print(&sdk_scratch.label, &ours, &sdk);
    Ok(())
}

fn ours_manifest(root: &Path) -> String {
    let path = root.join("forecast-types");
    format!(
        "forecast-types = {{ path = {:?} }}\n",
        path.to_string_lossy()
    )
}

fn sdk_manifest(version: &str) -> String {
    format!("aws-sdk-forecast = {{ version = \"={version}\", default-features = false }}\n")
}

/// Writes a scratch crate with one dependency, locked as the workspace locks it.
fn scratch(root: &Path, base: &Path, name: &'static str, dependency: String) -> Result<Scratch> {
    let dir = base.join(format!("uses-{name}"));
    fs::create_dir_all(dir.join("src"))?;
    let manifest = format!(
        "[package]\nname = \"uses-{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
         publish = false\n\n[dependencies]\n{dependency}\n[workspace]\n"
    );
    fs::write(dir.join("Cargo.toml"), manifest)?;
    let module = name.replace('-', "_");
    fs::write(
        dir.join("src/lib.rs"),
        format!("pub use {module} as measured;\n"),
    )?;
    fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock"))
        .context("cannot copy the workspace's Cargo.lock")?;
    Ok(Scratch {
        label: name.to_owned(),
        package: name,
        dir,
    })
}

/// Clean builds of both crates, taken in turns so that both see the same machine.
fn builds(ours: &Scratch, sdk: &Scratch, runs: usize) -> Result<(Vec<Duration>, Vec<Duration>)> {
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for run in 1..=runs {
        a.push(clean_build(ours)?);
        eprintln!("run {run}/{runs}: {} {:.1} s", ours.label, secs(a[run - 1]));
        b.push(clean_build(sdk)?);
        eprintln!("run {run}/{runs}: {} {:.1} s", sdk.label, secs(b[run - 1]));
    }
    Ok((a, b))
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

fn print(sdk_label: &str, ours: &Measured, sdk: &Measured) {
    let ratio = secs(median(&ours.builds)) / secs(median(&sdk.builds));
    let verdict = |met: bool| if met { "met" } else { "MISSED" };
    println!("| | forecast-types | {sdk_label} |");
    println!("|---|---|---|");
    println!(
        "| clean debug build, median of {} (min-max) | {} | {} |",
        ours.builds.len(),
        spread(&ours.builds),
        spread(&sdk.builds)
    );
    println!(
        "| crates in the normal dependency tree, itself not counted | {} | {} |",
        ours.dependencies, sdk.dependencies
    );
    println!("| lines of Rust source | {} | {} |", ours.lines, sdk.lines);
    println!();
    println!(
        "build time ratio {ratio:.3} (goal at most {GOAL_RATIO}): {}",
        verdict(ratio <= GOAL_RATIO)
    );
    println!(
        "forecast-types dependencies {} (goal at most {GOAL_DEPENDENCIES}): {}",
        ours.dependencies,
        verdict(ours.dependencies <= GOAL_DEPENDENCIES)
    );
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
