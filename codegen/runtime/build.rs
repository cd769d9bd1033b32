//! The error a structure's builder returns when required members are not set.

use std::fmt;

/// A builder's `build()` found required members unset. It names all of them at once,
/// by their names in the model, which are also their names on the wire.
///
/// ```text
/// S3Config is missing required members: Path, RoleArn
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BuildError {
    shape: &'static str,
    missing: Vec<&'static str>,
}

impl BuildError {
    /// An error for the structure `shape` that lacks the members `missing`.
    pub fn new(shape: &'static str, missing: impl IntoIterator<Item = &'static str>) -> Self {
        BuildError {
            shape,
            missing: missing.into_iter().collect(),
        }
    }

    /// The Rust name of the structure that was being built, such as `S3Config`.
    pub fn shape(&self) -> &'static str {
        self.shape
    }

    /// The model names of the required members that were not set, in model order.
    pub fn missing(&self) -> &[&'static str] {
        &self.missing
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let noun = match self.missing.len() {
            1 => "member",
            _ => "members",
        };
        write!(
            f,
            "{} is missing required {noun}: {}",
            self.shape,
            self.missing.join(", ")
        )
    }
}

impl std::error::Error for BuildError {}

/// Writes a builder's two setters for one member, inside the builder's `impl`: the
/// plain setter and the `set_` setter that replaces the whole value or unsets it.
///
/// Attributes written first (`#[deprecated]`) go on both setters.
/// `value "Path" path set_path: T` sets a `T`; `list "Tags" tags set_tags: T` appends
/// one `T` to a `Vec<T>`; `map "Tags" tags set_tags: K => V` inserts one entry into a
/// `BTreeMap<K, V>`. The string is the member's name in the model.
// A model without structures has no builders.
#[allow(unused_macros)]
macro_rules! setters {
    ($(#[$attr:meta])* value $member:literal $field:ident $setter:ident $replace:ident: $ty:ty) => {
        #[doc = concat!(" Sets `", $member, "`.")]
        $(#[$attr])*
        pub fn $setter(mut self, value: impl ::core::convert::Into<$ty>) -> Self {
            self.$field = ::std::option::Option::Some(value.into());
            self
        }

        #[doc = concat!(" Sets `", $member, "`, or unsets it with `None`.")]
        $(#[$attr])*
        pub fn $replace(
            mut self,
            value: impl ::core::convert::Into<::std::option::Option<$ty>>,
        ) -> Self {
            self.$field = value.into();
            self
        }
    };
    ($(#[$attr:meta])* list $member:literal $field:ident $setter:ident $replace:ident: $item:ty) => {
        #[doc = concat!(" Appends one item to `", $member, "`.")]
        $(#[$attr])*
        pub fn $setter(mut self, item: impl ::core::convert::Into<$item>) -> Self {
            self.$field.get_or_insert_default().push(item.into());
            self
        }

        crate::primitives::build::setters!(
            @replace $(#[$attr])* $member $field $replace: ::std::vec::Vec<$item>
        );
    };
    ($(#[$attr:meta])* map $member:literal $field:ident $setter:ident $replace:ident: $key:ty => $value:ty) => {
        #[doc = concat!(" Inserts one entry into `", $member, "`, replacing any with that key.")]
        $(#[$attr])*
        pub fn $setter(
            mut self,
            key: impl ::core::convert::Into<$key>,
            value: impl ::core::convert::Into<$value>,
        ) -> Self {
            self.$field.get_or_insert_default().insert(key.into(), value.into());
            self
        }

        crate::primitives::build::setters!(
            @replace $(#[$attr])* $member $field $replace: ::std::collections::BTreeMap<$key, $value>
        );
    };
    (@replace $(#[$attr:meta])* $member:literal $field:ident $replace:ident: $ty:ty) => {
        #[doc = concat!(" Sets all of `", $member, "` at once, or unsets it with `None`.")]
        $(#[$attr])*
        pub fn $replace(
            mut self,
            value: impl ::core::convert::Into<::std::option::Option<$ty>>,
        ) -> Self {
            self.$field = value.into();
            self
        }
    };
}
#[allow(unused_imports)]
pub(crate) use setters;
