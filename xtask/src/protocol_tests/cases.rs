//! The runner's generated part: every case of a protocol's suites as a call into the
//! harness with values of the generated crate, or as a skip naming the client
//! behaviour it needs.
//!
//! Params, results and errors are brought into the body's form here (see [`super::wire`]);
//! the generated crate's own serde then reads them, so an input case checks what the
//! types write from those params and an output case what they read from the response.

use anyhow::{bail, Context, Result};
use codegen::names::type_name;
use serde_json::Value;

use super::model::Service;
use super::suite::{self, Case};
use super::wire::to_wire;

/// A behaviour of a client, outside what generated types do. A case that needs one is
/// skipped, naming it, until a client provides it: add the behaviour to
/// [`CLIENT_BEHAVIOURS`] and check its part of the request there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Behaviour {
    /// `@requestCompression`: gzip the body, set `Content-Encoding`.
    RequestCompression,
    /// `@endpoint(hostPrefix)`: put a prefix, with host labels filled in, before the host.
    HostPrefix,
    /// Send to the path of a configured endpoint, not only its host.
    EndpointPath,
    /// Fill an unset `@idempotencyToken` member with a fresh UUID.
    IdempotencyToken,
}

/// The behaviours the client of the generated crates provides.
const CLIENT_BEHAVIOURS: &[Behaviour] = &[
    Behaviour::RequestCompression,
    Behaviour::HostPrefix,
    Behaviour::EndpointPath,
    Behaviour::IdempotencyToken,
];

impl Behaviour {
    /// The reason a case that needs this behaviour is skipped.
    pub fn reason(self) -> &'static str {
        match self {
            Behaviour::RequestCompression => {
                "request compression: a client gzips the body of a @requestCompression operation"
            }
            Behaviour::HostPrefix => {
                "host prefix: a client puts the @endpoint hostPrefix before the endpoint's host"
            }
            Behaviour::EndpointPath => {
                "endpoint path: a client keeps the path of the endpoint it is configured with"
            }
            Behaviour::IdempotencyToken => {
                "idempotency-token auto-fill: a client fills an unset @idempotencyToken member"
            }
        }
    }

    /// The client behaviours `case` needs.
    pub fn needed(service: &Service, case: &Case) -> Vec<Behaviour> {
        let needed = [
            (case.given.request_compression.is_some()).then_some(Behaviour::RequestCompression),
            (case.given.endpoint.is_some()).then_some(Behaviour::HostPrefix),
            (case.given.endpoint.is_none() && has_host(case)).then_some(Behaviour::EndpointPath),
            needs_token(service, case).then_some(Behaviour::IdempotencyToken),
        ];
        needed.into_iter().flatten().collect()
    }

    /// The first client behaviour `case` needs that the client does not provide.
    pub fn missing(service: &Service, case: &Case) -> Option<Behaviour> {
        Behaviour::needed(service, case)
            .into_iter()
            .find(|behaviour| !CLIENT_BEHAVIOURS.contains(behaviour))
    }
}

fn has_host(case: &Case) -> bool {
    case.serialized.as_ref().is_some_and(|s| s.host.is_some())
}

/// Whether the case leaves an idempotency token of its input unset.
fn needs_token(service: &Service, case: &Case) -> bool {
    let Some(input) = &case.given.input else {
        return false;
    };
    let Some(shape) = service.shapes.get(&input.shape) else {
        return false;
    };
    let params = case.params.as_ref().and_then(Value::as_object);
    shape.members.iter().any(|(name, member)| {
        member.idempotency_token && params.is_none_or(|params| !params.contains_key(name))
    })
}

/// What kind of case a suite file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Params in, request out.
    Input,
    /// Response in, result or error out.
    Output,
}

/// The Rust source of one case: a `harness::Case` expression.
pub fn case_source(
    service: &Service,
    krate: &str,
    glue: &str,
    file: &str,
    direction: Direction,
    case: &Case,
    endpoint: &str,
) -> Result<String> {
    let check = match Behaviour::missing(service, case) {
        Some(behaviour) => format!("Check::Skip({:?})", behaviour.reason()),
        None => {
            let call = match direction {
                Direction::Input => input_call(service, krate, glue, case, endpoint)?,
                Direction::Output if case.error.is_some() => error_call(service, krate, case)?,
                Direction::Output => output_call(service, krate, glue, case)?,
            };
            format!("Check::Run(|| {call})")
        }
    };
    Ok(format!(
        "Case {{ file: {file:?}, id: {:?}, check: {check} }}",
        case.id
    ))
}

/// The operation type of a case: `krate::Name`.
fn operation(krate: &str, case: &Case) -> String {
    format!("{krate}::{}", type_name(&case.given.name))
}

/// `value` in wire form, by the shape `name` when there is one, as JSON text.
fn wire_text(service: &Service, name: Option<&String>, value: &Value) -> Result<String> {
    let wire = match name {
        Some(name) => to_wire(&service.shapes, name, value)?,
        None => value.clone(),
    };
    Ok(wire.to_string())
}

fn input_call(
    service: &Service,
    krate: &str,
    glue: &str,
    case: &Case,
    endpoint: &str,
) -> Result<String> {
    let request = case
        .serialized
        .as_ref()
        .context("an input case without `serialized`")?;
    let params = case
        .params
        .clone()
        .unwrap_or(Value::Object(Default::default()));
    let input = case.given.input.as_ref().map(|input| &input.shape);
    let params = wire_text(service, input, &params).context("params")?;
    let headers: Vec<String> = request
        .headers
        .iter()
        .map(|(name, value)| format!("({name:?}, {value:?})"))
        .collect();
    Ok(format!(
        "{glue}::input::<{}>({endpoint:?}, {params:?}, &Request {{ method: {:?}, uri: {:?}, \
         host: {:?}, body: {:?}, headers: &[{}] }})",
        operation(krate, case),
        request.method,
        request.uri,
        request.host,
        request.body,
        headers.join(", ")
    ))
}

fn output_call(service: &Service, krate: &str, glue: &str, case: &Case) -> Result<String> {
    let response = response(case)?;
    let result = case
        .result
        .as_ref()
        .context("an output case without `result`")?;
    let output = case.given.output.as_ref().map(|output| &output.shape);
    let expected = wire_text(service, output, result).context("result")?;
    let body = response.body.as_deref().unwrap_or_default();
    Ok(format!(
        "{glue}::output::<{}>({body:?}, {expected:?})",
        operation(krate, case)
    ))
}

/// A block that reads the error response and matches the modeled error the case names.
fn error_call(service: &Service, krate: &str, case: &Case) -> Result<String> {
    let response = response(case)?;
    let code = case
        .error_code
        .as_deref()
        .context("an error case without `errorCode`")?;
    let shape = error_shape(service, case, code)?;
    let expected = case
        .error
        .as_ref()
        .context("an error case without `error`")?;
    let expected = wire_text(service, Some(&shape), expected).context("error")?;
    let errors = format!("{}Error", operation(krate, case));
    let variant = type_name(&shape);
    Ok(format!(
        "{{ let error = {errors}::from_response({header:?}, {body:?}.as_bytes())\
         .map_err(|err| format!(\"cannot read the error: {{err}}\"))?; \
         match error {{ {errors}::{variant}(error) => harness::same_error(&error, \
         &harness::parse({expected:?}, \"expected error\")?, {code:?}, {message:?}), \
         other => Err(format!(\"read as {{other:?}}\")) }} }}",
        header = response.header("X-Amzn-Errortype"),
        body = response.body.as_deref().unwrap_or_default(),
        message = case.error_message,
    ))
}

/// The case's response, whose status must say what the case expects: an error or not.
fn response(case: &Case) -> Result<&suite::Response> {
    let response = case
        .response
        .as_ref()
        .context("an output case without `response`")?;
    let status = response.status_code;
    if (status >= 300) != case.error.is_some() {
        bail!(
            "status {status} does not fit a case with `error`: {}",
            case.error.is_some()
        );
    }
    Ok(response)
}

/// The operation's error shape that `code` names: by name, or by its awsQuery code.
fn error_shape(service: &Service, case: &Case, code: &str) -> Result<String> {
    let names = case.given.errors.iter().map(|error| &error.shape);
    for name in names {
        let query_code = service.shapes.get(name).and_then(|s| s.error.as_ref());
        if name == code || query_code.is_some_and(|q| q.code == code) {
            return Ok(name.clone());
        }
    }
    bail!("errorCode `{code}` names none of the operation's errors")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn service() -> Service {
        let file: suite::File = serde_json::from_value(json!([{
            "description": "Test cases for Op operation",
            "metadata": {"protocol": "json", "protocols": ["json"], "apiVersion": "2020-01-01",
                         "jsonVersion": "1.0", "targetPrefix": "Svc"},
            "shapes": {
                "In": {"type": "structure", "members": {
                    "Token": {"shape": "S", "idempotencyToken": true},
                    "Data": {"shape": "B"}}},
                "S": {"type": "string"},
                "B": {"type": "blob"},
                "Oops": {"type": "structure", "members": {"Message": {"shape": "S"}},
                         "exception": true},
            },
            "cases": [],
        }]))
        .unwrap();
        Service::merge(&[("input/x.json".to_owned(), file)]).unwrap()
    }

    fn case(json: Value) -> Case {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn the_behaviours_a_case_needs_are_known_and_provided() {
        let service = service();
        let http = json!({"method": "POST", "requestUri": "/"});
        let compressed = case(json!({"id": "c", "params": {}, "given": {"name": "Op",
            "http": http, "requestcompression": {"encodings": ["gzip"]}}}));
        let needed = Behaviour::needed(&service, &compressed);
        assert_eq!(needed, [Behaviour::RequestCompression]);
        let token = case(json!({"id": "t", "params": {}, "given": {"name": "Op",
            "http": http, "input": {"shape": "In"}}}));
        assert_eq!(
            Behaviour::needed(&service, &token),
            [Behaviour::IdempotencyToken]
        );
        let given = case(
            json!({"id": "g", "params": {"Token": "x"}, "given": {"name": "Op",
            "http": http, "input": {"shape": "In"}}}),
        );
        assert_eq!(Behaviour::needed(&service, &given), []);
        // The client provides every behaviour, so no case is skipped.
        assert_eq!(Behaviour::missing(&service, &compressed), None);
        assert_eq!(Behaviour::missing(&service, &token), None);
    }

    #[test]
    fn input_cases_carry_wire_params_and_the_expected_request() {
        let service = service();
        let case = case(
            json!({"id": "blob", "params": {"Token": "t", "Data": "foo"},
            "given": {"name": "Op", "http": {}, "input": {"shape": "In"}},
            "serialized": {"body": "{\"Data\": \"Zm9v\"}", "headers": {"X-Amz-Target": "Svc.Op"}}}),
        );
        let source = case_source(
            &service,
            "k",
            "g",
            "in.json",
            Direction::Input,
            &case,
            "https://example.com",
        )
        .unwrap();
        let expected = r#"Case { file: "in.json", id: "blob", check: Check::Run(|| g::input::<k::Op>("https://example.com", "{\"Token\":\"t\",\"Data\":\"Zm9v\"}", &Request { method: None, uri: None, host: None, body: Some("{\"Data\": \"Zm9v\"}"), headers: &[("X-Amz-Target", "Svc.Op")] })) }"#;
        assert_eq!(source, expected);
    }

    #[test]
    fn an_error_code_must_name_one_of_the_operations_errors() {
        let service = service();
        let case = case(json!({"id": "e", "given": {"name": "Op", "http": {},
            "errors": [{"shape": "Oops"}]}, "response": {"status_code": 400},
            "error": {}, "errorCode": "Other"}));
        let error = case_source(&service, "k", "g", "out.json", Direction::Output, &case, "");
        let message = format!("{:#}", error.unwrap_err());
        assert_eq!(
            message,
            "errorCode `Other` names none of the operation's errors"
        );
    }
}
