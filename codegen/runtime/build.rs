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
/// A call names the kind of member, the member's name in the model, the builder's field
/// with the type the plain setter takes, and then the two setters:
///
/// ```text
/// setters! { value "Path" path: String => path, set_path }
/// setters! { list "Tags" tags: Tag => tags, set_tags }
/// setters! { map "Tags" tags: (String, String) => tags, set_tags }
/// ```
///
/// The `value` setter sets a `T`; the `list` setter appends one `T` to a `Vec<T>`; the
/// `map` setter inserts one `(K, V)` entry into a `BTreeMap<K, V>`. Attributes written
/// first (the member's docs, `#[deprecated]`) go on both setters, and each setter's docs
/// end with a paragraph that says what it does.
// A model without structures has no builders.
#[allow(unused_macros)]
macro_rules! setters {
    ($(#[$attr:meta])* value $member:literal $field:ident: $ty:ty => $setter:ident, $replace:ident) => {
        $(#[$attr])*
        #[doc = ""]
        #[doc = concat!(" Sets `", $member, "`.")]
        pub fn $setter(mut self, value: impl ::core::convert::Into<$ty>) -> Self {
            self.$field = ::std::option::Option::Some(value.into());
            self
        }

        $(#[$attr])*
        #[doc = ""]
        #[doc = concat!(" Sets `", $member, "`, or unsets it with `None`.")]
        pub fn $replace(
            mut self,
            value: impl ::core::convert::Into<::std::option::Option<$ty>>,
        ) -> Self {
            self.$field = value.into();
            self
        }
    };
    ($(#[$attr:meta])* list $member:literal $field:ident: $item:ty => $setter:ident, $replace:ident) => {
        $(#[$attr])*
        #[doc = ""]
        #[doc = concat!(" Appends one item to `", $member, "`.")]
        pub fn $setter(mut self, item: impl ::core::convert::Into<$item>) -> Self {
            self.$field.get_or_insert_default().push(item.into());
            self
        }

        crate::primitives::build::setters!(
            @replace $(#[$attr])* $member $field: ::std::vec::Vec<$item> => $replace
        );
    };
    ($(#[$attr:meta])* map $member:literal $field:ident: ($key:ty, $value:ty) => $setter:ident, $replace:ident) => {
        $(#[$attr])*
        #[doc = ""]
        #[doc = concat!(" Inserts one entry into `", $member, "`, replacing any with that key.")]
        pub fn $setter(
            mut self,
            key: impl ::core::convert::Into<$key>,
            value: impl ::core::convert::Into<$value>,
        ) -> Self {
            self.$field.get_or_insert_default().insert(key.into(), value.into());
            self
        }

        crate::primitives::build::setters!(
            @replace $(#[$attr])* $member $field: ::std::collections::BTreeMap<$key, $value> => $replace
        );
    };
    (@replace $(#[$attr:meta])* $member:literal $field:ident: $ty:ty => $replace:ident) => {
        $(#[$attr])*
        #[doc = ""]
        #[doc = concat!(" Sets all of `", $member, "` at once, or unsets it with `None`.")]
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
