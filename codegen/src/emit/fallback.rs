//! Docs for what the model leaves undocumented, from what the generator knows: the
//! operation a request or response belongs to, the operations that return an error, the
//! values of an enum and the members that hold each item.

use std::collections::BTreeMap;

use super::docs::{self, Links};
use crate::typespace::{EnumValue, Field, Item, ItemKind, OperationItem, RustType, TypeSpace};

/// How many operations, members or values are named before the rest are only counted
/// (an enum lists up to twice as many values).
const LISTED: usize = 3;

/// Where each item is used, by its Rust name.
pub struct Fallbacks<'a> {
    links: &'a Links<'a>,
    title: &'a str,
    space: &'a TypeSpace,
    inputs: BTreeMap<&'a str, Vec<&'a OperationItem>>,
    outputs: BTreeMap<&'a str, Vec<&'a OperationItem>>,
    errors: BTreeMap<&'a str, Vec<&'a OperationItem>>,
    /// The members that hold an item, directly or in a list or map: owner and member.
    holders: BTreeMap<String, Vec<(&'a str, &'a str)>>,
}

impl<'a> Fallbacks<'a> {
    /// Indexes every operation and member of `space`.
    pub fn new(space: &'a TypeSpace, links: &'a Links<'a>) -> Self {
        let mut fallbacks = Fallbacks {
            links,
            title: &space.service.title,
            space,
            inputs: BTreeMap::new(),
            outputs: BTreeMap::new(),
            errors: BTreeMap::new(),
            holders: BTreeMap::new(),
        };
        for op in space.operations.values() {
            fallbacks.add_operation(op);
        }
        for item in space.items.values() {
            for (member, ty) in members(item) {
                fallbacks.add_holder(item, member, ty);
            }
        }
        fallbacks
    }

    fn add_operation(&mut self, op: &'a OperationItem) {
        if let Some(input) = &op.input {
            self.inputs.entry(input).or_default().push(op);
        }
        if let Some(output) = &op.output {
            self.outputs.entry(output).or_default().push(op);
        }
        for error in &op.errors {
            self.errors.entry(&error.ty).or_default().push(op);
        }
    }

    fn add_holder(&mut self, owner: &'a Item, member: &'a str, ty: &RustType) {
        let mut named = Vec::new();
        ty.named(false, &mut named);
        for (name, _) in named {
            let holders = self.holders.entry(name).or_default();
            if !holders.contains(&(owner.name.as_str(), member)) {
                holders.push((owner.name.as_str(), member));
            }
        }
    }

    /// The docs of an item the model does not document. (An item whose docs the model
    /// has gets them only if they come out empty, so no operation's docs are read.)
    pub fn item(&self, item: &Item) -> String {
        let name = item.name.as_str();
        let links = item.docs.is_none().then_some(self.links);
        if let Some(ops) = self.inputs.get(name) {
            return operation_role("input", ops, links);
        }
        if let Some(ops) = self.outputs.get(name) {
            return operation_role("output", ops, links);
        }
        match &item.kind {
            ItemKind::Struct { error: Some(e), .. } => self.error(name, e.fault),
            ItemKind::Struct { .. } => self.used("A structure", name),
            ItemKind::Union { .. } => self.used("A union", name),
            ItemKind::Enum { variants, .. } | ItemKind::IntEnum { variants, .. } => {
                let values: Vec<String> = variants.iter().map(|v| value(&v.value)).collect();
                self.used(&one_of(&values), name)
            }
        }
    }

    fn error(&self, name: &str, fault: &str) -> String {
        let ops = self.errors.get(name).map(Vec::as_slice).unwrap_or_default();
        match ops.is_empty() {
            true => format!("A {fault} error of {}.", self.title),
            false => format!("A {fault} error that {} can return.", operations(ops)),
        }
    }

    /// `what`, then the members that hold the item `name`.
    fn used(&self, what: &str, name: &str) -> String {
        let holders = self
            .holders
            .get(name)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let mentions: Vec<String> = holders
            .iter()
            .take(LISTED)
            .map(|(owner, member)| format!("`{member}` in {}", link(owner)))
            .collect();
        match holders.len() {
            0 => format!("{what}."),
            n if n <= LISTED => format!("{what}, used by {}.", and(&mentions)),
            n => format!(
                "{what}, used by {} and {} other members.",
                mentions.join(", "),
                n - LISTED
            ),
        }
    }

    /// The docs of a structure member or union member the model does not document.
    /// `ty` is its type, or `None` to describe it by its name alone; `message` tells
    /// whether it is the message of an error structure.
    pub fn member(&self, member: &str, ty: Option<&RustType>, message: bool) -> String {
        if message {
            return "The message that describes the error.".to_owned();
        }
        let mut named = Vec::new();
        if let Some(ty) = ty {
            ty.named(false, &mut named);
        }
        let words = words(member);
        let Some((target, _)) = named.first() else {
            return format!("The {words}.");
        };
        let summary = self
            .space
            .item_named(target)
            .and_then(|item| item.docs.as_deref())
            .and_then(|html| first_sentence(&self.links.markdown(html)));
        match summary {
            Some(summary) => with_link(&summary, &format!("See {}.", link(target))),
            None => format!("The {words}: see {}.", link(target)),
        }
    }

    /// The docs of an operation the model does not document.
    pub fn operation(&self, op: &OperationItem) -> String {
        format!("The `{}` operation of {}.", op.name, self.title)
    }
}

/// The docs of a structure field the model does not document. (A field whose docs the
/// model has gets them only if they come out empty, so no target's docs are read.)
pub fn field(fallbacks: &Fallbacks, item: &Item, field: &Field) -> String {
    let message = match &item.kind {
        ItemKind::Struct { error: Some(e), .. } => e.message_field.as_deref() == Some(&field.name),
        _ => false,
    };
    let ty = field.docs.is_none().then_some(&field.ty);
    fallbacks.member(&field.member, ty, message)
}

/// The module docs of an item's file: the shape it comes from.
pub fn file(item: &Item) -> String {
    let kind = match &item.kind {
        ItemKind::Struct { .. } => "structure",
        ItemKind::Enum { .. } => "enum",
        ItemKind::IntEnum { .. } => "intEnum",
        ItemKind::Union { .. } => "union",
    };
    format!(
        "`{}`, from the {kind} `{}` of the model.",
        item.name, item.id
    )
}

/// Every member of an item and its type.
fn members(item: &Item) -> Vec<(&str, &RustType)> {
    match &item.kind {
        ItemKind::Struct { fields, .. } => {
            fields.iter().map(|f| (f.member.as_str(), &f.ty)).collect()
        }
        ItemKind::Union { variants, .. } => variants
            .iter()
            .filter_map(|v| Some((v.member.as_str(), v.ty.as_ref()?)))
            .collect(),
        _ => Vec::new(),
    }
}

/// "The input of [`Op`](crate::Op), which describes …": the operation's first sentence
/// when it starts with a verb such as "Describes", else as a sentence of its own. Without
/// `links`, the operation's docs are left out.
fn operation_role(role: &str, ops: &[&OperationItem], links: Option<&Links>) -> String {
    let [op] = ops else {
        return format!("The {role} of {}.", operations(ops));
    };
    let head = format!("The {role} of {}", link(&op.name));
    let summary = op
        .docs
        .as_deref()
        .zip(links)
        .and_then(|(html, links)| first_sentence(&links.markdown(html)));
    let Some(summary) = summary else {
        return format!("{head}.");
    };
    let (first, rest) = summary.split_once(' ').unwrap_or((&summary, ""));
    let verb = first.len() > 2
        && first.ends_with('s')
        && first.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && first.chars().skip(1).all(|c| c.is_ascii_lowercase());
    match verb {
        true => format!("{head}, which {} {rest}", first.to_ascii_lowercase()),
        false => format!("{head}. {summary}"),
    }
}

/// The operations, linked: "[`A`](crate::A), [`B`](crate::B) and 3 other operations".
fn operations(ops: &[&OperationItem]) -> String {
    let links: Vec<String> = ops.iter().take(LISTED).map(|op| link(&op.name)).collect();
    match ops.len() {
        n if n <= LISTED => and(&links),
        n => format!("{} and {} other operations", links.join(", "), n - LISTED),
    }
}

/// "One of `"a"`, `"b"` or `"c"`", or the first few of many values.
fn one_of(values: &[String]) -> String {
    match values.len() {
        0 => "An enum that lists no values".to_owned(),
        1 => format!("The value {}", values[0]),
        n if n <= 2 * LISTED => format!("One of {}", or(values)),
        n => format!("One of {n} values, such as {}", and(&values[..LISTED])),
    }
}

fn value(value: &EnumValue) -> String {
    match value {
        EnumValue::String(s) => docs::code_span(&format!("{s:?}")),
        EnumValue::Int(i) => docs::code_span(&i.to_string()),
    }
}

fn link(name: &str) -> String {
    format!("[`{name}`](crate::{name})")
}

fn and(parts: &[String]) -> String {
    join(parts, "and")
}

fn or(parts: &[String]) -> String {
    join(parts, "or")
}

fn join(parts: &[String], last: &str) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., end] => format!("{} {last} {end}", init.join(", ")),
    }
}

/// A member name as words: `KMSKeyArn` is "KMS key ARN", `widgetId` "widget ID".
fn words(name: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let chars: Vec<char> = name.chars().collect();
    let mut word = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let starts = c.is_uppercase()
            && prev.is_some_and(|p| {
                p.is_lowercase() || p.is_ascii_digit() || (p.is_uppercase() && next_lower)
            });
        if c == '_' || starts {
            words.extend((!word.is_empty()).then(|| std::mem::take(&mut word)));
        }
        if c != '_' {
            word.push(c);
        }
    }
    words.extend((!word.is_empty()).then_some(word));
    let words: Vec<String> = words.iter().map(|w| word_case(w)).collect();
    words.join(" ")
}

fn word_case(word: &str) -> String {
    let lower = word.to_lowercase();
    match lower.as_str() {
        "id" | "arn" | "url" | "uri" => lower.to_uppercase(),
        _ if word
            .chars()
            .skip(1)
            .any(|c| c.is_uppercase() || c.is_ascii_digit()) =>
        {
            word.to_owned()
        }
        _ => lower,
    }
}

/// The first sentence of Markdown docs, with the definitions of the reference links it
/// uses, or `None` when the docs do not open with a paragraph.
pub fn first_sentence(markdown: &str) -> Option<String> {
    let line = markdown.lines().next()?.trim_end_matches('\\');
    if line.is_empty() || line.starts_with(['-', '*', '>', '#', '`', '|', '[']) {
        return None;
    }
    let end = sentence_end(line);
    let sentence = match line[..end].ends_with('.') {
        true => line[..end].to_owned(),
        false => format!("{}.", &line[..end]),
    };
    let definitions: Vec<&str> = markdown
        .lines()
        .filter(|l| l.starts_with('[') && l.contains("]: "))
        .filter(|l| {
            l.split_once("]: ")
                .is_some_and(|(label, _)| sentence.contains(&format!("{label}][]")))
        })
        .collect();
    Some(match definitions.is_empty() {
        true => sentence,
        false => format!("{sentence}\n\n{}", definitions.join("\n")),
    })
}

/// The byte index just past the first sentence's period, or the line's end.
fn sentence_end(line: &str) -> usize {
    let mut start = 0;
    while let Some(at) = line[start..].find(". ") {
        let end = start + at + 1;
        let before = &line[..end];
        if !(before.ends_with("e.g.") || before.ends_with("i.e.")) {
            return end;
        }
        start = end;
    }
    line.len()
}

/// `text`, which may end in link definitions, with `more` added to its first paragraph.
fn with_link(text: &str, more: &str) -> String {
    let (first, rest) = text.split_once("\n\n").unwrap_or((text, ""));
    let first = match more.is_empty() {
        true => first.to_owned(),
        false => format!("{first} {more}"),
    };
    match rest.is_empty() {
        true => first,
        false => format!("{first}\n\n{rest}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn member_names_become_words() {
        assert_eq!(words("KMSKeyArn"), "KMS key ARN");
        assert_eq!(words("widgetId"), "widget ID");
        assert_eq!(words("S3Config"), "S3 config");
        assert_eq!(words("Foo_Bar"), "foo bar");
        assert_eq!(words("type"), "type");
    }

    #[test]
    fn first_sentences_keep_the_links_they_use() {
        let markdown = "Describes a job created by [`CreateJob`][]. Use it often.\n\n\
                        See [`ListJobs`][].\n\n\
                        [`CreateJob`]: crate::CreateJob\n[`ListJobs`]: crate::ListJobs";
        assert_eq!(
            first_sentence(markdown).as_deref(),
            Some("Describes a job created by [`CreateJob`][].\n\n[`CreateJob`]: crate::CreateJob")
        );
        assert_eq!(
            first_sentence("Holds items, e.g. tags. More.").as_deref(),
            Some("Holds items, e.g. tags.")
        );
        assert_eq!(first_sentence("No period").as_deref(), Some("No period."));
        assert_eq!(first_sentence("- a list"), None);
    }

    #[test]
    fn values_are_listed_or_sampled() {
        let values: Vec<String> = ["`a`", "`b`", "`c`"].map(String::from).to_vec();
        assert_eq!(one_of(&values), "One of `a`, `b` or `c`");
        assert_eq!(one_of(&values[..1]), "The value `a`");
        let many: Vec<String> = (0..9).map(|i| format!("`{i}`")).collect();
        assert_eq!(one_of(&many), "One of 9 values, such as `0`, `1` and `2`");
    }
}
