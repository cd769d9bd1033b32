//! Links: `<a href>` as Markdown links or autolinks, and `<a>Name</a>` as intra-doc links
//! to generated items.

use super::blocks::Converter;
use super::escape::{code_span, escape_bang, wrap};
use super::inline::Style;
use super::text::{collapse_spaces, collapsed_text, push_padding, split_padding};
use super::tree::Element;

/// Where relative links such as `/streams/latest/dev/x.html` in AWS documentation point.
const AWS_DOCS: &str = "https://docs.aws.amazon.com";

/// A link reference definition: ``[`Name`]: crate::Name``.
pub struct Reference {
    pub label: String,
    /// The label as CommonMark matches it: case-insensitively.
    key: String,
    pub path: String,
}

impl Converter<'_> {
    pub fn link(&self, element: &Element, style: Style, out: &mut String) {
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
                out.push_str(&self.reference(code_span(name), path));
            }
            None => out.push_str(&code_span(name)),
        }
        push_padding(out, trail);
    }

    /// A collapsed reference link, ``[`Name`][]``, whose definition goes at the end. An
    /// inline ``[`Name`](crate::Name)`` would trip `rustdoc::redundant_explicit_links`
    /// wherever `Name` is in scope; a shortcut ``[`Name`]`` would become a definition itself
    /// when a `:` follows it at the start of a line.
    fn reference(&self, label: String, path: String) -> String {
        let mut references = self.references.borrow_mut();
        let key = label.to_lowercase();
        match references.iter().find(|known| known.key == key) {
            Some(known) if known.path != path => format!("[{label}]({path})"),
            Some(_) => format!("[{label}][]"),
            None => {
                let link = format!("[{label}][]");
                references.push(Reference { label, key, path });
                link
            }
        }
    }
}

/// Link targets that work from rustdoc, made absolute.
fn absolute_url(href: &str) -> Option<String> {
    let lower = href.to_ascii_lowercase();
    if ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
    {
        Some(href.to_owned())
    } else if let Some(rest) = href.strip_prefix("//") {
        Some(format!("https://{rest}"))
    } else if href.starts_with('/') {
        Some(format!("{AWS_DOCS}{href}"))
    } else {
        None
    }
}

/// Percent-encodes the characters that would end a Markdown link destination.
fn link_destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '\\' => out.push_str("%5C"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}
