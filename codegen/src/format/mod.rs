//! Format: token streams become source text with prettyplease, behind a header that names
//! the model and the command that regenerates the file. Macro calls are laid out by
//! [`macro_call`], one member per line.

mod macro_call;

use proc_macro2::TokenStream;

use crate::error::Error;
use crate::GENERATED_MARKER;

/// The comment lines that start every generated Rust file.
pub fn header(model_name: &str, command: &str) -> String {
    format!(
        "{GENERATED_MARKER}\n// Model: {model_name}\n// Regenerate with `{command}`; do not edit by hand.\n\n"
    )
}

/// Formats a file's tokens with prettyplease.
pub fn format(path: &str, tokens: TokenStream, header: &str) -> Result<String, Error> {
    let mut file: syn::File = syn::parse2(tokens).map_err(|err| Error::Internal {
        path: path.to_owned(),
        message: err.to_string(),
    })?;
    let calls = macro_call::take(&mut file);
    let text = prettyplease::unparse(&file);
    Ok(format!("{header}{}", macro_call::put_back(&text, &calls)))
}

/// A runtime support file: the header, then the text as written.
pub fn verbatim(text: &str, header: &str) -> String {
    format!("{header}{text}")
}
