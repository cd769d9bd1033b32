//! Emit: turns the type space into token streams, one file per item and operation, plus
//! the crate root, the module indexes and the runtime support files.

mod arbitrary;
mod boundaries;
mod builder;
pub mod docs;
mod enumeration;
mod example;
mod exchange;
pub mod interop;
mod operation;
mod root;
mod roundtrip;
pub mod structure;
pub mod ty;
mod union;
mod validate;
mod wire;

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use crate::typespace::{Item, ItemKind, TypeSpace};
use docs::Links;
pub use root::{cargo_toml, runtime_files};

/// One file before formatting: its path in the crate and its tokens.
pub struct TokenFile {
    /// Path relative to the crate root.
    pub path: String,
    /// The file's items.
    pub tokens: TokenStream,
}

/// Every Rust file of the crate, as tokens, in a stable order. The crate docs show how
/// to read a response of `example`, an operation name.
pub fn emit(space: &TypeSpace, crate_name: &str, example: Option<&str>) -> Vec<TokenFile> {
    let links = Links::new(space);
    let mut files = vec![
        root::lib_rs(space, &links, crate_name, example),
        root::types_index(space),
        root::operations_index(space),
        root::primitives_index(space.json.is_some()),
        builder::module_file(space, crate_name, example),
    ];
    files.extend(interop::interop_file(space));
    files.extend(roundtrip::tests_file(space, crate_name));
    files.extend(validate::patterns_file(space));
    files.extend(boundaries::tests_file(space, crate_name));
    files.extend(space.items.values().map(|item| TokenFile {
        path: format!("src/types/{}.rs", item.module.trim_start_matches("r#")),
        tokens: item_file(&links, item, space),
    }));
    let content_type = root::content_type(space);
    let readable = readable_errors(space);
    files.extend(space.operations.values().map(|op| {
        let summary = format!(" The `{}` operation and its errors.", op.name);
        let exchange = (Some(op.name.as_str()) == example)
            .then(|| exchange::docs(space, crate_name, op))
            .flatten();
        let body = operation::emit(&links, op, readable.as_ref(), content_type, exchange);
        let arbitrary = arbitrary::error_impls(op);
        TokenFile {
            path: format!("src/operations/{}.rs", op.module.trim_start_matches("r#")),
            tokens: quote!(#![doc = #summary] #body #arbitrary),
        }
    }));
    files
}

/// `tokens`, one item, compiled only with the cargo feature `feature`; nothing stays
/// nothing. (An attribute covers only the item it precedes.)
fn gated(feature: &str, tokens: TokenStream) -> TokenStream {
    match tokens.is_empty() {
        true => tokens,
        false => quote! {
            #[cfg(feature = #feature)]
            #tokens
        },
    }
}

/// The error structures that can be read from a JSON body, or `None` without serde.
fn readable_errors(space: &TypeSpace) -> Option<BTreeSet<&str>> {
    space.json?;
    let readable = space.items.values().filter_map(|item| match &item.kind {
        ItemKind::Struct {
            fields,
            error: Some(_),
            ..
        } if wire::has_serde(fields) => Some(item.name.as_str()),
        _ => None,
    });
    Some(readable.collect())
}

fn item_file(links: &Links, item: &Item, space: &TypeSpace) -> TokenStream {
    let summary = format!(" The `{}` shape (`{}`).", item.name, item.id);
    let body = match &item.kind {
        ItemKind::Struct {
            fields,
            error,
            sensitive,
        } => {
            let docs: Vec<TokenStream> = fields
                .iter()
                .map(|f| structure::field_docs(links, f))
                .collect();
            let structure = structure::emit(links, item, fields, &docs, error.as_ref(), *sensitive);
            let builder = builder::emit(item, fields, &docs, *sensitive);
            quote!(#structure #builder)
        }
        ItemKind::Enum { variants, unknown } => {
            enumeration::emit_string(links, item, variants, unknown)
        }
        ItemKind::IntEnum { variants, unknown } => {
            enumeration::emit_int(links, item, variants, unknown)
        }
        ItemKind::Union {
            variants,
            unknown,
            sensitive,
        } => union::emit(links, item, variants, unknown, *sensitive),
    };
    let validate = validate::impls(item, &space.patterns);
    let serde = space.json.is_some().then(|| wire::impls(item));
    let arbitrary = arbitrary::impls(item);
    quote!(#![doc = #summary] #body #validate #serde #arbitrary)
}
