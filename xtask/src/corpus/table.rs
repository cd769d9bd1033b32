//! The summary table printed after a corpus run: one Markdown row per model, columns aligned.

/// One model's line in the table; `None` cells (the model never got that far) show `-`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    pub model: String,
    pub protocol: String,
    pub shapes: Option<usize>,
    pub lines: Option<usize>,
    pub generate_ms: Option<u128>,
    pub cargo_secs: Option<f64>,
    /// `ok`, or which step failed: `check failed`.
    pub result: String,
}

/// A column's heading and whether its cells are numbers (right-aligned).
const COLUMNS: [(&str, bool); 7] = [
    ("model", false),
    ("protocol", false),
    ("shapes", true),
    ("generated lines", true),
    ("generate ms", true),
    ("cargo s", true),
    ("result", false),
];

/// The table as Markdown: a heading row, the alignment row, then one row a model.
pub fn format(rows: &[Row]) -> String {
    let cells: Vec<[String; 7]> = rows.iter().map(cells).collect();
    let widths: [usize; 7] = std::array::from_fn(|i| {
        let widest = cells
            .iter()
            .map(|row| row[i].chars().count())
            .max()
            .unwrap_or(0);
        widest.max(COLUMNS[i].0.len())
    });
    let mut out = line(&COLUMNS.map(|(heading, _)| heading.to_owned()), &widths);
    out.push_str(&rule(&widths));
    for row in &cells {
        out.push_str(&line(row, &widths));
    }
    out
}

fn cells(row: &Row) -> [String; 7] {
    let number = |value: Option<String>| value.unwrap_or_else(|| "-".to_owned());
    [
        row.model.clone(),
        row.protocol.clone(),
        number(row.shapes.map(|n| n.to_string())),
        number(row.lines.map(|n| n.to_string())),
        number(row.generate_ms.map(|n| n.to_string())),
        number(row.cargo_secs.map(|s| format!("{s:.1}"))),
        row.result.clone(),
    ]
}

/// `| a | b |`, every cell padded to its column's width: numbers right, text left.
fn line(cells: &[String; 7], widths: &[usize; 7]) -> String {
    let padded = cells.iter().zip(widths).zip(COLUMNS);
    let padded = padded.map(|((cell, &width), (_, numeric))| match numeric {
        true => format!(" {cell:>width$} "),
        false => format!(" {cell:<width$} "),
    });
    join(padded)
}

/// The alignment row: `|---|--:|`, numeric columns marked right-aligned.
fn rule(widths: &[usize; 7]) -> String {
    let rules = widths.iter().zip(COLUMNS);
    let rules = rules.map(|(&width, (_, numeric))| match numeric {
        true => format!("{}:", "-".repeat(width + 1)),
        false => "-".repeat(width + 2),
    });
    join(rules)
}

fn join(cells: impl Iterator<Item = String>) -> String {
    let mut out = String::from("|");
    for cell in cells {
        out.push_str(&cell);
        out.push('|');
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(model: &str, result: &str) -> Row {
        Row {
            model: model.to_owned(),
            protocol: "awsJson1_1".to_owned(),
            shapes: Some(123),
            lines: Some(45678),
            generate_ms: Some(9),
            cargo_secs: Some(12.345),
            result: result.to_owned(),
        }
    }

    #[test]
    fn aligns_text_left_and_numbers_right() {
        let failed = Row {
            model: "s3-2006-03-01".to_owned(),
            protocol: "restXml".to_owned(),
            shapes: Some(1000),
            result: "generate failed".to_owned(),
            ..Row::default()
        };
        let table = format(&[row("kinesis-2013-12-02", "ok"), failed]);
        let expected = "\
| model              | protocol   | shapes | generated lines | generate ms | cargo s | result          |
|--------------------|------------|-------:|----------------:|------------:|--------:|-----------------|
| kinesis-2013-12-02 | awsJson1_1 |    123 |           45678 |           9 |    12.3 | ok              |
| s3-2006-03-01      | restXml    |   1000 |               - |           - |       - | generate failed |
";
        assert_eq!(table, expected);
    }

    #[test]
    fn columns_are_at_least_as_wide_as_their_headings() {
        let table = format(&[Row {
            model: "a".to_owned(),
            protocol: "-".to_owned(),
            result: "ok".to_owned(),
            ..Row::default()
        }]);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines.iter().all(|line| line.len() == lines[0].len()));
        assert!(lines[2].starts_with("| a     | -        |      - |"));
    }

    #[test]
    fn an_empty_run_has_only_the_headings() {
        assert_eq!(format(&[]).lines().count(), 2);
    }
}
