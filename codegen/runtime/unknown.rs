//! What the model does not name: enum values it does not list, and errors it does not
//! model.

use std::fmt;

/// An enum value that the model this crate was generated from does not list. It keeps
/// the value exactly as received, so it writes back unchanged.
///
/// It can only be made by converting a value (`Status::from("NEW_VALUE")`), so a known
/// value never hides inside it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownValue<T>(T);

impl<T> UnknownValue<T> {
    /// Wraps a value that is known to be unknown; only generated code calls this.
    // A model with no enums never calls it.
    #[allow(dead_code)]
    pub(crate) fn new(value: T) -> Self {
        UnknownValue(value)
    }

    /// The value as received.
    pub fn get(&self) -> &T {
        &self.0
    }

    /// The value as received, by value.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl UnknownValue<String> {
    /// The value as received.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<T: fmt::Display> fmt::Display for UnknownValue<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// An error response whose code the model does not name for the operation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct UnhandledError {
    /// The error code, such as `ThrottlingException`.
    pub code: String,
    /// The error message, when the response had one.
    pub message: Option<String>,
}

impl fmt::Display for UnhandledError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code)?;
        match &self.message {
            Some(message) => write!(f, ": {message}"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for UnhandledError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_value_keeps_the_value() {
        let value = UnknownValue::new(String::from("NEW"));
        assert_eq!(value.as_str(), "NEW");
        assert_eq!(value.to_string(), "NEW");
        assert_eq!(UnknownValue::new(7).into_inner(), 7);
    }

    #[test]
    fn unhandled_error_display_names_code_and_message() {
        let mut error = UnhandledError {
            code: String::from("ThrottlingException"),
            message: None,
        };
        assert_eq!(error.to_string(), "ThrottlingException");
        error.message = Some(String::from("slow down"));
        assert_eq!(error.to_string(), "ThrottlingException: slow down");
    }
}
