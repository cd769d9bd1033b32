//! Inline content: text, code, emphasis, links and line breaks as Markdown inside a
//! paragraph.

use super::escape::{code_span, escape_bang, push_code, push_text, wrap};
use super::links::{absolute_url, link_destination, References};
use super::tags::Kind;
use super::text::{collapse_spaces, collapsed_text, push_padding, split_padding};
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

/// Writes inline nodes as Markdown, resolving `<a>Name</a>` with `link`.
pub struct Inline<'a> {
    pub link: &'a dyn Fn(&str) -> Option<String>,
    pub references: References,
}

impl Inline<'_> {
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

    /// The bold text of a `<dt>`, on one line, without a trailing colon.
    pub fn term(&self, element: &Element) -> Option<String> {
        let mut text = String::new();
        self.inline_children(element, Style::default().bold(), &mut text);
        let text = text.replace('\n', " ");
        let term = text.trim_matches(' ').trim_end_matches(':').trim_end();
        (!term.is_empty()).then(|| format!("**{term}**"))
    }

    fn link(&self, element: &Element, style: Style, out: &mut String) {
        let href = element.href.as_deref().map(str::trim);
        match href.filter(|href| !href.is_empty()) {
            Some(href) => self.url_link(element, href, style, out),
            None => self.shape_link(element, out),
        }
    }

    /// `[text](url)`, or `<url>` when the text is the URL itself. Relative links other
    /// than site-absolute ones lead nowhere from rustdoc, so only their text is kept.
    fn url_link(&self, element: &Element, href: &str, style: Style, out: &mut String) {
        let inner_style = style.in_link();
        let Some(url) = absolute_url(href) else {
            return self.inline_children(element, inner_style, out);
        };
        let text = collapsed_text(element);
        if text.trim_matches(' ') == href || text.trim_matches(' ').is_empty() {
            let (lead, _, trail) = split_padding(&text);
            push_padding(out, lead);
            if url.starts_with("http") {
                out.push_str(&format!("<{}>", link_destination(&url)));
            }
            return push_padding(out, trail);
        }
        let mut inner = String::new();
        self.inline_children(element, inner_style, &mut inner);
        let inner = collapse_spaces(&inner.replace('\n', " "));
        wrap(out, &inner, "[", &format!("]({})", link_destination(&url)));
    }

    /// `<a>Name</a>`: an intra-doc link when `link` knows the name, plain code otherwise.
    fn shape_link(&self, element: &Element, out: &mut String) {
        let text = collapsed_text(element);
        let (lead, name, trail) = split_padding(&text);
        if name.is_empty() {
            return push_padding(out, &text);
        }
        push_padding(out, lead);
        match (self.link)(name) {
            Some(path) => {
                escape_bang(out);
                out.push_str(&self.references.link(code_span(name), path));
            }
            None => out.push_str(&code_span(name)),
        }
        push_padding(out, trail);
    }
}
