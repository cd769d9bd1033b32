//! The docs of the example operation: a complete request and response, as a doctest
//! that builds the request and reads the response with the crate's types.

use super::example::Samples;
use crate::typespace::{OperationItem, TypeSpace};

/// Markdown for an operation's docs: its request (headers and body) and a response
/// body, compiled as a doctest. `None` unless both input and output have serde impls
/// (restJson1 members bound to HTTP can keep them from it).
pub fn docs(space: &TypeSpace, crate_name: &str, op: &OperationItem) -> Option<String> {
    let readable = |name: &&str| super::wire::readable(space, name);
    let input = op.input.as_deref().filter(readable)?;
    let output = op.output.as_deref().filter(readable)?;
    let samples = Samples::new(space);
    let request = pretty(&samples.body(input)?)?;
    let response = pretty(&samples.body(output)?)?;
    let krate = crate_name.replace('-', "_");
    let name = &op.name;
    let target = op
        .target
        .as_deref()
        .map(|t| format!("assert_eq!({name}::TARGET, Some({t:?}));\n"))
        .unwrap_or_default();
    let code = format!(
        "use {krate}::primitives::Operation;\n\
         use {krate}::{{{name}, {input}, {output}}};\n\n\
         let request: {input} = serde_json::from_str(r#\"{request}\"#)?;\n\
         let body = serde_json::to_vec(&request)?;\n\
         {target}\
         let content_type = {name}::CONTENT_TYPE;\n\
         # let _ = (body, content_type);\n\n\
         let response: <{name} as Operation>::Output = serde_json::from_str(r#\"{response}\"#)?;\n\
         # let _: {output} = response;\n"
    );
    Some(format!(
        "# Example\n\n\
         A complete exchange: the request body a client sends, with the headers the\n\
         [`crate::primitives::Operation`] impl names, and the response body it\n\
         reads back (with the `{feature}` feature).\n\n\
         {doctest}",
        feature = super::wire::FEATURE,
        doctest = super::wire::doctest(&code),
    ))
}

fn pretty(value: &serde_json::Value) -> Option<String> {
    serde_json::to_string_pretty(value).ok()
}
