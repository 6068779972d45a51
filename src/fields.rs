//! Field metadata for forms: one entry per member of an operation's request,
//! read from the schema table. Only CreateTask members carry defaults: what an
//! UpdateTask or StartTaskExecution request omits keeps the task's setting.
//!
//! List items appear as `*` in pointers (`/Tags/*/Key`); a form replaces the
//! `*` with the item's index.

use crate::json::{Text, Value};
use crate::locations::{self, LocationType, Scope, Side};
use crate::patterns::Pattern;
use crate::schema::{Defaults, Member, Operation, Shape, StringRule};

/// Everything a form needs to render and explain one member.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldInfo {
    /// JSON Pointer of the member; list items are `*`.
    pub pointer: String,
    /// The member name.
    pub name: &'static str,
    /// A short human label ("Bandwidth limit (bytes per second)"); the API name
    /// is `name`.
    pub label: String,
    /// `string`, `integer`, `object` or `array`.
    pub kind: &'static str,
    /// Whether the member must be present when its parent is.
    pub required: bool,
    /// The form section, one of [`SECTIONS`].
    pub section: &'static str,
    /// The section's place in [`SECTIONS`] (0 first): the order a form shows them in.
    pub section_order: usize,
    /// A valid example value (string and integer members), for placeholders and docs.
    pub example: Option<&'static str>,
    /// A label and a description for each enum value, in the model's order.
    pub values: &'static [EnumValue],
    /// Help text in our own words.
    pub help: &'static str,
    /// Enum values; empty for free text.
    pub allowed: &'static [&'static str],
    /// The service default per task mode, when known.
    pub default: Option<Defaults>,
    /// Fewest characters: the model's minimum, raised to 1 where the pattern
    /// needs a character (`least_length`).
    pub min_length: Option<usize>,
    /// Most characters.
    pub max_length: Option<usize>,
    /// Smallest integer.
    pub minimum: Option<i64>,
    /// Most list items.
    pub max_items: Option<usize>,
    /// The model's pattern (given to JavaScript in its ECMAScript spelling,
    /// [`Pattern::ecmascript_regex`]).
    pub pattern: Option<Pattern>,
    /// For Options members whose effect depends on the locations: the pairs
    /// they apply to (elsewhere the service ignores them, or for the POSIX
    /// options between object stores accepts only NONE).
    pub applies_to: Option<&'static Scope>,
    /// For Options members whose default depends on the locations: the
    /// default between two object stores (NONE), where `default` does not hold.
    pub object_pair_default: Option<&'static str>,
}

/// All members of the CreateTask request, parents before children, in model order.
pub fn fields() -> Vec<FieldInfo> {
    fields_of(Operation::CreateTask)
}

/// All members of `operation`'s request, parents before children, in model order.
pub fn fields_of(operation: Operation) -> Vec<FieldInfo> {
    let mut out = Vec::new();
    collect(operation.members(), "", operation.has_defaults(), &mut out);
    out
}

fn collect(
    members: &'static [Member],
    parent: &str,
    with_defaults: bool,
    out: &mut Vec<FieldInfo>,
) {
    for member in members {
        let pointer = format!("{parent}/{}", member.name);
        let shown = presentation(&pointer);
        let section = shown.and_then(|p| p.section).unwrap_or(member.section);
        let mut info = FieldInfo {
            pointer: pointer.clone(),
            name: member.name,
            label: shown.map_or_else(|| words(member.name), |p| p.label.to_string()),
            kind: "object",
            // The model makes ManifestConfig's Source optional, but a new
            // task's manifest without one is rejected (manifest/missing-source);
            // an update's empty ManifestConfig removes the manifest.
            required: member.required || with_defaults && member.name == "Source",
            section,
            section_order: SECTIONS
                .iter()
                .position(|s| *s == section)
                .unwrap_or(SECTIONS.len()),
            example: shown.and_then(|p| p.example),
            values: shown.map_or(&[], |p| p.values),
            help: member.help,
            allowed: &[],
            default: member.default.filter(|_| with_defaults),
            min_length: None,
            max_length: None,
            minimum: None,
            max_items: None,
            pattern: None,
            // Only members of Options (and of a run's OverrideOptions, where
            // an option does the same) have these names: a test checks it.
            applies_to: locations::scope_of(member.name),
            // A default between object stores only where there are defaults:
            // an update's omitted option keeps the task's value.
            object_pair_default: locations::OBJECT_PAIR_NONE_DEFAULTS
                .contains(&member.name)
                .then_some("NONE")
                .filter(|_| with_defaults),
        };
        match member.shape {
            Shape::Structure(children) => {
                out.push(info);
                collect(children, &pointer, with_defaults, out);
            }
            Shape::List { item, max_items } => {
                info.kind = "array";
                info.max_items = Some(*max_items);
                out.push(info.clone());
                if let Shape::Structure(children) = item {
                    let item_pointer = format!("{pointer}/*");
                    let item_label = presentation(&item_pointer)
                        .map_or_else(|| format!("{} item", info.label), |p| p.label.to_string());
                    out.push(FieldInfo {
                        pointer: item_pointer.clone(),
                        label: item_label,
                        kind: "object",
                        required: false,
                        max_items: None,
                        ..info
                    });
                    collect(children, &item_pointer, with_defaults, out);
                }
            }
            Shape::String(rule) => {
                info.kind = "string";
                info.allowed = rule.allowed;
                info.min_length = least_length(rule);
                info.max_length = rule.max_length;
                info.pattern = rule.pattern;
                out.push(info);
            }
            Shape::Long { minimum } => {
                info.kind = "integer";
                info.minimum = Some(*minimum);
                out.push(info);
            }
        }
    }
}

/// The fewest characters a string member can hold: the model's minimum,
/// raised to 1 where the pattern cannot match the empty string (a tag value
/// or a task name, `^[...]+$`, whose minimum is 0; a filter value or an ARN,
/// which have none), so that a form's `minlength` agrees with `validate()`.
/// Where the model states no minimum and the empty string matches, none is
/// given.
#[inline(never)]
pub(crate) fn least_length(rule: &StringRule) -> Option<usize> {
    match rule.min_length {
        Some(min) if min > 0 => Some(min),
        _ if rule.pattern.is_some_and(|pattern| !pattern.matches("")) => Some(1),
        min => min,
    }
}

/// The form's sections, in the order a person fills them in (the console's
/// order: where the data goes, how, what, when, then the extras).
pub const SECTIONS: &[&str] = &[
    "Locations",
    "Task mode",
    "General",
    "Options",
    "Filters",
    "Schedule",
    "Logging",
    "Task report",
    "Manifest",
    "Tags",
];

/// How a form presents one member: its human label, the section it is shown
/// in when that differs from the model's (the log settings sit together under
/// Logging), an example value (string members) and a label and description per
/// enum value.
struct Presentation {
    pointer: &'static str,
    label: &'static str,
    section: Option<&'static str>,
    example: Option<&'static str>,
    values: &'static [EnumValue],
}

/// A human label and a one-sentence description of one enum value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EnumValue {
    /// The value as the API spells it.
    pub value: &'static str,
    /// A short human label.
    pub label: &'static str,
    /// What choosing it does.
    pub description: &'static str,
}

const fn shown(pointer: &'static str, label: &'static str) -> Presentation {
    Presentation {
        pointer,
        label,
        section: None,
        example: None,
        values: &[],
    }
}

const fn example(
    pointer: &'static str,
    label: &'static str,
    example: &'static str,
) -> Presentation {
    Presentation {
        pointer,
        label,
        section: None,
        example: Some(example),
        values: &[],
    }
}

const fn choices(
    pointer: &'static str,
    label: &'static str,
    values: &'static [EnumValue],
) -> Presentation {
    Presentation {
        pointer,
        label,
        section: None,
        example: None,
        values,
    }
}

const fn value(value: &'static str, label: &'static str, description: &'static str) -> EnumValue {
    EnumValue {
        value,
        label,
        description,
    }
}

const LOCATION_EXAMPLE: &str =
    "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0";
const ROLE_EXAMPLE: &str = "arn:aws:iam::111122223333:role/datasync-s3-access";
const BUCKET_EXAMPLE: &str = "arn:aws:s3:::amzn-s3-demo-bucket";

const COPY_OR_NOT: &[EnumValue] = &[
    value(
        "NONE",
        "Don't copy",
        "The destination does not get this from the source.",
    ),
    value(
        "PRESERVE",
        "Copy",
        "The destination keeps what the source has.",
    ),
];
const PRESERVE_OR_NOT: &[EnumValue] = &[
    value(
        "PRESERVE",
        "Copy",
        "The destination keeps what the source has.",
    ),
    value(
        "NONE",
        "Don't copy",
        "The destination does not get this from the source.",
    ),
];
/// ObjectMetadata: NONE still copies the last-modified time (the model says so).
const METADATA_OR_NOT: &[EnumValue] = &[
    PRESERVE_OR_NOT[0],
    value(
        "NONE",
        "Don't copy",
        "Only the last-modified time is copied.",
    ),
];
const ID_MAPPING: &[EnumValue] = &[
    value("NONE", "Don't copy", "Ownership is not copied."),
    value(
        "INT_VALUE",
        "Copy the numeric ID",
        "The POSIX ID number is copied as it is.",
    ),
    value(
        "NAME",
        "Copy the name",
        "The owner's name is copied (SMB and some object storage).",
    ),
    value(
        "BOTH",
        "Copy ID and name",
        "Both the ID number and the name are copied.",
    ),
];
const REPORT_LEVEL: &[EnumValue] = &[
    value(
        "ERRORS_ONLY",
        "Only errors",
        "The report lists only what went wrong.",
    ),
    value(
        "SUCCESSES_AND_ERRORS",
        "Successes and errors",
        "The report lists what worked and what went wrong.",
    ),
];

/// One row per member whose presentation is known; every other member gets
/// its name in words (`BytesPerSecond` -> "Bytes per second").
static PRESENTATION: &[Presentation] = &[
    example(
        "/TaskArn",
        "Task",
        "arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0",
    ),
    example("/SourceLocationArn", "Source location", LOCATION_EXAMPLE),
    example(
        "/DestinationLocationArn",
        "Destination location",
        "arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210",
    ),
    Presentation {
        section: Some("Logging"),
        ..example(
            "/CloudWatchLogGroupArn",
            "CloudWatch log group",
            "arn:aws:logs:us-east-1:111122223333:log-group:/aws/datasync:*",
        )
    },
    example("/Name", "Task name", "nightly-nfs-to-s3"),
    shown("/Options", "Options"),
    choices(
        "/Options/VerifyMode",
        "Data verification",
        &[
            value(
                "POINT_IN_TIME_CONSISTENT",
                "Verify all data",
                "At the end, compares the whole source with the whole destination (Basic mode only).",
            ),
            value(
                "ONLY_FILES_TRANSFERRED",
                "Verify only transferred data",
                "At the end, checks what this run copied.",
            ),
            value("NONE", "Don't verify", "Skips the final check; data is still checked in transit."),
        ],
    ),
    choices(
        "/Options/OverwriteMode",
        "Overwrite files",
        &[
            value("ALWAYS", "Overwrite", "A file changed at the source replaces its copy at the destination."),
            value("NEVER", "Never overwrite", "Data already at the destination is never replaced."),
        ],
    ),
    choices(
        "/Options/Atime",
        "Access time",
        &[
            value("NONE", "Don't copy", "Files get no last-access time from the source."),
            value("BEST_EFFORT", "Copy where possible", "Each file keeps its last-access time where the storage allows."),
        ],
    ),
    choices(
        "/Options/Mtime",
        "Modification time",
        &[
            value("NONE", "Don't copy", "Files get no last-modified time from the source."),
            value("PRESERVE", "Copy", "Each file keeps its last-modified time."),
        ],
    ),
    choices("/Options/Uid", "File owner (user ID)", ID_MAPPING),
    choices("/Options/Gid", "File group (group ID)", ID_MAPPING),
    choices(
        "/Options/PreserveDeletedFiles",
        "Files deleted at the source",
        &[
            value("PRESERVE", "Keep at destination", "Files removed at the source stay at the destination."),
            value("REMOVE", "Delete at destination", "Files removed at the source are removed at the destination too."),
        ],
    ),
    choices("/Options/PreserveDevices", "Device and special files", COPY_OR_NOT),
    choices("/Options/PosixPermissions", "POSIX permissions", PRESERVE_OR_NOT),
    example("/Options/BytesPerSecond", "Bandwidth limit (bytes per second)", "1048576"),
    choices(
        "/Options/TaskQueueing",
        "Queue runs",
        &[
            value("ENABLED", "Queue", "A run that starts while another task uses the same agent waits its turn."),
            value("DISABLED", "Don't queue", "Runs are not queued."),
        ],
    ),
    Presentation {
        section: Some("Logging"),
        ..choices(
            "/Options/LogLevel",
            "Log level",
            &[
                value("OFF", "Off", "No logs are published."),
                value("BASIC", "Basic", "Errors and a summary per run."),
                value("TRANSFER", "Every item", "Every file or object transferred and checked."),
            ],
        )
    },
    choices(
        "/Options/TransferMode",
        "What to transfer",
        &[
            value("CHANGED", "Only what changed", "Copies only data and metadata that differ from the destination."),
            value("ALL", "Everything", "Copies all content without comparing with the destination."),
        ],
    ),
    choices(
        "/Options/SecurityDescriptorCopyFlags",
        "SMB security descriptors",
        &[
            value("NONE", "Don't copy", "No ownership or access lists are copied."),
            value("OWNER_DACL", "Owner and DACL", "The owner and the access control list are copied."),
            value(
                "OWNER_DACL_SACL",
                "Owner, DACL and SACL",
                "The owner, the access list and the audit list are copied.",
            ),
        ],
    ),
    choices("/Options/ObjectTags", "Object tags", PRESERVE_OR_NOT),
    choices("/Options/ObjectMetadata", "Object metadata", METADATA_OR_NOT),
    shown("/Excludes", "Exclude filters"),
    shown("/Excludes/*", "Exclude filter"),
    choices(
        "/Excludes/*/FilterType",
        "Filter type",
        &[value("SIMPLE_PATTERN", "Simple pattern", "Paths and * wildcards, separated by |.")],
    ),
    example("/Excludes/*/Value", "Patterns", "/temp|*.tmp"),
    shown("/Includes", "Include filters"),
    shown("/Includes/*", "Include filter"),
    choices(
        "/Includes/*/FilterType",
        "Filter type",
        &[value("SIMPLE_PATTERN", "Simple pattern", "Paths and * wildcards, separated by |.")],
    ),
    example("/Includes/*/Value", "Patterns", "/projects|/archive"),
    shown("/Schedule", "Schedule"),
    example("/Schedule/ScheduleExpression", "Expression", "cron(0 2 ? * MON-FRI *)"),
    choices(
        "/Schedule/Status",
        "Status",
        &[
            value("ENABLED", "On", "The task runs on its schedule."),
            value("DISABLED", "Paused", "The schedule is kept but the task does not run on it."),
        ],
    ),
    shown("/Tags", "Tags"),
    shown("/Tags/*", "Tag"),
    example("/Tags/*/Key", "Key", "team"),
    example("/Tags/*/Value", "Value", "storage"),
    shown("/ManifestConfig", "Manifest"),
    choices(
        "/ManifestConfig/Action",
        "Action",
        &[value("TRANSFER", "Transfer", "Transfers only the files or objects the manifest lists.")],
    ),
    choices(
        "/ManifestConfig/Format",
        "Format",
        &[value("CSV", "CSV", "One path per line, optionally with an object version.")],
    ),
    shown("/ManifestConfig/Source", "Manifest location"),
    shown("/ManifestConfig/Source/S3", "In Amazon S3"),
    example("/ManifestConfig/Source/S3/ManifestObjectPath", "Object key", "manifests/files.csv"),
    example("/ManifestConfig/Source/S3/BucketAccessRoleArn", "Access role", ROLE_EXAMPLE),
    example("/ManifestConfig/Source/S3/S3BucketArn", "Bucket", BUCKET_EXAMPLE),
    example(
        "/ManifestConfig/Source/S3/ManifestObjectVersionId",
        "Object version",
        "3HL4kqtJlcpXroDTDmJ-rmSpXd3dIbrHY",
    ),
    shown("/TaskReportConfig", "Task report"),
    shown("/TaskReportConfig/Destination", "Report destination"),
    shown("/TaskReportConfig/Destination/S3", "In Amazon S3"),
    example("/TaskReportConfig/Destination/S3/Subdirectory", "Folder", "reports/datasync"),
    example("/TaskReportConfig/Destination/S3/S3BucketArn", "Bucket", BUCKET_EXAMPLE),
    example("/TaskReportConfig/Destination/S3/BucketAccessRoleArn", "Access role", ROLE_EXAMPLE),
    choices(
        "/TaskReportConfig/OutputType",
        "Report type",
        &[
            value("SUMMARY_ONLY", "Summary only", "Counts per outcome, and the errors."),
            value("STANDARD", "Standard", "Every item the run touched, with its outcome."),
        ],
    ),
    choices("/TaskReportConfig/ReportLevel", "Report level", REPORT_LEVEL),
    choices(
        "/TaskReportConfig/ObjectVersionIds",
        "Object version IDs",
        &[
            value("INCLUDE", "Include", "The report names the object version transferred."),
            value("NONE", "Leave out", "The report does not name object versions."),
        ],
    ),
    shown("/TaskReportConfig/Overrides", "Report level per outcome"),
    shown("/TaskReportConfig/Overrides/Transferred", "Transferred items"),
    choices("/TaskReportConfig/Overrides/Transferred/ReportLevel", "Report level", REPORT_LEVEL),
    shown("/TaskReportConfig/Overrides/Verified", "Verified items"),
    choices("/TaskReportConfig/Overrides/Verified/ReportLevel", "Report level", REPORT_LEVEL),
    shown("/TaskReportConfig/Overrides/Deleted", "Deleted items"),
    choices("/TaskReportConfig/Overrides/Deleted/ReportLevel", "Report level", REPORT_LEVEL),
    shown("/TaskReportConfig/Overrides/Skipped", "Skipped items"),
    choices("/TaskReportConfig/Overrides/Skipped/ReportLevel", "Report level", REPORT_LEVEL),
    choices(
        "/TaskMode",
        "Task mode",
        &[
            value(
                "BASIC",
                "Basic",
                "Transfers files or objects between AWS storage and other storage; all options available.",
            ),
            value(
                "ENHANCED",
                "Enhanced",
                "Transfers virtually unlimited numbers of objects, faster, with detailed metrics; fewer options.",
            ),
        ],
    ),
];

/// `BytesPerSecond` -> "Bytes per second": the label of a member the table does
/// not name. Acronyms (`SMB`) keep their capitals.
fn words(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut words: Vec<String> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let starts_word = i == 0
            || (c.is_ascii_uppercase()
                && (chars[i - 1].is_ascii_lowercase()
                    || chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase())));
        if starts_word {
            words.push(String::new());
        }
        if let Some(word) = words.last_mut() {
            word.push(c);
        }
    }
    let mut out = String::with_capacity(name.len() + words.len());
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let acronym = word.chars().filter(char::is_ascii_uppercase).count() > 1;
        if i == 0 || acronym {
            out.push_str(word);
        } else {
            out.push_str(&word.to_ascii_lowercase());
        }
    }
    out
}

fn presentation(pointer: &str) -> Option<&'static Presentation> {
    // StartTaskExecution's OverrideOptions are the Options members, shown alike.
    let options = pointer
        .strip_prefix("/OverrideOptions")
        .map(|rest| format!("/Options{rest}"));
    let pointer = options.as_deref().unwrap_or(pointer);
    PRESENTATION.iter().find(|p| p.pointer == pointer)
}

impl FieldInfo {
    /// The metadata as a JSON object with camelCase keys; absent facts are omitted.
    pub fn to_json(&self) -> Value<'static> {
        let mut members: Vec<(Text<'static>, Value<'static>)> = vec![
            ("pointer".into(), self.pointer.clone().into()),
            ("name".into(), self.name.into()),
            ("label".into(), self.label.clone().into()),
            ("type".into(), self.kind.into()),
            ("required".into(), self.required.into()),
            ("section".into(), self.section.into()),
            ("sectionOrder".into(), self.section_order.into()),
            ("help".into(), self.help.into()),
        ];
        if !self.allowed.is_empty() {
            members.push(("enum".into(), self.allowed.to_vec().into()));
        }
        if !self.values.is_empty() {
            let values = self
                .values
                .iter()
                .map(|v| {
                    Value::Object(vec![
                        ("value".into(), v.value.into()),
                        ("label".into(), v.label.into()),
                        ("description".into(), v.description.into()),
                    ])
                })
                .collect();
            members.push(("values".into(), Value::Array(values)));
        }
        if let Some(example) = self.example {
            members.push(("example".into(), example.into()));
        }
        if let Some(defaults) = &self.default {
            members.push((
                "default".into(),
                Value::Object(vec![
                    ("BASIC".into(), Value::from(defaults.basic)),
                    ("ENHANCED".into(), Value::from(defaults.enhanced)),
                ]),
            ));
        }
        let limits = [
            ("minLength", self.min_length),
            ("maxLength", self.max_length),
            ("maxItems", self.max_items),
        ];
        for (key, limit) in limits {
            if let Some(limit) = limit {
                members.push((key.into(), limit.into()));
            }
        }
        if let Some(minimum) = self.minimum {
            members.push(("minimum".into(), minimum.into()));
        }
        if let Some(pattern) = self.pattern {
            members.push(("pattern".into(), pattern.ecmascript_regex().into()));
            members.push(("formatHint".into(), pattern.hint().into()));
        }
        if let Some(scope) = self.applies_to {
            members.push((
                "appliesTo".into(),
                Value::Object(vec![
                    ("side".into(), scope.side.as_str().into()),
                    ("types".into(), type_names(scope.types)),
                    ("note".into(), scope.note.into()),
                ]),
            ));
        }
        if let Some(value) = self.object_pair_default {
            members.push((
                "locationDefault".into(),
                Value::Object(vec![
                    ("side".into(), Side::Both.as_str().into()),
                    ("types".into(), type_names(LocationType::OBJECT_STORAGE)),
                    ("value".into(), value.into()),
                ]),
            ));
        }
        Value::Object(members)
    }
}

fn type_names(types: &[LocationType]) -> Value<'static> {
    Value::Array(types.iter().map(|kind| kind.as_str().into()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Literal;

    #[test]
    fn required_agrees_with_validate() {
        // hunt37f #15: validate() refuses a CreateTask manifest without Source.
        let required = |operation: Operation, pointer: &str| {
            fields_of(operation)
                .iter()
                .find(|f| f.pointer == pointer)
                .map(|f| f.required)
        };
        assert_eq!(
            required(Operation::CreateTask, "/ManifestConfig/Source"),
            Some(true)
        );
        assert_eq!(
            required(Operation::CreateTask, "/ManifestConfig"),
            Some(false)
        );
        // An update may send an empty ManifestConfig, which removes the manifest.
        assert_eq!(
            required(Operation::UpdateTask, "/ManifestConfig/Source"),
            Some(false)
        );
        assert_eq!(
            required(Operation::CreateTask, "/SourceLocationArn"),
            Some(true)
        );
    }

    #[test]
    fn lists_every_model_member_once() {
        let all = fields();
        let pointers: Vec<&str> = all.iter().map(|f| f.pointer.as_str()).collect();
        // The API model lists 64 members below the root, list items included.
        assert_eq!(pointers.len(), 64);
        let unique: std::collections::HashSet<_> = pointers.iter().collect();
        assert_eq!(unique.len(), pointers.len());
        for expected in [
            "/SourceLocationArn",
            "/Options/ObjectMetadata",
            "/Tags/*",
            "/Tags/*/Key",
            "/Includes/*/Value",
            "/ManifestConfig/Source/S3/ManifestObjectVersionId",
            "/TaskReportConfig/Overrides/Skipped/ReportLevel",
            "/TaskMode",
        ] {
            assert!(pointers.contains(&expected), "{expected} missing");
        }
    }

    #[test]
    fn each_operation_lists_its_own_members_and_only_create_task_has_defaults() {
        let update = fields_of(Operation::UpdateTask);
        let start = fields_of(Operation::StartTaskExecution);
        let pointers =
            |all: &[FieldInfo]| all.iter().map(|f| f.pointer.clone()).collect::<Vec<_>>();
        let (update_pointers, start_pointers) = (pointers(&update), pointers(&start));
        assert_eq!(update_pointers[0], "/TaskArn");
        assert!(update_pointers.contains(&"/Options/Atime".to_owned()));
        assert!(update_pointers.contains(&"/Schedule/ScheduleExpression".to_owned()));
        for absent in [
            "/TaskMode",
            "/Tags",
            "/SourceLocationArn",
            "/OverrideOptions",
        ] {
            assert!(
                !update_pointers.iter().any(|p| p.starts_with(absent)),
                "{absent}"
            );
        }
        assert!(start_pointers.contains(&"/OverrideOptions/VerifyMode".to_owned()));
        assert!(start_pointers.contains(&"/Tags/*/Key".to_owned()));
        for absent in [
            "/Options",
            "/Schedule",
            "/Name",
            "/CloudWatchLogGroupArn",
            "/TaskMode",
        ] {
            assert!(
                !start_pointers.iter().any(|p| p.starts_with(absent)),
                "{absent}"
            );
        }
        assert!(update.iter().chain(&start).all(|f| f.default.is_none()));
        // A run's overrides are presented as the task's options are.
        let label = |all: &[FieldInfo], pointer: &str| {
            all.iter()
                .find(|f| f.pointer == pointer)
                .map(|f| (f.label.clone(), f.values.len(), f.section_order))
        };
        assert_eq!(
            label(&start, "/OverrideOptions/VerifyMode"),
            label(&fields(), "/Options/VerifyMode")
        );
        assert_eq!(
            label(&update, "/TaskArn").map(|l| l.0),
            Some("Task".to_owned())
        );
        assert!(update
            .iter()
            .chain(&start)
            .all(|f| f.section_order < SECTIONS.len()));
        assert!(fields().iter().any(|f| f.default.is_some()));
        assert_eq!(fields(), fields_of(Operation::CreateTask));
    }

    #[test]
    fn object_metadata_is_described_as_the_model_documents_it() {
        // botocore 1.44.18, Options.ObjectMetadata: PRESERVE is the "default
        // behavior"; with NONE "metadata for the last modified time is still
        // preserved". An update or a run has no defaults (what it omits
        // keeps the task's setting), so no help of theirs speaks of one.
        for operation in [Operation::UpdateTask, Operation::StartTaskExecution] {
            for field in fields_of(operation) {
                assert!(!field.help.contains("default"), "{}", field.pointer);
            }
        }
        let all = fields();
        let metadata = all
            .iter()
            .find(|f| f.pointer == "/Options/ObjectMetadata")
            .expect("listed");
        assert!(!metadata.help.contains("inferred"), "{}", metadata.help);
        assert_eq!(
            metadata.default.map(|d| d.basic),
            Some(Literal::Str("PRESERVE"))
        );
        let none = metadata
            .values
            .iter()
            .find(|v| v.value == "NONE")
            .expect("NONE");
        assert!(
            none.description.contains("last-modified time"),
            "{}",
            none.description
        );
    }

    #[test]
    fn a_minimum_length_is_one_a_value_can_have() {
        // The model says 0 for Name and a tag's Value, but their pattern
        // (`^[a-zA-Z0-9\s+=._:@/-]+$`) needs a character: validate() rejects
        // "" for both, so a form's `minlength` from fields() must say 1.
        let min = |all: &[FieldInfo], pointer: &str| {
            all.iter()
                .find(|f| f.pointer == pointer)
                .map(|f| f.min_length)
        };
        let (create, update, start) = (
            fields(),
            fields_of(Operation::UpdateTask),
            fields_of(Operation::StartTaskExecution),
        );
        for (all, pointer) in [
            (&create, "/Name"),
            (&create, "/Tags/*/Value"),
            (&update, "/Name"),
            (&start, "/Tags/*/Value"),
        ] {
            assert_eq!(min(all, pointer), Some(Some(1)), "{pointer}");
        }
        let empty = |member: &str| {
            crate::validate_text(
                &crate::rules::testing::request(member),
                &crate::Context::default(),
            )
            .diagnostics
            .iter()
            .map(|d| (d.path.to_string(), d.code.as_str()))
            .collect::<Vec<_>>()
        };
        assert_eq!(
            empty(r#""Name":"""#),
            [("/Name".to_owned(), "value/pattern-mismatch")]
        );
        assert_eq!(
            empty(r#""Tags":[{"Key":"k","Value":""}]"#),
            [("/Tags/0/Value".to_owned(), "value/pattern-mismatch")]
        );
        // A filter value's model states no minimum, but its pattern
        // (`^[^\x00]+$`) needs a character too (hunt36 #3).
        for all in [&create, &update, &start] {
            for pointer in ["/Includes/*/Value", "/Excludes/*/Value"] {
                assert_eq!(min(all, pointer), Some(Some(1)), "{pointer}");
            }
        }
        assert_eq!(
            empty(r#""Excludes":[{"FilterType":"SIMPLE_PATTERN","Value":""}]"#),
            [("/Excludes/0/Value".to_owned(), "value/pattern-mismatch")]
        );
        // No field's minimum (0 where none is given) is below what its
        // pattern needs.
        for field in create.iter().chain(&update).chain(&start) {
            if let Some(pattern) = field.pattern {
                let least = field.min_length.unwrap_or(0);
                assert!(least > 0 || pattern.matches(""), "{}", field.pointer);
            }
        }
        assert_eq!(min(&create, "/SourceLocationArn"), Some(Some(1)));
        assert_eq!(min(&create, "/Schedule/ScheduleExpression"), Some(None));
        assert_eq!(min(&create, "/Tags/*/Key"), Some(Some(1)));
    }

    #[test]
    fn carries_defaults_per_mode_and_limits() {
        let all = fields();
        let verify = all
            .iter()
            .find(|f| f.pointer == "/Options/VerifyMode")
            .unwrap();
        let defaults = verify.default.unwrap();
        assert_eq!(defaults.basic, Literal::Str("POINT_IN_TIME_CONSISTENT"));
        assert_eq!(defaults.enhanced, Literal::Str("ONLY_FILES_TRANSFERRED"));
        let tags = all.iter().find(|f| f.pointer == "/Tags").unwrap();
        assert_eq!((tags.kind, tags.max_items), ("array", Some(50)));
        let bandwidth = all
            .iter()
            .find(|f| f.pointer == "/Options/BytesPerSecond")
            .unwrap();
        assert_eq!((bandwidth.kind, bandwidth.minimum), ("integer", Some(-1)));
        assert!(all.iter().all(|f| !f.help.is_empty()));
    }

    #[test]
    fn every_member_has_a_label_and_every_section_a_place() {
        for field in fields() {
            assert!(!field.label.is_empty(), "{}", field.pointer);
            assert!(
                field.section_order < SECTIONS.len(),
                "{} is in the unknown section {}",
                field.pointer,
                field.section
            );
        }
        // Every row of the table names a real member of some operation, so no
        // label is lost to a typo.
        let pointers: Vec<String> = Operation::ALL
            .iter()
            .flat_map(|&operation| fields_of(operation))
            .map(|f| f.pointer)
            .collect();
        for row in PRESENTATION {
            assert!(pointers.iter().any(|p| p == row.pointer), "{}", row.pointer);
        }
        let logging: Vec<String> = fields()
            .into_iter()
            .filter(|f| f.section == "Logging")
            .map(|f| f.pointer)
            .collect();
        assert_eq!(logging, ["/CloudWatchLogGroupArn", "/Options/LogLevel"]);
    }

    #[test]
    fn every_enum_value_has_a_label_and_a_description_in_model_order() {
        for field in fields().iter().filter(|f| !f.allowed.is_empty()) {
            let described: Vec<&str> = field.values.iter().map(|v| v.value).collect();
            assert_eq!(described, field.allowed, "{}", field.pointer);
            for value in field.values {
                assert!(
                    !value.label.is_empty() && value.description.ends_with('.'),
                    "{value:?}"
                );
            }
        }
    }

    #[test]
    fn every_string_and_integer_member_has_an_example_the_validator_accepts() {
        const SOURCE: &str =
            "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0";
        const DESTINATION: &str =
            "arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210";
        for field in fields() {
            if field.kind != "string" || !field.allowed.is_empty() {
                if field.kind == "integer" {
                    assert!(field.example.is_some(), "{} has no example", field.pointer);
                }
                continue;
            }
            let example = field
                .example
                .unwrap_or_else(|| panic!("{} has no example", field.pointer));
            let pattern = field.pattern.expect("free-text members have a pattern");
            assert!(pattern.matches(example), "{}: {example}", field.pointer);
            if let Some(max) = field.max_length {
                assert!(example.chars().count() <= max, "{}", field.pointer);
            }
            // Not merely the pattern: the whole validator finds nothing at the member.
            if !field.pointer.contains('*') && field.pointer.matches('/').count() == 1 {
                let mut members = vec![format!(
                    "{:?}:{}",
                    &field.pointer[1..],
                    serde_json_string(example)
                )];
                for (name, arn) in [
                    ("SourceLocationArn", SOURCE),
                    ("DestinationLocationArn", DESTINATION),
                ] {
                    if field.pointer[1..] != *name {
                        members.push(format!("{name:?}:{arn:?}"));
                    }
                }
                let text = format!("{{{}}}", members.join(","));
                let report = crate::validate_text(&text, &crate::Context::default());
                let here: Vec<_> = report
                    .diagnostics
                    .iter()
                    .filter(|d| d.path == field.pointer)
                    .collect();
                assert!(here.is_empty(), "{}: {here:?}", field.pointer);
            }
        }
    }

    /// A JSON string literal for `text` (the examples hold no character that needs more than `\"`).
    fn serde_json_string(text: &str) -> String {
        format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
    }

    #[test]
    fn unnamed_members_get_their_name_in_words() {
        assert_eq!(words("BytesPerSecond"), "Bytes per second");
        assert_eq!(
            words("SecurityDescriptorCopyFlags"),
            "Security descriptor copy flags"
        );
        assert_eq!(words("TaskArn"), "Task arn");
        assert_eq!(words("SMBMountOptions"), "SMB mount options");
        assert_eq!(words("Name"), "Name");
    }

    #[test]
    fn says_which_location_pairs_an_option_applies_to() {
        let all = fields();
        let field = |pointer: &str| all.iter().find(|f| f.pointer == pointer).unwrap();
        let flags = field("/Options/SecurityDescriptorCopyFlags")
            .applies_to
            .unwrap();
        assert_eq!(flags.side, Side::Both);
        assert_eq!(flags.types, LocationType::SMB_SHARES);
        let tags = field("/Options/ObjectTags").to_json();
        let Some(Value::Object(applies)) = tags.get("appliesTo") else {
            panic!("appliesTo is an object: {tags:?}");
        };
        assert_eq!(applies[0], ("side".into(), "both".into()));
        assert_eq!(
            applies[1],
            (
                "types".into(),
                vec!["S3", "S3_OUTPOSTS", "OBJECT_STORAGE", "AZURE_BLOB"].into()
            )
        );
        // POSIX ownership: applies when one end is a file system; NONE between object stores.
        let uid = field("/Options/Uid");
        assert_eq!(uid.applies_to.unwrap().side, Side::Either);
        assert_eq!(uid.object_pair_default, Some("NONE"));
        let uid = uid.to_json();
        assert_eq!(
            uid.get("locationDefault").and_then(|d| d.get("value")),
            Some(&Value::from("NONE"))
        );
        // An update and a run: the same scopes, but no default (an omitted
        // option keeps the task's value).
        for (operation, pointer) in [
            (Operation::UpdateTask, "/Options/Uid"),
            (Operation::StartTaskExecution, "/OverrideOptions/Uid"),
        ] {
            let all = fields_of(operation);
            let uid = all.iter().find(|f| f.pointer == pointer).unwrap().to_json();
            assert_eq!(
                uid.get("appliesTo"),
                field("/Options/Uid").to_json().get("appliesTo"),
                "{pointer}"
            );
            assert_eq!(uid.get("locationDefault"), None, "{pointer}");
        }
        // Only option members have a scope: no member elsewhere shares a name with one.
        for operation in Operation::ALL {
            for field in fields_of(*operation) {
                let option = field.pointer.starts_with("/Options/")
                    || field.pointer.starts_with("/OverrideOptions/");
                assert!(
                    option || field.applies_to.is_none() && field.object_pair_default.is_none(),
                    "{}",
                    field.pointer
                );
            }
        }
        // Options that apply to every pair, and members outside Options, say nothing.
        for pointer in ["/Options/VerifyMode", "/Name", "/Tags/*/Key"] {
            let json = field(pointer).to_json();
            assert!(
                json.get("appliesTo").is_none() && json.get("locationDefault").is_none(),
                "{pointer}"
            );
        }
    }
}
