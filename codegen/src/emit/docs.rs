//! Doc comments: model HTML as rustdoc Markdown, one `#[doc]` attribute per line, and
//! the line of facts that ends each member's docs.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Mutex, PoisonError};

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use serde_json::Value;

use crate::load::traits::{Deprecated, Range};
use crate::load::Correction;
use crate::typespace::{Checks, Field, Inner, PatternId, PatternInfo, TypeSpace, UnionVariant};

/// What docs read from the type space: `<a>Name</a>` in model docs resolved to items of
/// the generated crate, and the pattern table that member facts name.
pub struct Links<'a> {
    paths: BTreeMap<String, String>,
    patterns: &'a BTreeMap<PatternId, PatternInfo>,
    /// Markdown already converted, by its HTML: a target's docs serve every member
    /// that targets it, an operation's docs its files and its input's and output's.
    converted: Mutex<HashMap<String, String>>,
}

impl<'a> Links<'a> {
    /// Links every generated item and operation by its model name.
    pub fn new(space: &'a TypeSpace) -> Self {
        let items = space.items.values().map(|i| (i.id.name(), &i.name));
        let operations = space.operations.values().map(|o| (o.id.name(), &o.name));
        let paths = items
            .chain(operations)
            .map(|(model, name)| (model.to_owned(), format!("crate::{name}")))
            .collect();
        Links {
            paths,
            patterns: &space.patterns,
            converted: Mutex::default(),
        }
    }

    /// The rustdoc path of a model name, if the crate has such an item.
    pub fn resolve(&self, name: &str) -> Option<String> {
        self.paths.get(name.trim()).cloned()
    }

    /// Model HTML as Markdown, each HTML text converted once.
    pub fn markdown(&self, html: &str) -> String {
        if let Some(markdown) = self.converted().get(html) {
            return markdown.clone();
        }
        let markdown = crate::markdown::html_to_markdown(html, &|name| self.resolve(name));
        self.converted().insert(html.to_owned(), markdown.clone());
        markdown
    }

    fn converted(&self) -> std::sync::MutexGuard<'_, HashMap<String, String>> {
        self.converted
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

/// `#[doc]` attributes, one per line of Markdown.
pub fn attrs(markdown: &str) -> TokenStream {
    let lines = markdown.lines().map(line);
    quote!(#(#[doc = #lines])*)
}

/// Inner `#![doc]` attributes, one per line, for module and crate docs.
pub fn inner_attrs(markdown: &str) -> TokenStream {
    let lines = markdown.lines().map(line);
    quote!(#(#![doc = #lines])*)
}

/// The value of one line's `#[doc]`: the line behind a space, as a raw string
/// (`r" text"`), which is read back as written where an escaped string would be
/// escaped and unescaped character by character. A raw string cannot hold a carriage
/// return: such a line is escaped.
fn line(line: &str) -> Literal {
    let text = match line.is_empty() {
        true => String::new(),
        false => format!(" {line}"),
    };
    let hashes = "#".repeat(raw_hashes(&text));
    let raw = format!("r{hashes}\"{text}\"{hashes}");
    match text.contains('\r') {
        true => Literal::string(&text),
        false => raw.parse().unwrap_or_else(|_| Literal::string(&text)),
    }
}

/// How many `#` a raw string needs around `text`: one more than the longest run of
/// `#` after a `"` in it.
fn raw_hashes(text: &str) -> usize {
    text.match_indices('"')
        .map(|(at, _)| 1 + text[at + 1..].bytes().take_while(|b| *b == b'#').count())
        .max()
        .unwrap_or(0)
}

/// The docs of an item: the model's documentation, or `fallback` when it has none.
pub fn item_docs(links: &Links, html: Option<&str>, fallback: &str) -> String {
    match html
        .map(|h| links.markdown(h))
        .filter(|md| !md.trim().is_empty())
    {
        Some(markdown) => markdown,
        None => fallback.to_owned(),
    }
}

/// What a member's docs say about it besides its documentation: a view of the one
/// record of the member, which its `Debug`, its checks and its serde impl also read.
pub struct Facts<'a> {
    /// `@required`.
    pub required: bool,
    /// What `validate()` tests.
    pub checks: &'a Checks,
    /// The default the value takes.
    pub default: Option<&'a Value>,
    /// Whether `Debug` hides the value.
    pub sensitive: bool,
    /// `@deprecated`.
    pub deprecated: Option<&'a Deprecated>,
    /// The correction of the model behind the constraints.
    pub correction: Option<&'a Correction>,
}

impl<'a> Facts<'a> {
    /// The facts of a structure field.
    pub fn of_field(field: &'a Field) -> Self {
        Facts {
            required: field.required,
            checks: &field.checks,
            default: field.default.as_ref(),
            sensitive: field.sensitive,
            deprecated: field.deprecated.as_ref(),
            correction: field.correction.as_ref(),
        }
    }

    /// The facts of a union member.
    pub fn of_variant(variant: &'a UnionVariant) -> Self {
        Facts {
            required: false,
            checks: &variant.checks,
            default: None,
            sensitive: variant.sensitive,
            deprecated: None,
            correction: variant.correction.as_ref(),
        }
    }
}

/// A member's docs: its documentation, then a paragraph of facts from the model, then
/// what a correction of the model changed and why.
pub fn member_docs(links: &Links, html: Option<&str>, fallback: &str, facts: &Facts) -> String {
    let body = item_docs(links, html, fallback);
    let line = facts_line(links, facts);
    let correction = facts.correction.map(|c| correction_note(links, c));
    let paragraphs = [Some(body), Some(line), correction];
    let paragraphs: Vec<String> = paragraphs
        .into_iter()
        .flatten()
        .filter(|p| !p.is_empty())
        .collect();
    paragraphs.join("\n\n")
}

/// What a correction changed, where, why and on what authority: ``**Corrected** (pattern,
/// in `corrections.json`): The model ... Source: ...``
pub fn correction_note(links: &Links, correction: &Correction) -> String {
    let traits: Vec<&str> = correction
        .traits
        .iter()
        .map(|id| id.strip_prefix("smithy.api#").unwrap_or(id))
        .collect();
    format!(
        "**Corrected** ({}, in {}): {} Source: {}",
        traits.join(", "),
        code_span(&correction.file),
        links.markdown(&correction.reason).trim(),
        links.markdown(&correction.source).trim(),
    )
}

/// The facts line, such as ``**Required.** Length: `1..=63`. Pattern: `^[a-z]+$`.``
pub fn facts_line(links: &Links, facts: &Facts) -> String {
    let mut parts = Vec::new();
    if facts.required {
        parts.push("**Required.**".to_owned());
    }
    parts.extend(value_facts(links, facts.checks));
    if let Some(default) = facts.default {
        parts.push(format!("Default: {}.", code_span(&default.to_string())));
    }
    parts.extend(unique_and_inner(links, facts.checks));
    if facts.sensitive {
        parts.push("Sensitive: hidden from `Debug` output.".to_owned());
    }
    if let Some(deprecated) = facts.deprecated {
        parts.push(deprecated_fact(deprecated));
    }
    parts.join(" ")
}

/// The length, range and pattern of one value.
fn value_facts(links: &Links, checks: &Checks) -> Vec<String> {
    let mut parts = Vec::new();
    if let Some(length) = checks.length {
        let (min, max) = (
            length.min.map(|n| n.to_string()),
            length.max.map(|n| n.to_string()),
        );
        parts.push(format!("Length: {}.", bounds(min, max)));
    }
    if let Some(Range { min, max }) = &checks.range {
        let text = |n: &Option<serde_json::Number>| n.as_ref().map(|n| n.to_string());
        parts.push(format!("Range: {}.", bounds(text(min), text(max))));
    }
    let pattern = checks
        .pattern
        .as_ref()
        .and_then(|id| links.patterns.get(id));
    if let Some(info) = pattern {
        let source = code_span(&info.source);
        parts.push(match &info.regex {
            Ok(_) => format!("Pattern: {source}."),
            Err(reason) => {
                format!("Pattern: {source} (`validate()` does not check it: {reason}).")
            }
        });
    }
    parts
}

/// `@uniqueItems`, and the checks of each item of a list or each key and value of a map.
fn unique_and_inner(links: &Links, checks: &Checks) -> Vec<String> {
    let mut parts = Vec::new();
    if checks.unique_items {
        parts.push("Unique items.".to_owned());
    }
    let inner = match &checks.inner {
        Inner::None => Vec::new(),
        Inner::Items(item) => vec![("item", item)],
        Inner::Entries { key, value } => vec![("key", key), ("value", value)],
    };
    for (what, checks) in inner {
        let mut facts = value_facts(links, checks);
        facts.extend(unique_and_inner(links, checks));
        if !facts.is_empty() {
            parts.push(format!("Each {what}: {}", facts.join(" ")));
        }
    }
    parts
}

fn deprecated_fact(deprecated: &Deprecated) -> String {
    let since = deprecated.since.as_ref().map(|s| format!(" since {s}"));
    let message = deprecated.message.as_ref().map(|m| {
        let text = crate::markdown::html_to_markdown(m, &|_| None);
        format!(": {}", text.trim_end_matches('.'))
    });
    format!(
        "**Deprecated**{}{}.",
        since.unwrap_or_default(),
        message.unwrap_or_default()
    )
}

fn bounds(min: Option<String>, max: Option<String>) -> String {
    match (min, max) {
        (Some(min), Some(max)) => format!("`{min}..={max}`"),
        (Some(min), None) => format!("at least `{min}`"),
        (None, Some(max)) => format!("at most `{max}`"),
        (None, None) => "any".to_owned(),
    }
}

/// Inline code that stays code whatever backticks the text holds.
pub fn code_span(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// A `#[deprecated]` attribute, when the model deprecates the item.
pub fn deprecated(deprecated: Option<&Deprecated>) -> TokenStream {
    let Some(deprecated) = deprecated else {
        return TokenStream::new();
    };
    match deprecation_note(deprecated) {
        None => quote!(#[deprecated]),
        Some(note) => quote!(#[deprecated(note = #note)]),
    }
}

/// The `#[deprecated]` attribute of [`deprecated`] as a line of text.
pub fn deprecated_attr(deprecated: Option<&Deprecated>) -> Option<String> {
    Some(match deprecation_note(deprecated?) {
        None => "#[deprecated]".to_owned(),
        Some(note) => format!("#[deprecated(note = {})]", Literal::string(&note)),
    })
}

/// The note of a `#[deprecated]` attribute: the model's message and since when.
fn deprecation_note(deprecated: &Deprecated) -> Option<String> {
    let note = match (&deprecated.message, &deprecated.since) {
        (Some(message), Some(since)) => format!("{message} (since {since})"),
        (Some(message), None) => message.clone(),
        (None, Some(since)) => format!("deprecated since {since}"),
        (None, None) => String::new(),
    };
    (!note.is_empty()).then_some(note)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::traits::Length;

    #[test]
    fn doc_lines_are_raw_strings_that_read_back_as_written() {
        let value = |text: &str| {
            let literal = line(text);
            syn::parse2::<syn::LitStr>(quote!(#literal))
                .unwrap()
                .value()
        };
        for text in ["a", "say \"hi\"", "r\"# and \"## \\d", "", "\u{1f600} é"] {
            let expected = if text.is_empty() {
                String::new()
            } else {
                format!(" {text}")
            };
            assert_eq!(value(text), expected);
            assert!(line(text).to_string().starts_with('r'), "{text}");
        }
        assert_eq!(value("a\rb"), " a\rb");
        assert!(line("a\rb").to_string().starts_with('"'));
        assert_eq!(raw_hashes("x \"## y \"#"), 3);
    }

    #[test]
    fn code_spans_survive_backticks() {
        assert_eq!(code_span("a"), "`a`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`a"), "`` `a ``");
    }

    #[test]
    fn facts_line_lists_constraints_in_order() {
        let pattern = PatternId {
            shape: "example#Name".to_owned(),
            member: None,
        };
        let source = "^[a-zA-Z][a-zA-Z0-9_]*$".to_owned();
        let info = PatternInfo {
            name: "NAME".to_owned(),
            regex: Ok(source.clone()),
            source,
            example: None,
            counterexample: None,
            users: Default::default(),
        };
        let patterns = BTreeMap::from([(pattern.clone(), info)]);
        let links = Links {
            paths: BTreeMap::new(),
            patterns: &patterns,
            converted: Mutex::default(),
        };
        let length = Some(Length {
            min: Some(1),
            max: Some(63),
        });
        let item = Checks {
            length,
            pattern: Some(pattern),
            ..Default::default()
        };
        let checks = Checks {
            length,
            inner: Inner::Items(Box::new(item)),
            ..Default::default()
        };
        let facts = Facts {
            required: true,
            checks: &checks,
            default: None,
            sensitive: true,
            deprecated: None,
            correction: None,
        };
        assert_eq!(
            facts_line(&links, &facts),
            "**Required.** Length: `1..=63`. Each item: Length: `1..=63`. \
             Pattern: `^[a-zA-Z][a-zA-Z0-9_]*$`. Sensitive: hidden from `Debug` output."
        );
        let none = Checks::default();
        let facts = Facts {
            checks: &none,
            required: false,
            sensitive: false,
            ..facts
        };
        assert_eq!(facts_line(&links, &facts), "");
    }

    #[test]
    fn a_corrected_member_says_what_was_corrected_and_why() {
        let patterns = BTreeMap::new();
        let links = Links {
            paths: BTreeMap::new(),
            patterns: &patterns,
            converted: Mutex::default(),
        };
        let correction = Correction {
            file: "fixes.json".to_owned(),
            reason: "It names an <b>IAM</b> role.".to_owned(),
            source: "The <code>RoleArn</code> docs.".to_owned(),
            traits: vec!["smithy.api#pattern".to_owned(), "ex#note".to_owned()],
        };
        let checks = Checks::default();
        let facts = Facts {
            required: true,
            checks: &checks,
            default: None,
            sensitive: false,
            deprecated: None,
            correction: Some(&correction),
        };
        assert_eq!(
            member_docs(&links, Some("<p>The role.</p>"), "", &facts),
            "The role.\n\n**Required.**\n\n**Corrected** (pattern, ex#note, in `fixes.json`): \
             It names an **IAM** role. Source: The `RoleArn` docs."
        );
    }
}
