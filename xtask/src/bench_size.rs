//! `cargo xtask bench-size`: release builds of two minimal programs that call
//! DescribeForecastExportJob, one with forecast-types' client (`blocking`), one with
//! aws-sdk-forecast, aws-config and tokio, and the sizes of their stripped binaries.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};

use crate::bench_build::{
    clean_build, committed, fetch, locked_version, manifest, ours_manifest, ratio_line, secs,
    write_crate, Scratch,
};
use crate::codegen::workspace_root;

/// The goal: the client's binary is at most this share of the SDK's.
const GOAL_SIZE_RATIO: f64 = 0.25;

/// The committed project, under `xtask/bench/`, of the SDK's program. Its release
/// profile is the client program's too.
pub(crate) const SDK_SIZE: &str = "sdk-size";

/// The client's program, built in a scratch crate against the workspace's forecast-types.
const CLIENT_MAIN: &str = include_str!("../bench/client-size/main.rs");

/// The client program's package, and so its binary's name.
const CLIENT_PACKAGE: &str = "size-forecast-types";

/// The SDK program's package, as its committed manifest names it.
const SDK_PACKAGE: &str = "size-aws-sdk-forecast";

/// Flags of `cargo xtask bench-size`.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Where the two programs go [default: a temporary directory, removed after].
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// One program: its scratch crate and its binary's name.
struct Program {
    scratch: Scratch,
    binary: String,
}

/// What was measured of one program.
struct Binary {
    label: String,
    bytes: u64,
    build: Duration,
}

/// Runs `cargo xtask bench-size`.
pub fn run(args: &Args) -> Result<()> {
    let root = workspace_root();
    let temp = tempfile::TempDir::new()?;
    let base = args
        .dir
        .clone()
        .unwrap_or_else(|| temp.path().to_path_buf());
    let sdk_version = locked_version(&root, "aws-sdk-forecast")?;
    let sdk = sdk_program(&root, &base, &sdk_version)?;
    let sdk_manifest = fs::read_to_string(sdk.scratch.dir.join("Cargo.toml"))?;
    let profile = release_profile(&sdk_manifest)
        .with_context(|| format!("xtask/bench/{SDK_SIZE}/Cargo.toml has no [profile.release]"))?;
    let client = client_program(&root, &base, profile)?;
    let programs = [client, sdk];
    for program in &programs {
        fetch(&program.scratch)?;
    }
    let mut binaries = Vec::new();
    for program in &programs {
        binaries.push(build(program)?);
    }
    print(profile, &binaries);
    Ok(())
}

/// The client's program: forecast-types with `blocking`, locked as the workspace locks
/// it, built with `profile`.
fn client_program(root: &Path, base: &Path, profile: &str) -> Result<Program> {
    let dependency = ours_manifest(root, true, &["blocking"]);
    let dir = base.join(CLIENT_PACKAGE);
    let manifest = manifest(CLIENT_PACKAGE, &dependency.line, &format!("{profile}\n"));
    write_crate(root, &dir, &manifest, ("src/main.rs", CLIENT_MAIN))?;
    Ok(Program {
        scratch: Scratch {
            label: dependency.label,
            packages: vec!["forecast-types"],
            dir,
            locked: false,
        },
        binary: CLIENT_PACKAGE.to_owned(),
    })
}

/// The SDK's program: a copy of the committed project, with its own Cargo.lock.
fn sdk_program(root: &Path, base: &Path, sdk_version: &str) -> Result<Program> {
    let dir = committed(root, base, SDK_SIZE, sdk_version)?;
    let config = locked_version(&dir, "aws-config")?;
    let tokio = locked_version(&dir, "tokio")?;
    Ok(Program {
        scratch: Scratch {
            label: format!("aws-sdk-forecast {sdk_version} + aws-config {config} + tokio {tokio}"),
            packages: vec!["aws-sdk-forecast", "aws-config", "tokio"],
            dir,
            locked: true,
        },
        binary: SDK_PACKAGE.to_owned(),
    })
}

/// The `[profile.release]` section of a manifest: its header and the lines up to the
/// next blank line or section.
fn release_profile(manifest: &str) -> Option<&str> {
    let header = "[profile.release]\n";
    let start = manifest.find(&format!("\n{header}"))? + 1;
    let section = manifest.get(start..)?;
    let body = section.get(header.len()..)?;
    let end = [body.find("\n\n"), body.find("\n[")]
        .into_iter()
        .flatten()
        .min()
        .map_or(body.len(), |at| at + 1);
    section.get(..header.len() + end)
}

/// A clean release build of the program, and its binary's size.
fn build(program: &Program) -> Result<Binary> {
    let scratch = &program.scratch;
    let build = clean_build(scratch, &["--release"])?;
    eprintln!("{} {:.1} s", scratch.label, secs(build));
    let name = format!("{}{}", program.binary, std::env::consts::EXE_SUFFIX);
    let path = scratch.dir.join("target/release").join(name);
    let bytes = fs::metadata(&path)
        .with_context(|| format!("cannot read {}", path.display()))?
        .len();
    Ok(Binary {
        label: scratch.label.clone(),
        bytes,
        build,
    })
}

/// `12,345,678 bytes (12.3 MB)`, a megabyte being a million bytes.
fn size(bytes: u64) -> String {
    let digits = bytes.to_string();
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!("{grouped} bytes ({:.1} MB)", bytes as f64 / 1e6)
}

/// The release settings, as one line: `strip = true, ...`.
fn settings(profile: &str) -> String {
    let lines: Vec<&str> = profile
        .lines()
        .skip(1)
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect();
    lines.join(", ")
}

/// The settings, the table, then the size ratio of the first binary to the last.
fn print(profile: &str, binaries: &[Binary]) {
    println!(
        "release profile of both programs: {} (cargo's defaults otherwise: opt-level 3, \
         no LTO, 16 codegen units, unwinding panics)",
        settings(profile)
    );
    println!();
    println!("| program | stripped release binary | clean release build, one run |");
    println!("|---|---|---|");
    for binary in binaries {
        println!(
            "| {} | {} | {:.1} s |",
            binary.label,
            size(binary.bytes),
            secs(binary.build)
        );
    }
    println!();
    if let Some(line) = size_line(binaries) {
        println!("{line}");
    }
}

/// The size ratio of the first binary, the client's, to the last, the SDK's.
fn size_line(binaries: &[Binary]) -> Option<String> {
    let (ours, theirs) = (binaries.first()?, binaries.last()?);
    let ratio = ours.bytes as f64 / theirs.bytes as f64;
    let what = format!("binary size ratio of {} / {}", ours.label, theirs.label);
    Some(ratio_line(&what, ratio, Some(GOAL_SIZE_RATIO)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sdk_manifest() -> String {
        let path = workspace_root()
            .join("xtask/bench")
            .join(SDK_SIZE)
            .join("Cargo.toml");
        fs::read_to_string(path).unwrap()
    }

    #[test]
    fn the_release_profile_is_its_section_alone() {
        let manifest = "[package]\nname = \"a\"\n\n[profile.release]\nstrip = true\n\
                        lto = false\n\n[workspace]\n";
        assert_eq!(
            release_profile(manifest),
            Some("[profile.release]\nstrip = true\nlto = false\n")
        );
        let last = "[a]\n[profile.release]\nstrip = true\n[workspace]\n\n[b]\n";
        assert_eq!(
            release_profile(last),
            Some("[profile.release]\nstrip = true\n")
        );
        let end = "[a]\n[profile.release]\nstrip = true";
        assert_eq!(
            release_profile(end),
            Some("[profile.release]\nstrip = true")
        );
        assert_eq!(release_profile("[profile.dev]\nstrip = true\n"), None);
        let profile = "[profile.release]\n# why\nstrip = true\nopt-level = 3\n";
        assert_eq!(settings(profile), "strip = true, opt-level = 3");
    }

    #[test]
    fn both_programs_are_stripped_by_the_same_profile() {
        let root = workspace_root();
        let manifest = sdk_manifest();
        let profile = release_profile(&manifest).unwrap();
        assert_eq!(settings(profile), "strip = true");
        let base = tempfile::TempDir::new().unwrap();
        let client = client_program(&root, base.path(), profile).unwrap();
        let written = fs::read_to_string(client.scratch.dir.join("Cargo.toml")).unwrap();
        assert_eq!(release_profile(&written), Some(profile));
        assert!(written.contains("name = \"size-forecast-types\"\n"));
        assert!(written.contains("features = [\"blocking\"] }\n"));
        assert!(written.ends_with("\n[workspace]\n"));
        let main = fs::read_to_string(client.scratch.dir.join("src/main.rs")).unwrap();
        assert_eq!(main, CLIENT_MAIN);
        let lock = fs::read(client.scratch.dir.join("Cargo.lock")).unwrap();
        assert_eq!(lock, fs::read(root.join("Cargo.lock")).unwrap());
    }

    #[test]
    fn both_programs_describe_a_forecast_export_job() {
        assert!(CLIENT_MAIN.contains("client.send(DescribeForecastExportJob, request)"));
        assert!(CLIENT_MAIN.contains("Client::from_env()"));
        let root = workspace_root();
        let sdk_main = root.join("xtask/bench").join(SDK_SIZE).join("src/main.rs");
        let sdk_main = fs::read_to_string(sdk_main).unwrap();
        assert!(sdk_main.contains(".describe_forecast_export_job()"));
        assert!(sdk_main.contains("aws_config::load_from_env()"));
        assert!(sdk_main.contains("#[tokio::main]"));
        assert!(sdk_manifest().contains("features = [\"rt-multi-thread\", \"macros\"]"));
    }

    #[test]
    fn the_sdk_program_is_named_after_its_package_and_locked() {
        let root = workspace_root();
        let version = locked_version(&root, "aws-sdk-forecast").unwrap();
        let base = tempfile::TempDir::new().unwrap();
        let sdk = sdk_program(&root, base.path(), &version).unwrap();
        let manifest = fs::read_to_string(sdk.scratch.dir.join("Cargo.toml")).unwrap();
        assert!(manifest.contains(&format!("name = \"{}\"\n", sdk.binary)));
        assert!(sdk.scratch.locked);
        assert!(sdk.scratch.label.contains(" + aws-config 1."));
        assert!(sdk.scratch.label.contains(" + tokio 1."));
    }

    #[test]
    fn sizes_in_bytes_and_megabytes() {
        assert_eq!(size(0), "0 bytes (0.0 MB)");
        assert_eq!(size(999), "999 bytes (0.0 MB)");
        assert_eq!(size(1_000), "1,000 bytes (0.0 MB)");
        assert_eq!(size(14_712_345), "14,712,345 bytes (14.7 MB)");
        assert_eq!(size(123_456_789), "123,456,789 bytes (123.5 MB)");
    }

    #[test]
    fn the_size_ratio_is_the_client_over_the_sdk() {
        let binary = |label: &str, bytes| Binary {
            label: label.to_owned(),
            bytes,
            build: Duration::ZERO,
        };
        let met = [binary("client", 2_000_000), binary("sdk", 14_700_000)];
        assert_eq!(
            size_line(&met).unwrap(),
            "binary size ratio of client / sdk: 0.136 (goal at most 0.25): met"
        );
        let missed = [binary("client", 5_000_000), binary("sdk", 10_000_000)];
        assert_eq!(
            size_line(&missed).unwrap(),
            "binary size ratio of client / sdk: 0.500 (goal at most 0.25): MISSED"
        );
        assert!(size_line(&[]).is_none());
    }
}
