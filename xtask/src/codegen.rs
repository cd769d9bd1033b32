//! The `codegen` command: reads a Smithy model, generates the Rust files in memory, then writes or checks them.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

use ::codegen::{Generated, GeneratedFile, Options, Source};
use anyhow::{anyhow, bail, Context, Result};

use crate::write;

/// The model `forecast-types` is generated from, relative to the workspace root.
const FORECAST_MODEL: &str = "model/forecast-2018-06-26.json";
/// The corrections merged into it: `apply` statements, each with its reason and source.
const FORECAST_CORRECTIONS: &str = "model/corrections.json";
/// The committed generated crate, relative to the workspace root.
const FORECAST_CRATE: &str = "forecast-types";
/// The operation whose response the crate docs of forecast-types parse: where the
/// project starts.
const FORECAST_EXAMPLE: &str = "DescribeForecastExportJob";

/// Flags of `cargo xtask codegen`.
#[derive(Debug, Default, clap::Args)]
pub struct Args {
    /// Write nothing; fail, naming every stale, missing or extra file, if the files
    /// on disk differ from what the model gives.
    #[arg(long)]
    pub check: bool,
    /// Generate a standalone crate from this Smithy JSON AST model instead of
    /// forecast-types (needs --out). Repeat it, or give several files, to assemble one
    /// model from them: the model of record first, then files such as corrections.
    #[arg(long, value_name = "FILE", num_args = 1.., requires = "out")]
    pub model: Vec<PathBuf>,
    /// The directory of the standalone crate (needs --model).
    #[arg(long, value_name = "DIR", requires = "model")]
    pub out: Option<PathBuf>,
    /// The standalone crate's name [default: the model file name without its
    /// extension and trailing date, plus `-types`]
    #[arg(long, value_name = "NAME", requires = "model")]
    pub crate_name: Option<String>,
    /// Generate only this operation and the shapes it uses; repeatable.
    #[arg(long = "operation", value_name = "NAME")]
    pub operations: Vec<String>,
    /// Also generate conversions to and from the service's AWS SDK crate, behind the
    /// feature `aws-sdk` (always on for forecast-types).
    #[arg(long, requires = "model")]
    pub aws_sdk: bool,
}

/// Runs `cargo xtask codegen` with these flags.
pub fn run(args: &Args) -> Result<()> {
    let job = Job::new(args, &workspace_root())?;
    let Generated { files, warnings } = job.generate()?;
    for warning in &warnings {
        eprintln!("warning: {}: {warning}", job.models[0].display());
    }
    if args.check {
        job.check(&files)
    } else {
        job.write(&files)
    }
}

/// The workspace root: the parent of this crate's directory, whatever the current directory.
pub fn workspace_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().unwrap_or(manifest_dir).to_path_buf()
}

/// One generation: which model, where the files go, and the generator's options.
#[derive(Debug)]
pub struct Job {
    /// The model of record first, then the files merged into it.
    models: Vec<PathBuf>,
    out: PathBuf,
    options: Options,
}

impl Job {
    /// The package name of the crate this job writes.
    pub fn crate_name(&self) -> &str {
        &self.options.crate_name
    }

    pub fn new(args: &Args, root: &Path) -> Result<Job> {
        let (models, out, crate_name, standalone) = match (args.model.first(), &args.out) {
            (Some(model), Some(out)) => {
                let name = match &args.crate_name {
                    Some(name) => name.clone(),
                    None => default_crate_name(model)?,
                };
                (args.model.clone(), out.clone(), name, true)
            }
            _ => (
                vec![root.join(FORECAST_MODEL), root.join(FORECAST_CORRECTIONS)],
                root.join(FORECAST_CRATE),
                FORECAST_CRATE.to_owned(),
                false,
            ),
        };
        let example_operation = match standalone {
            true => args.operations.first().cloned(),
            false => Some(FORECAST_EXAMPLE.to_owned()),
        };
        let options = Options {
            model_name: file_name(&models[0])?,
            crate_name,
            operations: args.operations.clone(),
            standalone,
            regenerate_command: regenerate_command(args),
            example_operation,
            aws_sdk_interop: args.aws_sdk || !standalone,
        };
        Ok(Job {
            models,
            out,
            options,
        })
    }

    /// Reads the model files and generates every file in memory.
    pub fn generate(&self) -> Result<Generated> {
        let mut files = Vec::new();
        for path in &self.models {
            let text = fs::read_to_string(path)
                .with_context(|| format!("cannot read model {}", path.display()))?;
            files.push((path.as_path(), file_name(path)?, text));
        }
        let sources: Vec<Source> = files
            .iter()
            .map(|(_, name, text)| Source { name, text })
            .collect();
        ::codegen::generate_from(&sources, &self.options).map_err(|err| {
            let paths: Vec<(&Path, &str)> = files
                .iter()
                .map(|(path, name, _)| (*path, name.as_str()))
                .collect();
            model_error(&paths, &err.to_string())
        })
    }

    /// The model files, for messages: `a.json and b.json`.
    fn model_list(&self) -> String {
        let paths: Vec<String> = self
            .models
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        paths.join(" and ")
    }

    fn write(&self, files: &[GeneratedFile]) -> Result<()> {
        let summary = write::write(&self.out, files)?;
        println!("{}: {summary}", self.out.display());
        Ok(())
    }

    fn check(&self, files: &[GeneratedFile]) -> Result<()> {
        let diff = write::diff(&self.out, files)?;
        if !diff.is_clean() {
            bail!(
                "{} is out of date with {}:\n{diff}run `{}` and commit the result",
                self.out.display(),
                self.model_list(),
                self.options.regenerate_command,
            );
        }
        println!(
            "{}: {} files up to date",
            self.out.display(),
            diff.unchanged
        );
        Ok(())
    }
}

/// The generator's message naming the model file it is about by its path, once: in the
/// first line, instead of the bare file name where the generator gave it. The lines
/// after it (one problem each) belong to that header.
fn model_error(files: &[(&Path, &str)], message: &str) -> anyhow::Error {
    let named = files.iter().find_map(|(path, name)| {
        // `name: problem` or `name:line:column: problem`: the path takes the name's place.
        let rest = message.strip_prefix(name)?;
        rest.starts_with(':')
            .then(|| format!("{}{rest}", path.display()))
    });
    let first = files.first().map(|(path, _)| path.display().to_string());
    anyhow!(named.unwrap_or_else(|| format!("{}: {message}", first.unwrap_or_default())))
}

fn file_name(path: &Path) -> Result<String> {
    let name = path
        .file_name()
        .with_context(|| format!("{} does not name a file", path.display()))?;
    Ok(name.to_string_lossy().into_owned())
}

/// `forecastquery-2018-06-26.json` gives `forecastquery-types`.
fn default_crate_name(model: &Path) -> Result<String> {
    let stem = model
        .file_stem()
        .and_then(OsStr::to_str)
        .unwrap_or_default();
    let base = without_date(stem);
    if base.is_empty() {
        bail!(
            "cannot derive a crate name from {}; pass --crate-name",
            model.display()
        );
    }
    Ok(format!("{base}-types"))
}

/// `name-2018-06-26` gives `name`; anything else is returned as it is.
fn without_date(stem: &str) -> &str {
    let Some(split) = stem.len().checked_sub("-YYYY-MM-DD".len()) else {
        return stem;
    };
    let is_date = stem.as_bytes()[split..]
        .iter()
        .enumerate()
        .all(|(i, byte)| match i {
            0 | 5 | 8 => *byte == b'-',
            _ => byte.is_ascii_digit(),
        });
    // All ASCII from `split` on, so `split` is a character boundary.
    if is_date {
        &stem[..split]
    } else {
        stem
    }
}

/// The command line that reproduces this generation, for the generated files' headers.
fn regenerate_command(args: &Args) -> String {
    let mut words = vec!["cargo xtask codegen".to_owned()];
    let mut flag = |name: &str, value: &OsStr| {
        words.push(format!("--{name} {}", shell_word(&value.to_string_lossy())));
    };
    if let (false, Some(out)) = (args.model.is_empty(), &args.out) {
        for model in &args.model {
            flag("model", model.as_os_str());
        }
        flag("out", out.as_os_str());
    }
    if let Some(name) = &args.crate_name {
        flag("crate-name", OsStr::new(name));
    }
    for operation in &args.operations {
        flag("operation", OsStr::new(operation));
    }
    if args.aws_sdk {
        words.push("--aws-sdk".to_owned());
    }
    words.join(" ")
}

/// Quotes a word for a POSIX shell, unless it needs none.
fn shell_word(word: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_./=:,+@%".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fails, naming the stale files, when the committed forecast-types is not what
    /// the model gives: exactly what `cargo xtask codegen --check` does.
    #[test]
    fn forecast_types_is_fresh() {
        let args = Args {
            check: true,
            ..Args::default()
        };
        if let Err(err) = run(&args) {
            panic!("{err:#}");
        }
    }

    /// The drift guard covers the corrections: a changed correction makes the check
    /// fail until forecast-types is regenerated.
    #[test]
    fn changed_corrections_make_forecast_types_stale() {
        let root = workspace_root();
        let mut job = Job::new(&Args::default(), &root).unwrap();
        let text = fs::read_to_string(root.join(FORECAST_CORRECTIONS)).unwrap();
        let changed = text.replace(":role/.+$", ":role/.*$");
        assert_ne!(changed, text);
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("corrections.json");
        fs::write(&path, changed).unwrap();
        job.models[1] = path;
        let files = job.generate().unwrap().files;
        let err = job.check(&files).unwrap_err().to_string();
        assert!(err.contains("src/patterns.rs"), "{err}");
        assert!(err.contains("corrections.json"), "{err}");
    }

    #[test]
    fn default_crate_name_drops_the_date() {
        let name = |path: &str| default_crate_name(Path::new(path)).unwrap();
        assert_eq!(
            name("models/forecastquery-2018-06-26.json"),
            "forecastquery-types"
        );
        assert_eq!(name("weather.json"), "weather-types");
        assert_eq!(name("v-2018-6-26.json"), "v-2018-6-26-types");
        assert!(default_crate_name(Path::new("-2018-06-26.json")).is_err());
    }

    #[test]
    fn default_job_targets_forecast_types() {
        let job = Job::new(&Args::default(), Path::new("/ws")).unwrap();
        assert_eq!(
            job.models,
            [
                Path::new("/ws/model/forecast-2018-06-26.json"),
                Path::new("/ws/model/corrections.json")
            ]
        );
        assert_eq!(job.out, Path::new("/ws/forecast-types"));
        assert_eq!(job.options.model_name, "forecast-2018-06-26.json");
        assert_eq!(job.options.crate_name, "forecast-types");
        assert!(!job.options.standalone);
        assert_eq!(job.options.regenerate_command, "cargo xtask codegen");
    }

    #[test]
    fn standalone_job_reproduces_the_invocation() {
        let args = Args {
            model: vec![
                "m/forecastquery-2018-06-26.json".into(),
                "m/fix.json".into(),
            ],
            out: Some("out dir".into()),
            operations: vec!["QueryForecast".into(), "Describe".into()],
            ..Args::default()
        };
        let job = Job::new(&args, Path::new("/ws")).unwrap();
        assert!(job.options.standalone);
        assert_eq!(job.options.crate_name, "forecastquery-types");
        assert_eq!(
            job.options.regenerate_command,
            "cargo xtask codegen --model m/forecastquery-2018-06-26.json --model m/fix.json \
             --out 'out dir' --operation QueryForecast --operation Describe"
        );
    }

    #[test]
    fn crate_name_flag_wins() {
        let args = Args {
            model: vec!["m.json".into()],
            out: Some("o".into()),
            crate_name: Some("my-types".into()),
            ..Args::default()
        };
        let job = Job::new(&args, Path::new("/ws")).unwrap();
        assert_eq!(job.options.crate_name, "my-types");
        assert!(job
            .options
            .regenerate_command
            .ends_with("--crate-name my-types"));
    }

    #[test]
    fn model_errors_name_the_model_path() {
        let files = [(Path::new("dir/m.json"), "m.json")];
        let err = model_error(&files, "m.json: 2:\n  one\n  two");
        assert_eq!(err.to_string(), "dir/m.json: 2:\n  one\n  two");
        let internal = model_error(&files, "internal\nmore");
        assert_eq!(internal.to_string(), "dir/m.json: internal\nmore");
        let json = model_error(&files, "m.json:1:0: EOF");
        assert_eq!(json.to_string(), "dir/m.json:1:0: EOF");
    }

    #[test]
    fn model_errors_name_the_file_they_are_about() {
        let files = [
            (Path::new("dir/m.json"), "m.json"),
            (Path::new("dir/fix.json"), "fix.json"),
        ];
        let err = model_error(&files, "fix.json: 1 problem(s):\n  shape `a#B$C`: gone");
        assert_eq!(
            err.to_string(),
            "dir/fix.json: 1 problem(s):\n  shape `a#B$C`: gone"
        );
    }

    #[test]
    fn shell_words_are_quoted_when_needed() {
        assert_eq!(shell_word("a/b-c.json"), "a/b-c.json");
        assert_eq!(shell_word("a b"), "'a b'");
        assert_eq!(shell_word("it's"), r"'it'\''s'");
        assert_eq!(shell_word(""), "''");
    }
}
