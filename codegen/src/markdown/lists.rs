//! Lists: `<ul>` and `<ol>` items, stray `<li>`s, and `<dl>` definition lists as bulleted
//! `**term**: definition` items.

use super::render::Block;
use super::tags::Kind;
use super::tree::{Element, Node};

/// Converts nodes into blocks; a list item holds blocks, which may hold lists again.
pub type ToBlocks<'a> = &'a dyn Fn(&[Node]) -> Vec<Block>;

/// A `<ul>` or `<ol>` as a list block, its items converted with `blocks`.
pub fn list(ordered: bool, children: &[Node], blocks: ToBlocks<'_>) -> Option<Block> {
    let mut items: Vec<Vec<Block>> = Vec::new();
    for node in children.iter().filter(|node| !node.is_blank()) {
        match node.element() {
            Some(element) if element.kind == Kind::Item => items.push(blocks(&element.children)),
            // Content outside any `<li>`, such as a nested `<ul>` right inside the
            // `<ul>`, belongs to the item before it.
            _ => match items.last_mut() {
                Some(item) => item.extend(blocks(std::slice::from_ref(node))),
                None => items.push(blocks(std::slice::from_ref(node))),
            },
        }
    }
    items.retain(|item| !item.is_empty());
    (!items.is_empty()).then_some(Block::List { ordered, items })
}

/// An `<li>` outside any list, as `item`, joins the list before it, or starts a bulleted
/// one.
pub fn stray_item(item: Vec<Block>, blocks: &mut Vec<Block>) {
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

/// `<dl>` content as a bulleted list of `**term**: definition` items: `term` writes a
/// `<dt>`, `blocks` converts the rest.
pub fn definitions(
    children: &[Node],
    blocks: ToBlocks<'_>,
    term: &dyn Fn(&Element) -> Option<String>,
) -> Option<Block> {
    let mut entries: Vec<(Option<String>, Vec<Block>)> = Vec::new();
    for node in children.iter().filter(|node| !node.is_blank()) {
        match node.element() {
            Some(element) if element.kind == Kind::Term => {
                entries.push((term(element), Vec::new()))
            }
            Some(element) if element.kind == Kind::Definition => {
                add_definition(&mut entries, blocks(&element.children))
            }
            _ => add_definition(&mut entries, blocks(std::slice::from_ref(node))),
        }
    }
    let items: Vec<Vec<Block>> = entries.into_iter().filter_map(definition_item).collect();
    (!items.is_empty()).then_some(Block::List {
        ordered: false,
        items,
    })
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
