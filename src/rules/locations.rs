//! Location rules: the source and destination should differ.
//!
//! Why: copying a location onto itself is never what a person meant.
//! Invalid: the same ARN in SourceLocationArn and DestinationLocationArn.
//! Fix: pick the destination location's ARN.

use crate::diagnostic::{Code, Diagnostic};
use crate::patterns::Pattern;
use crate::request::Request;
use crate::rules::Context;

const SAME_LOCATION: &str = "DestinationLocationArn is the same location as SourceLocationArn, so the task would copy the location onto itself; choose a different destination.";

/// Warns when both ends of the transfer are one location.
pub fn check(request: &Request, _context: &Context, out: &mut Vec<Diagnostic>) {
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
