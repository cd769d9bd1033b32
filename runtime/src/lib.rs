//! The runtime support files of `codegen/runtime/`, compiled, linted, formatted and
//! unit-tested as themselves, at the place a generated crate copies them to:
//! `crate::primitives`.

pub mod primitives;

#[cfg(test)]
mod nesting;
