//! The `protocol-tests` command: AWS's awsJson1_0 and awsJson1_1 protocol tests, run
//! against crates the generator makes from the suites' own shapes.
//!
//! For each protocol, the suites of `protocol-tests/` (botocore's JSON form) become one
//! Smithy model ([`model`]), and the generator makes a standalone crate of it. A runner
//! crate then holds every case as a call into [`harness`] with that crate's types
//! ([`cases`]); it is built once and run, and prints one line per case and the tally.
//! Everything goes under `target/protocol-tests/`.

mod cases;
#[cfg(test)]
mod harness;
mod model;
mod suite;
mod wire;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use ::codegen::{GeneratedFile, Options};
use anyhow::{bail, Context, Result};

use crate::codegen::workspace_root;
use crate::write;
use cases::Direction;
use model::Service;

/// The suites, relative to the workspace root.
const SUITES: &str = "protocol-tests";
/// Where the crates, the runner and their build go, relative to the workspace root.
const OUT: &str = "target/protocol-tests";
/// The runner's hand-written part.
const HARNESS: &str = include_str!("protocol_tests/harness.rs");
/// The command that regenerates everything here, for the generated files' headers.
const COMMAND: &str = "cargo xtask protocol-tests";

/// The endpoint of the clients of suites that name none.
const DEFAULT_ENDPOINT: &str = "https://example.com";

/// One protocol: its suite file name (under `input/` and `output/`), its crate, and the
/// runner's module of checks over that crate.
struct Protocol {
    file: &'static str,
    crate_name: &'static str,
    module: &'static str,
}

const PROTOCOLS: &[Protocol] = &[
    Protocol {
        file: "json_1_0.json",
        crate_name: "aws-json1-0-protocol-tests",
        module: "aws_json1_0",
    },
    Protocol {
        file: "json.json",
        crate_name: "aws-json1-1-protocol-tests",
        module: "aws_json1_1",
    },
];

/// Flags of `cargo xtask protocol-tests`.
#[derive(Debug, Default, clap::Args)]
pub struct Args {
    /// Write the crates and the runner, but do not build or run them.
    #[arg(long)]
    pub no_run: bool,
}

/// Runs `cargo xtask protocol-tests`; fails if any case fails.
pub fn run(args: &Args) -> Result<()> {
    let root = workspace_root();
    let out = root.join(OUT);
    let mut glue = Vec::new();
    let mut cases = Vec::new();
    for protocol in PROTOCOLS {
        let loaded = Loaded::read(&root.join(SUITES), protocol)?;
        generate_crate(&loaded, protocol, &out)?;
        glue.push(glue_module(protocol));
        cases.extend(loaded.case_sources(protocol)?);
    }
    write_runner(&root, &out, &glue, &cases)?;
    if args.no_run {
        println!("{}: runner written", out.join("runner").display());
        return Ok(());
    }
    run_runner(&out)
}

/// A protocol's suite files, read, and its merged service.
struct Loaded {
    files: Vec<(String, suite::File, Direction)>,
    service: Service,
}

impl Loaded {
    fn read(dir: &Path, protocol: &Protocol) -> Result<Loaded> {
        let mut files = Vec::new();
        for (folder, direction) in [("input", Direction::Input), ("output", Direction::Output)] {
            let name = format!("{folder}/{}", protocol.file);
            files.push((name.clone(), suite::read(&dir.join(&name))?, direction));
        }
        let named: Vec<(String, suite::File)> = files
            .iter()
            .map(|(name, file, _)| (name.clone(), file.clone()))
            .collect();
        let service = Service::merge(&named)?;
        Ok(Loaded { files, service })
    }

    /// Every case of every file, as Rust source.
    fn case_sources(&self, protocol: &Protocol) -> Result<Vec<String>> {
        let krate = protocol.crate_name.replace('-', "_");
        let mut sources = Vec::new();
        let suites = self.files.iter().flat_map(|(name, file, direction)| {
            file.iter().map(move |suite| (name, suite, direction))
        });
        for (name, suite, direction) in suites {
            let endpoint = suite.client_endpoint.as_deref().unwrap_or(DEFAULT_ENDPOINT);
            for case in &suite.cases {
                let source = cases::case_source(
                    &self.service,
                    &krate,
                    protocol.module,
                    name,
                    *direction,
                    case,
                    endpoint,
                )
                .with_context(|| format!("{SUITES}/{name}: case `{}`", case.id))?;
                sources.push(source);
            }
        }
        Ok(sources)
    }
}

/// Generates the protocol's crate, and writes it and, beside it, its model.
fn generate_crate(loaded: &Loaded, protocol: &Protocol, out: &Path) -> Result<()> {
    let (model, files) = generate(loaded, protocol)?;
    write::write(&out.join(protocol.crate_name), &files)?;
    let model_path = out.join(format!("{}.json", protocol.crate_name));
    fs::write(&model_path, model).with_context(|| format!("cannot write {}", model_path.display()))
}

/// The Smithy model of the protocol's suites, and the crate the real generator makes of it.
fn generate(loaded: &Loaded, protocol: &Protocol) -> Result<(String, Vec<GeneratedFile>)> {
    let model = serde_json::to_string_pretty(&loaded.service.smithy()?)?;
    let options = Options {
        model_name: format!("{}.json", protocol.crate_name),
        crate_name: protocol.crate_name.to_owned(),
        operations: Vec::new(),
        standalone: true,
        regenerate_command: COMMAND.to_owned(),
        example_operation: None,
        aws_sdk_interop: false,
    };
    let files = ::codegen::generate(&model, &options)
        .map_err(|err| anyhow::anyhow!("the model made of the {} suites: {err}", protocol.file))?;
    Ok((model, files))
}

/// The runner's module of generic checks over the protocol crate's operations.
fn glue_module(protocol: &Protocol) -> String {
    let krate = protocol.crate_name.replace('-', "_");
    format!(
        r#"
/// Checks over the operations of `{krate}`.
mod {glue} {{
    use crate::harness::{{self, Outcome, Request, Sent}};
    use serde::de::DeserializeOwned;
    use serde::Serialize;
    use {krate}::client::{{Call, ClientBuilder, Credentials}};
    use {krate}::primitives::{{JsonBody, Operation}};

    /// The idempotency token the suites expect a client to generate.
    fn token() -> String {{
        "00000000-0000-4000-8000-000000000000".to_owned()
    }}

    /// Reads `params` as the input, makes the client's request of it to `endpoint`, and
    /// compares the request with `expected`.
    pub fn input<Op: Call + Default>(endpoint: &str, params: &str, expected: &Request) -> Outcome
    where
        Op::Input: DeserializeOwned,
    {{
        let input: Op::Input = harness::parse(params, "params")?;
        let client = ClientBuilder::new(&{krate}::SERVICE)
            .region("us-east-1")
            .endpoint_url(endpoint)
            .credentials(Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"))
            .idempotency_tokens(token)
            .build()
            .map_err(|err| format!("cannot build a client: {{err}}"))?;
        let request = client
            .request(Op::default(), input)
            .map_err(|err| format!("cannot make the request: {{err}}"))?;
        let headers = request
            .headers()
            .iter()
            .map(|(name, value)| (name.to_string(), String::from_utf8_lossy(value.as_bytes()).into_owned()))
            .collect();
        let host = request.uri().authority().map_or("", |a| a.as_str());
        let sent = Sent {{
            method: request.method().as_str(),
            path: request.uri().path(),
            host,
            headers,
            body: request.body(),
        }};
        harness::check_request(&sent, expected)
    }}

    /// Reads the response `body` as the output and compares it with `expected`.
    pub fn output<Op: Operation>(body: &str, expected: &str) -> Outcome
    where
        Op::Output: Serialize + DeserializeOwned,
    {{
        let read = Op::read_output(body.as_bytes()).map_err(|err| format!("cannot read the body: {{err}}"))?;
        let expected: Op::Output = harness::parse(expected, "expected result")?;
        harness::same_values(&read, &expected)
    }}
}}
"#,
        glue = protocol.module,
    )
}

/// Writes the runner crate: the harness, the checks and cases, and a manifest that
/// depends on every protocol crate with serde.
fn write_runner(root: &Path, out: &Path, glue: &[String], cases: &[String]) -> Result<()> {
    let header = format!("// @generated by `{COMMAND}`; do not edit.\n");
    let main = format!(
        "{header}//! Runs the awsJson protocol tests against the crates generated from their shapes.\n\n\
         mod harness;\n\n\
         use harness::{{Case, Check, Request}};\n\
         use std::process::ExitCode;\n\
         {glue}\n\
         fn cases() -> Vec<Case> {{\n    vec![\n        {cases},\n    ]\n}}\n\n\
         fn main() -> ExitCode {{\n    match harness::run(&cases()) {{\n        \
         true => ExitCode::SUCCESS,\n        false => ExitCode::FAILURE,\n    }}\n}}\n",
        glue = glue.concat(),
        cases = cases.join(",\n        "),
    );
    let files = vec![
        generated("src/main.rs", main),
        generated("src/harness.rs", format!("{header}{HARNESS}")),
        generated("Cargo.toml", runner_manifest()),
    ];
    let dir = out.join("runner");
    write::write(&dir, &files)?;
    // The workspace's lock file, so that the runner builds with the same versions.
    let lock = dir.join("Cargo.lock");
    fs::copy(root.join("Cargo.lock"), &lock)
        .with_context(|| format!("cannot write {}", lock.display()))?;
    Ok(())
}

fn generated(path: &str, contents: String) -> GeneratedFile {
    GeneratedFile {
        path: PathBuf::from(path),
        contents,
    }
}

fn runner_manifest() -> String {
    let crates: String = PROTOCOLS
        .iter()
        .map(|p| {
            format!(
                "{0} = {{ path = \"../{0}\", default-features = false, features = [\"client\"] }}\n",
                p.crate_name
            )
        })
        .collect();
    format!(
        "# @generated by `{COMMAND}`; do not edit.\n\
         [package]\n\
         name = \"protocol-tests-runner\"\n\
         version = \"0.0.0\"\n\
         edition = \"2021\"\n\
         publish = false\n\n\
         [dependencies]\n\
         serde = {{ version = \"1.0.229\", default-features = false, features = [\"std\"] }}\n\
         serde_json = {{ version = \"1.0.154\", features = [\"float_roundtrip\"] }}\n\
         {crates}\n\
         # A crate of its own, inside the workspace's target directory.\n\
         [workspace]\n"
    )
}

/// Builds and runs the runner, its output passed through; fails when a case fails.
fn run_runner(out: &Path) -> Result<()> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let manifest = out.join("runner/Cargo.toml");
    let status = Command::new(&cargo)
        .args(["run", "--quiet", "--manifest-path"])
        .arg(&manifest)
        .env("CARGO_TARGET_DIR", out.join("target"))
        .env("RUSTFLAGS", "-D warnings")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .stdin(Stdio::null())
        .status()
        .with_context(|| format!("cannot run {}", cargo.to_string_lossy()))?;
    if !status.success() {
        bail!(
            "protocol tests failed ({status}); the runner is {}",
            manifest.display()
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every vendored suite converts, its model generates, and every case becomes a
    /// check or a skip that names a client behaviour.
    #[test]
    fn every_vendored_case_becomes_a_check_or_a_named_skip() {
        let suites = workspace_root().join(SUITES);
        for protocol in PROTOCOLS {
            let loaded = Loaded::read(&suites, protocol).unwrap();
            let (_, files) = generate(&loaded, protocol).unwrap();
            assert!(files.iter().any(|f| f.path == Path::new("src/lib.rs")));
            let sources = loaded.case_sources(protocol).unwrap();
            let cases = loaded.files.iter().flat_map(|(_, file, _)| file);
            let count: usize = cases.map(|suite| suite.cases.len()).sum();
            assert_eq!(sources.len(), count, "{}", protocol.file);
            for source in sources {
                let Some((_, skip)) = source.split_once("Check::Skip(") else {
                    assert!(source.contains("Check::Run(|| "), "{source}");
                    continue;
                };
                let reasons = [
                    cases::Behaviour::RequestCompression,
                    cases::Behaviour::HostPrefix,
                    cases::Behaviour::EndpointPath,
                    cases::Behaviour::IdempotencyToken,
                ]
                .map(|behaviour| format!("{:?}", behaviour.reason()));
                assert!(reasons.iter().any(|r| skip.starts_with(r)), "{source}");
            }
        }
    }
}
