//! No generated doc comment is a bare filler sentence such as "The `S3Config` structure.":
//! where the model documents nothing, the docs say what the generator knows instead.
//! Checked over forecast-types and every snapshot crate.

use std::fs;
use std::path::{Path, PathBuf};

/// What the docs of an undocumented item, member or file used to say, and say nothing.
const FILLER_KINDS: &[&str] = &["structure", "enum", "union", "member", "operation", "shape"];

/// Whether a paragraph is a filler sentence: "The `X` structure.", "The `X` member.",
/// "The `X` shape (`ns#X`)." and the like.
fn is_filler(paragraph: &str) -> bool {
    let Some(rest) = paragraph.strip_prefix("The `") else {
        return false;
    };
    let Some((_, rest)) = rest.split_once("` ") else {
        return false;
    };
    FILLER_KINDS.iter().any(|kind| {
        rest.strip_prefix(kind)
            .is_some_and(|tail| tail == "." || (tail.starts_with(" (`") && tail.ends_with("`).")))
    })
}

/// The first paragraph of every doc comment in `text`, with its line number. Outer
/// (`///`) and inner (`//!`) doc comments are separate comments.
fn summaries(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut current: Option<(usize, &str, String)> = None;
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_start();
        let marker = ["///", "//!"].into_iter().find(|m| line.starts_with(m));
        let doc = marker.map(|m| line[m.len()..].trim());
        let continues = matches!((&current, marker), (Some((_, open, _)), Some(m)) if *open == m);
        if !continues || doc == Some("") {
            out.extend(current.take().map(|(line, _, summary)| (line, summary)));
        }
        match (&mut current, marker, doc) {
            (_, _, None | Some("")) => {}
            (Some((_, _, summary)), _, Some(doc)) => summary.push_str(&format!(" {doc}")),
            (None, Some(marker), Some(doc)) => current = Some((index + 1, marker, doc.to_owned())),
            (None, None, Some(_)) => unreachable!("a doc line has a marker"),
        }
    }
    out.extend(current.map(|(line, _, summary)| (line, summary)));
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("the directory exists").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// The `src/` of forecast-types and of each snapshot crate.
fn generated_sources() -> Vec<PathBuf> {
    let codegen = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![codegen.join("../forecast-types/src")];
    for entry in fs::read_dir(codegen.join("tests/snapshots"))
        .expect("snapshots exist")
        .flatten()
    {
        dirs.push(entry.path().join("src"));
    }
    dirs
}

#[test]
fn filler_sentences_are_recognised() {
    assert!(is_filler("The `S3Config` structure."));
    assert!(is_filler("The `AttributeType` enum."));
    assert!(is_filler("The `Message` member."));
    assert!(is_filler("The `GetThing` operation."));
    assert!(is_filler(
        "The `S3Config` shape (`com.amazonaws.forecast#S3Config`)."
    ));
    assert!(!is_filler("The `Message` member of an error."));
    assert!(!is_filler("The input of [`GetThing`](crate::GetThing)."));
    let text = "/// The `S3Config` structure.\n///\n/// **Required.**\npub struct S3Config;\n";
    assert_eq!(
        summaries(text)[0],
        (1, "The `S3Config` structure.".to_owned())
    );
}

#[test]
fn no_generated_doc_is_a_filler_sentence() {
    let mut files = Vec::new();
    for dir in generated_sources() {
        rust_files(&dir, &mut files);
    }
    assert!(
        files.len() > 300,
        "found only {} generated files",
        files.len()
    );
    let mut fillers = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("the file reads");
        for (line, summary) in summaries(&text) {
            if is_filler(&summary) {
                fillers.push(format!("{}:{line}: {summary}", file.display()));
            }
        }
    }
    assert!(
        fillers.is_empty(),
        "{} doc comments say nothing but their own name:\n{}",
        fillers.len(),
        fillers.join("\n")
    );
}
