//! Patterns: turns a model's `@pattern`, an ECMA 262 regular expression, into the syntax
//! of `regex-lite`, which generated crates match with, or says why it cannot be checked.
//!
//! `regex-lite` has no Unicode classes and no `\uXXXX` escapes, and reads a few things
//! differently from ECMA 262, so the translation:
//!
//! - spells `\p{..}` classes out as code point ranges (Java's ASCII classes such as
//!   `\p{Alnum}`, which AWS models also use, as Java reads them);
//! - turns `\uXXXX` into `\x{..}`, joining UTF-16 surrogate pairs into one code point;
//! - gives `\s` and `.` their ECMA meaning (Unicode spaces; any character but a line
//!   terminator);
//! - escapes what ECMA reads literally but `regex-lite` would not (`[` and `&&` in a class,
//!   a `{` that is not a repetition).
//!
//! Look-around and back-references have no equivalent; such patterns are not checked.

use std::iter::Peekable;
use std::str::Chars;

use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, HirKind};

/// ECMA 262 white space and line terminators: what `\s` matches.
const SPACE: &[(char, char)] = &[
    ('\t', '\r'),
    (' ', ' '),
    ('\u{a0}', '\u{a0}'),
    ('\u{1680}', '\u{1680}'),
    ('\u{2000}', '\u{200a}'),
    ('\u{2028}', '\u{2029}'),
    ('\u{202f}', '\u{202f}'),
    ('\u{205f}', '\u{205f}'),
    ('\u{3000}', '\u{3000}'),
    ('\u{feff}', '\u{feff}'),
];

/// ECMA 262 `.`: anything but a line terminator.
const DOT: &str = r"[^\n\r\x{2028}\x{2029}]";

/// Java's POSIX classes, which are ASCII only, by their Java names.
const JAVA_POSIX: &[(&str, &str)] = &[
    ("Lower", "lower"),
    ("Upper", "upper"),
    ("ASCII", "ascii"),
    ("Alpha", "alpha"),
    ("Digit", "digit"),
    ("Alnum", "alnum"),
    ("Punct", "punct"),
    ("Graph", "graph"),
    ("Print", "print"),
    ("Blank", "blank"),
    ("Cntrl", "cntrl"),
    ("XDigit", "xdigit"),
    ("Space", "space"),
];

/// The pattern in `regex-lite` syntax, checked to compile; or why it cannot be checked.
pub fn translate(source: &str) -> Result<String, String> {
    compile(source).map(|(regex, _)| regex)
}

/// [`translate`], and the translation compiled.
pub fn compile(source: &str) -> Result<(String, regex_lite::Regex), String> {
    let regex = Translator::new(source).run()?;
    match regex_lite::Regex::new(&regex) {
        Ok(compiled) => Ok((regex, compiled)),
        Err(e) => Err(format!(
            "regex-lite rejects it: {}",
            last_line(&e.to_string())
        )),
    }
}

fn last_line(text: &str) -> &str {
    text.lines()
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or(text)
        .trim()
}

struct Translator<'a> {
    chars: Peekable<Chars<'a>>,
    out: String,
    in_class: bool,
}

impl<'a> Translator<'a> {
    fn new(source: &'a str) -> Self {
        Translator {
            chars: source.chars().peekable(),
            out: String::with_capacity(source.len()),
            in_class: false,
        }
    }

    fn run(mut self) -> Result<String, String> {
        while let Some(c) = self.chars.next() {
            match (c, self.in_class) {
                ('\\', _) => self.escape()?,
                ('[', false) => self.open_class()?,
                (']', true) => {
                    self.in_class = false;
                    self.out.push(']');
                }
                ('(', false) => self.group()?,
                ('.', false) => self.out.push_str(DOT),
                ('{', false) => self.brace(),
                ('[' | ']' | '{' | '}' | '&' | '~', _) => self.literal(c),
                _ => self.out.push(c),
            }
        }
        if self.in_class {
            return Err("a character class is not closed".to_owned());
        }
        Ok(self.out)
    }

    fn open_class(&mut self) -> Result<(), String> {
        self.in_class = true;
        self.out.push('[');
        if self.chars.next_if_eq(&'^').is_some() {
            self.out.push('^');
        }
        match self.chars.peek() {
            Some(']') => Err("an empty character class".to_owned()),
            _ => Ok(()),
        }
    }

    /// `(`: a plain or non-capturing group, or a named one; look-around is refused.
    fn group(&mut self) -> Result<(), String> {
        if self.chars.next_if_eq(&'?').is_none() {
            self.out.push('(');
            return Ok(());
        }
        match self.chars.next() {
            Some(':') => self.out.push_str("(?:"),
            Some('=' | '!') => return Err("look-ahead is not supported".to_owned()),
            Some('<') => match self.chars.peek() {
                Some('=' | '!') => return Err("look-behind is not supported".to_owned()),
                _ => self.out.push_str("(?P<"),
            },
            other => return Err(format!("the group `(?{}` is not supported", opt(other))),
        }
        Ok(())
    }

    /// `{` outside a class: a repetition such as `{1,3}` stays, anything else is literal.
    fn brace(&mut self) {
        let rest: String = self.chars.clone().collect();
        let end = rest.find('}').map(|end| &rest[..end]);
        let counts = end.filter(|body| {
            let (low, high) = body.split_once(',').unwrap_or((body, "0"));
            !low.is_empty()
                && [low, high]
                    .iter()
                    .all(|n| n.chars().all(|c| c.is_ascii_digit()))
        });
        match counts {
            Some(body) => {
                self.out.push('{');
                self.out.push_str(body);
                self.out.push('}');
                for _ in 0..=body.chars().count() {
                    self.chars.next();
                }
            }
            None => self.literal('{'),
        }
    }

    fn escape(&mut self) -> Result<(), String> {
        let Some(c) = self.chars.next() else {
            return Err("the pattern ends with a backslash".to_owned());
        };
        match c {
            'd' | 'D' | 'w' | 'W' => {
                self.out.push('\\');
                self.out.push(c);
            }
            'b' if self.in_class => self.literal('\u{8}'),
            'b' | 'B' => {
                self.out.push('\\');
                self.out.push(c);
            }
            's' | 'S' => self.class(&space(), c == 'S'),
            'p' | 'P' => {
                let class = self.property()?;
                self.class(&class, c == 'P');
            }
            'u' => {
                let c = self.unicode()?;
                self.literal(c);
            }
            'x' => {
                let c = self.hex(2).ok_or("`\\x` needs two hex digits")?;
                self.literal(c);
            }
            'c' => {
                let letter = self.chars.next_if(char::is_ascii_alphabetic);
                let letter = letter.ok_or("`\\c` needs a letter")?;
                self.literal(char::from(letter as u8 % 32));
            }
            '0' if !self.chars.peek().is_some_and(char::is_ascii_digit) => self.literal('\0'),
            '1'..='9' => return Err("back-references are not supported".to_owned()),
            'k' if self.chars.peek() == Some(&'<') => {
                return Err("back-references are not supported".to_owned())
            }
            't' => self.literal('\t'),
            'n' => self.literal('\n'),
            'r' => self.literal('\r'),
            'f' => self.literal('\u{c}'),
            'v' => self.literal('\u{b}'),
            _ => self.literal(c),
        }
        Ok(())
    }

    /// The code point after `\u`: `XXXX`, a surrogate pair `XXXX\uXXXX`, or `{X..}`.
    fn unicode(&mut self) -> Result<char, String> {
        if self.chars.next_if_eq(&'{').is_some() {
            let digits: String = std::iter::from_fn(|| self.chars.next_if(|c| *c != '}')).collect();
            self.chars.next();
            let value = u32::from_str_radix(&digits, 16)
                .ok()
                .and_then(char::from_u32);
            return value.ok_or_else(|| format!("`\\u{{{digits}}}` is not a code point"));
        }
        let unit = self.code_unit().ok_or("`\\u` needs four hex digits")?;
        if let Some(c) = char::from_u32(unit) {
            return Ok(c);
        }
        let low = match (0xd800..0xdc00).contains(&unit) {
            true => self.low_surrogate(),
            false => None,
        };
        let pair =
            low.and_then(|low| char::from_u32(0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00)));
        pair.ok_or_else(|| format!("`\\u{unit:04X}` is a lone surrogate"))
    }

    /// A `\uXXXX` low surrogate right after a high one, consumed only if it is one.
    fn low_surrogate(&mut self) -> Option<u32> {
        let mut ahead = self.chars.clone();
        let unit = match (ahead.next(), ahead.next()) {
            (Some('\\'), Some('u')) => hex_value(&mut ahead, 4)?,
            _ => return None,
        };
        if !(0xdc00..0xe000).contains(&unit) {
            return None;
        }
        self.chars = ahead;
        Some(unit)
    }

    fn code_unit(&mut self) -> Option<u32> {
        hex_value(&mut self.chars, 4)
    }

    fn hex(&mut self, digits: usize) -> Option<char> {
        hex_value(&mut self.chars, digits).and_then(char::from_u32)
    }

    /// The class named by `{Name}` after `\p`.
    fn property(&mut self) -> Result<ClassUnicode, String> {
        if self.chars.next_if_eq(&'{').is_none() {
            return Err("`\\p` needs a `{Name}`".to_owned());
        }
        let name: String = std::iter::from_fn(|| self.chars.next_if(|c| *c != '}')).collect();
        self.chars.next();
        property(&name)
    }

    /// A class spelled out as ranges; inside a class the ranges join it.
    fn class(&mut self, class: &ClassUnicode, negate: bool) {
        let mut class = class.clone();
        if negate && self.in_class {
            class.negate();
        }
        let ranges: String = class.ranges().iter().map(range).collect();
        match (self.in_class, negate) {
            (true, _) => self.out.push_str(&ranges),
            (false, false) => self.out.push_str(&format!("[{ranges}]")),
            (false, true) => self.out.push_str(&format!("[^{ranges}]")),
        }
    }

    /// One character, matched literally wherever it stands.
    fn literal(&mut self, c: char) {
        match c.is_ascii_alphanumeric() || c == '_' || c == ' ' {
            true => self.out.push(c),
            false => self.out.push_str(&format!("\\x{{{:X}}}", u32::from(c))),
        }
    }
}

fn opt(c: Option<char>) -> String {
    c.map(String::from).unwrap_or_default()
}

fn hex_value(chars: &mut Peekable<Chars<'_>>, digits: usize) -> Option<u32> {
    let mut ahead = chars.clone();
    let text: String = (0..digits).map_while(|_| ahead.next()).collect();
    let value = match text.len() == digits && text.chars().all(|c| c.is_ascii_hexdigit()) {
        true => u32::from_str_radix(&text, 16).ok()?,
        false => return None,
    };
    *chars = ahead;
    Some(value)
}

fn range(r: &ClassUnicodeRange) -> String {
    let (start, end) = (u32::from(r.start()), u32::from(r.end()));
    match start == end {
        true => format!("\\x{{{start:X}}}"),
        false => format!("\\x{{{start:X}}}-\\x{{{end:X}}}"),
    }
}

fn space() -> ClassUnicode {
    ClassUnicode::new(SPACE.iter().map(|&(a, b)| ClassUnicodeRange::new(a, b)))
}

/// A `\p{Name}` class: Java's ASCII classes by their Java names, else Unicode's.
fn property(name: &str) -> Result<ClassUnicode, String> {
    let posix = JAVA_POSIX.iter().find(|(java, _)| *java == name);
    let source = match posix {
        Some((_, posix)) => format!("[[:{posix}:]]"),
        None => format!("\\p{{{name}}}"),
    };
    let unknown = || format!("`\\p{{{name}}}` is not a known class");
    let hir = regex_syntax::Parser::new()
        .parse(&source)
        .map_err(|_| unknown())?;
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => Ok(class.clone()),
        _ => Err(unknown()),
    }
}

/// The longest example worth writing into a test, in bytes: nested repetitions such
/// as `((a{1000}){1000}){1000}` would otherwise spell out a billion characters.
const MAX_EXAMPLE: usize = 4096;

/// A short string that a translated pattern matches, for boundary tests; `None` when
/// the simple walk of the pattern finds none.
pub fn example(regex: &str) -> Option<String> {
    example_of(regex, &regex_lite::Regex::new(regex).ok()?)
}

/// [`example`] of a translated pattern and its compiled form.
pub fn example_of(regex: &str, compiled: &regex_lite::Regex) -> Option<String> {
    let hir = regex_syntax::Parser::new().parse(regex).ok()?;
    let mut out = String::new();
    build(&hir, &mut out)?;
    if out.len() > MAX_EXAMPLE {
        return None;
    }
    compiled.is_match(&out).then_some(out)
}

/// A short string that a translated pattern does not match; `None` when every
/// candidate matches.
pub fn counterexample(regex: &str) -> Option<String> {
    counterexample_of(&regex_lite::Regex::new(regex).ok()?)
}

/// [`counterexample`] of a compiled pattern.
pub fn counterexample_of(compiled: &regex_lite::Regex) -> Option<String> {
    let candidates = ["", "!", "\n", " ", "a", "0", "~!@#", "\u{0}", "\u{ff}", "A"];
    let found = candidates.into_iter().find(|c| !compiled.is_match(c));
    found.map(str::to_owned)
}

/// Appends the shortest string the expression matches, taking the first branch of
/// every alternation; `None` for what it cannot spell.
fn build(hir: &regex_syntax::hir::Hir, out: &mut String) -> Option<()> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => {}
        HirKind::Literal(literal) => out.push_str(std::str::from_utf8(&literal.0).ok()?),
        HirKind::Class(Class::Unicode(class)) => out.push(pick(class)?),
        HirKind::Class(Class::Bytes(_)) => return None,
        HirKind::Repetition(repetition) => {
            for _ in 0..repetition.min {
                build(&repetition.sub, out)?;
                if out.len() > MAX_EXAMPLE {
                    return None;
                }
            }
        }
        HirKind::Capture(capture) => build(&capture.sub, out)?,
        HirKind::Concat(parts) => parts.iter().try_for_each(|part| build(part, out))?,
        HirKind::Alternation(branches) => build(branches.first()?, out)?,
    }
    Some(())
}

/// A readable member of a class: a letter, digit or `_` if it has one.
fn pick(class: &ClassUnicode) -> Option<char> {
    let has = |c: char| {
        class
            .ranges()
            .iter()
            .any(|r| r.start() <= c && c <= r.end())
    };
    let readable = ['a', 'A', '0', '_', '-', '.', ' ']
        .into_iter()
        .find(|c| has(*c));
    readable.or_else(|| class.ranges().first().map(|r| r.start()))
}

#[cfg(test)]
mod tests {
    use super::{counterexample, example, translate};

    /// Whether `pattern`, as translated, finds a match in `text`.
    fn matches(pattern: &str, text: &str) -> bool {
        let regex = translate(pattern).unwrap_or_else(|e| panic!("{pattern}: {e}"));
        regex_lite::Regex::new(&regex).unwrap().is_match(text)
    }

    #[test]
    fn plain_patterns_keep_their_meaning() {
        assert!(matches("^[a-zA-Z][a-zA-Z0-9_]*$", "my_forecast1"));
        assert!(!matches("^[a-zA-Z][a-zA-Z0-9_]*$", "1forecast"));
        assert!(matches("^s3://[a-z0-9].+$", "s3://bucket/key"));
        assert!(!matches("^s3://[a-z0-9].+$", "s3:/bucket"));
        assert!(matches(
            r"^arn:([a-z\d-]+):forecast:.*:.*:.+$",
            "arn:aws:forecast:us-west-2:1:f/x"
        ));
        assert!(matches(
            r"^[a-zA-Z0-9\-\_\.\/\[\]\,\\]+$",
            r"a-b_c.d/e[f],g\h"
        ));
        assert!(!matches(r"^[a-zA-Z0-9\-\_\.\/\[\]\,\\]+$", "a b"));
    }

    #[test]
    fn patterns_are_searched_not_anchored() {
        assert!(matches(
            "^arn:aws:kms:.*:key/",
            "arn:aws:kms:us-west-2:1:key/abc"
        ));
        assert!(matches("CSV|PARQUET$", "xCSVx"));
    }

    #[test]
    fn unicode_classes_are_spelled_out() {
        let tag = r"^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$";
        assert!(matches(tag, "Équipe 7: prévisions"));
        assert!(matches(tag, "東京"));
        assert!(!matches(tag, "no*stars"));
        assert!(matches(r"^\P{L}+$", "123 456"));
        assert!(!matches(r"^\P{L}+$", "12a"));
    }

    #[test]
    fn java_ascii_classes_are_ascii() {
        assert!(matches(r"^\p{Print}+$", "Hello, world!"));
        assert!(!matches(r"^\p{Print}+$", "tab\there"));
        assert!(!matches(r"^\p{Alnum}+$", "é"));
        assert!(matches(
            r"^arn:[\p{Alnum}\-]+:lambda:",
            "arn:aws-cn:lambda:"
        ));
    }

    #[test]
    fn surrogate_pairs_become_code_points() {
        let xml = r"^[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\t]*$";
        assert!(matches(xml, "plain text\tand 😀"));
        assert!(!matches(xml, "bell \u{7}"));
        assert!(translate(r"^\uD800$")
            .unwrap_err()
            .contains("lone surrogate"));
    }

    #[test]
    fn ecma_escapes_mean_what_ecma_says() {
        assert!(matches(r"^\s$", "\u{a0}"));
        assert!(matches(r"^\s$", "\u{2028}"));
        assert!(!matches(r"^\S$", "\u{3000}"));
        assert!(matches(r"^[\S]$", "x"));
        assert!(!matches(r"^\d$", "٣"));
        assert!(!matches(r"^\w$", "é"));
        assert!(matches(r"^\u0041\x42\cJ$", "AB\n"));
        assert!(matches(r"^[\b]$", "\u{8}"));
    }

    #[test]
    fn dot_stops_at_every_line_terminator() {
        assert!(matches("^.$", "é"));
        for terminator in ["\n", "\r", "\u{2028}", "\u{2029}"] {
            assert!(!matches("^.$", terminator), "{terminator:?}");
        }
    }

    #[test]
    fn ecma_literals_stay_literal() {
        assert!(matches(r"^[a[]+$", "a[a"));
        assert!(matches(r"^[a&&b]+$", "a&b"));
        assert!(matches(r"^a{,2}$", "a{,2}"));
        assert!(matches(r"^x{2}$", "xx"));
        assert!(matches(r"^\$LATEST$", "$LATEST"));
        assert!(matches(r"^(?<word>[a-z]+)$", "abc"));
    }

    #[test]
    fn what_regex_lite_lacks_is_refused_with_a_reason() {
        let refused = [
            (r"^(?!\s*$).+$", "look-ahead"),
            (r"^[0-9A-Za-z\.\-_]*(?<!\.)$", "look-behind"),
            (r"^(a)\1$", "back-reference"),
            (r"^\p{NotAClass}$", "not a known class"),
            ("^[]$", "empty character class"),
            ("^[a$", "not closed"),
            ("abc\\", "backslash"),
        ];
        for (pattern, reason) in refused {
            let error = translate(pattern).unwrap_err();
            assert!(error.contains(reason), "{pattern}: {error}");
        }
    }

    #[test]
    fn examples_match_and_counterexamples_do_not() {
        for pattern in [
            r"^s3://[a-z0-9].+$",
            r"^arn:([a-z\d-]+):forecast:.*:.*:.+$",
            "^CSV|PARQUET$",
            r"^\d{4}-\d{2}$",
        ] {
            let regex = translate(pattern).unwrap();
            let compiled = regex_lite::Regex::new(&regex).unwrap();
            let yes = example(&regex).unwrap_or_else(|| panic!("{pattern}"));
            assert!(compiled.is_match(&yes), "{pattern}: {yes:?}");
            let no = counterexample(&regex).unwrap_or_else(|| panic!("{pattern}"));
            assert!(!compiled.is_match(&no), "{pattern}: {no:?}");
        }
        assert_eq!(
            example(&translate("^s3://[a-z0-9].+$").unwrap()).unwrap(),
            "s3://aa"
        );
        assert_eq!(counterexample(&translate("^.*$").unwrap()).unwrap(), "\n");
    }
}
