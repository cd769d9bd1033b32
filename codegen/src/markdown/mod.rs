//! Turns the HTML of Smithy documentation traits into rustdoc Markdown.
//!
//! Three steps: `protect_literal_tags` turns every `<` that does not open a known tag into
//! `&lt;`, so placeholders such as `<ExportTimestamp>` survive as text in their original case;
//! the html5gum tokenizer feeds a small tag-soup tree builder (`parse`); the tree becomes
//! `Block`s, which `render` writes out as Markdown lines.
//!
//! Each stage has its files: `protect` is step one; `tags` and `tree` are step two;
//! `blocks`, `lists`, `code`, `inline` and `links` are step three, with `text` and `escape`
//! writing text as Markdown; `render` writes the blocks out.
//!
//! The parser is `html5gum`: a WHATWG-conformant tokenizer (it passes the html5lib tokenizer
//! tests, decodes every named and numeric entity) with no dependencies and no unsafe code.
//! A full HTML5 tree builder (html5ever) is heavier and would also get AWS documentation
//! wrong: its rules do not know that `<note>` and `<important>` are blocks, so a `<p>` inside
//! a `<note>` inside a `<p>` would be moved out of the note. The tree rules AWS documentation
//! needs are few and live in `TreeBuilder`.

// Steps one and two: HTML in, a tree of known elements out.
mod protect;
mod tags;
mod tree;

// Step three: the tree becomes blocks of Markdown...
mod blocks;
mod code;
mod inline;
mod links;
mod lists;

// ...whose text is escaped as Markdown, and which are laid out as lines.
mod escape;
mod render;
mod text;

#[cfg(test)]
mod tests;

use std::cell::RefCell;

use blocks::{summary_first, Converter};
use protect::protect_literal_tags;
use render::render;
use tree::parse;

/// Converts model documentation HTML to Markdown. `link` maps the text of an `<a>` element
/// that has no href (for example `CreateForecastExportJob`) to a rustdoc path such as
/// `crate::CreateForecastExportJob`, or returns None when the name is not a generated item.
pub fn html_to_markdown(html: &str, link: &dyn Fn(&str) -> Option<String>) -> String {
    let source = protect_literal_tags(html);
    let tree = parse(&source);
    let converter = Converter {
        link,
        references: RefCell::new(Vec::new()),
    };
    let mut blocks = converter.blocks(&tree);
    summary_first(&mut blocks);
    let mut lines = render(&blocks);
    let references = converter.references.into_inner();
    if !references.is_empty() && !lines.is_empty() {
        lines.push(String::new());
    }
    lines.extend(
        references
            .into_iter()
            .map(|reference| format!("[{}]: {}", reference.label, reference.path)),
    );
    lines.join("\n")
}
