//! Request and response bodies of the JSON protocols: what an operation writes and
//! reads, including [`Unit`] for an input or output the model leaves out.

use super::wire::from_body;
use super::{Operation, Unit};
use ::serde::de::{DeserializeOwned, IgnoredAny};
use ::serde::ser::SerializeMap;
use ::serde::{Deserialize, Deserializer, Serialize, Serializer};

/// `{}`: a client always sends an object, so that members can be added later.
impl Serialize for Unit {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_map(Some(0))?.end()
    }
}

/// Any JSON value: whatever a service answers is ignored.
impl<'de> Deserialize<'de> for Unit {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        IgnoredAny::deserialize(deserializer)?;
        Ok(Unit)
    }
}

/// An operation's bodies as the awsJson protocols carry them. Every [`Operation`]
/// implements it.
pub trait JsonBody: Operation {
    /// The request body of `input`: a JSON object, `{}` for a [`Unit`] input.
    ///
    /// # Errors
    ///
    /// Only when a value cannot be written as JSON, which generated types never do.
    #[inline]
    fn write_input(input: &Self::Input) -> Result<Vec<u8>, ::serde_json::Error>
    where
        Self::Input: Serialize,
    {
        ::serde_json::to_vec(input)
    }

    /// The output in a successful response's body; an empty body reads as `{}`.
    ///
    /// # Errors
    ///
    /// When the body is not the JSON the output expects.
    #[inline]
    fn read_output(body: &[u8]) -> Result<Self::Output, ::serde_json::Error>
    where
        Self::Output: DeserializeOwned,
    {
        from_body(body)
    }
}

impl<Op: Operation> JsonBody for Op {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::primitives::Pagination;

    /// An operation that takes and returns nothing.
    struct Ping;

    impl Operation for Ping {
        type Input = Unit;
        type Output = Unit;
        type Error = ::std::fmt::Error;
        const NAME: &'static str = "Ping";
        const TARGET: Option<&'static str> = Some("Service.Ping");
        const CONTENT_TYPE: &'static str = "application/x-amz-json-1.0";
        const IDEMPOTENT: bool = false;
        const PAGINATION: Option<Pagination> = None;
    }

    #[test]
    fn a_unit_input_is_written_as_an_empty_object() {
        assert_eq!(Ping::write_input(&Unit).unwrap(), b"{}");
    }

    #[test]
    fn a_unit_output_reads_any_body() {
        for body in ["{}", "", " \n", r#"{"foo": true}"#, "[1, 2]", "null"] {
            assert_eq!(
                Ping::read_output(body.as_bytes()).unwrap(),
                Unit,
                "{body:?}"
            );
        }
        assert!(Ping::read_output(b"{").is_err());
    }
}
