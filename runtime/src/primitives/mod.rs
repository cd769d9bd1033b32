//! The runtime modules and their exports, as in a generated `src/primitives/mod.rs`
//! with every feature on.

#[path = "../../../codegen/runtime/big_number.rs"]
pub(crate) mod big_number;
pub use big_number::{BigDecimal, BigInteger, ParseBigNumberError};
#[path = "../../../codegen/runtime/build.rs"]
pub(crate) mod build;
pub use build::BuildError;
#[path = "../../../codegen/runtime/document.rs"]
pub(crate) mod document;
pub use document::{Document, Number};
#[path = "../../../codegen/runtime/operation.rs"]
pub(crate) mod operation;
pub use operation::{Operation, Pagination, Unit};
#[path = "../../../codegen/runtime/timestamp.rs"]
pub(crate) mod timestamp;
pub use timestamp::{Timestamp, TimestampError};
#[path = "../../../codegen/runtime/unknown.rs"]
pub(crate) mod unknown;
pub use unknown::{UnhandledError, UnknownValue};
#[path = "../../../codegen/runtime/validate.rs"]
pub(crate) mod validate;
pub use validate::{Bounds, Constraint, Pattern, Validate, ValidationError, Validator, Violation};
#[path = "../../../codegen/runtime/arbitrary.rs"]
pub(crate) mod arbitrary;
#[path = "../../../codegen/runtime/body.rs"]
pub(crate) mod body;
#[path = "../../../codegen/runtime/timestamp_text.rs"]
pub(crate) mod timestamp_text;
#[path = "../../../codegen/runtime/wire/mod.rs"]
pub(crate) mod wire;
pub use body::JsonBody;
#[path = "../../../codegen/runtime/client/mod.rs"]
pub mod client;
