//! Helpers shared by the integration tests. Cargo builds each `tests/*.rs`
//! as its own crate and does not build this folder as a test of its own; a
//! test that needs a helper declares `mod common;`.

// Each test crate that declares `mod common;` uses only some of the helpers.
#![allow(dead_code)]

pub mod shrink;

use datasync_task_validator::json::{self, Value};
use datasync_task_validator::CallOptions;

/// A `tests/fixtures/locations/` fixture, `{ "locations": [...], "request": {...} }`,
/// read: its request, and its other members as the options argument `validate`
/// takes (so an unknown member is refused there, not skipped here).
pub fn location_fixture(text: &str) -> (Value<'_>, CallOptions) {
    let Value::Object(members) = json::parse(text).expect("fixture JSON").value else {
        panic!("a fixture object")
    };
    let (request, options): (Vec<_>, Vec<_>) = members
        .into_iter()
        .partition(|(name, _)| &**name == "request");
    let (_, request) = request.into_iter().next().expect("a request member");
    let options = CallOptions::from_json(&Value::Object(options)).expect("valid options");
    (request, options)
}
