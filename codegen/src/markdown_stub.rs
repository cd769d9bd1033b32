//! Temporary stand-in for the HTML converter.

/// Strips tags.
pub fn html_to_markdown(html: &str, _link: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['[', ']'], "")
}
