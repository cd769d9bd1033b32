//! The steps of one model's run, and how the cargo steps run: one shared target directory, one set of flags.

use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, Result};

use super::log::Log;

/// The flags every cargo call gets, as both `RUSTFLAGS` and `RUSTDOCFLAGS`: the
/// same for every step, so that no step rebuilds what another built.
const FLAGS: &str = "-D warnings";

/// How many lines of a failing step's output the summary shows.
pub const EXCERPT_LINES: usize = 40;

/// The optional parts of a generated crate that its features turn on: serde (JSON
/// protocols) and the client (awsJson protocols).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Parts {
    /// A `serde` feature and `tests/roundtrip.rs`.
    pub serde: bool,
    /// A `client` feature (and `blocking` and `dynamic`).
    pub client: bool,
}

/// One step of a model's run, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Generate the crate and write it (in process).
    Generate,
    /// `cargo check --all-targets` with the default features: what most users build.
    Check,
    /// `cargo check --all-targets --features arbitrary,serde,blocking,dynamic` (`serde`
    /// and the client's features only for crates that have them): the `Arbitrary` and
    /// serde impls, and the client, too.
    CheckFeatures,
    /// `cargo doc --no-deps`.
    Doc,
    /// `cargo test --test '*' --features arbitrary,serde`, for crates that have
    /// `tests/roundtrip.rs`: sample bodies, drawn values and, where the model has
    /// constraints, the boundary tests of `tests/constraints.rs`.
    Test,
    /// `cargo test --doc --features arbitrary,serde` (`serde` only for crates that
    /// have it): every doc example compiles and runs with the features it claims.
    Doctest,
}

impl Step {
    /// The steps run with cargo, in order.
    pub const CARGO: [Step; 5] = [
        Step::Check,
        Step::CheckFeatures,
        Step::Doc,
        Step::Test,
        Step::Doctest,
    ];

    /// The cargo arguments of the step, for a crate with the optional `parts`.
    fn cargo_args(self, parts: Parts) -> Vec<&'static str> {
        let features = match (parts.serde, parts.client) {
            (_, true) => "arbitrary,serde,blocking,dynamic",
            (true, false) => "arbitrary,serde",
            (false, false) => "arbitrary",
        };
        match self {
            Step::Generate => vec![],
            Step::Check => vec!["check", "--all-targets"],
            Step::CheckFeatures => vec!["check", "--all-targets", "--features", features],
            Step::Doc if parts.client => vec!["doc", "--no-deps", "--features", "blocking,dynamic"],
            Step::Doc => vec!["doc", "--no-deps"],
            Step::Test => vec!["test", "--test", "*", "--features", features],
            Step::Doctest => vec!["test", "--doc", "--features", features],
        }
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            Step::Generate => "generate",
            Step::Check => "check",
            Step::CheckFeatures => "check-features",
            Step::Doc => "doc",
            Step::Test => "test",
            Step::Doctest => "doctest",
        };
        f.write_str(name)
    }
}

/// Runs cargo steps on generated crates, all into one target directory.
#[derive(Debug)]
pub struct Cargo {
    program: OsString,
    target_dir: PathBuf,
}

impl Cargo {
    /// The cargo that runs xtask (or `cargo` from `PATH`), building into `target_dir`.
    pub fn new(target_dir: PathBuf) -> Cargo {
        let program = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        Cargo {
            program,
            target_dir,
        }
    }

    /// Runs `step` on the crate in `crate_dir`, which has a `serde` feature or not, its
    /// output appended to `log`. Returns `None` when it passes, else the first lines of
    /// its output.
    pub fn run(
        &self,
        step: Step,
        parts: Parts,
        crate_dir: &Path,
        log: &mut Log,
    ) -> Result<Option<String>> {
        let args = step.cargo_args(parts);
        let mut command = self.command(&args, crate_dir);
        log.write_line(&format!("== {step}: {}", self.shell_line(&args, crate_dir)))?;
        let start = log.position()?;
        command.stdout(log.stdio()?).stderr(log.stdio()?);
        let status = command.status();
        let status =
            status.with_context(|| format!("cannot run {}", self.program.to_string_lossy()))?;
        if status.success() {
            return Ok(None);
        }
        log.write_line(&format!("== {step} failed: {status}"))?;
        log.excerpt(start, EXCERPT_LINES).map(Some)
    }

    fn command(&self, args: &[&str], crate_dir: &Path) -> Command {
        let mut command = Command::new(&self.program);
        command
            .args(args)
            .arg("--quiet")
            .arg("--manifest-path")
            .arg(crate_dir.join("Cargo.toml"))
            .current_dir(crate_dir)
            .stdin(Stdio::null())
            .env("CARGO_TARGET_DIR", &self.target_dir)
            .env("RUSTFLAGS", FLAGS)
            .env("RUSTDOCFLAGS", FLAGS)
            // Each crate is built once a run: incremental state and debuginfo would
            // only fill the disk.
            .env("CARGO_INCREMENTAL", "0")
            .env("CARGO_PROFILE_DEV_DEBUG", "0")
            .env("CARGO_TERM_COLOR", "never")
            .env_remove("CARGO_ENCODED_RUSTFLAGS")
            .env_remove("CARGO_ENCODED_RUSTDOCFLAGS");
        command
    }

    /// Removes what the steps built of package `name` from the shared target
    /// directory, and its docs (the only ones there, as `doc` runs with `--no-deps`),
    /// keeping the dependencies every crate shares: a whole corpus run then needs the
    /// disk of one model at a time.
    pub fn clean(&self, name: &str, crate_dir: &Path, log: &mut Log) -> Result<()> {
        let docs = self.target_dir.join("doc");
        if docs.exists() {
            std::fs::remove_dir_all(&docs)
                .with_context(|| format!("cannot remove {}", docs.display()))?;
        }
        let mut command = Command::new(&self.program);
        command
            .args(["clean", "--quiet", "--package", name, "--manifest-path"])
            .arg(crate_dir.join("Cargo.toml"))
            .current_dir(crate_dir)
            .stdin(Stdio::null())
            .env("CARGO_TARGET_DIR", &self.target_dir)
            .stdout(log.stdio()?)
            .stderr(log.stdio()?);
        let status = command
            .status()
            .with_context(|| format!("cannot run {}", self.program.to_string_lossy()))?;
        if !status.success() {
            log.write_line(&format!("== clean failed: {status}"))?;
        }
        Ok(())
    }

    /// The command line that reproduces the step, for the log.
    fn shell_line(&self, args: &[&str], crate_dir: &Path) -> String {
        format!(
            "cd {} && CARGO_TARGET_DIR={} CARGO_INCREMENTAL=0 CARGO_PROFILE_DEV_DEBUG=0 \
             RUSTFLAGS='{FLAGS}' RUSTDOCFLAGS='{FLAGS}' cargo {} --quiet",
            crate_dir.display(),
            self.target_dir.display(),
            args.join(" "),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cargo_step_gets_the_same_flags_and_target() {
        let cargo = Cargo::new(PathBuf::from("/ws/target/corpus-target"));
        for step in Step::CARGO {
            let command = cargo.command(
                &step.cargo_args(Parts {
                    serde: true,
                    client: false,
                }),
                Path::new("/out/m"),
            );
            let envs: Vec<_> = command.get_envs().collect();
            assert!(envs.contains(&("RUSTFLAGS".as_ref(), Some(FLAGS.as_ref()))));
            assert!(envs.contains(&("RUSTDOCFLAGS".as_ref(), Some(FLAGS.as_ref()))));
            let target = Some("/ws/target/corpus-target".as_ref());
            assert!(envs.contains(&("CARGO_TARGET_DIR".as_ref(), target)));
            let args: Vec<_> = command.get_args().collect();
            assert!(args.contains(&"--quiet".as_ref()));
        }
    }

    #[test]
    fn steps_name_themselves() {
        let steps = [
            Step::Generate,
            Step::Check,
            Step::Doc,
            Step::Test,
            Step::Doctest,
        ];
        let names = steps.map(|s| s.to_string());
        assert_eq!(names, ["generate", "check", "doc", "test", "doctest"]);
        assert_eq!(Step::CheckFeatures.to_string(), "check-features");
    }

    /// Whether the target directory holds anything cargo built of `package`.
    fn has_outputs(target: &Path, package: &str) -> bool {
        let fingerprints = std::fs::read_dir(target.join("debug/.fingerprint")).unwrap();
        fingerprints
            .map(|entry| entry.unwrap().file_name())
            .any(|name| name.to_string_lossy().starts_with(&format!("{package}-")))
    }

    #[test]
    fn clean_removes_what_the_steps_built_of_the_crate_and_its_docs() {
        let dir = tempfile::TempDir::new().unwrap();
        let krate = dir.path().join("tiny");
        std::fs::create_dir_all(krate.join("src")).unwrap();
        let manifest = "[package]\nname = \"tiny-types\"\nversion = \"0.0.0\"\n\
                        edition = \"2021\"\n\n[workspace]\n";
        std::fs::write(krate.join("Cargo.toml"), manifest).unwrap();
        std::fs::write(krate.join("src/lib.rs"), "//! Tiny.\n").unwrap();
        let target = dir.path().join("target");
        let cargo = Cargo::new(target.clone());
        let mut log = Log::create(&dir.path().join("tiny.log")).unwrap();
        for step in [Step::Check, Step::Doc] {
            let failure = cargo.run(step, Parts::default(), &krate, &mut log).unwrap();
            assert_eq!(failure, None, "{step}");
        }
        assert!(has_outputs(&target, "tiny-types"));
        assert!(target.join("doc/tiny_types").is_dir());
        cargo.clean("tiny-types", &krate, &mut log).unwrap();
        assert!(!has_outputs(&target, "tiny-types"));
        assert!(!target.join("doc").exists());
    }

    #[test]
    fn serde_and_the_client_are_turned_on_only_where_the_crate_has_them() {
        let json = Parts {
            serde: true,
            client: false,
        };
        let aws_json = Parts {
            serde: true,
            client: true,
        };
        let other = Parts::default();
        let test = ["test", "--test", "*", "--features", "arbitrary,serde"];
        assert_eq!(Step::Test.cargo_args(json), test);
        let doctest = ["test", "--doc", "--features", "arbitrary,serde"];
        assert_eq!(Step::Doctest.cargo_args(json), doctest);
        let doctest = ["test", "--doc", "--features", "arbitrary"];
        assert_eq!(Step::Doctest.cargo_args(other), doctest);
        let check = ["check", "--all-targets", "--features", "arbitrary"];
        assert_eq!(Step::CheckFeatures.cargo_args(other), check);
        assert_eq!(Step::Check.cargo_args(json), ["check", "--all-targets"]);
        let client = [
            "check",
            "--all-targets",
            "--features",
            "arbitrary,serde,blocking,dynamic",
        ];
        assert_eq!(Step::CheckFeatures.cargo_args(aws_json), client);
        let doc = ["doc", "--no-deps", "--features", "blocking,dynamic"];
        assert_eq!(Step::Doc.cargo_args(aws_json), doc);
        assert_eq!(Step::Doc.cargo_args(json), ["doc", "--no-deps"]);
    }
}
