//! Cross-field rules between Options members and the task mode (RULES.md X1-X4),
//! judged on *effective* values: an omitted option takes its default for the mode.
//!
//! Why: the service rejects these combinations (X1-X4). X7 (a bandwidth limit in
//! Enhanced mode) is retired: the API model no longer says it does not apply.
//! Invalid: `{"Options": {"Mtime": "NONE"}}` (Atime defaults to BEST_EFFORT).
//! Fix: `{"Options": {"Mtime": "NONE", "Atime": "NONE"}}`.

use crate::diagnostic::{Code, Collector, Diagnostic, PatchOp};
use crate::request::{Request, Setting, TaskMode};
use crate::rules::Context;

fn atime_mtime_mismatch(atime: Setting, mtime: Setting) -> String {
    let how = |setting: Setting| {
        if setting.is_explicit() {
            "is"
        } else {
            "defaults to"
        }
    };
    let (atime_value, mtime_value) = (atime.value().unwrap_or(""), mtime.value().unwrap_or(""));
    let fix = if atime_value == "NONE" {
        "set Mtime to NONE too, or Atime to BEST_EFFORT"
    } else {
        "set Atime to NONE too, or Mtime to PRESERVE"
    };
    let fix = if mtime_value == "NONE" && !atime.is_explicit() {
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

const ENHANCED_MTIME_NONE: &str =
    "Enhanced mode does not support Mtime NONE; use PRESERVE (the default) or choose Basic mode.";

const REMOVE_WITH_TRANSFER_ALL: &str = "TransferMode ALL cannot be combined with PreserveDeletedFiles REMOVE: when DataSync copies everything it does not scan the destination, so it cannot know what to delete; use TransferMode CHANGED or PreserveDeletedFiles PRESERVE.";

const ENHANCED_POINT_IN_TIME: &str = "Enhanced mode does not support VerifyMode POINT_IN_TIME_CONSISTENT; use ONLY_FILES_TRANSFERRED (the Enhanced default) or NONE, or choose Basic mode.";

/// Applies X1-X4. X3 (deleting needs the destination scan that
/// TransferMode ALL skips) holds in every mode.
pub fn check(request: &Request, _context: &Context, out: &mut Collector) {
    // X3 holds in every mode, so it is judged even when TaskMode is invalid.
    if request.option("PreserveDeletedFiles").is("REMOVE")
        && request.option("TransferMode").is("ALL")
    {
        out.push(
            Diagnostic::new(
                Code::RemoveWithTransferAll,
                "/Options/TransferMode",
                REMOVE_WITH_TRANSFER_ALL,
            )
            .with("related", vec!["/Options/PreserveDeletedFiles"]),
        );
    }

    let Some(mode) = request.task_mode() else {
        return;
    };
    let atime = request.option("Atime");
    let mtime = request.option("Mtime");

    // X1: Basic mode pairs Atime and Mtime.
    if mode == TaskMode::Basic {
        let agree = match (atime.value(), mtime.value()) {
            (Some("BEST_EFFORT"), Some("PRESERVE")) | (Some("NONE"), Some("NONE")) => true,
            (Some(_), Some(_)) => false,
            _ => true,
        };
        if !agree {
            // Point at the member the user has not set, else at Atime.
            let blamed = if atime.is_explicit() && !mtime.is_explicit() {
                "/Options/Mtime"
            } else {
                "/Options/Atime"
            };
            let other = if blamed == "/Options/Atime" {
                "/Options/Mtime"
            } else {
                "/Options/Atime"
            };
            // The fix gives the blamed member the value that agrees with the other.
            let (setting, value) = if blamed == "/Options/Atime" {
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
            let (path, value) = (blamed.to_owned(), value.into());
            let fix = if setting.is_explicit() {
                PatchOp::Replace { path, value }
            } else {
                PatchOp::Add { path, value }
            };
            out.push(
                Diagnostic::new(
                    Code::AtimeMtimeMismatch,
                    blamed,
                    atime_mtime_mismatch(atime, mtime),
                )
                .with("related", vec![other, "/TaskMode"])
                .with_fix(fix),
            );
        }
    }

    // X2: Enhanced mode keeps modification times.
    if mode == TaskMode::Enhanced && mtime.is("NONE") {
        out.push(
            Diagnostic::new(
                Code::EnhancedMtimeNone,
                "/Options/Mtime",
                ENHANCED_MTIME_NONE,
            )
            .with("related", vec!["/TaskMode"]),
        );
    }

    // X4: Enhanced mode cannot verify a whole location.
    if mode == TaskMode::Enhanced && request.option("VerifyMode").is("POINT_IN_TIME_CONSISTENT") {
        out.push(
            Diagnostic::new(
                Code::EnhancedPointInTime,
                "/Options/VerifyMode",
                ENHANCED_POINT_IN_TIME,
            )
            .with("related", vec!["/TaskMode"]),
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
        // X7 is retired: since December 2025 the API model no longer says that
        // BytesPerSecond does not apply to Enhanced mode tasks.
        assert_eq!(findings(r#""Options":{"BytesPerSecond":1024}"#), []);
        assert_eq!(
            findings(r#""TaskMode":"ENHANCED","Options":{"BytesPerSecond":1024}"#),
            []
        );
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
            findings(r#""TaskMode":"TURBO","Options":{"Mtime":"NONE"}"#),
            [at("/TaskMode", "value/not-in-enum")]
        );
    }
}
