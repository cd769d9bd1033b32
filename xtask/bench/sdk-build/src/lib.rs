//! Depends on aws-sdk-forecast and aws-config, with their default features.

pub use aws_config;
pub use aws_sdk_forecast as measured;
