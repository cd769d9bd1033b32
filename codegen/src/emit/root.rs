//! The crate root, the module indexes, the runtime support files and, for standalone
//! crates, `Cargo.toml`.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::{self, Links};
use super::ty::ident;
use super::TokenFile;
use crate::typespace::TypeSpace;

/// The runtime support files, copied verbatim into `src/primitives/`: file stem and text.
pub const RUNTIME_FILES: &[(&str, &str)] = &[
    ("big_number", include_str!("../../runtime/big_number.rs")),
    ("document", include_str!("../../runtime/document.rs")),
    ("timestamp", include_str!("../../runtime/timestamp.rs")),
    ("unknown", include_str!("../../runtime/unknown.rs")),
];

/// What each runtime file exports.
const RUNTIME_EXPORTS: &[(&str, &[&str])] = &[
    (
        "big_number",
        &["BigDecimal", "BigInteger", "ParseBigNumberError"],
    ),
    ("document", &["Document", "Number"]),
    ("timestamp", &["Timestamp", "TimestampError"]),
    ("unknown", &["UnhandledError", "UnknownValue"]),
];

/// `src/lib.rs`: crate docs from the service, modules and re-exports.
pub fn lib_rs(space: &TypeSpace, links: &Links, crate_name: &str) -> TokenFile {
    let docs = docs::inner_attrs(&crate_docs(space, links, crate_name));
    let mut runtime: Vec<&str> = RUNTIME_EXPORTS
        .iter()
        .flat_map(|(_, names)| names.iter().copied())
        .filter(|name| !space.names.values().any(|n| n == name))
        .collect();
    runtime.sort_unstable();
    let runtime = runtime.into_iter().map(|name| {
        let name = ident(name);
        quote!(pub use primitives::#name;)
    });
    let tokens = quote! {
        #docs
        #![deny(missing_docs)]
        #![forbid(unsafe_code)]
        // The model deprecates some items; generated code still has to use them.
        #![allow(deprecated)]

        // The modules are formatted by the generator, with prettyplease; rustfmt keeps out.
        #[rustfmt::skip]
        mod operations;
        #[rustfmt::skip]
        pub mod primitives;
        #[rustfmt::skip]
        mod types;

        pub use operations::*;
        #(#runtime)*
        pub use types::*;
    };
    TokenFile {
        path: "src/lib.rs".to_owned(),
        tokens,
    }
}

fn crate_docs(space: &TypeSpace, links: &Links, crate_name: &str) -> String {
    let service = &space.service;
    let body = docs::item_docs(links, service.docs.as_deref(), "");
    let protocol = service.protocol.as_deref().unwrap_or("none");
    format!(
        "Rust types for {title}, generated from its Smithy model.\n\n\
         {body}\n\n\
         | | |\n|---|---|\n\
         | Service | `{id}` |\n\
         | API version | `{version}` |\n\
         | Protocol | `{protocol}` |\n\
         | Operations | {ops} |\n\
         | Types | {types} |\n\n\
         Every type is at the crate root under its model name. Each operation has a type\n\
         that carries its docs and an error enum named after it, such as\n\
         `{first_op}Error`.\n\n\
         The crate `{crate_name}` is generated; do not edit it by hand.",
        title = service.title,
        id = service.id,
        version = service.version,
        ops = space.operations.len(),
        types = space.items.len(),
        first_op = space
            .operations
            .values()
            .next()
            .map_or("", |op| op.name.as_str()),
    )
}

/// `src/types/mod.rs`: one private module per item, re-exported.
pub fn types_index(space: &TypeSpace) -> TokenFile {
    let entries = space
        .items
        .values()
        .map(|item| (item.module.as_str(), item.name.as_str()));
    index(
        "src/types/mod.rs",
        " The model's structures, unions and enums, one file each.",
        entries,
    )
}

/// `src/operations/mod.rs`: one private module per operation, re-exported.
pub fn operations_index(space: &TypeSpace) -> TokenFile {
    let mut entries = Vec::new();
    for op in space.operations.values() {
        entries.push((op.module.as_str(), op.name.as_str()));
        entries.push((op.module.as_str(), op.error_name.as_str()));
    }
    index(
        "src/operations/mod.rs",
        " The service's operations and their error enums, one file each.",
        entries.into_iter(),
    )
}

fn index<'a>(
    path: &str,
    doc: &str,
    entries: impl Iterator<Item = (&'a str, &'a str)>,
) -> TokenFile {
    let mut modules = Vec::new();
    let mut uses = Vec::new();
    for (module, name) in entries {
        let module = ident(module);
        if modules.last().map(|m: &TokenStream| m.to_string()) != Some(quote!(#module).to_string())
        {
            modules.push(quote!(#module));
        }
        let name = ident(name);
        uses.push(quote!(pub use #module::#name;));
    }
    TokenFile {
        path: path.to_owned(),
        tokens: quote! {
            #![doc = #doc]
            #(mod #modules;)*
            #(#uses)*
        },
    }
}

/// `src/primitives/mod.rs`: the runtime support modules.
pub fn primitives_index() -> TokenFile {
    let modules = RUNTIME_EXPORTS.iter().map(|(module, names)| {
        let module = ident(module);
        let names = names.iter().map(|n| ident(n));
        quote! {
            mod #module;
            pub use #module::{#(#names),*};
        }
    });
    TokenFile {
        path: "src/primitives/mod.rs".to_owned(),
        tokens: quote! {
            //! Types that the model's simple shapes map to, and the values the model does
            //! not name.
            #(#modules)*
        },
    }
}

/// `Cargo.toml` for a standalone crate: no dependencies by default, timestamp
/// conversions behind features.
pub fn cargo_toml(crate_name: &str, title: &str, header: &str) -> String {
    format!(
        "{header}\
[package]
name = \"{crate_name}\"
version = \"0.1.0\"
edition = \"2021\"
description = \"Rust types for {title}, generated from its Smithy model.\"
publish = false

[dependencies]
chrono = {{ version = \"0.4.45\", default-features = false, optional = true }}
jiff = {{ version = \"1.0.2\", default-features = false, optional = true }}

[features]
chrono = [\"dep:chrono\"]
jiff = [\"dep:jiff\"]

# A crate of its own, even when generated inside another workspace.
[workspace]
",
        title = title.replace('"', "'"),
    )
}
