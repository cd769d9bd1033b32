//! Evaluation: the rules tried in order against the parameters, down to an endpoint or
//! an error.

use std::collections::BTreeMap;

use super::functions::Function;
use super::rules::{invalid, Action, Call, Condition, EndpointRule, Expr, Kind, Part, Rule, Step};
use super::{Endpoint, EndpointError, Params, Partitions, RuleSet, Value};

impl RuleSet {
    /// Resolves the endpoint for `params`: the first rule whose conditions hold gives
    /// the endpoint, or the error of an `error` rule. `aws.partition` reads the
    /// partition data built into this module.
    pub fn resolve(&self, params: &Params) -> Result<Endpoint, EndpointError> {
        self.resolve_with(params, Partitions::built_in()?)
    }

    /// Resolves the endpoint for `params` as [`RuleSet::resolve`] does, with other
    /// partition data.
    pub fn resolve_with(
        &self,
        params: &Params,
        partitions: &Partitions,
    ) -> Result<Endpoint, EndpointError> {
        let mut scope = Scope {
            params: self.bind(params)?,
            assigned: Vec::new(),
            partitions,
        };
        match scope.rules(&self.rules)? {
            Some(endpoint) => Ok(endpoint),
            None => Err(EndpointError::NoMatch),
        }
    }

    /// Each declared parameter's value: the one set, else its default; an error for a
    /// value of the wrong type or a required parameter without one.
    fn bind(&self, params: &Params) -> Result<BTreeMap<String, Value>, EndpointError> {
        let mut values = BTreeMap::new();
        for parameter in &self.parameters {
            let value = params.get(&parameter.name).or(parameter.default.as_ref());
            match value {
                Some(value) if has_kind(value, parameter.kind) => {
                    values.insert(parameter.name.clone(), value.clone());
                }
                Some(_) => {
                    return Err(EndpointError::ParamType {
                        name: parameter.name.clone(),
                        expected: parameter.kind.name(),
                    })
                }
                None if parameter.required => {
                    return Err(EndpointError::MissingParam(parameter.name.clone()))
                }
                None => {}
            }
        }
        Ok(values)
    }
}

fn has_kind(value: &Value, kind: Kind) -> bool {
    match (value, kind) {
        (Value::String(_), Kind::String) | (Value::Bool(_), Kind::Boolean) => true,
        (Value::Array(items), Kind::StringArray) => {
            items.iter().all(|item| matches!(item, Value::String(_)))
        }
        _ => false,
    }
}

/// The names in reach: the parameters, and the values conditions assigned so far.
struct Scope<'a> {
    params: BTreeMap<String, Value>,
    assigned: Vec<(String, Value)>,
    partitions: &'a Partitions,
}

impl Scope<'_> {
    /// The first of `rules` that applies, if one does.
    fn rules(&mut self, rules: &[Rule]) -> Result<Option<Endpoint>, EndpointError> {
        for rule in rules {
            let mark = self.assigned.len();
            let outcome = self.rule(rule);
            self.assigned.truncate(mark);
            if let Some(endpoint) = outcome? {
                return Ok(Some(endpoint));
            }
        }
        Ok(None)
    }

    /// The rule's outcome, or `None` if one of its conditions fails.
    fn rule(&mut self, rule: &Rule) -> Result<Option<Endpoint>, EndpointError> {
        for condition in &rule.conditions {
            if !self.condition(condition)? {
                return Ok(None);
            }
        }
        match &rule.action {
            Action::Endpoint(endpoint) => self.endpoint(endpoint).map(Some),
            Action::Error(message) => Err(EndpointError::Rule(self.string(message, "error")?)),
            // A tree whose conditions hold is the only place left to look.
            Action::Tree(rules) => match self.rules(rules)? {
                Some(endpoint) => Ok(Some(endpoint)),
                None => Err(EndpointError::NoMatch),
            },
        }
    }

    /// Whether a condition holds: its value is set and not `false`. Binds the value to
    /// the condition's `assign` name if it holds.
    fn condition(&mut self, condition: &Condition) -> Result<bool, EndpointError> {
        let value = match self.expr(&condition.test)? {
            None | Some(Value::Bool(false)) => return Ok(false),
            Some(value) => value,
        };
        if let Some(name) = &condition.assign {
            self.assigned.push((name.clone(), value));
        }
        Ok(true)
    }

    fn endpoint(&self, rule: &EndpointRule) -> Result<Endpoint, EndpointError> {
        let url = self.string(&rule.url, "endpoint url")?;
        let mut headers = BTreeMap::new();
        for (name, values) in &rule.headers {
            let values = values
                .iter()
                .map(|value| self.string(value, &format!("header `{name}`")))
                .collect::<Result<Vec<_>, _>>()?;
            headers.insert(name.clone(), values);
        }
        let mut properties = BTreeMap::new();
        for (name, value) in &rule.properties {
            let value = self
                .expr(value)?
                .ok_or_else(|| invalid(&format!("property `{name}`"), "has no value"))?;
            properties.insert(name.clone(), value);
        }
        Ok(Endpoint {
            url,
            headers,
            properties,
        })
    }

    /// An expression that must be a string.
    fn string(&self, expr: &Expr, what: &str) -> Result<String, EndpointError> {
        match self.expr(expr)? {
            Some(Value::String(s)) => Ok(s),
            Some(_) => Err(invalid(what, "is not a string")),
            None => Err(invalid(what, "has no value")),
        }
    }

    /// An expression's value; `None` when it refers to something unset.
    fn expr(&self, expr: &Expr) -> Result<Option<Value>, EndpointError> {
        Ok(match expr {
            Expr::Bool(b) => Some(Value::Bool(*b)),
            Expr::Int(n) => Some(Value::Int(*n)),
            Expr::Template(parts) => Some(Value::String(self.template(parts)?)),
            Expr::Ref(name) => self.lookup(name),
            Expr::Call(call) => self.call(call)?,
            Expr::GetAttr(target, steps) => self.expr(target)?.and_then(|v| get_attr(v, steps)),
            Expr::Array(items) => {
                let items: Option<Vec<Value>> = items
                    .iter()
                    .map(|item| self.expr(item))
                    .collect::<Result<_, _>>()?;
                items.map(Value::Array)
            }
            Expr::Record(fields) => {
                let mut record = BTreeMap::new();
                for (key, value) in fields {
                    let Some(value) = self.expr(value)? else {
                        return Ok(None);
                    };
                    record.insert(key.clone(), value);
                }
                Some(Value::Record(record))
            }
        })
    }

    fn template(&self, parts: &[Part]) -> Result<String, EndpointError> {
        let mut text = String::new();
        for part in parts {
            match part {
                Part::Text(literal) => text.push_str(literal),
                Part::Value(expr) => text.push_str(&self.string(expr, "template")?),
            }
        }
        Ok(text)
    }

    /// A name's value: the latest assignment, else the parameter.
    fn lookup(&self, name: &str) -> Option<Value> {
        let assigned = self.assigned.iter().rev().find(|(n, _)| n == name);
        assigned
            .map(|(_, value)| value)
            .or_else(|| self.params.get(name))
            .cloned()
    }

    /// A function's result: `isSet` of any value; any other of set values, unset if
    /// one of its arguments is.
    fn call(&self, call: &Call) -> Result<Option<Value>, EndpointError> {
        let mut args = Vec::with_capacity(call.args.len());
        for arg in &call.args {
            match self.expr(arg)? {
                Some(value) => args.push(value),
                None if call.function == Function::IsSet => return Ok(Some(Value::Bool(false))),
                None => return Ok(None),
            }
        }
        call.function
            .call(&args, self.partitions)
            .map_err(|message| invalid(&call.at, message))
    }
}

/// The value at `steps` inside `value`, if there is one.
fn get_attr(value: Value, steps: &[Step]) -> Option<Value> {
    let mut value = value;
    for step in steps {
        value = match (value, step) {
            (Value::Record(mut fields), Step::Key(key)) => fields.remove(key)?,
            (Value::Array(mut items), Step::Index(i)) if *i < items.len() => items.swap_remove(*i),
            _ => return None,
        };
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use crate::primitives::client::endpoint::{EndpointError, Params, RuleSet};

    const RULES: &str = r#"{
        "version": "1.0",
        "parameters": {
            "Region": {"type": "String", "builtIn": "AWS::Region", "required": false},
            "UseFIPS": {"type": "Boolean", "builtIn": "AWS::UseFIPS", "required": true, "default": false},
            "Name": {"type": "String", "required": true}
        },
        "rules": [
            {"type": "error", "conditions": [{"fn": "not", "argv": [{"fn": "isSet", "argv": [{"ref": "Region"}]}]}],
             "error": "Missing Region"},
            {"type": "tree",
             "conditions": [{"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "P"}],
             "rules": [
                {"type": "endpoint",
                 "conditions": [{"fn": "booleanEquals", "argv": [{"ref": "UseFIPS"}, true]}],
                 "endpoint": {"url": "https://{Name}-fips.{Region}.{P#dnsSuffix}",
                              "headers": {"x-name": ["{Name}"]},
                              "properties": {"authSchemes": [{"name": "sigv4", "signingRegion": "{Region}", "signingName": "svc"}]}}},
                {"type": "endpoint", "conditions": [],
                 "endpoint": {"url": "https://{Name}.{Region}.{P#dnsSuffix}"}}
             ]}
        ]
    }"#;

    fn params(region: Option<&str>, fips: bool) -> Params {
        let mut params = Params::new();
        params.set("Name", "svc").set("UseFIPS", fips);
        if let Some(region) = region {
            params.set("Region", region);
        }
        params
    }

    #[test]
    fn rules_resolve_in_order() {
        let rules = RuleSet::from_json(RULES).expect("valid rule set");
        let plain = rules
            .resolve(&params(Some("cn-north-1"), false))
            .expect("resolves");
        assert_eq!(plain.url(), "https://svc.cn-north-1.amazonaws.com.cn");
        assert!(plain.auth_schemes().is_empty());
        let fips = rules
            .resolve(&params(Some("us-west-2"), true))
            .expect("resolves");
        assert_eq!(fips.url(), "https://svc-fips.us-west-2.amazonaws.com");
        assert_eq!(fips.headers()["x-name"], vec!["svc".to_owned()]);
        let schemes = fips.auth_schemes();
        assert_eq!(schemes.len(), 1);
        assert_eq!(schemes[0].name(), "sigv4");
        assert_eq!(schemes[0].signing_name(), Some("svc"));
        assert_eq!(schemes[0].signing_region(), Some("us-west-2"));
    }

    #[test]
    fn errors_say_why() {
        let rules = RuleSet::from_json(RULES).expect("valid rule set");
        let missing = rules.resolve(&params(None, false));
        assert_eq!(
            missing,
            Err(EndpointError::Rule("Missing Region".to_owned()))
        );
        let mut unnamed = Params::new();
        unnamed.set("Region", "us-east-1");
        assert_eq!(
            rules.resolve(&unnamed),
            Err(EndpointError::MissingParam("Name".to_owned()))
        );
        let mut mistyped = params(Some("us-east-1"), false);
        mistyped.set("UseFIPS", "yes");
        assert!(matches!(
            rules.resolve(&mistyped),
            Err(EndpointError::ParamType { name, .. }) if name == "UseFIPS"
        ));
    }

    #[test]
    fn a_tree_without_a_match_is_an_error() {
        let rules = RuleSet::from_json(
            r#"{"parameters": {}, "rules": [
                {"type": "tree", "conditions": [], "rules": [
                    {"type": "endpoint", "conditions": [{"fn": "booleanEquals", "argv": [true, false]}],
                     "endpoint": {"url": "https://a"}}]},
                {"type": "endpoint", "conditions": [], "endpoint": {"url": "https://b"}}
            ]}"#,
        )
        .expect("valid rule set");
        assert_eq!(rules.resolve(&Params::new()), Err(EndpointError::NoMatch));
    }

    #[test]
    fn type_errors_name_the_call() {
        let rules = RuleSet::from_json(
            r#"{"rules": [{"type": "endpoint",
                "conditions": [{"fn": "booleanEquals", "argv": ["x", true]}],
                "endpoint": {"url": "https://a"}}]}"#,
        )
        .expect("valid rule set");
        match rules.resolve(&Params::new()) {
            Err(EndpointError::InvalidRuleSet { at, message }) => {
                assert_eq!(at, "rules[0].conditions[0]");
                assert!(message.contains("booleanEquals"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }
}
