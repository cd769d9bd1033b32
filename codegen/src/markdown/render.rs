//! Markdown blocks, and how they are laid out as lines: blank lines, list markers and indentation, quote
//! markers, hard breaks and code fences.

/// A Markdown block. Paragraph lines are finished Markdown, joined by hard breaks.
#[derive(Debug)]
pub enum Block {
    Paragraph(Vec<String>),
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    Quote(Vec<Block>),
    Code(String),
}

/// Writes blocks as Markdown lines, one blank line between blocks.
pub fn render(blocks: &[Block]) -> Vec<String> {
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
