//! Builders: for each structure `Foo`, a `FooBuilder` with setters for every member and
//! a `build()` that names every unset required member at once; and the `builders`
//! module that makes them public.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs;
use super::structure::redacted_debug;
use super::text::{string, Writer};
use super::ty::{self, ident, optional, tokens};
use super::CodeFile;
use crate::emit::paths::{BOX_NEW, DEFAULT_DEFAULT, ERR, NONE, OK, OPTION, RESULT, SOME};
use crate::format::code::Code;
use crate::format::macro_call::inline;
use crate::typespace::{builder_name, Field, Item, ItemKind, RustType, TypeSpace};

/// Setter names that clippy takes for operator methods (`a.add(b)`) that should
/// implement the trait instead; a builder with such a setter allows the lint.
const OPERATOR_METHODS: &[&str] = &[
    "add", "sub", "mul", "div", "rem", "shl", "shr", "bitand", "bitor", "bitxor",
];

/// The builder of a structure, its `Foo::builder()` and its `build()`; `docs` are those
/// of its fields, which the setters repeat.
pub fn emit(code: &mut Code, item: &Item, fields: &[Field], docs: &[String], sensitive: bool) {
    let label = builder_name(&item.name);
    let mut w = Writer::default();
    w.docs(&format!(
        "A builder for [`{0}`](crate::{0}), from [`{0}::builder`](crate::{0}::builder): \
         a setter for every member, then [`build`]({label}::build).",
        item.name
    ));
    w.line(match item.derives.redacted_debug {
        true => "#[derive(Clone, Default, PartialEq)]",
        false => "#[derive(Debug, Clone, Default, PartialEq)]",
    });
    match fields.is_empty() {
        true => w.line(format_args!("pub struct {label} {{}}")),
        false => {
            w.open(format_args!("pub struct {label} {{"));
            for f in fields {
                let ty = tokens(&f.ty);
                let ty = inline(quote!(#OPTION<#ty>));
                w.typed(&format!("{}: ", f.name), &ty, ",");
            }
            w.close("}");
        }
    }
    code.text(w.finish());
    code.declare(&label);
    let debug = item.derives.redacted_debug.then(|| {
        let unset: Vec<Field> = fields.iter().map(as_optional).collect();
        redacted_debug(&label, &unset, sensitive)
    });
    code.tokens(quote!(#debug));
    code.text(constructor(item, &label));
    let mut w = Writer::default();
    if fields
        .iter()
        .any(|f| OPERATOR_METHODS.contains(&f.setter.as_str()))
    {
        w.line("#[allow(clippy::should_implement_trait)]");
    }
    w.open(format_args!("impl {label} {{"));
    for (field, docs) in fields.iter().zip(docs) {
        setters(&mut w, field, docs);
    }
    code.text(w.finish());
    code.members(build(item, fields));
    code.text("}\n".to_owned());
}

/// `Foo::builder()`, which starts the builder `label` with every member unset.
fn constructor(item: &Item, label: &str) -> String {
    let mut w = Writer::default();
    w.open(format_args!("impl {} {{", item.name));
    w.docs(&format!(
        "A builder for `{}` with every member unset.",
        item.name
    ));
    w.line("#[inline]");
    w.open(format_args!("pub fn builder() -> {label} {{"));
    w.line(format_args!("{DEFAULT_DEFAULT}()"));
    w.close("}");
    w.close("}");
    w.finish()
}

/// A field as the builder holds it: always an `Option`.
fn as_optional(field: &Field) -> Field {
    Field {
        optional: true,
        ..field.clone()
    }
}

/// The two setters of a field, written by the runtime's `setters!` macro: the plain one
/// and the one that replaces the value, both with the member's docs.
fn setters(w: &mut Writer, field: &Field, docs: &str) {
    let (kind, ty) = match &field.ty {
        RustType::List { item, sparse } => ("list", optional(tokens(item), *sparse)),
        RustType::Map { key, value, sparse } => {
            let (key, value) = (tokens(key), optional(tokens(value), *sparse));
            ("map", quote!((#key, #value)))
        }
        ty => ("value", tokens(ty)),
    };
    w.open("crate::primitives::build::setters! {");
    w.docs(docs);
    if let Some(attr) = docs::deprecated_attr(field.deprecated.as_ref()) {
        w.line(attr);
    }
    w.line(format_args!(
        "{kind} {} {}: {} => {}, {}",
        string(&field.member),
        field.name,
        inline(ty),
        field.setter,
        field.replace_setter
    ));
    w.close("}");
}

/// Whether `build()` fails when the field is unset: required, with no model default.
fn is_required(field: &Field) -> bool {
    !field.optional && field.default.is_none()
}

/// `build()`: the structure when every required member is set, else a `BuildError`
/// that names all the unset ones.
fn build(item: &Item, fields: &[Field]) -> TokenStream {
    let name = ident(&item.name);
    let label = &item.name;
    let required: Vec<&Field> = fields.iter().filter(|f| is_required(f)).collect();
    let docs = docs::attrs(&build_docs(item, fields, &required));
    let values = fields.iter().map(value);
    let ok = quote!(#OK(#name { #(#values)* }));
    let new_error = quote!(crate::primitives::BuildError::new);
    let error = |missing: TokenStream| quote!(#ERR(#new_error(#label, #missing)));
    let slots: Vec<_> = required.iter().map(|f| ident(&f.name)).collect();
    let members: Vec<&String> = required.iter().map(|f| &f.member).collect();
    let body = match slots.as_slice() {
        [] => ok,
        [slot] => {
            let error = error(quote!([#(#members)*]));
            quote! {
                match self.#slot {
                    #SOME(#slot) => #ok,
                    #NONE => #error,
                }
            }
        }
        _ => {
            let error = error(quote!(missing.into_iter().flatten()));
            let some = SOME;
            quote! {
                match (#(self.#slots),*) {
                    (#(#some(#slots)),*) => #ok,
                    (#(#slots),*) => {
                        let missing = [#(#slots.is_none().then_some(#members)),*];
                        #error
                    }
                }
            }
        }
    };
    let build_validated = super::gated(
        super::validate::FEATURE,
        quote! {
            /// Builds the value as [`build`](Self::build) does, then checks it with
            /// `validate()`: a missing member or a broken constraint is an error, each
            /// violation with its path.
            #[inline]
            pub fn build_validated(self) -> #RESULT<#name, crate::primitives::ValidationError> {
                let value = self.build()?;
                value.validate()?;
                #OK(value)
            }
        },
    );
    quote! {
        #docs
        // Inline: only the builders a user calls are compiled.
        #[inline]
        pub fn build(self) -> #RESULT<#name, crate::primitives::BuildError> {
            #body
        }
        #build_validated
    }
}

fn build_docs(item: &Item, fields: &[Field], required: &[&Field]) -> String {
    let defaults = match fields.iter().any(|f| f.default.is_some()) {
        true => " Members with a model default that are unset get it.",
        false => "",
    };
    let head = format!("Builds the [`{0}`](crate::{0}).{defaults}", item.name);
    if required.is_empty() {
        return format!("{head} It never fails: no member is required without a default.");
    }
    let names: Vec<String> = required.iter().map(|f| format!("`{}`", f.member)).collect();
    format!(
        "{head}\n\n# Errors\n\n\
         A [`BuildError`](crate::primitives::BuildError) that names every one of these \
         required members left unset: {}.",
        names.join(", ")
    )
}

/// A field's value in the built structure.
fn value(field: &Field) -> TokenStream {
    let slot = ident(&field.name);
    let boxed = |value: TokenStream| match field.boxed {
        true => quote!(#BOX_NEW(#value)),
        false => value,
    };
    if is_required(field) {
        return match field.boxed {
            true => quote!(#slot: #BOX_NEW(#slot),),
            false => quote!(#slot,),
        };
    }
    let value = match &field.default {
        None if field.boxed => quote!(self.#slot.map(#BOX_NEW)),
        None => quote!(self.#slot),
        Some(default) => boxed(ty::unwrap_default(&field.ty, default, quote!(self.#slot))),
    };
    quote!(#slot: #value,)
}

/// `src/builders.rs`: the public home of every builder.
pub fn module_file(space: &TypeSpace, crate_name: &str, example: Option<&str>) -> CodeFile {
    let mut docs = "Builders for the model's structures, one each: `Foo::builder()` gives a \
                    `FooBuilder`.\n\n\
                    A setter takes anything that converts into the member's type; the \
                    setter of a list appends one item and that of a map inserts one entry, \
                    while the `set_` setter replaces the whole value or unsets it with \
                    `None`. `build()` returns the structure, or a \
                    [`BuildError`](crate::primitives::BuildError) that names every \
                    required member left unset, all at once. Unset members with a model \
                    default get it."
        .to_owned();
    if let Some(example) = example.and_then(|op| example_docs(space, crate_name, op)) {
        docs.push_str(&example);
    }
    let docs = docs::inner_attrs(&docs);
    let uses = space.items.values().filter_map(|item| {
        let ItemKind::Struct { .. } = item.kind else {
            return None;
        };
        let (module, builder) = (ident(&item.module), ident(&builder_name(&item.name)));
        Some(quote!(pub use crate::types::#module::#builder;))
    });
    CodeFile {
        path: "src/builders.rs".to_owned(),
        code: quote! {
            #docs
            #(#uses)*
        }
        .into(),
    }
}

/// A doctest that builds the example operation's input, when its required members are
/// all strings: first with none set, then with all.
fn example_docs(space: &TypeSpace, crate_name: &str, operation: &str) -> Option<String> {
    let op = space.operation_named(operation)?;
    let input = op.input.as_deref()?;
    let ItemKind::Struct { fields, .. } = &space.item_named(input)?.kind else {
        return None;
    };
    let required: Vec<&Field> = fields.iter().filter(|f| is_required(f)).collect();
    let strings = required.iter().all(|f| f.ty == RustType::String);
    if required.is_empty() || !strings {
        return None;
    }
    let krate = crate_name.replace('-', "_");
    let missing: Vec<String> = required.iter().map(|f| format!("{:?}", f.member)).collect();
    let sets: String = required
        .iter()
        .map(|f| format!("    .{}(\"example\")\n", f.setter))
        .collect();
    Some(format!(
        "\n\n# Example\n\n\
         ```\n\
         use {krate}::{input};\n\n\
         let error = {input}::builder().build().unwrap_err();\n\
         assert_eq!(error.missing(), [{missing}]);\n\n\
         let input = {input}::builder()\n\
         {sets}    .build()?;\n\
         assert_eq!(input.{first}, \"example\");\n\
         # Ok::<(), {krate}::primitives::BuildError>(())\n\
         ```",
        missing = missing.join(", "),
        first = required[0].name,
    ))
}
