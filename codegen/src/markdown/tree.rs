//! Step two: the html5gum tokenizer feeds a tag-soup tree builder, which gives the tree of
//! known elements and text.

use html5gum::{StartTag, Token, Tokenizer};

use super::tags::{is_void, kind_of, Kind};

/// Elements nested deeper than this are flattened into their parent, which bounds recursion.
const MAX_DEPTH: usize = 64;

/// HTML's whitespace characters.
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')
}

/// A node of the tree: text, or an element with a known tag.
#[derive(Debug)]
pub enum Node {
    Text(String),
    Element(Element),
}

/// An element: its kind, its tag name as written, its `href` and its children.
#[derive(Debug)]
pub struct Element {
    pub kind: Kind,
    pub name: String,
    pub href: Option<String>,
    pub children: Vec<Node>,
}

impl Node {
    pub fn element(&self) -> Option<&Element> {
        match self {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        }
    }

    pub fn is_blank(&self) -> bool {
        matches!(self, Node::Text(text) if text.trim_matches(is_space).is_empty())
    }

    /// Text and inline elements that hold no block, which join the surrounding paragraph.
    pub fn is_inline(&self) -> bool {
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
pub fn parse(html: &str) -> Vec<Node> {
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
