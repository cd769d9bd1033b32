//! Short paths: generated code names the prelude's items as `Option<String>` wherever
//! nothing in the file can shadow the prelude's name, and as
//! `::std::option::Option<::std::string::String>` where something can.
//!
//! Emitters write each standard name through one of the constants below
//! (`#OPTION<#ty>`, `#SOME(value)`), which prints itself short or absolute by the
//! [`Scope`] of the file being emitted; outside a scope every path is absolute, which is
//! always right. A name is taken in a file when an item of the file is called that (at
//! any depth, such as a shape named `String` or `Option`) or a `use` names it. A glob
//! import (`pub use types::*` in `lib.rs`) can bring in any item of the crate, so a file
//! with one also takes the crate's own names. Macros of `std` are never shadowed by a
//! type: emitters write them short (`write!`).

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::fmt;

use proc_macro2::{Delimiter, Ident, Span, TokenStream, TokenTree};
use quote::{ToTokens, TokenStreamExt};

use crate::format::code::Code;

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

/// A path to a name of the prelude, as in `::std::option::Option::Some`: the root, the
/// module, the item and, after it, a variant or an associated function.
pub struct Std {
    root: &'static str,
    module: &'static str,
    item: &'static str,
    member: Option<&'static str>,
}

const fn std(module: &'static str, item: &'static str) -> Std {
    Std {
        root: "std",
        module,
        item,
        member: None,
    }
}

const fn member(path: Std, member: &'static str) -> Std {
    Std {
        member: Some(member),
        ..path
    }
}

/// `Option`.
pub const OPTION: Std = std("option", "Option");
/// `Some`.
pub const SOME: Std = member(OPTION, "Some");
/// `None`.
pub const NONE: Std = member(OPTION, "None");
/// `Result`.
pub const RESULT: Std = std("result", "Result");
/// `Ok`.
pub const OK: Std = member(RESULT, "Ok");
/// `Err`.
pub const ERR: Std = member(RESULT, "Err");
/// `String`.
pub const STRING: Std = std("string", "String");
/// `String::from`.
pub const STRING_FROM: Std = member(STRING, "from");
/// `ToString::to_string`.
pub const TO_STRING_TO_STRING: Std = member(std("string", "ToString"), "to_string");
/// `Vec`.
pub const VEC: Std = std("vec", "Vec");
/// `Vec::new`.
pub const VEC_NEW: Std = member(VEC, "new");
/// `Box`.
pub const BOX: Std = std("boxed", "Box");
/// `Box::new`.
pub const BOX_NEW: Std = member(BOX, "new");
/// `Default`, from `core`.
pub const DEFAULT: Std = Std {
    root: "core",
    ..std("default", "Default")
};
/// `Default::default`, from `core`.
pub const DEFAULT_DEFAULT: Std = member(DEFAULT, "default");
/// `From`.
pub const FROM: Std = std("convert", "From");
/// `Into`.
pub const INTO: Std = std("convert", "Into");
/// `Into::into`.
pub const INTO_INTO: Std = member(INTO, "into");
/// `TryFrom`.
pub const TRY_FROM: Std = std("convert", "TryFrom");
/// `TryFrom::try_from`.
pub const TRY_FROM_TRY_FROM: Std = member(TRY_FROM, "try_from");
/// `AsRef`.
pub const AS_REF: Std = std("convert", "AsRef");
/// `PartialEq`.
pub const PARTIAL_EQ: Std = std("cmp", "PartialEq");
/// `ToOwned::to_owned`.
pub const TO_OWNED_TO_OWNED: Std = member(std("borrow", "ToOwned"), "to_owned");

thread_local! {
    /// The names taken in the file being emitted on this thread; `None` outside a file.
    static TAKEN: RefCell<Option<BTreeSet<String>>> = const { RefCell::new(None) };
}

/// The file being emitted on this thread, until dropped: standard paths print short
/// unless the file takes their name.
pub struct Scope {
    outer: Option<BTreeSet<String>>,
}

impl Scope {
    /// Enters the scope of a file that takes the prelude's names `taken`.
    pub fn enter(taken: BTreeSet<String>) -> Scope {
        let outer = TAKEN.with(|cell| cell.replace(Some(taken)));
        Scope { outer }
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        TAKEN.with(|cell| *cell.borrow_mut() = self.outer.take());
    }
}

impl Std {
    /// Whether `name` is one of the prelude's names from this path's module.
    fn known(&self, name: &str) -> bool {
        PRELUDE
            .iter()
            .find(|(module, _)| *module == self.module)
            .is_some_and(|(_, names)| names.contains(&name))
    }

    /// How many trailing segments of the path to print: the variant alone where it is
    /// free, then the item and what follows it, then the whole path.
    fn segments(&self) -> usize {
        TAKEN.with(|cell| {
            let taken = cell.borrow();
            let Some(taken) = taken.as_ref() else {
                return usize::MAX;
            };
            let free = |name: &str| self.known(name) && !taken.contains(name);
            match self.member {
                Some(member) if free(member) => 1,
                Some(_) if free(self.item) => 2,
                None if free(self.item) => 1,
                _ => usize::MAX,
            }
        })
    }
}

impl Std {
    /// The segments to print, and whether the path starts at the root (`::std`).
    fn printed(&self) -> (Vec<&'static str>, bool) {
        let all = [
            Some(self.root),
            Some(self.module),
            Some(self.item),
            self.member,
        ];
        let mut all: Vec<&str> = all.into_iter().flatten().collect();
        let keep = self.segments().min(all.len());
        let start = all.len() - keep;
        all.drain(..start);
        (all, start == 0)
    }
}

impl ToTokens for Std {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        let (segments, rooted) = self.printed();
        if rooted {
            tokens.extend(quote::quote!(::));
        }
        for (at, segment) in segments.iter().enumerate() {
            if at > 0 {
                tokens.extend(quote::quote!(::));
            }
            tokens.append(Ident::new(segment, Span::call_site()));
        }
    }
}

/// The path as code text, short or absolute as its tokens are.
impl fmt::Display for Std {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (segments, rooted) = self.printed();
        if rooted {
            f.write_str("::")?;
        }
        f.write_str(&segments.join("::"))
    }
}

/// The prelude's names that `code`, a file, takes: those it declares or imports, and
/// with a glob import also those among `crate_names`, the names the crate declares.
pub fn taken(code: &Code, crate_names: &BTreeSet<String>) -> BTreeSet<String> {
    let mut names = Names::default();
    for tokens in code.token_pieces() {
        names.collect(tokens.clone(), false);
    }
    names.taken.extend(code.declared().iter().cloned());
    if names.glob {
        names.taken.extend(crate_names.iter().cloned());
    }
    names.taken.retain(|name| is_prelude(name));
    names.taken
}

/// Whether `name` is one of the prelude's names.
pub fn is_prelude(name: &str) -> bool {
    PRELUDE.iter().any(|(_, names)| names.contains(&name))
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

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn names(taken: &[&str]) -> BTreeSet<String> {
        taken.iter().map(|n| n.to_string()).collect()
    }

    fn tokens() -> TokenStream {
        quote! {
            pub struct S { a: #OPTION<#STRING> }
            fn f() -> #RESULT<(), ()> { #OK(()) }
            impl #DEFAULT for S {}
            fn g(x: #OPTION<u8>) -> #STRING { if let #SOME(_) = x {} #STRING_FROM("") }
        }
    }

    #[test]
    fn outside_a_file_paths_are_absolute() {
        let expected = quote! {
            pub struct S { a: ::std::option::Option<::std::string::String> }
            fn f() -> ::std::result::Result<(), ()> { ::std::result::Result::Ok(()) }
            impl ::core::default::Default for S {}
            fn g(x: ::std::option::Option<u8>) -> ::std::string::String {
                if let ::std::option::Option::Some(_) = x {}
                ::std::string::String::from("")
            }
        };
        assert_eq!(tokens().to_string(), expected.to_string());
    }

    #[test]
    fn prelude_paths_shorten() {
        let _scope = Scope::enter(BTreeSet::new());
        let expected = quote! {
            pub struct S { a: Option<String> }
            fn f() -> Result<(), ()> { Ok(()) }
            impl Default for S {}
            fn g(x: Option<u8>) -> String { if let Some(_) = x {} String::from("") }
        };
        assert_eq!(tokens().to_string(), expected.to_string());
    }

    #[test]
    fn taken_names_stay_absolute() {
        let _scope = Scope::enter(names(&["String", "Some"]));
        let expected = quote! {
            pub struct S { a: Option<::std::string::String> }
            fn f() -> Result<(), ()> { Ok(()) }
            impl Default for S {}
            fn g(x: Option<u8>) -> ::std::string::String {
                if let Option::Some(_) = x {}
                ::std::string::String::from("")
            }
        };
        assert_eq!(tokens().to_string(), expected.to_string());
    }

    #[test]
    fn a_scope_ends_where_it_is_dropped() {
        let scope = Scope::enter(BTreeSet::new());
        drop(scope);
        assert_eq!(
            quote!(#NONE).to_string(),
            ":: std :: option :: Option :: None"
        );
    }

    #[test]
    fn files_take_the_names_they_declare_or_import() {
        let file = quote! {
            pub struct String { a: u8 }
            enum Some {}
            use crate::{Vec as V};
            pub struct NotPrelude;
        };
        let taken = taken(&file.into(), &names(&["Box"]));
        assert_eq!(taken, names(&["String", "Some", "Vec"]));
    }

    #[test]
    fn associated_items_do_not_shadow() {
        let file = quote! {
            impl ::std::str::FromStr for S {
                type Err = ::std::convert::Infallible;
                fn Ok() {}
            }
        };
        assert!(taken(&file.into(), &BTreeSet::new()).is_empty());
    }

    #[test]
    fn a_glob_import_takes_the_crate_names() {
        let file = quote!(
            pub use types::*;
        );
        let taken = taken(&file.into(), &names(&["String", "Widget"]));
        assert_eq!(taken, names(&["String"]));
    }
}
