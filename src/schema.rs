//! The request models of the operations the validator judges (CreateTask,
//! UpdateTask, StartTaskExecution): one table of every member, its shape, its
//! limits, its default per task mode and its help text.
//!
//! This table is the single home of the model's facts (copied from the public
//! DataSync API model, botocore 1.44.8; UpdateTask and StartTaskExecution
//! checked against botocore 1.43.67's model, which has the same shapes). The
//! structural check, the defaults and the field metadata for forms all read
//! it, so they cannot disagree.

use crate::diagnostic::{fixed, Fixed};
use crate::json::{Number, Value};
use crate::patterns::Pattern;

/// The kind of value a member holds and the model's constraints on it.
#[derive(Debug)]
pub enum Shape {
    /// A JSON object with these members.
    Structure(&'static [Member]),
    /// A JSON array of `item`, at most `max_items` long.
    List {
        /// The shape of every item.
        item: &'static Shape,
        /// The most items the model allows.
        max_items: usize,
    },
    /// A JSON string.
    String(StringRule),
    /// A 64-bit integer (the model's `long`).
    Long {
        /// The smallest allowed value.
        minimum: i64,
    },
}

/// The constraints on a string member.
#[derive(Debug)]
pub struct StringRule {
    /// Fewest characters (Unicode code points), if the model states it.
    pub min_length: Option<usize>,
    /// Most characters (Unicode code points), if the model states it.
    pub max_length: Option<usize>,
    /// The model's pattern, if any.
    pub pattern: Option<Pattern>,
    /// The enum values (case-sensitive); empty when the member is free text.
    pub allowed: &'static [&'static str],
}

/// A literal default value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Literal {
    /// A string value, e.g. an enum member.
    Str(&'static str),
    /// An integer value.
    Int(i64),
}

impl From<Literal> for Value<'static> {
    fn from(value: Literal) -> Self {
        match value {
            Literal::Str(text) => text.into(),
            Literal::Int(int) => Value::Number(Number::Int(int)),
        }
    }
}

/// What the service uses when a member is omitted, per task mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Defaults {
    /// The default for `TaskMode` BASIC.
    pub basic: Literal,
    /// The default for `TaskMode` ENHANCED.
    pub enhanced: Literal,
}

/// One member of a structure.
#[derive(Debug)]
pub struct Member {
    /// The PascalCase member name.
    pub name: &'static str,
    /// Whether the member must be present whenever its parent is.
    pub required: bool,
    /// Its shape.
    pub shape: &'static Shape,
    /// What the service uses when the member is omitted, if we know.
    pub default: Option<Defaults>,
    /// The form section the member belongs to.
    pub section: &'static str,
    /// A short explanation in our own words, for forms and tooltips.
    pub help: &'static str,
}

const fn same(value: &'static str) -> Option<Defaults> {
    Some(Defaults {
        basic: Literal::Str(value),
        enhanced: Literal::Str(value),
    })
}

const fn text(min: Option<usize>, max: Option<usize>, pattern: Pattern) -> Shape {
    Shape::String(StringRule {
        min_length: min,
        max_length: max,
        pattern: Some(pattern),
        allowed: &[],
    })
}

const fn choice(allowed: &'static [&'static str]) -> Shape {
    Shape::String(StringRule {
        min_length: None,
        max_length: None,
        pattern: None,
        allowed,
    })
}

/// The two task modes.
pub const TASK_MODES: &[&str] = &["BASIC", "ENHANCED"];
const REPORT_LEVELS: &[&str] = &["ERRORS_ONLY", "SUCCESSES_AND_ERRORS"];
const NONE_PRESERVE: &[&str] = &["NONE", "PRESERVE"];
const PRESERVE_NONE: &[&str] = &["PRESERVE", "NONE"];
const ID_MAPPING: &[&str] = &["NONE", "INT_VALUE", "NAME", "BOTH"];
const ENABLED_DISABLED: &[&str] = &["ENABLED", "DISABLED"];

static LOCATION_ARN: Shape = text(None, Some(128), Pattern::LocationArn);
static TASK_ARN: Shape = text(None, Some(128), Pattern::TaskArn);
static LOG_GROUP_ARN: Shape = text(None, Some(562), Pattern::LogGroupArn);
static TAG_VALUE: Shape = text(Some(0), Some(256), Pattern::TagValue);
static TAG_KEY: Shape = text(Some(1), Some(256), Pattern::TagKey);
static S3_SUBDIRECTORY: Shape = text(None, Some(4096), Pattern::S3Subdirectory);
static IAM_ROLE_ARN: Shape = text(None, Some(2048), Pattern::IamRoleArn);
static S3_BUCKET_ARN: Shape = text(None, Some(268), Pattern::S3BucketArn);
static OBJECT_VERSION_ID: Shape = text(Some(1), Some(100), Pattern::S3ObjectVersionId);
/// `Schedule.ScheduleExpression`'s string rule, which the schedule rule checks first.
pub(crate) const SCHEDULE_EXPRESSION_RULE: StringRule = StringRule {
    min_length: None,
    max_length: Some(256),
    pattern: Some(Pattern::ScheduleExpression),
    allowed: &[],
};
static SCHEDULE_EXPRESSION: Shape = Shape::String(SCHEDULE_EXPRESSION_RULE);
static FILTER_TYPE: Shape = Shape::String(StringRule {
    min_length: None,
    max_length: Some(128),
    pattern: Some(Pattern::FilterType),
    allowed: &["SIMPLE_PATTERN"],
});
static FILTER_VALUE: Shape = text(None, Some(102_400), Pattern::FilterValue);
static REPORT_LEVEL: Shape = choice(REPORT_LEVELS);

static VERIFY_MODE: Shape = choice(&["POINT_IN_TIME_CONSISTENT", "ONLY_FILES_TRANSFERRED", "NONE"]);
static OVERWRITE_MODE: Shape = choice(&["ALWAYS", "NEVER"]);
static ATIME: Shape = choice(&["NONE", "BEST_EFFORT"]);
static MTIME: Shape = choice(NONE_PRESERVE);
static ID_MAPPING_SHAPE: Shape = choice(ID_MAPPING);
static PRESERVE_DELETED: Shape = choice(&["PRESERVE", "REMOVE"]);
static NONE_PRESERVE_SHAPE: Shape = choice(NONE_PRESERVE);
static PRESERVE_NONE_SHAPE: Shape = choice(PRESERVE_NONE);
static BYTES_PER_SECOND: Shape = Shape::Long { minimum: -1 };
static ENABLED_DISABLED_SHAPE: Shape = choice(ENABLED_DISABLED);
static LOG_LEVEL: Shape = choice(&["OFF", "BASIC", "TRANSFER"]);
static TRANSFER_MODE: Shape = choice(&["CHANGED", "ALL"]);
static SECURITY_DESCRIPTOR: Shape = choice(&["NONE", "OWNER_DACL", "OWNER_DACL_SACL"]);
static TASK_MODE: Shape = choice(TASK_MODES);

static OPTIONS: Shape = Shape::Structure(OPTION_MEMBERS);

static OPTION_MEMBERS: &[Member] = &[
    Member {
        name: "VerifyMode",
        required: false,
        shape: &VERIFY_MODE,
        default: Some(Defaults {
            basic: Literal::Str("POINT_IN_TIME_CONSISTENT"),
            enhanced: Literal::Str("ONLY_FILES_TRANSFERRED"),
        }),
        section: "Options",
        help: "How DataSync checks data integrity at the end of a transfer. ONLY_FILES_TRANSFERRED checks what was copied; POINT_IN_TIME_CONSISTENT compares both whole locations (Basic mode only; with a manifest it checks only the listed items); NONE skips the final check.",
    },
    Member {
        name: "OverwriteMode",
        required: false,
        shape: &OVERWRITE_MODE,
        default: same("ALWAYS"),
        section: "Options",
        help: "Whether files changed at the source replace their copies at the destination (ALWAYS) or destination data is never overwritten (NEVER).",
    },
    Member {
        name: "Atime",
        required: false,
        shape: &ATIME,
        default: same("BEST_EFFORT"),
        section: "Options",
        help: "Whether to keep each file's last-access time, as far as the storage allows. In Basic mode BEST_EFFORT needs Mtime PRESERVE and NONE needs Mtime NONE.",
    },
    Member {
        name: "Mtime",
        required: false,
        shape: &MTIME,
        default: same("PRESERVE"),
        section: "Options",
        help: "Whether to keep each file's last-modified time. Keep PRESERVE for a task that runs more than once; Enhanced mode does not support NONE.",
    },
    Member {
        name: "Uid",
        required: false,
        shape: &ID_MAPPING_SHAPE,
        default: same("INT_VALUE"),
        section: "Options",
        help: "How file owners' POSIX user IDs are copied: as numbers (INT_VALUE), by name, both, or not at all.",
    },
    Member {
        name: "Gid",
        required: false,
        shape: &ID_MAPPING_SHAPE,
        default: same("INT_VALUE"),
        section: "Options",
        help: "How file owners' POSIX group IDs are copied: as numbers (INT_VALUE), by name, both, or not at all.",
    },
    Member {
        name: "PreserveDeletedFiles",
        required: false,
        shape: &PRESERVE_DELETED,
        default: same("PRESERVE"),
        section: "Options",
        help: "What happens to destination files that no longer exist at the source: keep them (PRESERVE) or delete them (REMOVE, not with TransferMode ALL).",
    },
    Member {
        name: "PreserveDevices",
        required: false,
        shape: &NONE_PRESERVE_SHAPE,
        default: same("NONE"),
        section: "Options",
        help: "Whether to recreate block and character device entries (name and metadata only) at the destination. Not supported for Amazon EFS.",
    },
    Member {
        name: "PosixPermissions",
        required: false,
        shape: &PRESERVE_NONE_SHAPE,
        default: same("PRESERVE"),
        section: "Options",
        help: "Whether to copy POSIX read, write and execute permissions.",
    },
    Member {
        name: "BytesPerSecond",
        required: false,
        shape: &BYTES_PER_SECOND,
        default: Some(Defaults {
            basic: Literal::Int(-1),
            enhanced: Literal::Int(-1),
        }),
        section: "Options",
        help: "Bandwidth cap in bytes per second; -1 means no limit (1 MiB/s is 1048576).",
    },
    Member {
        name: "TaskQueueing",
        required: false,
        shape: &ENABLED_DISABLED_SHAPE,
        default: same("ENABLED"),
        section: "Options",
        help: "Whether this task waits in a queue when other tasks use the same agent.",
    },
    Member {
        name: "LogLevel",
        required: false,
        shape: &LOG_LEVEL,
        default: same("OFF"),
        section: "Options",
        help: "What DataSync writes to CloudWatch Logs: nothing (OFF), errors and basic information (BASIC), or every file transferred and verified (TRANSFER). Basic mode also needs CloudWatchLogGroupArn.",
    },
    Member {
        name: "TransferMode",
        required: false,
        shape: &TRANSFER_MODE,
        default: same("CHANGED"),
        section: "Options",
        help: "Copy only what differs from the destination after the first run (CHANGED) or everything every time (ALL).",
    },
    Member {
        name: "SecurityDescriptorCopyFlags",
        required: false,
        shape: &SECURITY_DESCRIPTOR,
        default: same("OWNER_DACL"),
        section: "Options",
        help: "Which parts of SMB security descriptors are copied; used only between SMB and FSx for Windows File Server locations. Copying SACLs needs extra permissions.",
    },
    Member {
        name: "ObjectTags",
        required: false,
        shape: &PRESERVE_NONE_SHAPE,
        default: same("PRESERVE"),
        section: "Options",
        help: "Whether object tags are copied between object storage systems.",
    },
    Member {
        name: "ObjectMetadata",
        required: false,
        shape: &PRESERVE_NONE_SHAPE,
        default: same("PRESERVE"),
        section: "Options",
        help: "Whether object system metadata is copied between object storage systems; NONE still copies the last-modified time.",
    },
];

/// The JSON pointers of [`OPTION_MEMBERS`] in its order where the options
/// member is `Options` (CreateTask and UpdateTask), as [`Fixed`] text: a
/// diagnostic at one of them (`scan::Place::path`) neither builds its path
/// nor, in the WebAssembly build, copies it into the report's record. Each
/// is held to `/Options/` and its member's name when the crate is compiled
/// (below), and to what `scan::Place::pointer` writes by the test
/// `option_pointers_are_the_built_ones`.
pub(crate) const OPTION_POINTERS: [Fixed; 16] = [
    fixed!("/Options/VerifyMode"),
    fixed!("/Options/OverwriteMode"),
    fixed!("/Options/Atime"),
    fixed!("/Options/Mtime"),
    fixed!("/Options/Uid"),
    fixed!("/Options/Gid"),
    fixed!("/Options/PreserveDeletedFiles"),
    fixed!("/Options/PreserveDevices"),
    fixed!("/Options/PosixPermissions"),
    fixed!("/Options/BytesPerSecond"),
    fixed!("/Options/TaskQueueing"),
    fixed!("/Options/LogLevel"),
    fixed!("/Options/TransferMode"),
    fixed!("/Options/SecurityDescriptorCopyFlags"),
    fixed!("/Options/ObjectTags"),
    fixed!("/Options/ObjectMetadata"),
];

/// Fails the build if [`OPTION_POINTERS`] is not `/Options/` and each name
/// of [`OPTION_MEMBERS`], in its order.
const _: () = {
    const PREFIX: &[u8] = b"/Options/";
    assert!(OPTION_POINTERS.len() == OPTION_MEMBERS.len());
    let mut at = 0;
    while at < OPTION_MEMBERS.len() {
        let pointer = OPTION_POINTERS[at].as_str().as_bytes();
        let name = OPTION_MEMBERS[at].name.as_bytes();
        assert!(
            pointer.len() == PREFIX.len() + name.len(),
            "an option's pointer is not its name's"
        );
        let mut byte = 0;
        while byte < pointer.len() {
            let expected = if byte < PREFIX.len() {
                PREFIX[byte]
            } else {
                name[byte - PREFIX.len()]
            };
            assert!(
                pointer[byte] == expected,
                "an option's pointer is not its name's"
            );
            byte += 1;
        }
        at += 1;
    }
};

static FILTER_RULE: Shape = Shape::Structure(&[
    Member {
        name: "FilterType",
        required: false,
        shape: &FILTER_TYPE,
        default: None,
        section: "Filters",
        help: "The filter syntax; SIMPLE_PATTERN is the only one.",
    },
    Member {
        name: "Value",
        required: false,
        shape: &FILTER_VALUE,
        default: None,
        section: "Filters",
        help: "Patterns separated by |, relative to the source location and case-sensitive, e.g. /photos|/docs*.",
    },
]);

static EXCLUDES: Shape = Shape::List {
    item: &FILTER_RULE,
    max_items: 1,
};
static INCLUDES: Shape = Shape::List {
    item: &FILTER_RULE,
    max_items: 1,
};

static SCHEDULE: Shape = Shape::Structure(&[
    Member {
        name: "ScheduleExpression",
        required: true,
        shape: &SCHEDULE_EXPRESSION,
        default: None,
        section: "Schedule",
        help: "When the task runs, in UTC: cron(minutes hours day-of-month month day-of-week year) or rate(N hours). At most once an hour.",
    },
    Member {
        name: "Status",
        required: false,
        shape: &ENABLED_DISABLED_SHAPE,
        default: same("ENABLED"),
        section: "Schedule",
        help: "Whether the schedule is active. DataSync may disable it itself after repeated failures.",
    },
]);

static TAG: Shape = Shape::Structure(&[
    Member {
        name: "Key",
        required: true,
        shape: &TAG_KEY,
        default: None,
        section: "Tags",
        help: "The tag name: letters, digits, spaces and + - = . _ : /; unique in the task; must not start with aws:.",
    },
    Member {
        name: "Value",
        required: false,
        shape: &TAG_VALUE,
        default: None,
        section: "Tags",
        help: "The tag value: letters, digits, spaces and + - = . _ : / @.",
    },
]);

static TAGS: Shape = Shape::List {
    item: &TAG,
    max_items: 50,
};

static MANIFEST_S3: Shape = Shape::Structure(&[
    Member {
        name: "ManifestObjectPath",
        required: true,
        shape: &S3_SUBDIRECTORY,
        default: None,
        section: "Manifest",
        help: "The S3 object key of the manifest CSV, with any prefix (e.g. prefix/manifest.csv).",
    },
    Member {
        name: "BucketAccessRoleArn",
        required: true,
        shape: &IAM_ROLE_ARN,
        default: None,
        section: "Manifest",
        help: "The IAM role DataSync assumes to read the manifest.",
    },
    Member {
        name: "S3BucketArn",
        required: true,
        shape: &S3_BUCKET_ARN,
        default: None,
        section: "Manifest",
        help: "The bucket (or access point) that holds the manifest.",
    },
    Member {
        name: "ManifestObjectVersionId",
        required: false,
        shape: &OBJECT_VERSION_ID,
        default: None,
        section: "Manifest",
        help: "A specific version of the manifest object; the latest version when omitted.",
    },
]);

static MANIFEST_SOURCE: Shape = Shape::Structure(&[Member {
    name: "S3",
    required: true,
    shape: &MANIFEST_S3,
    default: None,
    section: "Manifest",
    help: "Where in Amazon S3 the manifest is stored.",
}]);

static MANIFEST_CONFIG: Shape = Shape::Structure(&[
    Member {
        name: "Action",
        required: false,
        shape: &MANIFEST_ACTION,
        default: same("TRANSFER"),
        section: "Manifest",
        help: "What the manifest is for; TRANSFER is the only action.",
    },
    Member {
        name: "Format",
        required: false,
        shape: &MANIFEST_FORMAT,
        default: same("CSV"),
        section: "Manifest",
        help: "The manifest's file format; CSV is the only format.",
    },
    Member {
        name: "Source",
        required: false,
        shape: &MANIFEST_SOURCE,
        default: None,
        section: "Manifest",
        help:
            "The manifest to use. Required in practice: without it the service rejects the request.",
    },
]);
static MANIFEST_ACTION: Shape = choice(&["TRANSFER"]);
static MANIFEST_FORMAT: Shape = choice(&["CSV"]);

static REPORT_S3: Shape = Shape::Structure(&[
    Member {
        name: "Subdirectory",
        required: false,
        shape: &S3_SUBDIRECTORY,
        default: None,
        section: "Task report",
        help: "A prefix in the bucket under which reports are written.",
    },
    Member {
        name: "S3BucketArn",
        required: true,
        shape: &S3_BUCKET_ARN,
        default: None,
        section: "Task report",
        help: "The bucket (or access point) that receives the reports.",
    },
    Member {
        name: "BucketAccessRoleArn",
        required: true,
        shape: &IAM_ROLE_ARN,
        default: None,
        section: "Task report",
        help: "The IAM role DataSync assumes to write the reports.",
    },
]);

static REPORT_DESTINATION: Shape = Shape::Structure(&[Member {
    name: "S3",
    required: false,
    shape: &REPORT_S3,
    default: None,
    section: "Task report",
    help: "The Amazon S3 bucket for task reports.",
}]);

static REPORT_OVERRIDE: Shape = Shape::Structure(&[Member {
    name: "ReportLevel",
    required: false,
    shape: &REPORT_LEVEL,
    default: None,
    section: "Task report",
    help: "Errors only, or successes and errors, for this part of the report.",
}]);

static REPORT_OVERRIDES: Shape = Shape::Structure(&[
    Member {
        name: "Transferred",
        required: false,
        shape: &REPORT_OVERRIDE,
        default: None,
        section: "Task report",
        help: "Report level for items DataSync tried to transfer.",
    },
    Member {
        name: "Verified",
        required: false,
        shape: &REPORT_OVERRIDE,
        default: None,
        section: "Task report",
        help: "Report level for items DataSync tried to verify.",
    },
    Member {
        name: "Deleted",
        required: false,
        shape: &REPORT_OVERRIDE,
        default: None,
        section: "Task report",
        help: "Report level for items DataSync tried to delete (only with PreserveDeletedFiles REMOVE).",
    },
    Member {
        name: "Skipped",
        required: false,
        shape: &REPORT_OVERRIDE,
        default: None,
        section: "Task report",
        help: "Report level for items DataSync skipped.",
    },
]);

static TASK_REPORT_CONFIG: Shape = Shape::Structure(&[
    Member {
        name: "Destination",
        required: false,
        shape: &REPORT_DESTINATION,
        default: None,
        section: "Task report",
        help: "Where DataSync uploads task reports.",
    },
    Member {
        name: "OutputType",
        required: false,
        shape: &REPORT_OUTPUT_TYPE,
        default: None,
        section: "Task report",
        help: "SUMMARY_ONLY gives totals; STANDARD also lists every item transferred, skipped, verified and deleted.",
    },
    Member {
        name: "ReportLevel",
        required: false,
        shape: &REPORT_LEVEL,
        default: None,
        section: "Task report",
        help: "Whether a standard report lists only what went wrong or successes too.",
    },
    Member {
        name: "ObjectVersionIds",
        required: false,
        shape: &OBJECT_VERSION_IDS,
        default: None,
        section: "Task report",
        help: "Whether the report includes the new version ID of each object written to a versioned bucket (can slow the task).",
    },
    Member {
        name: "Overrides",
        required: false,
        shape: &REPORT_OVERRIDES,
        default: None,
        section: "Task report",
        help: "Per-category report levels that override ReportLevel.",
    },
]);
static REPORT_OUTPUT_TYPE: Shape = choice(&["SUMMARY_ONLY", "STANDARD"]);
static OBJECT_VERSION_IDS: Shape = choice(&["INCLUDE", "NONE"]);

/// The whole request.
pub static REQUEST: Shape = Shape::Structure(&[
    Member {
        name: "SourceLocationArn",
        required: true,
        shape: &LOCATION_ARN,
        default: None,
        section: "Locations",
        help: "The DataSync location to copy from.",
    },
    Member {
        name: "DestinationLocationArn",
        required: true,
        shape: &LOCATION_ARN,
        default: None,
        section: "Locations",
        help: "The DataSync location to copy to.",
    },
    Member {
        name: "CloudWatchLogGroupArn",
        required: false,
        shape: &LOG_GROUP_ARN,
        default: None,
        section: "Options",
        help: "The CloudWatch Logs log group for Basic mode task logs. Enhanced mode tasks log to /aws/datasync without it.",
    },
    Member {
        name: "Name",
        required: false,
        shape: &TAG_VALUE,
        default: None,
        section: "General",
        help: "A name for the task: letters, digits, spaces and + - = . _ : / @.",
    },
    Member {
        name: "Options",
        required: false,
        shape: &OPTIONS,
        default: None,
        section: "Options",
        help: "How files are copied, verified and logged. Every omitted option takes the service default.",
    },
    Member {
        name: "Excludes",
        required: false,
        shape: &EXCLUDES,
        default: None,
        section: "Filters",
        help: "At most one exclude rule: what not to copy.",
    },
    Member {
        name: "Schedule",
        required: false,
        shape: &SCHEDULE,
        default: None,
        section: "Schedule",
        help: "Run the task automatically.",
    },
    Member {
        name: "Tags",
        required: false,
        shape: &TAGS,
        default: None,
        section: "Tags",
        help: "Up to 50 key-value tags for the task.",
    },
    Member {
        name: "Includes",
        required: false,
        shape: &INCLUDES,
        default: None,
        section: "Filters",
        help: "At most one include rule: copy only what matches. Cannot be combined with a manifest.",
    },
    Member {
        name: "ManifestConfig",
        required: false,
        shape: &MANIFEST_CONFIG,
        default: None,
        section: "Manifest",
        help: "Copy only the files or objects listed in a CSV manifest stored in Amazon S3.",
    },
    Member {
        name: "TaskReportConfig",
        required: false,
        shape: &TASK_REPORT_CONFIG,
        default: None,
        section: "Task report",
        help: "Write a report of what the task did to an S3 bucket.",
    },
    Member {
        name: "TaskMode",
        required: false,
        shape: &TASK_MODE,
        default: same("BASIC"),
        section: "Task mode",
        help: "BASIC works with every location type; ENHANCED is faster and handles virtually unlimited objects but supports fewer options and no S3 on Outposts.",
    },
]);

/// The members of the request root of CreateTask.
pub fn request_members() -> &'static [Member] {
    Operation::CreateTask.members()
}

/// The member called `name` among `members`.
pub fn find<'a>(members: &'a [Member], name: &str) -> Option<&'a Member> {
    members
        .iter()
        .find(|member| crate::json::same(member.name, name))
}

/// The members of `Options` (and of StartTaskExecution's `OverrideOptions`).
pub const fn option_members() -> &'static [Member] {
    OPTION_MEMBERS
}

/// Where a name of [`OPTION_MEMBERS`] would be in [`OPTION_SLOTS`]: its
/// length and its first and last bytes mixed, in 0..64.
const fn option_slot(name: &[u8]) -> usize {
    let (first, last) = match name {
        [first, .., last] => (*first as usize, *last as usize),
        [only] => (*only as usize, *only as usize),
        [] => (0, 0),
    };
    (name.len() + first * 2 + last * 6) % 64
}

/// For each slot, the position in [`OPTION_MEMBERS`] of the member whose
/// name is there, or `u8::MAX`: worked out when the crate is compiled, which
/// fails if two names share a slot. The readers of a request find each
/// option member it names with one name comparison instead of a search
/// through sixteen (the rules name options by position: `request::options`).
static OPTION_SLOTS: [u8; 64] = {
    let mut slots = [u8::MAX; 64];
    let mut at = 0;
    while at < OPTION_MEMBERS.len() {
        let slot = option_slot(OPTION_MEMBERS[at].name.as_bytes());
        assert!(slots[slot] == u8::MAX, "two option names share a slot");
        slots[slot] = at as u8;
        at += 1;
    }
    slots
};

/// The position of the option called `name` in [`option_members`].
pub(crate) fn option_position(name: &str) -> Option<usize> {
    let at = usize::from(*OPTION_SLOTS.get(option_slot(name.as_bytes()))?);
    let member = OPTION_MEMBERS.get(at)?;
    crate::json::same(member.name, name).then_some(at)
}

/// The DataSync operations whose requests the validator judges.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Operation {
    /// `CreateTask`, the default: a new task.
    #[default]
    CreateTask,
    /// `UpdateTask`: changes to an existing task, named by `TaskArn`.
    UpdateTask,
    /// `StartTaskExecution`: one run of an existing task, with overrides for that run only.
    StartTaskExecution,
}

impl Operation {
    /// Every operation, CreateTask first.
    pub const ALL: &'static [Operation] = &[
        Operation::CreateTask,
        Operation::UpdateTask,
        Operation::StartTaskExecution,
    ];

    /// The API's name of the operation, e.g. `UpdateTask`.
    pub fn as_str(self) -> &'static str {
        match self {
            Operation::CreateTask => "CreateTask",
            Operation::UpdateTask => "UpdateTask",
            Operation::StartTaskExecution => "StartTaskExecution",
        }
    }

    /// The operation called `name` (case-sensitive, as the API spells it).
    pub fn from_name(name: &str) -> Option<Self> {
        Operation::ALL
            .iter()
            .copied()
            .find(|op| op.as_str() == name)
    }

    /// The shape of the operation's request (the schema table is not API:
    /// hidden, for this crate's tests).
    #[doc(hidden)]
    pub const fn request(self) -> &'static Shape {
        match self {
            Operation::CreateTask => &REQUEST,
            Operation::UpdateTask => &UPDATE_TASK_REQUEST,
            Operation::StartTaskExecution => &START_TASK_EXECUTION_REQUEST,
        }
    }

    /// The members of the operation's request root (hidden, as [`Operation::request`]).
    #[doc(hidden)]
    pub const fn members(self) -> &'static [Member] {
        match self.request() {
            Shape::Structure(members) => members,
            _ => &[],
        }
    }

    /// Whether the request root has a member called `name`.
    pub fn has_member(self, name: &str) -> bool {
        find(self.members(), name).is_some()
    }

    /// The member that holds the task options: `Options`, or StartTaskExecution's `OverrideOptions`.
    pub const fn options_member(self) -> &'static str {
        match self {
            Operation::StartTaskExecution => "OverrideOptions",
            _ => "Options",
        }
    }

    /// Whether an omitted member takes the service default (CreateTask), rather
    /// than keeping what the existing task has (UpdateTask, StartTaskExecution).
    pub fn has_defaults(self) -> bool {
        self == Operation::CreateTask
    }

    /// Why a member of another operation is not a member of this one, for
    /// the unknown-member message; `None` for names no operation knows.
    pub fn why_not_a_member(self, name: &str) -> Option<&'static str> {
        let table: &[(&str, &str)] = match self {
            Operation::CreateTask => &[
                ("TaskArn", "a new task has no ARN yet; to change an existing task, validate an UpdateTask request"),
                ("OverrideOptions", "OverrideOptions belongs to StartTaskExecution; a new task's options go in Options"),
            ],
            Operation::UpdateTask => &[
                ("TaskMode", "a task's mode is fixed when the task is created; create a new task to change it"),
                ("SourceLocationArn", "a task's locations are fixed when the task is created; create a new task to change them"),
                ("DestinationLocationArn", "a task's locations are fixed when the task is created; create a new task to change them"),
                ("Tags", "UpdateTask does not change tags; use TagResource and UntagResource"),
                ("OverrideOptions", "OverrideOptions belongs to StartTaskExecution; UpdateTask changes the task's Options"),
            ],
            Operation::StartTaskExecution => &[
                ("Options", "use OverrideOptions to change options for this run, or UpdateTask to change the task"),
                ("TaskMode", "a task's mode is fixed when the task is created; create a new task to change it"),
                ("SourceLocationArn", "a task's locations are fixed when the task is created; create a new task to change them"),
                ("DestinationLocationArn", "a task's locations are fixed when the task is created; create a new task to change them"),
                ("Schedule", "a run has no schedule; change the task's schedule with UpdateTask"),
                ("Name", "a run has no name; rename the task with UpdateTask"),
                ("CloudWatchLogGroupArn", "a run logs to its task's log group; change it with UpdateTask"),
            ],
        };
        table
            .iter()
            .find(|(member, _)| *member == name)
            .map(|(_, why)| *why)
    }
}

static OVERRIDE_OPTIONS: Shape = Shape::Structure(OPTION_MEMBERS);

/// The UpdateTask request: the task's ARN and the members to change.
static UPDATE_TASK_REQUEST: Shape = Shape::Structure(&[
    Member {
        name: "TaskArn",
        required: true,
        shape: &TASK_ARN,
        default: None,
        section: "General",
        help: "The ARN of the task to change.",
    },
    Member {
        name: "Options",
        required: false,
        shape: &OPTIONS,
        default: None,
        section: "Options",
        help: "The options to change; DataSync keeps the task's setting for every option omitted here.",
    },
    Member {
        name: "Excludes",
        required: false,
        shape: &EXCLUDES,
        default: None,
        section: "Filters",
        help: "At most one exclude rule: what not to copy.",
    },
    Member {
        name: "Schedule",
        required: false,
        shape: &SCHEDULE,
        default: None,
        section: "Schedule",
        help: "A new schedule; an empty ScheduleExpression removes the schedule, and Status DISABLED pauses it.",
    },
    Member {
        name: "Name",
        required: false,
        shape: &TAG_VALUE,
        default: None,
        section: "General",
        help: "A new name for the task: letters, digits, spaces and + - = . _ : / @.",
    },
    Member {
        name: "CloudWatchLogGroupArn",
        required: false,
        shape: &LOG_GROUP_ARN,
        default: None,
        section: "Options",
        help: "The CloudWatch Logs log group for task logs. An Enhanced mode task must use the log group named /aws/datasync.",
    },
    Member {
        name: "Includes",
        required: false,
        shape: &INCLUDES,
        default: None,
        section: "Filters",
        help: "At most one include rule: copy only what matches. Cannot be combined with a manifest.",
    },
    Member {
        name: "ManifestConfig",
        required: false,
        shape: &MANIFEST_CONFIG,
        default: None,
        section: "Manifest",
        help: "Copy only the files or objects listed in a CSV manifest stored in Amazon S3; an empty object ({}) removes the task's manifest.",
    },
    Member {
        name: "TaskReportConfig",
        required: false,
        shape: &TASK_REPORT_CONFIG,
        default: None,
        section: "Task report",
        help: "Write a report of what the task did to an S3 bucket; an empty object ({}) removes the task's report configuration.",
    },
]);

/// The StartTaskExecution request: the task's ARN and what changes for this run only.
static START_TASK_EXECUTION_REQUEST: Shape = Shape::Structure(&[
    Member {
        name: "TaskArn",
        required: true,
        shape: &TASK_ARN,
        default: None,
        section: "General",
        help: "The ARN of the task to run.",
    },
    Member {
        name: "OverrideOptions",
        required: false,
        shape: &OVERRIDE_OPTIONS,
        default: None,
        section: "Options",
        help: "Options for this run only; every option omitted here keeps the task's setting.",
    },
    Member {
        name: "Includes",
        required: false,
        shape: &INCLUDES,
        default: None,
        section: "Filters",
        help: "At most one include rule for this run: copy only what matches. Cannot be combined with a manifest.",
    },
    Member {
        name: "Excludes",
        required: false,
        shape: &EXCLUDES,
        default: None,
        section: "Filters",
        help: "At most one exclude rule for this run: what not to copy.",
    },
    Member {
        name: "ManifestConfig",
        required: false,
        shape: &MANIFEST_CONFIG,
        default: None,
        section: "Manifest",
        help: "A manifest for this run: copy only the files or objects it lists; an empty object ({}) removes the task's manifest.",
    },
    Member {
        name: "TaskReportConfig",
        required: false,
        shape: &TASK_REPORT_CONFIG,
        default: None,
        section: "Task report",
        help: "A task report for this run; an empty object ({}) removes the task's report configuration.",
    },
    Member {
        name: "Tags",
        required: false,
        shape: &TAGS,
        default: None,
        section: "Tags",
        help: "Up to 50 key-value tags for this execution (not the task).",
    },
]);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_position_finds_each_option_and_nothing_else() {
        for (at, member) in OPTION_MEMBERS.iter().enumerate() {
            assert_eq!(option_position(member.name), Some(at), "{}", member.name);
            // Another name in the same slot: the same length, first and last byte.
            let mut other = member.name.to_owned();
            other.replace_range(1..2, "_");
            assert_eq!(option_position(&other), None, "{other}");
            assert_eq!(option_position(&member.name.to_lowercase()), None);
        }
        for name in ["", "A", "Options", "TaskMode", "Atimes", "mtime"] {
            assert_eq!(option_position(name), None, "{name}");
        }
    }

    fn names(operation: Operation) -> Vec<&'static str> {
        operation.members().iter().map(|m| m.name).collect()
    }

    #[test]
    fn each_operation_has_the_members_of_its_api_model() {
        assert_eq!(
            names(Operation::UpdateTask),
            [
                "TaskArn",
                "Options",
                "Excludes",
                "Schedule",
                "Name",
                "CloudWatchLogGroupArn",
                "Includes",
                "ManifestConfig",
                "TaskReportConfig"
            ]
        );
        assert_eq!(
            names(Operation::StartTaskExecution),
            [
                "TaskArn",
                "OverrideOptions",
                "Includes",
                "Excludes",
                "ManifestConfig",
                "TaskReportConfig",
                "Tags"
            ]
        );
        assert_eq!(names(Operation::CreateTask).len(), 12);
        for operation in [Operation::UpdateTask, Operation::StartTaskExecution] {
            let required: Vec<&str> = operation
                .members()
                .iter()
                .filter(|m| m.required)
                .map(|m| m.name)
                .collect();
            assert_eq!(required, ["TaskArn"], "{operation:?}");
        }
    }

    #[test]
    fn a_reason_is_given_only_for_members_of_other_operations() {
        for &operation in Operation::ALL {
            for member in operation.members() {
                assert_eq!(operation.why_not_a_member(member.name), None);
            }
        }
        for &(operation, name) in &[
            (Operation::UpdateTask, "TaskMode"),
            (Operation::UpdateTask, "Tags"),
            (Operation::StartTaskExecution, "Options"),
            (Operation::CreateTask, "TaskArn"),
        ] {
            assert!(operation.why_not_a_member(name).is_some(), "{name}");
        }
    }

    #[test]
    fn operation_names_round_trip() {
        for &operation in Operation::ALL {
            assert_eq!(Operation::from_name(operation.as_str()), Some(operation));
        }
        assert_eq!(Operation::from_name("updatetask"), None);
        assert_eq!(Operation::default(), Operation::CreateTask);
    }
}
