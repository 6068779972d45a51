//! A bounded-time mutation fuzzer for the core: starts from every fixture
//! request, applies random byte-level and token-level mutations, and checks
//! that validation, defaults and schedule description never panic, that
//! reports are deterministic and sorted, and that valid JSON keeps a valid
//! pointer on every diagnostic.
//!
//! Runs for `FUZZ_SECONDS` (default 3) and prints how many inputs it ran:
//!
//!   FUZZ_SECONDS=60 cargo test --release --test fuzz -- --nocapture

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use datasync_task_validator::{
    describe_schedule, fill_defaults, json, validate_text, Context, Operation, Task,
};

/// Tokens worth splicing in: JSON syntax, enum values, schedule pieces, hostile text.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "null",
    "true",
    "-1",
    "0",
    "1e999",
    "1.5",
    "9223372036854775808",
    "\"NONE\"",
    "\"ENHANCED\"",
    "\"REMOVE\"",
    "\"ALL\"",
    "\"OFF\"",
    "\"Options\"",
    "\"Tags\"",
    "\"Key\"",
    "\"Schedule\"",
    "\"ScheduleExpression\"",
    "\"cron(0 8 * * 3#1)\"",
    "\"rate(1 minute)\"",
    "\"cron(0 0 31 2 ? *)\"",
    "\"aws:x\"",
    "\"/a*b||\"",
    "\\ud800",
    "\\u0000",
    "é",
    "\u{2028}",
    "~1",
    "/",
    "*",
    "?",
    "#",
    "L",
    "W",
];

/// A small deterministic generator (xorshift), so a failure can be replayed from its seed.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(seed: &str, random: &mut Random) -> String {
    let mut bytes = seed.as_bytes().to_vec();
    for _ in 0..=random.below(4) {
        let at = random.below(bytes.len() + 1);
        match random.below(4) {
            0 => {
                let token = TOKENS[random.below(TOKENS.len())];
                bytes.splice(at..at, token.bytes());
            }
            1 => {
                let end = (at + random.below(16)).min(bytes.len());
                bytes.drain(at..end);
            }
            2 => {
                if let Some(byte) = bytes.get_mut(at) {
                    *byte = (random.next() & 0x7f) as u8;
                }
            }
            _ => {
                let start = random.below(bytes.len() + 1);
                let end = (start + random.below(64)).min(bytes.len());
                let copy: Vec<u8> = bytes[start..end].to_vec();
                bytes.splice(at..at, copy);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn seeds() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut seeds = Vec::new();
    for kind in ["valid", "invalid", "operations"] {
        for entry in fs::read_dir(root.join(kind)).expect("fixtures") {
            let path = entry.expect("entry").path();
            let name = path.to_string_lossy();
            if name.ends_with(".json")
                && !name.ends_with(".expected.json")
                && !name.ends_with(".options.json")
            {
                let text = fs::read_to_string(&path).expect("fixture");
                if text.len() < 20_000 {
                    seeds.push(text);
                }
            }
        }
    }
    seeds.sort();
    seeds
}

#[test]
fn mutated_requests_never_break_the_core() {
    let seconds: u64 = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let seeds = seeds();
    let context = Context::at(1_795_564_800);
    let mut random = Random(0x9e37_79b9_7f4a_7c15);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut inputs = 0u64;
    let mut parsed_ok = 0u64;
    while Instant::now() < deadline {
        let seed = &seeds[random.below(seeds.len())];
        let text = mutate(seed, &mut random);
        let report = validate_text(&text, &context);
        assert_eq!(
            report,
            validate_text(&text, &context),
            "not deterministic: {text}"
        );
        let keys: Vec<_> = report.diagnostics.iter().map(|d| d.sort_key()).collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]), "not sorted: {text}");
        if let Ok(parsed) = json::parse(&text) {
            parsed_ok += 1;
            for diagnostic in &report.diagnostics {
                assert!(
                    diagnostic.path.is_empty() || diagnostic.path.starts_with('/'),
                    "bad pointer {:?} for {text}",
                    diagnostic.path
                );
            }
            if let Some(filled) = fill_defaults(&parsed.value) {
                let _ = validate_text(&json::to_string(&filled), &context);
            }
            // The other operations, with the mutated text also read as the task's description.
            let operation = Operation::ALL[random.below(Operation::ALL.len())];
            let judged = context.for_operation(operation);
            let task = Task::from_description(&parsed.value);
            let with_task = match &task {
                Ok(task) => judged.with_task(task),
                Err(_) => judged,
            };
            for context in [judged, with_task] {
                let report = validate_text(&text, &context);
                assert_eq!(
                    report,
                    validate_text(&text, &context),
                    "not deterministic: {text}"
                );
            }
            if let Some(expression) = parsed
                .value
                .get("Schedule")
                .and_then(|s| s.get("ScheduleExpression"))
                .and_then(|e| e.as_str())
            {
                let _ = describe_schedule(expression, 1_795_564_800, 5);
            }
        }
        inputs += 1;
    }
    println!(
        "fuzz: {inputs} mutated requests in {seconds}s ({parsed_ok} still well-formed JSON), no panic"
    );
    assert!(inputs > 0);
}
