//! Typed keys of the type space: the shape id of a generated item, of an operation, and
//! the model source of a `@pattern`, so that one can never stand for another.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

use crate::load::shape_id;

macro_rules! shape_key {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(String);

        impl $name {
            /// The key of the shape with this id.
            pub fn new(id: impl Into<String>) -> Self {
                $name(id.into())
            }

            /// The shape's name, without its namespace.
            pub fn name(&self) -> &str {
                shape_id::name(&self.0)
            }
        }

        impl Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

shape_key!(
    /// The shape id of a generated item: a structure, union or enum.
    ItemId
);

shape_key!(
    /// The shape id of an operation.
    OperationId
);

/// Where a `@pattern` is declared: on a shape (`Arn`), or on one member of a shape
/// (`S3Config$Path`). Each declaration is checked by a static named after it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PatternId {
    /// The id of the shape that declares the pattern, or whose member does.
    pub shape: String,
    /// The member that declares it, when the trait is on a member.
    pub member: Option<String>,
}

impl fmt::Display for PatternId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shape = shape_id::name(&self.shape);
        match &self.member {
            Some(member) => write!(f, "{shape}${member}"),
            None => f.write_str(shape),
        }
    }
}

/// What a Rust type name at the crate root names.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum TypeKey {
    /// A generated item.
    Item(ItemId),
    /// An operation's unit type.
    Operation(OperationId),
    /// An operation's error enum.
    Errors(OperationId),
}
