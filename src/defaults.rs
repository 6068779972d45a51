//! What the service uses for omitted members, filled into a copy of the request.
//!
//! The defaults themselves live in the schema table ([`crate::schema`]); this
//! module only decides where they go: every omitted Options member, TaskMode,
//! Schedule.Status (when there is a Schedule) and ManifestConfig Action and
//! Format (when there is a ManifestConfig). Members already present are kept
//! as they are, valid or not, in their original order; filled members follow.
//! With an invalid TaskMode only the defaults both modes share are filled:
//! which mode the service would use is unknown (it rejects the request).

use crate::json::{Number, Text, Value};
use crate::request::{Request, TaskMode};
use crate::schema::{self, Defaults, Literal, Member, Operation, Shape};

/// A copy of `request` of `operation` with every omitted defaultable member
/// filled in. Only CreateTask has defaults: an UpdateTask or StartTaskExecution
/// request comes back unchanged, because what it omits keeps the existing
/// task's setting, which the request does not tell. `None` when the request is
/// not a JSON object.
pub fn fill_defaults_for<'a>(request: &Value<'a>, operation: Operation) -> Option<Value<'a>> {
    if operation.has_defaults() {
        fill_defaults(request)
    } else {
        matches!(request, Value::Object(_)).then(|| request.clone())
    }
}

/// A copy of the CreateTask `request` with every omitted defaultable member
/// filled in for its task mode (BASIC when TaskMode is omitted). With an
/// invalid TaskMode, only the members whose default is the same in both modes
/// are filled (VerifyMode, which differs, is left out). `None` when the
/// request is not a JSON object.
pub fn fill_defaults<'a>(request: &Value<'a>) -> Option<Value<'a>> {
    // None: TaskMode is present but invalid.
    let mode = Request::new(request)?.task_mode();
    let mut filled = request.clone();
    let Value::Object(root) = &mut filled else {
        return None;
    };
    if !root.iter().any(|(name, _)| name == "Options") {
        root.push(("Options".into(), Value::Object(Vec::new())));
    }
    for member in schema::request_members() {
        match (
            member.shape,
            root.iter_mut().find(|(name, _)| name == member.name),
        ) {
            (Shape::Structure(children), Some((_, Value::Object(present)))) => {
                fill_members(present, children, mode)
            }
            (_, Some(_)) => {}
            (_, None) => {
                if let Some(value) = member.default.as_ref().and_then(|d| default_for(mode, d)) {
                    root.push((member.name.into(), literal(value)));
                }
            }
        }
    }
    Some(filled)
}

/// Appends the defaults of the `members` missing from `present`.
fn fill_members(present: &mut Vec<(Text, Value)>, members: &[Member], mode: Option<TaskMode>) {
    for member in members {
        if present.iter().any(|(name, _)| name == member.name) {
            continue;
        }
        if let Some(value) = member.default.as_ref().and_then(|d| default_for(mode, d)) {
            present.push((member.name.into(), literal(value)));
        }
    }
}

/// The default for `mode`; for an unknown mode, only one both modes share.
fn default_for(mode: Option<TaskMode>, defaults: &Defaults) -> Option<Literal> {
    match mode {
        Some(mode) => Some(mode.default_of(defaults)),
        None => (defaults.basic == defaults.enhanced).then_some(defaults.basic),
    }
}

fn literal(value: Literal) -> Value<'static> {
    match value {
        Literal::Str(text) => text.into(),
        Literal::Int(int) => Value::Number(Number::Int(int)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{parse, to_string};

    fn filled(text: &str) -> String {
        to_string(&fill_defaults(&parse(text).unwrap().value).unwrap())
    }

    #[test]
    fn fills_every_option_and_the_task_mode_for_basic() {
        assert_eq!(
            filled(r#"{"SourceLocationArn":"s"}"#),
            concat!(
                r#"{"SourceLocationArn":"s","Options":{"VerifyMode":"POINT_IN_TIME_CONSISTENT","#,
                r#""OverwriteMode":"ALWAYS","Atime":"BEST_EFFORT","Mtime":"PRESERVE","Uid":"INT_VALUE","#,
                r#""Gid":"INT_VALUE","PreserveDeletedFiles":"PRESERVE","PreserveDevices":"NONE","#,
                r#""PosixPermissions":"PRESERVE","BytesPerSecond":-1,"TaskQueueing":"ENABLED","#,
                r#""LogLevel":"OFF","TransferMode":"CHANGED","SecurityDescriptorCopyFlags":"OWNER_DACL","#,
                r#""ObjectTags":"PRESERVE","ObjectMetadata":"PRESERVE"},"TaskMode":"BASIC"}"#
            )
        );
    }

    #[test]
    fn enhanced_mode_verifies_only_transferred_files() {
        let text = filled(r#"{"TaskMode":"ENHANCED","Options":{"Atime":"NONE"}}"#);
        assert!(text.starts_with(r#"{"TaskMode":"ENHANCED","Options":{"Atime":"NONE","VerifyMode":"ONLY_FILES_TRANSFERRED""#));
    }

    #[test]
    fn keeps_present_members_even_when_invalid() {
        let text =
            filled(r#"{"Options":{"VerifyMode":"bogus","BytesPerSecond":"x"},"TaskMode":"turbo"}"#);
        assert!(text.contains(r#""VerifyMode":"bogus""#));
        assert!(text.contains(r#""BytesPerSecond":"x""#));
        assert!(text.contains(r#""TaskMode":"turbo""#));
        assert!(text.contains(r#""Mtime":"PRESERVE""#));
    }

    #[test]
    fn an_invalid_task_mode_gets_only_the_defaults_both_modes_share() {
        for mode in ["enhanced", "turbo", "", "BASIC "] {
            let text = filled(&format!(r#"{{"TaskMode":"{mode}"}}"#));
            assert!(
                text.starts_with(&format!(
                    r#"{{"TaskMode":"{mode}","Options":{{"OverwriteMode":"ALWAYS","Atime""#
                )),
                "{text}"
            );
            assert!(!text.contains("VerifyMode"), "{text}");
            assert!(text.contains(r#""BytesPerSecond":-1"#), "{text}");
        }
        // A TaskMode that is not a string is just as unknown.
        assert!(!filled(r#"{"TaskMode":1}"#).contains("VerifyMode"));
    }

    #[test]
    fn fills_schedule_status_and_manifest_only_when_present() {
        let text =
            filled(r#"{"Schedule":{"ScheduleExpression":"rate(1 day)"},"ManifestConfig":{}}"#);
        assert!(
            text.contains(r#""Schedule":{"ScheduleExpression":"rate(1 day)","Status":"ENABLED"}"#)
        );
        assert!(text.contains(r#""ManifestConfig":{"Action":"TRANSFER","Format":"CSV"}"#));
        let bare = filled("{}");
        assert!(!bare.contains("Schedule") && !bare.contains("ManifestConfig"));
    }

    #[test]
    fn other_operations_have_no_defaults_to_fill() {
        let text = r#"{"TaskArn":"t","OverrideOptions":{"Mtime":"NONE"}}"#;
        for operation in [Operation::UpdateTask, Operation::StartTaskExecution] {
            let value = parse(text).unwrap().value;
            let filled = fill_defaults_for(&value, operation).unwrap();
            assert_eq!(to_string(&filled), text);
            assert!(fill_defaults_for(&Value::Null, operation).is_none());
        }
        let value = parse("{}").unwrap().value;
        assert_eq!(
            fill_defaults_for(&value, Operation::CreateTask),
            fill_defaults(&value)
        );
    }

    #[test]
    fn leaves_a_non_object_options_alone_and_rejects_non_objects() {
        assert_eq!(
            filled(r#"{"Options":3}"#),
            r#"{"Options":3,"TaskMode":"BASIC"}"#
        );
        assert!(fill_defaults(&Value::Array(vec![])).is_none());
    }
}
