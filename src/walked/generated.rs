//! The reader per structure of the JavaScript walker's words (see
//! `src/walked.rs`), generated from the schema table (src/schema.rs) by
//! tests/generated.rs (UPDATE_GENERATED=1 cargo test --test generated); do
//! not edit by hand.
//!
//! One function per structure and place in the record: each member's
//! check and slot are known when it is compiled (no dispatch on the shape,
//! no search for the slot, the required members one mask), and the record
//! is filled as `Record`'s events fill it at those slots. `None` for
//! anything not clean, as the generic reader.

use super::{
    bare, choice, item_of, max_items_of, members_of, minimum_of, required_of, rule_at, rule_of,
    Cursor,
};
use crate::request::{Choice, Field, FilterItem, Manifest, Record};
use crate::schema::{Member, Operation};
use crate::scan::{first_time, within};

/// Reads the request in the words after `at`, `extent` words long, as a request of `operation`, into `record` (a new one; filled in place, not returned: a record moved out was copied).
pub(super) fn read<'a>(at: &mut Cursor<'_, 'a>, record: &mut Record<'a>, operation: Operation, extent: usize) -> Option<()> {
    read_root(at, record, operation, at.end(extent), 0).map(drop)
}

/// `CreateTask.Options` (or the same members elsewhere), read into `Options`.
fn read_0<'a>(at: &mut Cursor<'_, 'a>, record: &mut Record<'a>, extent: usize) -> Option<()> {
    const MEMBERS: &[Member] = members_of(Operation::CreateTask.members()[4].shape);
    record.has_options = true;
    let end = at.end(extent);
    let mut seen: u64 = 0;
    while at.next < end {
        let (position, held) = at.member()?;
        first_time(&mut seen, position)?;
        match position {
            0..=8 | 10..=15 => {
                // VerifyMode, OverwriteMode, Atime, Mtime, Uid, Gid, PreserveDeletedFiles, PreserveDevices, PosixPermissions, TaskQueueing, LogLevel, TransferMode, SecurityDescriptorCopyFlags, ObjectTags, ObjectMetadata
                let (word, _) = choice(rule_at(MEMBERS, position)?, held)?;
                record.options[position] = Choice::Allowed(word as u8);
            }
            9 => {
                // BytesPerSecond
                bare(held)?;
                let value = at.clean_integer(const { minimum_of(MEMBERS[9].shape) })?;
                record.bytes_per_second = Some(value);
                record.options[9] = Choice::Invalid;
            }
            _ => return None,
        }
    }
    let required = const { required_of(MEMBERS) };
    (at.next == end && seen & required == required).then_some(())
}

/// `CreateTask.Excludes[]` (or the same members elsewhere), read into `FilterRule(1)`.
fn read_1<'a>(at: &mut Cursor<'_, 'a>, record: &mut Record<'a>, extent: usize) -> Option<()> {
    const MEMBERS: &[Member] = members_of(item_of(Operation::CreateTask.members()[5].shape));
    let end = at.end(extent);
    let mut seen: u64 = 0;
    while at.next < end {
        let (position, held) = at.member()?;
        first_time(&mut seen, position)?;
        match position {
            0 => {
                // FilterType
                choice(const { rule_of(MEMBERS[0].shape) }, held)?;
            }
            1 => {
                // Value
                let text = at.clean_string(const { rule_of(MEMBERS[1].shape) }, held)?;
                if let Some(last) = record.filters[1].last_mut() {
                    *last = FilterItem::Rule(Field::Str(text));
                }
            }
            _ => return None,
        }
    }
    let required = const { required_of(MEMBERS) };
    (at.next == end && seen & required == required).then_some(())
}

/// `CreateTask.Schedule` (or the same members elsewhere), read into `Schedule`.
fn read_2<'a>(at: &mut Cursor<'_, 'a>, record: &mut Record<'a>, extent: usize) -> Option<()> {
    const MEMBERS: &[Member] = members_of(Operation::CreateTask.members()[6].shape);
    let end = at.end(extent);
    let mut seen: u64 = 0;
    while at.next < end {
        let (position, held) = at.member()?;
        first_time(&mut seen, position)?;
        match position {
            0 => {
                // ScheduleExpression
                let text = at.clean_string(const { rule_of(MEMBERS[0].shape) }, held)?;
                record.schedule_expression = Field::Str(text);
            }
            1 => {
                // Status
                choice(const { rule_of(MEMBERS[1].shape) }, held)?;
            }
            _ => return None,
        }
    }
    let required = const { required_of(MEMBERS) };
    (at.next == end && seen & required == required).then_some(())
}

/// `CreateTask.Tags[]` (or the same members elsewhere), read into `Tag`.
fn read_3<'a>(at: &mut Cursor<'_, 'a>, record: &mut Record<'a>, extent: usize) -> Option<()> {
    const MEMBERS: &[Member] = members_of(item_of(Operation::CreateTask.members()[7].shape));
    let end = at.end(extent);
    let mut seen: u64 = 0;
    while at.next < end {
        let (position, held) = at.member()?;
        first_time(&mut seen, position)?;
        match position {
            0 => {
                // Key
                let text = at.clean_string(const { rule_of(MEMBERS[0].shape) }, held)?;
                if let Some(last) = record.tag_keys.last_mut() {
                    *last = Some(text);
                }
            }
            1 => {
                // Value
                at.clean_string(const { rule_of(MEMBERS[1].shape) }, held)?;
            }
            _ => return None,
        }
    }
    let required = const { required_of(MEMBERS) };
    (at.next == end && seen & required == required).then_some(())
}

/// `CreateTask.Includes[]` (or the same members elsewhere), read into `FilterRule(0)`.
fn read_4<'a>(at: &mut Cursor<'_, 'a>, record: &mut Record<'a>, extent: usize) -> Option<()> {
    const MEMBERS: &[Member] = members_of(item_of(Operation::CreateTask.members()[8].shape));
    let end = at.end(extent);
    let mut seen: u64 = 0;
    while at.next < end {
        let (position, held) = at.member()?;
        first_time(&mut seen, position)?;
        match position {
            0 => {
                // FilterType
                choice(const { rule_of(MEMBERS[0].shape) }, held)?;
            }
            1 => {
                // Value
                let text = at.clean_string(const { rule_of(MEMBERS[1].shape) }, held)?;
                if let Some(last) = record.filters[0].last_mut() {
                    *last = FilterItem::Rule(Field::Str(text));
                }
            }
            _ => return None,
        }
    }
    let required = const { required_of(MEMBERS) };
    (at.next == end && seen & required == required).then_some(())
}

/// `CreateTask.ManifestConfig.Source` (or the same members elsewhere), read into `ManifestSource`.
fn read_6<'a>(at: &mut Cursor<'_, 'a>, record: &mut Record<'a>, extent: usize) -> Option<()> {
    const MEMBERS: &[Member] = members_of(members_of(Operation::CreateTask.members()[9].shape)[2].shape);
    if let Some(manifest) = &mut record.manifest {
        manifest.has_source = true;
    }
    let end = at.end(extent);
    let mut seen: u64 = 0;
    while at.next < end {
        let (position, held) = at.member()?;
        first_time(&mut seen, position)?;
        match position {
            0 => {
                // S3
                at.skip(const { MEMBERS[0].shape }, held)?;
            }
            _ => return None,
        }
    }
    let required = const { required_of(MEMBERS) };
    (at.next == end && seen & required == required).then_some(())
}

/// `CreateTask.ManifestConfig` (or the same members elsewhere), read into `Manifest`.
fn read_5<'a>(at: &mut Cursor<'_, 'a>, record: &mut Record<'a>, extent: usize) -> Option<()> {
    const MEMBERS: &[Member] = members_of(Operation::CreateTask.members()[9].shape);
    record.manifest = Some(Manifest::default());
    let end = at.end(extent);
    let mut seen: u64 = 0;
    while at.next < end {
        let (position, held) = at.member()?;
        first_time(&mut seen, position)?;
        if let Some(manifest) = &mut record.manifest {
            manifest.has_members = true;
        }
        match position {
            0 | 1 => {
                // Action, Format
                choice(rule_at(MEMBERS, position)?, held)?;
            }
            2 => {
                // Source
                read_6(at, record, held)?;
            }
            _ => return None,
        }
    }
    let required = const { required_of(MEMBERS) };
    (at.next == end && seen & required == required).then_some(())
}

/// `CreateTask.TaskReportConfig.Overrides.Deleted` (or the same members elsewhere), read into `DeletedOverride`.
fn read_9<'a>(at: &mut Cursor<'_, 'a>, record: &mut Record<'a>, extent: usize) -> Option<()> {
    const MEMBERS: &[Member] = members_of(members_of(members_of(Operation::CreateTask.members()[10].shape)[4].shape)[2].shape);
    record.report.has_deleted_override = true;
    let end = at.end(extent);
    let mut seen: u64 = 0;
    while at.next < end {
        let (position, held) = at.member()?;
        first_time(&mut seen, position)?;
        match position {
            0 => {
                // ReportLevel
                choice(const { rule_of(MEMBERS[0].shape) }, held)?;
            }
            _ => return None,
        }
    }
    let required = const { required_of(MEMBERS) };
    (at.next == end && seen & required == required).then_some(())
}

/// `CreateTask.TaskReportConfig.Overrides` (or the same members elsewhere), read into `Overrides`.
fn read_8<'a>(at: &mut Cursor<'_, 'a>, record: &mut Record<'a>, extent: usize) -> Option<()> {
    const MEMBERS: &[Member] = members_of(members_of(Operation::CreateTask.members()[10].shape)[4].shape);
    record.report.overrides = Some(false);
    let end = at.end(extent);
    let mut seen: u64 = 0;
    while at.next < end {
        let (position, held) = at.member()?;
        first_time(&mut seen, position)?;
        record.report.overrides = Some(true);
        match position {
            0 | 1 | 3 => {
                // Transferred, Verified, Skipped
                at.skip(MEMBERS.get(position)?.shape, held)?;
            }
            2 => {
                // Deleted
                read_9(at, record, held)?;
            }
            _ => return None,
        }
    }
    let required = const { required_of(MEMBERS) };
    (at.next == end && seen & required == required).then_some(())
}

/// `CreateTask.TaskReportConfig` (or the same members elsewhere), read into `Report`.
fn read_7<'a>(at: &mut Cursor<'_, 'a>, record: &mut Record<'a>, extent: usize) -> Option<()> {
    const MEMBERS: &[Member] = members_of(Operation::CreateTask.members()[10].shape);
    let end = at.end(extent);
    let mut seen: u64 = 0;
    while at.next < end {
        let (position, held) = at.member()?;
        first_time(&mut seen, position)?;
        match position {
            0 => {
                // Destination
                at.skip(const { MEMBERS[0].shape }, held)?;
            }
            1 => {
                // OutputType
                let (_, text) = choice(const { rule_of(MEMBERS[1].shape) }, held)?;
                record.report.output_type = Field::Str(text);
            }
            2 => {
                // ReportLevel
                choice(const { rule_of(MEMBERS[2].shape) }, held)?;
                record.report.has_report_level = true;
            }
            3 => {
                // ObjectVersionIds
                choice(const { rule_of(MEMBERS[3].shape) }, held)?;
            }
            4 => {
                // Overrides
                read_8(at, record, held)?;
            }
            _ => return None,
        }
    }
    let required = const { required_of(MEMBERS) };
    (at.next == end && seen & required == required).then_some(())
}

/// For each operation (by `operation as usize`, its place in
/// `Operation::ALL`: CreateTask, UpdateTask, StartTaskExecution), each member of its request root (by
/// position) as a member of the roots read as one (see `read_root`).
static ROOT_MEMBERS: [&[u8]; 3] = [&[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], &[12, 4, 5, 6, 3, 2, 8, 9, 10], &[12, 13, 8, 5, 9, 10, 7]];

/// For each operation, its required root members (bits by position).
const ROOT_REQUIRED: [u64; 3] = [0b11, 0b1, 0b1];

/// The members of a request root of `operation` from `at` on, up to
/// `end`, after those `seen` (bits by position; each read as a member of
/// the roots read as one: the members of every operation's root as one
/// structure); all it has seen. Where it stops, `at` keeps where the
/// member it stopped in starts, and the members before it (see
/// `Cursor::stopped`): the reporting reader goes on from there. Not inlined: the
/// reporting reader calls it too, and one copy is enough.
#[inline(never)]
pub(super) fn read_root<'a>(at: &mut Cursor<'_, 'a>, record: &mut Record<'a>, operation: Operation, end: usize, mut seen: u64) -> Option<u64> {
    let members: &[u8] = ROOT_MEMBERS.get(operation as usize)?;
    while at.next < end {
        let start = at.mark(seen);
        if read_root_member(at, record, members, &mut seen).is_none() {
            return at.stopped(start);
        }
    }
    let required = *ROOT_REQUIRED.get(operation as usize)?;
    if at.next == end && seen & required == required {
        return Some(seen);
    }
    at.stopped(at.mark(seen))
}

/// The next member of a request root whose members are `members` (see
/// `read_root`), noted in `seen`.
#[inline(always)]
fn read_root_member<'a>(at: &mut Cursor<'_, 'a>, record: &mut Record<'a>, members: &[u8], seen: &mut u64) -> Option<()> {
    let (position, held) = at.member()?;
    first_time(seen, position)?;
    let position = usize::from(*members.get(position)?);
    match position {
        0 => {
            // SourceLocationArn
            let text = at.clean_string(const { rule_of(Operation::CreateTask.members()[0].shape) }, held)?;
            record.source = Field::Str(text);
        }
        1 => {
            // DestinationLocationArn
            let text = at.clean_string(const { rule_of(Operation::CreateTask.members()[1].shape) }, held)?;
            record.destination = Field::Str(text);
        }
        2 => {
            // CloudWatchLogGroupArn
            let text = at.clean_string(const { rule_of(Operation::CreateTask.members()[2].shape) }, held)?;
            record.log_group = Field::Str(text);
        }
        3 => {
            // Name
            at.clean_string(const { rule_of(Operation::CreateTask.members()[3].shape) }, held)?;
        }
        4 => {
            // Options
            read_0(at, record, held)?;
        }
        5 => {
            // Excludes
            within(held, const { max_items_of(Operation::CreateTask.members()[5].shape) })?;
            record.filters[1] = Vec::with_capacity(held);
            for _ in 0..held {
                record.filters[1].push(FilterItem::Rule(Field::Absent));
                let held = at.item_word()?;
                read_1(at, record, held)?;
            }
        }
        6 => {
            // Schedule
            read_2(at, record, held)?;
        }
        7 => {
            // Tags
            within(held, const { max_items_of(Operation::CreateTask.members()[7].shape) })?;
            record.tag_keys = Vec::with_capacity(held);
            for _ in 0..held {
                record.tag_keys.push(None);
                let held = at.item_word()?;
                read_3(at, record, held)?;
            }
        }
        8 => {
            // Includes
            within(held, const { max_items_of(Operation::CreateTask.members()[8].shape) })?;
            record.filters[0] = Vec::with_capacity(held);
            for _ in 0..held {
                record.filters[0].push(FilterItem::Rule(Field::Absent));
                let held = at.item_word()?;
                read_4(at, record, held)?;
            }
        }
        9 => {
            // ManifestConfig
            read_5(at, record, held)?;
        }
        10 => {
            // TaskReportConfig
            read_7(at, record, held)?;
        }
        11 => {
            // TaskMode
            let (_, text) = choice(const { rule_of(Operation::CreateTask.members()[11].shape) }, held)?;
            record.task_mode = Field::Str(text);
        }
        12 => {
            // TaskArn
            let text = at.clean_string(const { rule_of(Operation::UpdateTask.members()[0].shape) }, held)?;
            record.task_arn = Field::Str(text);
        }
        13 => {
            // OverrideOptions
            read_0(at, record, held)?;
        }
        _ => return None,
    }
    Some(())
}
