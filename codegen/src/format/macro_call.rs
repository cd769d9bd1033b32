//! Macro calls laid out by the generator. prettyplease prints a macro's tokens as run-on
//! text, so every call in item position is swapped for a one-line marker before printing
//! and written back afterwards: one member per line, paths whole, doc attributes as `///`
//! comments.

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};
use quote::ToTokens;

/// What a swapped call is replaced with: `__codegen_macro_call_7!();`.
const MARKER: &str = "__codegen_macro_call_";

/// One level of indentation, as prettyplease writes it.
const INDENT: &str = "    ";

/// Swaps every macro call in item position (in the file, its modules, impls and traits)
/// for a marker, returning the calls laid out, by marker number.
pub fn take(file: &mut syn::File) -> Vec<String> {
    let mut calls = Vec::new();
    take_items(&mut file.items, &mut calls);
    calls
}

/// `text`, prettyplease's output, with each marker line replaced by its call, indented
/// as the marker was.
pub fn put_back(text: &str, calls: &[String]) -> String {
    if calls.is_empty() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + calls.iter().map(String::len).sum::<usize>());
    for line in text.split_inclusive('\n') {
        match marker_number(line).and_then(|n| calls.get(n)) {
            Some(call) => indent(
                &mut out,
                &line[..line.len() - line.trim_start().len()],
                call,
            ),
            None => out.push_str(line),
        }
    }
    out
}

fn take_items(items: &mut [syn::Item], calls: &mut Vec<String>) {
    for item in items {
        match item {
            syn::Item::Macro(item) if item.ident.is_none() => {
                swap(&mut item.mac, &mut item.semi_token, calls)
            }
            syn::Item::Mod(module) => {
                if let Some((_, items)) = &mut module.content {
                    take_items(items, calls);
                }
            }
            syn::Item::Impl(block) => {
                for item in &mut block.items {
                    if let syn::ImplItem::Macro(item) = item {
                        swap(&mut item.mac, &mut item.semi_token, calls);
                    }
                }
            }
            syn::Item::Trait(block) => {
                for item in &mut block.items {
                    if let syn::TraitItem::Macro(item) = item {
                        swap(&mut item.mac, &mut item.semi_token, calls);
                    }
                }
            }
            _ => {}
        }
    }
}

fn swap(mac: &mut syn::Macro, semi: &mut Option<syn::Token![;]>, calls: &mut Vec<String>) {
    let marker = syn::Ident::new(
        &format!("{MARKER}{}", calls.len()),
        proc_macro2::Span::call_site(),
    );
    calls.push(layout(mac));
    mac.path = marker.into();
    mac.delimiter = syn::MacroDelimiter::Paren(Default::default());
    mac.tokens = TokenStream::new();
    *semi = Some(Default::default());
}

fn marker_number(line: &str) -> Option<usize> {
    let rest = line.trim().strip_prefix(MARKER)?;
    rest.strip_suffix("!();")?.parse().ok()
}

/// Appends `call`, every non-empty line of it behind `indent`.
fn indent(out: &mut String, indent: &str, call: &str) {
    for line in call.lines() {
        if !line.is_empty() {
            out.push_str(indent);
        }
        out.push_str(line);
        out.push('\n');
    }
}

/// A call as text: `path! { ... }`, or `path!(...);` and `path![...];`.
pub fn layout(mac: &syn::Macro) -> String {
    let delimiter = match mac.delimiter {
        syn::MacroDelimiter::Brace(_) => Delimiter::Brace,
        syn::MacroDelimiter::Paren(_) => Delimiter::Parenthesis,
        syn::MacroDelimiter::Bracket(_) => Delimiter::Bracket,
    };
    call(
        &inline(mac.path.to_token_stream()),
        delimiter,
        mac.tokens.clone(),
    )
}

/// A call in item position of the macro at `path`, a path's text, with `body` inside
/// `delimiter`, laid out as [`layout`] lays out a parsed one.
pub fn call(path: &str, delimiter: Delimiter, body: TokenStream) -> String {
    let mut out = format!("{path}!");
    if delimiter == Delimiter::Brace {
        out.push(' ');
    }
    write_group(&mut out, 0, &Group::new(delimiter, tokens(body)));
    if delimiter != Delimiter::Brace {
        out.push(';');
    }
    out
}

/// Tokens as one line, spaced as a macro call's members are: a type's text.
pub fn inline(stream: TokenStream) -> String {
    let mut out = String::new();
    Line::at(&mut out, 0).tokens(&tokens(stream));
    out
}

/// A token as a line spaces it: operators of several characters are one token.
enum Token {
    Word(String),
    Op(String),
    Group(Group),
}

/// A delimited group of tokens.
struct Group {
    delimiter: Delimiter,
    tokens: Vec<Token>,
    /// Whether the tokens take lines of their own: they hold a `;`, an attribute or a
    /// block.
    block: bool,
}

impl Group {
    fn new(delimiter: Delimiter, tokens: Vec<Token>) -> Self {
        let block = tokens.iter().any(|token| match token {
            Token::Op(op) => op == ";" || op == "#",
            Token::Group(group) => group.is_block_in_braces(),
            Token::Word(_) => false,
        });
        Group {
            delimiter,
            tokens,
            block,
        }
    }

    fn is_block_in_braces(&self) -> bool {
        self.block && self.delimiter == Delimiter::Brace
    }
}

/// The tokens of a stream, joined punctuation as one operator.
fn tokens(stream: TokenStream) -> Vec<Token> {
    let mut trees = stream.into_iter().peekable();
    let mut out = Vec::new();
    while let Some(tree) = trees.next() {
        out.push(match tree {
            TokenTree::Ident(ident) => Token::Word(ident.to_string()),
            TokenTree::Literal(literal) => Token::Word(literal.to_string()),
            TokenTree::Group(g) => Token::Group(Group::new(g.delimiter(), tokens(g.stream()))),
            TokenTree::Punct(first) => {
                let mut op = first.as_char().to_string();
                let mut spacing = first.spacing();
                while spacing == Spacing::Joint && first.as_char() != '\'' {
                    let Some(TokenTree::Punct(next)) = trees.peek() else {
                        break;
                    };
                    let joined = format!("{op}{}", next.as_char());
                    if !JOINED_OPS.iter().any(|known| known.starts_with(&joined)) {
                        break;
                    }
                    op = joined;
                    spacing = next.spacing();
                    trees.next();
                }
                Token::Op(op)
            }
        });
    }
    out
}

/// Operators of several characters. Punctuation that follows another without a space
/// (`>;` in `ListOf<Plain>;`, `>>` closing two generics) is one operator only when it
/// is one of these; shifts are left out, so that `>>` stays two closing brackets.
const JOINED_OPS: &[&str] = &[
    "::", "=>", "->", "..=", "...", "&&", "||", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=",
    "%=", "^=", "&=", "|=",
];

/// A delimited group: on one line, or as a block of lines one level deeper.
fn write_group(out: &mut String, depth: usize, group: &Group) {
    let (open, close) = match group.delimiter {
        Delimiter::Brace => ("{", "}"),
        Delimiter::Parenthesis => ("(", ")"),
        Delimiter::Bracket => ("[", "]"),
        Delimiter::None => ("", ""),
    };
    out.push_str(open);
    if group.block {
        out.push('\n');
        block(out, depth + 1, &group.tokens);
        out.push_str(&INDENT.repeat(depth));
    } else if group.delimiter == Delimiter::Brace && !group.tokens.is_empty() {
        out.push(' ');
        Line::at(out, depth).tokens(&group.tokens);
        out.push(' ');
    } else {
        Line::at(out, depth).tokens(&group.tokens);
    }
    out.push_str(close);
}

/// Lines at `depth`: each ends after a `;`, an attribute or a block.
fn block(out: &mut String, depth: usize, tokens: &[Token]) {
    let mut rest = tokens;
    while !rest.is_empty() {
        out.push_str(&INDENT.repeat(depth));
        let mut line = Line::at(out, depth);
        if let [Token::Op(op), Token::Group(attr), after @ ..] = rest {
            if op == "#" && attr.delimiter == Delimiter::Bracket {
                line.attribute(attr);
                out.push('\n');
                rest = after;
                continue;
            }
        }
        let end = rest
            .iter()
            .position(|token| match token {
                Token::Op(op) => op == ";",
                Token::Group(group) => group.is_block_in_braces(),
                Token::Word(_) => false,
            })
            .map_or(rest.len(), |i| i + 1);
        line.tokens(&rest[..end]);
        out.push('\n');
        rest = &rest[end..];
    }
}

/// What came last on a line, for the spacing of what comes next.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    /// Nothing yet, or an opening `(` or `[`.
    Start,
    /// An identifier or literal.
    Word,
    /// A closing delimiter.
    Close,
    /// An operator, such as `::`, `,` or `=>`.
    Op(&'static str),
}

/// One line of tokens, spaced as rustfmt spaces them.
struct Line<'a> {
    out: &'a mut String,
    depth: usize,
    last: Last,
}

impl<'a> Line<'a> {
    fn at(out: &'a mut String, depth: usize) -> Self {
        Line {
            out,
            depth,
            last: Last::Start,
        }
    }

    fn tokens(&mut self, tokens: &[Token]) {
        for token in tokens {
            self.token(token);
        }
    }

    fn token(&mut self, token: &Token) {
        match token {
            Token::Word(word) => self.word(word),
            Token::Op(op) => self.op(op),
            Token::Group(group) => {
                let glued = matches!(
                    self.last,
                    Last::Word | Last::Close | Last::Op("!" | "#" | ">")
                );
                if self.spaced(group.delimiter == Delimiter::Brace || !glued) {
                    self.out.push(' ');
                }
                write_group(self.out, self.depth, group);
                self.last = Last::Close;
            }
        }
    }

    fn word(&mut self, word: &str) {
        let glued = matches!(self.last, Last::Op(op) if GLUE_AFTER.contains(&op));
        if self.spaced(!glued) {
            self.out.push(' ');
        }
        self.out.push_str(word);
        self.last = Last::Word;
    }

    fn op(&mut self, op: &str) {
        let glued = matches!(self.last, Last::Op(prev) if GLUE_AFTER.contains(&prev));
        let before = !glued
            && match op {
                "," | ";" | ":" | "." | "?" | ">" => false,
                "::" => !matches!(self.last, Last::Word | Last::Close | Last::Op(">")),
                "<" | "!" => self.last != Last::Word,
                _ => true,
            };
        if self.spaced(before) {
            self.out.push(' ');
        }
        self.out.push_str(op);
        self.last = Last::Op(
            OPS.iter()
                .find(|known| **known == op)
                .copied()
                .unwrap_or("?"),
        );
    }

    /// Whether a space goes before the next token that would like one (`wanted`).
    fn spaced(&self, wanted: bool) -> bool {
        wanted && self.last != Last::Start
    }

    /// `#[doc = "..."]` as a `///` line; any other attribute as written.
    fn attribute(&mut self, attr: &Group) {
        match doc_text(&attr.tokens) {
            Some(text) => {
                self.out.push_str("///");
                self.out.push_str(&text);
            }
            None => {
                self.op("#");
                write_group(self.out, self.depth, attr);
                self.last = Last::Close;
            }
        }
    }
}

/// Operators after which the next token follows without a space.
const GLUE_AFTER: &[&str] = &["::", ".", "#", "!", "&", "'", "-", "<"];

/// The operators a line remembers; any other is remembered as `?`.
const OPS: &[&str] = &[
    "::", ".", "#", "!", "&", "'", "-", "<", ">", ",", ";", ":", "=>", "=", "|", "->",
];

/// The text of a one-line `doc = "..."` attribute.
fn doc_text(tokens: &[Token]) -> Option<String> {
    let [Token::Word(name), Token::Op(eq), Token::Word(literal)] = tokens else {
        return None;
    };
    if name != "doc" || eq != "=" {
        return None;
    }
    let text = match raw_text(literal) {
        Some(text) => text.to_owned(),
        None if !literal.starts_with('"') => return None,
        None if literal.contains('\\') => syn::parse_str::<syn::LitStr>(literal).ok()?.value(),
        None => literal[1..literal.len() - 1].to_owned(),
    };
    (!text.contains(['\n', '\r'])).then_some(text)
}

/// The text of a raw string literal (`r#"..."#`), as written.
fn raw_text(literal: &str) -> Option<&str> {
    let hashes = literal.strip_prefix('r')?;
    let inner = hashes.trim_start_matches('#');
    let count = hashes.len() - inner.len();
    inner
        .strip_prefix('"')?
        .strip_suffix(&literal[literal.len() - count..])?
        .strip_suffix('"')
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn laid_out(tokens: TokenStream) -> String {
        layout(&syn::parse2(tokens).unwrap())
    }

    #[test]
    fn members_take_a_line_each() {
        let call = quote! {
            crate::primitives::wire::json_union! {
                Value { S: "S", Plain; L: "L", ListOf<Plain>; Null: "NULL", unit; }
                unknown: Unknown;
            }
        };
        assert_eq!(
            laid_out(call),
            "crate::primitives::wire::json_union! {\n    Value {\n        S: \"S\", Plain;\n        \
             L: \"L\", ListOf<Plain>;\n        Null: \"NULL\", unit;\n    }\n    unknown: Unknown;\n}"
        );
    }

    #[test]
    fn paths_generics_and_calls_stay_whole() {
        let call = quote! {
            m! { S { a: "a" | "A", default(crate::Color::from("red")), MapOf<Text, Any>; } }
        };
        assert_eq!(
            laid_out(call),
            "m! {\n    S {\n        \
             a: \"a\" | \"A\", default(crate::Color::from(\"red\")), MapOf<Text, Any>;\n    }\n}"
        );
        let call =
            quote!(m!(value "Path" path: ::std::vec::Vec<::std::string::String> => path, set_path));
        assert_eq!(
            laid_out(call),
            "m!(value \"Path\" path: ::std::vec::Vec<::std::string::String> => path, set_path);"
        );
    }

    #[test]
    fn a_call_from_its_parts_is_laid_out_as_a_parsed_one() {
        let body = quote!(Value { a: optional, Text; } unknown: Unknown;);
        assert_eq!(
            call("a::m", Delimiter::Brace, body.clone()),
            laid_out(quote!(a::m! { #body }))
        );
        assert_eq!(
            call("a::m", Delimiter::Parenthesis, quote!(Color)),
            "a::m!(Color);"
        );
    }

    #[test]
    fn punctuation_lexed_together_is_one_operator_only_when_rust_has_it() {
        let lexed: TokenStream = "m! { a: MapOf<ListOf<Plain>>; b: x => y; }"
            .parse()
            .unwrap();
        assert_eq!(
            laid_out(lexed),
            "m! {\n    a: MapOf<ListOf<Plain>>;\n    b: x => y;\n}"
        );
    }

    #[test]
    fn calls_without_members_stay_on_one_line() {
        assert_eq!(laid_out(quote!(a::b!(Color))), "a::b!(Color);");
        assert_eq!(laid_out(quote!(m! { Unit {} })), "m! { Unit {} }");
    }

    #[test]
    fn attributes_take_lines_and_docs_become_comments() {
        let call = quote! {
            m! {
                #[doc = " The path, `^[a-z\\d]+$`, \"quoted\"."]
                #[doc = ""]
                #[deprecated(note = "Use `Key`.")]
                value "Path" path: String => path, set_path
            }
        };
        assert_eq!(
            laid_out(call),
            "m! {\n    /// The path, `^[a-z\\d]+$`, \"quoted\".\n    ///\n    #[deprecated(note = \"Use `Key`.\")]\n    \
             value \"Path\" path: String => path, set_path\n}"
        );
    }

    #[test]
    fn raw_string_docs_become_comments_as_written() {
        let literal: proc_macro2::Literal = r####"r##" a "# \d"##"####.parse().unwrap();
        let call = quote!(m! { #[doc = #literal] value "A" a: u8 => a, set_a });
        assert_eq!(
            laid_out(call),
            "m! {\n    /// a \"# \\d\n    value \"A\" a: u8 => a, set_a\n}"
        );
        assert_eq!(raw_text(r#"r"x""#), Some("x"));
        assert_eq!(raw_text(r##"r#"x"#"##), Some("x"));
        assert_eq!(raw_text(r#""x""#), None);
        assert_eq!(raw_text(r##"r#"x""##), None);
    }

    #[test]
    fn markers_are_replaced_with_their_calls_indented() {
        let mut file: syn::File = syn::parse2(quote! {
            impl Builder {
                m! { #[doc = " Docs."] value "A" a: u8 => a, set_a }
            }
            #[cfg(feature = "serde")]
            n!(A);
        })
        .unwrap();
        let calls = take(&mut file);
        let text = put_back(&prettyplease::unparse(&file), &calls);
        assert_eq!(
            text,
            "impl Builder {\n    m! {\n        /// Docs.\n        value \"A\" a: u8 => a, set_a\n    }\n}\n\
             #[cfg(feature = \"serde\")]\nn!(A);\n"
        );
    }
}
