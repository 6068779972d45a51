//! What the service uses for omitted members, filled into a copy of the request.
//!
//! The defaults themselves live in the schema table ([`crate::schema`]); this
//! module only decides where they go: every omitted Options member, TaskMode,
//! Schedule.Status (when there is a Schedule) and ManifestConfig Action and
//! Format (when there is a ManifestConfig). Members already present are kept
//! as they are, valid or not, in their original order; filled members follow.
//! With an invalid TaskMode only the defaults both modes share are filled:
//! which mode the service would use is unknown (it rejects the request).
//!
//! Some defaults depend on the locations: between two object stores the
//! service uses NONE for Uid, Gid and PosixPermissions (it rejects any other
//! value there, see `locations/posix-between-object-stores`).
//! [`fill_defaults_with`] fills those when both locations are described.
//! Into an S3 destination described with the storage class GLACIER or
//! DEEP_ARCHIVE, a Basic mode task's VerifyMode is left out: its default,
//! POINT_IN_TIME_CONSISTENT, is the value the API reference says cannot be
//! used there, and no source says what the service uses instead.

use crate::json::{Text, Value};
use crate::locations::{Location, OBJECT_PAIR_NONE_DEFAULTS};
use crate::request::{Record, Request, TaskMode};
use crate::rules::Context;
use crate::schema::{self, Literal, Member, Operation, Shape};

/// A copy of the CreateTask `request` with every omitted defaultable member
/// filled in for its task mode (BASIC when TaskMode is omitted). With an
/// invalid TaskMode, only the members whose default is the same in both modes
/// are filled (VerifyMode, which differs, is left out). `None` when the
/// request is not a JSON object, or nests arrays or objects deeper than
/// [`json::MAX_DEPTH`](crate::json::MAX_DEPTH) levels: a [`Value`] built by
/// hand can, a parsed one never does (the parser stops there, and
/// JavaScript's `applyDefaults` throws a `TypeError` for such a request). The
/// copy would recurse as deep as the request, so it is not made.
pub fn fill_defaults<'a>(request: &Value<'a>) -> Option<Value<'a>> {
    fill_defaults_with(request, &Context::default())
}

/// [`fill_defaults`] for the operation and the locations the context
/// describes: what the service uses for this pair of locations. Only
/// CreateTask has defaults: an UpdateTask or StartTaskExecution request comes
/// back unchanged, because what it omits keeps the existing task's setting,
/// which the request does not tell.
pub fn fill_defaults_with<'a>(request: &Value<'a>, context: &Context) -> Option<Value<'a>> {
    // Parsed values never nest that deep, and the .wasm reads only those.
    #[cfg(not(target_arch = "wasm32"))]
    if nests_deeper_than_a_document(request) {
        return None;
    }
    if !context.operation.has_defaults() {
        return matches!(request, Value::Object(_)).then(|| request.clone());
    }
    let record = Record::of_object(request, Operation::CreateTask)?;
    let view = Request::from_record(&record, &Context::default(), false);
    // None: TaskMode is present but invalid.
    let mode = view.task_mode();
    let [source, destination] = [view.values.source, view.values.destination]
        .map(|member| member.as_str().and_then(|arn| context.location(arn)));
    let object_pair = [source, destination].iter().all(|location| {
        location
            .and_then(|location| location.kind)
            .is_some_and(|kind| kind.is_object_storage())
    });
    // Into S3 Glacier Flexible Retrieval or Deep Archive, Basic mode's
    // VerifyMode default is the one value the service says cannot be used
    // there; what it does when VerifyMode is omitted is not documented, so
    // it is left out (validate warns: locations/archive-default-verify-mode).
    let archive =
        mode == Some(TaskMode::Basic) && destination.and_then(Location::archive_class).is_some();
    // An empty (or blank) ScheduleExpression means no schedule, as
    // describeSchedule reads it: there is nothing for a Status to enable.
    let no_schedule = view
        .values
        .schedule_expression
        .as_str()
        .is_some_and(|expression| expression.trim().is_empty());
    let default_of = |member: &Member| -> Option<Literal> {
        if no_schedule && member.name == "Status" {
            return None;
        }
        if object_pair && OBJECT_PAIR_NONE_DEFAULTS.contains(&member.name) {
            return Some(Literal::Str("NONE"));
        }
        if archive && member.name == "VerifyMode" {
            return None;
        }
        member
            .default
            .as_ref()
            .and_then(|d| TaskMode::default_in(mode, d))
    };
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
            // The last of a member given twice (only a hand-built Value can
            // hold one), which the validator and a JSON reader take. The
            // .wasm reads parsed values, which never do: `rev` cost 29 B gzip.
            if cfg!(target_arch = "wasm32") {
                root.iter_mut().find(|(name, _)| name == member.name)
            } else {
                root.iter_mut().rev().find(|(name, _)| name == member.name)
            },
        ) {
            (Shape::Structure(children), Some((_, Value::Object(present)))) => {
                fill_members(present, children, &default_of)
            }
            (_, Some(_)) => {}
            (_, None) => {
                if let Some(value) = default_of(member) {
                    root.push((member.name.into(), Value::from(value)));
                }
            }
        }
    }
    Some(filled)
}

/// Whether arrays or objects nest in `value` deeper than the parser follows
/// ([`crate::json::MAX_DEPTH`], the root being the first level), found
/// without recursion (hunt38r #6: the copy's recursion overflowed the stack
/// at 100,000 levels).
#[cfg(not(target_arch = "wasm32"))]
fn nests_deeper_than_a_document(value: &Value) -> bool {
    let mut pending = vec![(value, 1)];
    while let Some((value, depth)) = pending.pop() {
        let deeper = depth + 1;
        match value {
            Value::Array(_) | Value::Object(_) if depth > crate::json::MAX_DEPTH => return true,
            Value::Array(items) => pending.extend(items.iter().map(|item| (item, deeper))),
            Value::Object(members) => {
                pending.extend(members.iter().map(|(_, member)| (member, deeper)))
            }
            _ => {}
        }
    }
    false
}

/// Appends the defaults of the `members` missing from `present`.
fn fill_members(
    present: &mut Vec<(Text, Value)>,
    members: &[Member],
    default_of: &dyn Fn(&Member) -> Option<Literal>,
) {
    for member in members {
        if present.iter().any(|(name, _)| name == member.name) {
            continue;
        }
        if let Some(value) = default_of(member) {
            present.push((member.name.into(), Value::from(value)));
        }
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
    fn an_empty_schedule_expression_gets_no_status() {
        // "" is no schedule (describeSchedule says so), and whitespace alone
        // is read as "": there is no schedule for a Status to enable.
        for expression in ["", " ", "\\n"] {
            let text = filled(&format!(
                r#"{{"Schedule":{{"ScheduleExpression":"{expression}"}}}}"#
            ));
            assert!(
                text.starts_with(&format!(
                    r#"{{"Schedule":{{"ScheduleExpression":"{expression}"}},"Options":{{"#
                )),
                "{text}"
            );
            assert!(!text.contains("Status"), "{text}");
        }
    }

    #[test]
    fn other_operations_have_no_defaults_to_fill() {
        use crate::schema::Operation;
        let text = r#"{"TaskArn":"t","OverrideOptions":{"Mtime":"NONE"}}"#;
        for operation in [Operation::UpdateTask, Operation::StartTaskExecution] {
            let context = Context::default().for_operation(operation);
            let value = parse(text).unwrap().value;
            let filled = fill_defaults_with(&value, &context).unwrap();
            assert_eq!(to_string(&filled), text);
            assert!(fill_defaults_with(&Value::Null, &context).is_none());
        }
        let value = parse("{}").unwrap().value;
        let create = Context::default().for_operation(Operation::CreateTask);
        assert_eq!(fill_defaults_with(&value, &create), fill_defaults(&value));
    }

    #[test]
    fn between_two_object_stores_posix_options_default_to_none() {
        use crate::locations::{Location, LocationType};
        let source = "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0";
        let destination = "arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210";
        let text = format!(
            r#"{{"SourceLocationArn":"{source}","DestinationLocationArn":"{destination}","Options":{{"Gid":"BOTH"}}}}"#
        );
        let value = parse(&text).unwrap().value;
        let with = |source_kind, destination_kind| {
            let locations = [
                Location::of_type(source, source_kind),
                Location::of_type(destination, destination_kind),
            ];
            to_string(
                &fill_defaults_with(&value, &Context::default().with_locations(&locations))
                    .unwrap(),
            )
        };
        let objects = with(LocationType::S3, LocationType::AzureBlob);
        assert!(objects.contains(r#""Uid":"NONE""#), "{objects}");
        assert!(
            objects.contains(r#""PosixPermissions":"NONE""#),
            "{objects}"
        );
        // What is set stays as it is (validate reports it), and the rest is as before.
        assert!(objects.contains(r#""Gid":"BOTH""#), "{objects}");
        assert!(objects.contains(r#""Mtime":"PRESERVE""#), "{objects}");
        // A file system at either end, or an undescribed end: the documented defaults.
        let mixed = with(LocationType::Nfs, LocationType::S3);
        assert!(
            mixed.contains(r#""Uid":"INT_VALUE""#)
                && mixed.contains(r#""PosixPermissions":"PRESERVE""#)
        );
        assert_eq!(
            to_string(&fill_defaults(&value).unwrap()),
            with(LocationType::Efs, LocationType::S3)
        );
        let only_source = [Location::of_type(source, LocationType::S3)];
        let half = to_string(
            &fill_defaults_with(&value, &Context::default().with_locations(&only_source)).unwrap(),
        );
        assert!(half.contains(r#""Uid":"INT_VALUE""#), "{half}");
    }

    #[test]
    fn into_s3_archive_classes_basic_mode_verify_mode_is_left_out() {
        use crate::locations::{Location, LocationType};
        let source = "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0";
        let destination = "arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210";
        let fill = |class: &str, extra: &str| {
            let text = format!(
                r#"{{"SourceLocationArn":"{source}","DestinationLocationArn":"{destination}"{extra}}}"#
            );
            let locations = [
                Location::of_type(source, LocationType::Nfs),
                Location {
                    s3_storage_class: Some(class.to_owned()),
                    ..Location::of_type(destination, LocationType::S3)
                },
            ];
            let context = Context::default().with_locations(&locations);
            let value = parse(&text).unwrap().value;
            let filled = to_string(&fill_defaults_with(&value, &context).unwrap());
            // What applyDefaults returns, validate does not reject.
            let report = crate::validate_text(
                &filled,
                &Context::at(1_795_564_800).with_locations(&locations),
            );
            assert!(report.is_valid(), "{filled}: {:?}", report.diagnostics);
            filled
        };
        for class in ["GLACIER", "DEEP_ARCHIVE"] {
            let filled = fill(class, "");
            assert!(!filled.contains("VerifyMode"), "{filled}");
            assert!(filled.contains(r#""Mtime":"PRESERVE""#), "{filled}");
            // Enhanced mode's default can be used there; a value set is kept.
            let enhanced = fill(class, r#","TaskMode":"ENHANCED""#);
            assert!(
                enhanced.contains(r#""VerifyMode":"ONLY_FILES_TRANSFERRED""#),
                "{enhanced}"
            );
            let set = fill(class, r#","Options":{"VerifyMode":"NONE"}"#);
            assert!(set.contains(r#""VerifyMode":"NONE""#), "{set}");
        }
        // Instant Retrieval objects can be read back: the documented default.
        let instant = fill("GLACIER_INSTANT_RETRIEVAL", "");
        assert!(
            instant.contains(r#""VerifyMode":"POINT_IN_TIME_CONSISTENT""#),
            "{instant}"
        );
    }

    /// Decided in session 34 (fixcore34): TaskMode left out is BASIC whatever
    /// the locations (API reference, CreateTask TaskMode: "BASIC (default)"),
    /// so that is what applyDefaults fills, even beside an agentless cloud
    /// location that only Enhanced mode can use; validate's warning
    /// (locations/agentless-needs-enhanced, "TaskMode defaults to BASIC") is
    /// where the user learns it, and the README says so next to the defaults.
    #[test]
    fn basic_is_filled_beside_an_agentless_location_and_validate_warns() {
        use crate::locations::{Location, LocationType};
        let source = "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0";
        let destination = "arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210";
        let text = format!(
            r#"{{"SourceLocationArn":"{source}","DestinationLocationArn":"{destination}"}}"#
        );
        for kind in [LocationType::AzureBlob, LocationType::ObjectStorage] {
            let locations = [
                Location {
                    agent_count: Some(0),
                    ..Location::of_type(source, kind)
                },
                Location::of_type(destination, LocationType::S3),
            ];
            let context = Context::default().with_locations(&locations);
            let filled =
                to_string(&fill_defaults_with(&parse(&text).unwrap().value, &context).unwrap());
            assert!(filled.contains(r#""TaskMode":"BASIC""#), "{filled}");
            for request in [text.as_str(), filled.as_str()] {
                let report = crate::validate_text(request, &context);
                let warning = report
                    .diagnostics
                    .iter()
                    .find(|d| d.code == crate::Code::AgentlessNeedsEnhanced)
                    .expect("the agentless warning");
                let how = if request == text { "defaults to" } else { "is" };
                assert!(
                    warning
                        .message
                        .contains(&format!("but TaskMode {how} BASIC")),
                    "{}",
                    warning.message
                );
            }
        }
    }

    #[test]
    fn leaves_a_non_object_options_alone_and_rejects_non_objects() {
        assert_eq!(
            filled(r#"{"Options":3}"#),
            r#"{"Options":3,"TaskMode":"BASIC"}"#
        );
        assert!(fill_defaults(&Value::Array(vec![])).is_none());
    }

    /// `levels` arrays, one inside the other, around `null`.
    fn nested(levels: usize) -> Value<'static> {
        (0..levels).fold(Value::Null, |inner, _| Value::Array(vec![inner]))
    }

    /// Drops `value` without recursing on its depth (the derived drop does).
    fn dismantle(value: Value) {
        let mut pending = vec![value];
        while let Some(value) = pending.pop() {
            match value {
                Value::Array(items) => pending.extend(items),
                Value::Object(members) => pending.extend(members.into_iter().map(|(_, v)| v)),
                _ => {}
            }
        }
    }

    #[test]
    fn a_request_nested_deeper_than_a_document_gets_no_copy_and_no_stack_overflow() {
        // hunt38r #6: fill_defaults copied a natively built request 100,000
        // levels deep by recursion and aborted the process (stack overflow);
        // validate_value judges the same request at once.
        for operation in Operation::ALL.iter().copied() {
            let context = Context::default().for_operation(operation);
            for (levels, filled) in [
                (crate::json::MAX_DEPTH - 1, true),
                (crate::json::MAX_DEPTH, false),
                (100_000, false),
            ] {
                // The root object is the first level.
                let request = Value::Object(vec![("Unknown".into(), nested(levels))]);
                let copy = fill_defaults_with(&request, &context);
                assert_eq!(copy.is_some(), filled, "{operation:?} {levels}");
                copy.map(dismantle);
                dismantle(request);
            }
        }
        // What the parser reads is always filled: 64 levels of text.
        let text = format!("{{\"a\":{}{}}}", "[".repeat(63), "]".repeat(63));
        assert!(fill_defaults(&parse(&text).unwrap().value).is_some());
        let deeper = format!("{{\"a\":{}{}}}", "[".repeat(64), "]".repeat(64));
        assert!(parse(&deeper).is_err());
    }

    #[test]
    fn defaults_go_into_the_last_options_of_a_hand_built_object_which_is_the_one_read() {
        // hunt38r #5: they went into the first, so the text written from the
        // copy lost them (a JSON reader keeps the last member of a name).
        let request = Value::Object(vec![
            (
                "Options".into(),
                Value::Object(vec![("Atime".into(), "NONE".into())]),
            ),
            (
                "Options".into(),
                Value::Object(vec![("VerifyMode".into(), "NONE".into())]),
            ),
        ]);
        let filled = to_string(&fill_defaults(&request).unwrap());
        assert!(filled.starts_with(r#"{"Options":{"Atime":"NONE"},"Options":{"VerifyMode":"NONE","OverwriteMode":"ALWAYS""#), "{filled}");
        let read = parse(&filled).unwrap().value;
        assert_eq!(
            read.get("Options").and_then(|options| options.get("Mtime")),
            Some(&Value::from("PRESERVE"))
        );
    }
}
