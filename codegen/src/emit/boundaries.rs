//! Boundary tests for JSON crates, from the model itself: for each distinct set of
//! constraints on a member (or on the items of a list member, or the values of a map
//! member), values just inside and just outside each `@length` and `@range` bound,
//! and a value that matches and one that does not match each `@pattern`.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::example::Samples;
use super::ty::ident;
use super::CodeFile;
use crate::load::traits::{Length, Range};
use crate::typespace::{Checks, Field, Inner, ItemKind, RustType, TypeSpace};

/// Longest string, and most list items or map entries, a boundary test builds.
const MAX_BUILT: u64 = 1 << 16;

/// Where a probed value sits inside its member.
#[derive(Clone, Copy)]
enum Wrap {
    /// The member's value itself.
    Member,
    /// The only item of a list.
    Item,
    /// The value of the only entry of a map, under the key `key`.
    Value,
}

/// A constrained value to probe: where it sits, its type and its checks.
struct Probe<'a> {
    item: &'a str,
    field: &'a Field,
    wrap: Wrap,
    ty: &'a RustType,
    checks: &'a Checks,
}

/// `tests/constraints.rs`, or nothing for crates without serde or without constraints.
pub fn tests_file(space: &TypeSpace, crate_name: &str) -> Option<CodeFile> {
    space.json?;
    let samples = Samples::new(space);
    let krate = ident(&crate_name.replace('-', "_"));
    let mut seen = BTreeSet::new();
    let mut names = BTreeSet::new();
    let tests: Vec<TokenStream> = probes(space)
        .into_iter()
        .filter(|p| seen.insert(format!("{:?} {:?}", p.ty, level(space, p.checks))))
        .filter_map(|p| test(space, &samples, &krate, &p, &mut names))
        .collect();
    if tests.is_empty() {
        return None;
    }
    Some(CodeFile {
        path: "tests/constraints.rs".to_owned(),
        code: file(&krate, &tests).into(),
    })
}

/// The checks of one level, without those inside; the pattern by its source, so that
/// shapes that declare the same pattern share its test.
fn level<'a>(
    space: &'a TypeSpace,
    checks: &Checks,
) -> (Option<Length>, Option<Range>, Option<&'a str>) {
    let pattern = checks
        .pattern
        .as_ref()
        .and_then(|id| space.patterns.get(id));
    let source = pattern.map(|p| p.source.as_str());
    (checks.length, checks.range.clone(), source)
}

fn probes(space: &TypeSpace) -> Vec<Probe<'_>> {
    let mut out = Vec::new();
    for item in space.items.values() {
        let ItemKind::Struct { fields, .. } = &item.kind else {
            continue;
        };
        if !super::wire::has_serde(fields) {
            continue;
        }
        for field in fields.iter().filter(|f| !f.http_bound) {
            let probe = |wrap, ty, checks| Probe {
                item: &item.name,
                field,
                wrap,
                ty,
                checks,
            };
            out.push(probe(Wrap::Member, &field.ty, &field.checks));
            match (&field.ty, &field.checks.inner) {
                (
                    RustType::List {
                        item,
                        sparse: false,
                    },
                    Inner::Items(checks),
                ) => out.push(probe(Wrap::Item, item, checks)),
                (
                    RustType::Map {
                        value,
                        sparse: false,
                        ..
                    },
                    Inner::Entries { value: checks, .. },
                ) => out.push(probe(Wrap::Value, value, checks)),
                _ => {}
            }
        }
    }
    out.retain(|p| {
        let (length, range, pattern) = level(space, p.checks);
        length.is_some() || range.is_some() || pattern.is_some()
    });
    out
}

fn test(
    space: &TypeSpace,
    samples: &Samples<'_>,
    krate: &proc_macro2::Ident,
    probe: &Probe<'_>,
    names: &mut BTreeSet<String>,
) -> Option<TokenStream> {
    let body = serde_json::to_string(&samples.body(probe.item)?).ok()?;
    let mut asserts = length_asserts(samples, probe);
    asserts.extend(range_asserts(probe));
    asserts.extend(pattern_asserts(space, probe));
    if asserts.is_empty() {
        return None;
    }
    let name = test_name(probe, names);
    let ty = ident(probe.item);
    let wire = &probe.field.wire_name;
    let member = &probe.field.member;
    let (wrap, path) = match probe.wrap {
        Wrap::Member => (quote!(value), member.clone()),
        Wrap::Item => (quote!(::serde_json::json!([value])), format!("{member}[0]")),
        Wrap::Value => (
            quote!(::serde_json::json!({ "key": value })),
            format!("{member}[\"key\"]"),
        ),
    };
    Some(quote! {
        #[test]
        fn #name() {
            let check = |value: ::serde_json::Value| found::<#krate::#ty>(#body, #wire, #wrap, #path);
            #(#asserts)*
        }
    })
}

fn test_name(probe: &Probe<'_>, names: &mut BTreeSet<String>) -> proc_macro2::Ident {
    let base = format!(
        "{}_{}",
        heck::AsSnakeCase(probe.item),
        probe.field.name.trim_start_matches("r#")
    );
    let base = match probe.wrap {
        Wrap::Member => base,
        Wrap::Item => format!("{base}_items"),
        Wrap::Value => format!("{base}_values"),
    };
    let mut name = base.clone();
    let mut n = 2;
    while !names.insert(name.clone()) {
        name = format!("{base}_{n}");
        n += 1;
    }
    format_ident!("{}", name)
}

/// `min - 1`, `min`, `max` and `max + 1`, where they exist and can be built.
fn length_asserts(samples: &Samples<'_>, probe: &Probe<'_>) -> Vec<TokenStream> {
    let Some(length) = probe.checks.length else {
        return Vec::new();
    };
    let build = |n: u64| -> Option<TokenStream> {
        if n > MAX_BUILT {
            return None;
        }
        Some(match probe.ty {
            RustType::String => quote!(text(#n)),
            RustType::Blob => quote!(blob(#n)),
            RustType::List { item, .. } => {
                let sample = serde_json::to_string(&samples.sample(item)?).ok()?;
                quote!(items(#n, #sample))
            }
            RustType::Map { value, .. } => {
                let sample = serde_json::to_string(&samples.sample(value)?).ok()?;
                quote!(entries(#n, #sample))
            }
            _ => return None,
        })
    };
    let mut cases = Vec::new();
    if let Some(min) = length.min {
        cases.push((min.checked_sub(1), true));
        cases.push((Some(min), false));
    }
    if let Some(max) = length.max {
        cases.push((Some(max), false));
        cases.push((max.checked_add(1), true));
    }
    cases
        .into_iter()
        .filter_map(|(n, broken)| {
            let value = build(n?)?;
            Some(assertion(quote!(length), value, broken))
        })
        .collect()
}

fn range_asserts(probe: &Probe<'_>) -> Vec<TokenStream> {
    let Some(range) = &probe.checks.range else {
        return Vec::new();
    };
    let bounds = [(&range.min, -1.0, true), (&range.max, 1.0, false)];
    let mut out = Vec::new();
    for (bound, step, is_min) in bounds {
        let Some(bound) = bound.as_ref() else {
            continue;
        };
        for (offset, broken) in [(0.0, false), (step, true)] {
            if let Some(value) = number(probe.ty, bound, offset, is_min) {
                out.push(assertion(quote!(range), value, broken));
            }
        }
    }
    out
}

/// The bound plus `offset`, as a JSON number the member's type can hold.
fn number(
    ty: &RustType,
    bound: &serde_json::Number,
    offset: f64,
    is_min: bool,
) -> Option<TokenStream> {
    let (low, high) = match ty {
        RustType::I8 => (i8::MIN as i64, i8::MAX as i64),
        RustType::I16 => (i16::MIN as i64, i16::MAX as i64),
        RustType::I32 => (i32::MIN as i64, i32::MAX as i64),
        RustType::I64 => (i64::MIN, i64::MAX),
        RustType::F32 | RustType::F64 => {
            let value = bound.as_f64()? + offset;
            return Some(quote!(::serde_json::json!(#value)));
        }
        _ => return None,
    };
    let float = bound.as_f64()?;
    let inward = if is_min { float.ceil() } else { float.floor() };
    let base = bound
        .as_i64()
        .or_else(|| (inward.abs() < 9.2e18).then_some(inward as i64))?;
    let value = base.checked_add(offset as i64)?;
    (low..=high)
        .contains(&value)
        .then(|| quote!(::serde_json::json!(#value)))
}

fn pattern_asserts(space: &TypeSpace, probe: &Probe<'_>) -> Vec<TokenStream> {
    let Some(id) = &probe.checks.pattern else {
        return Vec::new();
    };
    if probe.ty != &RustType::String {
        return Vec::new();
    }
    let Some(info) = space.patterns.get(id) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(yes) = &info.example {
        out.push(assertion(
            quote!(pattern),
            quote!(::serde_json::json!(#yes)),
            false,
        ));
    }
    if let Some(no) = &info.counterexample {
        out.push(assertion(
            quote!(pattern),
            quote!(::serde_json::json!(#no)),
            true,
        ));
    }
    out
}

fn assertion(kind: TokenStream, value: TokenStream, broken: bool) -> TokenStream {
    quote!(expect(#kind, &check, #value, #broken);)
}

fn file(krate: &proc_macro2::Ident, tests: &[TokenStream]) -> TokenStream {
    let (serde, validate) = (super::wire::FEATURE, super::validate::FEATURE);
    quote! {
        //! Boundary tests generated from the model: for each distinct set of constraints
        //! on a member, values just inside and just outside each length and range bound,
        //! and values that do and do not match each pattern.

        // The values are read from JSON, then validated.
        #![cfg(all(feature = #serde, feature = #validate))]
        // Deprecated types are tested too.
        #![allow(deprecated)]

        // Formatted by the generator, with prettyplease; rustfmt keeps out.
        // A model's constraints need only some of the helpers.
        #[rustfmt::skip]
        #[allow(dead_code)]
        mod boundaries {
        use #krate::primitives::{Constraint, Validate};

        /// The constraints broken at `path` once `member` of the sample `body` holds `value`.
        fn found<T>(body: &str, member: &str, value: ::serde_json::Value, path: &str) -> Vec<Constraint>
        where
            T: ::serde::de::DeserializeOwned + Validate,
        {
            let mut json: ::serde_json::Value = ::serde_json::from_str(body).unwrap();
            json[member] = value;
            let value: T = ::serde_json::from_value(json.clone()).unwrap_or_else(|e| panic!("{json}: {e}"));
            let violations = value.validate().err().map(|e| e.into_violations()).unwrap_or_default();
            violations.into_iter().filter(|v| v.path == path).map(|v| v.constraint).collect()
        }

        /// Whether `value` breaks the constraint `kind` finds, as `broken` says.
        fn expect(
            kind: fn(&[Constraint]) -> bool,
            check: &dyn Fn(::serde_json::Value) -> Vec<Constraint>,
            value: ::serde_json::Value,
            broken: bool,
        ) {
            let found = check(value.clone());
            assert_eq!(kind(&found), broken, "{value} found {found:?}");
        }

        fn length(found: &[Constraint]) -> bool {
            found.iter().any(|c| matches!(c, Constraint::Length { .. }))
        }

        fn range(found: &[Constraint]) -> bool {
            found.iter().any(|c| matches!(c, Constraint::IntRange(_) | Constraint::FloatRange(_)))
        }

        fn pattern(found: &[Constraint]) -> bool {
            found.iter().any(|c| matches!(c, Constraint::Pattern(_)))
        }

        /// A string of `n` characters.
        fn text(n: u64) -> ::serde_json::Value {
            ::serde_json::Value::String("a".repeat(n as usize))
        }

        /// The base64 text of `n` zero bytes.
        fn blob(n: u64) -> ::serde_json::Value {
            let tail = match n % 3 {
                0 => "",
                1 => "AA==",
                _ => "AAA=",
            };
            ::serde_json::Value::String("AAAA".repeat((n / 3) as usize) + tail)
        }

        /// A list of `n` copies of `item`.
        fn items(n: u64, item: &str) -> ::serde_json::Value {
            let item: ::serde_json::Value = ::serde_json::from_str(item).unwrap();
            ::serde_json::Value::Array(vec![item; n as usize])
        }

        /// A map of `n` entries, each holding `value`.
        fn entries(n: u64, value: &str) -> ::serde_json::Value {
            let value: ::serde_json::Value = ::serde_json::from_str(value).unwrap();
            (0..n).map(|i| (format!("key{i}"), value.clone())).collect()
        }

        #(#tests)*
        }
    }
}
