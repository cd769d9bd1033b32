//! The `corpus` command: generates a standalone crate from every model in a directory, then checks, documents and tests each.
//!
//! Models run one after another, each through the steps of [`Step`]; every cargo
//! step of every crate shares one target directory and one set of flags, so that
//! the dependencies build once. A step that fails ends its model's run, not the
//! corpus run: the summary table names it, and its output is in `<out>/<model>.log`.

mod info;
mod log;
mod step;
mod table;
#[cfg(test)]
mod tests;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ::codegen::GeneratedFile;
use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};

use crate::codegen::{self, Job};
use crate::write;
use info::ModelInfo;
use log::Log;
use step::{Cargo, Parts, Step, EXCERPT_LINES};
use table::Row;

/// Where the crates and logs go, relative to the workspace root.
const DEFAULT_OUT: &str = "target/corpus";
/// The target directory all generated crates share, relative to the workspace root.
const TARGET_DIR: &str = "target/corpus-target";
/// The serde round-trip test the generator writes for JSON protocols.
const ROUNDTRIP_TEST: &str = "tests/roundtrip.rs";

/// Flags of `cargo xtask corpus`.
#[derive(Debug, Default, clap::Args)]
pub struct Args {
    /// The directory of Smithy JSON AST models (`*.json`) [default: corpus/ under the
    /// workspace root]
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Where each model's crate (`<out>/<model>/`) and log (`<out>/<model>.log`) go
    /// [default: target/corpus under the workspace root]
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Run only the models whose file name contains this.
    #[arg(long, value_name = "SUBSTR")]
    pub filter: Option<String>,
}

/// Runs `cargo xtask corpus` with these flags; fails if any model fails.
pub fn run(args: &Args) -> Result<()> {
    let root = codegen::workspace_root();
    let dir = args.dir.clone().unwrap_or_else(::codegen::checkout::corpus);
    let out = args.out.clone().unwrap_or_else(|| root.join(DEFAULT_OUT));
    let models = list_models(&dir, args.filter.as_deref())?;
    fs::create_dir_all(&out).with_context(|| format!("cannot create {}", out.display()))?;
    let cargo = Cargo::new(root.join(TARGET_DIR));
    let corpus = Corpus { root, out, cargo };
    let started = Instant::now();
    let reports = corpus.run_all(&models)?;
    print_summary(&reports, started.elapsed());
    let failed = reports.iter().filter(|report| report.failure.is_some());
    match failed.count() {
        0 => Ok(()),
        n => bail!(
            "{n} of {} models failed; full logs are in {}",
            reports.len(),
            corpus.out.display()
        ),
    }
}

/// A model file and its name without `.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Model {
    path: PathBuf,
    stem: String,
}

/// The `*.json` files in `dir` whose name contains `filter`, sorted by name.
fn list_models(dir: &Path, filter: Option<&str>) -> Result<Vec<Model>> {
    let entries = match fs::read_dir(dir) {
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            bail!("model directory {} does not exist", dir.display())
        }
        entries => entries.with_context(|| format!("cannot list {}", dir.display()))?,
    };
    let mut models = Vec::new();
    for entry in entries {
        let path = entry
            .with_context(|| format!("cannot list {}", dir.display()))?
            .path();
        if let Some(model) = as_model(path, filter) {
            models.push(model);
        }
    }
    models.sort_by(|a, b| a.stem.cmp(&b.stem));
    if models.is_empty() {
        let matching = filter
            .map(|f| format!(" matching {f:?}"))
            .unwrap_or_default();
        bail!("no *.json model{matching} in {}", dir.display());
    }
    Ok(models)
}

/// The model at `path`, if it is a `.json` file whose stem contains `filter`.
fn as_model(path: PathBuf, filter: Option<&str>) -> Option<Model> {
    if path.extension()? != "json" || !path.is_file() {
        return None;
    }
    let stem = path.file_stem()?.to_string_lossy().into_owned();
    match filter.is_none_or(|filter| stem.contains(filter)) {
        true => Some(Model { path, stem }),
        false => None,
    }
}

/// Where a run puts things.
#[derive(Debug)]
struct Corpus {
    root: PathBuf,
    out: PathBuf,
    cargo: Cargo,
}

/// What happened to one model.
#[derive(Debug, Default)]
struct Report {
    model: String,
    info: Option<ModelInfo>,
    lines: Option<usize>,
    generate_time: Option<Duration>,
    /// The crate's optional parts: serde, the client.
    parts: Parts,
    cargo_time: Option<Duration>,
    failure: Option<Failure>,
    log: PathBuf,
}

/// The step that failed and the first lines of its output.
#[derive(Debug)]
struct Failure {
    step: Step,
    excerpt: String,
}

impl Corpus {
    fn run_all(&self, models: &[Model]) -> Result<Vec<Report>> {
        let bar = progress_bar(models.len())?;
        let mut reports = Vec::with_capacity(models.len());
        for model in models {
            let started = Instant::now();
            let report = self.run_one(model, &bar)?;
            let seconds = started.elapsed().as_secs_f64();
            let line = format!("{}: {} ({seconds:.1} s)", report.model, report.result());
            bar.suspend(|| eprintln!("{line}"));
            bar.inc(1);
            reports.push(report);
        }
        bar.finish_and_clear();
        Ok(reports)
    }

    /// Generates, checks, documents and tests one model; only I/O errors are errors.
    fn run_one(&self, model: &Model, bar: &ProgressBar) -> Result<Report> {
        let mut log = Log::create(&self.out.join(format!("{}.log", model.stem)))?;
        let mut report = Report {
            model: model.stem.clone(),
            log: log.path().to_path_buf(),
            ..Report::default()
        };
        bar.set_message(format!("{}: generate", model.stem));
        log.write_line(&format!("== generate: {}", model.path.display()))?;
        let crate_name = match self.generate(model, &mut report) {
            Ok(name) => name,
            Err(err) => {
                report.failure = Some(generation_failure(&err, &mut log)?);
                return Ok(report);
            }
        };
        let started = Instant::now();
        report.failure = self.check(model, report.parts, &mut log, bar)?;
        report.cargo_time = Some(started.elapsed());
        self.cargo
            .clean(&crate_name, &self.crate_dir(model), &mut log)?;
        Ok(report)
    }

    /// Generates the crate exactly as `cargo xtask codegen --model FILE --out DIR`
    /// does, and notes what the table shows about it in `report`. Returns the
    /// crate's package name.
    fn generate(&self, model: &Model, report: &mut Report) -> Result<String> {
        let path = &model.path;
        let text = fs::read_to_string(path)
            .with_context(|| format!("cannot read model {}", path.display()))?;
        let info = ModelInfo::parse(&text).with_context(|| format!("{}", path.display()))?;
        report.info = Some(info);
        let crate_dir = self.crate_dir(model);
        let args = codegen::Args {
            model: vec![path.clone()],
            out: Some(crate_dir.clone()),
            ..codegen::Args::default()
        };
        let job = Job::new(&args, &self.root)?;
        let started = Instant::now();
        let files = job.generate()?.files;
        report.generate_time = Some(started.elapsed());
        report.lines = Some(rust_lines(&files));
        let serde = files.iter().any(|f| f.path == Path::new(ROUNDTRIP_TEST));
        let client = files
            .iter()
            .any(|f| f.path == Path::new("Cargo.toml") && f.contents.contains("\nblocking = "));
        report.parts = Parts { serde, client };
        write::write(&crate_dir, &files)?;
        remove_stale_roundtrip(&crate_dir, serde)?;
        Ok(job.crate_name().to_owned())
    }

    /// Runs the cargo steps until one fails; returns that one.
    fn check(
        &self,
        model: &Model,
        parts: Parts,
        log: &mut Log,
        bar: &ProgressBar,
    ) -> Result<Option<Failure>> {
        let crate_dir = self.crate_dir(model);
        for step in Step::CARGO {
            if step == Step::Test && !parts.serde {
                continue;
            }
            bar.set_message(format!("{}: cargo {step}", model.stem));
            if let Some(excerpt) = self.cargo.run(step, parts, &crate_dir, log)? {
                return Ok(Some(Failure { step, excerpt }));
            }
        }
        Ok(None)
    }

    fn crate_dir(&self, model: &Model) -> PathBuf {
        self.out.join(&model.stem)
    }
}

impl Report {
    /// `ok`, or which step failed: `check failed`.
    fn result(&self) -> String {
        match &self.failure {
            None => "ok".to_owned(),
            Some(failure) => format!("{} failed", failure.step),
        }
    }

    fn row(&self) -> Row {
        Row {
            model: self.model.clone(),
            protocol: self
                .info
                .as_ref()
                .map_or("-".to_owned(), ModelInfo::protocol),
            shapes: self.info.as_ref().map(|info| info.shapes),
            lines: self.lines,
            generate_ms: self.generate_time.map(|time| time.as_millis()),
            cargo_secs: self.cargo_time.map(|time| time.as_secs_f64()),
            result: self.result(),
        }
    }
}

/// The lines of all generated `.rs` files.
fn rust_lines(files: &[GeneratedFile]) -> usize {
    let rust = files
        .iter()
        .filter(|f| f.path.extension().is_some_and(|e| e == "rs"));
    rust.map(|file| file.contents.lines().count()).sum()
}

/// The failure of the generate step: the whole error in the log, its first lines
/// for the summary.
fn generation_failure(err: &anyhow::Error, log: &mut Log) -> Result<Failure> {
    let message = format!("{err:#}");
    log.write_line(&message)?;
    let excerpt: Vec<&str> = message.lines().take(EXCERPT_LINES).collect();
    Ok(Failure {
        step: Step::Generate,
        excerpt: excerpt.join("\n"),
    })
}

/// `write` removes stale files only under `src/`; a round-trip test that the
/// generator no longer writes would still be built by `--all-targets`.
fn remove_stale_roundtrip(crate_dir: &Path, serde: bool) -> Result<()> {
    let path = crate_dir.join(ROUNDTRIP_TEST);
    if serde || !path.is_file() {
        return Ok(());
    }
    fs::remove_file(&path).with_context(|| format!("cannot remove stale {}", path.display()))
}

/// One step a model; the message names the model and its current step.
fn progress_bar(models: usize) -> Result<ProgressBar> {
    let template = "{elapsed_precise} [{bar:30}] {pos}/{len} {wide_msg}";
    let style = ProgressStyle::with_template(template).context("bad progress bar template")?;
    let bar = ProgressBar::new(models as u64).with_style(style.progress_chars("=> "));
    bar.enable_steady_tick(Duration::from_millis(200));
    Ok(bar)
}

/// The table, then the first lines of each failing step's output, then the totals.
fn print_summary(reports: &[Report], wall_time: Duration) {
    let rows: Vec<Row> = reports.iter().map(Report::row).collect();
    print!("{}", table::format(&rows));
    for report in reports {
        let Some(failure) = &report.failure else {
            continue;
        };
        println!(
            "\n{}: {} failed; its first lines (full log: {}):\n{}",
            report.model,
            failure.step,
            report.log.display(),
            failure.excerpt
        );
    }
    let ok = reports.iter().filter(|report| report.failure.is_none());
    println!(
        "\ncorpus: {} of {} models ok, wall time {:.1} s",
        ok.count(),
        reports.len(),
        wall_time.as_secs_f64()
    );
}
