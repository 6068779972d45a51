//! Helpers shared by the integration tests. Cargo builds each `tests/*.rs`
//! as its own crate and does not build this folder as a test of its own; a
//! test that needs a helper declares `mod common;`.

pub mod shrink;
