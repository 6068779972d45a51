//! Location rules: the source and destination should differ.
//!
//! Why: copying a location onto itself is never what a person meant.
//! Invalid: the same ARN in SourceLocationArn and DestinationLocationArn.
//! Fix: pick the destination location's ARN.

use crate::diagnostic::{Code, Collector, Diagnostic};
use crate::patterns::Pattern;
use crate::request::Request;
use crate::rules::Context;

const SAME_LOCATION: &str = "DestinationLocationArn is the same location as SourceLocationArn, so the task would copy the location onto itself; choose a different destination.";

/// Warns when both ends of the transfer are one location.
pub fn check(request: &Request, _context: &Context, out: &mut Collector) {
    let source = request.str_at(&["SourceLocationArn"]);
    let destination = request.str_at(&["DestinationLocationArn"]);
    if let (Some(source), Some(destination)) = (source, destination) {
        if source == destination && Pattern::LocationArn.matches(source) {
            out.push(
                Diagnostic::new(Code::SameLocation, "/DestinationLocationArn", SAME_LOCATION)
                    .with("related", vec!["/SourceLocationArn"]),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::findings;
    use crate::{validate_text, Context};

    #[test]
    fn different_locations_are_fine() {
        assert_eq!(findings(""), []);
    }

    #[test]
    fn the_same_location_at_both_ends_is_a_warning() {
        let arn = "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0";
        let text = format!(r#"{{"SourceLocationArn":"{arn}","DestinationLocationArn":"{arn}"}}"#);
        let report = validate_text(&text, &Context::default());
        assert!(report.is_valid());
        assert_eq!(
            report.diagnostics[0].code.as_str(),
            "locations/same-location"
        );
        assert_eq!(report.diagnostics[0].path, "/DestinationLocationArn");
    }
}
