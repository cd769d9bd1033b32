//! Plain text: the text of elements, collapsed whitespace, and the padding around inline text.

use super::tags::Kind;
use super::tree::{is_space, Element, Node};

/// The text of nodes, with `<br>` as `line_break` and `<fullname>` left out.
pub fn raw_text(nodes: &[Node], line_break: char, out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(text) => out.push_str(text),
            Node::Element(element) => match element.kind {
                Kind::Break => out.push(line_break),
                Kind::Drop => {}
                _ => raw_text(&element.children, line_break, out),
            },
        }
    }
}

/// The text of an element with each run of whitespace turned into one space.
pub fn collapsed_text(element: &Element) -> String {
    let mut text = String::new();
    raw_text(&element.children, ' ', &mut text);
    collapse_spaces(&text)
}

pub fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (index, word) in text.split(is_space).enumerate() {
        if index > 0 && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Splits off leading and trailing spaces and line breaks.
pub fn split_padding(text: &str) -> (&str, &str, &str) {
    let is_padding = |c: char| c == ' ' || c == '\n';
    let inner = text.trim_start_matches(is_padding);
    let lead = &text[..text.len() - inner.len()];
    let trimmed = inner.trim_end_matches(is_padding);
    (lead, trimmed, &inner[trimmed.len()..])
}

pub fn push_padding(out: &mut String, padding: &str) {
    for c in padding.chars() {
        match c {
            '\n' => out.push('\n'),
            _ => push_space(out),
        }
    }
}

/// Adds one space, unless the text already ends with one or with a line break.
pub fn push_space(out: &mut String) {
    if !out.ends_with([' ', '\n']) {
        out.push(' ');
    }
}
