//! Unions: `TryFrom` both ways. The SDK's `Unknown` variant keeps no name or value and
//! cannot be built outside the SDK, so neither our unknown variant nor the SDK's crosses.

use crate::emit::text::string;

use super::conversion::{both_ways, Body};
use super::error_type;
use super::generator::Generator;
use super::naming::sdk_union_variant;
use super::values::Dir;
use crate::emit::expr::{Expr, Pat};
use crate::emit::paths::{ERR, NONE, SOME};
use crate::load::shape_id;
use crate::typespace::{Item, UnionVariant};

impl Generator<'_> {
    /// The conversions of a union; `unknown` is the name of our variant for members this
    /// crate does not know.
    pub fn union_impls(&self, item: &Item, variants: &[UnionVariant], unknown: &str) -> String {
        let ours = self.ours(&item.name);
        let sdk = self.sdk_path(item);
        let label = shape_id::name(&item.id);
        let arms = |dir: Dir| -> Vec<(Pat, Expr)> {
            variants
                .iter()
                .map(|v| self.union_arm(&ours, &sdk, v, dir))
                .collect()
        };
        let mut from_sdk_arms = arms(Dir::FromSdk);
        let unknown_sdk = unknown_member(label, Expr::path(NONE.to_string()));
        from_sdk_arms.push((Pat::ident("_"), unknown_sdk));
        let mut to_sdk_arms = arms(Dir::ToSdk);
        let name = Expr::call(SOME.to_string(), vec![Expr::path("name")]);
        let unknown_pat = Pat::Struct(format!("{ours}::{unknown}"), vec!["name".into()], true);
        to_sdk_arms.push((unknown_pat, unknown_member(label, name)));
        let matching = |arms| Expr::Match(Box::new(Expr::path("value")), arms);
        let from_sdk = Body::value(true, matching(from_sdk_arms));
        let to_sdk = Body::value(true, matching(to_sdk_arms));
        both_ways(&ours, &sdk, from_sdk, to_sdk)
    }

    /// `From::V(v) => To::W(v converted),` for a variant, or without a value for a unit
    /// variant.
    fn union_arm(&self, ours: &str, sdk: &str, v: &UnionVariant, dir: Dir) -> (Pat, Expr) {
        let (from, to) = dir.order(ours, sdk);
        let (source, dest) = dir.order(v.name.clone(), sdk_union_variant(&v.member));
        match &v.ty {
            None => (
                Pat::ident(format!("{from}::{source}")),
                Expr::path(format!("{to}::{dest}")),
            ),
            Some(ty) => {
                let value = self.required_value(ty, v.boxed, dir, Expr::path("v"));
                let pat = Pat::TupleStruct(format!("{from}::{source}"), vec![Pat::ident("v")]);
                (pat, Expr::call(format!("{to}::{dest}"), vec![value]))
            }
        }
    }
}

/// `return Err(UnknownUnionMember { .. })` for a member of the union `label` that the
/// other side cannot hold; `member` is its name, when known.
fn unknown_member(label: &str, member: Expr) -> Expr {
    let fields = vec![
        ("union".to_owned(), Some(Expr::lit(string(label)))),
        ("member".to_owned(), Some(member)),
    ];
    let error = Expr::Struct(format!("{}::UnknownUnionMember", error_type()), fields);
    Expr::Return(Box::new(Expr::call(ERR.to_string(), vec![error])))
}
