//! `cargo xtask`: developer commands for this workspace; this file only parses the command line and dispatches.

mod bench_build;
mod bench_size;
mod codegen;
mod corpus;
mod protocol_tests;
mod write;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// The generator allocates many small token trees; mimalloc makes a run about a fifth
/// faster than the system allocator (see `cargo bench -p codegen --bench generate`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Developer commands for this workspace.
#[derive(Debug, Parser)]
#[command(bin_name = "cargo xtask")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Regenerate forecast-types from model/, or any Smithy model into a standalone crate.
    Codegen(codegen::Args),
    /// Generate a crate from every model in a directory, then check, document and
    /// test each one.
    Corpus(corpus::Args),
    /// Run AWS's awsJson1_0 and awsJson1_1 protocol tests (`protocol-tests/`) against
    /// crates generated from their shapes: one line per case, then the tally.
    ProtocolTests(protocol_tests::Args),
    /// Clean debug builds of scratch crates using forecast-types (default features, none,
    /// with serde, with the client's `blocking`), aws-sdk-forecast without its default
    /// features, and aws-sdk-forecast with aws-config and their default features, side by
    /// side: times, ratios, dependency counts, source lines.
    BenchBuild(bench_build::Args),
    /// Release builds of two programs calling DescribeForecastExportJob, one with
    /// forecast-types' client (`blocking`), one with aws-sdk-forecast, aws-config and
    /// tokio, both stripped by the same release profile: binary sizes and their ratio
    /// (goal at most 0.25).
    BenchSize(bench_size::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Codegen(args) => codegen::run(args),
        Command::Corpus(args) => corpus::run(args),
        Command::ProtocolTests(args) => protocol_tests::run(args),
        Command::BenchBuild(args) => bench_build::run(args),
        Command::BenchSize(args) => bench_size::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
