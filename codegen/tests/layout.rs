//! The layout of generated code that prettyplease does not decide, checked on
//! forecast-types and the snapshot crates: no path split across lines, and every macro
//! call with one member per line.

use std::fs;
use std::path::{Path, PathBuf};

use codegen::GENERATED_MARKER;

/// Every generated `.rs` file of forecast-types and the snapshot crates, with its text.
fn generated_files() -> Vec<(PathBuf, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [root.join("../forecast-types"), root.join("tests/snapshots")] {
        collect(&dir, &mut files);
    }
    assert!(
        files.len() > 400,
        "found only {} generated files",
        files.len()
    );
    files
}

fn collect(dir: &Path, files: &mut Vec<(PathBuf, String)>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() && !path.ends_with("target") {
            collect(&path, files);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            let text = fs::read_to_string(&path).unwrap();
            if text.starts_with(GENERATED_MARKER) {
                files.push((path, text));
            }
        }
    }
}

/// The line with its string literals emptied, so that only code is searched.
fn code(line: &str) -> String {
    let mut out = String::new();
    let (mut in_string, mut escaped) = (false, false);
    for c in line.chars() {
        match (in_string, escaped, c) {
            (true, false, '\\') => escaped = true,
            (true, false, '"') => in_string = false,
            (true, _, _) => escaped = false,
            (false, _, '"') => in_string = true,
            (false, _, c) => out.push(c),
        }
        if c == '"' {
            out.push('"');
        }
    }
    out
}

fn ends_in_word(line: &str, word: &str) -> bool {
    line.strip_suffix(word).is_some_and(|before| {
        !before.ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '#')
    })
}

#[test]
fn no_path_is_split_across_lines() {
    let mut split = Vec::new();
    for (path, text) in generated_files() {
        let lines: Vec<&str> = text.lines().collect();
        for (n, pair) in lines.windows(2).enumerate() {
            let (line, next) = (pair[0].trim_end(), pair[1].trim_start());
            let comment = line.trim_start().starts_with("//");
            let ends_path = ends_in_word(line, "crate") || line.ends_with("::");
            let continues = next.starts_with("::") && line.ends_with(char::is_alphanumeric);
            if !comment && (ends_path || continues) {
                split.push(format!("{}:{}: {line}", path.display(), n + 1));
            }
        }
    }
    assert!(
        split.is_empty(),
        "paths split across lines:\n{}",
        split.join("\n")
    );
}

/// The problems of one macro call: `lines` from its opening line to its last.
fn call_problems(lines: &[&str]) -> Vec<String> {
    let [open, body @ .., _close] = lines else {
        let body = code(lines[0]);
        return match body.trim_end_matches(';').matches(';').count() {
            0 => Vec::new(),
            _ => vec![format!("more than one member on one line: {}", lines[0])],
        };
    };
    let mut members = Vec::new();
    let mut problems = Vec::new();
    for line in body.iter().map(|line| line.trim()) {
        let is_comment = line.starts_with("///") || line.starts_with("#[");
        if is_comment || line.ends_with('{') || line == "}" {
            continue;
        }
        if code(line).trim_end_matches(';').contains(';') {
            problems.push(format!("more than one member on one line: {line}"));
        }
        members.push(line);
    }
    let unfinished = members.iter().filter(|m| !m.ends_with(';')).count();
    if unfinished > 0 && members.len() > 1 {
        problems.push(format!("a member over several lines in `{}`", open.trim()));
    }
    problems
}

#[test]
fn macro_calls_have_one_member_per_line() {
    let (mut calls, mut problems) = (0, Vec::new());
    for (path, text) in generated_files() {
        if path.components().any(|c| c.as_os_str() == "primitives") {
            continue;
        }
        let lines: Vec<&str> = text.lines().collect();
        for (n, line) in lines.iter().enumerate() {
            let trimmed = line.trim_start();
            let is_call = trimmed.starts_with("crate::primitives::")
                && (trimmed.contains("! {") || trimmed.contains("!("));
            if !is_call {
                continue;
            }
            calls += 1;
            let indent = &line[..line.len() - trimmed.len()];
            let end = match trimmed.ends_with("! {") {
                true => (n..lines.len())
                    .find(|&i| lines[i] == format!("{indent}}}"))
                    .unwrap(),
                false => n,
            };
            for problem in call_problems(&lines[n..=end]) {
                problems.push(format!("{}:{}: {problem}", path.display(), n + 1));
            }
        }
    }
    assert!(calls > 1000, "found only {calls} macro calls");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
