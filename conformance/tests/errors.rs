//! Errors: for the same status, headers and body, the SDK's client and
//! `<Op>Error::from_response` classify an error response the same way (same
//! variant after conversion, same code and message), for every operation.

use conformance::harness::{block_on, Reply};
use conformance::operations::{self, exchange, Failure, SdkOperation, Visit};
use forecast_types::primitives::UnhandledError;
use forecast_types::*;

/// The codes checked: two the model names, one it does not.
const CODES: [&str; 3] = [
    "InvalidInputException",
    "ResourceNotFoundException",
    "ThrottlingException",
];

/// The error responses for `code`, in each form the protocol allows.
fn replies(code: &str) -> Vec<Reply> {
    let message = format!(r#"{{"message": "{code} \"happened\""}}"#);
    let coral = format!("{code}:http://internal.amazon.com/coral/com.amazonaws.forecast/");
    let namespaced = format!(r#"{{"__type": "com.amazonaws.forecast#{code}", "message": "m"}}"#);
    let suffixed = format!(
        r#"{{"__type": "com.amazonaws.forecast#{code}:http://internal.amazon.com/", "Message": "M"}}"#
    );
    vec![
        Reply::new(400, &[("X-Amzn-Errortype", code)], message.clone()),
        Reply::new(400, &[("X-Amzn-Errortype", &coral)], message.clone()),
        Reply::new(
            400,
            &[],
            format!(r#"{{"__type": "{code}", "message": "plain"}}"#),
        ),
        Reply::new(400, &[], namespaced),
        Reply::new(400, &[], suffixed),
        Reply::new(
            400,
            &[("x-amzn-errortype", code)],
            r#"{"__type": "Other", "Message": "header wins"}"#,
        ),
    ]
}

/// Both classifications of `reply` for `Op`: the SDK's (converted), then ours.
async fn both<Op: SdkOperation>(reply: &Reply) -> (Op::Error, Op::Error) {
    let sdk = match exchange::<Op>(None, reply).await.result {
        Err(Failure::Service(error)) => error,
        other => panic!("{}: the SDK read no service error: {other:?}", Op::NAME),
    };
    let ours = Op::read_error(reply.header("x-amzn-errortype"), &reply.body);
    (sdk, ours.unwrap_or_else(|e| panic!("{}: {e}", Op::NAME)))
}

#[tokio::test]
async fn describe_forecast_export_job_modeled_errors() {
    let reply = Reply::new(
        400,
        &[("X-Amzn-Errortype", "InvalidInputException")],
        r#"{"message": "bad"}"#,
    );
    let (sdk, ours) = both::<DescribeForecastExportJob>(&reply).await;
    let expected = InvalidInputException {
        message: Some("bad".to_owned()),
    };
    assert_eq!(
        ours,
        DescribeForecastExportJobError::InvalidInputException(expected)
    );
    assert_eq!(sdk, ours);

    let reply = Reply::new(
        400,
        &[],
        r#"{"__type": "com.amazonaws.forecast#ResourceNotFoundException", "message": "gone"}"#,
    );
    let (sdk, ours) = both::<DescribeForecastExportJob>(&reply).await;
    let expected = ResourceNotFoundException {
        message: Some("gone".to_owned()),
    };
    assert_eq!(
        ours,
        DescribeForecastExportJobError::ResourceNotFoundException(expected)
    );
    assert_eq!(sdk, ours);
}

#[tokio::test]
async fn describe_forecast_export_job_unknown_code() {
    let reply = Reply::new(
        400,
        &[("X-Amzn-Errortype", "ThrottlingException")],
        r#"{"message": "slow down"}"#,
    );
    let (sdk, ours) = both::<DescribeForecastExportJob>(&reply).await;
    let expected = UnhandledError {
        code: "ThrottlingException".to_owned(),
        message: Some("slow down".to_owned()),
    };
    assert_eq!(ours, DescribeForecastExportJobError::Unhandled(expected));
    assert_eq!(sdk, ours);
}

/// Every disagreement, over every operation, code and form.
struct Classify(Vec<String>, usize);

impl Visit for Classify {
    fn visit<Op: SdkOperation>(&mut self) {
        self.1 += 1;
        for code in CODES {
            for reply in replies(code) {
                let (sdk, ours) = block_on(both::<Op>(&reply));
                if sdk != ours {
                    let body = String::from_utf8_lossy(&reply.body);
                    let headers = &reply.headers;
                    self.0.push(format!(
                        "{}: {headers:?} {body}\n  sdk:  {sdk:?}\n  ours: {ours:?}",
                        Op::NAME
                    ));
                }
            }
        }
    }
}

#[test]
fn every_operation_classifies_errors_alike() {
    let mut visit = Classify(Vec::new(), 0);
    operations::for_each(&mut visit);
    assert_eq!(visit.1, operations::NAMES.len());
    assert!(
        visit.0.is_empty(),
        "{} disagreements:\n{}",
        visit.0.len(),
        visit.0.join("\n")
    );
}
