//! Emit: turns the type space into code, one file per item and operation, plus the crate
//! root, the module indexes and the runtime support files. Each file's [`Code`] is
//! text laid out here where the layout is known, and token streams for prettyplease.

mod arbitrary;
mod boundaries;
mod builder;
mod client;
pub mod docs;
mod enumeration;
mod example;
mod exchange;
mod expr;
mod fallback;
pub mod interop;
mod layout;
mod operation;
mod paths;
mod root;
mod roundtrip;
pub mod structure;
#[cfg(test)]
mod tests;
mod text;
pub mod ty;
mod union;
mod validate;
mod wire;

use std::collections::BTreeSet;

use proc_macro2::{Delimiter, TokenStream};
use quote::quote;

use crate::format::code::Code;
use crate::typespace::{Item, ItemKind, OperationItem, TypeSpace};
use docs::Links;
use fallback::Fallbacks;
pub use root::{cargo_toml, runtime_files};
pub use roundtrip::sample_bodies;

/// One file before formatting: its path in the crate and its code.
pub struct CodeFile {
    /// Path relative to the crate root.
    pub path: String,
    /// The file's items.
    pub code: Code,
}

/// Every Rust file of the crate, as tokens, in a stable order. The crate docs show how
/// to read a response of `example`, an operation name.
pub fn emit(space: &TypeSpace, crate_name: &str, example: Option<&str>) -> Vec<CodeFile> {
    let links = Links::new(space);
    let emitter = Emitter::new(space, &links, crate_name, example);
    emitter
        .parts()
        .iter()
        .flat_map(|part| emitter.emit(part))
        .collect()
}

/// One part of the crate, which gives one file or none, before its tokens exist. Parts
/// can be emitted in any order and on any thread.
pub enum Part<'a> {
    /// `src/interop.rs`: what the conversions to and from the AWS SDK share.
    Interop,
    /// `tests/roundtrip.rs`: sample bodies and drawn values read and written back.
    RoundtripTests,
    /// `tests/constraints.rs`: the boundaries of every constraint.
    BoundaryTests,
    /// `src/lib.rs`.
    Root,
    /// `src/builders.rs`.
    Builders,
    /// `src/types/mod.rs`.
    TypesIndex,
    /// `src/operations/mod.rs`.
    OperationsIndex,
    /// `src/primitives/mod.rs`.
    PrimitivesIndex,
    /// `src/patterns.rs`.
    Patterns,
    /// `src/service.rs`: the service as the client calls it.
    Service,

    /// The file of one item under `src/types/`.
    Item(&'a Item),
    /// The file of one operation under `src/operations/`.
    Operation(&'a OperationItem),
}

/// What the parts of a crate are emitted from.
pub struct Emitter<'a> {
    space: &'a TypeSpace,
    links: &'a Links<'a>,
    fallbacks: Fallbacks<'a>,
    interop: Option<interop::Generator<'a>>,
    crate_name: &'a str,
    example: Option<&'a str>,
    content_type: &'static str,
    readable: Option<BTreeSet<&'a str>>,
    /// Every name the crate declares, which a glob import can bring into a file.
    crate_names: BTreeSet<String>,
    /// Whether a name the crate declares is one of the prelude's, so that a file can
    /// take it: only then are files read for the names they take.
    shadows_prelude: bool,
}

impl<'a> Emitter<'a> {
    /// The emitter of a crate whose docs resolve model links with `links` and show how
    /// to read a response of `example`, an operation name.
    pub fn new(
        space: &'a TypeSpace,
        links: &'a Links<'a>,
        crate_name: &'a str,
        example: Option<&'a str>,
    ) -> Self {
        Emitter {
            space,
            links,
            fallbacks: Fallbacks::new(space, links),
            interop: interop::generator(space),
            crate_name,
            example,
            content_type: root::content_type(space),
            readable: readable_errors(space),
            crate_names: space.by_name.keys().cloned().collect(),
            shadows_prelude: space.by_name.keys().any(|name| paths::is_prelude(name)),
        }
    }

    /// Every part of the crate, the largest first.
    pub fn parts(&self) -> Vec<Part<'a>> {
        let mut parts = vec![
            Part::RoundtripTests,
            Part::BoundaryTests,
            Part::Interop,
            Part::Root,
            Part::Builders,
            Part::TypesIndex,
            Part::OperationsIndex,
            Part::PrimitivesIndex,
            Part::Patterns,
            Part::Service,
        ];
        parts.extend(self.space.items.values().map(Part::Item));
        parts.extend(self.space.operations.values().map(Part::Operation));
        parts
    }

    /// The file of a part, if it has one, with prelude names short where nothing in the
    /// file shadows them. Only the crate's own names can: a file that takes one of them
    /// is emitted again with those names absolute.
    pub fn emit(&self, part: &Part) -> Option<CodeFile> {
        let file = {
            let _scope = paths::Scope::enter(BTreeSet::new());
            self.tokens(part)?
        };
        if !self.shadows_prelude {
            return Some(file);
        }
        let taken = paths::taken(&file.code, &self.crate_names);
        if taken.is_empty() {
            return Some(file);
        }
        let _scope = paths::Scope::enter(taken);
        self.tokens(part)
    }

    fn tokens(&self, part: &Part) -> Option<CodeFile> {
        let (space, links, crate_name) = (self.space, self.links, self.crate_name);
        match part {
            Part::Interop => self.interop.as_ref().map(interop::support_file),
            Part::RoundtripTests => roundtrip::tests_file(space, crate_name),
            Part::BoundaryTests => boundaries::tests_file(space, crate_name),
            Part::Root => Some(root::lib_rs(space, links, crate_name, self.example)),
            Part::Builders => Some(builder::module_file(space, crate_name, self.example)),
            Part::TypesIndex => Some(root::types_index(space)),
            Part::OperationsIndex => Some(root::operations_index(space)),
            Part::PrimitivesIndex => Some(root::primitives_index(space.json)),
            Part::Patterns => validate::patterns_file(space),
            Part::Service => client::service_file(space, links),
            Part::Item(item) => Some(CodeFile {
                path: format!("src/types/{}.rs", item.module.trim_start_matches("r#")),
                code: item_file(self, item),
            }),
            Part::Operation(op) => Some(self.operation_file(op)),
        }
    }

    fn operation_file(&self, op: &OperationItem) -> CodeFile {
        let exchange = (Some(op.name.as_str()) == self.example)
            .then(|| exchange::docs(self.space, self.crate_name, op))
            .flatten();
        let fallback = self.fallbacks.operation(op);
        let readable = self.readable.as_ref();
        let mut code = Code::default();
        let mut summary = text::Writer::default();
        summary.inner_docs(&format!("The `{}` operation and its errors.", op.name));
        code.text(summary.finish());
        operation::emit(
            &mut code,
            self.links,
            op,
            &fallback,
            readable,
            self.content_type,
            exchange,
        );
        code.text(client::operation_impls(self.space, op));
        code.text(arbitrary::error_impls(op));
        if let Some(interop) = &self.interop {
            code.text(interop.operation(op));
        }
        CodeFile {
            path: format!("src/operations/{}.rs", op.module.trim_start_matches("r#")),
            code,
        }
    }
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

/// A macro call in item position as text, compiled only with the cargo feature
/// `feature`: the call of the macro at `path` with `body` inside `delimiter`.
fn gated_call(feature: &str, path: &str, delimiter: Delimiter, body: TokenStream) -> String {
    let call = crate::format::macro_call::call(path, delimiter, body);
    format!("{}\n{call}\n", text::cfg_feature(feature))
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

/// An item's file: its type, builder and impls, and its conversions to and from the AWS
/// SDK when the emitter generates them.
fn item_file(emitter: &Emitter, item: &Item) -> Code {
    let (links, fallbacks, space) = (emitter.links, &emitter.fallbacks, emitter.space);
    let mut code = Code::default();
    let mut summary = text::Writer::default();
    summary.inner_docs(&fallback::file(item));
    code.text(summary.finish());
    match &item.kind {
        ItemKind::Struct {
            fields,
            error,
            sensitive,
        } => {
            let docs: Vec<String> = fields
                .iter()
                .map(|f| structure::field_docs(links, fallbacks, item, f))
                .collect();
            structure::emit(
                &mut code,
                item,
                fields,
                &structure::item_docs(links, fallbacks, item),
                &docs,
                error.as_ref(),
                *sensitive,
            );
            builder::emit(&mut code, item, fields, &docs, *sensitive);
        }
        ItemKind::Enum { variants, unknown } => {
            enumeration::emit_string(&mut code, (links, fallbacks), item, variants, unknown)
        }
        ItemKind::IntEnum { variants, unknown } => {
            enumeration::emit_int(&mut code, (links, fallbacks), item, variants, unknown)
        }
        ItemKind::Union {
            variants, unknown, ..
        } => code.tokens(union::emit(links, fallbacks, item, variants, unknown)),
    };
    validate::emit(&mut code, item, &space.patterns);
    if space.json.is_some() {
        code.text(wire::impls(item));
    }
    code.text(arbitrary::impls(item));
    if let Some(interop) = &emitter.interop {
        code.text(interop.item(item));
    }
    code
}
