//! The tags AWS documentation uses, and what each means for the conversion.

/// What an element means for the conversion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Root,
    Paragraph,
    Heading,
    Container,
    List { ordered: bool },
    Item,
    Terms,
    Term,
    Definition,
    Quote(Option<&'static str>),
    Pre,
    Break,
    Link,
    Code,
    Bold,
    Italic,
    Plain,
    Drop,
}

impl Kind {
    pub fn is_inline(self) -> bool {
        matches!(
            self,
            Kind::Break
                | Kind::Link
                | Kind::Code
                | Kind::Bold
                | Kind::Italic
                | Kind::Plain
                | Kind::Drop
        )
    }

    /// Whether the element holds code, where only inline tags are markup.
    pub fn is_literal(self) -> bool {
        matches!(self, Kind::Code | Kind::Pre)
    }
}

/// The kind of a known tag name. Names in mixed case (`<Code>`, `<ExportTimestamp>`) are
/// placeholders, not HTML, even when their lowercase form is a tag.
pub fn kind_of(name: &str) -> Option<Kind> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) && name.bytes().any(|b| b.is_ascii_lowercase())
    {
        return None;
    }
    let kind = match name.to_ascii_lowercase().as_str() {
        "p" => Kind::Paragraph,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "title" => Kind::Heading,
        "div" | "hr" | "table" | "thead" | "tbody" | "tfoot" | "tr" | "td" | "th" | "caption"
        | "section" | "article" | "header" | "footer" | "aside" | "center" | "body" | "html" => {
            Kind::Container
        }
        "ul" => Kind::List { ordered: false },
        "ol" => Kind::List { ordered: true },
        "li" => Kind::Item,
        "dl" => Kind::Terms,
        "dt" => Kind::Term,
        "dd" => Kind::Definition,
        "note" => Kind::Quote(Some("Note")),
        "important" => Kind::Quote(Some("Important")),
        "blockquote" => Kind::Quote(None),
        "pre" => Kind::Pre,
        "br" => Kind::Break,
        "a" => Kind::Link,
        "code" | "tt" | "kbd" | "samp" => Kind::Code,
        "b" | "strong" => Kind::Bold,
        "i" | "em" => Kind::Italic,
        "u" | "span" | "sup" | "sub" | "small" | "big" | "cite" | "abbr" | "font" | "mark"
        | "ins" | "del" | "s" | "strike" | "wbr" => Kind::Plain,
        "fullname" => Kind::Drop,
        _ => return None,
    };
    Some(kind)
}

pub fn is_void(name: &str) -> bool {
    matches!(name, "br" | "hr" | "wbr")
}
