//! Code blocks: `<pre>` content, and runs of paragraphs that are each one code span.

use super::render::Block;
use super::text::raw_text;
use super::tree::Element;

/// Joins runs of paragraphs that are each one code span into a code block: AWS writes
/// JSON examples as one `<p><code>` per line.
pub fn join_code_lines(blocks: Vec<Block>) -> Vec<Block> {
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

/// `<pre>` content as a fenced block: verbatim, less the first newline, trailing spaces
/// and surrounding blank lines.
pub fn preformatted(element: &Element) -> Option<Block> {
    let mut text = String::new();
    raw_text(&element.children, '\n', &mut text);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let first = lines.iter().position(|line| !line.is_empty())?;
    let last = lines.iter().rposition(|line| !line.is_empty())?;
    Some(Block::Code(lines[first..=last].join("\n")))
}
