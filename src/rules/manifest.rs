//! Manifest rules (docs/rules/manifest-*.md).
//!
//! Why: since February 2024 the service rejects a manifest without a Source; a
//! manifest with filters is a warning (no source says the service rejects the
//! pair, nor which of the two it applies); a manifest transfer never deletes.
//! Invalid: `{"ManifestConfig": {"Action": "TRANSFER"}, "Includes": [...]}`.
//! Fix: give `ManifestConfig.Source.S3` and drop the filters.
//!
//! In UpdateTask and StartTaskExecution an empty `ManifestConfig` (`{}`)
//! removes the task's manifest (API reference), so it is not checked.

use crate::diagnostic::{Code, Collector, Diagnostic};
use crate::request::{options, Request};
use crate::rules::Context;
use crate::schema::Operation;

const MISSING_SOURCE: &str = "ManifestConfig needs a Source with the manifest's S3 bucket ARN, object path and access role; without it the service rejects the request.";

fn with_filters(list: &str) -> String {
    format!(
        "{list} with ManifestConfig: which of the two the service applies is not documented; list exactly what to transfer in the manifest, or remove the manifest and keep the filter."
    )
}

/// `how`: "is", or "keeps the task's" for a REMOVE the request leaves to the
/// described task (hunt36 #1: as every rule on merged options says).
fn remove_deletes_nothing(how: &str) -> String {
    format!("PreserveDeletedFiles {how} REMOVE, which has no effect with a manifest, because a manifest transfer deletes nothing at the destination; use PRESERVE or remove the manifest.")
}

/// Applies the three manifest rules.
pub fn check(request: &Request, _context: &Context, out: &mut Collector) {
    // A ManifestConfig that is not an object is a type error, reported elsewhere.
    let Some(manifest) = request.values.manifest else {
        return;
    };
    if !manifest.has_members && request.operation() != Operation::CreateTask {
        return;
    }
    if !manifest.has_source {
        out.push(Diagnostic::new(
            Code::ManifestMissingSource,
            "/ManifestConfig/Source",
            MISSING_SOURCE,
        ));
    }
    for list in ["Includes", "Excludes"] {
        if request.has_items(list) {
            out.push(
                Diagnostic::new(
                    Code::ManifestWithFilters,
                    format!("/{list}"),
                    with_filters(list),
                )
                .with("related", vec!["/ManifestConfig"]),
            );
        }
    }
    let preserve = request.option(options::PRESERVE_DELETED_FILES);
    if preserve.is("REMOVE") {
        out.push(
            Diagnostic::new(
                Code::ManifestRemoveDeletesNothing,
                request.option_path("PreserveDeletedFiles"),
                remove_deletes_nothing(preserve.how()),
            )
            .with("related", vec!["/ManifestConfig"]),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, findings};

    const MANIFEST: &str = r#""ManifestConfig":{"Source":{"S3":{"ManifestObjectPath":"prefix/my-manifest.csv","BucketAccessRoleArn":"arn:aws:iam::111122223333:role/r","S3BucketArn":"arn:aws:s3:::bucket"}}}"#;

    #[test]
    fn a_complete_manifest_is_fine() {
        assert_eq!(findings(MANIFEST), []);
    }

    #[test]
    fn a_manifest_needs_a_source() {
        assert_eq!(
            findings(r#""ManifestConfig":{"Action":"TRANSFER"}"#),
            [at("/ManifestConfig/Source", "manifest/missing-source")]
        );
    }

    #[test]
    fn a_manifest_excludes_filters_but_not_empty_lists() {
        let filter = r#"[{"FilterType":"SIMPLE_PATTERN","Value":"/a"}]"#;
        assert_eq!(
            findings(&format!(
                r#"{MANIFEST},"Includes":{filter},"Excludes":{filter}"#
            )),
            [
                at("/Excludes", "manifest/with-filters"),
                at("/Includes", "manifest/with-filters")
            ]
        );
        assert_eq!(findings(&format!(r#"{MANIFEST},"Includes":[]"#)), []);
    }

    #[test]
    fn a_manifest_of_the_wrong_type_adds_no_cross_field_findings() {
        assert_eq!(
            findings(
                r#""ManifestConfig":null,"Includes":[{"FilterType":"SIMPLE_PATTERN","Value":"/a"}]"#
            ),
            [at("/ManifestConfig", "value/wrong-type")]
        );
    }

    #[test]
    fn an_empty_manifest_removes_the_task_manifest_in_update_and_start() {
        use crate::rules::testing::{call_options, findings_in, task_request};
        use crate::schema::Operation::{StartTaskExecution, UpdateTask};
        for operation in [UpdateTask, StartTaskExecution] {
            assert_eq!(
                findings_in(
                    &task_request(r#""ManifestConfig":{}"#),
                    call_options(operation, None)
                ),
                [],
                "{operation:?}"
            );
            assert_eq!(
                findings_in(
                    &task_request(r#""ManifestConfig":{"Action":"TRANSFER"}"#),
                    call_options(operation, None)
                ),
                [at("/ManifestConfig/Source", "manifest/missing-source")],
                "{operation:?}"
            );
        }
        // CreateTask has no manifest to remove: an empty one still lacks its Source.
        assert_eq!(
            findings(r#""ManifestConfig":{}"#),
            [at("/ManifestConfig/Source", "manifest/missing-source")]
        );
    }

    #[test]
    fn a_run_with_a_manifest_deletes_nothing_whatever_the_task_says() {
        use crate::rules::testing::{call_options, findings_in, task_request};
        use crate::schema::Operation::StartTaskExecution;
        let request = task_request(MANIFEST);
        let removing = r#"{"Options":{"PreserveDeletedFiles":"REMOVE"}}"#;
        assert_eq!(
            findings_in(&request, call_options(StartTaskExecution, Some(removing))),
            [at(
                "/OverrideOptions/PreserveDeletedFiles",
                "manifest/remove-deletes-nothing"
            )]
        );
        assert_eq!(
            findings_in(&request, call_options(StartTaskExecution, None)),
            []
        );
        // The message says the REMOVE is the task's, not the request's.
        let context = call_options(StartTaskExecution, Some(removing));
        let report = crate::validate_text(&request, &context.context(crate::Context::at(0)));
        assert_eq!(
            report.diagnostics.iter().map(|d| d.message.as_ref()).collect::<Vec<&str>>(),
            ["PreserveDeletedFiles keeps the task's REMOVE, which has no effect with a manifest, because a manifest transfer deletes nothing at the destination; use PRESERVE or remove the manifest."]
        );
    }

    #[test]
    fn a_manifest_transfer_deletes_nothing() {
        assert_eq!(
            findings(&format!(
                r#"{MANIFEST},"Options":{{"PreserveDeletedFiles":"REMOVE"}}"#
            )),
            [at(
                "/Options/PreserveDeletedFiles",
                "manifest/remove-deletes-nothing"
            )]
        );
    }
}
