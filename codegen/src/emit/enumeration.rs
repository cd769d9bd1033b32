//! Enums: string and integer enums with a variant that keeps unknown values, and the
//! conversions users expect (`as_str`, `FromStr`, `From`, `Display`, known values).

use proc_macro2::Literal;

use super::docs::{self, Links};
use super::fallback::Fallbacks;
use super::text::{string, Writer};
use crate::emit::paths::{AS_REF, FROM, OK, RESULT, STRING, STRING_FROM};
use crate::format::code::Code;
use crate::typespace::{EnumValue, Item, Variant};

/// A string enum item, laid out as text.
pub fn emit_string(
    code: &mut Code,
    (links, fallbacks): (&Links, &Fallbacks),
    item: &Item,
    variants: &[Variant],
    unknown: &str,
) {
    let name = &item.name;
    let mut w = Writer::default();
    let unknown_ty = format!("crate::primitives::UnknownValue<{STRING}>");
    header(
        &mut w,
        (links, fallbacks),
        item,
        variants,
        (&unknown_ty, unknown),
    );
    let values: Vec<String> = variants.iter().map(|v| value_literal(&v.value)).collect();
    let arms = Arms {
        variants,
        values: &values,
        unknown,
    };
    arms.enum_to_wire(
        &mut w,
        name,
        "&'static str",
        ("pub fn as_str(&self) -> &str", "value.as_str()"),
    );
    let from_other = format!("{STRING_FROM}(other)");
    arms.wire_to_enum(&mut w, name, "&str", &from_other);
    w.open_impl(&format!("{FROM}<{STRING}>"), name);
    w.line("#[inline]");
    w.open(format_args!("fn from(value: {STRING}) -> Self {{"));
    w.line("Self::from(value.as_str())");
    close_blocks(&mut w, 2);
    w.open_impl("::std::str::FromStr", name);
    w.line("type Err = ::std::convert::Infallible;");
    w.line("#[inline]");
    w.open(format_args!(
        "fn from_str(value: &str) -> {RESULT}<Self, Self::Err> {{"
    ));
    w.line(format_args!("{OK}(Self::from(value))"));
    close_blocks(&mut w, 2);
    w.open_impl(&format!("{AS_REF}<str>"), name);
    w.line("#[inline]");
    w.open("fn as_ref(&self) -> &str {");
    w.line("self.as_str()");
    close_blocks(&mut w, 2);
    display(&mut w, name, "f.write_str(self.as_str())");
    code.text(w.finish());
    code.declare(name);
}

/// An intEnum item, laid out as text.
pub fn emit_int(
    code: &mut Code,
    (links, fallbacks): (&Links, &Fallbacks),
    item: &Item,
    variants: &[Variant],
    unknown: &str,
) {
    let name = &item.name;
    let mut w = Writer::default();
    let unknown_ty = "crate::primitives::UnknownValue<i32>";
    header(
        &mut w,
        (links, fallbacks),
        item,
        variants,
        (unknown_ty, unknown),
    );
    let values: Vec<String> = variants.iter().map(|v| value_literal(&v.value)).collect();
    let arms = Arms {
        variants,
        values: &values,
        unknown,
    };
    arms.enum_to_wire(
        &mut w,
        name,
        "i32",
        ("pub fn value(&self) -> i32", "*value.get()"),
    );
    arms.wire_to_enum(&mut w, name, "i32", "other");
    w.open_impl(&format!("{FROM}<{name}>"), "i32");
    w.line("#[inline]");
    w.open(format_args!("fn from(value: {name}) -> Self {{"));
    w.line("value.value()");
    close_blocks(&mut w, 2);
    display(&mut w, name, "::std::fmt::Display::fmt(&self.value(), f)");
    code.text(w.finish());
    code.declare(name);
}

/// The variants of an enum with their wire values, and the variant that keeps unknown
/// ones: the two `match`es between them.
struct Arms<'a> {
    variants: &'a [Variant],
    values: &'a [String],
    unknown: &'a str,
}

impl Arms<'_> {
    /// `impl {name} { VALUES; getter }`: the values, of type `ty`, and the getter whose
    /// signature and unknown arm are `getter`.
    fn enum_to_wire(&self, w: &mut Writer, name: &str, ty: &str, getter: (&str, &str)) {
        let (signature, unknown_value) = getter;
        w.open(format_args!("impl {name} {{"));
        w.line("/// Every value the model lists, in model order.");
        let head = format!("pub const VALUES: &'static [{ty}] = &[");
        w.list(&head, self.values, "];");
        w.line("/// The value as it appears on the wire.");
        w.line("#[inline]");
        w.open(format_args!("{signature} {{"));
        w.open("match self {");
        for (variant, value) in self.variants.iter().zip(self.values) {
            w.arm(&format!("Self::{}", variant.name), value);
        }
        w.arm(&format!("Self::{}(value)", self.unknown), unknown_value);
        close_blocks(w, 3);
    }

    /// `From<{wire}>`: a known value's variant, else the unknown one holding `other`,
    /// made the held type by `keep`.
    fn wire_to_enum(&self, w: &mut Writer, name: &str, wire: &str, keep: &str) {
        w.open_impl(&format!("{FROM}<{wire}>"), name);
        w.line("#[inline]");
        w.open(format_args!("fn from(value: {wire}) -> Self {{"));
        w.open("match value {");
        for (variant, value) in self.variants.iter().zip(self.values) {
            w.arm(value, &format!("Self::{}", variant.name));
        }
        let unknown = format!("crate::primitives::UnknownValue::new({keep})");
        w.arm("other", &format!("Self::{}({unknown})", self.unknown));
        close_blocks(w, 3);
    }
}

/// Closes `count` blocks.
fn close_blocks(w: &mut Writer, count: usize) {
    for _ in 0..count {
        w.close("}");
    }
}

/// `Display` for the enum `name`, whose `fmt` is `body`.
fn display(w: &mut Writer, name: &str, body: &str) {
    w.open_impl("::std::fmt::Display", name);
    w.line("#[inline]");
    w.open("fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {");
    w.line(body);
    close_blocks(w, 2);
}

/// The enum declaration shared by string and integer enums: its docs, derives and
/// variants, the last `unknown` holding a value of the type `unknown_ty`.
fn header(
    w: &mut Writer,
    (links, fallbacks): (&Links, &Fallbacks),
    item: &Item,
    variants: &[Variant],
    (unknown_ty, unknown): (&str, &str),
) {
    w.docs(&docs::item_docs(
        links,
        item.docs.as_deref(),
        &fallbacks.item(item),
    ));
    if let Some(attr) = docs::deprecated_attr(item.deprecated.as_ref()) {
        w.attribute(&attr);
    }
    w.line("#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]");
    w.line("#[non_exhaustive]");
    w.open(format_args!("pub enum {} {{", item.name));
    for v in variants {
        variant(w, links, v);
    }
    w.line("/// A value the model does not list, kept exactly as received.");
    w.call(&format!("{unknown}({unknown_ty})"), ",");
    w.close("}");
}

fn variant(w: &mut Writer, links: &Links, variant: &Variant) {
    let wire = match &variant.value {
        EnumValue::String(s) => docs::code_span(&format!("{s:?}")),
        EnumValue::Int(i) => docs::code_span(&i.to_string()),
    };
    let fallback = format!("The value {wire}.");
    let body = docs::item_docs(links, variant.docs.as_deref(), &fallback);
    let text = match variant.docs {
        Some(_) => format!("{body}\n\nOn the wire: {wire}."),
        None => body,
    };
    w.docs(&text);
    if let Some(attr) = docs::deprecated_attr(variant.deprecated.as_ref()) {
        w.attribute(&attr);
    }
    w.line(format_args!("{},", variant.name));
}

/// A value's literal text.
fn value_literal(value: &EnumValue) -> String {
    match value {
        EnumValue::String(s) => string(s),
        EnumValue::Int(i) => Literal::i32_unsuffixed(*i).to_string(),
    }
}
