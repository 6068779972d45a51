//! The typed request the cross-field rules read: the members they need, each
//! read once, and the task mode and the *effective* value of each option
//! (what was set; else, for CreateTask, the service default, and for
//! UpdateTask and StartTaskExecution, the existing task's setting when the
//! caller describes the task).
//!
//! The record ([`Record`]) is filled by events (an object or an array opens
//! at a slot, a member is named, a string or an integer is read), so the three
//! readers of a request fill it the same way: [`Record::from_value`] walks a
//! parsed [`Value`] tree, the single pass over the text ([`crate::scan`])
//! fills it as it reads, and so does the reader of the JS object walker's
//! words ([`crate::walked`]). Strings are borrowed from the
//! input; only lists (filter rules, tags) take a vector.

use crate::diagnostic::Wording;
use crate::json::{same, Number, Value};
use crate::rules::Context;
use crate::schema::{self, Literal, Operation, Shape};
use crate::task::Task;

/// The task mode a request asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskMode {
    /// `BASIC`, the default.
    Basic,
    /// `ENHANCED`.
    Enhanced,
}

impl TaskMode {
    /// The API spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            TaskMode::Basic => "BASIC",
            TaskMode::Enhanced => "ENHANCED",
        }
    }

    /// The mode's default for a member, if the member has one.
    pub fn default_of(self, defaults: &schema::Defaults) -> Literal {
        match self {
            TaskMode::Basic => defaults.basic,
            TaskMode::Enhanced => defaults.enhanced,
        }
    }

    /// The default for `mode`; for an unknown mode (TaskMode set to something
    /// invalid), only a default both modes share.
    pub fn default_in(mode: Option<TaskMode>, defaults: &schema::Defaults) -> Option<Literal> {
        match mode {
            Some(mode) => Some(mode.default_of(defaults)),
            None => (defaults.basic == defaults.enhanced).then_some(defaults.basic),
        }
    }
}

/// An option's value as the service will see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting<'a> {
    /// Set in the request to a valid value.
    Explicit(&'a str),
    /// Omitted; the service uses this default.
    Default(&'static str),
    /// Omitted from an UpdateTask or StartTaskExecution request; the existing
    /// task has this setting (from its description), which stays in force.
    Task(&'static str),
    /// Set to something invalid (reported elsewhere), or the default depends on an unknown task mode.
    Unknown,
}

impl<'a> Setting<'a> {
    /// The effective value, when known.
    pub fn value(self) -> Option<&'a str> {
        match self {
            Setting::Explicit(value) => Some(value),
            Setting::Default(value) | Setting::Task(value) => Some(value),
            Setting::Unknown => None,
        }
    }

    /// Whether the effective value is `expected`.
    pub fn is(self, expected: &str) -> bool {
        self.value() == Some(expected)
    }

    /// Whether the request sets the member itself.
    pub fn is_explicit(self) -> bool {
        matches!(self, Setting::Explicit(_))
    }

    /// How messages say where the value comes from, before the value:
    /// "is", "defaults to" or "keeps the task's".
    pub fn how(self) -> &'static str {
        match self {
            Setting::Default(_) => "defaults to",
            Setting::Task(_) => "keeps the task's",
            Setting::Explicit(_) | Setting::Unknown => "is",
        }
    }
}

/// What a request holds at a member the rules read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Field<'a> {
    /// The member is not in the request.
    #[default]
    Absent,
    /// A string, valid or not (the structural check judges it).
    Str(&'a str),
    /// Present but not a string (the structural check reports it).
    Other,
}

impl<'a> Field<'a> {
    /// The string, if the member is one.
    pub fn as_str(self) -> Option<&'a str> {
        match self {
            Field::Str(text) => Some(text),
            _ => None,
        }
    }

    /// Whether the member is present, whatever its value.
    pub fn is_present(self) -> bool {
        self != Field::Absent
    }
}

/// An option as the request sets it: two bytes, not a string, since the
/// record holds sixteen of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Choice {
    /// The option is not in the request.
    #[default]
    Absent,
    /// The value at this position of the option's enum.
    Allowed(u8),
    /// Anything else: a value outside the enum (the structural check
    /// reports it), or any value of an option without one (`BytesPerSecond`,
    /// whose integer the record holds apart).
    Invalid,
}

/// One item of `Includes` or `Excludes`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilterItem<'a> {
    /// The item is not an object (the structural check reports it).
    NotAnObject,
    /// A filter rule object, with its `Value`.
    Rule(Field<'a>),
}

/// `ManifestConfig`, when it is an object.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Manifest {
    /// Whether it has any member at all (`{}` removes a task's manifest).
    pub has_members: bool,
    /// Whether it has a `Source`, whatever its value.
    pub has_source: bool,
}

/// What the rules read of `TaskReportConfig` (all absent unless it is an object).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReportConfig<'a> {
    /// `OutputType`.
    pub output_type: Field<'a>,
    /// Whether `ReportLevel` is present.
    pub has_report_level: bool,
    /// `Overrides` when it is an object: whether it has any member.
    pub overrides: Option<bool>,
    /// Whether `Overrides` is an object with a `Deleted` member.
    pub has_deleted_override: bool,
}

/// The names of the two filter lists, in [`Record::filters`] order.
pub const FILTER_LISTS: [&str; 2] = ["Includes", "Excludes"];

/// How many members `Options` has.
const OPTION_SLOTS: usize = schema::option_members().len();

/// Everything in a request that a cross-field rule reads, borrowed from the input.
///
/// Members of other operations (reported as unknown) are not read, but for
/// a CreateTask request's `TaskArn`, which no rule of CreateTask reads; of a
/// member named twice the last value counts, as in the parsed tree.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Record<'a> {
    /// `TaskArn` (UpdateTask, StartTaskExecution).
    pub task_arn: Field<'a>,
    /// `SourceLocationArn`.
    pub source: Field<'a>,
    /// `DestinationLocationArn`.
    pub destination: Field<'a>,
    /// `TaskMode`.
    pub task_mode: Field<'a>,
    /// `CloudWatchLogGroupArn`.
    pub log_group: Field<'a>,
    /// Whether the options member (`Options` or `OverrideOptions`) is present, whatever its value.
    pub has_options: bool,
    /// Each option, in the order of [`schema::option_members`]; all absent
    /// unless the options member is an object.
    pub options: [Choice; OPTION_SLOTS],
    /// `BytesPerSecond`, when it is an integer of at least -1.
    pub bytes_per_second: Option<i64>,
    /// The items of `Includes` and `Excludes` (see [`FILTER_LISTS`]), when they are arrays.
    pub filters: [Vec<FilterItem<'a>>; 2],
    /// `Schedule.ScheduleExpression`.
    pub schedule_expression: Field<'a>,
    /// The `Key` of each item of `Tags` (when it is an array), when that key is a string.
    pub tag_keys: Vec<Option<&'a str>>,
    /// `ManifestConfig`, when it is an object.
    pub manifest: Option<Manifest>,
    /// `TaskReportConfig`.
    pub report: ReportConfig<'a>,
}

/// Where a value read from a request goes in its [`Record`]: each reader
/// follows the path from the root with [`Record::member`] and
/// [`Record::item`], then reports the value at the slot it reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// Nothing a rule reads.
    Ignored,
    /// The request itself.
    Root,
    /// `TaskArn`.
    TaskArn,
    /// `SourceLocationArn`.
    Source,
    /// `DestinationLocationArn`.
    Destination,
    /// `TaskMode`.
    TaskMode,
    /// `CloudWatchLogGroupArn`.
    LogGroup,
    /// `Options` (or StartTaskExecution's `OverrideOptions`).
    Options,
    /// The option at this position of [`schema::option_members`].
    Option(usize),
    /// `Includes` (0) or `Excludes` (1).
    Filters(usize),
    /// An item of a filter list.
    FilterRule(usize),
    /// A filter rule's `Value`.
    FilterValue(usize),
    /// `Schedule`.
    Schedule,
    /// `Schedule.ScheduleExpression`.
    ScheduleExpression,
    /// `Tags`.
    Tags,
    /// An item of `Tags`.
    Tag,
    /// A tag's `Key`.
    TagKey,
    /// `ManifestConfig`.
    Manifest,
    /// `ManifestConfig.Source`.
    ManifestSource,
    /// `TaskReportConfig`.
    Report,
    /// `TaskReportConfig.OutputType`.
    OutputType,
    /// `TaskReportConfig.ReportLevel`.
    ReportLevel,
    /// `TaskReportConfig.Overrides`.
    Overrides,
    /// `TaskReportConfig.Overrides.Deleted`.
    DeletedOverride,
}

impl<'a> Record<'a> {
    /// The record of `root` read as a request of `operation`, if `root` is
    /// an object (what [`Request::from_record`] judges).
    pub fn of_object(root: &'a Value<'a>, operation: Operation) -> Option<Self> {
        matches!(root, Value::Object(_)).then(|| Record::from_value(root, operation))
    }

    /// The record of `root` read as a request of `operation`.
    pub fn from_value(root: &'a Value<'a>, operation: Operation) -> Self {
        let mut record = Record::default();
        record.read_value(Slot::Root, root, operation);
        record
    }

    /// Reads `value` into `slot`, with everything in it.
    fn read_value(&mut self, slot: Slot, value: &'a Value<'a>, operation: Operation) {
        if slot == Slot::Ignored {
            return;
        }
        match value {
            Value::String(text) => self.string(slot, text),
            Value::Number(Number::Int(int)) => self.integer(slot, *int),
            Value::Object(members) => {
                self.object(slot);
                for (name, member) in members {
                    let child = self.member(slot, name, None, operation);
                    self.read_value(child, member, operation);
                }
            }
            Value::Array(items) => {
                self.array(slot);
                for item in items {
                    let child = self.item(slot);
                    self.read_value(child, item, operation);
                }
            }
            _ => self.other(slot),
        }
    }

    /// The slot of the member `name` of the object at `parent`, noting that
    /// the object has a member. `position` is the member's position among
    /// its structure's members in the schema, when the reader knows it;
    /// `operation` names the options member.
    pub fn member(
        &mut self,
        parent: Slot,
        name: &str,
        position: Option<usize>,
        operation: Operation,
    ) -> Slot {
        match parent {
            // A member of another operation is unknown here, and unread (a
            // CreateTask request has no member the rules read but its own).
            // A reader that knows the member's position found it among the
            // operation's own members.
            Slot::Root if position.is_some() => root_slot_at(operation, position),
            Slot::Root if operation != Operation::CreateTask && !operation.has_member(name) => {
                Slot::Ignored
            }
            Slot::Root => ROOT_SLOTS
                .iter()
                .find(|(member, _)| same(member, name))
                .map_or_else(
                    || {
                        if same(name, operation.options_member()) {
                            Slot::Options
                        } else {
                            Slot::Ignored
                        }
                    },
                    |(_, slot)| *slot,
                ),
            Slot::Options => position
                .or_else(|| schema::option_position(name))
                .map_or(Slot::Ignored, Slot::Option),
            Slot::FilterRule(list) if name == "Value" => Slot::FilterValue(list),
            Slot::Schedule if name == "ScheduleExpression" => Slot::ScheduleExpression,
            Slot::Tag if name == "Key" => Slot::TagKey,
            Slot::Manifest => {
                if let Some(manifest) = &mut self.manifest {
                    manifest.has_members = true;
                }
                if name == "Source" {
                    Slot::ManifestSource
                } else {
                    Slot::Ignored
                }
            }
            Slot::Report => match name {
                "OutputType" => Slot::OutputType,
                "ReportLevel" => Slot::ReportLevel,
                "Overrides" => Slot::Overrides,
                _ => Slot::Ignored,
            },
            Slot::Overrides => {
                self.report.overrides = Some(true);
                if name == "Deleted" {
                    Slot::DeletedOverride
                } else {
                    Slot::Ignored
                }
            }
            _ => Slot::Ignored,
        }
    }

    /// The slot of the next item of the array at `list`.
    pub fn item(&mut self, list: Slot) -> Slot {
        match list {
            Slot::Filters(at) => {
                if let Some(items) = self.filters.get_mut(at) {
                    items.push(FilterItem::NotAnObject);
                }
                Slot::FilterRule(at)
            }
            Slot::Tags => {
                self.tag_keys.push(None);
                Slot::Tag
            }
            _ => Slot::Ignored,
        }
    }

    /// The value at `slot` is an object; its members follow.
    pub fn object(&mut self, slot: Slot) {
        match slot {
            Slot::FilterRule(list) => {
                if let Some(last) = self
                    .filters
                    .get_mut(list)
                    .and_then(|items| items.last_mut())
                {
                    *last = FilterItem::Rule(Field::Absent);
                }
            }
            Slot::Manifest => self.manifest = Some(Manifest::default()),
            Slot::Overrides => self.report.overrides = Some(false),
            _ => self.present(slot, Field::Other),
        }
    }

    /// The value at `slot` is an array; its items follow (a list read
    /// before, in part, by a reader that gave up on it, is read anew).
    pub fn array(&mut self, slot: Slot) {
        match slot {
            Slot::Filters(at) => {
                if let Some(items) = self.filters.get_mut(at) {
                    items.clear();
                }
            }
            Slot::Tags => self.tag_keys.clear(),
            _ => self.present(slot, Field::Other),
        }
    }

    /// The value at `slot` is the string `text`.
    pub fn string(&mut self, slot: Slot, text: &'a str) {
        match slot {
            Slot::TagKey => {
                if let Some(last) = self.tag_keys.last_mut() {
                    *last = Some(text);
                }
            }
            _ => self.present(slot, Field::Str(text)),
        }
    }

    /// The value at `slot` is the string `text`, the value at `position` of
    /// the slot's enum (a reader that has compared it with the enum says so).
    pub fn choice(&mut self, slot: Slot, position: usize, text: &'a str) {
        match slot {
            Slot::Option(at) => self.choose(at, Some(position)),
            _ => self.string(slot, text),
        }
    }

    /// Sets the option at `at` to the value at `position` of its enum, or to an invalid value.
    fn choose(&mut self, at: usize, position: Option<usize>) {
        if let Some(option) = self.options.get_mut(at) {
            *option = position
                .and_then(|position| u8::try_from(position).ok())
                .map_or(Choice::Invalid, Choice::Allowed);
        }
    }

    /// The value at `slot` is an integer that fits in `i64`.
    pub fn integer(&mut self, slot: Slot, value: i64) {
        if slot == Slot::Option(BYTES_PER_SECOND) && value >= BYTES_PER_SECOND_MINIMUM {
            self.bytes_per_second = Some(value);
        }
        self.present(slot, Field::Other);
    }

    /// The value at `slot` is anything else: null, a boolean, a number that
    /// is not an integer in the `i64` range.
    pub fn other(&mut self, slot: Slot) {
        self.present(slot, Field::Other);
    }

    /// Notes a value at `slot` that is not an object the rules look into.
    #[inline(never)]
    fn present(&mut self, slot: Slot, field: Field<'a>) {
        let target = match slot {
            Slot::TaskArn => &mut self.task_arn,
            Slot::Source => &mut self.source,
            Slot::Destination => &mut self.destination,
            Slot::TaskMode => &mut self.task_mode,
            Slot::LogGroup => &mut self.log_group,
            Slot::ScheduleExpression => &mut self.schedule_expression,
            Slot::OutputType => &mut self.report.output_type,
            Slot::Option(at) => {
                let allowed = match schema::option_members().get(at).map(|m| m.shape) {
                    Some(Shape::String(rule)) => rule.allowed,
                    _ => &[],
                };
                let position = field
                    .as_str()
                    .and_then(|text| allowed.iter().position(|value| same(value, text)));
                return self.choose(at, position);
            }
            Slot::FilterValue(list) => {
                if let Some(last) = self
                    .filters
                    .get_mut(list)
                    .and_then(|items| items.last_mut())
                {
                    *last = FilterItem::Rule(field);
                }
                return;
            }
            Slot::Options => return self.has_options = true,
            Slot::ManifestSource => {
                if let Some(manifest) = &mut self.manifest {
                    manifest.has_source = true;
                }
                return;
            }
            Slot::ReportLevel => return self.report.has_report_level = true,
            Slot::DeletedOverride => return self.report.has_deleted_override = true,
            _ => return,
        };
        *target = field;
    }
}

/// The root members the rules read, but the options member (which depends
/// on the operation), and their slots.
const ROOT_SLOTS: &[(&str, Slot)] = &[
    ("TaskArn", Slot::TaskArn),
    ("SourceLocationArn", Slot::Source),
    ("DestinationLocationArn", Slot::Destination),
    ("TaskMode", Slot::TaskMode),
    ("CloudWatchLogGroupArn", Slot::LogGroup),
    ("Includes", Slot::Filters(0)),
    ("Excludes", Slot::Filters(1)),
    ("Schedule", Slot::Schedule),
    ("Tags", Slot::Tags),
    ("ManifestConfig", Slot::Manifest),
    ("TaskReportConfig", Slot::Report),
];

/// The most members a request root has.
const ROOT_MEMBERS: usize = {
    let mut most = 0;
    let mut at = 0;
    while at < Operation::ALL.len() {
        let count = Operation::ALL[at].members().len();
        if count > most {
            most = count;
        }
        at += 1;
    }
    most
};

/// In [`ROOT_SLOT_AT`]: the operation's options member.
const OPTIONS_SLOT: u8 = u8::MAX - 1;
/// In [`ROOT_SLOT_AT`]: a member no rule reads.
const IGNORED_SLOT: u8 = u8::MAX;

/// For each operation (indexed by `operation as usize`, which is its place in
/// [`Operation::ALL`]: checked below when the crate is compiled) and each member of its
/// request root (by position in [`Operation::members`]), where its slot is
/// in [`ROOT_SLOTS`] (or [`OPTIONS_SLOT`], [`IGNORED_SLOT`]): read from the
/// schema table when the crate is compiled, so that a reader that knows a
/// member's position finds its slot with no name compared.
static ROOT_SLOT_AT: [[u8; ROOT_MEMBERS]; 3] = {
    let mut table = [[IGNORED_SLOT; ROOT_MEMBERS]; 3];
    assert!(Operation::ALL.len() == 3 && ROOT_SLOTS.len() < OPTIONS_SLOT as usize);
    let mut op = 0;
    while op < 3 {
        let operation = Operation::ALL[op];
        assert!(operation as usize == op);
        let members = operation.members();
        let mut at = 0;
        while at < members.len() {
            let name = members[at].name;
            if same_text(name, operation.options_member()) {
                table[op][at] = OPTIONS_SLOT;
            }
            let mut slot = 0;
            while slot < ROOT_SLOTS.len() {
                if same_text(ROOT_SLOTS[slot].0, name) {
                    table[op][at] = slot as u8;
                }
                slot += 1;
            }
            at += 1;
        }
        op += 1;
    }
    table
};

/// The slot of the member at `position` among `operation`'s root members.
fn root_slot_at(operation: Operation, position: Option<usize>) -> Slot {
    let at = position.and_then(|at| ROOT_SLOT_AT.get(operation as usize)?.get(at));
    match at.copied() {
        Some(OPTIONS_SLOT) => Slot::Options,
        Some(at) => ROOT_SLOTS
            .get(usize::from(at))
            .map_or(Slot::Ignored, |(_, slot)| *slot),
        None => Slot::Ignored,
    }
}

/// An option of the schema table, by its position in
/// [`schema::option_members`] found from its name when the crate is
/// compiled: the rules name the options they read by the constants in
/// [`options`], so a misspelt name fails the build, and reading an option
/// searches for nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OptionAt(usize);

impl OptionAt {
    /// The option called `name`. For constants: it panics, failing the
    /// build there, when no option has that name.
    pub const fn named(name: &str) -> Self {
        OptionAt(option_at(name))
    }

    /// The option's name.
    pub fn name(self) -> &'static str {
        schema::option_members()
            .get(self.0)
            .map_or("", |member| member.name)
    }
}

/// The options the cross-field rules read.
pub mod options {
    use super::OptionAt;

    /// `VerifyMode`.
    pub const VERIFY_MODE: OptionAt = OptionAt::named("VerifyMode");
    /// `Atime`.
    pub const ATIME: OptionAt = OptionAt::named("Atime");
    /// `Mtime`.
    pub const MTIME: OptionAt = OptionAt::named("Mtime");
    /// `PreserveDeletedFiles`.
    pub const PRESERVE_DELETED_FILES: OptionAt = OptionAt::named("PreserveDeletedFiles");
    /// `PreserveDevices`.
    pub const PRESERVE_DEVICES: OptionAt = OptionAt::named("PreserveDevices");
    /// `BytesPerSecond`.
    pub const BYTES_PER_SECOND: OptionAt = OptionAt::named("BytesPerSecond");
    /// `LogLevel`.
    pub const LOG_LEVEL: OptionAt = OptionAt::named("LogLevel");
    /// `TransferMode`.
    pub const TRANSFER_MODE: OptionAt = OptionAt::named("TransferMode");
}

/// The position of BytesPerSecond among the options.
const BYTES_PER_SECOND: usize = options::BYTES_PER_SECOND.0;

/// The smallest BytesPerSecond the schema table allows (-1, no limit).
const BYTES_PER_SECOND_MINIMUM: i64 = match schema::option_members()[BYTES_PER_SECOND].shape {
    Shape::Long { minimum } => *minimum,
    _ => panic!("BytesPerSecond is an integer"),
};

/// The position of the option `name` in [`schema::option_members`] (see [`OptionAt::named`]).
const fn option_at(name: &str) -> usize {
    let members = schema::option_members();
    let mut at = 0;
    while at < members.len() {
        if same_text(members[at].name, name) {
            return at;
        }
        at += 1;
    }
    panic!("no such option")
}

/// `a == b`, for constants.
const fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut at = 0;
    while at < a.len() {
        if a[at] != b[at] {
            return false;
        }
        at += 1;
    }
    true
}

/// What [`Request::option`] reads of one option: the words of its enum
/// (none for BytesPerSecond, whose integer the record holds apart) and the
/// position among them of its default for each [`DefaultsRow`] (a position
/// past the words when there is none).
#[derive(Clone, Copy)]
struct OptionWords {
    words: &'static [&'static str],
    defaults: [u8; 3],
}

/// Which default an omitted option takes: BASIC's, ENHANCED's, or for an
/// invalid TaskMode only a default both modes share.
#[derive(Clone, Copy)]
enum DefaultsRow {
    Basic = 0,
    Enhanced = 1,
    Shared = 2,
}

/// No default among an option's words.
const NO_DEFAULT: u8 = u8::MAX;

/// [`OptionWords`] for each option, in option order, read from the schema
/// table when the crate is compiled: the rules read options several times a
/// call, and an option's word or default is then two indexings instead of a
/// walk through the member's shape and defaults. The build fails on a string
/// default that is not one of its option's words.
static OPTION_WORDS: [OptionWords; OPTION_SLOTS] = {
    let members = schema::option_members();
    let mut table = [OptionWords {
        words: &[],
        defaults: [NO_DEFAULT; 3],
    }; OPTION_SLOTS];
    let mut at = 0;
    while at < OPTION_SLOTS {
        if let Shape::String(rule) = members[at].shape {
            table[at].words = rule.allowed;
        }
        if let Some(defaults) = &members[at].default {
            let words = table[at].words;
            let basic = word_position(words, defaults.basic);
            let enhanced = word_position(words, defaults.enhanced);
            let shared = if basic == enhanced { basic } else { NO_DEFAULT };
            table[at].defaults = [basic, enhanced, shared];
        }
        at += 1;
    }
    table
};

/// The position of the default `literal` among `words`; [`NO_DEFAULT`] for an integer.
const fn word_position(words: &[&str], literal: Literal) -> u8 {
    let Literal::Str(text) = literal else {
        return NO_DEFAULT;
    };
    let mut at = 0;
    while at < words.len() {
        if same_text(words[at], text) {
            assert!(at < NO_DEFAULT as usize);
            return at as u8;
        }
        at += 1;
    }
    panic!("a string default that is not one of its option's words")
}

/// A request, as the cross-field rules read it: its record, borrowed (a
/// record is a few hundred bytes, which a move copies).
#[derive(Clone, Debug)]
pub struct Request<'r, 'a> {
    /// What the request holds.
    pub values: &'r Record<'a>,
    /// The operation the request is for.
    operation: Operation,
    /// The task mode, looked up once because nearly every rule asks for it.
    mode: Option<TaskMode>,
    /// The existing task (UpdateTask, StartTaskExecution), when described.
    task: Option<&'a Task>,
    /// Whether the request is known to pass the structural check (only the
    /// single pass and the walker's reader say so), so that a rule need not repeat any of its checks.
    clean: bool,
}

impl<'r, 'a> Request<'r, 'a> {
    /// The request whose members are `values`, of the context's operation,
    /// judged against the context's task (unless the task's ARN is not the
    /// request's TaskArn). `clean` says that the structural check finds
    /// nothing in the request (the single pass and the walker's reader pass only such requests).
    pub fn from_record(values: &'r Record<'a>, context: &Context<'a>, clean: bool) -> Self {
        let operation = context.operation;
        let task = if operation == Operation::CreateTask {
            None
        } else {
            context.task.filter(
                |task| match (task.arn.as_deref(), values.task_arn.as_str()) {
                    (Some(described), Some(requested)) => described == requested,
                    // A Task without its ARN (only a native caller can build
                    // one: Task::from_description and the options refuse it)
                    // applies to no request, not to every one (hunt38r #14).
                    // Constant in the .wasm, whose tasks always have one.
                    (None, _) => cfg!(target_arch = "wasm32"),
                    _ => true,
                },
            )
        };
        let mode = if operation == Operation::CreateTask {
            match values.task_mode {
                Field::Absent | Field::Str("BASIC") => Some(TaskMode::Basic),
                Field::Str("ENHANCED") => Some(TaskMode::Enhanced),
                _ => None,
            }
        } else {
            // The mode is fixed at creation: only the task's description knows it.
            task.and_then(|task| task.mode)
        };
        Request {
            values,
            operation,
            mode,
            task,
            clean,
        }
    }

    /// Whether the request is known to pass the structural check: `true` only
    /// for a request the single pass or the walker's reader read; `false` says nothing either way (a
    /// request read from a tree, by [`Record::of_object`], is not known to).
    pub fn structure_is_clean(&self) -> bool {
        self.clean
    }

    /// The operation the request is for.
    pub fn operation(&self) -> Operation {
        self.operation
    }

    /// The existing task, when the request is judged against one.
    pub fn task(&self) -> Option<&'a Task> {
        self.task
    }

    /// The pointer of the Options member `name`: `/Options/Atime`, or for
    /// StartTaskExecution `/OverrideOptions/Atime`.
    pub fn option_path(&self, name: &str) -> String {
        use crate::diagnostic::Piece::Plain;
        let options = self.operation.options_member();
        crate::diagnostic::message(&[Plain("/"), Plain(options), Plain("/"), Plain(name)])
    }

    /// The pointer of `option`, as [`Request::option_path`] writes it: where
    /// the options member is `Options`, its entry in
    /// [`schema::OPTION_POINTERS`], known when the crate is compiled (no
    /// allocation, and no copy into the WebAssembly build's report record).
    pub(crate) fn option_pointer(&self, option: OptionAt) -> Wording {
        let OptionAt(at) = option;
        match schema::OPTION_POINTERS.get(at) {
            Some(&pointer) if self.operation.options_member() == "Options" => {
                Wording::from(pointer)
            }
            _ => Wording::from(self.option_path(option.name())),
        }
    }

    /// The pointers a mode rule names as related: `/TaskMode` in a CreateTask
    /// request; nothing for the other operations, whose mode is the task's.
    /// String values of a `&'static str`: no copy, and one allocation where
    /// `Diagnostic::with_related` makes them its `related` array.
    pub fn mode_related(&self) -> Vec<Value<'static>> {
        if self.operation == Operation::CreateTask {
            vec![Value::from("/TaskMode")]
        } else {
            Vec::new()
        }
    }

    /// The task mode; `None` when TaskMode is set to something invalid.
    pub fn task_mode(&self) -> Option<TaskMode> {
        self.mode
    }

    /// The effective value of `option`.
    pub fn option(&self, option: OptionAt) -> Setting<'a> {
        let OptionAt(at) = option;
        let (Some(table), Some(choice)) = (OPTION_WORDS.get(at), self.values.options.get(at))
        else {
            return Setting::Unknown;
        };
        let word = |position: u8| table.words.get(usize::from(position)).copied();
        match *choice {
            Choice::Allowed(position) => word(position).map_or(Setting::Unknown, Setting::Explicit),
            Choice::Invalid => Setting::Unknown,
            Choice::Absent if !self.operation.has_defaults() => self
                .task
                .and_then(|task| task.option(option.name()))
                .map_or(Setting::Unknown, Setting::Task),
            Choice::Absent => {
                let row = match self.mode {
                    Some(TaskMode::Basic) => DefaultsRow::Basic,
                    Some(TaskMode::Enhanced) => DefaultsRow::Enhanced,
                    // With an invalid TaskMode the default is still known when both modes share it.
                    None => DefaultsRow::Shared,
                };
                word(table.defaults[row as usize]).map_or(Setting::Unknown, Setting::Default)
            }
        }
    }

    /// The effective value of the Options member `name`, for a name known
    /// only at run time ([`Setting::Unknown`] when no option has it).
    pub fn option_named(&self, name: &str) -> Setting<'a> {
        schema::option_position(name).map_or(Setting::Unknown, |at| self.option(OptionAt(at)))
    }

    /// The explicit BytesPerSecond, if it is a valid integer.
    pub fn bytes_per_second(&self) -> Option<i64> {
        self.values.bytes_per_second
    }

    /// Whether the list at `name` (`Includes` or `Excludes`) holds at least one item.
    pub fn has_items(&self, name: &str) -> bool {
        FILTER_LISTS
            .iter()
            .zip(&self.values.filters)
            .any(|(list, items)| *list == name && !items.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    #[test]
    fn an_option_pointer_is_the_one_option_path_writes_and_known_when_compiled_under_options() {
        for operation in Operation::ALL {
            let text = crate::rules::testing::task_request("");
            let parsed = parse(&text).expect("JSON");
            let record = Record::from_value(&parsed.value, *operation);
            let context = Context::default().for_operation(*operation);
            let request = Request::from_record(&record, &context, false);
            for member in schema::option_members() {
                let pointer = crate::diagnostic::Diagnostic::of(
                    crate::diagnostic::Code::EnhancedPointInTime,
                    request.option_pointer(OptionAt::named(member.name)),
                    String::new(),
                )
                .path;
                assert_eq!(pointer, request.option_path(member.name), "{operation:?}");
                let fixed = matches!(pointer, std::borrow::Cow::Borrowed(_));
                assert_eq!(
                    fixed,
                    operation.options_member() == "Options",
                    "{operation:?}"
                );
            }
        }
    }

    #[test]
    fn an_omitted_option_reads_as_its_schema_default_for_the_task_mode() {
        // Each mode as the request sets it: a valid one, or an invalid one
        // that keeps only the defaults both modes share.
        let modes = [
            (Field::Absent, Some(TaskMode::Basic)),
            (Field::Str("BASIC"), Some(TaskMode::Basic)),
            (Field::Str("ENHANCED"), Some(TaskMode::Enhanced)),
            (Field::Str("FAST"), None),
            (Field::Other, None),
        ];
        let mut seen = 0;
        for (task_mode, mode) in modes {
            let record = Record {
                task_mode,
                ..Record::default()
            };
            let request = Request::from_record(&record, &Context::default(), false);
            for member in schema::option_members() {
                let expected = match member
                    .default
                    .as_ref()
                    .and_then(|defaults| TaskMode::default_in(mode, defaults))
                {
                    Some(Literal::Str(value)) => Setting::Default(value),
                    _ => Setting::Unknown,
                };
                assert_eq!(
                    request.option_named(member.name),
                    expected,
                    "{}",
                    member.name
                );
                seen += usize::from(expected != Setting::Unknown);
            }
        }
        // Every option but BytesPerSecond has a default in each valid mode;
        // VerifyMode's differ, so an invalid mode knows it not.
        assert_eq!(seen, 3 * 15 + 2 * 14);
        let parsed = parse(r#"{"TaskMode":"ENHANCED"}"#).unwrap();
        let record = Record::of_object(&parsed.value, Operation::CreateTask).unwrap();
        assert_eq!(
            Request::from_record(&record, &Context::default(), false).option(options::VERIFY_MODE),
            Setting::Default("ONLY_FILES_TRANSFERRED")
        );
    }

    #[test]
    fn a_set_option_reads_as_its_word_and_an_invalid_or_unknown_one_as_unknown() {
        for (at, member) in schema::option_members().iter().enumerate() {
            let words = match member.shape {
                Shape::String(rule) => rule.allowed,
                _ => &[],
            };
            for (position, word) in words.iter().enumerate() {
                let mut record = Record::default();
                record.options[at] = Choice::Allowed(u8::try_from(position).unwrap());
                let request = Request::from_record(&record, &Context::default(), false);
                assert_eq!(request.option_named(member.name), Setting::Explicit(word));
            }
            let mut record = Record::default();
            record.options[at] = Choice::Invalid;
            let request = Request::from_record(&record, &Context::default(), false);
            assert_eq!(
                request.option_named(member.name),
                Setting::Unknown,
                "{}",
                member.name
            );
        }
        let record = Record::default();
        let request = Request::from_record(&record, &Context::default(), false);
        for name in ["", "Options", "atime", "Atimes", "BytesPerSecond"] {
            assert_eq!(request.option_named(name), Setting::Unknown, "{name}");
        }
    }

    #[test]
    fn bytes_per_second_is_held_from_the_schema_minimum_on() {
        let members = schema::option_members();
        assert_eq!(
            members.get(BYTES_PER_SECOND).map(|m| m.name),
            Some("BytesPerSecond")
        );
        for (text, held) in [
            ("-2", None),
            ("-1", Some(-1)),
            ("0", Some(0)),
            ("1048576", Some(1_048_576)),
        ] {
            let text = format!(r#"{{"Options":{{"BytesPerSecond":{text}}}}}"#);
            let parsed = parse(&text).unwrap();
            let record = Record::from_value(&parsed.value, Operation::CreateTask);
            assert_eq!(record.bytes_per_second, held, "{text}");
        }
    }

    #[test]
    fn the_record_holds_what_the_rules_read() {
        let text = r#"{"SourceLocationArn":"s","DestinationLocationArn":7,"TaskMode":"ENHANCED",
            "Options":{"Atime":"NONE","BytesPerSecond":-1,"Mtime":null,"Uid":"none","Bogus":"x"},
            "Includes":[{"Value":"/a"},3,{"FilterType":"SIMPLE_PATTERN"}],"Excludes":{},
            "Schedule":{"ScheduleExpression":"rate(1 hour)"},
            "Tags":[{"Key":"k"},{"Key":1},"x"],
            "ManifestConfig":{"Source":null},
            "TaskReportConfig":{"OutputType":"STANDARD","ReportLevel":1,"Overrides":{"Deleted":{}}},
            "TaskArn":"t"}"#;
        let parsed = parse(text).unwrap();
        let record = Record::from_value(&parsed.value, Operation::CreateTask);
        let mut options = [Choice::Absent; OPTION_SLOTS];
        options[2] = Choice::Allowed(0);
        options[3] = Choice::Invalid;
        options[4] = Choice::Invalid;
        options[BYTES_PER_SECOND] = Choice::Invalid;
        assert_eq!(
            record,
            Record {
                task_arn: Field::Str("t"),
                source: Field::Str("s"),
                destination: Field::Other,
                task_mode: Field::Str("ENHANCED"),
                log_group: Field::Absent,
                has_options: true,
                options,
                bytes_per_second: Some(-1),
                filters: [
                    vec![
                        FilterItem::Rule(Field::Str("/a")),
                        FilterItem::NotAnObject,
                        FilterItem::Rule(Field::Absent)
                    ],
                    Vec::new()
                ],
                schedule_expression: Field::Str("rate(1 hour)"),
                tag_keys: vec![Some("k"), None, None],
                manifest: Some(Manifest {
                    has_members: true,
                    has_source: true
                }),
                report: ReportConfig {
                    output_type: Field::Str("STANDARD"),
                    has_report_level: true,
                    overrides: Some(true),
                    has_deleted_override: true,
                },
            }
        );
    }

    #[test]
    fn a_root_member_has_the_same_slot_by_position_as_by_name() {
        for &operation in Operation::ALL {
            for (at, member) in operation.members().iter().enumerate() {
                let mut record = Record::default();
                let by_name = record.member(Slot::Root, member.name, None, operation);
                let by_position = record.member(Slot::Root, member.name, Some(at), operation);
                assert_eq!(by_position, by_name, "{operation:?} {}", member.name);
            }
            // Every slot a rule reads, and the options, is some member's.
            let slots: Vec<Slot> = (0..operation.members().len())
                .map(|at| root_slot_at(operation, Some(at)))
                .collect();
            assert!(slots.contains(&Slot::Options));
            assert_eq!(root_slot_at(operation, Some(ROOT_MEMBERS)), Slot::Ignored);
        }
        let mut record = Record::default();
        assert_eq!(
            record.member(Slot::Root, "Tags", Some(7), Operation::CreateTask),
            Slot::Tags
        );
        assert_eq!(
            record.member(
                Slot::Root,
                "OverrideOptions",
                Some(1),
                Operation::StartTaskExecution
            ),
            Slot::Options
        );
    }

    #[test]
    fn members_of_other_operations_are_not_read() {
        let parsed = parse(r#"{"TaskArn":"t","TaskMode":"BASIC","Options":{"Atime":"NONE"},"OverrideOptions":{"Mtime":"NONE"}}"#).unwrap();
        let update = Record::from_value(&parsed.value, Operation::UpdateTask);
        assert_eq!(update.task_arn, Field::Str("t"));
        assert_eq!(update.task_mode, Field::Absent);
        assert_eq!(update.options[2], Choice::Allowed(0));
        let start = Record::from_value(&parsed.value, Operation::StartTaskExecution);
        assert_eq!(start.options[2], Choice::Absent);
        assert_eq!(start.options[3], Choice::Allowed(0));
    }
}
