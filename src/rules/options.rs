//! Cross-field rules between Options members and the task mode (docs/rules/options-*.md),
//! judged on *effective* values: in CreateTask an omitted option takes its
//! default for the mode; in UpdateTask and StartTaskExecution (`OverrideOptions`)
//! it keeps the described task's setting, and is unknown without a task
//! description, so a rule that needs it is not applied. The mode of those
//! requests is the task's: without a description no mode rule applies.
//!
//! A rule fires only when the request itself sets at least one member it
//! involves: the described task's own stored state is not this request's
//! doing (in CreateTask the defaults of a mode always agree, so every
//! finding there involves a member the request sets).
//!
//! Why: the service rejects these combinations. `options/enhanced-bandwidth-limit`
//! (a bandwidth limit in Enhanced mode) is retired: the API model no longer
//! says it does not apply.
//! Invalid: `{"Options": {"Mtime": "NONE"}}` (Atime defaults to BEST_EFFORT).
//! Fix: `{"Options": {"Mtime": "NONE", "Atime": "NONE"}}`.

use crate::diagnostic::{fixed, Code, Collector, Diagnostic, Fixed, PatchOp};
use crate::json::Value;
use crate::request::{options, Request, Setting, TaskMode};
use crate::rules::Context;
use crate::schema::Operation;

/// Whether the request itself sets one of these members: the condition of
/// every rule here (the task's stored state is not this request's doing).
fn sets_one_of(one: Setting, other: Setting) -> bool {
    one.is_explicit() || other.is_explicit()
}

/// The message of `options/atime-mtime-mismatch`; `known` is false when the
/// mode is not (then the pair is Atime BEST_EFFORT with Mtime NONE, which
/// neither mode takes).
fn atime_mtime_mismatch(atime: Setting, mtime: Setting, known: bool) -> String {
    let how = |setting: Setting| setting.how();
    let (atime_value, mtime_value) = (atime.value().unwrap_or(""), mtime.value().unwrap_or(""));
    let fix = if atime_value == "NONE" {
        "set Mtime to NONE too, or Atime to BEST_EFFORT"
    } else {
        "set Atime to NONE too, or Mtime to PRESERVE"
    };
    let fix = if !known {
        "set Mtime to PRESERVE: Enhanced mode takes no Mtime NONE"
    } else if mtime_value == "NONE" && !atime.is_explicit() {
        "set Atime to NONE as well"
    } else if atime_value == "NONE" && !mtime.is_explicit() {
        "set Mtime to NONE as well"
    } else {
        fix
    };
    format!(
        "In Basic mode Atime and Mtime must agree (BEST_EFFORT with PRESERVE, or NONE with NONE), but Atime {} {atime_value} and Mtime {} {mtime_value}; {fix}.",
        how(atime),
        how(mtime)
    )
}

fn enhanced_mtime_none(creating: bool) -> Fixed {
    if creating {
        fixed!("Enhanced mode does not support Mtime NONE; use PRESERVE (the default) or choose Basic mode.")
    } else {
        fixed!("The task runs in Enhanced mode, which does not support Mtime NONE; use PRESERVE.")
    }
}

/// The message of `options/remove-with-transfer-all`; when a value comes from
/// the described task (an UpdateTask or a run that sets only the other
/// member), it says so, as `options/atime-mtime-mismatch` does.
fn remove_with_transfer_all(transfer: Setting, deleted: Setting) -> String {
    let why = "when DataSync copies everything it does not scan the destination, so it cannot know what to delete; use TransferMode CHANGED or PreserveDeletedFiles PRESERVE.";
    if transfer.is_explicit() && deleted.is_explicit() {
        return format!(
            "TransferMode ALL cannot be combined with PreserveDeletedFiles REMOVE: {why}"
        );
    }
    format!(
        "TransferMode ALL cannot be combined with PreserveDeletedFiles REMOVE, but TransferMode {} ALL and PreserveDeletedFiles {} REMOVE: {why}",
        transfer.how(),
        deleted.how()
    )
}

fn enhanced_point_in_time(creating: bool) -> Fixed {
    if creating {
        fixed!("Enhanced mode does not support VerifyMode POINT_IN_TIME_CONSISTENT; use ONLY_FILES_TRANSFERRED (the Enhanced default) or NONE, or choose Basic mode.")
    } else {
        fixed!("The task runs in Enhanced mode, which does not support VerifyMode POINT_IN_TIME_CONSISTENT; use ONLY_FILES_TRANSFERRED or NONE.")
    }
}

/// Applies the four options rules. `options/remove-with-transfer-all` (deleting needs the destination scan that
/// TransferMode ALL skips) holds in every mode.
pub fn check(request: &Request, _context: &Context, out: &mut Collector) {
    // options/remove-with-transfer-all holds in every mode, so it is judged even when TaskMode is invalid.
    let (transfer, deleted) = (
        request.option(options::TRANSFER_MODE),
        request.option(options::PRESERVE_DELETED_FILES),
    );
    if deleted.is("REMOVE") && transfer.is("ALL") && sets_one_of(transfer, deleted) {
        // At TransferMode, unless only PreserveDeletedFiles is in the request
        // (TransferMode is the task's): point at what the request says.
        let (blamed, other) = if !transfer.is_explicit() && deleted.is_explicit() {
            ("PreserveDeletedFiles", "TransferMode")
        } else {
            ("TransferMode", "PreserveDeletedFiles")
        };
        out.push(
            Diagnostic::new(
                Code::RemoveWithTransferAll,
                request.option_path(blamed),
                remove_with_transfer_all(transfer, deleted),
            )
            .with("related", vec![request.option_path(other)]),
        );
    }

    // `None` when the mode is unknown (an invalid TaskMode, or an update or
    // run without the task): then only what holds in every mode is judged.
    let mode = request.task_mode();
    // Only a new task can still choose its mode.
    let creating = request.operation() == Operation::CreateTask;
    let atime = request.option(options::ATIME);
    let mtime = request.option(options::MTIME);

    // options/atime-mtime-mismatch: Basic mode pairs Atime and Mtime. Atime
    // BEST_EFFORT with Mtime NONE is refused in Enhanced mode too (no Mtime
    // NONE there), so that pair is judged when the mode is unknown as well;
    // Atime NONE with Mtime PRESERVE is fine in Enhanced mode, so it is not.
    let known = mode.is_some();
    if mode != Some(TaskMode::Enhanced) && sets_one_of(atime, mtime) {
        let agree = match (atime.value(), mtime.value()) {
            (Some("BEST_EFFORT"), Some("PRESERVE")) | (Some("NONE"), Some("NONE")) => true,
            (Some("NONE"), Some(_)) => !known,
            (Some(_), Some(_)) => false,
            _ => true,
        };
        if !agree {
            // Point at the member the user has not set, else at Atime; with
            // the mode unknown at Mtime, whose PRESERVE suits both modes.
            let (blamed, other) = if !known || atime.is_explicit() && !mtime.is_explicit() {
                ("Mtime", "Atime")
            } else {
                ("Atime", "Mtime")
            };
            let mut related = vec![Value::from(request.option_path(other))];
            related.extend(request.mode_related());
            // The fix gives the blamed member the value that agrees with the other.
            let (setting, value) = if blamed == "Atime" {
                (
                    atime,
                    if mtime.is("NONE") {
                        "NONE"
                    } else {
                        "BEST_EFFORT"
                    },
                )
            } else {
                (mtime, if atime.is("NONE") { "NONE" } else { "PRESERVE" })
            };
            let (path, value) = (request.option_path(blamed), value.into());
            let fix = if setting.is_explicit() {
                PatchOp::Replace { path, value }
            } else {
                PatchOp::Add { path, value }
            };
            // An added member needs its options object; when both values come
            // from elsewhere (the task, defaults) there may be none to patch.
            let fix = request.values.has_options.then_some(fix);
            let mut diagnostic = Diagnostic::new(
                Code::AtimeMtimeMismatch,
                request.option_path(blamed),
                atime_mtime_mismatch(atime, mtime, known),
            )
            .with_related(related);
            if let Some(fix) = fix {
                diagnostic = diagnostic.with_fix(fix);
            }
            out.push(diagnostic);
        }
    }

    // options/enhanced-mtime-none: Enhanced mode keeps modification times.
    if mode == Some(TaskMode::Enhanced) && mtime == Setting::Explicit("NONE") {
        out.push(
            Diagnostic::of(
                Code::EnhancedMtimeNone,
                request.option_pointer(options::MTIME),
                enhanced_mtime_none(creating),
            )
            .with_related(request.mode_related()),
        );
    }

    // options/enhanced-point-in-time: Enhanced mode cannot verify a whole location.
    if mode == Some(TaskMode::Enhanced)
        && request.option(options::VERIFY_MODE) == Setting::Explicit("POINT_IN_TIME_CONSISTENT")
    {
        out.push(
            Diagnostic::of(
                Code::EnhancedPointInTime,
                request.option_pointer(options::VERIFY_MODE),
                enhanced_point_in_time(creating),
            )
            .with_related(request.mode_related()),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, findings};

    #[test]
    fn basic_mode_pairs_atime_with_mtime_on_effective_values() {
        assert_eq!(
            findings(r#""Options":{"Atime":"BEST_EFFORT","Mtime":"PRESERVE"}"#),
            []
        );
        assert_eq!(findings(r#""Options":{"Atime":"NONE","Mtime":"NONE"}"#), []);
        let mismatch = "options/atime-mtime-mismatch";
        // The omitted member is the one to set.
        assert_eq!(
            findings(r#""Options":{"Mtime":"NONE"}"#),
            [at("/Options/Atime", mismatch)]
        );
        assert_eq!(
            findings(r#""Options":{"Atime":"NONE"}"#),
            [at("/Options/Mtime", mismatch)]
        );
        assert_eq!(
            findings(r#""Options":{"Atime":"BEST_EFFORT","Mtime":"NONE"}"#),
            [at("/Options/Atime", mismatch)]
        );
    }

    #[test]
    fn enhanced_mode_frees_atime_but_keeps_mtime() {
        assert_eq!(
            findings(r#""TaskMode":"ENHANCED","Options":{"Atime":"NONE"}"#),
            []
        );
        assert_eq!(
            findings(r#""TaskMode":"ENHANCED","Options":{"Atime":"NONE","Mtime":"NONE"}"#),
            [at("/Options/Mtime", "options/enhanced-mtime-none")]
        );
    }

    #[test]
    fn remove_cannot_go_with_transfer_all() {
        assert_eq!(
            findings(r#""Options":{"PreserveDeletedFiles":"REMOVE"}"#),
            []
        );
        assert_eq!(findings(r#""Options":{"TransferMode":"ALL"}"#), []);
        assert_eq!(
            findings(r#""Options":{"PreserveDeletedFiles":"REMOVE","TransferMode":"ALL"}"#),
            [at(
                "/Options/TransferMode",
                "options/remove-with-transfer-all"
            )]
        );
    }

    #[test]
    fn enhanced_mode_cannot_verify_point_in_time() {
        // The Enhanced default is ONLY_FILES_TRANSFERRED, so only an explicit value conflicts.
        assert_eq!(findings(r#""TaskMode":"ENHANCED""#), []);
        assert_eq!(
            findings(
                r#""TaskMode":"ENHANCED","Options":{"VerifyMode":"POINT_IN_TIME_CONSISTENT"}"#
            ),
            [at("/Options/VerifyMode", "options/enhanced-point-in-time")]
        );
        assert_eq!(
            findings(r#""Options":{"VerifyMode":"POINT_IN_TIME_CONSISTENT"}"#),
            []
        );
    }

    #[test]
    fn a_bandwidth_limit_is_fine_in_either_mode() {
        // options/enhanced-bandwidth-limit is retired: since December 2025 the API model no longer says that
        // BytesPerSecond does not apply to Enhanced mode tasks.
        assert_eq!(findings(r#""Options":{"BytesPerSecond":1024}"#), []);
        assert_eq!(
            findings(r#""TaskMode":"ENHANCED","Options":{"BytesPerSecond":1024}"#),
            []
        );
    }

    mod overrides {
        use crate::rules::testing::{at, call_options, findings_in, task_request, TASK_ARN};
        use crate::schema::Operation::{StartTaskExecution, UpdateTask};
        use crate::{validate_text, Context};

        const BASIC: &str = r#"{"TaskMode":"BASIC","Options":{"Atime":"BEST_EFFORT","Mtime":"PRESERVE","TransferMode":"ALL","PreserveDeletedFiles":"PRESERVE"}}"#;
        const ENHANCED: &str =
            r#"{"TaskMode":"ENHANCED","Options":{"Atime":"NONE","Mtime":"PRESERVE"}}"#;

        fn run(overrides: &str) -> String {
            task_request(&format!(r#""OverrideOptions":{{{overrides}}}"#))
        }

        #[test]
        fn an_override_is_judged_with_the_task_settings_it_does_not_change() {
            let mismatch = "options/atime-mtime-mismatch";
            assert_eq!(
                findings_in(
                    &run(r#""Mtime":"NONE""#),
                    call_options(StartTaskExecution, Some(BASIC))
                ),
                [at("/OverrideOptions/Atime", mismatch)]
            );
            let with_task = call_options(StartTaskExecution, Some(BASIC));
            let report = validate_text(
                &run(r#""Mtime":"NONE""#),
                &with_task.context(Context::default()),
            );
            assert_eq!(
                report.diagnostics[0].message,
                "In Basic mode Atime and Mtime must agree (BEST_EFFORT with PRESERVE, or NONE with NONE), but Atime keeps the task's BEST_EFFORT and Mtime is NONE; set Atime to NONE as well."
            );
            assert_eq!(
                findings_in(
                    &run(r#""Mtime":"NONE","Atime":"NONE""#),
                    call_options(StartTaskExecution, Some(BASIC))
                ),
                []
            );
            // The task copies everything each run, so deleting is impossible:
            // reported at the override, saying that TransferMode is the task's.
            assert_eq!(
                findings_in(
                    &run(r#""PreserveDeletedFiles":"REMOVE""#),
                    call_options(StartTaskExecution, Some(BASIC))
                ),
                [at(
                    "/OverrideOptions/PreserveDeletedFiles",
                    "options/remove-with-transfer-all"
                )]
            );
            let report = validate_text(
                &run(r#""PreserveDeletedFiles":"REMOVE""#),
                &with_task.context(Context::default()),
            );
            assert_eq!(
                report.diagnostics[0].message,
                "TransferMode ALL cannot be combined with PreserveDeletedFiles REMOVE, but TransferMode keeps the task's ALL and PreserveDeletedFiles is REMOVE: when DataSync copies everything it does not scan the destination, so it cannot know what to delete; use TransferMode CHANGED or PreserveDeletedFiles PRESERVE."
            );
            assert_eq!(
                findings_in(
                    &run(r#""VerifyMode":"POINT_IN_TIME_CONSISTENT""#),
                    call_options(StartTaskExecution, Some(ENHANCED))
                ),
                [at(
                    "/OverrideOptions/VerifyMode",
                    "options/enhanced-point-in-time"
                )]
            );
            assert_eq!(
                findings_in(
                    &run(r#""Mtime":"NONE""#),
                    call_options(StartTaskExecution, Some(ENHANCED))
                ),
                [at("/OverrideOptions/Mtime", "options/enhanced-mtime-none")]
            );
        }

        #[test]
        fn without_the_task_only_what_the_request_settles_is_judged() {
            let unknown = call_options(StartTaskExecution, None);
            // The mode is unknown: Basic's pairing and Enhanced's limits are not applied.
            for overrides in [
                r#""Mtime":"NONE""#,
                r#""Atime":"NONE","Mtime":"NONE""#,
                r#""Atime":"NONE","Mtime":"PRESERVE""#,
                r#""VerifyMode":"POINT_IN_TIME_CONSISTENT""#,
                r#""PreserveDeletedFiles":"REMOVE""#,
            ] {
                assert_eq!(
                    findings_in(&run(overrides), unknown.clone()),
                    [],
                    "{overrides}"
                );
            }
            // options/remove-with-transfer-all holds in every mode, so two explicit members settle it.
            assert_eq!(
                findings_in(
                    &run(r#""PreserveDeletedFiles":"REMOVE","TransferMode":"ALL""#),
                    unknown.clone()
                ),
                [at(
                    "/OverrideOptions/TransferMode",
                    "options/remove-with-transfer-all"
                )]
            );
        }

        #[test]
        fn atime_best_effort_with_mtime_none_is_refused_in_every_mode() {
            // Basic mode needs Atime NONE with Mtime NONE; Enhanced mode takes no
            // Mtime NONE (API reference, Options Atime and Mtime). So without
            // the task, whose mode is unknown, the pair is still an error, at
            // Mtime, whose PRESERVE suits both modes.
            let mismatch = "options/atime-mtime-mismatch";
            let pair = r#""Atime":"BEST_EFFORT","Mtime":"NONE""#;
            assert_eq!(
                findings_in(&run(pair), call_options(StartTaskExecution, None)),
                [at("/OverrideOptions/Mtime", mismatch)]
            );
            let update = task_request(&format!(r#""Options":{{{pair}}}"#));
            assert_eq!(
                findings_in(&update, call_options(UpdateTask, None)),
                [at("/Options/Mtime", mismatch)]
            );
            let report = validate_text(
                &update,
                &call_options(UpdateTask, None).context(Context::default()),
            );
            let diagnostic = &report.diagnostics[0];
            assert_eq!(
                diagnostic.message,
                "In Basic mode Atime and Mtime must agree (BEST_EFFORT with PRESERVE, or NONE with NONE), but Atime is BEST_EFFORT and Mtime is NONE; set Mtime to PRESERVE: Enhanced mode takes no Mtime NONE."
            );
            assert_eq!(
                diagnostic.fix,
                [crate::diagnostic::PatchOp::Replace {
                    path: "/Options/Mtime".into(),
                    value: "PRESERVE".into()
                }]
            );
            // A task described without its mode: the run's overrides merge with
            // its options, and the merged pair is refused whatever the mode.
            let modeless = r#"{"Options":{"Mtime":"NONE"}}"#;
            assert_eq!(
                findings_in(
                    &run(r#""Atime":"BEST_EFFORT""#),
                    call_options(StartTaskExecution, Some(modeless))
                ),
                [at("/OverrideOptions/Mtime", mismatch)]
            );
            // One member alone, without the task, settles nothing.
            for overrides in [r#""Atime":"BEST_EFFORT""#, r#""Mtime":"NONE""#] {
                assert_eq!(
                    findings_in(&run(overrides), call_options(StartTaskExecution, None)),
                    [],
                    "{overrides}"
                );
            }
        }

        #[test]
        fn the_task_s_own_stored_state_is_not_blamed_on_a_request_that_leaves_it() {
            // Stored pairs the service refuses at CreateTask, as a stale or
            // hand-written description may hold them: a run without overrides,
            // or with overrides of other members, changes none of them.
            let stored_basic = r#"{"TaskMode":"BASIC","Options":{"Atime":"NONE","Mtime":"PRESERVE","TransferMode":"ALL","PreserveDeletedFiles":"REMOVE"}}"#;
            let stored_enhanced = r#"{"TaskMode":"ENHANCED","Options":{"VerifyMode":"POINT_IN_TIME_CONSISTENT","Mtime":"NONE"}}"#;
            for task in [stored_basic, stored_enhanced] {
                for request in [
                    task_request(""),
                    run(r#""LogLevel":"OFF""#),
                    run(r#""Gid":"NONE""#),
                ] {
                    assert_eq!(
                        findings_in(&request, call_options(StartTaskExecution, Some(task))),
                        [],
                        "{request} with {task}"
                    );
                }
                let update = task_request(r#""Options":{"LogLevel":"OFF"}"#);
                assert_eq!(
                    findings_in(&update, call_options(UpdateTask, Some(task))),
                    [],
                    "{task}"
                );
            }
            // A request that sets one member of the pair is judged with the other.
            assert_eq!(
                findings_in(
                    &run(r#""TransferMode":"ALL""#),
                    call_options(StartTaskExecution, Some(stored_basic))
                ),
                [at(
                    "/OverrideOptions/TransferMode",
                    "options/remove-with-transfer-all"
                )]
            );
        }

        #[test]
        fn update_task_changes_options_of_the_described_task() {
            let request = task_request(r#""Options":{"Atime":"NONE"}"#);
            assert_eq!(
                findings_in(&request, call_options(UpdateTask, Some(BASIC))),
                [at("/Options/Mtime", "options/atime-mtime-mismatch")]
            );
            assert_eq!(
                findings_in(&request, call_options(UpdateTask, Some(ENHANCED))),
                []
            );
            assert_eq!(findings_in(&request, call_options(UpdateTask, None)), []);
        }

        #[test]
        fn a_description_of_another_task_is_ignored() {
            let other = r#"{"TaskArn":"arn:aws:datasync:us-east-1:111122223333:task/task-fffffffffffffffff","TaskMode":"BASIC","Options":{"Atime":"BEST_EFFORT"}}"#;
            assert_eq!(
                findings_in(
                    &run(r#""Mtime":"NONE""#),
                    call_options(StartTaskExecution, Some(other))
                ),
                []
            );
            let same = other.replace(
                "task-fffffffffffffffff",
                TASK_ARN.rsplit('/').next().unwrap(),
            );
            assert_eq!(
                findings_in(
                    &run(r#""Mtime":"NONE""#),
                    call_options(StartTaskExecution, Some(&same))
                ),
                [at("/OverrideOptions/Atime", "options/atime-mtime-mismatch")]
            );
        }

        #[test]
        fn create_task_ignores_a_task_description() {
            let request =
                crate::rules::testing::request(r#""Options":{"Mtime":"NONE","Atime":"NONE"}"#);
            let options = call_options(crate::Operation::CreateTask, Some(ENHANCED));
            let task = options.task.expect("a task");
            let context = Context::default().with_task(&task);
            assert!(validate_text(&request, &context).diagnostics.is_empty());
        }
    }

    #[test]
    fn an_invalid_task_mode_suspends_only_the_mode_rules() {
        assert_eq!(
            findings(
                r#""TaskMode":"turbo","Options":{"PreserveDeletedFiles":"REMOVE","TransferMode":"ALL"}"#
            ),
            [
                at("/Options/TransferMode", "options/remove-with-transfer-all"),
                at("/TaskMode", "value/not-in-enum")
            ]
        );
    }

    #[test]
    fn an_invalid_task_mode_suspends_mode_rules() {
        assert_eq!(
            findings(r#""TaskMode":"TURBO","Options":{"Mtime":"NONE","Atime":"NONE"}"#),
            [at("/TaskMode", "value/not-in-enum")]
        );
        assert_eq!(
            findings(r#""TaskMode":"TURBO","Options":{"VerifyMode":"POINT_IN_TIME_CONSISTENT"}"#),
            [at("/TaskMode", "value/not-in-enum")]
        );
        // Mtime NONE with Atime's default (BEST_EFFORT in both modes) is refused
        // whichever mode TaskMode is corrected to.
        assert_eq!(
            findings(r#""TaskMode":"TURBO","Options":{"Mtime":"NONE"}"#),
            [
                at("/Options/Mtime", "options/atime-mtime-mismatch"),
                at("/TaskMode", "value/not-in-enum")
            ]
        );
    }
}
