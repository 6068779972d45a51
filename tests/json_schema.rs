//! The JSON Schema files in `schema/` are generated from the model's tables
//! (`datasync_task_validator::json_schema`). This test fails when a checked-in
//! file is stale; run it with `UPDATE_GENERATED=1` to rewrite them:
//!
//! ```sh
//! UPDATE_GENERATED=1 cargo test --test json_schema
//! ```
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::PathBuf;

use datasync_task_validator::internal::json_schema::{document_text, file_name};
use datasync_task_validator::Operation;

fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schema")
}

#[test]
fn the_checked_in_schema_files_are_what_the_tables_generate() {
    let update = std::env::var_os("UPDATE_GENERATED").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    for &operation in Operation::ALL {
        let path = folder().join(file_name(operation));
        let expected = document_text(operation);
        let found = fs::read_to_string(&path).unwrap_or_default();
        if found == expected {
            continue;
        }
        if update {
            fs::create_dir_all(folder()).expect("create schema/");
            fs::write(&path, &expected).expect("write the schema file");
        } else {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files (rewrite them with `UPDATE_GENERATED=1 cargo test --test json_schema`): {stale:?}"
    );
}

#[test]
fn the_folder_holds_one_file_per_operation_and_nothing_else() {
    let mut names: Vec<String> = fs::read_dir(folder())
        .expect("schema/ exists")
        .map(|entry| {
            entry
                .expect("a directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    let mut expected: Vec<String> = Operation::ALL
        .iter()
        .map(|&op| file_name(op).to_owned())
        .collect();
    expected.sort();
    assert_eq!(names, expected);
}
