//! What the client knows of the service it calls: its names, its signing name and its
//! endpoint rules, as the generator reads them from the model.

/// A service as the client calls it. The generated crate has one, `SERVICE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Service {
    /// The service's title in the model.
    pub title: &'static str,
    /// The `sdkId` of `aws.api#service`: `AWS_ENDPOINT_URL_<SDK_ID>` overrides the
    /// endpoint.
    pub sdk_id: &'static str,
    /// The name SigV4 signs for, from `aws.auth#sigv4`.
    pub signing_name: &'static str,
    /// The API version.
    pub version: &'static str,
    /// The `smithy.rules#endpointRuleSet`, as JSON, when the model has one; without
    /// one, every client needs an endpoint URL.
    pub endpoint_rules: Option<&'static str>,
}

impl Service {
    /// The environment variable that overrides this service's endpoint:
    /// `AWS_ENDPOINT_URL_` and the `sdkId` in upper case, spaces as underscores.
    pub fn endpoint_variable(&self) -> String {
        let id: String = self
            .sdk_id
            .chars()
            .map(|c| match c {
                ' ' | '-' => '_',
                c => c.to_ascii_uppercase(),
            })
            .collect();
        format!("AWS_ENDPOINT_URL_{id}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_endpoint_variable_is_the_sdk_id_in_upper_case() {
        let service = Service {
            title: "Amazon Forecast Service",
            sdk_id: "forecast",
            signing_name: "forecast",
            version: "2018-06-26",
            endpoint_rules: None,
        };
        assert_eq!(service.endpoint_variable(), "AWS_ENDPOINT_URL_FORECAST");
        let spaced = Service {
            sdk_id: "Elastic Load Balancing v2",
            ..service
        };
        assert_eq!(
            spaced.endpoint_variable(),
            "AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2"
        );
    }
}
