//! Calls against moto, a mock of AWS that speaks Forecast's awsJson 1.1 wire for its
//! dataset-group operations: through the client, then through the `forecast` binary.
//!
//! `.ci/run` starts `moto_server` on 127.0.0.1 and names it in `FORECAST_MOTO_ENDPOINT`;
//! run them with `cargo test -p forecast-cli --test moto -- --ignored`.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use forecast_types::client::{Client, Credentials, Error};
use forecast_types::{
    CreateDatasetGroup, CreateDatasetGroupError, CreateDatasetGroupRequest, DeleteDatasetGroup,
    DeleteDatasetGroupRequest, DescribeDatasetGroup, DescribeDatasetGroupError,
    DescribeDatasetGroupRequest, Domain, ListDatasetGroups, ListDatasetGroupsRequest,
    UpdateDatasetGroup, UpdateDatasetGroupRequest,
};

fn endpoint() -> String {
    std::env::var("FORECAST_MOTO_ENDPOINT")
        .expect("FORECAST_MOTO_ENDPOINT names the moto server, such as http://127.0.0.1:5123")
}

fn client() -> Client {
    Client::builder()
        .region("us-east-1")
        .endpoint_url(endpoint())
        .credentials(Credentials::new("AKIDMOTO", "moto-secret"))
        .build()
        .expect("a client of moto")
}

/// A dataset group name no other test uses.
fn unique(name: &str) -> String {
    format!("{name}_{}", std::process::id())
}

fn create(client: &Client, name: &str) -> String {
    let request = CreateDatasetGroupRequest::builder()
        .dataset_group_name(name)
        .domain(Domain::Retail)
        .build()
        .unwrap();
    let created = client.send(CreateDatasetGroup, request).expect("created");
    created.dataset_group_arn.expect("the new group's ARN")
}

#[test]
#[ignore = "needs a moto server named in FORECAST_MOTO_ENDPOINT; .ci/run starts one"]
fn a_dataset_group_from_creation_to_deletion() {
    let client = client();
    let name = unique("lifecycle");
    let arn = create(&client, &name);

    let describe = DescribeDatasetGroupRequest {
        dataset_group_arn: arn.clone(),
    };
    let described = client
        .send(DescribeDatasetGroup, describe.clone())
        .expect("described");
    assert_eq!(described.dataset_group_name.as_deref(), Some(name.as_str()));
    assert_eq!(described.domain, Some(Domain::Retail));
    // moto writes CreationTime as an ISO 8601 string, not epoch seconds.
    let created_at = described.creation_time.expect("a creation time");
    assert!(created_at.secs() > 1_700_000_000, "{created_at:?}");

    let listed: Vec<_> = client
        .items(
            ListDatasetGroups,
            ListDatasetGroupsRequest::builder()
                .max_results(1)
                .build()
                .unwrap(),
        )
        .collect::<Result<_, _>>()
        .expect("listed");
    assert!(
        listed
            .iter()
            .any(|group| group.dataset_group_arn.as_deref() == Some(arn.as_str())),
        "{listed:?}"
    );

    let update = UpdateDatasetGroupRequest {
        dataset_group_arn: arn.clone(),
        dataset_arns: Vec::new(),
    };
    client.send(UpdateDatasetGroup, update).expect("updated");
    let delete = DeleteDatasetGroupRequest {
        dataset_group_arn: arn.clone(),
    };
    client.send(DeleteDatasetGroup, delete).expect("deleted");

    match client.send(DescribeDatasetGroup, describe) {
        Err(Error::Service {
            error: DescribeDatasetGroupError::ResourceNotFoundException(error),
            status,
            request_id,
        }) => {
            assert_eq!(status, 400);
            assert!(request_id.is_some(), "moto sends x-amzn-RequestId");
            assert_eq!(
                error.message.as_deref(),
                Some(format!("No resource found {arn}").as_str())
            );
        }
        other => panic!("expected ResourceNotFoundException, got {other:?}"),
    }
}

#[test]
#[ignore = "needs a moto server named in FORECAST_MOTO_ENDPOINT; .ci/run starts one"]
fn a_bad_input_is_the_services_invalid_input_exception() {
    let request = CreateDatasetGroupRequest::builder()
        .dataset_group_name(unique("bad_input"))
        .domain(Domain::Retail)
        .dataset_arns("arn:aws:forecast:us-east-1:123456789012:dataset/missing")
        .build()
        .unwrap();
    match client().send(CreateDatasetGroup, request) {
        Err(Error::Service {
            error: CreateDatasetGroupError::InvalidInputException(error),
            ..
        }) => assert!(
            error
                .to_string()
                .starts_with("InvalidInputException: Dataset arns"),
            "{error}"
        ),
        other => panic!("expected InvalidInputException, got {other:?}"),
    }
}

/// Runs `forecast` with `args` against moto, with credentials in the environment.
fn forecast(args: &[&str]) -> Output {
    command(args).output().expect("forecast runs")
}

/// The `forecast` command with `args`, against moto.
fn command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_forecast"));
    command
        .args(args)
        .env("AWS_ENDPOINT_URL", endpoint())
        .env("AWS_REGION", "us-east-1")
        .env("AWS_ACCESS_KEY_ID", "AKIDMOTO")
        .env("AWS_SECRET_ACCESS_KEY", "moto-secret")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env_remove("AWS_PROFILE");
    command
}

/// Runs `forecast` with `args` against moto, writing `input` to its stdin.
fn forecast_with_stdin(args: &[&str], input: &str) -> Output {
    let mut child = command(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("forecast runs");
    let mut stdin = child.stdin.take().expect("a stdin");
    stdin
        .write_all(input.as_bytes())
        .expect("the input is written");
    drop(stdin);
    child.wait_with_output().expect("forecast ends")
}

fn stdout_json(output: &Output) -> serde_json::Value {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON on stdout")
}

#[test]
#[ignore = "needs a moto server named in FORECAST_MOTO_ENDPOINT; .ci/run starts one"]
fn the_command_line_calls_the_operations() {
    let name = unique("cli");
    let input = format!(r#"{{"DatasetGroupName": "{name}", "Domain": "RETAIL"}}"#);
    let created = stdout_json(&forecast(&["create-dataset-group", &input]));
    let arn = created["DatasetGroupArn"]
        .as_str()
        .expect("an ARN")
        .to_owned();

    let by_arn = format!(r#"{{"DatasetGroupArn": "{arn}"}}"#);
    let described = stdout_json(&forecast(&["describe-dataset-group", &by_arn]));
    assert_eq!(described["DatasetGroupName"], name.as_str());
    assert_eq!(described["Domain"], "RETAIL");
    assert!(
        described["CreationTime"].is_number(),
        "written back as epoch seconds"
    );

    let listed = stdout_json(&forecast(&["list-dataset-groups"]));
    let from_stdin = forecast_with_stdin(&["list-dataset-groups", "-"], r#"{"MaxResults": 10}"#);
    assert_eq!(
        stdout_json(&from_stdin)["DatasetGroups"],
        listed["DatasetGroups"]
    );
    let groups = listed["DatasetGroups"].as_array().expect("a list");
    assert!(groups.iter().any(|g| g["DatasetGroupArn"] == arn.as_str()));

    stdout_json(&forecast(&["delete-dataset-group", &by_arn]));
    let missing = forecast(&["describe-dataset-group", &by_arn]);
    assert!(!missing.status.success());
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert!(
        stderr.starts_with(&format!(
            "ResourceNotFoundException: No resource found {arn}"
        )),
        "{stderr}"
    );
}
