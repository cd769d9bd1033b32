//! Short paths: `::std::option::Option<::std::string::String>` becomes
//! `Option<String>` wherever nothing in the file can shadow the prelude's name.
//!
//! Emitters write every standard name as an absolute path, which is always right. This
//! pass shortens a file's paths to the prelude's names, each name only when no item of
//! the file is called that and nothing the file imports could be: an item declared in the
//! file (at any depth, such as a shape named `String` or `Option`) or named in a `use`.
//! A glob import (`pub use types::*` in `lib.rs`) can bring in any item of the crate, so
//! a file with one also keeps the crate's own names absolute. Macros from `std`
//! (`::std::write!`) are never shadowed by a type, and always shorten.

use std::collections::BTreeSet;

use proc_macro2::{Delimiter, Group, Ident, Spacing, TokenStream, TokenTree};

/// The prelude's names, by the `std` module that defines them.
const PRELUDE: &[(&str, &[&str])] = &[
    ("option", &["Option", "Some", "None"]),
    ("result", &["Result", "Ok", "Err"]),
    ("string", &["String", "ToString"]),
    ("vec", &["Vec"]),
    ("boxed", &["Box"]),
    ("default", &["Default"]),
    ("clone", &["Clone"]),
    ("cmp", &["PartialEq", "Eq", "PartialOrd", "Ord"]),
    (
        "convert",
        &["From", "Into", "AsRef", "AsMut", "TryFrom", "TryInto"],
    ),
    ("borrow", &["ToOwned"]),
    (
        "iter",
        &["Iterator", "IntoIterator", "Extend", "FromIterator"],
    ),
    ("marker", &["Copy", "Send", "Sync", "Sized", "Unpin"]),
];

/// Macros of `std` that generated code calls as `::std::name!`.
const MACROS: &[&str] = &["write", "writeln", "format", "vec", "panic", "unreachable"];

/// Keywords after which a `::` starts a path; after any other identifier (and after
/// `crate`, `self`, `super` and `Self`) it continues one.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern", "false",
    "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
    "return", "static", "struct", "trait", "true", "type", "unsafe", "use", "where", "while",
];

/// `tokens` with every standard path shortened where the file allows it; `crate_names`
/// are the names a glob import of the crate's items could bring into scope.
pub fn shorten(tokens: TokenStream, crate_names: &BTreeSet<String>) -> TokenStream {
    let mut names = Names::default();
    names.collect(tokens.clone(), false);
    if names.glob {
        names.taken.extend(crate_names.iter().cloned());
    }
    rewrite(tokens, &names.taken)
}

/// The names a file declares or imports, and whether it has a glob import.
#[derive(Default)]
struct Names {
    taken: BTreeSet<String>,
    glob: bool,
}

impl Names {
    /// Collects from `tokens`; `associated` tells that they are the body of an `impl` or
    /// a `trait`, whose `type`, `const` and `fn` items are not in the file's scope.
    fn collect(&mut self, tokens: TokenStream, associated: bool) {
        let (mut in_use, mut declares, mut header) = (false, false, false);
        for token in tokens {
            match &token {
                TokenTree::Ident(ident) => {
                    let text = ident.to_string();
                    if in_use || (declares && !associated) {
                        self.taken.insert(text.clone());
                    }
                    declares = is_declaration(&text);
                    in_use |= text == "use";
                    header |= text == "impl" || text == "trait";
                }
                TokenTree::Group(group) if in_use => self.collect_use_group(group.stream()),
                TokenTree::Group(group) => {
                    let body = group.delimiter() == Delimiter::Brace;
                    self.collect(group.stream(), header && body);
                    header &= !body;
                    declares = false;
                }
                TokenTree::Punct(punct) => {
                    declares = declares && punct.as_char() == '!';
                    self.glob |= in_use && punct.as_char() == '*';
                    in_use &= punct.as_char() != ';';
                }
                TokenTree::Literal(_) => declares = false,
            }
        }
    }

    /// Every name inside the braces of a `use` tree.
    fn collect_use_group(&mut self, tokens: TokenStream) {
        for token in tokens {
            match token {
                TokenTree::Ident(ident) => {
                    self.taken.insert(ident.to_string());
                }
                TokenTree::Group(group) => self.collect_use_group(group.stream()),
                TokenTree::Punct(punct) => self.glob |= punct.as_char() == '*',
                TokenTree::Literal(_) => {}
            }
        }
    }
}

/// Keywords after which comes the name of a new item (`macro_rules` after its `!`).
fn is_declaration(word: &str) -> bool {
    matches!(
        word,
        "struct"
            | "enum"
            | "union"
            | "trait"
            | "type"
            | "mod"
            | "const"
            | "static"
            | "fn"
            | "macro_rules"
    )
}

fn rewrite(tokens: TokenStream, taken: &BTreeSet<String>) -> TokenStream {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = Vec::with_capacity(tokens.len());
    let mut index = 0;
    while index < tokens.len() {
        if matches!(&tokens[index], TokenTree::Ident(i) if i == "use") {
            let end = tokens[index..]
                .iter()
                .position(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == ';'))
                .map_or(tokens.len(), |at| index + at + 1);
            out.extend(tokens[index..end].iter().cloned());
            index = end;
            continue;
        }
        let starts_path = index == 0 || !is_path_before(&tokens[index - 1]);
        match starts_path
            .then(|| short_path(&tokens[index..], taken))
            .flatten()
        {
            Some((short, consumed)) => {
                out.extend(short);
                index += consumed;
            }
            None => {
                out.push(match &tokens[index] {
                    TokenTree::Group(group) => TokenTree::Group(regroup(group, taken)),
                    other => other.clone(),
                });
                index += 1;
            }
        }
    }
    out.into_iter().collect()
}

fn regroup(group: &Group, taken: &BTreeSet<String>) -> Group {
    let mut new = Group::new(group.delimiter(), rewrite(group.stream(), taken));
    new.set_span(group.span());
    new
}

/// Whether `token` would make a following `::` continue a path rather than start one.
fn is_path_before(token: &TokenTree) -> bool {
    match token {
        TokenTree::Ident(ident) => !KEYWORDS.contains(&ident.to_string().as_str()),
        TokenTree::Group(group) => group.delimiter() == Delimiter::None,
        _ => false,
    }
}

/// The short form of the standard path at the start of `tokens`, and how many tokens
/// the long form takes: `::std::option::Option::Some` is `Some`, or `Option::Some` when
/// only `Some` is taken.
fn short_path(tokens: &[TokenTree], taken: &BTreeSet<String>) -> Option<(Vec<TokenTree>, usize)> {
    let segments = path_segments(tokens);
    let [root, module, rest @ ..] = segments.as_slice() else {
        return None;
    };
    if !matches!(root.to_string().as_str(), "std" | "core") {
        return None;
    }
    let module_name = module.to_string();
    if rest.is_empty() && MACROS.contains(&module_name.as_str()) {
        let bang = matches!(tokens.get(6), Some(TokenTree::Punct(p)) if p.as_char() == '!');
        return bang.then(|| (vec![TokenTree::Ident(module.clone())], 6));
    }
    let (_, names) = PRELUDE.iter().find(|(m, _)| *m == module_name)?;
    let known = |ident: &Ident| names.contains(&ident.to_string().as_str());
    let free = |ident: &Ident| known(ident) && !taken.contains(&ident.to_string());
    match rest {
        [item, variant] if known(item) && free(variant) => {
            Some((vec![TokenTree::Ident(variant.clone())], 12))
        }
        [item, variant] if free(item) => {
            let mut short = vec![TokenTree::Ident(item.clone())];
            short.extend(colons());
            short.push(TokenTree::Ident(variant.clone()));
            Some((short, 12))
        }
        [item, ..] if free(item) => Some((vec![TokenTree::Ident(item.clone())], 9)),
        _ => None,
    }
}

/// The identifiers of a path that starts with `::` and has up to four segments.
fn path_segments(tokens: &[TokenTree]) -> Vec<Ident> {
    let mut segments = Vec::new();
    let mut at = 0;
    while segments.len() < 4 && is_colons(&tokens[at..]) {
        match tokens.get(at + 2) {
            Some(TokenTree::Ident(ident)) => segments.push(ident.clone()),
            _ => break,
        }
        at += 3;
    }
    segments
}

fn is_colons(tokens: &[TokenTree]) -> bool {
    matches!(
        tokens,
        [TokenTree::Punct(a), TokenTree::Punct(b), ..]
            if a.as_char() == ':' && a.spacing() == Spacing::Joint && b.as_char() == ':'
    )
}

fn colons() -> [TokenTree; 2] {
    [
        TokenTree::Punct(proc_macro2::Punct::new(':', Spacing::Joint)),
        TokenTree::Punct(proc_macro2::Punct::new(':', Spacing::Alone)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn short(tokens: TokenStream, crate_names: &[&str]) -> String {
        let names = crate_names.iter().map(|n| n.to_string()).collect();
        shorten(tokens, &names).to_string()
    }

    #[test]
    fn prelude_paths_shorten() {
        let tokens = quote! {
            pub struct S { a: ::std::option::Option<::std::string::String> }
            fn f() -> ::std::result::Result<(), ()> { ::std::result::Result::Ok(()) }
            impl ::core::default::Default for S {}
            fn g(x: ::std::option::Option<u8>) { if let ::std::option::Option::Some(_) = x {} }
        };
        let expected = quote! {
            pub struct S { a: Option<String> }
            fn f() -> Result<(), ()> { Ok(()) }
            impl Default for S {}
            fn g(x: Option<u8>) { if let Some(_) = x {} }
        };
        assert_eq!(short(tokens, &[]), expected.to_string());
    }

    #[test]
    fn names_the_file_declares_stay_absolute() {
        let tokens = quote! {
            pub struct String { a: ::std::option::Option<::std::string::String> }
            enum Some {}
            fn f() -> ::std::option::Option<u8> { ::std::option::Option::Some(1) }
        };
        let expected = quote! {
            pub struct String { a: Option<::std::string::String> }
            enum Some {}
            fn f() -> Option<u8> { Option::Some(1) }
        };
        assert_eq!(short(tokens, &[]), expected.to_string());
    }

    #[test]
    fn associated_items_do_not_shadow() {
        let tokens = quote! {
            impl ::std::str::FromStr for S {
                type Err = ::std::convert::Infallible;
                fn from_str(v: &str) -> ::std::result::Result<Self, Self::Err> {
                    ::std::result::Result::Ok(S)
                }
            }
        };
        assert!(short(tokens, &[]).contains("Result < Self , Self :: Err > { Ok (S) }"));
    }

    #[test]
    fn a_glob_import_keeps_the_crate_names_absolute() {
        let tokens = quote! {
            pub use types::*;
            type A = ::std::vec::Vec<::std::string::String>;
        };
        let expected = quote! {
            pub use types::*;
            type A = Vec<::std::string::String>;
        };
        assert_eq!(short(tokens, &["String"]), expected.to_string());
        let imported = quote!(
            use crate::{Vec as V};
            type A = ::std::vec::Vec<u8>;
        );
        assert!(short(imported, &[]).contains(":: std :: vec :: Vec"));
    }

    #[test]
    fn other_paths_stay() {
        let tokens = quote! {
            fn fmt(f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result { ::std::write!(f, "") }
            type M = ::std::collections::BTreeMap<u8, u8>;
            type N = my::std::option::Option;
        };
        let text = short(tokens, &[]);
        assert!(text.contains(":: std :: fmt :: Result"), "{text}");
        assert!(text.contains(":: std :: collections :: BTreeMap"), "{text}");
        assert!(text.contains("my :: std :: option :: Option"), "{text}");
        assert!(text.contains("{ write ! (f , \"\") }"), "{text}");
    }
}
