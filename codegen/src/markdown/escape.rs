//! Writing text as Markdown: escaping, bare URLs, markers around text and code spans.

use super::text::{push_padding, push_space, split_padding};
use super::tree::is_space;

/// Appends text with whitespace collapsed, Markdown characters escaped and, when
/// `autolink` is set, bare URLs wrapped in `<…>`.
pub fn push_text(out: &mut String, text: &str, autolink: bool) {
    if text.starts_with(is_space) {
        push_space(out);
    }
    let mut open_angle = false;
    let mut words = text
        .split(is_space)
        .filter(|word| !word.is_empty())
        .peekable();
    while let Some(word) = words.next() {
        let followed = words.peek().is_some() || text.ends_with(is_space);
        push_word(out, word, autolink, !followed, &mut open_angle);
        if followed {
            out.push(' ');
        }
    }
}

/// Appends one word; `ends_text` tells whether an element may follow it directly.
fn push_word(out: &mut String, word: &str, autolink: bool, ends_text: bool, angle: &mut bool) {
    let mut rest = word;
    while let Some((start, end)) = autolink.then(|| find_url(rest)).flatten() {
        escape_into(out, &rest[..start], false, angle);
        out.push('<');
        out.push_str(&rest[start..end]);
        out.push('>');
        rest = &rest[end..];
    }
    escape_into(out, rest, ends_text, angle);
}

/// The byte range of the first `http://` or `https://` URL in a word, without trailing
/// punctuation, or None. Templates such as `https://{api-id}.example.com` are not URLs.
fn find_url(word: &str) -> Option<(usize, usize)> {
    let start = word.match_indices("http").map(|(at, _)| at).find(|&at| {
        let rest = &word[at..];
        rest.starts_with("https://") || rest.starts_with("http://")
    })?;
    let tail = &word[start..];
    let url = trim_url_end(&tail[..tail.find(['<', '>', '"', '[', ']']).unwrap_or(tail.len())]);
    let host = url.split_once("://").map_or("", |(_, host)| host);
    host.starts_with(|c: char| c.is_ascii_alphanumeric())
        .then_some((start, start + url.len()))
}

/// The URL without the punctuation at its end that ends a sentence or closes a bracket
/// opened before the URL.
fn trim_url_end(url: &str) -> &str {
    let balance = |open: char, close: char| {
        url.matches(open).count() as isize - url.matches(close).count() as isize
    };
    let (mut parens, mut braces) = (balance('(', ')'), balance('{', '}'));
    let mut end = url.len();
    while let Some(last) = url[..end].chars().next_back() {
        match last {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*' | '_' => {}
            ')' if parens < 0 => parens += 1,
            '}' if braces < 0 => braces += 1,
            _ => break,
        }
        end -= 1;
    }
    &url[..end]
}

/// Escapes what Markdown would otherwise read as markup. `open_angle` pairs a `>` with the
/// `<` before it, so `<ExportTimestamp>` reads `\<ExportTimestamp\>`. When `ends_text` is
/// set an element may follow, so a last `<` or `&` is escaped whatever comes next.
fn escape_into(out: &mut String, text: &str, ends_text: bool, open_angle: &mut bool) {
    for (at, c) in text.char_indices() {
        let last = ends_text && at + 1 == text.len();
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '~' => true,
            '<' => {
                let next = text[at + 1..].chars().next();
                *open_angle =
                    last || next.is_some_and(|c| c.is_ascii_alphabetic() || "/!?".contains(c));
                *open_angle
            }
            '>' => std::mem::take(open_angle),
            '_' => at_word_edge(text, at),
            '&' => last || starts_entity(&text[at + 1..]),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Whether the `_` at `at` may open or close emphasis: not between two alphanumerics.
fn at_word_edge(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + 1..].chars().next();
    !(before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric))
}

/// Whether text after a `&` reads as an entity (`amp;`, `#38;`, `#x26;`).
fn starts_entity(rest: &str) -> bool {
    let length = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
        .unwrap_or(rest.len());
    let (name, after) = rest.split_at(length);
    if !after.starts_with(';') {
        return false;
    }
    let is_number =
        |digits: &str, radix: u32| !digits.is_empty() && digits.chars().all(|c| c.is_digit(radix));
    match name.strip_prefix('#') {
        Some(number) => match number.strip_prefix(['x', 'X']) {
            Some(hex) => is_number(hex, 16),
            None => is_number(number, 10),
        },
        None => name.starts_with(|c: char| c.is_ascii_alphabetic()) && !name.contains('#'),
    }
}

/// Escapes what would make a line a heading, list item, quote or setext underline.
pub fn escape_line_start(line: &str) -> String {
    if line.starts_with(['#', '+', '-', '=', '>']) {
        return format!("\\{line}");
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let after = &line[digits..];
    let is_marker =
        after.starts_with(['.', ')']) && (after.len() == 1 || after[1..].starts_with(' '));
    if (1..=9).contains(&digits) && is_marker {
        return format!("{}\\{after}", &line[..digits]);
    }
    line.to_owned()
}

/// Escapes a `!` right before a link, which would otherwise make it an image.
pub fn escape_bang(out: &mut String) {
    if out.ends_with('!') && !out.ends_with("\\!") {
        out.pop();
        out.push_str("\\!");
    }
}

/// Puts `inner` between `open` and `close`, moving its outer whitespace outside; an empty
/// `inner` gives no markers at all.
pub fn wrap(out: &mut String, inner: &str, open: &str, close: &str) {
    let (lead, body, trail) = split_padding(inner);
    push_padding(out, lead);
    if !body.is_empty() {
        if open == "[" {
            escape_bang(out);
        }
        out.push_str(open);
        out.push_str(body);
        out.push_str(close);
    }
    push_padding(out, trail);
}

/// A code span, with a fence longer than any run of backticks in the code.
pub fn code_span(code: &str) -> String {
    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if code.starts_with('`') || code.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{code}{pad}{fence}")
}

pub fn push_code(out: &mut String, code: &str) {
    let (lead, body, trail) = split_padding(code);
    push_padding(out, lead);
    if !body.is_empty() {
        out.push_str(&code_span(body));
    }
    push_padding(out, trail);
}
