//! The params shapes the JS reader builds with one literal each (the
//! `switch` in `diagnostics` in js/text-path.mjs), generated from the
//! code registry (src/diagnostic.rs) by tests/generated.rs
//! (UPDATE_GENERATED=1 cargo test --test generated); do not edit by hand.

/// Each shape's names, in order, at its number less one (0 is none).
pub(super) const SHAPES: [&[&str]; 25] = [
    &["line", "column"],
    &["actual"],
    &["member", "suggestion"],
    &["member"],
    &["expected", "actual"],
    &["min", "value"],
    &["allowed", "suggestion"],
    &["allowed"],
    &["min", "length"],
    &["max", "length"],
    &["pattern"],
    &["max", "count"],
    &["related"],
    &["expected", "actual", "suggestion"],
    &["suggestion"],
    &["now", "lastYear"],
    &["pattern", "count"],
    &["pattern", "suggestion", "count"],
    &["total", "shown"],
    &["source", "destination", "related"],
    &["source", "destination"],
    &["location", "related"],
    &["location"],
    &["storageClass", "related"],
    &["storageClass"],
];

/// Each code's shapes at its number (its place in `Code::ALL`): its whole
/// params', then its required members' (0: none, or the same).
pub(super) const CODE_SHAPES: [[u8; 2]; 53] = [
    [1, 0], // json/syntax-error
    [1, 0], // json/too-deep
    [0, 0], // json/duplicate-member
    [0, 0], // input/not-serializable
    [2, 0], // request/not-an-object
    [3, 4], // request/unknown-member
    [4, 0], // request/missing-member
    [5, 0], // value/wrong-type
    [0, 0], // value/integer-out-of-range
    [6, 0], // value/below-minimum
    [7, 8], // value/not-in-enum
    [9, 0], // value/too-short
    [10, 0], // value/too-long
    [11, 0], // value/pattern-mismatch
    [0, 0], // value/invalid-unicode
    [12, 0], // list/too-many-items
    [13, 0], // options/atime-mtime-mismatch
    [13, 0], // options/enhanced-mtime-none
    [13, 0], // options/remove-with-transfer-all
    [13, 0], // options/enhanced-point-in-time
    [13, 0], // logging/log-group-unused
    [13, 0], // logging/no-log-group
    [14, 0], // logging/enhanced-log-group-name
    [14, 0], // logging/enhanced-log-group-ignored
    [0, 0], // manifest/missing-source
    [13, 0], // manifest/with-filters
    [13, 0], // manifest/remove-deletes-nothing
    [13, 0], // report/summary-ignores-levels
    [13, 0], // report/deleted-without-remove
    [0, 0], // schedule/invalid-expression
    [15, 0], // schedule/five-field-cron
    [15, 0], // schedule/too-frequent
    [15, 0], // schedule/nonstandard-spelling
    [15, 0], // schedule/rate-unit-singular-plural
    [16, 0], // schedule/never-fires
    [0, 0], // filter/empty-pattern
    [17, 0], // filter/include-wildcard-not-last
    [18, 0], // filter/include-trailing-wildcards
    [17, 0], // filter/include-without-slash
    [17, 0], // filter/pattern-whitespace
    [0, 0], // filter/missing-value
    [10, 0], // filter/combined-too-long
    [13, 0], // tag/duplicate-key
    [0, 0], // tag/reserved-prefix
    [13, 0], // locations/same-location
    [19, 0], // report/truncated
    [20, 21], // locations/posix-between-object-stores
    [20, 0], // locations/enhanced-unsupported-pair
    [22, 23], // locations/nfs-version-needs-enhanced
    [13, 0], // locations/efs-preserve-devices
    [24, 25], // locations/archive-point-in-time
    [24, 25], // locations/archive-default-verify-mode
    [22, 23], // locations/agentless-needs-enhanced
];
