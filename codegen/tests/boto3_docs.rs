//! The rendered docs of DescribeForecastExportJobResponse carry the facts of the boto3
//! reference page for describe_forecast_export_job: every member's description, the
//! status values, the note about `ACTIVE` and the LastModificationTime rules.

mod common;

use std::collections::BTreeMap;

/// The boto3 page, checked in under `reference/`.
fn boto3_page() -> String {
    let path = codegen::checkout::reference().join("boto3-describe_forecast_export_job.rst");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The members of the page's "Response Structure", with the Rust file that holds each
/// (by nesting) and the lines of its description.
fn response_members(page: &str) -> Vec<(&'static str, String, Vec<String>)> {
    let section = page
        .split("**Response Structure**")
        .nth(1)
        .and_then(|rest| rest.split("**Exceptions**").next())
        .expect("the page has a Response Structure section");
    let mut members: Vec<(&'static str, String, Vec<String>)> = Vec::new();
    for line in section.lines() {
        let trimmed = line.trim();
        if let Some(rest) = trimmed.strip_prefix("- **") {
            let name = rest.split("**").next().unwrap().to_owned();
            let file = match line.find('-').unwrap() {
                6 => "describe_forecast_export_job_response",
                8 => "data_destination",
                _ => "s3_config",
            };
            members.push((file, name, Vec::new()));
        } else if !trimmed.is_empty() && !trimmed.starts_with("- *(dict)") {
            if let Some(last) = members.last_mut() {
                last.2.push(trimmed.to_owned());
            }
        }
    }
    members
}

/// The words of a text, without markup: what both renderings must agree on.
fn words(text: &str) -> String {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '\''))
        .filter(|w| !w.is_empty() && *w != "note")
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The doc comment of every field in a generated file, by field name.
fn field_docs(source: &str) -> BTreeMap<String, String> {
    let mut docs = BTreeMap::new();
    let mut pending = String::new();
    for line in source.lines().map(str::trim) {
        if let Some(doc) = line.strip_prefix("///") {
            pending.push_str(doc);
            pending.push('\n');
        } else if let Some(field) = line.strip_prefix("pub ").and_then(|l| l.split_once(':')) {
            docs.insert(field.0.to_owned(), std::mem::take(&mut pending));
        } else {
            pending.clear();
        }
    }
    docs
}

#[test]
fn describe_forecast_export_job_response_docs_match_boto3() {
    let files = codegen::generate(
        &common::forecast_model(),
        &common::options(&["DescribeForecastExportJob"]),
    )
    .unwrap();
    let source = |stem: &str| {
        let path = format!("src/types/{stem}.rs");
        let file = files
            .iter()
            .find(|f| f.path.to_str() == Some(path.as_str()));
        field_docs(
            &file
                .unwrap_or_else(|| panic!("{path} is generated"))
                .contents,
        )
    };
    let members = response_members(&boto3_page());
    assert_eq!(members.len(), 13, "{members:?}");
    for (file, member, description) in members {
        let docs = source(file);
        let field = heck::ToSnakeCase::to_snake_case(member.as_str());
        let doc = docs
            .get(&field)
            .unwrap_or_else(|| panic!("{file}.rs has no field `{field}` for `{member}`"));
        for line in description {
            assert!(
                words(doc).contains(&words(&line)),
                "the docs of `{member}` lack boto3's {line:?}:\n{doc}"
            );
        }
    }
}

#[test]
fn status_docs_list_every_state_and_the_note_about_active() {
    let files = codegen::generate(
        &common::forecast_model(),
        &common::options(&["DescribeForecastExportJob"]),
    )
    .unwrap();
    let response = files
        .iter()
        .find(|f| f.path.ends_with("describe_forecast_export_job_response.rs"))
        .unwrap();
    let docs = field_docs(&response.contents);
    let status = &docs["status"];
    for state in [
        "`ACTIVE`",
        "`CREATE_PENDING`, `CREATE_IN_PROGRESS`, `CREATE_FAILED`",
        "`CREATE_STOPPING`, `CREATE_STOPPED`",
        "`DELETE_PENDING`, `DELETE_IN_PROGRESS`, `DELETE_FAILED`",
    ] {
        assert!(status.contains(&format!(" - {state}\n")), "{status}");
    }
    assert!(
        status.contains(" > **Note:** The `Status` of the forecast export job must be `ACTIVE`")
    );
    let modified = &docs["last_modification_time"];
    assert!(
        modified.contains(" - `CREATE_PENDING` - The `CreationTime`."),
        "{modified}"
    );
    assert!(modified.contains(" - `ACTIVE` or `CREATE_FAILED` - When the job finished or failed."));
}
