//! The `forecast` command line's parts: its arguments and its help, over the
//! operations that forecast-types lists in `OPERATIONS`.

pub mod args;
pub mod help;

/// The README's examples, compiled and run as doctests (here, where forecast-types has
/// every feature they use).
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeExamples;
