//! Proptest strategies for the values the tests property-generate.
//!
//! They cover the shapes where two JSON readers can differ: nested
//! structures, lists, maps, enums with values the model does not list,
//! fractional timestamps, floats and text with escapes. Strings are any text
//! (quotes, backslashes, control characters, non-BMP characters), not just
//! ARNs, since the wire carries them unchanged.

use forecast_types::primitives::Timestamp;
use forecast_types::*;
use proptest::collection::{btree_map, vec};
use proptest::option::of;
use proptest::prelude::*;

/// Any short text.
pub fn text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("(?s).{0,12}").expect("a valid regex")
}

/// The seconds of present-day timestamps: 2000 to 2100. Here an `f64`'s
/// resolution (about 120 ns) hides the nanosecond the SDK's truncation can
/// lose; closer to 1970 it does not (see `tests/responses.rs`).
const PRESENT_DAY: std::ops::Range<i64> = 946_684_800..4_102_444_800;

/// A present-day timestamp with whole milliseconds, the precision the service
/// sends (`1700000000.123`).
pub fn timestamp() -> impl Strategy<Value = Timestamp> {
    (PRESENT_DAY, 0u32..1000).prop_map(|(secs, millis)| {
        Timestamp::from_secs_and_nanos(secs, millis * 1_000_000).expect("in range")
    })
}

/// A timestamp in whole seconds, from year 1 to year 9999.
pub fn timestamp_secs() -> impl Strategy<Value = Timestamp> {
    (-62_135_596_800i64..253_402_300_800).prop_map(Timestamp::from_secs)
}

/// A present-day timestamp with whole microseconds, the finest fraction
/// `forecast-types` promises to keep on the wire.
pub fn timestamp_micros() -> impl Strategy<Value = Timestamp> {
    (PRESENT_DAY, 0u32..1_000_000).prop_map(|(secs, micros)| {
        Timestamp::from_secs_and_nanos(secs, micros * 1000).expect("in range")
    })
}

/// An enum value: one the model lists, or an unknown one.
pub fn enumeration<E: for<'a> From<&'a str> + std::fmt::Debug>(
    values: &'static [&'static str],
) -> impl Strategy<Value = E> {
    let known = proptest::sample::select(values).prop_map(String::from);
    let unknown = "[A-Za-z_]{1,10}";
    prop_oneof![known, unknown].prop_map(|value| E::from(value.as_str()))
}

/// A finite float with a short decimal text. Floats in general are not
/// generated: `forecast-types` reads some of them one unit in the last place
/// off (see `tests/responses.rs`, `floats_read_to_the_nearest_f64`), and NaN
/// is never equal to itself.
pub fn float() -> impl Strategy<Value = f64> {
    (-1_000_000_000i64..1_000_000_000, 0i32..6).prop_map(|(n, scale)| n as f64 / 10f64.powi(scale))
}

prop_compose! {
    /// An S3 location.
    pub fn s3_config()(path in text(), role_arn in text(), kms_key_arn in of(text())) -> S3Config {
        S3Config { path, role_arn, kms_key_arn }
    }
}

prop_compose! {
    /// A data destination.
    pub fn destination()(s3_config in s3_config()) -> DataDestination {
        DataDestination { s3_config }
    }
}

prop_compose! {
    /// A resource tag.
    pub fn tag()(key in text(), value in text()) -> Tag {
        Tag { key, value }
    }
}

prop_compose! {
    /// A list filter, with any condition.
    pub fn filter()(
        key in text(),
        value in text(),
        condition in enumeration(FilterConditionString::VALUES),
    ) -> Filter {
        Filter { key, value, condition }
    }
}

prop_compose! {
    /// `DescribeForecastExportJob`'s output.
    pub fn describe_forecast_export_job_response()(
        (forecast_export_job_arn, forecast_export_job_name, forecast_arn) in
            (of(text()), of(text()), of(text())),
        (destination, message, status, format) in
            (of(destination()), of(text()), of(text()), of(text())),
        creation_time in of(timestamp()),
        last_modification_time in of(timestamp()),
    ) -> DescribeForecastExportJobResponse {
        DescribeForecastExportJobResponse {
            forecast_export_job_arn, forecast_export_job_name, forecast_arn, destination,
            message, status, creation_time, last_modification_time, format,
        }
    }
}

prop_compose! {
    /// One forecast in a list.
    pub fn forecast_summary()(
        (forecast_arn, forecast_name, predictor_arn) in (of(text()), of(text()), of(text())),
        created_using_auto_predictor in of(any::<bool>()),
        (dataset_group_arn, status, message) in (of(text()), of(text()), of(text())),
        creation_time in of(timestamp()),
        last_modification_time in of(timestamp()),
    ) -> ForecastSummary {
        ForecastSummary {
            forecast_arn, forecast_name, predictor_arn, created_using_auto_predictor,
            dataset_group_arn, status, message, creation_time, last_modification_time,
        }
    }
}

prop_compose! {
    /// `ListForecasts`' output.
    pub fn list_forecasts_response()(
        forecasts in of(vec(forecast_summary(), 0..4)),
        next_token in of(text()),
    ) -> ListForecastsResponse {
        ListForecastsResponse { forecasts, next_token }
    }
}

prop_compose! {
    /// One dataset in a list.
    pub fn dataset_summary()(
        (dataset_arn, dataset_name) in (of(text()), of(text())),
        dataset_type in of(enumeration(DatasetType::VALUES)),
        domain in of(enumeration(Domain::VALUES)),
        creation_time in of(timestamp()),
        last_modification_time in of(timestamp()),
    ) -> DatasetSummary {
        DatasetSummary {
            dataset_arn, dataset_name, dataset_type, domain, creation_time,
            last_modification_time,
        }
    }
}

prop_compose! {
    /// `ListDatasets`' output.
    pub fn list_datasets_response()(
        datasets in of(vec(dataset_summary(), 0..4)),
        next_token in of(text()),
    ) -> ListDatasetsResponse {
        ListDatasetsResponse { datasets, next_token }
    }
}

prop_compose! {
    /// A dataset schema, with attribute types the model may not know.
    pub fn schema()(
        attributes in of(vec(
            (of(text()), of(enumeration(AttributeType::VALUES))),
            0..4,
        )),
    ) -> Schema {
        let attributes = attributes.map(|list| {
            list.into_iter()
                .map(|(attribute_name, attribute_type)| SchemaAttribute { attribute_name, attribute_type })
                .collect()
        });
        Schema { attributes }
    }
}

prop_compose! {
    /// `DescribeDataset`'s output.
    pub fn describe_dataset_response()(
        (dataset_arn, dataset_name, data_frequency, status) in
            (of(text()), of(text()), of(text()), of(text())),
        domain in of(enumeration(Domain::VALUES)),
        dataset_type in of(enumeration(DatasetType::VALUES)),
        schema in of(schema()),
        encryption_config in of((text(), text())
            .prop_map(|(role_arn, kms_key_arn)| EncryptionConfig { role_arn, kms_key_arn })),
        creation_time in of(timestamp()),
        last_modification_time in of(timestamp()),
    ) -> DescribeDatasetResponse {
        DescribeDatasetResponse {
            dataset_arn, dataset_name, domain, dataset_type, data_frequency, schema,
            encryption_config, status, creation_time, last_modification_time,
        }
    }
}

prop_compose! {
    /// A field's statistics.
    pub fn statistics()(
        (count, count_distinct, count_null, count_nan) in
            (of(any::<i32>()), of(any::<i32>()), of(any::<i32>()), of(any::<i32>())),
        (min, max, avg, stddev) in (of(text()), of(text()), of(float()), of(float())),
        (count_long, count_distinct_long, count_null_long, count_nan_long) in
            (of(any::<i64>()), of(any::<i64>()), of(any::<i64>()), of(any::<i64>())),
    ) -> Statistics {
        Statistics {
            count, count_distinct, count_null, count_nan, min, max, avg, stddev, count_long,
            count_distinct_long, count_null_long, count_nan_long,
        }
    }
}

prop_compose! {
    /// `DescribeDatasetImportJob`'s output: a map of structures, floats, a
    /// `@default` boolean and an enum.
    pub fn describe_dataset_import_job_response()(
        (dataset_import_job_name, dataset_import_job_arn, dataset_arn) in
            (of(text()), of(text()), of(text())),
        (timestamp_format, time_zone, geolocation_format) in (of(text()), of(text()), of(text())),
        use_geolocation_for_time_zone in any::<bool>(),
        data_source in of(s3_config().prop_map(|s3_config| DataSource { s3_config })),
        estimated_time_remaining_in_minutes in of(any::<i64>()),
        field_statistics in of(btree_map(text(), statistics(), 0..3)),
        (data_size, status, message, format) in (of(float()), of(text()), of(text()), of(text())),
        (creation_time, last_modification_time) in (of(timestamp()), of(timestamp())),
        import_mode in of(enumeration(ImportMode::VALUES)),
    ) -> DescribeDatasetImportJobResponse {
        DescribeDatasetImportJobResponse {
            dataset_import_job_name, dataset_import_job_arn, dataset_arn, timestamp_format,
            time_zone, use_geolocation_for_time_zone, geolocation_format, data_source,
            estimated_time_remaining_in_minutes, field_statistics, data_size, status, message,
            creation_time, last_modification_time, format, import_mode,
        }
    }
}

prop_compose! {
    /// `CreateForecastExportJob`'s input.
    pub fn create_forecast_export_job_request()(
        (forecast_export_job_name, forecast_arn) in (text(), text()),
        destination in destination(),
        tags in of(vec(tag(), 0..4)),
        format in of(text()),
    ) -> CreateForecastExportJobRequest {
        CreateForecastExportJobRequest { forecast_export_job_name, forecast_arn, destination, tags, format }
    }
}

prop_compose! {
    /// `ListForecasts`' input.
    pub fn list_forecasts_request()(
        next_token in of(text()),
        max_results in of(any::<i32>()),
        filters in of(vec(filter(), 0..4)),
    ) -> ListForecastsRequest {
        ListForecastsRequest { next_token, max_results, filters }
    }
}

prop_compose! {
    /// `ListDatasetImportJobs`' input.
    pub fn list_dataset_import_jobs_request()(
        next_token in of(text()),
        max_results in of(any::<i32>()),
        filters in of(vec(filter(), 0..4)),
    ) -> ListDatasetImportJobsRequest {
        ListDatasetImportJobsRequest { next_token, max_results, filters }
    }
}
