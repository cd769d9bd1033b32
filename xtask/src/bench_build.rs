//! `cargo xtask bench-build`: clean debug builds of scratch crates that depend on
//! forecast-types (with its default features, with none, with `serde` and with the
//! client's `blocking`), on aws-sdk-forecast without its default features, and on
//! aws-sdk-forecast and aws-config with theirs, side by side, with the size of each
//! dependency tree and of each crate's Rust source.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use serde_json::Value;

use crate::codegen::workspace_root;

/// The build-time goal: forecast-types with its default features builds in at most this
/// share of the time of aws-sdk-forecast without its default features.
const GOAL_RATIO: f64 = 0.1;

/// The client's build-time goal: forecast-types with `blocking` builds in at most this
/// share of the time of aws-sdk-forecast and aws-config with their default features.
const GOAL_CLIENT_RATIO: f64 = 0.25;

/// The goal for forecast-types' normal dependency tree, itself not counted.
const GOAL_DEPENDENCIES: usize = 10;

/// The dependencies on forecast-types measured: default features or none, and features.
const OURS: [(bool, &[&str]); 4] = [
    (true, &[]),
    (false, &[]),
    (true, &["serde"]),
    (true, &["blocking"]),
];

/// The committed project, under `xtask/bench/`, of what an SDK user builds.
const SDK_BUILD: &str = "sdk-build";

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

/// One scratch crate: what it measures and where it lives.
pub(crate) struct Scratch {
    /// The crates it measures, as the table names them.
    pub(crate) label: String,
    /// The packages whose dependencies and source are counted.
    pub(crate) packages: Vec<&'static str>,
    /// Its directory, with its manifest, Cargo.lock and source.
    pub(crate) dir: PathBuf,
    /// Whether it has a Cargo.lock of its own, which cargo must not change.
    pub(crate) locked: bool,
}

/// What was measured of one scratch crate.
struct Measured {
    label: String,
    builds: Vec<Duration>,
    dependencies: usize,
    lines: usize,
}

/// A build-time ratio to print: the crate at `ours` against the one at `theirs`.
struct Comparison {
    ours: usize,
    theirs: usize,
    goal: Option<f64>,
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
    let mut crates = Vec::new();
    for (default_features, features) in OURS {
        let dependency = ours_manifest(&root, default_features, features);
        crates.push(scratch(&root, &base, "forecast-types", &dependency)?);
    }
    let sdk_bare = crates.len();
    crates.push(scratch(
        &root,
        &base,
        "aws-sdk-forecast",
        &sdk_manifest(&sdk_version),
    )?);
    let sdk_default = crates.len();
    crates.push(sdk_default_scratch(&root, &base, &sdk_version)?);
    let comparisons = [
        Comparison::new(0, sdk_bare, Some(GOAL_RATIO)),
        Comparison::new(1, sdk_bare, None),
        Comparison::new(2, sdk_bare, None),
        Comparison::new(3, sdk_default, Some(GOAL_CLIENT_RATIO)),
    ];
    for crate_ in &crates {
        fetch(crate_)?;
    }
    let builds = builds(&crates, args.runs)?;
    let mut measured = Vec::new();
    for (crate_, builds) in crates.iter().zip(builds) {
        measured.push(measure(crate_, builds)?);
    }
    print(&measured, &comparisons);
    Ok(())
}

impl Comparison {
    fn new(ours: usize, theirs: usize, goal: Option<f64>) -> Self {
        Comparison { ours, theirs, goal }
    }
}

/// The dependency on forecast-types: its default features or none, and `features`.
pub(crate) fn ours_manifest(root: &Path, default_features: bool, features: &[&str]) -> Dependency {
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
pub(crate) struct Dependency {
    /// What the table calls the scratch crate.
    pub(crate) label: String,
    /// The scratch crate's directory, `uses-<dir_name>`.
    dir_name: String,
    /// Its line in `[dependencies]`.
    pub(crate) line: String,
}

/// Writes a scratch crate that depends on `package` alone, locked as the workspace
/// locks it.
fn scratch(
    root: &Path,
    base: &Path,
    package: &'static str,
    dependency: &Dependency,
) -> Result<Scratch> {
    let name = format!("uses-{}", dependency.dir_name);
    let dir = base.join(&name);
    let module = package.replace('-', "_");
    let lib = format!("pub use {module} as measured;\n");
    write_crate(
        root,
        &dir,
        &manifest(&name, &dependency.line, ""),
        ("src/lib.rs", &lib),
    )?;
    Ok(Scratch {
        label: dependency.label.clone(),
        packages: vec![package],
        dir,
        locked: false,
    })
}

/// A scratch crate's manifest: `dependencies` (whole lines), then `extra` (whole
/// sections), in a workspace of its own.
pub(crate) fn manifest(name: &str, dependencies: &str, extra: &str) -> String {
    format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
         publish = false\n\n[dependencies]\n{dependencies}\n{extra}[workspace]\n"
    )
}

/// Writes `manifest` and one source file into `dir`, with a copy of the workspace's
/// Cargo.lock.
pub(crate) fn write_crate(
    root: &Path,
    dir: &Path,
    manifest: &str,
    (file, source): (&str, &str),
) -> Result<()> {
    fs::create_dir_all(dir.join("src"))?;
    fs::write(dir.join("Cargo.toml"), manifest)?;
    fs::write(dir.join(file), source)?;
    fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock"))
        .context("cannot copy the workspace's Cargo.lock")?;
    Ok(())
}

/// The scratch crate of aws-sdk-forecast and aws-config with their default features: a
/// copy of the committed project, with its own Cargo.lock.
fn sdk_default_scratch(root: &Path, base: &Path, sdk_version: &str) -> Result<Scratch> {
    let dir = committed(root, base, SDK_BUILD, sdk_version)?;
    let config_version = locked_version(&dir, "aws-config")?;
    Ok(Scratch {
        label: format!(
            "aws-sdk-forecast {sdk_version} + aws-config {config_version}, default features"
        ),
        packages: vec!["aws-sdk-forecast", "aws-config"],
        dir,
        locked: true,
    })
}

/// Copies the committed project `xtask/bench/<name>` (its manifest, Cargo.lock and
/// source) into `base/<name>`, after checking that its lock pins aws-sdk-forecast at
/// `sdk_version`, as the workspace's does.
pub(crate) fn committed(
    root: &Path,
    base: &Path,
    name: &str,
    sdk_version: &str,
) -> Result<PathBuf> {
    let project = root.join("xtask/bench").join(name);
    check_pin(&project, sdk_version)?;
    let dir = base.join(name);
    copy_dir(&project, &dir)?;
    Ok(dir)
}

/// Fails unless the Cargo.lock in `project` locks aws-sdk-forecast at `sdk_version`.
fn check_pin(project: &Path, sdk_version: &str) -> Result<()> {
    let version = locked_version(project, "aws-sdk-forecast")?;
    if version != sdk_version {
        bail!(
            "{}/Cargo.lock locks aws-sdk-forecast {version} but the workspace's Cargo.lock \
             locks {sdk_version}: set `aws-sdk-forecast = \"={sdk_version}\"` in its \
             Cargo.toml and run `cargo generate-lockfile` there",
            project.display()
        );
    }
    Ok(())
}

/// Copies `from` into `to`, leaving out any `target` directory.
fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from).with_context(|| format!("cannot read {}", from.display()))? {
        let entry = entry?;
        let (path, name) = (entry.path(), entry.file_name());
        if path.is_dir() {
            if name != "target" {
                copy_dir(&path, &to.join(&name))?;
            }
        } else {
            fs::copy(&path, to.join(&name))
                .with_context(|| format!("cannot copy {}", path.display()))?;
        }
    }
    Ok(())
}

/// Downloads what the scratch crate needs, so that its builds can run offline.
pub(crate) fn fetch(scratch: &Scratch) -> Result<()> {
    cargo(&scratch.dir, &with_locked(&["fetch"], scratch.locked))
}

/// `args`, then `--locked` if the crate has a lock of its own.
pub(crate) fn with_locked<'a>(args: &[&'a str], locked: bool) -> Vec<&'a str> {
    let mut args = args.to_vec();
    if locked {
        args.push("--locked");
    }
    args
}

/// Clean builds of every crate, taken in turns so that all see the same machine.
fn builds(crates: &[Scratch], runs: usize) -> Result<Vec<Vec<Duration>>> {
    let mut builds = vec![Vec::new(); crates.len()];
    for run in 1..=runs {
        for (crate_, times) in crates.iter().zip(&mut builds) {
            let time = clean_build(crate_, &[])?;
            eprintln!("run {run}/{runs}: {} {:.1} s", crate_.label, secs(time));
            times.push(time);
        }
    }
    Ok(builds)
}

/// The wall time of `cargo build` (with `flags`) into an empty target directory.
/// Incremental compilation is off, as it is for any dependency from crates.io; cargo
/// would otherwise compile forecast-types, a path dependency here, incrementally.
pub(crate) fn clean_build(scratch: &Scratch, flags: &[&str]) -> Result<Duration> {
    let target = scratch.dir.join("target");
    if target.exists() {
        fs::remove_dir_all(&target)?;
    }
    let args = with_locked(
        &[&["build", "--quiet", "--offline"], flags].concat(),
        scratch.locked,
    );
    let started = Instant::now();
    let status = Command::new(env!("CARGO"))
        .args(&args)
        .current_dir(&scratch.dir)
        .env_remove("CARGO_TARGET_DIR")
        .env("CARGO_INCREMENTAL", "0")
        .status()
        .context("cannot run cargo build")?;
    if !status.success() {
        bail!(
            "`cargo {}` failed in {}",
            args.join(" "),
            scratch.dir.display()
        );
    }
    Ok(started.elapsed())
}

fn measure(scratch: &Scratch, builds: Vec<Duration>) -> Result<Measured> {
    let mut lines = 0;
    for package in &scratch.packages {
        lines += rust_lines(&package_dir(&scratch.dir, package)?.join("src"))?;
    }
    Ok(Measured {
        label: scratch.label.clone(),
        builds,
        dependencies: dependencies(&scratch.dir, &scratch.packages)?,
        lines,
    })
}

/// The crates in the normal dependency trees of `packages`, which are not counted.
fn dependencies(dir: &Path, packages: &[&str]) -> Result<usize> {
    let mut args = vec!["tree", "--offline", "-e", "normal"];
    for package in packages {
        args.extend(["-p", package]);
    }
    args.extend(["--prefix", "none", "--format", "{p}"]);
    Ok(count_dependencies(&cargo_output(dir, &args)?, packages))
}

/// The distinct crates (name and version) in `cargo tree`'s output, leaving out
/// `packages`, the roots.
fn count_dependencies(tree: &str, packages: &[&str]) -> usize {
    let mut crates: Vec<&str> = tree
        .lines()
        .map(|line| line.trim_end_matches(" (*)").trim())
        .filter(|line| !line.is_empty())
        .filter(|line| !packages.contains(&line.split(' ').next().unwrap_or_default()))
        .collect();
    crates.sort_unstable();
    crates.dedup();
    crates.len()
}

/// Where cargo finds a package's source: unpacked from crates.io, or the path
/// dependency's directory.
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

/// The version of `package` that the Cargo.lock in `dir` pins (the first, if several).
pub(crate) fn locked_version(dir: &Path, package: &str) -> Result<String> {
    let path = dir.join("Cargo.lock");
    let lock =
        fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let start = lock
        .find(&needle)
        .with_context(|| format!("{} does not lock {package}", path.display()))?
        + needle.len();
    let version = lock[start..].split('"').next().unwrap_or_default();
    Ok(version.to_owned())
}

pub(crate) fn cargo(dir: &Path, args: &[&str]) -> Result<()> {
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

pub(crate) fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

fn median(builds: &[Duration]) -> Duration {
    let mut sorted = builds.to_vec();
    sorted.sort_unstable();
    sorted.get(sorted.len() / 2).copied().unwrap_or_default()
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

/// `what: ratio`, and the goal with its verdict if there is one.
pub(crate) fn ratio_line(what: &str, ratio: f64, goal: Option<f64>) -> String {
    match goal {
        Some(goal) => format!(
            "{what}: {ratio:.3} (goal at most {goal}): {}",
            verdict(ratio <= goal)
        ),
        None => format!("{what}: {ratio:.3}"),
    }
}

pub(crate) fn verdict(met: bool) -> &'static str {
    if met {
        "met"
    } else {
        "MISSED"
    }
}

/// The build-time ratio of one comparison, from the medians.
fn comparison_line(measured: &[Measured], comparison: &Comparison) -> Option<String> {
    let ours = measured.get(comparison.ours)?;
    let theirs = measured.get(comparison.theirs)?;
    let ratio = secs(median(&ours.builds)) / secs(median(&theirs.builds));
    let what = format!("build time ratio of {} / {}", ours.label, theirs.label);
    Some(ratio_line(&what, ratio, comparison.goal))
}

/// The table, the build-time ratios, then the dependency goal of the first crate,
/// forecast-types with its default features.
fn print(measured: &[Measured], comparisons: &[Comparison]) {
    let Some(first) = measured.first() else {
        return;
    };
    let row = |name: &str, cell: &dyn Fn(&Measured) -> String| {
        let cells: Vec<String> = measured.iter().map(cell).collect();
        println!("| {name} | {} |", cells.join(" | "));
    };
    row("", &|m| m.label.clone());
    row("---", &|_| "---".to_owned());
    let runs = first.builds.len();
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
    for comparison in comparisons {
        if let Some(line) = comparison_line(measured, comparison) {
            println!("{line}");
        }
    }
    println!(
        "{} dependencies {} (goal at most {GOAL_DEPENDENCIES}): {}",
        first.label,
        first.dependencies,
        verdict(first.dependencies <= GOAL_DEPENDENCIES)
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
    fn the_committed_projects_lock_the_sdk_the_workspace_locks() {
        let root = workspace_root();
        let version = locked_version(&root, "aws-sdk-forecast").unwrap();
        for project in [SDK_BUILD, crate::bench_size::SDK_SIZE] {
            let dir = root.join("xtask/bench").join(project);
            check_pin(&dir, &version).unwrap();
            assert!(locked_version(&dir, "aws-config").is_ok(), "{project}");
            let manifest = fs::read_to_string(dir.join("Cargo.toml")).unwrap();
            assert!(manifest.contains(&format!("aws-sdk-forecast = \"={version}\"")));
            assert!(manifest.contains("\n[workspace]\n"), "{project}");
        }
        let error = check_pin(&root.join("xtask/bench").join(SDK_BUILD), "0.0.1")
            .unwrap_err()
            .to_string();
        assert!(error.contains(&format!("locks aws-sdk-forecast {version} but")));
        assert!(error.contains("aws-sdk-forecast = \"=0.0.1\""), "{error}");
    }

    #[test]
    fn the_committed_sdk_project_is_copied_without_its_target() {
        let root = workspace_root();
        let version = locked_version(&root, "aws-sdk-forecast").unwrap();
        let base = tempfile::TempDir::new().unwrap();
        let scratch = sdk_default_scratch(&root, base.path(), &version).unwrap();
        let project = root.join("xtask/bench").join(SDK_BUILD);
        for file in ["Cargo.toml", "Cargo.lock", "src/lib.rs"] {
            let copied = fs::read(scratch.dir.join(file)).unwrap();
            assert_eq!(copied, fs::read(project.join(file)).unwrap(), "{file}");
        }
        assert!(!scratch.dir.join("target").exists());
        assert!(scratch.locked);
        assert_eq!(scratch.packages, ["aws-sdk-forecast", "aws-config"]);
        assert!(scratch
            .label
            .starts_with(&format!("aws-sdk-forecast {version} + aws-config 1.")));
        assert!(scratch.label.ends_with(", default features"));
    }

    #[test]
    fn a_directory_is_copied_but_for_target() {
        let from = tempfile::TempDir::new().unwrap();
        fs::create_dir_all(from.path().join("src/deep")).unwrap();
        fs::create_dir_all(from.path().join("target/debug")).unwrap();
        fs::write(from.path().join("Cargo.toml"), "manifest").unwrap();
        fs::write(from.path().join("src/deep/a.rs"), "fn a() {}").unwrap();
        fs::write(from.path().join("target/debug/big"), "binary").unwrap();
        let to = tempfile::TempDir::new().unwrap();
        copy_dir(from.path(), &to.path().join("copy")).unwrap();
        let copy = to.path().join("copy");
        assert_eq!(
            fs::read_to_string(copy.join("Cargo.toml")).unwrap(),
            "manifest"
        );
        assert_eq!(
            fs::read_to_string(copy.join("src/deep/a.rs")).unwrap(),
            "fn a() {}"
        );
        assert!(!copy.join("target").exists());
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
        let blocking = ours_manifest(root, true, &["blocking"]);
        assert_eq!(blocking.label, "forecast-types +blocking");
        assert!(blocking
            .line
            .contains("default-features = true, features = [\"blocking\"]"));
        let sdk = sdk_manifest("1.2.3");
        assert!(sdk
            .line
            .contains("version = \"=1.2.3\", default-features = false"));
    }

    #[test]
    fn a_scratch_crate_is_a_workspace_of_its_own_locked_by_the_workspace() {
        let root = workspace_root();
        let base = tempfile::TempDir::new().unwrap();
        let dependency = ours_manifest(&root, true, &["blocking"]);
        let scratch = scratch(&root, base.path(), "forecast-types", &dependency).unwrap();
        assert!(scratch.dir.ends_with("uses-forecast-types-blocking"));
        assert!(!scratch.locked);
        let manifest = fs::read_to_string(scratch.dir.join("Cargo.toml")).unwrap();
        let expected = format!(
            "[package]\nname = \"uses-forecast-types-blocking\"\nversion = \"0.0.0\"\n\
             edition = \"2021\"\npublish = false\n\n[dependencies]\n{}\n[workspace]\n",
            dependency.line
        );
        assert_eq!(manifest, expected);
        let lib = fs::read_to_string(scratch.dir.join("src/lib.rs")).unwrap();
        assert_eq!(lib, "pub use forecast_types as measured;\n");
        let lock = fs::read(scratch.dir.join("Cargo.lock")).unwrap();
        assert_eq!(lock, fs::read(root.join("Cargo.lock")).unwrap());
    }

    #[test]
    fn the_workspace_lock_has_the_clients_transport() {
        let root = workspace_root();
        for package in ["ureq", "rustls", "webpki-roots", "ring"] {
            assert!(locked_version(&root, package).is_ok(), "{package}");
        }
    }

    #[test]
    fn only_crates_with_a_lock_of_their_own_build_locked() {
        assert_eq!(with_locked(&["fetch"], true), ["fetch", "--locked"]);
        assert_eq!(with_locked(&["fetch"], false), ["fetch"]);
    }

    #[test]
    fn dependencies_are_distinct_crates_but_the_roots() {
        let tree = "uses v0.0.0 (/s)\naws-config v1.13.0\nhttp v1.4.0\naws-sdk-forecast v1.1.0\n\
                    http v1.4.0 (*)\nhttp v0.2.12\n\nbytes v1.0.0\n";
        assert_eq!(count_dependencies(tree, &["uses"]), 5);
        assert_eq!(
            count_dependencies(tree, &["uses", "aws-config", "aws-sdk-forecast"]),
            3
        );
    }

    #[test]
    fn the_median_and_spread_of_builds() {
        let builds = [3.0, 1.0, 2.0].map(Duration::from_secs_f64);
        assert_eq!(median(&builds), Duration::from_secs(2));
        assert_eq!(spread(&builds), "2.0 s (1.0-3.0)");
        assert_eq!(median(&[]), Duration::ZERO);
    }

    #[test]
    fn ratios_say_what_against_what_and_whether_the_goal_is_met() {
        let measured = |label: &str, secs: f64| Measured {
            label: label.to_owned(),
            builds: vec![Duration::from_secs_f64(secs)],
            dependencies: 0,
            lines: 0,
        };
        let measured = [
            measured("ours", 3.0),
            measured("client", 20.0),
            measured("sdk", 40.0),
            measured("sdk default", 60.0),
        ];
        let line = |ours, theirs, goal| {
            comparison_line(&measured, &Comparison::new(ours, theirs, goal)).unwrap()
        };
        assert_eq!(
            line(0, 2, Some(GOAL_RATIO)),
            "build time ratio of ours / sdk: 0.075 (goal at most 0.1): met"
        );
        assert_eq!(
            line(1, 3, Some(GOAL_CLIENT_RATIO)),
            "build time ratio of client / sdk default: 0.333 (goal at most 0.25): MISSED"
        );
        assert_eq!(line(1, 2, None), "build time ratio of client / sdk: 0.500");
        assert!(comparison_line(&measured, &Comparison::new(0, 4, None)).is_none());
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
