//! `forecast`: calls any Amazon Forecast operation with a JSON input and prints its
//! JSON output, in the manner of the AWS CLI.
//!
//! ```text
//! forecast [--region REGION] [--endpoint-url URL] <operation> [JSON | -]
//! ```
//!
//! Region, endpoint and credentials come from the standard AWS environment variables
//! and the shared config and credentials files; the options override them.

use std::io::Read;
use std::process::ExitCode;

use forecast_types::client::{Client, JsonCallError, OperationInfo};
use forecast_types::OPERATIONS;

use forecast_cli::args::{self, Args, Command};
use forecast_cli::help;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args::parse(&args) {
        Ok(Command::Help) => print(help::overview(OPERATIONS)),
        Ok(Command::OperationHelp(operation)) => print(help::operation(operation)),
        Ok(Command::Call(call)) => run(&call),
        Err(message) => {
            eprintln!("forecast: {message}\n\nRun `forecast --help` for the operations.");
            ExitCode::from(2)
        }
    }
}

fn print(text: String) -> ExitCode {
    println!("{text}");
    ExitCode::SUCCESS
}

/// Makes the call and prints its output, or its error on stderr.
fn run(call: &Args) -> ExitCode {
    let input = match read_input(call.input.as_deref()) {
        Ok(input) => input,
        Err(error) => {
            eprintln!("forecast: cannot read the input from stdin: {error}");
            return ExitCode::from(2);
        }
    };
    let client = match client(call) {
        Ok(client) => client,
        Err(error) => {
            eprintln!("forecast: {error}");
            return ExitCode::from(2);
        }
    };
    match (call.operation.call)(&client, &input) {
        Ok(output) => print(output),
        Err(error) => fail(call.operation, &error),
    }
}

/// Prints a failed call's error: `Code: message` for the service's errors.
fn fail(operation: &OperationInfo, error: &JsonCallError) -> ExitCode {
    match error {
        JsonCallError::Service { request_id, .. } => {
            eprintln!("{error}");
            if let Some(id) = request_id {
                eprintln!("(request id: {id})");
            }
            ExitCode::from(254)
        }
        JsonCallError::Input(_) => {
            eprintln!("forecast {}: {error}", operation.kebab_name);
            ExitCode::from(252)
        }
        _ => {
            eprintln!("forecast {}: {error}", operation.kebab_name);
            ExitCode::from(255)
        }
    }
}

/// The JSON input: the argument, stdin for `-`, or `{}` when there is none.
fn read_input(input: Option<&str>) -> std::io::Result<String> {
    match input {
        Some("-") => {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text)?;
            Ok(text)
        }
        Some(text) => Ok(text.to_owned()),
        None => Ok(String::new()),
    }
}

/// The client, from the environment and the options.
fn client(call: &Args) -> Result<Client, forecast_types::client::ConfigError> {
    let mut builder = Client::builder();
    if let Some(region) = &call.region {
        builder = builder.region(region);
    }
    if let Some(url) = &call.endpoint_url {
        builder = builder.endpoint_url(url);
    }
    builder.from_env().build()
}
