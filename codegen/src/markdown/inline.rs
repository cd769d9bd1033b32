//! Inline content: text, code, emphasis and line breaks as Markdown inside a paragraph.

use super::blocks::Converter;
use super::escape::{push_code, push_text, wrap};
use super::tags::Kind;
use super::text::collapsed_text;
use super::tree::{Element, Node};

/// Inline context: emphasis already open, and whether we are inside link text.
#[derive(Clone, Copy, Default)]
pub struct Style {
    bold: bool,
    italic: bool,
    in_link: bool,
}

impl Style {
    pub fn bold(self) -> Style {
        Style { bold: true, ..self }
    }

    pub fn italic(self) -> Style {
        Style {
            italic: true,
            ..self
        }
    }

    pub fn in_link(self) -> Style {
        Style {
            in_link: true,
            ..self
        }
    }
}

impl Converter<'_> {
    pub fn inline(&self, node: &Node, style: Style, out: &mut String) {
        let element = match node {
            Node::Text(text) => return push_text(out, text, !style.in_link),
            Node::Element(element) => element,
        };
        match element.kind {
            Kind::Code => push_code(out, &collapsed_text(element)),
            Kind::Bold | Kind::Heading if !style.bold => {
                self.emphasis(element, "**", style.bold(), out)
            }
            Kind::Italic if !style.italic => self.emphasis(element, "*", style.italic(), out),
            Kind::Link if !style.in_link => self.link(element, style, out),
            Kind::Break => out.push('\n'),
            Kind::Drop => {}
            _ => self.inline_children(element, style, out),
        }
    }

    pub fn inline_children(&self, element: &Element, style: Style, out: &mut String) {
        for child in &element.children {
            self.inline(child, style, out);
        }
    }

    pub fn emphasis(&self, element: &Element, marker: &str, style: Style, out: &mut String) {
        let mut inner = String::new();
        self.inline_children(element, style, &mut inner);
        wrap(out, &inner, marker, marker);
    }
}
