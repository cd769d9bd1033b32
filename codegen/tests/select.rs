//! Closure selection: `--operation` narrows the output to what those operations reach.

mod common;

use codegen::load::load;
use codegen::select::select;

fn names(ids: impl IntoIterator<Item = String>) -> Vec<String> {
    ids.into_iter()
        .map(|id| codegen::load::shape_id::name(&id).to_owned())
        .collect()
}

#[test]
fn describe_forecast_export_job_reaches_exactly_its_shapes() {
    let text = common::forecast_model();
    let (model, _) = load(&text, "forecast.json").unwrap();
    let selection = select(&model, &["DescribeForecastExportJob".to_owned()]).unwrap();
    assert_eq!(names(selection.operations), ["DescribeForecastExportJob"]);
    let items: Vec<String> = names(
        selection
            .shapes
            .into_iter()
            .filter(|id| codegen::typespace::rust_type::is_item(&model, id)),
    );
    assert_eq!(
        items,
        [
            "DataDestination",
            "DescribeForecastExportJobRequest",
            "DescribeForecastExportJobResponse",
            "InvalidInputException",
            "ResourceNotFoundException",
            "S3Config",
        ]
    );
}

#[test]
fn generated_files_for_one_operation_hold_nothing_else() {
    let text = common::forecast_model();
    let files = codegen::generate(&text, &common::options(&["DescribeForecastExportJob"])).unwrap();
    let mut types: Vec<String> = files
        .iter()
        .filter_map(|f| f.path.strip_prefix("src/types").ok())
        .map(|p| p.display().to_string())
        .collect();
    types.sort();
    assert_eq!(
        types,
        [
            "data_destination.rs",
            "describe_forecast_export_job_request.rs",
            "describe_forecast_export_job_response.rs",
            "invalid_input_exception.rs",
            "mod.rs",
            "resource_not_found_exception.rs",
            "s3_config.rs",
        ]
    );
    let ops = files.iter().find(|f| {
        f.path
            .ends_with("src/operations/describe_forecast_export_job.rs")
    });
    assert!(ops
        .unwrap()
        .contents
        .contains("pub enum DescribeForecastExportJobError"));
}

#[test]
fn the_whole_service_has_63_operations() {
    let text = common::forecast_model();
    let (model, _) = load(&text, "forecast.json").unwrap();
    let selection = select(&model, &[]).unwrap();
    assert_eq!(selection.operations.len(), 63);
}

#[test]
fn operations_bound_through_resources_are_included() {
    let text = std::fs::read_to_string(common::fixtures().join("everything.json")).unwrap();
    let (model, _) = load(&text, "everything.json").unwrap();
    let all = names(select(&model, &[]).unwrap().operations);
    for op in [
        "CreateWidget",
        "GetWidget",
        "ListWidgets",
        "ArchiveWidget",
        "GetPart",
        "Ping",
    ] {
        assert!(all.contains(&op.to_owned()), "{op} missing from {all:?}");
    }
    let one = select(&model, &["example.everything#GetPart".to_owned()]).unwrap();
    assert_eq!(names(one.operations), ["GetPart"]);
}

#[test]
fn service_errors_join_every_operation() {
    let text = std::fs::read_to_string(common::fixtures().join("everything.json")).unwrap();
    let (model, _) = load(&text, "everything.json").unwrap();
    let selection = select(&model, &["Ping".to_owned()]).unwrap();
    let errors = names(selection.errors.into_values().flatten());
    assert!(errors.contains(&"InternalFailure".to_owned()), "{errors:?}");
    assert!(errors.contains(&"ThrottlingError".to_owned()), "{errors:?}");
}
