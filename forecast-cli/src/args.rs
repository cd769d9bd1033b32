//! The command line: global options, the operation in kebab case, and its JSON input.

use forecast_types::client::OperationInfo;
use forecast_types::OPERATIONS;

/// What the command line asks for.
#[derive(Debug)]
pub enum Command {
    /// `forecast --help`, or no operation.
    Help,
    /// `forecast <operation> --help`.
    OperationHelp(&'static OperationInfo),
    /// `forecast <operation> [JSON | -]`.
    Call(Args),
}

/// A call: the operation, its input and the options.
#[derive(Debug)]
pub struct Args {
    /// The operation to call.
    pub operation: &'static OperationInfo,
    /// The JSON input, `-` for stdin; `None` for `{}`.
    pub input: Option<String>,
    /// `--region`.
    pub region: Option<String>,
    /// `--endpoint-url`.
    pub endpoint_url: Option<String>,
}

/// Reads the arguments after the program's name.
///
/// # Errors
///
/// An unknown option or operation, an option without its value, or an extra argument.
pub fn parse(args: &[String]) -> Result<Command, String> {
    let mut region = None;
    let mut endpoint_url = None;
    let mut operation = None;
    let mut input = None;
    let mut help = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "-h" | "--help" | "help" => help = true,
            "--region" => region = Some(value(&mut rest, arg)?),
            "--endpoint-url" => endpoint_url = Some(value(&mut rest, arg)?),
            option if option.starts_with("--") => {
                return Err(format!("unknown option `{option}`"));
            }
            name if operation.is_none() => operation = Some(find(name)?),
            text if input.is_none() => input = Some(text.to_owned()),
            extra => return Err(format!("unexpected argument `{extra}` after the input")),
        }
    }
    Ok(match (operation, help) {
        (None, _) => Command::Help,
        (Some(operation), true) => Command::OperationHelp(operation),
        (Some(operation), false) => Command::Call(Args {
            operation,
            input,
            region,
            endpoint_url,
        }),
    })
}

fn value<'a>(rest: &mut impl Iterator<Item = &'a String>, option: &str) -> Result<String, String> {
    rest.next()
        .cloned()
        .ok_or_else(|| format!("`{option}` needs a value"))
}

/// The operation named `name` in kebab case.
fn find(name: &str) -> Result<&'static OperationInfo, String> {
    OPERATIONS
        .iter()
        .find(|op| op.kebab_name == name)
        .ok_or_else(|| format!("no operation `{name}`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn an_operation_its_input_and_options() {
        let parsed = parse(&args(&[
            "--region",
            "eu-west-1",
            "describe-forecast-export-job",
            r#"{"ForecastExportJobArn": "arn"}"#,
        ]));
        let Ok(Command::Call(call)) = parsed else {
            panic!("{parsed:?}");
        };
        assert_eq!(call.operation.name, "DescribeForecastExportJob");
        assert_eq!(
            call.input.as_deref(),
            Some(r#"{"ForecastExportJobArn": "arn"}"#)
        );
        assert_eq!(call.region.as_deref(), Some("eu-west-1"));
    }

    #[test]
    fn help_for_all_or_one() {
        assert!(matches!(parse(&args(&["--help"])), Ok(Command::Help)));
        assert!(matches!(parse(&args(&[])), Ok(Command::Help)));
        let one = parse(&args(&["list-dataset-groups", "--help"]));
        assert!(matches!(one, Ok(Command::OperationHelp(op)) if op.name == "ListDatasetGroups"));
    }

    #[test]
    fn mistakes_are_named() {
        let unknown = parse(&args(&["describe-nothing"])).unwrap_err();
        assert_eq!(unknown, "no operation `describe-nothing`");
        let option = parse(&args(&["--colour"])).unwrap_err();
        assert_eq!(option, "unknown option `--colour`");
        let missing = parse(&args(&["--region"])).unwrap_err();
        assert_eq!(missing, "`--region` needs a value");
    }
}
