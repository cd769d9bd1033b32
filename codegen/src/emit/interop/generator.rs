//! The generator: what the conversions are generated from, each item's and operation's
//! conversions, and the paths of the types on either side.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::Ident;

use super::naming::{sdk_operation_module, sdk_type_name};
use super::usage::field_types;
use super::values::Dir;
use crate::emit::ty::ident;
use crate::load::shape_id;
use crate::typespace::{Item, ItemKind, OperationItem, RustType, TypeSpace};

/// Everything the conversions are generated from.
pub struct Generator<'a> {
    /// The model's items and operations.
    pub space: &'a TypeSpace,
    /// The SDK crate, as Rust names it: `aws_sdk_forecast`. (A string, not an
    /// `Ident`, so that crates can be emitted on several threads.)
    pub krate: String,
    /// Every item by its Rust name.
    pub items: BTreeMap<&'a str, &'a Item>,
    /// The items other types hold.
    pub nested: BTreeSet<&'a str>,
    /// The items whose conversion, as other types hold them, can fail, and which way.
    pub fallible: BTreeSet<(Dir, &'a str)>,
}

impl<'a> Generator<'a> {
    /// The generator for a model, converting to and from the SDK crate `krate`.
    pub fn new(space: &'a TypeSpace, krate: String) -> Self {
        let items: BTreeMap<&str, &Item> =
            space.items.values().map(|i| (i.name.as_str(), i)).collect();
        let mut nested = BTreeSet::new();
        for item in space.items.values() {
            for ty in field_types(item) {
                let mut named = Vec::new();
                ty.named(false, &mut named);
                for (name, _) in named {
                    if let Some((key, _)) = items.get_key_value(name.as_str()) {
                        nested.insert(*key);
                    }
                }
            }
        }
        let mut generator = Generator {
            space,
            krate,
            items,
            nested,
            fallible: BTreeSet::new(),
        };
        generator.find_fallible();
        generator
    }

    /// The SDK crate's name as an identifier.
    pub fn krate(&self) -> Ident {
        ident(&self.krate)
    }

    /// An item's conversions, each behind the feature, for the end of its file, as text.
    pub fn item(&self, item: &Item) -> String {
        match &item.kind {
            ItemKind::Struct { fields, .. } => self.struct_impls(item, fields),
            ItemKind::Enum { .. } => self.enum_impls(item),
            // smithy-rs keeps intEnums as plain `i32`; the item's own `From<i32>` and
            // `From<Item> for i32` convert them.
            ItemKind::IntEnum { .. } => String::new(),
            ItemKind::Union {
                variants, unknown, ..
            } => self.union_impls(item, variants, unknown),
        }
    }

    /// An operation's error enum conversions, each behind the feature, for the end of
    /// the operation's file, as text.
    pub fn operation(&self, op: &OperationItem) -> String {
        self.operation_error_impls(op)
    }

    /// Whether the item's conversion `dir`, as other types hold it, can fail.
    pub fn fails(&self, item: &Item, dir: Dir) -> bool {
        self.fallible.contains(&(dir, item.name.as_str()))
    }

    /// The item a type names, if it names one.
    pub fn named(&self, ty: &RustType) -> Option<&'a Item> {
        match ty {
            RustType::Named(name) => self.items.get(name.as_str()).copied(),
            _ => None,
        }
    }

    // --- names and paths

    /// The name the service gives a shape: its `rename`, else the shape's own name.
    fn context_name<'b>(&'b self, id: &'b str) -> &'b str {
        match self.space.service.renames.get(id) {
            Some(name) => name,
            None => shape_id::name(id),
        }
    }

    /// The SDK's name for the shape `id`.
    pub fn sdk_ident(&self, id: &str) -> String {
        sdk_type_name(self.context_name(id))
    }

    /// The SDK type of an item where other types refer to it.
    pub fn sdk_path(&self, item: &Item) -> String {
        let krate = &self.krate;
        let name = self.sdk_ident(&item.id);
        match &item.kind {
            ItemKind::Struct { error: Some(_), .. } => format!("::{krate}::types::error::{name}"),
            _ => format!("::{krate}::types::{name}"),
        }
    }

    /// This crate's type of the given name.
    pub fn ours(&self, name: &str) -> String {
        format!("crate::{name}")
    }

    /// An SDK type in an operation's module: `operation::describe_forecast_export_job::…`.
    pub fn operation_path(&self, op: &OperationItem, name: &str) -> String {
        let krate = &self.krate;
        let module = sdk_operation_module(model_name(op));
        format!("::{krate}::operation::{module}::{name}")
    }
}

/// The operation's name in the model.
pub fn model_name(op: &OperationItem) -> &str {
    shape_id::name(&op.id)
}
