//! Endpoints: the model's `smithy.rules#endpointRuleSet`, evaluated for a region and
//! the other parameters the rules declare.
