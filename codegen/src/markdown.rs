//! Turns the HTML of Smithy documentation traits into rustdoc Markdown.
//!
//! Three steps: [`protect_literal_tags`] turns every `<` that does not open a known tag into
//! `&lt;`, so placeholders such as `<ExportTimestamp>` survive as text in their original case;
//! the html5gum tokenizer feeds a small tag-soup tree builder ([`parse`]); the tree becomes
//! [`Block`]s, which [`render`] writes out as Markdown lines.
//!
//! The parser is `html5gum`: a WHATWG-conformant tokenizer (it passes the html5lib tokenizer
//! tests, decodes every named and numeric entity) with no dependencies and no unsafe code.
//! A full HTML5 tree builder (html5ever) is heavier and would also get AWS documentation
//! wrong: its rules do not know that `<note>` and `<important>` are blocks, so a `<p>` inside
//! a `<note>` inside a `<p>` would be moved out of the note. The tree rules AWS documentation
//! needs are few and live in [`TreeBuilder`].

use std::borrow::Cow;

use html5gum::{StartTag, Token, Tokenizer};

/// Converts model documentation HTML to Markdown. `link` maps the text of an `<a>` element
/// that has no href (for example `CreateForecastExportJob`) to a rustdoc path such as
/// `crate::CreateForecastExportJob`, or returns None when the name is not a generated item.
pub fn html_to_markdown(html: &str, link: &dyn Fn(&str) -> Option<String>) -> String {
    let source = protect_literal_tags(html);
    let tree = parse(&source);
    let blocks = Converter { link }.blocks(&tree);
    render(&blocks).join("\n")
}

/// Elements nested deeper than this are flattened into their parent, which bounds recursion.
const MAX_DEPTH: usize = 64;

/// Where relative links such as `/streams/latest/dev/x.html` in AWS documentation point.
const AWS_DOCS: &str = "https://docs.aws.amazon.com";

/// What an element means for the conversion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
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
    fn is_inline(self) -> bool {
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
    fn is_literal(self) -> bool {
        matches!(self, Kind::Code | Kind::Pre)
    }
}

/// The kind of a known tag name. Names in mixed case (`<Code>`, `<ExportTimestamp>`) are
/// placeholders, not HTML, even when their lowercase form is a tag.
fn kind_of(name: &str) -> Option<Kind> {
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

fn is_void(name: &str) -> bool {
    matches!(name, "br" | "hr" | "wbr")
}

/// Replaces each `<` that does not start a known tag or a comment with `&lt;`. Inside
/// `<code>` and `<pre>` only inline tags count, so `<code>"<p>x</p>"</code>` keeps its
/// `<p>` as text (when that code element is closed at all).
fn protect_literal_tags(html: &str) -> Cow<'_, str> {
    if !html.contains('<') {
        return Cow::Borrowed(html);
    }
    let literal_end = ["</code", "</pre"]
        .iter()
        .filter_map(|close| html.rfind(close))
        .max();
    let mut out = String::with_capacity(html.len() + 64);
    let mut in_literal = false;
    let mut copied = 0;
    for (at, _) in html.match_indices('<') {
        let rest = &html[at..];
        if rest.starts_with("<!--") {
            continue;
        }
        match tag_at(rest) {
            Some((closing, kind)) if !in_literal || kind.is_inline() || kind == Kind::Pre => {
                if kind.is_literal() {
                    in_literal = !closing && literal_end.is_some_and(|end| at < end);
                }
            }
            _ => {
                out.push_str(&html[copied..at]);
                out.push_str("&lt;");
                copied = at + 1;
            }
        }
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// Whether `rest` (which starts with `<`) opens or closes a known tag, and which.
fn tag_at(rest: &str) -> Option<(bool, Kind)> {
    let (closing, body) = match rest.strip_prefix("</") {
        Some(body) => (true, body),
        None => (false, &rest[1..]),
    };
    let end = body
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .unwrap_or(body.len());
    kind_of(&body[..end]).map(|kind| (closing, kind))
}

#[derive(Debug)]
enum Node {
    Text(String),
    Element(Element),
}

#[derive(Debug)]
struct Element {
    kind: Kind,
    name: String,
    href: Option<String>,
    children: Vec<Node>,
}

impl Node {
    fn element(&self) -> Option<&Element> {
        match self {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        }
    }

    fn is_blank(&self) -> bool {
        matches!(self, Node::Text(text) if text.trim_matches(is_space).is_empty())
    }

    /// Text and inline elements that hold no block, which join the surrounding paragraph.
    fn is_inline(&self) -> bool {
        match self {
            Node::Text(_) => true,
            Node::Element(element) => element.kind.is_inline() && !element.has_block(),
        }
    }
}

impl Element {
    fn has_block(&self) -> bool {
        self.children
            .iter()
            .filter_map(Node::element)
            .any(|child| !child.kind.is_inline() || child.has_block())
    }
}

/// Tokenizes and builds the element tree.
fn parse(html: &str) -> Vec<Node> {
    let mut builder = TreeBuilder::new();
    for token in Tokenizer::new(html).flatten() {
        match token {
            Token::StartTag(tag) => builder.start(&tag),
            Token::EndTag(tag) => builder.end(&String::from_utf8_lossy(&tag.name)),
            Token::String(text) => builder.text(&String::from_utf8_lossy(&text)),
            _ => {}
        }
    }
    builder.finish()
}

/// A tag-soup tree builder: closes what HTML closes implicitly (an open `<p>` before a
/// block, an open `<li>` before the next `<li>`), ignores stray end tags and merges
/// adjacent `<code>`, `<b>` or `<i>` elements so their Markdown markers never touch.
struct TreeBuilder {
    stack: Vec<Element>,
}

impl TreeBuilder {
    fn new() -> Self {
        let root = Element {
            kind: Kind::Root,
            name: String::new(),
            href: None,
            children: Vec::new(),
        };
        TreeBuilder { stack: vec![root] }
    }

    fn top(&mut self) -> &mut Element {
        let last = self.stack.len() - 1;
        &mut self.stack[last]
    }

    fn start(&mut self, tag: &StartTag<()>) {
        let name = String::from_utf8_lossy(&tag.name).into_owned();
        let Some(kind) = kind_of(&name) else { return };
        self.close_implied(kind);
        let href = tag
            .attributes
            .get(b"href".as_slice())
            .map(|value| String::from_utf8_lossy(&value.value).into_owned());
        let element = Element {
            kind,
            href,
            children: Vec::new(),
            name,
        };
        if tag.self_closing || is_void(&element.name) || self.stack.len() > MAX_DEPTH {
            self.top().children.push(Node::Element(element));
        } else if !self.reopen_previous(&element) {
            self.stack.push(element);
        }
    }

    /// Reopens the previous sibling when it is the same kind of code or emphasis.
    fn reopen_previous(&mut self, element: &Element) -> bool {
        if !matches!(element.kind, Kind::Code | Kind::Bold | Kind::Italic) {
            return false;
        }
        let siblings = &mut self.top().children;
        match siblings.last() {
            Some(Node::Element(last)) if last.kind == element.kind => {}
            _ => return false,
        }
        if let Some(Node::Element(mut last)) = siblings.pop() {
            last.name.clone_from(&element.name);
            self.stack.push(last);
        }
        true
    }

    fn close_implied(&mut self, kind: Kind) {
        if kind.is_inline() {
            return;
        }
        self.close_open(|open| matches!(open, Kind::Paragraph | Kind::Heading));
        match kind {
            Kind::Item => self.close_open(|open| open == Kind::Item),
            Kind::Term | Kind::Definition => {
                self.close_open(|open| matches!(open, Kind::Term | Kind::Definition))
            }
            _ => {}
        }
    }

    /// Closes the innermost element that is not inline, a paragraph or a heading, if it is
    /// one of `target`; for paragraphs, closes the innermost open paragraph or heading.
    fn close_open(&mut self, target: impl Fn(Kind) -> bool) {
        let found = self.stack.iter().rposition(|open| {
            target(open.kind)
                || !(open.kind.is_inline()
                    || matches!(open.kind, Kind::Paragraph | Kind::Heading))
        });
        if let Some(index) = found.filter(|&index| target(self.stack[index].kind)) {
            self.close_to(index);
        }
    }

    fn close_to(&mut self, index: usize) {
        while self.stack.len() > index.max(1) {
            self.pop();
        }
    }

    fn pop(&mut self) {
        if let Some(element) = self.stack.pop() {
            self.top().children.push(Node::Element(element));
        }
    }

    fn end(&mut self, name: &str) {
        if name == "br" {
            let tag = StartTag {
                name: b"br".to_vec().into(),
                ..StartTag::default()
            };
            return self.start(&tag);
        }
        if let Some(index) = self.stack.iter().rposition(|open| open.name == name) {
            self.close_to(index);
        }
    }

    fn text(&mut self, text: &str) {
        let children = &mut self.top().children;
        match children.last_mut() {
            Some(Node::Text(previous)) => previous.push_str(text),
            _ => children.push(Node::Text(text.to_owned())),
        }
    }

    fn finish(mut self) -> Vec<Node> {
        self.close_to(1);
        self.stack.pop().map(|root| root.children).unwrap_or_default()
    }
}

/// A Markdown block. Paragraph lines are finished Markdown, joined by hard breaks.
#[derive(Debug)]
enum Block {
    Paragraph(Vec<String>),
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    Quote(Vec<Block>),
    Code(String),
}

/// Inline context: emphasis already open, and whether we are inside link text.
#[derive(Clone, Copy, Default)]
struct Style {
    bold: bool,
    italic: bool,
    in_link: bool,
}

/// Turns the element tree into blocks.
struct Converter<'a> {
    link: &'a dyn Fn(&str) -> Option<String>,
}

impl Converter<'_> {
    fn blocks(&self, nodes: &[Node]) -> Vec<Block> {
        let mut blocks = Vec::new();
        let mut start = 0;
        for (index, node) in nodes.iter().enumerate() {
            if node.is_inline() {
                continue;
            }
            self.paragraphs(&nodes[start..index], &mut blocks);
            start = index + 1;
            if let Some(element) = node.element() {
                self.block(element, &mut blocks);
            }
        }
        self.paragraphs(&nodes[start..], &mut blocks);
        blocks
    }

    fn block(&self, element: &Element, blocks: &mut Vec<Block>) {
        match element.kind {
            Kind::List { ordered } => blocks.extend(self.list(ordered, &element.children)),
            Kind::Item => self.stray_item(element, blocks),
            Kind::Terms => blocks.extend(self.definitions(&element.children)),
            Kind::Term => blocks.extend(self.term(element).map(|t| Block::Paragraph(vec![t]))),
            Kind::Definition => blocks.extend(self.blocks(&element.children)),
            Kind::Quote(label) => blocks.extend(self.quote(label, &element.children)),
            Kind::Pre => blocks.extend(preformatted(element)),
            Kind::Heading => self.heading(element, blocks),
            Kind::Drop => {}
            _ => blocks.extend(self.blocks(&element.children)),
        }
    }

    /// Renders a run of inline nodes into paragraphs (two `<br>` in a row split them).
    fn paragraphs(&self, nodes: &[Node], blocks: &mut Vec<Block>) {
        let mut text = String::new();
        for node in nodes {
            self.inline(node, Style::default(), &mut text);
        }
        split_paragraphs(&text, blocks);
    }

    fn heading(&self, element: &Element, blocks: &mut Vec<Block>) {
        let style = Style {
            bold: true,
            ..Style::default()
        };
        let mut text = String::new();
        self.emphasis(element, "**", style, &mut text);
        split_paragraphs(&text, blocks);
    }

    fn list(&self, ordered: bool, children: &[Node]) -> Option<Block> {
        let mut items: Vec<Vec<Block>> = Vec::new();
        for node in children.iter().filter(|node| !node.is_blank()) {
            match node.element() {
                Some(element) if element.kind == Kind::Item => {
                    items.push(self.blocks(&element.children))
                }
                // Content outside any `<li>`, such as a nested `<ul>` right inside the
                // `<ul>`, belongs to the item before it.
                _ => match items.last_mut() {
                    Some(item) => item.extend(self.blocks(std::slice::from_ref(node))),
                    None => items.push(self.blocks(std::slice::from_ref(node))),
                },
            }
        }
        items.retain(|item| !item.is_empty());
        (!items.is_empty()).then_some(Block::List { ordered, items })
    }

    /// An `<li>` outside any list joins the list before it, or starts a bulleted one.
    fn stray_item(&self, element: &Element, blocks: &mut Vec<Block>) {
        let item = self.blocks(&element.children);
        if item.is_empty() {
            return;
        }
        match blocks.last_mut() {
            Some(Block::List { items, .. }) => items.push(item),
            _ => blocks.push(Block::List {
                ordered: false,
                items: vec![item],
            }),
        }
    }

    /// `<dl>` content as a bulleted list of `**term**: definition` items.
    fn definitions(&self, children: &[Node]) -> Option<Block> {
        let mut entries: Vec<(Option<String>, Vec<Block>)> = Vec::new();
        for node in children.iter().filter(|node| !node.is_blank()) {
            match node.element() {
                Some(element) if element.kind == Kind::Term => {
                    entries.push((self.term(element), Vec::new()))
                }
                Some(element) if element.kind == Kind::Definition => {
                    add_definition(&mut entries, self.blocks(&element.children))
                }
                _ => add_definition(&mut entries, self.blocks(std::slice::from_ref(node))),
            }
        }
        let items: Vec<Vec<Block>> = entries.into_iter().filter_map(definition_item).collect();
        (!items.is_empty()).then_some(Block::List {
            ordered: false,
            items,
        })
    }

    /// The bold text of a `<dt>`, on one line, without a trailing colon.
    fn term(&self, element: &Element) -> Option<String> {
        let style = Style {
            bold: true,
            ..Style::default()
        };
        let mut text = String::new();
        self.inline_children(element, style, &mut text);
        let text = text.replace('\n', " ");
        let term = text.trim_matches(' ').trim_end_matches(':').trim_end();
        (!term.is_empty()).then(|| format!("**{term}**"))
    }

    fn quote(&self, label: Option<&str>, children: &[Node]) -> Option<Block> {
        let mut inner = self.blocks(children);
        let Some(label) = label else {
            return (!inner.is_empty()).then_some(Block::Quote(inner));
        };
        let label = format!("**{label}:**");
        match inner.first_mut() {
            Some(Block::Paragraph(lines)) => lines[0] = format!("{label} {}", lines[0]),
            Some(_) => inner.insert(0, Block::Paragraph(vec![label])),
            None => return None,
        }
        Some(Block::Quote(inner))
    }

    fn inline(&self, node: &Node, style: Style, out: &mut String) {
        let element = match node {
            Node::Text(text) => return push_text(out, text, !style.in_link),
            Node::Element(element) => element,
        };
        match element.kind {
            Kind::Code => push_code(out, &collapsed_text(element)),
            Kind::Bold | Kind::Heading if !style.bold => {
                self.emphasis(element, "**", Style { bold: true, ..style }, out)
            }
            Kind::Italic if !style.italic => {
                self.emphasis(element, "*", Style { italic: true, ..style }, out)
            }
            Kind::Link if !style.in_link => self.link(element, style, out),
            Kind::Break => out.push('\n'),
            Kind::Drop => {}
            _ => self.inline_children(element, style, out),
        }
    }

    fn inline_children(&self, element: &Element, style: Style, out: &mut String) {
        for child in &element.children {
            self.inline(child, style, out);
        }
    }

    fn emphasis(&self, element: &Element, marker: &str, style: Style, out: &mut String) {
        let mut inner = String::new();
        self.inline_children(element, style, &mut inner);
        wrap(out, &inner, marker, marker);
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
        let inner_style = Style {
            in_link: true,
            ..style
        };
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
            Some(path) => out.push_str(&format!("[{}]({path})", code_span(name))),
            None => out.push_str(&code_span(name)),
        }
        push_padding(out, trail);
    }
}

fn add_definition(entries: &mut Vec<(Option<String>, Vec<Block>)>, blocks: Vec<Block>) {
    if blocks.is_empty() {
        return;
    }
    match entries.last_mut() {
        Some((_, definition)) => definition.extend(blocks),
        None => entries.push((None, blocks)),
    }
}

fn definition_item((term, mut blocks): (Option<String>, Vec<Block>)) -> Option<Vec<Block>> {
    let Some(term) = term else {
        return (!blocks.is_empty()).then_some(blocks);
    };
    match blocks.first_mut() {
        Some(Block::Paragraph(lines)) => lines[0] = format!("{term}: {}", lines[0]),
        Some(_) => blocks.insert(0, Block::Paragraph(vec![format!("{term}:")])),
        None => blocks.push(Block::Paragraph(vec![term])),
    }
    Some(blocks)
}

/// `<pre>` content as a fenced block: verbatim, less the first newline, trailing spaces
/// and surrounding blank lines.
fn preformatted(element: &Element) -> Option<Block> {
    let mut text = String::new();
    raw_text(&element.children, '\n', &mut text);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let first = lines.iter().position(|line| !line.is_empty())?;
    let last = lines.iter().rposition(|line| !line.is_empty())?;
    Some(Block::Code(lines[first..=last].join("\n")))
}

/// The text of nodes, with `<br>` as `line_break` and `<fullname>` left out.
fn raw_text(nodes: &[Node], line_break: char, out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(text) => out.push_str(text),
            Node::Element(element) => match element.kind {
                Kind::Break => out.push(line_break),
                Kind::Drop => {}
                _ => raw_text(&element.children, line_break, out),
            },
        }
    }
}

/// The text of an element with each run of whitespace turned into one space.
fn collapsed_text(element: &Element) -> String {
    let mut text = String::new();
    raw_text(&element.children, ' ', &mut text);
    collapse_spaces(&text)
}

fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (index, word) in text.split(is_space).enumerate() {
        if index > 0 && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// HTML's whitespace characters.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')
}

/// Splits off leading and trailing spaces and line breaks.
fn split_padding(text: &str) -> (&str, &str, &str) {
    let is_padding = |c: char| c == ' ' || c == '\n';
    let inner = text.trim_start_matches(is_padding);
    let lead = &text[..text.len() - inner.len()];
    let trimmed = inner.trim_end_matches(is_padding);
    (lead, trimmed, &inner[trimmed.len()..])
}

fn push_padding(out: &mut String, padding: &str) {
    for c in padding.chars() {
        match c {
            '\n' => out.push('\n'),
            _ => push_space(out),
        }
    }
}

/// Adds one space, unless the text already ends with one or with a line break.
fn push_space(out: &mut String) {
    if !out.ends_with([' ', '\n']) {
        out.push(' ');
    }
}

/// Puts `inner` between `open` and `close`, moving its outer whitespace outside; an empty
/// `inner` gives no markers at all.
fn wrap(out: &mut String, inner: &str, open: &str, close: &str) {
    let (lead, body, trail) = split_padding(inner);
    push_padding(out, lead);
    if !body.is_empty() {
        out.push_str(open);
        out.push_str(body);
        out.push_str(close);
    }
    push_padding(out, trail);
}

/// A code span, with a fence longer than any run of backticks in the code.
fn code_span(code: &str) -> String {
    let longest = code
        .split(|c| c != '`')
        .map(str::len)
        .max()
        .unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if code.starts_with('`') || code.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{code}{pad}{fence}")
}

fn push_code(out: &mut String, code: &str) {
    let (lead, body, trail) = split_padding(code);
    push_padding(out, lead);
    if !body.is_empty() {
        out.push_str(&code_span(body));
    }
    push_padding(out, trail);
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

/// Appends text with whitespace collapsed, Markdown characters escaped and, when
/// `autolink` is set, bare URLs wrapped in `<…>`.
fn push_text(out: &mut String, text: &str, autolink: bool) {
    if text.starts_with(is_space) {
        push_space(out);
    }
    let mut open_angle = false;
    let mut words = text.split(is_space).filter(|word| !word.is_empty());
    if let Some(first) = words.next() {
        push_word(out, first, autolink, &mut open_angle);
        for word in words {
            out.push(' ');
            push_word(out, word, autolink, &mut open_angle);
        }
        if text.ends_with(is_space) {
            out.push(' ');
        }
    }
}

fn push_word(out: &mut String, word: &str, autolink: bool, open_angle: &mut bool) {
    let mut rest = word;
    while let Some((start, end)) = autolink.then(|| find_url(rest)).flatten() {
        escape_into(out, &rest[..start], open_angle);
        out.push('<');
        out.push_str(&rest[start..end]);
        out.push('>');
        rest = &rest[end..];
    }
    escape_into(out, rest, open_angle);
}

/// The byte range of the first `http://` or `https://` URL in a word, without trailing
/// punctuation, or None.
fn find_url(word: &str) -> Option<(usize, usize)> {
    let start = word.match_indices("http").map(|(at, _)| at).find(|&at| {
        let rest = &word[at..];
        (rest.starts_with("https://") || rest.starts_with("http://"))
            && !word[..at].ends_with(|c: char| c.is_alphanumeric())
    })?;
    let tail = &word[start..];
    let mut url = &tail[..tail.find(['<', '>', '"', '[', ']']).unwrap_or(tail.len())];
    loop {
        let trimmed = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '*', '_', '}']);
        let unbalanced = trimmed.ends_with(')') && trimmed.matches(')').count() > trimmed.matches('(').count();
        let trimmed = if unbalanced { &trimmed[..trimmed.len() - 1] } else { trimmed };
        if trimmed.len() == url.len() {
            break;
        }
        url = trimmed;
    }
    let host = url.split_once("://").map_or("", |(_, host)| host);
    (!host.is_empty()).then_some((start, start + url.len()))
}

/// Escapes what Markdown would otherwise read as markup. `open_angle` pairs a `>` with the
/// `<` before it, so `<ExportTimestamp>` reads `\<ExportTimestamp\>`.
fn escape_into(out: &mut String, text: &str, open_angle: &mut bool) {
    for (at, c) in text.char_indices() {
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '~' => true,
            '<' => {
                *open_angle = true;
                true
            }
            '>' => std::mem::take(open_angle),
            '_' => at_word_edge(text, at),
            '&' => starts_entity(&text[at + 1..]),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Whether the `_` at `at` may open or close emphasis: not between two alphanumerics.
fn at_word_edge(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + 1..].chars().next();
    !(before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric))
}

/// Whether text after a `&` reads as an entity (`amp;`, `#38;`, `#x26;`).
fn starts_entity(rest: &str) -> bool {
    let Some((name, _)) = rest.split_once(';') else {
        return false;
    };
    let digits = name.strip_prefix('#');
    match digits {
        Some(digits) => {
            let hex = digits.strip_prefix(['x', 'X']);
            match hex {
                Some(hex) => !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit()),
                None => !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()),
            }
        }
        None => {
            name.starts_with(|c: char| c.is_ascii_alphabetic())
                && name.chars().all(|c| c.is_ascii_alphanumeric())
        }
    }
}

/// Splits rendered inline text into paragraphs: a `\n` is a `<br>`, an empty line between
/// two of them ends the paragraph.
fn split_paragraphs(text: &str, blocks: &mut Vec<Block>) {
    let mut lines = Vec::new();
    for line in text.split('\n').map(|line| line.trim_matches(' ')) {
        if line.is_empty() {
            if !lines.is_empty() {
                blocks.push(Block::Paragraph(std::mem::take(&mut lines)));
            }
        } else {
            lines.push(escape_line_start(line));
        }
    }
    if !lines.is_empty() {
        blocks.push(Block::Paragraph(lines));
    }
}

/// Escapes what would make a line a heading, list item, quote or setext underline.
fn escape_line_start(line: &str) -> String {
    if line.starts_with(['#', '+', '-', '=', '>']) {
        return format!("\\{line}");
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let after = &line[digits..];
    let is_marker = after.starts_with(['.', ')'])
        && (after.len() == 1 || after[1..].starts_with(' '));
    if (1..=9).contains(&digits) && is_marker {
        return format!("{}\\{after}", &line[..digits]);
    }
    line.to_owned()
}

/// Writes blocks as Markdown lines, one blank line between blocks.
fn render(blocks: &[Block]) -> Vec<String> {
    let mut lines = Vec::new();
    let mut previous: Option<(&Block, bool)> = None;
    for block in blocks {
        // A list right after a list of the same kind would merge with it, unless it uses
        // the other bullet (`*`) or number (`1)`) marker.
        let alternate = match (previous, block) {
            (Some((Block::List { ordered: a, .. }, alt)), Block::List { ordered: b, .. }) => {
                a == b && !alt
            }
            _ => false,
        };
        if previous.is_some() {
            lines.push(String::new());
        }
        render_block(block, alternate, &mut lines);
        previous = Some((block, alternate));
    }
    lines
}

fn render_block(block: &Block, alternate: bool, lines: &mut Vec<String>) {
    match block {
        Block::Paragraph(text) => render_paragraph(text, lines),
        Block::List { ordered, items } => render_list(*ordered, items, alternate, lines),
        Block::Quote(inner) => lines.extend(render(inner).into_iter().map(|line| {
            if line.is_empty() {
                ">".to_owned()
            } else {
                format!("> {line}")
            }
        })),
        Block::Code(code) => render_code(code, lines),
    }
}

/// Paragraph lines, all but the last ending in a backslash hard break.
fn render_paragraph(text: &[String], lines: &mut Vec<String>) {
    let last = text.len().saturating_sub(1);
    for (index, line) in text.iter().enumerate() {
        if index < last {
            lines.push(format!("{line}\\"));
        } else {
            lines.push(line.clone());
        }
    }
}

fn render_code(code: &str, lines: &mut Vec<String>) {
    let longest = code
        .split(|c| c != '`')
        .map(str::len)
        .max()
        .unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    lines.push(format!("{fence}text"));
    lines.extend(code.lines().map(str::to_owned));
    lines.push(fence);
}

fn render_list(ordered: bool, items: &[Vec<Block>], alternate: bool, lines: &mut Vec<String>) {
    let loose = items.iter().any(|item| is_loose(item));
    for (index, item) in items.iter().enumerate() {
        if index > 0 && loose {
            lines.push(String::new());
        }
        let marker = match (ordered, alternate) {
            (true, false) => format!("{}. ", index + 1),
            (true, true) => format!("{}) ", index + 1),
            (false, false) => "- ".to_owned(),
            (false, true) => "* ".to_owned(),
        };
        let indent = " ".repeat(marker.len());
        for (number, line) in render_item(item).into_iter().enumerate() {
            lines.push(match number {
                0 => format!("{marker}{line}"),
                _ if line.is_empty() => line,
                _ => format!("{indent}{line}"),
            });
        }
    }
}

/// An item's blocks: a list follows a paragraph directly (keeping the list tight), other
/// blocks are separated by a blank line.
fn render_item(item: &[Block]) -> Vec<String> {
    let mut lines = Vec::new();
    for (index, block) in item.iter().enumerate() {
        if index > 0 && !tight_pair(&item[index - 1], block) {
            lines.push(String::new());
        }
        render_block(block, false, &mut lines);
    }
    lines
}

fn tight_pair(before: &Block, after: &Block) -> bool {
    matches!((before, after), (Block::Paragraph(_), Block::List { .. }))
}

fn is_loose(item: &[Block]) -> bool {
    item.windows(2).any(|pair| !tight_pair(&pair[0], &pair[1]))
}
