//! Operations by name, called with JSON: for tools such as a command line that learn
//! the operations from a table instead of from their types.

use std::error::Error as StdError;
use std::fmt;

use ::serde::de::DeserializeOwned;
use ::serde::Serialize;

use super::call::Call;
use super::calls::Client;
use super::error::Error;

/// One operation of the service, as a tool lists and calls it.
#[derive(Clone, Copy)]
pub struct OperationInfo {
    /// The operation's name in the model, such as `DescribeForecastExportJob`.
    pub name: &'static str,
    /// The name in kebab case, as the AWS CLI spells it: `describe-forecast-export-job`.
    pub kebab_name: &'static str,
    /// The first sentence of the operation's docs, as plain text.
    pub summary: &'static str,
    /// The members of the input.
    pub input: &'static [MemberInfo],
    /// Calls the operation with the JSON of its input; gives the JSON of its output.
    pub call: fn(&Client, &str) -> Result<String, JsonCallError>,
}

impl fmt::Debug for OperationInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OperationInfo")
            .field("name", &self.name)
            .field("input", &self.input)
            .finish_non_exhaustive()
    }
}

/// One member of an operation's input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemberInfo {
    /// The member's name on the wire.
    pub name: &'static str,
    /// Its type, in words: `string`, `list of Tag`, `S3Config`.
    pub shape: &'static str,
    /// Whether the input must have it.
    pub required: bool,
}

/// Calls `O` with the JSON of its input (empty text for `{}`) and gives the JSON of
/// its output, pretty-printed.
///
/// # Errors
///
/// When the text is not the input's JSON, or the call fails.
pub fn call_json<O>(client: &Client, input: &str) -> Result<String, JsonCallError>
where
    O: Call + Default,
    O::Input: DeserializeOwned,
    O::Output: Serialize,
    O::Error: StdError + Send + Sync + 'static,
{
    let text = match input.trim() {
        "" => "{}",
        text => text,
    };
    let input: O::Input = ::serde_json::from_str(text).map_err(JsonCallError::Input)?;
    match client.send(O::default(), input) {
        Ok(output) => ::serde_json::to_string_pretty(&output).map_err(JsonCallError::Output),
        Err(Error::Service {
            error, request_id, ..
        }) => Err(JsonCallError::Service {
            error: Box::new(error),
            request_id,
        }),
        Err(error) => Err(JsonCallError::Call(error.to_string())),
    }
}

/// Why a call by name failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum JsonCallError {
    /// The text is not the JSON of the operation's input.
    Input(::serde_json::Error),
    /// The service answered with an error; it displays as `Code: message`.
    Service {
        /// The operation's error.
        error: Box<dyn StdError + Send + Sync>,
        /// The `x-amzn-RequestId` of the answer.
        request_id: Option<String>,
    },
    /// The call got no answer, or one it could not read.
    Call(String),
    /// The output could not be written as JSON.
    Output(::serde_json::Error),
}

impl fmt::Display for JsonCallError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonCallError::Input(error) => write!(f, "the input is not valid: {error}"),
            JsonCallError::Service { error, .. } => write!(f, "{error}"),
            JsonCallError::Call(error) => f.write_str(error),
            JsonCallError::Output(error) => write!(f, "cannot write the output: {error}"),
        }
    }
}

impl StdError for JsonCallError {}
