//! The values of the rule language and the parameters a resolution starts from.

use std::collections::BTreeMap;

/// A value of the rule language: a parameter's value, a function's result, or an
/// endpoint property.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A string.
    String(String),
    /// A boolean.
    Bool(bool),
    /// An integer, as `substring` takes.
    Int(i64),
    /// An array, such as a `stringArray` parameter's value.
    Array(Vec<Value>),
    /// A record of named values, such as `aws.partition`'s result or an auth scheme.
    Record(BTreeMap<String, Value>),
}

impl Value {
    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The elements, if this is an array.
    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The fields, if this is a record.
    pub fn as_record(&self) -> Option<&BTreeMap<String, Value>> {
        match self {
            Value::Record(fields) => Some(fields),
            _ => None,
        }
    }
}

impl From<&str> for Value {
    fn from(value: &str) -> Self {
        Value::String(value.to_owned())
    }
}

impl From<String> for Value {
    fn from(value: String) -> Self {
        Value::String(value)
    }
}

impl From<bool> for Value {
    fn from(value: bool) -> Self {
        Value::Bool(value)
    }
}

impl<T: Into<Value>> From<Vec<T>> for Value {
    fn from(values: Vec<T>) -> Self {
        Value::Array(values.into_iter().map(Into::into).collect())
    }
}

/// The parameters of a resolution, by the names the rule set declares (`Region`,
/// `UseFIPS`, ...). Parameters left unset take the rule set's defaults; names the rule
/// set does not declare are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params {
    values: BTreeMap<String, Value>,
}

impl Params {
    /// No parameters set.
    pub fn new() -> Self {
        Params::default()
    }

    /// Sets a parameter: a string (`&str`, `String`), a `bool`, or a `Vec` of strings.
    pub fn set(&mut self, name: impl Into<String>, value: impl Into<Value>) -> &mut Self {
        self.values.insert(name.into(), value.into());
        self
    }

    /// The value set for a parameter.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.values.get(name)
    }
}

#[cfg(test)]
mod tests {
    use super::{Params, Value};

    #[test]
    fn params_take_strings_booleans_and_arrays() {
        let mut params = Params::new();
        params
            .set("Region", "us-west-2")
            .set("Endpoint", String::from("https://example.com"))
            .set("UseFIPS", false)
            .set("Arns", vec!["a", "b"]);
        assert_eq!(
            params.get("Region").and_then(Value::as_str),
            Some("us-west-2")
        );
        assert_eq!(params.get("UseFIPS").and_then(Value::as_bool), Some(false));
        assert_eq!(
            params.get("Arns").and_then(Value::as_array).map(<[_]>::len),
            Some(2)
        );
        assert_eq!(params.get("Missing"), None);
        params.set("UseFIPS", true);
        assert_eq!(params.get("UseFIPS"), Some(&Value::Bool(true)));
    }
}
