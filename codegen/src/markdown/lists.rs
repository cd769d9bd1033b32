//! Lists: `<ul>` and `<ol>` items, stray `<li>`s, and `<dl>` definition lists as bulleted
//! `**term**: definition` items.

use super::blocks::{Block, Converter};
use super::inline::Style;
use super::tags::Kind;
use super::tree::{Element, Node};

impl Converter<'_> {
    pub fn list(&self, ordered: bool, children: &[Node]) -> Option<Block> {
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
    pub fn stray_item(&self, element: &Element, blocks: &mut Vec<Block>) {
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
    pub fn definitions(&self, children: &[Node]) -> Option<Block> {
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
    pub fn term(&self, element: &Element) -> Option<String> {
        let mut text = String::new();
        self.inline_children(element, Style::default().bold(), &mut text);
        let text = text.replace('\n', " ");
        let term = text.trim_matches(' ').trim_end_matches(':').trim_end();
        (!term.is_empty()).then(|| format!("**{term}**"))
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
