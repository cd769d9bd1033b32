//! Turns the HTML of Smithy documentation traits into rustdoc Markdown.
//!
//! Three steps: `protect_literal_tags` turns every `<` that does not open a known tag into
//! `&lt;`, so placeholders such as `<ExportTimestamp>` survive as text in their original case;
//! the html5gum tokenizer feeds a small tag-soup tree builder (`parse`); the tree becomes
//! `Block`s, which `render` writes out as Markdown lines.
//!
//! The parser is `html5gum`: a WHATWG-conformant tokenizer (it passes the html5lib tokenizer
//! tests, decodes every named and numeric entity) with no dependencies and no unsafe code.
//! A full HTML5 tree builder (html5ever) is heavier and would also get AWS documentation
//! wrong: its rules do not know that `<note>` and `<important>` are blocks, so a `<p>` inside
//! a `<note>` inside a `<p>` would be moved out of the note. The tree rules AWS documentation
//! needs are few and live in `TreeBuilder`.

use std::borrow::Cow;
use std::cell::RefCell;

use html5gum::{StartTag, Token, Tokenizer};

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

/// Moves the first paragraph before the notes that open some documentation (many S3
/// operations start with "This operation is not supported for directory buckets"), so
/// rustdoc's summary line describes the item.
fn summary_first(blocks: &mut [Block]) {
    let leading_quotes = blocks
        .iter()
        .take_while(|block| matches!(block, Block::Quote(_)))
        .count();
    if leading_quotes > 0 && matches!(blocks.get(leading_quotes), Some(Block::Paragraph(_))) {
        blocks[..=leading_quotes].rotate_right(1);
    }
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
    // Known names are short, so look no further than this for the end of the name.
    const LONGEST_NAME: usize = 10;
    let end = body
        .bytes()
        .take(LONGEST_NAME + 1)
        .position(|b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
        .or((body.len() <= LONGEST_NAME).then_some(body.len()))?;
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

    /// Closes the innermost open element that matches `target`, looking through inline
    /// elements, paragraphs and headings but not through any other block.
    fn close_open(&mut self, target: impl Fn(Kind) -> bool) {
        let found = self.stack.iter().rposition(|open| {
            target(open.kind)
                || !(open.kind.is_inline() || matches!(open.kind, Kind::Paragraph | Kind::Heading))
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
        self.stack
            .pop()
            .map(|root| root.children)
            .unwrap_or_default()
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

impl Style {
    fn bold(self) -> Style {
        Style { bold: true, ..self }
    }

    fn italic(self) -> Style {
        Style {
            italic: true,
            ..self
        }
    }

    fn in_link(self) -> Style {
        Style {
            in_link: true,
            ..self
        }
    }
}

/// A link reference definition: ``[`Name`]: crate::Name``.
struct Reference {
    label: String,
    /// The label as CommonMark matches it: case-insensitively.
    key: String,
    path: String,
}

/// Turns the element tree into blocks.
struct Converter<'a> {
    link: &'a dyn Fn(&str) -> Option<String>,
    /// Link reference definitions for the end of the documentation.
    references: RefCell<Vec<Reference>>,
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
        join_code_lines(blocks)
    }

    fn block(&self, element: &Element, blocks: &mut Vec<Block>) {
        match element.kind {
            Kind::List { ordered } => blocks.extend(self.list(ordered, &element.children)),
            Kind::Item => self.stray_item(element, blocks),
            Kind::Terms => blocks.extend(self.definitions(&element.children)),
            Kind::Term => {
                blocks.extend(self.term(element).map(|term| Block::Paragraph(vec![term])))
            }
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
        let mut text = String::new();
        self.emphasis(element, "**", Style::default().bold(), &mut text);
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
        let mut text = String::new();
        self.inline_children(element, Style::default().bold(), &mut text);
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
                self.emphasis(element, "**", style.bold(), out)
            }
            Kind::Italic if !style.italic => self.emphasis(element, "*", style.italic(), out),
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

/// Joins runs of paragraphs that are each one code span into a code block: AWS writes
/// JSON examples as one `<p><code>` per line.
fn join_code_lines(blocks: Vec<Block>) -> Vec<Block> {
    let mut joined = Vec::with_capacity(blocks.len());
    let mut run: Vec<(String, Block)> = Vec::new();
    for block in blocks {
        match code_only(&block) {
            Some(code) => run.push((code, block)),
            None => {
                end_code_run(&mut run, &mut joined);
                joined.push(block);
            }
        }
    }
    end_code_run(&mut run, &mut joined);
    joined
}

fn end_code_run(run: &mut Vec<(String, Block)>, blocks: &mut Vec<Block>) {
    if run.len() > 1 {
        let lines: Vec<String> = run.drain(..).map(|(code, _)| code).collect();
        blocks.push(Block::Code(lines.join("\n")));
    } else {
        blocks.extend(run.drain(..).map(|(_, block)| block));
    }
}

/// The code of a one-line paragraph that is a single code span.
fn code_only(block: &Block) -> Option<String> {
    let Block::Paragraph(lines) = block else {
        return None;
    };
    let [line] = lines.as_slice() else {
        return None;
    };
    let ticks = line.len() - line.trim_start_matches('`').len();
    let fence = &line[..ticks];
    let inner = line.get(ticks..line.len().checked_sub(ticks)?)?;
    if ticks == 0 || !line.ends_with(fence) || inner.is_empty() || inner.contains(fence) {
        return None;
    }
    let unpadded = inner
        .strip_prefix(' ')
        .and_then(|rest| rest.strip_suffix(' '));
    Some(
        unpadded
            .filter(|code| !code.is_empty())
            .unwrap_or(inner)
            .to_owned(),
    )
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
        if open == "[" {
            escape_bang(out);
        }
        out.push_str(open);
        out.push_str(body);
        out.push_str(close);
    }
    push_padding(out, trail);
}

/// Escapes a `!` right before a link, which would otherwise make it an image.
fn escape_bang(out: &mut String) {
    if out.ends_with('!') && !out.ends_with("\\!") {
        out.pop();
        out.push_str("\\!");
    }
}

/// A code span, with a fence longer than any run of backticks in the code.
fn code_span(code: &str) -> String {
    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
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
    let mut words = text
        .split(is_space)
        .filter(|word| !word.is_empty())
        .peekable();
    while let Some(word) = words.next() {
        let followed = words.peek().is_some() || text.ends_with(is_space);
        push_word(out, word, autolink, !followed, &mut open_angle);
        if followed {
            out.push(' ');
        }
    }
}

/// Appends one word; `ends_text` tells whether an element may follow it directly.
fn push_word(out: &mut String, word: &str, autolink: bool, ends_text: bool, angle: &mut bool) {
    let mut rest = word;
    while let Some((start, end)) = autolink.then(|| find_url(rest)).flatten() {
        escape_into(out, &rest[..start], false, angle);
        out.push('<');
        out.push_str(&rest[start..end]);
        out.push('>');
        rest = &rest[end..];
    }
    escape_into(out, rest, ends_text, angle);
}

/// The byte range of the first `http://` or `https://` URL in a word, without trailing
/// punctuation, or None. Templates such as `https://{api-id}.example.com` are not URLs.
fn find_url(word: &str) -> Option<(usize, usize)> {
    let start = word.match_indices("http").map(|(at, _)| at).find(|&at| {
        let rest = &word[at..];
        rest.starts_with("https://") || rest.starts_with("http://")
    })?;
    let tail = &word[start..];
    let url = trim_url_end(&tail[..tail.find(['<', '>', '"', '[', ']']).unwrap_or(tail.len())]);
    let host = url.split_once("://").map_or("", |(_, host)| host);
    host.starts_with(|c: char| c.is_ascii_alphanumeric())
        .then_some((start, start + url.len()))
}

/// The URL without the punctuation at its end that ends a sentence or closes a bracket
/// opened before the URL.
fn trim_url_end(url: &str) -> &str {
    let balance = |open: char, close: char| {
        url.matches(open).count() as isize - url.matches(close).count() as isize
    };
    let (mut parens, mut braces) = (balance('(', ')'), balance('{', '}'));
    let mut end = url.len();
    while let Some(last) = url[..end].chars().next_back() {
        match last {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*' | '_' => {}
            ')' if parens < 0 => parens += 1,
            '}' if braces < 0 => braces += 1,
            _ => break,
        }
        end -= 1;
    }
    &url[..end]
}

/// Escapes what Markdown would otherwise read as markup. `open_angle` pairs a `>` with the
/// `<` before it, so `<ExportTimestamp>` reads `\<ExportTimestamp\>`. When `ends_text` is
/// set an element may follow, so a last `<` or `&` is escaped whatever comes next.
fn escape_into(out: &mut String, text: &str, ends_text: bool, open_angle: &mut bool) {
    for (at, c) in text.char_indices() {
        let last = ends_text && at + 1 == text.len();
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '~' => true,
            '<' => {
                let next = text[at + 1..].chars().next();
                *open_angle =
                    last || next.is_some_and(|c| c.is_ascii_alphabetic() || "/!?".contains(c));
                *open_angle
            }
            '>' => std::mem::take(open_angle),
            '_' => at_word_edge(text, at),
            '&' => last || starts_entity(&text[at + 1..]),
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
    let length = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
        .unwrap_or(rest.len());
    let (name, after) = rest.split_at(length);
    if !after.starts_with(';') {
        return false;
    }
    let is_number =
        |digits: &str, radix: u32| !digits.is_empty() && digits.chars().all(|c| c.is_digit(radix));
    match name.strip_prefix('#') {
        Some(number) => match number.strip_prefix(['x', 'X']) {
            Some(hex) => is_number(hex, 16),
            None => is_number(number, 10),
        },
        None => name.starts_with(|c: char| c.is_ascii_alphabetic()) && !name.contains('#'),
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
    let is_marker =
        after.starts_with(['.', ')']) && (after.len() == 1 || after[1..].starts_with(' '));
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
    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
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

#[cfg(test)]
mod tests {
    use super::html_to_markdown;

    /// Links names that look like generated items, as the generator would.
    fn shape_link(name: &str) -> Option<String> {
        let is_shape = name.starts_with(|c: char| c.is_ascii_uppercase())
            && name.chars().all(|c| c.is_ascii_alphanumeric());
        is_shape.then(|| format!("crate::{name}"))
    }

    fn convert(html: &str) -> String {
        let markdown = html_to_markdown(html, &shape_link);
        if let Err(problem) = check_invariants(&markdown) {
            panic!("{problem}\n--- html\n{html}\n--- markdown\n{markdown}");
        }
        markdown
    }

    // Plain rules.

    #[test]
    fn empty_input_gives_empty_output() {
        assert_eq!(convert(""), "");
        assert_eq!(convert("  \n\t "), "");
        assert_eq!(convert("<p></p>"), "");
        assert_eq!(convert("<p> </p><ul><li></li></ul><note> </note>"), "");
    }

    #[test]
    fn paragraphs_are_separated_by_one_blank_line() {
        assert_eq!(convert("<p>One.</p><p>Two.</p>"), "One.\n\nTwo.");
        assert_eq!(
            convert("<p>One.</p>\n\n\n   <p></p>  <p>Two.</p>"),
            "One.\n\nTwo."
        );
    }

    #[test]
    fn text_outside_paragraphs_becomes_paragraphs() {
        assert_eq!(convert("Plain text."), "Plain text.");
        assert_eq!(
            convert("Before. <p>Inside.</p> After <b>bold</b>."),
            "Before.\n\nInside.\n\nAfter **bold**."
        );
    }

    #[test]
    fn source_indentation_is_collapsed() {
        let html = "<p>\n            Indented\n      text\twith   gaps.\n         </p>";
        assert_eq!(convert(html), "Indented text with gaps.");
        assert_eq!(convert("        Deep text."), "Deep text.");
    }

    #[test]
    fn code_becomes_backticks() {
        assert_eq!(convert("Use <code>ListJobs</code>."), "Use `ListJobs`.");
        assert_eq!(convert("<code> a  b </code>x"), "`a b` x");
        assert_eq!(convert("<code></code>"), "");
    }

    #[test]
    fn code_with_backticks_gets_a_longer_fence() {
        assert_eq!(convert("<code>a`b</code>"), "``a`b``");
        assert_eq!(convert("<code>`quoted`</code>"), "`` `quoted` ``");
        assert_eq!(convert("<code>a``b`c</code>"), "```a``b`c```");
    }

    #[test]
    fn code_content_is_not_escaped() {
        assert_eq!(
            convert("<code>arn:*:[a_b]\\&lt;x&gt;</code>"),
            "`arn:*:[a_b]\\<x>`"
        );
    }

    #[test]
    fn adjacent_code_elements_merge() {
        assert_eq!(convert("<code>a</code><code>b</code>"), "`ab`");
        assert_eq!(convert("<code>a</code> <code>b</code>"), "`a` `b`");
    }

    #[test]
    fn links_with_href() {
        assert_eq!(
            convert(r#"See <a href="https://example.com/x">the guide</a>."#),
            "See [the guide](https://example.com/x)."
        );
        assert_eq!(
            convert(r#"<a href="https://e.com/a b(c)">x</a>"#),
            "[x](https://e.com/a%20b%28c%29)"
        );
        assert_eq!(
            convert(r#"<a href="https://e.com"> <i>spaced</i> </a>!"#),
            "[*spaced*](https://e.com) !"
        );
    }

    #[test]
    fn link_whose_text_is_its_url_becomes_an_autolink() {
        assert_eq!(
            convert(r#"<a href="https://e.com/x">https://e.com/x</a>"#),
            "<https://e.com/x>"
        );
        assert_eq!(
            convert(r#"<a href="https://e.com/x"></a>"#),
            "<https://e.com/x>"
        );
    }

    #[test]
    fn relative_links() {
        assert_eq!(
            convert(r#"<a href="/cli/latest/index.html">CLI</a>"#),
            "[CLI](https://docs.aws.amazon.com/cli/latest/index.html)"
        );
        assert_eq!(
            convert(r#"<a href="other.html">Other</a> page"#),
            "Other page"
        );
        assert_eq!(convert(r##"<a href="#anchor">here</a>"##), "here");
    }

    #[test]
    fn links_to_shapes() {
        assert_eq!(
            convert("Call <a>CreateDataset</a> first."),
            "Call [`CreateDataset`][] first.\n\n[`CreateDataset`]: crate::CreateDataset"
        );
        assert_eq!(
            convert("<ul><li><a>A</a>: one, <a>B</a>(two)</li></ul><note><a>A</a></note>"),
            "- [`A`][]: one, [`B`][](two)\n\n> **Note:** [`A`][]\n\n[`A`]: crate::A\n[`B`]: crate::B"
        );
        assert_eq!(
            convert("See <a>howitworks-forecast</a>."),
            "See `howitworks-forecast`."
        );
        assert_eq!(convert("<a> </a>x"), "x");
        let none = |_: &str| None;
        assert_eq!(html_to_markdown("<a>Dataset</a>", &none), "`Dataset`");
    }

    #[test]
    fn bulleted_and_numbered_lists() {
        assert_eq!(convert("<ul><li>one</li><li>two</li></ul>"), "- one\n- two");
        assert_eq!(
            convert("<ol><li>one</li><li>two</li></ol>"),
            "1. one\n2. two"
        );
    }

    #[test]
    fn paragraph_in_item_is_tight() {
        let html =
            "<ul>\n  <li>\n    <p>\n      one\n    </p>\n  </li>\n  <li><p>two</p></li>\n</ul>";
        assert_eq!(convert(html), "- one\n- two");
    }

    #[test]
    fn nested_lists_are_indented_to_the_content_column() {
        let html = "<ul><li><p>a</p><ul><li>b<ol><li>c</li></ol></li></ul></li><li>d</li></ul>";
        assert_eq!(convert(html), "- a\n  - b\n    1. c\n- d");
        let html = "<ol><li>a<ul><li>b</li></ul></li></ol>";
        assert_eq!(convert(html), "1. a\n   - b");
    }

    #[test]
    fn second_paragraph_in_item_is_indented() {
        let html = "<ul><li><p>a</p><p>more a</p></li><li><p>b</p></li></ul>";
        assert_eq!(convert(html), "- a\n\n  more a\n\n- b");
    }

    #[test]
    fn list_directly_inside_list_joins_previous_item() {
        let html = "<ul><li>a</li><ul><li>b</li></ul><li>c</li></ul>";
        assert_eq!(convert(html), "- a\n  - b\n- c");
    }

    #[test]
    fn unclosed_items_close_at_the_next_item() {
        assert_eq!(convert("<ul><li>a<li>b</ul>after"), "- a\n- b\n\nafter");
    }

    #[test]
    fn adjacent_lists_do_not_merge() {
        let html = "<ul><li>a</li></ul><ul><li>b</li></ul><ol><li>c</li></ol><ol><li>d</li></ol>";
        assert_eq!(convert(html), "- a\n\n* b\n\n1. c\n\n1) d");
    }

    #[test]
    fn bold_and_italic() {
        assert_eq!(
            convert("<b>b</b> <strong>s</strong> <i>i</i> <em>e</em>"),
            "**b** **s** *i* *e*"
        );
        assert_eq!(convert("<b><i>both</i></b>"), "***both***");
        assert_eq!(convert("<b>outer <b>inner</b></b>"), "**outer inner**");
        assert_eq!(convert("<b>a</b><b>b</b>"), "**ab**");
    }

    #[test]
    fn emphasis_whitespace_moves_outside() {
        assert_eq!(convert("a<b> x </b>b"), "a **x** b");
        assert_eq!(convert("a <i>\n  x\n</i> b"), "a *x* b");
    }

    #[test]
    fn empty_emphasis_is_dropped() {
        assert_eq!(convert("a<b></b>b <i> </i>c"), "ab c");
    }

    #[test]
    fn notes_become_block_quotes() {
        assert_eq!(
            convert("<note><p>Careful.</p><p>Really.</p></note>"),
            "> **Note:** Careful.\n>\n> Really."
        );
        assert_eq!(
            convert("<important>Read this.</important>"),
            "> **Important:** Read this."
        );
        assert_eq!(
            convert("<p>Intro.</p><note><ul><li>a</li></ul></note>"),
            "Intro.\n\n> **Note:**\n>\n> - a"
        );
    }

    #[test]
    fn leading_note_moves_after_the_summary() {
        assert_eq!(
            convert("<note><p>Careful.</p></note><p>Summary.</p><p>More.</p>"),
            "Summary.\n\n> **Note:** Careful.\n\nMore."
        );
        assert_eq!(
            convert("<note>Only a note.</note>"),
            "> **Note:** Only a note."
        );
    }

    #[test]
    fn definition_lists() {
        let html = "<dl><dt>Auto</dt><dd><p>Chooses.</p><p>More.</p></dd><dt>Linear:</dt><dd>Straight.</dd><dt>Bare</dt></dl>";
        assert_eq!(
            convert(html),
            "- **Auto**: Chooses.\n\n  More.\n\n- **Linear**: Straight.\n\n- **Bare**"
        );
        assert_eq!(
            convert("<dl><dt>T</dt><dd><ul><li>x</li></ul></dd></dl>"),
            "- **T**:\n  - x"
        );
    }

    #[test]
    fn pre_becomes_a_fenced_text_block() {
        let html = "<p>Example:</p><pre>\n{\n  \"a\": &lt;b&gt; &amp; [1]\n}\n</pre>";
        assert_eq!(
            convert(html),
            "Example:\n\n```text\n{\n  \"a\": <b> & [1]\n}\n```"
        );
        assert_eq!(convert("<pre>x\n```\ny</pre>"), "````text\nx\n```\ny\n````");
        assert_eq!(
            convert("<ul><li>Run:<pre>a\n  b</pre></li></ul>"),
            "- Run:\n\n  ```text\n  a\n    b\n  ```"
        );
        assert_eq!(
            convert("<pre><code>x <ID> y</code></pre>"),
            "```text\nx <ID> y\n```"
        );
    }

    #[test]
    fn paragraphs_of_one_code_span_each_become_a_code_block() {
        let html = "<p>Example:</p><p><code>{</code></p><p>\n<code>\"a\": `x`</code></p><p><code>}</code></p><p>Then:</p><p><code>alone</code></p>";
        assert_eq!(
            convert(html),
            "Example:\n\n```text\n{\n\"a\": `x`\n}\n```\n\nThen:\n\n`alone`"
        );
        assert_eq!(
            convert("<p><code>a</code> <code>b</code></p><p><code>c</code></p>"),
            "`a` `b`\n\n`c`"
        );
    }

    #[test]
    fn br_is_a_backslash_hard_break() {
        assert_eq!(convert("one<br>two<br/>three"), "one\\\ntwo\\\nthree");
        assert_eq!(convert("<br>one<br>"), "one");
        assert_eq!(convert("one<br><br>two"), "one\n\ntwo");
        assert_eq!(convert("<ul><li>a<br>b</li></ul>"), "- a\\\n  b");
    }

    #[test]
    fn fullname_is_dropped() {
        assert_eq!(
            convert("<fullname>Amazon Forecast Service</fullname><p>Provides APIs.</p>"),
            "Provides APIs."
        );
    }

    #[test]
    fn unknown_html_tags_keep_their_text() {
        assert_eq!(
            convert("<div><span>a</span> <u>b</u></div><div>c</div>"),
            "a b\n\nc"
        );
        assert_eq!(convert("x<sup>2</sup>"), "x2");
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            convert("&quot;a&quot; &amp; &#39;b&#39; &#x41; 1 &lt; 2"),
            "\"a\" & 'b' A 1 < 2"
        );
    }

    #[test]
    fn placeholders_stay_visible() {
        assert_eq!(
            convert("<p><ForecastExportJobName>_<ExportTimestamp></p>"),
            "\\<ForecastExportJobName\\>\\_\\<ExportTimestamp\\>"
        );
        assert_eq!(
            convert("s3://<bucket>/<DatasetGroupName>/ in <region>"),
            "s3://\\<bucket\\>/\\<DatasetGroupName\\>/ in \\<region\\>"
        );
        assert_eq!(
            convert("arn:aws:iam::<account-id>:role"),
            "arn:aws:iam::\\<account-id\\>:role"
        );
        assert_eq!(
            convert("<code>arn:aws:s3:<Region>:<account-id>:x</code>"),
            "`arn:aws:s3:<Region>:<account-id>:x`"
        );
    }

    #[test]
    fn mixed_case_tag_names_are_placeholders() {
        assert_eq!(convert("The <Code> tag"), "The \\<Code\\> tag");
        assert_eq!(convert("<CODE>x</CODE>"), "`x`");
    }

    #[test]
    fn placeholder_with_attributes_and_end_tags_stays_text() {
        assert_eq!(
            convert(r#"<row a="1"></row> and </Tag>"#),
            "\\<row a=\"1\"\\>\\</row\\> and \\</Tag\\>"
        );
    }

    #[test]
    fn block_tags_inside_code_are_text() {
        assert_eq!(
            convert("<p><code>\"<h1>Head</h1><p>Body</p>\"</code> ok</p>"),
            "`\"<h1>Head</h1><p>Body</p>\"` ok"
        );
    }

    #[test]
    fn unclosed_code_does_not_swallow_the_document() {
        assert_eq!(convert("<p><code>x</p><p>y</p>"), "`x`\n\ny");
    }

    #[test]
    fn square_brackets_are_escaped() {
        assert_eq!(
            convert("Use [a-z] or [x](y)."),
            "Use \\[a-z\\] or \\[x\\](y)."
        );
    }

    #[test]
    fn bare_urls_are_wrapped() {
        assert_eq!(
            convert("See https://example.com/a_b."),
            "See <https://example.com/a_b>."
        );
        assert_eq!(
            convert("(http://example.com/x(1))."),
            "(<http://example.com/x(1)>)."
        );
        assert_eq!(
            convert("Form https://{api}.example.com/{stage}, then"),
            "Form https://{api}.example.com/{stage}, then"
        );
        assert_eq!(convert("see:https://e.com"), "see:<https://e.com>");
    }

    #[test]
    fn markdown_characters_in_text_are_escaped() {
        assert_eq!(convert("a*b \\ `c`"), "a\\*b \\\\ \\`c\\`");
        assert_eq!(
            convert("snake_case _lead trail_"),
            "snake_case \\_lead trail\\_"
        );
        assert_eq!(convert("~x~ &amp;amp; AT&amp;T"), "\\~x\\~ \\&amp; AT&T");
        assert_eq!(convert("x &gt; y, x &lt; y"), "x > y, x < y");
    }

    #[test]
    fn line_starts_that_would_be_markup_are_escaped() {
        assert_eq!(convert("# not a heading"), "\\# not a heading");
        assert_eq!(convert("1. not a list"), "1\\. not a list");
        assert_eq!(convert("2) no"), "2\\) no");
        assert_eq!(convert("- no"), "\\- no");
        assert_eq!(convert("+ no"), "\\+ no");
        assert_eq!(convert("&gt; no"), "\\> no");
        assert_eq!(convert("a<br>==="), "a\\\n\\===");
        assert_eq!(convert("2024. was a year"), "2024\\. was a year");
        assert_eq!(convert("1.5 GB"), "1.5 GB");
        assert_eq!(convert("<ul><li>- dash</li></ul>"), "- \\- dash");
    }

    #[test]
    fn comments_and_doctype_are_ignored() {
        assert_eq!(convert("a<!-- <p>hidden</p> -->b"), "ab");
        assert_eq!(
            convert("<?xml version=\"1.0\"?>x"),
            "\\<?xml version=\"1.0\"?\\>x"
        );
    }

    #[test]
    fn malformed_html_does_not_panic() {
        let inputs = [
            "<",
            "</",
            "<p",
            "</p",
            "<a href=",
            "<!--",
            "<p><b><i>x",
            "</b></i></p>text",
            "<ul><li><ul><li>",
            "<dl><dd>x</dt></dl>",
            "<note><note>x",
            "&",
            "&#;",
            "&#xZZ;",
            "<br></br></br>",
            "<pre>",
            "<code>",
            "<a><a>x</a></a>",
            "</ul></li>x",
            "<li>a<li>b",
            "<dt>t</dt>",
            "<dd>d</dd>",
            "<p/>x<b/>y",
            "\u{0}<p>\u{0}</p>",
            "<h1>T<p>x",
        ];
        for html in inputs {
            convert(html);
        }
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<b><ul><li><note>".repeat(20_000) + "x";
        assert!(convert(&html).contains('x'));
        let html = "<i>".repeat(100_000) + "y";
        assert!(convert(&html).contains('y'));
    }

    #[test]
    fn pathological_inputs_stay_linear() {
        let inputs = [
            "<".repeat(200_000),
            "<a".repeat(100_000),
            "&".repeat(200_000),
            "&a".repeat(100_000),
            format!("http://a{}", ")".repeat(200_000)),
            format!("see http://a.com/{}", ".".repeat(200_000)),
            "<a>A</a>".repeat(20_000),
            "<ul><li>x</li></ul>".repeat(20_000),
        ];
        for html in &inputs {
            let started = std::time::Instant::now();
            convert(html);
            assert!(started.elapsed().as_secs() < 10, "slow on {}", &html[..20]);
        }
    }

    #[test]
    fn random_tag_soup_keeps_the_invariants() {
        const PIECES: &[&str] = &[
            "<p>",
            "</p>",
            "<ul>",
            "</ul>",
            "<ol>",
            "</ol>",
            "<li>",
            "</li>",
            "<b>",
            "</b>",
            "<i>",
            "</i>",
            "<code>",
            "</code>",
            "<a>",
            "</a>",
            "<a href=\"https://e.com/a_b\">",
            "<note>",
            "</note>",
            "<important>",
            "</important>",
            "<dl>",
            "<dt>",
            "</dt>",
            "<dd>",
            "</dd>",
            "</dl>",
            "<pre>",
            "</pre>",
            "<br>",
            "<fullname>",
            "</fullname>",
            "<div>",
            "text",
            "Name",
            " ",
            "\n    ",
            "<ExportTimestamp>",
            "[x]",
            "*",
            "_",
            "`",
            "\\",
            "&lt;",
            "&amp;",
            "&",
            "<",
            ">",
            "1. ",
            "- ",
            "# ",
            "=",
            "https://e.com/x.",
            "<!--",
            "-->",
            "é",
            "(",
            ")",
            ":",
            "<a href=\"/x\">",
            "~",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..3000 {
            let len = next() % 40;
            let html: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            convert(&html);
        }
    }

    // Snapshots of real documentation from the AWS models.

    #[test]
    fn forecast_status() {
        // forecast-2018-06-26.json: com.amazonaws.forecast#DescribeForecastExportJobResponse$Status
        let html = r#"<p>The status of the forecast export job. States include:</p>
         <ul>
            <li>
               <p>
                  <code>ACTIVE</code>
               </p>
            </li>
            <li>
               <p>
                  <code>CREATE_PENDING</code>, <code>CREATE_IN_PROGRESS</code>,
          <code>CREATE_FAILED</code>
               </p>
            </li>
            <li>
               <p>
                  <code>CREATE_STOPPING</code>, <code>CREATE_STOPPED</code>
               </p>
            </li>
            <li>
               <p>
                  <code>DELETE_PENDING</code>, <code>DELETE_IN_PROGRESS</code>,
          <code>DELETE_FAILED</code>
               </p>
            </li>
         </ul>
         <note>
            <p>The <code>Status</code> of the forecast export job must be <code>ACTIVE</code> before
        you can access the forecast in your S3 bucket.</p>
         </note>"#;
        insta::assert_snapshot!(convert(html));
    }

    #[test]
    fn forecast_last_modification_time() {
        // forecast-2018-06-26.json: com.amazonaws.forecast#DescribeForecastExportJobResponse$LastModificationTime
        let html = r#"<p>The last time the resource was modified. The timestamp depends on the status of the job:</p>
         <ul>
            <li>
               <p>
                  <code>CREATE_PENDING</code> - The <code>CreationTime</code>.</p>
            </li>
            <li>
               <p>
                  <code>CREATE_IN_PROGRESS</code> - The current timestamp.</p>
            </li>
            <li>
               <p>
                  <code>CREATE_STOPPING</code> - The current timestamp.</p>
            </li>
            <li>
               <p>
                  <code>CREATE_STOPPED</code> - When the job stopped.</p>
            </li>
            <li>
               <p>
                  <code>ACTIVE</code> or <code>CREATE_FAILED</code> - When the job finished or
          failed.</p>
            </li>
         </ul>"#;
        insta::assert_snapshot!(convert(html));
    }

    #[test]
    fn forecast_create_export_job() {
        // forecast-2018-06-26.json: com.amazonaws.forecast#CreateForecastExportJob
        let html = r#"<p>Exports a forecast created by the <a>CreateForecast</a> operation to your
      Amazon Simple Storage Service (Amazon S3) bucket. The forecast file name will match the following conventions:</p>
         <p><ForecastExportJobName>_<ExportTimestamp>_<PartNumber></p>
         <p>where the <ExportTimestamp> component is in Java SimpleDateFormat
      (yyyy-MM-ddTHH-mm-ssZ).</p>
         <p>You must specify a <a>DataDestination</a> object that includes an Identity and Access Management
      (IAM) role that Amazon Forecast can assume to access the Amazon S3 bucket. For more information, see
        <a>aws-forecast-iam-roles</a>.</p>
         <p>For more information, see <a>howitworks-forecast</a>.</p>
         <p>To get a list of all your forecast export jobs, use the <a>ListForecastExportJobs</a> operation.</p>
         <note>
            <p>The <code>Status</code> of the forecast export job must be <code>ACTIVE</code> before
        you can access the forecast in your Amazon S3 bucket. To get the status, use the <a>DescribeForecastExportJob</a> operation.</p>
         </note>"#;
        insta::assert_snapshot!(convert(html));
    }

    #[test]
    fn forecast_scaling_type_definition_list() {
        // forecast-2018-06-26.json: com.amazonaws.forecast#IntegerParameterRange$ScalingType
        let html = r#"<p>The scale that hyperparameter tuning uses to search the hyperparameter range.
      Valid values:</p>
         <dl>
            <dt>Auto</dt>
            <dd>
               <p>Amazon Forecast hyperparameter tuning chooses the best scale for the hyperparameter.</p>
            </dd>
            <dt>Linear</dt>
            <dd>
               <p>Hyperparameter tuning searches the values in the hyperparameter range by using a
            linear scale.</p>
            </dd>
            <dt>Logarithmic</dt>
            <dd>
               <p>Hyperparameter tuning searches the values in the hyperparameter range by using a
            logarithmic scale.</p>
               <p>Logarithmic scaling works only for ranges that have values greater than 0.</p>
            </dd>
            <dt>ReverseLogarithmic</dt>
            <dd>
               <p>Not supported for <code>IntegerParameterRange</code>.</p>
               <p>Reverse logarithmic scaling works only for ranges that are entirely within the
            range 0 <= x < 1.0.</p>
            </dd>
         </dl>
         <p>For information about choosing a hyperparameter scale, see
      <a href="http://docs.aws.amazon.com/sagemaker/latest/dg/automatic-model-tuning-define-ranges.html#scaling-type">Hyperparameter Scaling</a>.
      One of the following values:</p>"#;
        insta::assert_snapshot!(convert(html));
    }

    #[test]
    fn sagemaker_nested_list() {
        // sagemaker-2017-07-24.json: com.amazonaws.sagemaker#AlgorithmSpecification$EnableSageMakerMetricsTimeSeries
        let html = r#"<p>To generate and save time-series metrics during training, set to <code>true</code>.
            The default is <code>false</code> and time-series metrics aren't generated except in the
            following cases:</p>
         <ul>
            <li>
               <p>You use one of the SageMaker built-in algorithms</p>
            </li>
            <li>
               <p>You use one of the following <a href="https://docs.aws.amazon.com/sagemaker/latest/dg/pre-built-containers-frameworks-deep-learning.html">Prebuilt SageMaker Docker Images</a>:</p>
               <ul>
                  <li>
                     <p>Tensorflow (version >= 1.15)</p>
                  </li>
                  <li>
                     <p>MXNet (version >= 1.6)</p>
                  </li>
                  <li>
                     <p>PyTorch (version >= 1.3)</p>
                  </li>
               </ul>
            </li>
            <li>
               <p>You specify at least one <a href="https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MetricDefinition.html">MetricDefinition</a>
               </p>
            </li>
         </ul>"#;
        insta::assert_snapshot!(convert(html));
    }

    #[test]
    fn sagemaker_kms_placeholders_in_code() {
        // sagemaker-2017-07-24.json: com.amazonaws.sagemaker#RecommendationJobOutputConfig$KmsKeyId
        let html = r#"<p>The Amazon Resource Name (ARN) of a Amazon Web Services Key Management Service (Amazon Web Services KMS) key 
         that Amazon SageMaker uses to encrypt your output artifacts with Amazon S3 server-side encryption. 
         The SageMaker execution role must have <code>kms:GenerateDataKey</code> permission.</p>
         <p>The <code>KmsKeyId</code> can be any of the following formats:</p>
         <ul>
            <li>
               <p>// KMS Key ID</p>
               <p>
                  <code>"1234abcd-12ab-34cd-56ef-1234567890ab"</code>
               </p>
            </li>
            <li>
               <p>// Amazon Resource Name (ARN) of a KMS Key</p>
               <p>
                  <code>"arn:aws:kms:<region>:<account>:key/<key-id-12ab-34cd-56ef-1234567890ab>"</code>
               </p>
            </li>
            <li>
               <p>// KMS Key Alias</p>
               <p>
                  <code>"alias/ExampleAlias"</code>
               </p>
            </li>
            <li>
               <p>// Amazon Resource Name (ARN) of a KMS Key Alias</p>
               <p>
                  <code>"arn:aws:kms:<region>:<account>:alias/<ExampleAlias>"</code>
               </p>
            </li>
         </ul>
         <p>For more information about key identifiers, see 
         <a href="https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id-key-id">Key identifiers (KeyID)</a> in the 
         Amazon Web Services Key Management Service (Amazon Web Services KMS) documentation.</p>"#;
        insta::assert_snapshot!(convert(html));
    }

    #[test]
    fn sagemaker_ecr_uri_placeholders() {
        // sagemaker-2017-07-24.json: com.amazonaws.sagemaker#CreateImageVersionRequest$BaseImage
        let html = r#"<p>The registry path of the container image to use as the starting point for this
        version. The path is an Amazon ECR URI in the following format:</p>
         <p>
            <code><acct-id>.dkr.ecr.<region>.amazonaws.com/<repo-name[:tag] or [@digest]></code>
         </p>"#;
        insta::assert_snapshot!(convert(html));
    }

    #[test]
    fn sagemaker_filter_definitions() {
        // sagemaker-2017-07-24.json: com.amazonaws.sagemaker#Filter
        let html = r#"<p>A conditional statement for a search expression that includes a resource property, a
      Boolean operator, and a value. Resources that match the statement are returned in the results
      from the <a href="https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_Search.html">Search</a> API.</p>
         <p>If you specify a <code>Value</code>, but not an <code>Operator</code>, SageMaker uses the
      equals operator.</p>
         <p>In search, there are several property types:</p>
         <dl>
            <dt>Metrics</dt>
            <dd>
               <p>To define a metric filter, enter a value using the form
              <code>"Metrics.<name>"</code>, where <code><name></code> is a metric name.
            For example, the following filter searches for training jobs with an
              <code>"accuracy"</code> metric greater than <code>"0.9"</code>:</p>
               <p>
                  <code>{</code>
               </p>
               <p>
                  <code>"Name": "Metrics.accuracy",</code>
               </p>
               <p>
                  <code>"Operator": "GreaterThan",</code>
               </p>
               <p>
                  <code>"Value": "0.9"</code>
               </p>
               <p>
                  <code>}</code>
               </p>
            </dd>
            <dt>HyperParameters</dt>
            <dd>
               <p>To define a hyperparameter filter, enter a value with the form
              <code>"HyperParameters.<name>"</code>. Decimal hyperparameter values are treated
            as a decimal in a comparison if the specified <code>Value</code> is also a decimal
            value. If the specified <code>Value</code> is an integer, the decimal hyperparameter
            values are treated as integers. For example, the following filter is satisfied by
            training jobs with a <code>"learning_rate"</code> hyperparameter that is less than
              <code>"0.5"</code>:</p>
               <p>
                  <code> {</code>
               </p>
               <p>
                  <code> "Name": "HyperParameters.learning_rate",</code>
               </p>
               <p>
                  <code> "Operator": "LessThan",</code>
               </p>
               <p>
                  <code> "Value": "0.5"</code>
               </p>
               <p>
                  <code> }</code>
               </p>
            </dd>
            <dt>Tags</dt>
            <dd>
               <p>To define a tag filter, enter a value with the form
            <code>Tags.<key></code>.</p>
            </dd>
         </dl>"#;
        insta::assert_snapshot!(convert(html));
    }

    #[test]
    fn sagemaker_html_inside_code() {
        // sagemaker-2017-07-24.json: com.amazonaws.sagemaker#CreateLabelingJobRequest$LabelCategoryConfigS3Uri
        let html = r#"<p>The S3 URI of the file, referred to as a <i>label category configuration
                file</i>, that defines the categories used to label the data objects.</p>
         <p>For 3D point cloud and video frame task types, you can add label category attributes
            and frame attributes to your label category configuration file. To learn how, see <a href="https://docs.aws.amazon.com/sagemaker/latest/dg/sms-point-cloud-label-category-config.html">Create a
                Labeling Category Configuration File for 3D Point Cloud Labeling Jobs</a>. </p>
         <p>For named entity recognition jobs, in addition to <code>"labels"</code>, you must
            provide worker instructions in the label category configuration file using the
                <code>"instructions"</code> parameter: <code>"instructions":
                {"shortInstruction":"<h1>Add header</h1><p>Add Instructions</p>",
                "fullInstruction":"<p>Add additional instructions.</p>"}</code>. For details
            and an example, see <a href="https://docs.aws.amazon.com/sagemaker/latest/dg/sms-named-entity-recg.html#sms-creating-ner-api">Create a
                Named Entity Recognition Labeling Job (API) </a>.</p>
         <p>For all other <a href="https://docs.aws.amazon.com/sagemaker/latest/dg/sms-task-types.html">built-in task types</a> and <a href="https://docs.aws.amazon.com/sagemaker/latest/dg/sms-custom-templates.html">custom
                tasks</a>, your label category configuration file must be a JSON file in the
            following format. Identify the labels you want to use by replacing <code>label_1</code>,
                <code>label_2</code>,<code>...</code>,<code>label_n</code> with your label
            categories.</p>
         <p>
            <code>{ </code>
         </p>
         <p>
            <code>"document-version": "2018-11-28",</code>
         </p>
         <p>
            <code>"labels": [{"label": "label_1"},{"label": "label_2"},...{"label":
                "label_n"}]</code>
         </p>
         <p>
            <code>}</code>
         </p>
         <p>Note the following about the label category configuration file:</p>
         <ul>
            <li>
               <p>For image classification and text classification (single and multi-label) you
                    must specify at least two label categories. For all other task types, the
                    minimum number of label categories required is one. </p>
            </li>
            <li>
               <p>Each label category must be unique, you cannot specify duplicate label
                    categories.</p>
            </li>
            <li>
               <p>If you create a 3D point cloud or video frame adjustment or verification
                    labeling job, you must include <code>auditLabelAttributeName</code> in the label
                    category configuration. Use this parameter to enter the <a href="https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateLabelingJob.html#sagemaker-CreateLabelingJob-request-LabelAttributeName">
                     <code>LabelAttributeName</code>
                  </a> of the labeling job you want to
                    adjust or verify annotations of.</p>
            </li>
         </ul>"#;
        insta::assert_snapshot!(convert(html));
    }

    #[test]
    fn sagemaker_literal_backticks() {
        // sagemaker-2017-07-24.json: com.amazonaws.sagemaker#RStudioServerProAppSettings$UserGroup
        let html = r#"<p>The level of permissions that the user has within the <code>RStudioServerPro</code> app.
      This value defaults to `User`. The `Admin` value allows the user access to the RStudio
      Administrative Dashboard.</p>"#;
        insta::assert_snapshot!(convert(html));
    }

    #[test]
    fn sagemaker_href_with_space() {
        // sagemaker-2017-07-24.json: com.amazonaws.sagemaker#ClarifyTextConfig$Language
        let html = r#"<p>Specifies the language of the text features in <a href=" https://en.wikipedia.org/wiki/List_of_ISO_639-1_codes">ISO 639-1</a> or
                <a href="https://en.wikipedia.org/wiki/ISO_639-3">ISO 639-3</a> code of a
            supported language. </p>
         <note>
            <p>For a mix of multiple languages, use code <code>'xx'</code>.</p>
         </note>"#;
        insta::assert_snapshot!(convert(html));
    }

    #[test]
    fn support_placeholder_in_text() {
        // support-2013-04-15.json: com.amazonaws.support#Communication$submittedBy
        let html = r#"<p>The identity of the account that submitted, or responded to, the support case.
            Customer entries include the IAM role as well as the email address (for example,
            "AdminRole (Role) <janedoe@example.com>). Entries from the Amazon Web Services Support team display
            "Amazon Web Services," and don't show an email address.
            </p>"#;
        insta::assert_snapshot!(convert(html));
    }

    #[test]
    fn glue_xml_in_code() {
        // glue-2017-03-31.json: com.amazonaws.glue#CreateXMLClassifierRequest$RowTag
        let html = r#"<p>The XML tag designating the element that contains each record in an XML document being
      parsed. This can't identify a self-closing element (closed by <code>/></code>). An empty
      row element that contains only attributes can be parsed as long as it ends with a closing tag
      (for example, <code><row item_a="A" item_b="B"></row></code> is okay, but
        <code><row item_a="A" item_b="B" /></code> is not).</p>"#;
        insta::assert_snapshot!(convert(html));
    }

    #[test]
    fn s3_scan_range_xml_in_code() {
        // s3-2006-03-01.json: com.amazonaws.s3#ScanRange$Start
        let html = r#"<p>Specifies the start of the byte range. This parameter is optional. Valid values:
         non-negative integers. The default value is 0. If only <code>start</code> is supplied, it
         means scan from that point to the end of the file. For example,
            <code><scanrange><start>50</start></scanrange></code> means scan
         from byte 50 until the end of the file.</p>"#;
        insta::assert_snapshot!(convert(html));
    }

    #[test]
    fn s3_is_truncated() {
        // s3-2006-03-01.json: com.amazonaws.s3#ListObjectVersionsRequest$MaxKeys
        let html = r#"<p>Sets the maximum number of keys returned in the response. By default, the action returns
         up to 1,000 key names. The response might contain fewer keys but will never contain more.
         If additional keys satisfy the search criteria, but were not returned because
            <code>max-keys</code> was exceeded, the response contains
            <code><isTruncated>true</isTruncated></code>. To return the additional keys,
         see <code>key-marker</code> and <code>version-id-marker</code>.</p>"#;
        insta::assert_snapshot!(convert(html));
    }

    #[test]
    fn s3_note_first() {
        // s3-2006-03-01.json: com.amazonaws.s3#GetBucketLogging
        let html = r#"<note>
            <p>This operation is not supported for directory buckets.</p>
         </note>
         <p>Returns the logging status of a bucket and the permissions users have to view and modify
         that status.</p>
         <p>The following operations are related to <code>GetBucketLogging</code>:</p>
         <ul>
            <li>
               <p>
                  <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html">CreateBucket</a>
               </p>
            </li>
            <li>
               <p>
                  <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketLogging.html">PutBucketLogging</a>
               </p>
            </li>
         </ul>"#;
        insta::assert_snapshot!(convert(html));
    }

    #[test]
    fn s3_put_bucket_acl_nesting() {
        // s3-2006-03-01.json: com.amazonaws.s3#PutBucketAcl
        let html = r#"<note>
            <p>This operation is not supported for directory buckets.</p>
         </note>
         <p>Sets the permissions on an existing bucket using access control lists (ACL). For more
         information, see <a href="https://docs.aws.amazon.com/AmazonS3/latest/dev/S3_ACLs_UsingACLs.html">Using ACLs</a>. To set the ACL of a
         bucket, you must have the <code>WRITE_ACP</code> permission.</p>
         <p>You can use one of the following two ways to set a bucket's permissions:</p>
         <ul>
            <li>
               <p>Specify the ACL in the request body</p>
            </li>
            <li>
               <p>Specify permissions using request headers</p>
            </li>
         </ul>
         <note>
            <p>You cannot specify access permission using both the body and the request
            headers.</p>
         </note>
         <p>Depending on your application needs, you may choose to set the ACL on a bucket using
         either the request body or the headers. For example, if you have an existing application
         that updates a bucket ACL using the request body, then you can continue to use that
         approach.</p>
         <important>
            <p>If your bucket uses the bucket owner enforced setting for S3 Object Ownership, ACLs
            are disabled and no longer affect permissions. You must use policies to grant access to
            your bucket and the objects in it. Requests to set ACLs or update ACLs fail and return
            the <code>AccessControlListNotSupported</code> error code. Requests to read ACLs are
            still supported. For more information, see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html">Controlling object
               ownership</a> in the <i>Amazon S3 User Guide</i>.</p>
         </important>
         <dl>
            <dt>Permissions</dt>
            <dd>
               <p>You can set access permissions by using one of the following methods:</p>
               <ul>
                  <li>
                     <p>Specify a canned ACL with the <code>x-amz-acl</code> request header. Amazon S3
                        supports a set of predefined ACLs, known as <i>canned
                        ACLs</i>. Each canned ACL has a predefined set of grantees and
                        permissions. Specify the canned ACL name as the value of
                           <code>x-amz-acl</code>. If you use this header, you cannot use other
                        access control-specific headers in your request. For more information, see
                           <a href="https://docs.aws.amazon.com/AmazonS3/latest/dev/acl-overview.html#CannedACL">Canned
                        ACL</a>.</p>
                  </li>
                  <li>
                     <p>Specify access permissions explicitly with the
                           <code>x-amz-grant-read</code>, <code>x-amz-grant-read-acp</code>,
                           <code>x-amz-grant-write-acp</code>, and
                           <code>x-amz-grant-full-control</code> headers. When using these headers,
                        you specify explicit access permissions and grantees (Amazon Web Services accounts or Amazon S3
                        groups) who will receive the permission. If you use these ACL-specific
                        headers, you cannot use the <code>x-amz-acl</code> header to set a canned
                        ACL. These parameters map to the set of permissions that Amazon S3 supports in an
                        ACL. For more information, see <a href="https://docs.aws.amazon.com/AmazonS3/latest/dev/acl-overview.html">Access Control List (ACL)
                           Overview</a>.</p>
                     <p>You specify each grantee as a type=value pair, where the type is one of
                        the following:</p>
                     <ul>
                        <li>
                           <p>
                              <code>id</code> – if the value specified is the canonical user ID
                              of an Amazon Web Services account</p>
                        </li>
                        <li>
                           <p>
                              <code>uri</code> – if you are granting permissions to a predefined
                              group</p>
                        </li>
                        <li>
                           <p>
                              <code>emailAddress</code> – if the value specified is the email
                              address of an Amazon Web Services account</p>
                           <note>
                              <p>Using email addresses to specify a grantee is only supported in the following Amazon Web Services Regions: </p>
                              <ul>
                                 <li>
                                    <p>US East (N. Virginia)</p>
                                 </li>
                                 <li>
                                    <p>US West (N. California)</p>
                                 </li>
                                 <li>
                                    <p> US West (Oregon)</p>
                                 </li>
                                 <li>
                                    <p> Asia Pacific (Singapore)</p>
                                 </li>
                                 <li>
                                    <p>Asia Pacific (Sydney)</p>
                                 </li>
                                 <li>
                                    <p>Asia Pacific (Tokyo)</p>
                                 </li>
                                 <li>
                                    <p>Europe (Ireland)</p>
                                 </li>
                                 <li>
                                    <p>South America (São Paulo)</p>
                                 </li>
                              </ul>
                              <p>For a list of all the Amazon S3 supported Regions and endpoints, see <a href="https://docs.aws.amazon.com/general/latest/gr/rande.html#s3_region">Regions and Endpoints</a> in the Amazon Web Services General Reference.</p>
                           </note>
                        </li>
                     </ul>
                     <p>For example, the following <code>x-amz-grant-write</code> header grants
                        create, overwrite, and delete objects permission to LogDelivery group
                        predefined by Amazon S3 and two Amazon Web Services accounts identified by their email
                        addresses.</p>
                     <p>
                        <code>x-amz-grant-write:
                           uri="http://acs.amazonaws.com/groups/s3/LogDelivery", id="111122223333",
                           id="555566667777" </code>
                     </p>
                  </li>
               </ul>
               <p>You can use either a canned ACL or specify access permissions explicitly. You
                  cannot do both.</p>
            </dd>
            <dt>Grantee Values</dt>
            <dd>
               <p>You can specify the person (grantee) to whom you're assigning access rights
                  (using request elements) in the following ways:</p>
               <ul>
                  <li>
                     <p>By the person's ID:</p>
                     <p>
                        <code><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                           xsi:type="CanonicalUser"><ID><>ID<></ID><DisplayName><>GranteesEmail<></DisplayName>
                           </Grantee></code>
                     </p>
                     <p>DisplayName is optional and ignored in the request</p>
                  </li>
                  <li>
                     <p>By URI:</p>
                     <p>
                        <code><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                           xsi:type="Group"><URI><>http://acs.amazonaws.com/groups/global/AuthenticatedUsers<></URI></Grantee></code>
                     </p>
                  </li>
                  <li>
                     <p>By Email address:</p>
                     <p>
                        <code><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                           xsi:type="AmazonCustomerByEmail"><EmailAddress><>Grantees@email.com<></EmailAddress>&</Grantee></code>
                     </p>
                     <p>The grantee is resolved to the CanonicalUser and, in a response to a GET
                        Object acl request, appears as the CanonicalUser. </p>
                     <note>
                        <p>Using email addresses to specify a grantee is only supported in the following Amazon Web Services Regions: </p>
                        <ul>
                           <li>
                              <p>US East (N. Virginia)</p>
                           </li>
                           <li>
                              <p>US West (N. California)</p>
                           </li>
                           <li>
                              <p> US West (Oregon)</p>
                           </li>
                           <li>
                              <p> Asia Pacific (Singapore)</p>
                           </li>
                           <li>
                              <p>Asia Pacific (Sydney)</p>
                           </li>
                           <li>
                              <p>Asia Pacific (Tokyo)</p>
                           </li>
                           <li>
                              <p>Europe (Ireland)</p>
                           </li>
                           <li>
                              <p>South America (São Paulo)</p>
                           </li>
                        </ul>
                        <p>For a list of all the Amazon S3 supported Regions and endpoints, see <a href="https://docs.aws.amazon.com/general/latest/gr/rande.html#s3_region">Regions and Endpoints</a> in the Amazon Web Services General Reference.</p>
                     </note>
                  </li>
               </ul>
            </dd>
         </dl>
         <p>The following operations are related to <code>PutBucketAcl</code>:</p>
         <ul>
            <li>
               <p>
                  <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html">CreateBucket</a>
               </p>
            </li>
            <li>
               <p>
                  <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucket.html">DeleteBucket</a>
               </p>
            </li>
            <li>
               <p>
                  <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObjectAcl.html">GetObjectAcl</a>
               </p>
            </li>
         </ul>"#;
        insta::assert_snapshot!(convert(html));
    }

    #[test]
    fn apigateway_brackets() {
        // api-gateway-2015-07-09.json: com.amazonaws.apigateway#CreateApiKeyRequest$tags
        let html = r#"<p>The key-value map of strings. The valid character set is [a-zA-Z+-=._:/]. The tag key can be up to 128 characters and must not start with <code>aws:</code>. The tag value can be up to 256 characters.</p>"#;
        insta::assert_snapshot!(convert(html));
    }

    #[test]
    fn freetier_bare_url() {
        // freetier-2023-09-07.json: com.amazonaws.freetier#AWSFreeTierService
        let html = r#"<p>You can use the Amazon Web Services Free Tier API to query programmatically your Free Tier usage data.</p>
         <p>Free Tier tracks your monthly usage data for all free tier offers that are associated with your
      Amazon Web Services account. You can use the Free Tier API to filter and show only the data that you want.</p>
         <p>Service endpoint</p>
         <p>The Free Tier API provides the following endpoint:</p>
         <ul>
            <li>
               <p>https://freetier.us-east-1.api.aws</p>
            </li>
         </ul>
         <p>For more information, see <a href="https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/billing-free-tier.html">Using the Amazon Web Services Free Tier</a> in the <i>Billing User Guide</i>.</p>"#;
        insta::assert_snapshot!(convert(html));
    }

    #[test]
    fn apigatewaymanagementapi_url_template() {
        // apigatewaymanagementapi-2018-11-29.json: com.amazonaws.apigatewaymanagementapi#ApiGatewayManagementApi
        let html = r#"<p>The Amazon API Gateway Management API allows you to directly manage runtime aspects of your deployed APIs. To use it, you must explicitly set the SDK's endpoint to point to the endpoint of your deployed API. The endpoint will be of the form https://{api-id}.execute-api.{region}.amazonaws.com/{stage}, or will be the endpoint corresponding to your API's custom domain and base path, if applicable.</p>"#;
        insta::assert_snapshot!(convert(html));
    }

    #[test]
    fn dynamodb_link_text_is_url() {
        // dynamodb-2012-08-10.json: com.amazonaws.dynamodb#Condition$AttributeValueList
        let html = r#"<p>One or more values to evaluate against the supplied attribute. The number of values in
            the list depends on the <code>ComparisonOperator</code> being used.</p>
         <p>For type Number, value comparisons are numeric.</p>
         <p>String value comparisons for greater than, equals, or less than are based on ASCII
            character code values. For example, <code>a</code> is greater than <code>A</code>, and
                <code>a</code> is greater than <code>B</code>. For a list of code values, see <a href="http://en.wikipedia.org/wiki/ASCII#ASCII_printable_characters">http://en.wikipedia.org/wiki/ASCII#ASCII_printable_characters</a>.</p>
         <p>For Binary, DynamoDB treats each byte of the binary data as unsigned when it
            compares binary values.</p>"#;
        insta::assert_snapshot!(convert(html));
    }

    #[test]
    fn kinesis_relative_href() {
        // kinesis-2013-12-02.json: com.amazonaws.kinesis#SubscribeToShardEventStream$SubscribeToShardEvent
        let html = r#"<p>After you call <a>SubscribeToShard</a>, Kinesis Data Streams sends events
            of this type to your consumer. For an example of how to handle these events, see <a href="/streams/latest/dev/building-enhanced-consumers-api.html">Enhanced Fan-Out
                Using the Kinesis Data Streams API</a>.</p>"#;
        insta::assert_snapshot!(convert(html));
    }

    #[test]
    fn qapps_entity() {
        // qapps-2023-11-27.json: com.amazonaws.qapps#FormInputCard$computeMode
        let html = r#"<p>The compute mode of the form input card. This property determines whether individual
      participants of a data collection session can submit multiple response or one response. A
      compute mode of <code>append</code> shall allow participants to submit the same form multiple
      times with different values. A compute mode of <code>replace</code>code&gt; shall overwrite the
      current value for each participant.</p>"#;
        insta::assert_snapshot!(convert(html));
    }

    #[test]
    fn secretsmanager_mailto() {
        // secrets-manager-2017-10-17.json: com.amazonaws.secretsmanager#secretsmanager
        let html = r#"<fullname>Amazon Web Services Secrets Manager</fullname>
         <p>Amazon Web Services Secrets Manager provides a service to enable you to store, manage, and retrieve, secrets.</p>
         <p>This guide provides descriptions of the Secrets Manager API. For more information about using this
      service, see the <a href="https://docs.aws.amazon.com/secretsmanager/latest/userguide/introduction.html">Amazon Web Services Secrets Manager User Guide</a>.</p>
         <p>
            <b>API Version</b>
         </p>
         <p>This version of the Secrets Manager API Reference documents the Secrets Manager API version 2017-10-17.</p>
         <p>For a list of endpoints, see <a href="https://docs.aws.amazon.com/secretsmanager/latest/userguide/asm_access.html#endpoints">Amazon Web Services Secrets Manager 
      endpoints</a>.</p>
         <p>
            <b>Support and Feedback for Amazon Web Services Secrets Manager</b>
         </p>
         <p>We welcome your feedback. Send your comments to <a href="mailto:awssecretsmanager-feedback@amazon.com">awssecretsmanager-feedback@amazon.com</a>, or post your feedback and questions in the <a href="http://forums.aws.amazon.com/forum.jspa?forumID=296">Amazon Web Services Secrets Manager Discussion Forum</a>. For more
      information about the Amazon Web Services Discussion Forums, see <a href="http://forums.aws.amazon.com/help.jspa">Forums
        Help</a>.</p>
         <p>
            <b>Logging API Requests</b>
         </p>
         <p>Amazon Web Services Secrets Manager supports Amazon Web Services CloudTrail, a service that records Amazon Web Services API calls for your Amazon Web Services
      account and delivers log files to an Amazon S3 bucket. By using information that's collected
      by Amazon Web Services CloudTrail, you can determine the requests successfully made to Secrets Manager, who made the
      request, when it was made, and so on. For more about Amazon Web Services Secrets Manager and support for Amazon Web Services
      CloudTrail, see <a href="https://docs.aws.amazon.com/secretsmanager/latest/userguide/monitoring.html#monitoring_cloudtrail">Logging
        Amazon Web Services Secrets Manager Events with Amazon Web Services CloudTrail</a> in the <i>Amazon Web Services Secrets Manager User Guide</i>.
      To learn more about CloudTrail, including enabling it and find your log files, see the <a href="https://docs.aws.amazon.com/awscloudtrail/latest/userguide/what_is_cloud_trail_top_level.html">Amazon Web Services CloudTrail User Guide</a>.</p>"#;
        insta::assert_snapshot!(convert(html));
    }

    // Every documentation string of every model.

    #[test]
    fn every_model_documentation_converts_cleanly() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/models/aws");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            println!("skipped: no models at {}", dir.display());
            return;
        };
        let mut docs = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|ext| ext == "json") {
                let text = std::fs::read_to_string(&path).expect("readable model");
                let model: serde_json::Value = serde_json::from_str(&text).expect("model JSON");
                collect_docs(&model, &mut docs);
            }
        }
        let started = std::time::Instant::now();
        for html in &docs {
            convert(html);
        }
        println!(
            "{} documentation strings in {:?}",
            docs.len(),
            started.elapsed()
        );
        assert!(
            docs.len() > 1000,
            "found only {} documentation strings",
            docs.len()
        );
    }

    fn collect_docs(value: &serde_json::Value, docs: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, value) in map {
                    match value {
                        serde_json::Value::String(doc) if key == "smithy.api#documentation" => {
                            docs.push(doc.clone())
                        }
                        _ => collect_docs(value, docs),
                    }
                }
            }
            serde_json::Value::Array(values) => values.iter().for_each(|v| collect_docs(v, docs)),
            _ => {}
        }
    }

    /// What every conversion must satisfy: no blank line at either end, no trailing
    /// whitespace, and outside code: no two blank lines in a row, no indentation deeper than
    /// the list item it continues (so no accidental code block), no raw HTML, no bare URL
    /// and no `[` or `]` that is not part of a link.
    fn check_invariants(markdown: &str) -> Result<(), String> {
        if markdown.starts_with('\n') || markdown.ends_with('\n') {
            return Err("blank line at an end".to_owned());
        }
        let mut fence: Option<String> = None;
        let mut column = 0;
        let mut previous_blank = false;
        for line in markdown.lines() {
            if line.is_empty() && previous_blank && fence.is_none() {
                return Err("two blank lines in a row".to_owned());
            }
            previous_blank = line.is_empty();
            if line.ends_with([' ', '\t']) {
                return Err(format!("trailing whitespace: {line:?}"));
            }
            let indent = line.len() - line.trim_start_matches(' ').len();
            let content = strip_containers(&line[indent..]);
            if let Some(open) = &fence {
                if content == open {
                    fence = None;
                }
                continue;
            }
            if line.is_empty() {
                continue;
            }
            if indent > column {
                return Err(format!("indented past its list item: {line:?}"));
            }
            column = line.len() - content.len();
            let ticks: String = content.chars().take_while(|&c| c == '`').collect();
            if ticks.len() >= 3 && !content[ticks.len()..].contains('`') {
                fence = Some(ticks);
                continue;
            }
            check_inline(line).map_err(|problem| format!("{problem} in {line:?}"))?;
        }
        match fence {
            Some(_) => Err("unclosed fence".to_owned()),
            None => Ok(()),
        }
    }

    /// The line without the quote markers and list markers that start it.
    fn strip_containers(mut content: &str) -> &str {
        loop {
            let width = marker_width(content);
            let rest = content[width..].trim_start_matches(['>', ' ']);
            if rest.len() == content.len() {
                return content;
            }
            content = rest;
        }
    }

    fn marker_width(content: &str) -> usize {
        if content.starts_with("- ") || content.starts_with("* ") {
            return 2;
        }
        let digits = content.bytes().take_while(u8::is_ascii_digit).count();
        let after = &content[digits..];
        if digits > 0 && (after.starts_with(". ") || after.starts_with(") ")) {
            digits + 2
        } else {
            0
        }
    }

    fn check_inline(line: &str) -> Result<(), String> {
        if let Some((label, _)) = line.split_once("]: ") {
            if line.starts_with("[`") && !label[1..].contains(['[', ']']) {
                return Ok(()); // A link reference definition.
            }
        }
        let mut open_links = 0;
        let mut at = 0;
        while let Some(c) = line[at..].chars().next() {
            let rest = &line[at..];
            at += c.len_utf8();
            match c {
                '\\' => at += rest[1..].chars().next().map_or(0, char::len_utf8),
                '`' => {
                    let run = rest.len() - rest.trim_start_matches('`').len();
                    let fence = &rest[..run];
                    let close = rest[run..].find(fence).ok_or("unclosed code span")?;
                    at += run - 1 + close + run;
                }
                '<' if rest.starts_with("<http") || rest.starts_with("<mailto:") => {
                    at += rest.find('>').ok_or("unclosed autolink")?;
                }
                '<' if rest[1..]
                    .starts_with(|c: char| c.is_ascii_alphabetic() || "/!?".contains(c)) =>
                {
                    return Err("raw HTML".to_owned());
                }
                'h' if open_links == 0 && is_bare_url(rest) => return Err("bare URL".to_owned()),
                '[' => open_links += 1,
                ']' if open_links > 0 && rest[1..].starts_with('(') => {
                    open_links -= 1;
                    at += rest.find(')').ok_or("unclosed link destination")?;
                }
                ']' if open_links > 0 && rest[1..].starts_with("[]") => {
                    open_links -= 1;
                    at += 2;
                }
                ']' => return Err("unescaped ]".to_owned()),
                _ => {}
            }
        }
        match open_links {
            0 => Ok(()),
            _ => Err("unescaped [".to_owned()),
        }
    }

    fn is_bare_url(rest: &str) -> bool {
        ["http://", "https://"].iter().any(|scheme| {
            rest.strip_prefix(scheme)
                .is_some_and(|host| host.starts_with(|c: char| c.is_ascii_alphanumeric()))
        })
    }
}
