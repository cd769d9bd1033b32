//! The traits that change generated code, typed; every other trait is kept as raw JSON.
//!
//! A typed trait's value may carry members the trait does not define: Smithy's validator
//! warns about those and AWS builds SDKs from such models, so they are ignored and
//! named in [`Traits::ignored`], never an error.

use indexmap::IndexMap;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{Number, Value};

/// The traits of a shape or member. Typed fields hold the traits that change the
/// generated code; [`Traits::other`] keeps the rest, unparsed.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(try_from = "IndexMap<String, Value>")]
pub struct Traits {
    /// `smithy.api#documentation`: HTML text.
    pub documentation: Option<String>,
    /// `smithy.api#required`.
    pub required: bool,
    /// `smithy.api#default`: the default value; `Some(Value::Null)` removes a default.
    pub default: Option<Value>,
    /// `smithy.api#clientOptional`.
    pub client_optional: bool,
    /// `smithy.api#enumValue`.
    pub enum_value: Option<EnumValue>,
    /// The Smithy 1.0 `smithy.api#enum` trait on a string shape.
    pub enum_definitions: Option<Vec<EnumDefinition>>,
    /// `smithy.api#length`.
    pub length: Option<Length>,
    /// `smithy.api#range`.
    pub range: Option<Range>,
    /// `smithy.api#pattern`: an ECMA 262 regular expression.
    pub pattern: Option<String>,
    /// `smithy.api#sensitive`.
    pub sensitive: bool,
    /// `smithy.api#deprecated`.
    pub deprecated: Option<Deprecated>,
    /// `smithy.api#error`.
    pub error: Option<ErrorFault>,
    /// `smithy.api#httpError`: the HTTP status code of an error.
    pub http_error: Option<u16>,
    /// `smithy.api#timestampFormat`.
    pub timestamp_format: Option<TimestampFormat>,
    /// `smithy.api#jsonName`.
    pub json_name: Option<String>,
    /// `smithy.api#sparse`.
    pub sparse: bool,
    /// `smithy.api#streaming`.
    pub streaming: bool,
    /// `smithy.api#input`.
    pub input: bool,
    /// `smithy.api#output`.
    pub output: bool,
    /// `smithy.api#idempotent`.
    pub idempotent: bool,
    /// `smithy.api#paginated`.
    pub paginated: Option<Paginated>,
    /// `smithy.api#uniqueItems`.
    pub unique_items: bool,
    /// `smithy.api#retryable`.
    pub retryable: Option<Retryable>,
    /// Every trait as written, by absolute trait id; see [`Traits::other`].
    raw: IndexMap<String, Value>,
    /// What the typed traits' values carry that their definitions do not; see
    /// [`Traits::ignored`].
    ignored: Vec<String>,
}

/// The value of an enum member: a string for `enum`, an integer for `intEnum`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum EnumValue {
    /// An `enum` member's value.
    String(String),
    /// An `intEnum` member's value.
    Int(i64),
}

/// One entry of the Smithy 1.0 `enum` trait.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct EnumDefinition {
    /// The value on the wire.
    pub value: String,
    /// The symbolic name, when the model gives one.
    #[serde(default)]
    pub name: Option<String>,
    /// Documentation for the value.
    #[serde(default)]
    pub documentation: Option<String>,
    /// Whether the value is deprecated.
    #[serde(default)]
    pub deprecated: bool,
    /// Tags that group values.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// `smithy.api#length`: inclusive bounds on a length or count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub struct Length {
    /// Smallest allowed length.
    pub min: Option<u64>,
    /// Largest allowed length.
    pub max: Option<u64>,
}

/// `smithy.api#range`: inclusive numeric bounds.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct Range {
    /// Smallest allowed value.
    pub min: Option<Number>,
    /// Largest allowed value.
    pub max: Option<Number>,
}

/// `smithy.api#deprecated`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct Deprecated {
    /// Why, and what to use instead.
    pub message: Option<String>,
    /// Since when.
    pub since: Option<String>,
}

/// `smithy.api#error`: who is at fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ErrorFault {
    /// The caller.
    Client,
    /// The service.
    Server,
}

/// `smithy.api#timestampFormat`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum TimestampFormat {
    /// RFC 3339 text.
    #[serde(rename = "date-time")]
    DateTime,
    /// RFC 7231 IMF-fixdate text.
    #[serde(rename = "http-date")]
    HttpDate,
    /// Seconds since the Unix epoch, as a number.
    #[serde(rename = "epoch-seconds")]
    EpochSeconds,
}

/// `smithy.api#paginated`: the members that drive pagination.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Paginated {
    /// The input member that takes the page token.
    pub input_token: Option<String>,
    /// The output member that holds the next page token.
    pub output_token: Option<String>,
    /// The input member that limits the page size.
    pub page_size: Option<String>,
    /// The output member that holds the page's items.
    pub items: Option<String>,
}

/// `smithy.api#retryable`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub struct Retryable {
    /// Whether the error is a throttling error.
    #[serde(default)]
    pub throttling: bool,
}

impl TryFrom<IndexMap<String, Value>> for Traits {
    type Error = String;

    fn try_from(raw: IndexMap<String, Value>) -> Result<Self, String> {
        let mut traits = Traits::default();
        for (id, value) in &raw {
            traits
                .set(id, value.clone())
                .map_err(|e| format!("trait `{id}`: {e}"))?;
        }
        traits.raw = raw;
        Ok(traits)
    }
}

impl Traits {
    fn set(&mut self, id: &str, value: Value) -> Result<(), serde_json::Error> {
        let Some(name) = id.strip_prefix("smithy.api#") else {
            return Ok(());
        };
        match name {
            "documentation" => self.documentation = self.typed(id, value)?,
            "required" => self.required = true,
            "default" => self.default = Some(value),
            "clientOptional" => self.client_optional = true,
            "enumValue" => self.enum_value = self.typed(id, value)?,
            "enum" => self.enum_definitions = self.typed(id, value)?,
            "length" => self.length = self.typed(id, value)?,
            "range" => self.range = self.typed(id, value)?,
            "pattern" => self.pattern = self.typed(id, value)?,
            "sensitive" => self.sensitive = true,
            "deprecated" => self.deprecated = self.typed(id, value)?,
            "error" => self.error = self.typed(id, value)?,
            "httpError" => self.http_error = self.typed(id, value)?,
            "timestampFormat" => self.timestamp_format = self.typed(id, value)?,
            "jsonName" => self.json_name = self.typed(id, value)?,
            "sparse" => self.sparse = true,
            "streaming" => self.streaming = true,
            "input" => self.input = true,
            "output" => self.output = true,
            "idempotent" => self.idempotent = true,
            "paginated" => self.paginated = self.typed(id, value)?,
            "uniqueItems" => self.unique_items = true,
            "retryable" => self.retryable = self.typed(id, value)?,
            _ => {}
        }
        Ok(())
    }

    /// Reads the value of the typed trait `id`, noting every member of it that `T` does
    /// not define in [`Traits::ignored`].
    fn typed<T: DeserializeOwned>(
        &mut self,
        id: &str,
        value: Value,
    ) -> Result<T, serde_json::Error> {
        let mut unknown = Vec::new();
        let parsed = serde_ignored::deserialize(value, |path| unknown.push(path.to_string()))?;
        // serde_ignored writes the value itself as `?`: `?.maxResults`, `?.0.label`.
        let members = unknown
            .iter()
            .map(|path| path.strip_prefix("?.").unwrap_or(path));
        self.ignored.extend(
            members.map(|member| format!("trait `{id}` has no member `{member}`; it is ignored")),
        );
        Ok(parsed)
    }

    /// One message for each member of a typed trait's value that the trait does not
    /// define, such as `maxResults` in `smithy.api#paginated`, naming the trait.
    pub fn ignored(&self) -> &[String] {
        &self.ignored
    }

    /// Adds `applied` on top of these traits, as an `apply` statement does.
    pub fn merge(&mut self, applied: &Traits) -> Result<(), String> {
        let mut raw = self.raw.clone();
        raw.extend(applied.raw.clone());
        *self = Traits::try_from(raw)?;
        Ok(())
    }

    /// Every trait that has no typed field, by absolute trait id, as raw JSON.
    pub fn other(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.raw
            .iter()
            .filter(|(id, _)| !is_typed(id))
            .map(|(id, value)| (id.as_str(), value))
    }
}

const TYPED: &[&str] = &[
    "documentation",
    "required",
    "default",
    "clientOptional",
    "enumValue",
    "enum",
    "length",
    "range",
    "pattern",
    "sensitive",
    "deprecated",
    "error",
    "httpError",
    "timestampFormat",
    "jsonName",
    "sparse",
    "streaming",
    "input",
    "output",
    "idempotent",
    "paginated",
    "uniqueItems",
    "retryable",
];

fn is_typed(id: &str) -> bool {
    id.strip_prefix("smithy.api#")
        .is_some_and(|name| TYPED.contains(&name))
}
