//! Turns the HTML of Smithy documentation traits into rustdoc Markdown.
//!
//! Three steps: `protect_literal_tags` turns every `<` that does not open a known tag into
//! `&lt;`, so placeholders such as `<ExportTimestamp>` survive as text in their original case;
//! the html5gum tokenizer feeds a small tag-soup tree builder (`parse`); the tree becomes
//! `Block`s, which `render` writes out as Markdown lines.
//!
//! Each file uses only files named before it here, so the modules form a one-way pipeline:
//! `tags` names the known tags; `protect` is step one and `tree` step two; in step three,
//! `text` and `escape` write text as Markdown, `links` resolves link targets, `inline`
//! writes the content of a paragraph, `render` defines the blocks and lays them out as
//! lines, `code` and `lists` build code and list blocks, and `blocks` walks the tree,
//! handing `lists` a callback for the blocks inside a list item.
//!
//! The parser is `html5gum`: a WHATWG-conformant tokenizer (it passes the html5lib tokenizer
//! tests, decodes every named and numeric entity) with no dependencies and no unsafe code.
//! A full HTML5 tree builder (html5ever) is heavier and would also get AWS documentation
//! wrong: its rules do not know that `<note>` and `<important>` are blocks, so a `<p>` inside
//! a `<note>` inside a `<p>` would be moved out of the note. The tree rules AWS documentation
//! needs are few and live in `TreeBuilder`.

mod tags;

// Steps one and two: HTML in, a tree of known elements out.
mod protect;
mod tree;

// Step three: the tree becomes blocks of Markdown, laid out as lines.
mod blocks;
mod code;
mod escape;
mod inline;
mod links;
mod lists;
mod render;
mod text;

#[cfg(test)]
mod tests;

use blocks::{summary_first, Converter};
use inline::Inline;
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
        inline: Inline {
            link,
            references: Default::default(),
        },
    };
    let mut blocks = converter.blocks(&tree);
    summary_first(&mut blocks);
    let mut lines = render(&blocks);
    let definitions = converter.inline.references.definitions();
    if !definitions.is_empty() && !lines.is_empty() {
        lines.push(String::new());
    }
    lines.extend(definitions);
    lines.join("\n")
}
