//! Enums: `From` both ways through the wire string, so unknown values survive. (smithy-rs
//! keeps intEnums as plain `i32`, which the item's own conversions cover.)

use super::conversion::{conversion, Body};
use super::generator::Generator;
use crate::emit::expr::Expr;
use crate::typespace::Item;

impl Generator<'_> {
    /// The conversions of a string enum: to the SDK's first, then from it.
    pub fn enum_impls(&self, item: &Item) -> String {
        let ours = self.ours(&item.name);
        let sdk = self.sdk_path(item);
        let body = || {
            let value = Expr::path("value").method("as_str", vec![]);
            Body::value(false, Expr::call("Self::from", vec![value]))
        };
        let mut text = conversion(&ours, &sdk, body());
        text.push_str(&conversion(&sdk, &ours, body()));
        text
    }
}
