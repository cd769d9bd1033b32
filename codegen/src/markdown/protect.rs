//! Step one: every `<` that does not open a known tag becomes `&lt;`, so placeholders such
//! as `<ExportTimestamp>` reach the tokenizer as text.

use std::borrow::Cow;

use super::tags::{kind_of, Kind};

/// Replaces each `<` that does not start a known tag or a comment with `&lt;`. Inside
/// `<code>` and `<pre>` only inline tags count, so `<code>"<p>x</p>"</code>` keeps its
/// `<p>` as text (when that code element is closed at all).
pub fn protect_literal_tags(html: &str) -> Cow<'_, str> {
    if !html.contains('<') {
        return Cow::Borrowed(html);
    }
    let literal_end = ["</code", "</pre"]
        .iter()
        .filter_map(|close| html.rfind(close))
        .max();
    let mut out = String::with_capacity(html.len() + 64);
    let mut in_literal = false;
    let mut copied = 0;
    for (at, _) in html.match_indices('<') {
        let rest = &html[at..];
        if rest.starts_with("<!--") {
            continue;
        }
        match tag_at(rest) {
            Some((closing, kind)) if !in_literal || kind.is_inline() || kind == Kind::Pre => {
                if kind.is_literal() {
                    in_literal = !closing && literal_end.is_some_and(|end| at < end);
                }
            }
            _ => {
                out.push_str(&html[copied..at]);
                out.push_str("&lt;");
                copied = at + 1;
            }
        }
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// Whether `rest` (which starts with `<`) opens or closes a known tag, and which.
fn tag_at(rest: &str) -> Option<(bool, Kind)> {
    let (closing, body) = match rest.strip_prefix("</") {
        Some(body) => (true, body),
        None => (false, &rest[1..]),
    };
    // Known names are short, so look no further than this for the end of the name.
    const LONGEST_NAME: usize = 10;
    let end = body
        .bytes()
        .take(LONGEST_NAME + 1)
        .position(|b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
        .or((body.len() <= LONGEST_NAME).then_some(body.len()))?;
    kind_of(&body[..end]).map(|kind| (closing, kind))
}
