//! Validation: checks values against the constraints of the model (`@required`,
//! `@length`, `@range`, `@pattern`, `@uniqueItems`, enum values) and reports every
//! violation with the path to it.

use std::fmt;
use std::sync::OnceLock;

/// What a violation shows in place of a `@sensitive` value.
const REDACTED: &str = "*** Sensitive Data Redacted ***";

/// How many characters of an offending value the message of a violation quotes; a
/// longer value is cut there and its length given, so that a message about hostile
/// input stays short. The violation keeps the whole value.
const QUOTED_CHARS: usize = 64;

/// A value that can be checked against the constraints of the model.
///
/// Every generated structure, union and enum implements it, and also has an inherent
/// `validate()` that calls it, so the trait only needs importing for generic code.
pub trait Validate {
    /// Checks the value, and everything inside it; `Err` lists every violation.
    #[inline]
    fn validate(&self) -> Result<(), ValidationError>
    where
        Self: Sized,
    {
        run(self)
    }

    /// Records the violations of the value, and of everything inside it, at the
    /// validator's current path.
    fn check(&self, validator: &mut Validator);
}

/// Checks a value and everything inside it: the one compiled body behind every
/// `validate()`.
fn run(value: &dyn Validate) -> Result<(), ValidationError> {
    let mut validator = Validator::default();
    value.check(&mut validator);
    validator.finish()
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn check(&self, validator: &mut Validator) {
        (**self).check(validator);
    }
}

/// Inclusive bounds of a length or a number; either side may be open.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds<T> {
    /// The smallest allowed value.
    pub min: Option<T>,
    /// The largest allowed value.
    pub max: Option<T>,
}

impl<T> Bounds<T> {
    /// Both sides closed: `min..=max`.
    pub const fn between(min: T, max: T) -> Self {
        Bounds {
            min: Some(min),
            max: Some(max),
        }
    }

    /// Only a smallest value: `min..`.
    pub const fn at_least(min: T) -> Self {
        Bounds {
            min: Some(min),
            max: None,
        }
    }

    /// Only a largest value: `..=max`.
    pub const fn at_most(max: T) -> Self {
        Bounds {
            min: None,
            max: Some(max),
        }
    }
}

impl<T: PartialOrd> Bounds<T> {
    /// Whether `value` lies within the bounds; `NaN` never does.
    pub fn contains(&self, value: &T) -> bool {
        let above = self.min.as_ref().is_none_or(|min| value >= min);
        let below = self.max.as_ref().is_none_or(|max| value <= max);
        above && below
    }
}

impl<T: fmt::Display> fmt::Display for Bounds<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(min) = &self.min {
            write!(f, "{min}")?;
        }
        f.write_str("..")?;
        match &self.max {
            Some(max) => write!(f, "={max}"),
            None => Ok(()),
        }
    }
}

/// A `@pattern` of the model, compiled on first use.
///
/// The generator translated the model's ECMA 262 pattern into `regex-lite` syntax and
/// checked that it compiles.
#[derive(Debug)]
pub struct Pattern {
    regex: &'static str,
    source: &'static str,
    compiled: OnceLock<Option<regex_lite::Regex>>,
}

impl Pattern {
    /// A pattern from its `regex-lite` translation and its text in the model.
    pub const fn new(regex: &'static str, source: &'static str) -> Self {
        Pattern {
            regex,
            source,
            compiled: OnceLock::new(),
        }
    }

    /// The pattern as the model writes it.
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// Whether the pattern matches anywhere in `value`, as `@pattern` specifies. A
    /// pattern that does not compile (never the case for generated ones) matches
    /// everything.
    pub fn is_match(&self, value: &str) -> bool {
        let compiled = self
            .compiled
            .get_or_init(|| regex_lite::Regex::new(self.regex).ok());
        compiled.as_ref().is_none_or(|regex| regex.is_match(value))
    }
}

/// Which constraint a value breaks.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Constraint {
    /// `@required`: the member is absent.
    Required,
    /// `@length`: characters of a string, bytes of a blob, entries of a list or map.
    Length {
        /// The allowed lengths.
        bounds: Bounds<u64>,
        /// The value's length.
        actual: u64,
    },
    /// `@range` on an integer.
    IntRange(Bounds<i64>),
    /// `@range` on a floating-point or arbitrary-precision number.
    FloatRange(Bounds<f64>),
    /// `@pattern`, as the model writes it.
    Pattern(&'static str),
    /// An enum value the model does not list.
    KnownValue,
    /// A union member the model does not list.
    KnownMember,
    /// `@uniqueItems`: two items are equal.
    UniqueItems {
        /// The index of the first of the two.
        first: usize,
        /// The index of the second.
        second: usize,
    },
}

impl fmt::Display for Constraint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Constraint::Required => f.write_str("is required"),
            Constraint::Length { bounds, actual } => {
                write!(f, "has length {actual}, not within {bounds}")
            }
            Constraint::IntRange(bounds) => write!(f, "is not within {bounds}"),
            Constraint::FloatRange(bounds) => write!(f, "is not within {bounds}"),
            Constraint::Pattern(pattern) => write!(f, "does not match `{pattern}`"),
            Constraint::KnownValue => f.write_str("is not a value the model lists"),
            Constraint::KnownMember => f.write_str("is not a member the model lists"),
            Constraint::UniqueItems { first, second } => {
                write!(f, "has equal items at {first} and {second}")
            }
        }
    }
}

/// One broken constraint: where, which, and the offending value.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Violation {
    /// The path from the checked value, such as `Destination.S3Config.Path`, `Tags[2].Key`
    /// or `Configuration["key"]` (`Configuration[key "key"]` for the key itself); empty
    /// for the checked value itself.
    pub path: String,
    /// The constraint.
    pub constraint: Constraint,
    /// The whole offending value as text (a string quoted, with Rust's escapes),
    /// redacted when it is `@sensitive`; `None` where the constraint says it all (a
    /// missing member, a list's length). `Display` quotes at most 64 characters of it.
    pub value: Option<String>,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.path.is_empty() {
            true => f.write_str("the value")?,
            false => f.write_str(&self.path)?,
        }
        match &self.value {
            Some(value) => write!(f, " ({}) {}", Bounded(value), self.constraint),
            None => write!(f, " {}", self.constraint),
        }
    }
}

/// A violation's value as its message shows it: whole when it has at most
/// `QUOTED_CHARS` characters, else cut there, with an ellipsis and its length:
/// `"aaaa…", 1000000 characters`.
struct Bounded<'a>(&'a str);

impl fmt::Display for Bounded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.0;
        let quoted = text.len() >= 2 && text.starts_with('"') && text.ends_with('"');
        let (inner, quote) = match quoted {
            true => (&text[1..text.len() - 1], "\""),
            false => (text, ""),
        };
        let mut ends = char_ends(inner, quoted);
        let cut = ends.nth(QUOTED_CHARS - 1);
        match (cut, ends.next()) {
            (Some(cut), Some(_)) => {
                let length = QUOTED_CHARS + 1 + ends.count();
                let shown = &inner[..cut];
                write!(f, "{quote}{shown}…{quote}, {length} characters")
            }
            _ => f.write_str(text),
        }
    }
}

/// The byte offset after each character of a value's text; in quoted text, an escape
/// (`\"`, `\n`, `\u{1f}`) counts as the one character it stands for.
fn char_ends(text: &str, quoted: bool) -> impl Iterator<Item = usize> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (_, c) = chars.next()?;
        if quoted && c == '\\' && chars.next().is_some_and(|(_, c)| c == 'u') {
            chars.by_ref().find(|(_, c)| *c == '}');
        }
        Some(chars.peek().map_or(text.len(), |(i, _)| *i))
    })
}

/// Every constraint a value breaks, in the order of its members.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidationError {
    violations: Vec<Violation>,
}

impl ValidationError {
    /// The violations; never empty.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// The violations, by value.
    pub fn into_violations(self) -> Vec<Violation> {
        self.violations
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.violations.len() {
            1 => f.write_str("1 constraint violation: ")?,
            n => write!(f, "{n} constraint violations: ")?,
        }
        for (i, violation) in self.violations.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{violation}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationError {}

/// Every missing member of a builder, as a `@required` violation at its path.
impl From<super::build::BuildError> for ValidationError {
    fn from(error: super::build::BuildError) -> Self {
        let violations = error.missing().iter().map(|member| Violation {
            path: (*member).to_owned(),
            constraint: Constraint::Required,
            value: None,
        });
        ValidationError {
            violations: violations.collect(),
        }
    }
}

/// One step of a path.
#[derive(Debug, Clone)]
enum Step {
    Member { name: &'static str, sensitive: bool },
    Index(usize),
    Key(String),
    MapKey(String),
}

/// Walks a value for [`Validate::check`]: keeps the current path and collects the
/// violations.
#[derive(Debug, Default)]
pub struct Validator {
    path: Vec<Step>,
    violations: Vec<Violation>,
}

impl Validator {
    /// Steps into a member; `sensitive` redacts every value found inside it.
    pub fn enter(&mut self, name: &'static str, sensitive: bool) {
        self.path.push(Step::Member { name, sensitive });
    }

    /// Steps into a list item.
    pub fn enter_index(&mut self, index: usize) {
        self.path.push(Step::Index(index));
    }

    /// Steps into a map entry.
    pub fn enter_key(&mut self, key: &str) {
        self.path.push(Step::Key(key.to_owned()));
    }

    /// Steps onto the key of a map entry, itself.
    pub fn enter_map_key(&mut self, key: &str) {
        self.path.push(Step::MapKey(key.to_owned()));
    }

    /// Steps back out of the last member, item or entry.
    pub fn leave(&mut self) {
        self.path.pop();
    }

    /// The current member is required but absent.
    pub fn missing(&mut self) {
        self.record(Constraint::Required, None);
    }

    /// `@length` of a string, in Unicode scalar values.
    pub fn check_chars(&mut self, value: &str, bounds: Bounds<u64>) {
        let actual = value.chars().count() as u64;
        if !bounds.contains(&actual) {
            self.record(Constraint::Length { bounds, actual }, Some(&Quoted(value)));
        }
    }

    /// `@length` of a blob, in bytes.
    pub fn check_bytes(&mut self, value: &[u8], bounds: Bounds<u64>) {
        self.check_count(value.len(), bounds);
    }

    /// `@length` of a list or map, in entries.
    pub fn check_count(&mut self, len: usize, bounds: Bounds<u64>) {
        let actual = len as u64;
        if !bounds.contains(&actual) {
            self.record(Constraint::Length { bounds, actual }, None);
        }
    }

    /// `@pattern` of a string.
    pub fn check_pattern(&mut self, value: &str, pattern: &Pattern) {
        if !pattern.is_match(value) {
            self.record(Constraint::Pattern(pattern.source()), Some(&Quoted(value)));
        }
    }

    /// `@range` of an integer.
    pub fn check_int(&mut self, value: i64, bounds: Bounds<i64>) {
        if !bounds.contains(&value) {
            self.record(Constraint::IntRange(bounds), Some(&value));
        }
    }

    /// `@range` of a floating-point number; `NaN` is never within a range.
    pub fn check_float(&mut self, value: f64, bounds: Bounds<f64>) {
        if !bounds.contains(&value) {
            self.record(Constraint::FloatRange(bounds), Some(&value));
        }
    }

    /// `@range` of an arbitrary-precision number, compared as the nearest `f64`.
    pub fn check_big(&mut self, value: &str, bounds: Bounds<f64>) {
        let number = value.parse::<f64>().unwrap_or(f64::NAN);
        if !bounds.contains(&number) {
            self.record(Constraint::FloatRange(bounds), Some(&value));
        }
    }

    /// `@uniqueItems`: reports the first pair of equal items.
    pub fn check_unique<T: PartialEq>(&mut self, items: &[T]) {
        let pair = items.iter().enumerate().find_map(|(second, item)| {
            let first = items[..second].iter().position(|other| other == item)?;
            Some((first, second))
        });
        if let Some((first, second)) = pair {
            self.record(Constraint::UniqueItems { first, second }, None);
        }
    }

    /// An enum value the model does not list.
    pub fn unknown_value(&mut self, value: &dyn fmt::Display) {
        self.record(Constraint::KnownValue, Some(&Quoted(&value.to_string())));
    }

    /// A union member the model does not list.
    pub fn unknown_member(&mut self, name: &str) {
        self.record(Constraint::KnownMember, Some(&Quoted(name)));
    }

    /// Every violation recorded, or `Ok` when there is none.
    pub fn finish(self) -> Result<(), ValidationError> {
        match self.violations.is_empty() {
            true => Ok(()),
            false => Err(ValidationError {
                violations: self.violations,
            }),
        }
    }

    fn record(&mut self, constraint: Constraint, value: Option<&dyn fmt::Display>) {
        let sensitive = self.path.iter().any(|step| {
            matches!(
                step,
                Step::Member {
                    sensitive: true,
                    ..
                }
            )
        });
        let value = value.map(|value| match sensitive {
            true => REDACTED.to_owned(),
            false => value.to_string(),
        });
        self.violations.push(Violation {
            path: self.path_text(),
            constraint,
            value,
        });
    }

    fn path_text(&self) -> String {
        let mut text = String::new();
        for step in &self.path {
            match step {
                Step::Member { name, .. } if text.is_empty() => text.push_str(name),
                Step::Member { name, .. } => {
                    text.push('.');
                    text.push_str(name);
                }
                Step::Index(index) => text.push_str(&format!("[{index}]")),
                Step::Key(key) => text.push_str(&format!("[{key:?}]")),
                Step::MapKey(key) => text.push_str(&format!("[key {key:?}]")),
            }
        }
        text
    }
}

/// A string shown in quotes.
struct Quoted<'a>(&'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn violation(value: &str) -> Violation {
        Violation {
            path: "Name".to_owned(),
            constraint: Constraint::Pattern("^[a-z]+$"),
            value: Some(Quoted(value).to_string()),
        }
    }

    #[test]
    fn short_values_are_quoted_whole() {
        let value = "a".repeat(QUOTED_CHARS);
        let shown = violation(&value).to_string();
        assert_eq!(
            shown,
            format!("Name (\"{value}\") does not match `^[a-z]+$`")
        );
    }

    #[test]
    fn long_values_are_cut_and_counted_but_kept_whole() {
        let value = "a".repeat(1_000_000);
        let violation = violation(&value);
        let shown = violation.to_string();
        let quoted = format!("\"{}…\", 1000000 characters", "a".repeat(QUOTED_CHARS));
        assert_eq!(shown, format!("Name ({quoted}) does not match `^[a-z]+$`"));
        assert_eq!(violation.value, Some(format!("\"{value}\"")));
    }

    #[test]
    fn escapes_and_wide_characters_count_as_one() {
        let value = format!("{}\u{1}\"é{}", "a".repeat(62), "b".repeat(10));
        let shown = violation(&value).to_string();
        let expected = format!("(\"{}\\u{{1}}\\\"…\", 75 characters)", "a".repeat(62));
        assert!(shown.contains(&expected), "{shown}");
        let wide = "é".repeat(QUOTED_CHARS + 1);
        let shown = violation(&wide).to_string();
        let expected = format!("(\"{}…\", 65 characters)", "é".repeat(QUOTED_CHARS));
        assert!(shown.contains(&expected), "{shown}");
    }

    #[test]
    fn unquoted_values_are_cut_too() {
        let big = "9".repeat(100);
        let violation = Violation {
            path: String::new(),
            constraint: Constraint::KnownValue,
            value: Some(big.clone()),
        };
        let expected = format!("the value ({}…, 100 characters) is", &big[..QUOTED_CHARS]);
        assert!(violation.to_string().starts_with(&expected));
    }
}
