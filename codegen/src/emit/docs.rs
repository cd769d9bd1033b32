//! Doc comments: model HTML as rustdoc Markdown, one `#[doc]` attribute per line, and
//! the line of facts that ends each member's docs.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::quote;

use crate::load::shape_id;
use crate::load::traits::{Deprecated, Range};
use crate::typespace::{Constraints, TypeSpace};

/// Resolves `<a>Name</a>` in model docs to items of the generated crate.
pub struct Links {
    paths: BTreeMap<String, String>,
}

impl Links {
    /// Links every generated item and operation by its model name.
    pub fn new(space: &TypeSpace) -> Self {
        let paths = space
            .names
            .iter()
            .filter(|(id, _)| !id.ends_with("#Error"))
            .map(|(id, name)| (shape_id::name(id).to_owned(), format!("crate::{name}")))
            .collect();
        Links { paths }
    }

    /// The rustdoc path of a model name, if the crate has such an item.
    pub fn resolve(&self, name: &str) -> Option<String> {
        self.paths.get(name.trim()).cloned()
    }

    /// Model HTML as Markdown.
    pub fn markdown(&self, html: &str) -> String {
        crate::markdown::html_to_markdown(html, &|name| self.resolve(name))
    }
}

/// `#[doc]` attributes, one per line of Markdown.
pub fn attrs(markdown: &str) -> TokenStream {
    let lines = markdown.lines().map(|line| match line.is_empty() {
        true => String::new(),
        false => format!(" {line}"),
    });
    quote!(#(#[doc = #lines])*)
}

/// Inner `#![doc]` attributes, one per line, for module and crate docs.
pub fn inner_attrs(markdown: &str) -> TokenStream {
    let lines = markdown.lines().map(|line| match line.is_empty() {
        true => String::new(),
        false => format!(" {line}"),
    });
    quote!(#(#![doc = #lines])*)
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

/// A member's docs: its documentation, then a paragraph of facts from the model.
pub fn member_docs(
    links: &Links,
    html: Option<&str>,
    fallback: &str,
    facts: &Constraints,
) -> String {
    let body = item_docs(links, html, fallback);
    let facts = facts_line(facts);
    match facts.is_empty() {
        true => body,
        false => format!("{body}\n\n{facts}"),
    }
}

/// The facts line, such as ``**Required.** Length: 1..=63. Pattern: `^[a-z]+$`.``
pub fn facts_line(facts: &Constraints) -> String {
    let mut parts = Vec::new();
    if facts.required {
        parts.push("**Required.**".to_owned());
    }
    if let Some(length) = facts.length {
        parts.push(format!(
            "Length: {}.",
            bounds(
                length.min.map(|n| n.to_string()),
                length.max.map(|n| n.to_string())
            )
        ));
    }
    if let Some(Range { min, max }) = &facts.range {
        parts.push(format!(
            "Range: {}.",
            bounds(
                min.as_ref().map(|n| n.to_string()),
                max.as_ref().map(|n| n.to_string())
            )
        ));
    }
    match (&facts.pattern, &facts.pattern_unchecked) {
        (Some(pattern), None) => parts.push(format!("Pattern: {}.", code_span(pattern))),
        (Some(pattern), Some(reason)) => parts.push(format!(
            "Pattern: {} (`validate()` does not check it: {reason}).",
            code_span(pattern)
        )),
        (None, _) => {}
    }
    if let Some(default) = &facts.default {
        parts.push(format!("Default: {}.", code_span(default)));
    }
    if facts.unique_items {
        parts.push("Unique items.".to_owned());
    }
    if facts.sensitive {
        parts.push("Sensitive: hidden from `Debug` output.".to_owned());
    }
    if let Some(deprecated) = &facts.deprecated {
        parts.push(deprecated_fact(deprecated));
    }
    parts.join(" ")
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
    let note = match (&deprecated.message, &deprecated.since) {
        (Some(message), Some(since)) => format!("{message} (since {since})"),
        (Some(message), None) => message.clone(),
        (None, Some(since)) => format!("deprecated since {since}"),
        (None, None) => String::new(),
    };
    match note.is_empty() {
        true => quote!(#[deprecated]),
        false => quote!(#[deprecated(note = #note)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::traits::Length;

    #[test]
    fn code_spans_survive_backticks() {
        assert_eq!(code_span("a"), "`a`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`a"), "`` `a ``");
    }

    #[test]
    fn facts_line_lists_constraints_in_order() {
        let facts = Constraints {
            required: true,
            length: Some(Length {
                min: Some(1),
                max: Some(63),
            }),
            pattern: Some("^[a-zA-Z][a-zA-Z0-9_]*$".to_owned()),
            ..Default::default()
        };
        assert_eq!(
            facts_line(&facts),
            "**Required.** Length: `1..=63`. Pattern: `^[a-zA-Z][a-zA-Z0-9_]*$`."
        );
        assert_eq!(facts_line(&Constraints::default()), "");
    }
}
