//! The rule set's data: parameters, rules, conditions and expressions, read by hand
//! from the JSON of a `smithy.rules#endpointRuleSet` trait.

use serde_json::{Map, Value as Json};

use super::functions::Function;
use super::{EndpointError, Value};

/// A parsed endpoint rule set: the parameters it declares and its rules, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleSet {
    pub(super) parameters: Vec<Parameter>,
    pub(super) rules: Vec<Rule>,
}

/// A declared parameter.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Parameter {
    pub(super) name: String,
    pub(super) kind: Kind,
    pub(super) built_in: Option<String>,
    pub(super) required: bool,
    pub(super) default: Option<Value>,
}

/// The type of a parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    String,
    Boolean,
    StringArray,
}

/// A rule: conditions, all of which must hold, and what follows when they do.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Rule {
    pub(super) conditions: Vec<Condition>,
    pub(super) action: Action,
}

/// What a rule gives when its conditions hold.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Action {
    Endpoint(EndpointRule),
    Error(Expr),
    Tree(Vec<Rule>),
}

/// The endpoint of an `endpoint` rule, its strings still templates.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct EndpointRule {
    pub(super) url: Expr,
    pub(super) headers: Vec<(String, Vec<Expr>)>,
    pub(super) properties: Vec<(String, Expr)>,
}

/// A condition: a function call, its result optionally bound to a name.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Condition {
    pub(super) test: Expr,
    pub(super) assign: Option<String>,
}

/// An expression of the rule language.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Expr {
    Bool(bool),
    Int(i64),
    /// A string, with `{name}` and `{name#path}` parts filled in when evaluated.
    Template(Vec<Part>),
    Ref(String),
    Call(Box<Call>),
    GetAttr(Box<Expr>, Vec<Step>),
    Array(Vec<Expr>),
    Record(Vec<(String, Expr)>),
}

/// A piece of a string template.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Part {
    Text(String),
    Value(Expr),
}

/// A call of a library function, with where it sits in the rule set.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Call {
    pub(super) function: Function,
    pub(super) args: Vec<Expr>,
    pub(super) at: String,
}

/// One step of a `getAttr` path: a record's field or an array's element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Step {
    Key(String),
    Index(usize),
}

impl RuleSet {
    /// Reads a rule set from the JSON text of a `smithy.rules#endpointRuleSet` trait.
    pub fn from_json(text: &str) -> Result<RuleSet, EndpointError> {
        let json: Json =
            serde_json::from_str(text).map_err(|err| invalid("", format!("not JSON: {err}")))?;
        let object = as_object(&json, "")?;
        let parameters = match object.get("parameters") {
            Some(json) => parameters(as_object(json, "parameters")?)?,
            None => Vec::new(),
        };
        let rules = rules(field(object, "rules", "")?, "rules")?;
        let mut names: Vec<&str> = parameters.iter().map(|p| p.name.as_str()).collect();
        check_rules(&rules, &mut names, "rules")?;
        Ok(RuleSet { parameters, rules })
    }

    /// The name of the parameter bound to a built-in, such as `AWS::Region`, if the rule
    /// set declares one.
    pub fn parameter_for_built_in(&self, built_in: &str) -> Option<&str> {
        self.parameters
            .iter()
            .find(|p| p.built_in.as_deref() == Some(built_in))
            .map(|p| p.name.as_str())
    }
}

/// An [`EndpointError::InvalidRuleSet`] at `at`.
pub(super) fn invalid(at: &str, message: impl Into<String>) -> EndpointError {
    EndpointError::InvalidRuleSet {
        at: if at.is_empty() {
            "the rule set".to_owned()
        } else {
            at.to_owned()
        },
        message: message.into(),
    }
}

fn as_object<'a>(json: &'a Json, at: &str) -> Result<&'a Map<String, Json>, EndpointError> {
    json.as_object()
        .ok_or_else(|| invalid(at, "expected an object"))
}

fn field<'a>(
    object: &'a Map<String, Json>,
    key: &str,
    at: &str,
) -> Result<&'a Json, EndpointError> {
    object
        .get(key)
        .ok_or_else(|| invalid(at, format!("missing `{key}`")))
}

fn string<'a>(json: &'a Json, at: &str) -> Result<&'a str, EndpointError> {
    json.as_str()
        .ok_or_else(|| invalid(at, "expected a string"))
}

fn array<'a>(json: &'a Json, at: &str) -> Result<&'a [Json], EndpointError> {
    json.as_array()
        .map(Vec::as_slice)
        .ok_or_else(|| invalid(at, "expected an array"))
}

fn parameters(object: &Map<String, Json>) -> Result<Vec<Parameter>, EndpointError> {
    object
        .iter()
        .map(|(name, json)| parameter(name, json, &format!("parameters.{name}")))
        .collect()
}

fn parameter(name: &str, json: &Json, at: &str) -> Result<Parameter, EndpointError> {
    let object = as_object(json, at)?;
    let kind = match string(field(object, "type", at)?, &format!("{at}.type"))? {
        t if t.eq_ignore_ascii_case("string") => Kind::String,
        t if t.eq_ignore_ascii_case("boolean") => Kind::Boolean,
        t if t.eq_ignore_ascii_case("stringArray") => Kind::StringArray,
        other => return Err(invalid(at, format!("unknown parameter type `{other}`"))),
    };
    let built_in = match object.get("builtIn") {
        Some(json) => Some(string(json, &format!("{at}.builtIn"))?.to_owned()),
        None => None,
    };
    let required = match object.get("required") {
        Some(json) => json
            .as_bool()
            .ok_or_else(|| invalid(&format!("{at}.required"), "expected a boolean"))?,
        None => false,
    };
    let default = match object.get("default") {
        Some(json) => Some(default(json, kind, &format!("{at}.default"))?),
        None => None,
    };
    Ok(Parameter {
        name: name.to_owned(),
        kind,
        built_in,
        required,
        default,
    })
}

/// A parameter's default value, of the parameter's type.
fn default(json: &Json, kind: Kind, at: &str) -> Result<Value, EndpointError> {
    let value = match (kind, json) {
        (Kind::String, Json::String(s)) => Some(Value::String(s.clone())),
        (Kind::Boolean, Json::Bool(b)) => Some(Value::Bool(*b)),
        (Kind::StringArray, Json::Array(items)) => items
            .iter()
            .map(|item| item.as_str().map(|s| Value::String(s.to_owned())))
            .collect::<Option<Vec<_>>>()
            .map(Value::Array),
        _ => None,
    };
    value.ok_or_else(|| invalid(at, format!("not a value of type {}", kind.name())))
}

impl Kind {
    /// The type's name in the rule language.
    pub(super) fn name(self) -> &'static str {
        match self {
            Kind::String => "String",
            Kind::Boolean => "Boolean",
            Kind::StringArray => "stringArray",
        }
    }
}

fn rules(json: &Json, at: &str) -> Result<Vec<Rule>, EndpointError> {
    array(json, at)?
        .iter()
        .enumerate()
        .map(|(i, json)| rule(json, &format!("{at}[{i}]")))
        .collect()
}

fn rule(json: &Json, at: &str) -> Result<Rule, EndpointError> {
    let object = as_object(json, at)?;
    let conditions = match object.get("conditions") {
        Some(json) => {
            let at = format!("{at}.conditions");
            array(json, &at)?
                .iter()
                .enumerate()
                .map(|(i, json)| condition(json, &format!("{at}[{i}]")))
                .collect::<Result<_, _>>()?
        }
        None => Vec::new(),
    };
    let action = match string(field(object, "type", at)?, &format!("{at}.type"))? {
        "endpoint" => Action::Endpoint(endpoint(
            field(object, "endpoint", at)?,
            &format!("{at}.endpoint"),
        )?),
        "error" => Action::Error(expr(field(object, "error", at)?, &format!("{at}.error"))?),
        "tree" => Action::Tree(rules(field(object, "rules", at)?, &format!("{at}.rules"))?),
        other => return Err(invalid(at, format!("unknown rule type `{other}`"))),
    };
    Ok(Rule { conditions, action })
}

fn condition(json: &Json, at: &str) -> Result<Condition, EndpointError> {
    let object = as_object(json, at)?;
    if !object.contains_key("fn") {
        return Err(invalid(at, "a condition must call a function (`fn`)"));
    }
    let assign = match object.get("assign") {
        Some(json) => Some(string(json, &format!("{at}.assign"))?.to_owned()),
        None => None,
    };
    Ok(Condition {
        test: expr(json, at)?,
        assign,
    })
}

fn endpoint(json: &Json, at: &str) -> Result<EndpointRule, EndpointError> {
    let object = as_object(json, at)?;
    let url = expr(field(object, "url", at)?, &format!("{at}.url"))?;
    let mut headers = Vec::new();
    if let Some(json) = object.get("headers") {
        for (name, values) in as_object(json, &format!("{at}.headers"))? {
            let at = format!("{at}.headers.{name}");
            let values = array(values, &at)?
                .iter()
                .enumerate()
                .map(|(i, json)| expr(json, &format!("{at}[{i}]")))
                .collect::<Result<_, _>>()?;
            headers.push((name.clone(), values));
        }
    }
    let properties = match object.get("properties") {
        Some(json) => record(
            as_object(json, &format!("{at}.properties"))?,
            &format!("{at}.properties"),
        )?,
        None => Vec::new(),
    };
    Ok(EndpointRule {
        url,
        headers,
        properties,
    })
}

/// An expression: a literal, a `ref`, or a function call (`fn` and `argv`).
fn expr(json: &Json, at: &str) -> Result<Expr, EndpointError> {
    match json {
        Json::Bool(b) => Ok(Expr::Bool(*b)),
        Json::Number(n) => n
            .as_i64()
            .map(Expr::Int)
            .ok_or_else(|| invalid(at, format!("`{n}` is not an integer"))),
        Json::String(s) => template(s, at),
        Json::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, json)| expr(json, &format!("{at}[{i}]")))
            .collect::<Result<_, _>>()
            .map(Expr::Array),
        Json::Object(object) => object_expr(object, at),
        Json::Null => Err(invalid(at, "null is not an expression")),
    }
}

fn object_expr(object: &Map<String, Json>, at: &str) -> Result<Expr, EndpointError> {
    if let Some(name) = object.get("ref") {
        return Ok(Expr::Ref(string(name, &format!("{at}.ref"))?.to_owned()));
    }
    let Some(name) = object.get("fn") else {
        return record(object, at).map(Expr::Record);
    };
    let name = string(name, &format!("{at}.fn"))?;
    let argv_at = format!("{at}.argv");
    let args: Vec<Expr> = array(field(object, "argv", at)?, &argv_at)?
        .iter()
        .enumerate()
        .map(|(i, json)| expr(json, &format!("{argv_at}[{i}]")))
        .collect::<Result<_, _>>()?;
    if name == "getAttr" {
        return get_attr(args, at);
    }
    let function = Function::from_name(name)
        .ok_or_else(|| invalid(at, format!("unknown function `{name}`")))?;
    if args.len() != function.arity() {
        return Err(invalid(
            at,
            format!(
                "`{name}` takes {} arguments, not {}",
                function.arity(),
                args.len()
            ),
        ));
    }
    Ok(Expr::Call(Box::new(Call {
        function,
        args,
        at: at.to_owned(),
    })))
}

/// `getAttr(target, "path")`, its path read once here.
fn get_attr(args: Vec<Expr>, at: &str) -> Result<Expr, EndpointError> {
    let mut args = args.into_iter();
    let (Some(target), Some(Expr::Template(parts)), None) = (args.next(), args.next(), args.next())
    else {
        return Err(invalid(at, "`getAttr` takes a value and a literal path"));
    };
    let path = match parts.as_slice() {
        [Part::Text(path)] => path.as_str(),
        _ => return Err(invalid(at, "the path of `getAttr` must be a plain string")),
    };
    let steps =
        path_steps(path).ok_or_else(|| invalid(at, format!("bad `getAttr` path `{path}`")))?;
    Ok(Expr::GetAttr(Box::new(target), steps))
}

/// The steps of a path such as `resourceId[0]`, `a.b` or `[1]`.
pub(super) fn path_steps(path: &str) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    for segment in path.split('.') {
        let (key, mut rest) = segment.split_at(segment.find('[').unwrap_or(segment.len()));
        if !key.is_empty() {
            steps.push(Step::Key(key.to_owned()));
        }
        while let Some(tail) = rest.strip_prefix('[') {
            let (index, after) = tail.split_once(']')?;
            steps.push(Step::Index(index.parse().ok()?));
            rest = after;
        }
        if !rest.is_empty() || (key.is_empty() && segment == rest) {
            return None;
        }
    }
    (!steps.is_empty()).then_some(steps)
}

fn record(object: &Map<String, Json>, at: &str) -> Result<Vec<(String, Expr)>, EndpointError> {
    object
        .iter()
        .map(|(key, json)| Ok((key.clone(), expr(json, &format!("{at}.{key}"))?)))
        .collect()
}

/// A string template: text with `{name}` or `{name#path}` parts; `{{` and `}}` are
/// literal braces.
fn template(text: &str, at: &str) -> Result<Expr, EndpointError> {
    let mut parts = Vec::new();
    let mut literal = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("{{") || rest.starts_with("}}") {
            literal.push(c);
            rest = &rest[2..];
        } else if c == '{' {
            let (inner, after) = rest[1..]
                .split_once('}')
                .ok_or_else(|| invalid(at, format!("unclosed `{{` in `{text}`")))?;
            if !literal.is_empty() {
                parts.push(Part::Text(std::mem::take(&mut literal)));
            }
            parts.push(Part::Value(template_value(inner, at)?));
            rest = after;
        } else if c == '}' {
            return Err(invalid(at, format!("unopened `}}` in `{text}`")));
        } else {
            literal.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    if !literal.is_empty() || parts.is_empty() {
        parts.push(Part::Text(literal));
    }
    Ok(Expr::Template(parts))
}

/// The expression inside a template's braces: `name` or `name#path`.
fn template_value(inner: &str, at: &str) -> Result<Expr, EndpointError> {
    let (name, path) = match inner.split_once('#') {
        Some((name, path)) => (name, Some(path)),
        None => (inner, None),
    };
    if name.is_empty() || name.contains(['{', ' ']) {
        return Err(invalid(at, format!("bad template reference `{{{inner}}}`")));
    }
    let target = Expr::Ref(name.to_owned());
    match path {
        None => Ok(target),
        Some(path) => path_steps(path)
            .map(|steps| Expr::GetAttr(Box::new(target), steps))
            .ok_or_else(|| invalid(at, format!("bad template path `{{{inner}}}`"))),
    }
}

/// Checks that every reference names a parameter or a value assigned before it, in
/// its rule or an enclosing one.
fn check_rules<'a>(
    rules: &'a [Rule],
    names: &mut Vec<&'a str>,
    at: &str,
) -> Result<(), EndpointError> {
    for (i, rule) in rules.iter().enumerate() {
        let at = format!("{at}[{i}]");
        let mark = names.len();
        for (j, condition) in rule.conditions.iter().enumerate() {
            check_refs(&condition.test, names, &format!("{at}.conditions[{j}]"))?;
            if let Some(name) = &condition.assign {
                names.push(name);
            }
        }
        match &rule.action {
            Action::Endpoint(endpoint) => {
                let at = format!("{at}.endpoint");
                check_refs(&endpoint.url, names, &at)?;
                let headers = endpoint.headers.iter().flat_map(|(_, values)| values);
                for expr in headers.chain(endpoint.properties.iter().map(|(_, v)| v)) {
                    check_refs(expr, names, &at)?;
                }
            }
            Action::Error(message) => check_refs(message, names, &format!("{at}.error"))?,
            Action::Tree(rules) => check_rules(rules, names, &format!("{at}.rules"))?,
        }
        names.truncate(mark);
    }
    Ok(())
}

fn check_refs(expr: &Expr, names: &[&str], at: &str) -> Result<(), EndpointError> {
    match expr {
        Expr::Bool(_) | Expr::Int(_) => Ok(()),
        Expr::Ref(name) if names.contains(&name.as_str()) => Ok(()),
        Expr::Ref(name) => Err(invalid(
            at,
            format!("`{name}` is neither a parameter nor assigned before"),
        )),
        Expr::Template(parts) => parts.iter().try_for_each(|part| match part {
            Part::Text(_) => Ok(()),
            Part::Value(expr) => check_refs(expr, names, at),
        }),
        Expr::Call(call) => call
            .args
            .iter()
            .try_for_each(|arg| check_refs(arg, names, at)),
        Expr::GetAttr(target, _) => check_refs(target, names, at),
        Expr::Array(items) => items
            .iter()
            .try_for_each(|item| check_refs(item, names, at)),
        Expr::Record(fields) => fields
            .iter()
            .try_for_each(|(_, value)| check_refs(value, names, at)),
    }
}

#[cfg(test)]
mod tests {
    use super::{path_steps, template, Expr, Part, RuleSet, Step};
    use crate::primitives::client::endpoint::EndpointError;

    #[test]
    fn paths_have_keys_and_indexes() {
        let key = |k: &str| Step::Key(k.to_owned());
        assert_eq!(path_steps("a.b"), Some(vec![key("a"), key("b")]));
        assert_eq!(
            path_steps("resourceId[2]"),
            Some(vec![key("resourceId"), Step::Index(2)])
        );
        assert_eq!(path_steps("[0]"), Some(vec![Step::Index(0)]));
        for bad in ["", "a.", "a[", "a[x]", "a[0]b", ".a"] {
            assert_eq!(path_steps(bad), None, "{bad}");
        }
    }

    #[test]
    fn templates_split_text_and_references() {
        let Ok(Expr::Template(parts)) = template("https://{Region}.{{x}}/{P#dnsSuffix}", "") else {
            panic!("not a template");
        };
        assert_eq!(parts.len(), 4);
        assert_eq!(parts[0], Part::Text("https://".to_owned()));
        assert_eq!(parts[1], Part::Value(Expr::Ref("Region".to_owned())));
        assert_eq!(parts[2], Part::Text(".{x}/".to_owned()));
        assert!(matches!(parts[3], Part::Value(Expr::GetAttr(..))));
        assert!(template("a{b", "").is_err());
        assert!(template("a}b", "").is_err());
        assert!(template("{}", "").is_err());
    }

    #[test]
    fn malformed_rule_sets_say_where() {
        let cases = [
            ("[]", "the rule set"),
            (r#"{"parameters": {}}"#, "the rule set"),
            (r#"{"rules": [{"type": "x"}]}"#, "rules[0]"),
            (
                r#"{"rules": [{"type": "error", "conditions": [{"fn": "nope", "argv": []}], "error": "e"}]}"#,
                "rules[0].conditions[0]",
            ),
            (
                r#"{"rules": [{"type": "error", "conditions": [{"fn": "not", "argv": [1, 2]}], "error": "e"}]}"#,
                "rules[0].conditions[0]",
            ),
            (
                r#"{"parameters": {"A": {"type": "Boolean", "default": "yes"}}, "rules": []}"#,
                "parameters.A.default",
            ),
            (
                r#"{"rules": [{"type": "tree", "conditions": [], "rules": [{"type": "endpoint"}]}]}"#,
                "rules[0].rules[0]",
            ),
            (
                r#"{"rules": [{"type": "error", "conditions": [], "error": "in {Nowhere}"}]}"#,
                "rules[0].error",
            ),
            (
                r#"{"rules": [
                    {"type": "tree", "conditions": [{"fn": "isSet", "argv": [true], "assign": "A"}], "rules": []},
                    {"type": "endpoint", "conditions": [], "endpoint": {"url": "{A}"}}]}"#,
                "rules[1].endpoint",
            ),
        ];
        for (json, place) in cases {
            match RuleSet::from_json(json) {
                Err(EndpointError::InvalidRuleSet { at, .. }) => assert_eq!(at, place, "{json}"),
                other => panic!("{json}: {other:?}"),
            }
        }
    }
}
