//! `--help`: every operation with its one-line summary, or one operation's input.

use std::fmt::Write;

use forecast_types::client::OperationInfo;

/// `forecast --help`: usage and every operation.
pub fn overview(operations: &[OperationInfo]) -> String {
    let mut text = String::from(
        "Call Amazon Forecast operations with a JSON input; prints the JSON output.\n\n\
         Usage: forecast [--region REGION] [--endpoint-url URL] <operation> [JSON | -]\n\n\
         The input is optional; `-` reads it from stdin. Region, endpoint and credentials\n\
         come from the AWS environment variables and ~/.aws/config and ~/.aws/credentials.\n\
         `forecast <operation> --help` shows the operation's input.\n\nOperations:\n",
    );
    let width = operations
        .iter()
        .map(|op| op.kebab_name.len())
        .max()
        .unwrap_or(0);
    for op in operations {
        let _ = writeln!(text, "  {:width$}  {}", op.kebab_name, op.summary);
    }
    text
}

/// `forecast <operation> --help`: its summary and its input's members.
pub fn operation(op: &OperationInfo) -> String {
    let mut text = format!(
        "{}\n\nUsage: forecast {} [JSON | -]\n\nInput members:\n",
        op.summary, op.kebab_name
    );
    if op.input.is_empty() {
        text.push_str("  (none)\n");
    }
    let width = op.input.iter().map(|m| m.name.len()).max().unwrap_or(0);
    for member in op.input {
        let required = if member.required { ", required" } else { "" };
        let _ = writeln!(text, "  {:width$}  {}{required}", member.name, member.shape);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use forecast_types::OPERATIONS;

    #[test]
    fn the_overview_lists_every_operation_with_its_summary() {
        let text = overview(OPERATIONS);
        for op in OPERATIONS {
            assert!(text.contains(op.kebab_name), "{}", op.kebab_name);
            assert!(!op.summary.is_empty(), "{} has no summary", op.name);
        }
        let line = text
            .lines()
            .find(|line| line.starts_with("  describe-forecast-export-job "))
            .unwrap();
        assert!(
            line.ends_with(" Describes a forecast export job created using the CreateForecastExportJob operation."),
            "{line}"
        );
    }

    #[test]
    fn an_operation_shows_its_members() {
        let op = OPERATIONS
            .iter()
            .find(|op| op.name == "CreateDatasetGroup")
            .unwrap();
        let text = operation(op);
        assert!(
            text.contains("DatasetGroupName  string, required"),
            "{text}"
        );
        assert!(text.contains("Tags"), "{text}");
        assert!(text.contains("list of Tag"), "{text}");
    }
}
