//! Links: where `<a href>` targets point from rustdoc, and the reference definitions of
//! the intra-doc links to generated items.

use std::cell::RefCell;

/// Where relative links such as `/streams/latest/dev/x.html` in AWS documentation point.
const AWS_DOCS: &str = "https://docs.aws.amazon.com";

/// A link reference definition: ``[`Name`]: crate::Name``.
struct Reference {
    label: String,
    /// The label as CommonMark matches it: case-insensitively.
    key: String,
    path: String,
}

/// The link reference definitions collected while converting, for the end of the
/// documentation.
#[derive(Default)]
pub struct References(RefCell<Vec<Reference>>);

impl References {
    /// A collapsed reference link, ``[`Name`][]``, whose definition goes at the end. An
    /// inline ``[`Name`](crate::Name)`` would trip `rustdoc::redundant_explicit_links`
    /// wherever `Name` is in scope; a shortcut ``[`Name`]`` would become a definition itself
    /// when a `:` follows it at the start of a line.
    pub fn link(&self, label: String, path: String) -> String {
        let mut references = self.0.borrow_mut();
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

    /// The definitions, ``[`Name`]: crate::Name``, in the order the links appeared.
    pub fn definitions(self) -> Vec<String> {
        let references = self.0.into_inner();
        references
            .into_iter()
            .map(|reference| format!("[{}]: {}", reference.label, reference.path))
            .collect()
    }
}

/// Link targets that work from rustdoc, made absolute.
pub fn absolute_url(href: &str) -> Option<String> {
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
pub fn link_destination(url: &str) -> String {
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
