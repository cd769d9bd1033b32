//! Structures, operation inputs and outputs, error structures: `From` or `TryFrom` each
//! way. An SDK value is taken apart by a pattern, as its fields are public, and built
//! with its builder.

use crate::emit::text::string;

use super::conversion::{both_ways, Body};
use super::error_type;
use super::generator::{model_name, Generator};
use super::naming::{pascal_case, sdk_member_name, sdk_setter};
use super::values::Dir;
use crate::emit::expr::{Expr, Pat, Stmt};
use crate::emit::paths::{SOME, TO_STRING_TO_STRING};
use crate::load::shape_id;
use crate::typespace::{Field, Item, ItemKind};

/// One SDK structure a struct item converts to and from.
struct Target {
    /// The SDK type's path.
    path: String,
    /// Whether it is an operation input, whose members are all optional in the SDK.
    input: bool,
}

impl Generator<'_> {
    /// The conversions of a structure item, to and from every SDK structure it stands for.
    pub fn struct_impls(&self, item: &Item, fields: &[Field]) -> String {
        let targets = self.struct_targets(item);
        let impls = targets.iter().map(|t| self.target_impls(item, fields, t));
        impls.collect()
    }

    /// Every SDK structure a struct item stands for: the operation inputs and outputs it
    /// is, and the shared type when other types hold it (or it is nothing else).
    fn struct_targets(&self, item: &Item) -> Vec<Target> {
        let mut targets = Vec::new();
        for op in self.space.operations.values() {
            let name = model_name(op);
            if op.input.as_deref() == Some(item.name.as_str()) {
                let path = self.operation_path(op, &pascal_case(&format!("{name}Input")));
                targets.push(Target { path, input: true });
            }
            if op.output.as_deref() == Some(item.name.as_str()) {
                let path = self.operation_path(op, &pascal_case(&format!("{name}Output")));
                targets.push(Target { path, input: false });
            }
        }
        let error = matches!(item.kind, ItemKind::Struct { error: Some(_), .. });
        if error || targets.is_empty() || self.nested.contains(item.name.as_str()) {
            targets.push(Target {
                path: self.sdk_path(item),
                input: false,
            });
        }
        targets
    }

    /// Whether the SDK keeps a member in an `Option`: every member of an operation input,
    /// every member that targets a structure or union, and every member ours keeps in one
    /// (smithy-rs's `CLIENT_CAREFUL` nullability).
    fn sdk_optional(&self, field: &Field, input: bool) -> bool {
        let aggregate = self
            .named(&field.ty)
            .is_some_and(|i| matches!(i.kind, ItemKind::Struct { .. } | ItemKind::Union { .. }));
        input || field.optional || aggregate
    }

    /// Whether the SDK's value may lack a member that ours requires and the model gives no
    /// default.
    pub fn may_lack(&self, field: &Field, input: bool) -> bool {
        !field.optional && field.default.is_none() && self.sdk_optional(field, input)
    }

    /// Whether the SDK's builder checks its members, so that its `build()` returns a
    /// `Result`: always for an operation input, else when a member it holds plainly has
    /// no default.
    pub fn builder_checks(&self, fields: &[Field], input: bool) -> bool {
        let checked = |f: &Field| !self.sdk_optional(f, input) && f.default.is_none();
        input || fields.iter().any(checked)
    }

    /// The conversions between a structure item and one SDK structure.
    fn target_impls(&self, item: &Item, fields: &[Field], target: &Target) -> String {
        let ours = self.ours(&item.name);
        let from_sdk = self.struct_from_sdk(item, fields, target);
        let to_sdk = self.struct_to_sdk(item, fields, target);
        both_ways(&ours, &target.path, from_sdk, to_sdk)
    }

    /// Our structure from the SDK's: its fields bound by a pattern, then converted.
    fn struct_from_sdk(&self, item: &Item, fields: &[Field], target: &Target) -> Body {
        let fallible = self.item_fails(item, target.input, Dir::FromSdk);
        if fields.is_empty() {
            return Body {
                statements: vec![consume()],
                value: Expr::Struct("Self".to_owned(), Vec::new()),
                fallible,
                result: false,
            };
        }
        let shape = shape_id::name(&item.id);
        let bindings = fields.iter().map(|f| sdk_member_name(&f.member)).collect();
        let values = fields.iter().map(|f| {
            let binding = Expr::path(sdk_member_name(&f.member));
            let sdk_optional = self.sdk_optional(f, target.input);
            let value = self.field_value(shape, f, Dir::FromSdk, sdk_optional, binding);
            match matches!(&value, Expr::Path(path) if *path == f.name) {
                true => (f.name.clone(), None),
                false => (f.name.clone(), Some(value)),
            }
        });
        let pattern = Pat::Struct(target.path.clone(), bindings, true);
        Body {
            statements: vec![Stmt::Let(pattern, Expr::path("value"))],
            value: Expr::Struct("Self".to_owned(), values.collect()),
            fallible,
            result: false,
        }
    }

    /// The SDK's structure from ours: its builder, with error metadata for an error.
    fn struct_to_sdk(&self, item: &Item, fields: &[Field], target: &Target) -> Body {
        let shape = shape_id::name(&item.id);
        let mut built = Expr::call(format!("{}::builder", target.path), vec![]);
        for f in fields {
            let field = Expr::Field(Box::new(Expr::path("value")), f.name.clone());
            // The builder's setters all take an `Option`.
            let value = self.field_value(shape, f, Dir::ToSdk, true, field);
            built = built.method(sdk_setter(&f.member), vec![value]);
        }
        let mut statements: Vec<Stmt> = fields.is_empty().then(consume).into_iter().collect();
        if let Some((meta_statements, meta)) = self.error_meta(item) {
            statements.extend(meta_statements);
            built = built.method("meta", vec![meta]);
        }
        let built = built.method("build", vec![]);
        let checked = self.builder_checks(fields, target.input);
        let value = match checked {
            true => {
                let reason = Expr::call(
                    TO_STRING_TO_STRING.to_string(),
                    vec![Expr::Prefix("&", Box::new(Expr::path("e")))],
                );
                let shape = Expr::lit(string(shape));
                let refused = Expr::Struct(
                    format!("{}::Refused", error_type()),
                    vec![
                        ("shape".to_owned(), Some(shape)),
                        ("reason".to_owned(), Some(reason)),
                    ],
                );
                built.method(
                    "map_err",
                    vec![Expr::closure(vec![Pat::ident("e")], refused)],
                )
            }
            false => built,
        };
        Body {
            statements,
            value,
            fallible: self.item_fails(item, target.input, Dir::ToSdk),
            result: checked,
        }
    }

    /// A member's value `e` converted `dir`, in an `Option` on each side that keeps it in
    /// one (ours when the field is optional, the SDK's when `sdk_optional`) and plain on
    /// the other. A member of `shape` that ours requires and the SDK left out gets its
    /// default, else fails.
    fn field_value(&self, shape: &str, f: &Field, dir: Dir, sdk_optional: bool, e: Expr) -> Expr {
        let (from_optional, to_optional) = dir.order(f.optional, sdk_optional);
        match (from_optional, to_optional) {
            (true, true) => self.optional_value(&f.ty, f.boxed, dir, e),
            (false, false) => self.required_value(&f.ty, f.boxed, dir, e),
            (true, false) => {
                let value = self.optional_value(&f.ty, f.boxed, dir, e);
                self.fill_missing(shape, f, value)
            }
            (false, true) => {
                let value = self.required_value(&f.ty, f.boxed, dir, e);
                Expr::call(SOME.to_string(), vec![value])
            }
        }
    }
}

/// `let _ = value;`, for a structure without members.
fn consume() -> Stmt {
    Stmt::Let(Pat::ident("_"), Expr::path("value"))
}
