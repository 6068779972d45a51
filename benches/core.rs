//! Native timings of the core alone (no JS boundary), to tell core cost from
//! boundary cost when reading bench/bench.mjs. Prints figures; asserts nothing.
//!
//!   cargo bench --bench core

use std::hint::black_box;
use std::time::{Duration, Instant};

use datasync_task_validator::{validate_text, Context};

const BASE: &str = r#"{"SourceLocationArn":"arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0","DestinationLocationArn":"arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210""#;

/// Mean time per call over at least half a second.
fn per_call(text: &str) -> Duration {
    let context = Context::at(1_795_564_800);
    let mut calls = 0u32;
    let start = Instant::now();
    while start.elapsed() < Duration::from_millis(500) {
        black_box(validate_text(black_box(text), &context));
        calls += 1;
    }
    start.elapsed() / calls
}

fn main() {
    for name in ["minimal", "full-basic", "full-enhanced", "many-problems"] {
        let path = format!("{}/examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("example request");
        println!("{name:>16}: {:?} per call", per_call(&text));
    }
    for count in [100usize, 1_000] {
        let tags: Vec<String> = (0..count)
            .map(|i| format!(r#"{{"Key":"key-{i}","Value":"value {i}"}}"#))
            .collect();
        let text = format!(r#"{BASE},"Tags":[{}]}}"#, tags.join(","));
        println!(
            "{:>16}: {:?} per call",
            format!("{count} tags"),
            per_call(&text)
        );
    }
    // Lone-surrogate keys: each is reported once, its pattern mismatch
    // suppressed through a set (a list made this quadratic).
    for count in [1_000usize, 10_000, 100_000] {
        let tags: Vec<String> = (0..count)
            .map(|i| format!(r#"{{"Key":"\udc00{i}"}}"#))
            .collect();
        let text = format!(r#"{BASE},"Tags":[{}]}}"#, tags.join(","));
        println!(
            "{:>16}: {:?} per call",
            format!("{count} broken keys"),
            per_call(&text)
        );
    }
    for bytes in [10_000usize, 100_000, 1_000_000] {
        let value = "a".repeat(bytes - 1);
        let text = format!(
            r#"{BASE},"Excludes":[{{"FilterType":"SIMPLE_PATTERN","Value":"/{value}"}}]}}"#
        );
        println!(
            "{:>16}: {:?} per call",
            format!("filter {bytes} B"),
            per_call(&text)
        );
    }
}
