//! Step three: the element tree becomes Markdown blocks (paragraphs, lists, quotes, code).

use super::code::{join_code_lines, preformatted};
use super::escape::escape_line_start;
use super::inline::{Inline, Style};
use super::lists::{definitions, list, stray_item};
use super::render::Block;
use super::tags::Kind;
use super::tree::{Element, Node};

/// Turns the element tree into blocks, and inline content into their text.
pub struct Converter<'a> {
    pub inline: Inline<'a>,
}

impl Converter<'_> {
    pub fn blocks(&self, nodes: &[Node]) -> Vec<Block> {
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
            Kind::List { ordered } => blocks.extend(list(ordered, &element.children, &|nodes| {
                self.blocks(nodes)
            })),
            Kind::Item => stray_item(self.blocks(&element.children), blocks),
            Kind::Terms => blocks.extend(definitions(
                &element.children,
                &|nodes| self.blocks(nodes),
                &|term| self.inline.term(term),
            )),
            Kind::Term => {
                let term = self.inline.term(element);
                blocks.extend(term.map(|term| Block::Paragraph(vec![term])))
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
            self.inline.inline(node, Style::default(), &mut text);
        }
        split_paragraphs(&text, blocks);
    }

    fn heading(&self, element: &Element, blocks: &mut Vec<Block>) {
        let mut text = String::new();
        self.inline
            .emphasis(element, "**", Style::default().bold(), &mut text);
        split_paragraphs(&text, blocks);
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
}

/// Splits rendered inline text into paragraphs: a `\n` is a `<br>`, an empty line between
/// two of them ends the paragraph.
pub fn split_paragraphs(text: &str, blocks: &mut Vec<Block>) {
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

/// Moves the first paragraph before the notes that open some documentation (many S3
/// operations start with "This operation is not supported for directory buckets"), so
/// rustdoc's summary line describes the item.
pub fn summary_first(blocks: &mut [Block]) {
    let leading_quotes = blocks
        .iter()
        .take_while(|block| matches!(block, Block::Quote(_)))
        .count();
    if leading_quotes > 0 && matches!(blocks.get(leading_quotes), Some(Block::Paragraph(_))) {
        blocks[..=leading_quotes].rotate_right(1);
    }
}
