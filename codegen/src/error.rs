//! The errors the generator reports: malformed JSON, and problems found in the model.

use std::fmt;

/// Everything that can go wrong while generating.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The model file is not well-formed JSON.
    #[error("{file}:{line}:{column}: malformed JSON: {message}")]
    Json {
        /// The model file.
        file: String,
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What serde_json reported.
        message: String,
    },
    /// The model is well-formed JSON but breaks the rules the generator relies on.
    #[error("{file}: {} problem(s) in the model:{}", problems.len(), list(problems))]
    Model {
        /// The model file.
        file: String,
        /// Every problem found, in a stable order.
        problems: Vec<Problem>,
    },
    /// The generator built code that does not parse: a bug in the generator.
    #[error("internal error: generated `{path}` does not parse: {message}")]
    Internal {
        /// The generated file.
        path: String,
        /// What syn reported.
        message: String,
    },
}

/// One problem in the model, located by shape and, where it applies, member.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// The absolute shape id, such as `com.amazonaws.forecast#S3Config`.
    pub shape: String,
    /// The member name, when the problem is in a member.
    pub member: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl Problem {
    /// A problem with a whole shape.
    pub fn shape(shape: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            shape: shape.into(),
            member: None,
            message: message.into(),
        }
    }

    /// A problem with one member of a shape.
    pub fn member(
        shape: impl Into<String>,
        member: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Problem {
            shape: shape.into(),
            member: Some(member.into()),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "shape `{}`", self.shape)?;
        if let Some(member) = &self.member {
            write!(f, ", member `{member}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

fn list(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("\n  {p}")).collect()
}

impl Error {
    /// Builds a [`Error::Model`] from problems, sorted and deduplicated so the report is
    /// stable.
    pub(crate) fn model(file: &str, mut problems: Vec<Problem>) -> Self {
        problems.sort();
        problems.dedup();
        Error::Model {
            file: file.to_owned(),
            problems,
        }
    }
}
