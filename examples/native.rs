//! Validating a request from Rust: describe the two locations, name the
//! operation, print the report, and exit with status 1 when it has errors.
//!
//! ```sh
//! cargo run --example native                            # the request below: two errors, status 1
//! cargo run --example native -- examples/minimal.json   # a request from a file
//! ```
//!
//! A request from a file is judged as this program's: a CreateTask request
//! between the two S3 buckets below (its ARNs are the examples' ones). An
//! UpdateTask or StartTaskExecution request, or other locations, need their
//! own `Operation` and `Location` descriptions.

use std::process::ExitCode;

use datasync_task_validator::{validate_text, Context, Location, LocationType, Operation};

const SOURCE: &str = "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0";
const DESTINATION: &str = "arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210";

/// A CreateTask request that keeps POSIX ownership between two S3 buckets,
/// which have none: the service rejects it, but only the locations tell.
const REQUEST: &str = r#"{
  "SourceLocationArn": "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0",
  "DestinationLocationArn": "arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210",
  "Name": "copy-reports",
  "Options": { "Uid": "INT_VALUE", "Gid": "INT_VALUE" }
}"#;

fn main() -> ExitCode {
    let text = match std::env::args_os().nth(1) {
        None => REQUEST.to_owned(),
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("cannot read {}: {error}", path.to_string_lossy());
                return ExitCode::from(2);
            }
        },
    };

    // What the caller knows besides the request: here, that both locations
    // are S3 buckets (a ListLocations response says so), and the operation.
    let locations = [
        Location::of_type(SOURCE, LocationType::S3),
        Location::of_type(DESTINATION, LocationType::S3),
    ];
    // The system clock, as validate() in JavaScript reads Date.now():
    // without one, a schedule whose runs are all in the past is not reported.
    // (A native program's: wasm32-unknown-unknown has no system clock.)
    let context = Context::default();
    #[cfg(not(target_arch = "wasm32"))]
    let context = context.with_system_clock();
    let context = context
        .for_operation(Operation::CreateTask)
        .with_locations(&locations);

    let report = validate_text(&text, &context);
    println!("{report}");
    if report.is_valid() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
