//! Location rules: the two ends of the transfer, judged by what the caller
//! knows about them ([`Context::locations`]). Without a description of a
//! location, no rule that needs it applies (only `locations/same-location`,
//! which needs none). Each code's page in docs/rules/ has its source; every source below was
//! checked against the current DataSync documentation.
//!
//! - `locations/same-location` (warning): the same ARN at both ends. Copying
//!   a location onto itself is never what a person meant.
//!   Invalid: the same ARN twice. Fix: pick the destination's ARN.
//! - `locations/posix-between-object-stores` (error): both ends are object
//!   storage (S3, S3 on Outposts, object storage, Azure Blob) and Uid, Gid or
//!   PosixPermissions is set to anything but NONE. The service rejects it:
//!   "Invalid SyncOption value. Option: PosixPermissions, Value: PRESERVE
//!   invalid for non-POSIX transfer. please use NONE." (recorded from the
//!   service for an S3-to-S3 task, christoferson/aws-cloudformation
//!   `datasync/README.md`; the same for `Uid: INT_VALUE`). Omitted, these
//!   options are accepted (the service then uses NONE, which `applyDefaults`
//!   fills in for such a pair). Invalid: `{"Options":{"Uid":"INT_VALUE"}}`
//!   from S3 to S3. Fix: `NONE`, or leave the options out.
//! - `locations/enhanced-unsupported-pair` (warning): TaskMode
//!   ENHANCED with S3 on Outposts at either end. The API reference (CreateTask
//!   TaskMode, botocore 1.44.18's model) documents Enhanced mode for every
//!   transfer except those that use S3 on Outposts. It once listed only S3 to
//!   S3, other clouds to S3 without an agent, and NFS or SMB to S3; that list
//!   is gone. A warning, not an error, because the model accepts ENHANCED for
//!   every pair. An agent's mode (Enhanced mode needs Enhanced mode agents) is
//!   in no description, so a location with agents gets no finding.
//!   Invalid: ENHANCED from S3 on Outposts to S3. Fix: BASIC.
//! - `locations/nfs-version-needs-enhanced` (error): a location mounted
//!   with `MountOptions.Version` NFS4_2 in a Basic mode task. API
//!   NfsMountOptions: "Selecting NFS version 4.2 requires an Enhanced mode
//!   task." Fix: TaskMode ENHANCED, or another NFS version.
//! - `locations/agentless-needs-enhanced` (warning): an object storage or
//!   Azure Blob location described with `AgentArns: []` (agentless) in a
//!   Basic mode task. The User Guide: only Basic mode tasks need an agent to
//!   reach other clouds; Enhanced mode needs none (third-party cloud transfer
//!   considerations; choosing-task-mode). A warning: whether CreateTask
//!   refuses or the runs fail is not documented. A description without
//!   AgentArns says nothing, and neither does a pair whose other end is
//!   described and not S3: without an agent, other clouds are documented
//!   only to and from S3, and transfers between EFS or FSx and other clouds
//!   need an agent in either mode (User Guide, "Do I need a DataSync
//!   agent?"), so Enhanced mode is no fix there. Fix: TaskMode ENHANCED, or
//!   a location with an agent.
//! - `locations/efs-preserve-devices` (error): PreserveDevices PRESERVE
//!   with an Amazon EFS location at either end. API Options PreserveDevices:
//!   "This option currently isn't supported for Amazon EFS." Fix: NONE (the default).
//! - `locations/archive-point-in-time` (error): VerifyMode
//!   POINT_IN_TIME_CONSISTENT into an S3 destination whose S3StorageClass is
//!   GLACIER (Flexible Retrieval) or DEEP_ARCHIVE. API Options VerifyMode:
//!   "You can't use this option when transferring to S3 Glacier Flexible
//!   Retrieval or S3 Glacier Deep Archive storage classes." Fix:
//!   ONLY_FILES_TRANSFERRED (which the same page recommends there) or NONE.
//! - `locations/archive-default-verify-mode` (warning): the same
//!   destination with VerifyMode omitted in Basic mode, whose default is
//!   POINT_IN_TIME_CONSISTENT. A warning: whether the service rejects the
//!   request or only the verification fails is not documented.
//!
//! Not implemented, and why (docs/rules/README.md): agent and task modes (an
//! agent's mode is not in any description); SecurityDescriptorCopyFlags,
//! ObjectTags and ObjectMetadata outside their pairs (ignored, not harmful:
//! `fields()` says where each applies); POSIX options with SMB (no current
//! source says they are ignored); storage-class effects and charges (not a
//! mistake in the request); and rules that need facts no description carries
//! (hierarchical namespaces, access points, Regions of agents, bucket
//! versioning).

use crate::diagnostic::{fixed, Code, Collector, Diagnostic};
use crate::locations::{Location, LocationType};
use crate::patterns::Pattern;
use crate::request::{options, Request, Setting, TaskMode};
use crate::rules::Context;
use crate::schema::Operation;

const SAME_LOCATION: &str = "DestinationLocationArn is the same location as SourceLocationArn, so the task would copy the location onto itself; choose a different destination.";

fn posix_between_object_stores(
    option: &str,
    value: &str,
    pair: (LocationType, LocationType),
) -> String {
    format!(
        "Both locations are object storage ({} to {}), which has no POSIX metadata, and the service rejects {option} {value} for such a transfer; set {option} to NONE or leave it out.",
        pair.0.as_str(),
        pair.1.as_str()
    )
}

fn enhanced_unsupported_pair(end: &str) -> String {
    format!(
        "Enhanced mode is not documented for S3 on Outposts, which this task's {end} location is; use TaskMode BASIC."
    )
}

/// The message of `locations/nfs-version-needs-enhanced` and
/// `locations/agentless-needs-enhanced`: the `end` location `is` something
/// only Enhanced mode can use; `or` is the other remedy.
fn needs_enhanced(end: &str, is: &str, how: &str, or: &str) -> String {
    format!(
        "The {end} location {is}, which needs an Enhanced mode task, but TaskMode {how} BASIC; set TaskMode to ENHANCED or {or}."
    )
}

const EFS_PRESERVE_DEVICES: &str = "PreserveDevices PRESERVE is not supported for Amazon EFS, which is one end of this transfer; use NONE (the default).";

fn archive_point_in_time(class: &str) -> String {
    format!(
        "VerifyMode POINT_IN_TIME_CONSISTENT cannot be used when the destination's S3 storage class is {class}, whose objects cannot be read back to verify them; use ONLY_FILES_TRANSFERRED (recommended there) or NONE."
    )
}

fn archive_default_verify_mode(class: &str) -> String {
    format!(
        "VerifyMode defaults to POINT_IN_TIME_CONSISTENT in Basic mode, which cannot be used when the destination's S3 storage class is {class}; set VerifyMode to ONLY_FILES_TRANSFERRED (recommended there) or NONE."
    )
}

const BOTH_ENDS: [&str; 2] = ["/SourceLocationArn", "/DestinationLocationArn"];

/// What the caller described of the two ends.
struct Ends<'a> {
    source: Option<&'a Location>,
    destination: Option<&'a Location>,
    /// Whether the ends are the request's own (CreateTask), so that a
    /// diagnostic may name them as related members.
    creating: bool,
}

impl<'a> Ends<'a> {
    fn kinds(&self) -> (Option<LocationType>, Option<LocationType>) {
        (
            self.source.and_then(|l| l.kind),
            self.destination.and_then(|l| l.kind),
        )
    }

    /// `diagnostic` with `pointers` as its related members when the ends
    /// are the request's; as it is when they are the described task's.
    #[inline(never)]
    fn relate(&self, diagnostic: Diagnostic, pointers: &'static [&'static str]) -> Diagnostic {
        if self.creating {
            diagnostic.with("related", pointers.to_vec())
        } else {
            diagnostic
        }
    }

    /// Each described end with its name and pointer.
    fn each(&self) -> impl Iterator<Item = (&'static str, &'static str, &'a Location)> {
        [
            ("source", "/SourceLocationArn", self.source),
            ("destination", "/DestinationLocationArn", self.destination),
        ]
        .into_iter()
        .filter_map(|(end, pointer, location)| location.map(|l| (end, pointer, l)))
    }
}

/// Applies every location rule. The ends are the request's in CreateTask;
/// in UpdateTask and StartTaskExecution, which cannot change them, the
/// described task's (unknown without a description, and then no rule below
/// applies). There the rules judge only what the request sets: an option it
/// sets is what the task (or the run) will have; one it leaves out keeps the
/// task's value, which this request does not make worse, and the mode and
/// ends are the task's, so the mode rules are CreateTask's alone.
pub fn check(request: &Request, context: &Context, out: &mut Collector) {
    let creating = request.operation() == Operation::CreateTask;
    let (source, destination) = if creating {
        (
            request.values.source.as_str(),
            request.values.destination.as_str(),
        )
    } else {
        request.task().map_or((None, None), |task| {
            (task.source.as_deref(), task.destination.as_deref())
        })
    };
    if creating {
        same_location(source, destination, out);
    }
    if context.locations.is_empty() {
        return;
    }
    // One lookup for each end; with neither described (the request's ARNs
    // are not on the portal's page, say), no rule below applies.
    let ends = Ends {
        source: source.and_then(|arn| context.location(arn)),
        destination: destination.and_then(|arn| context.location(arn)),
        creating,
    };
    if ends.source.is_none() && ends.destination.is_none() {
        return;
    }
    posix_options(request, &ends, out);
    if creating {
        enhanced_pair(request, &ends, out);
        basic_mode_ends(request, &ends, out);
    }
    efs_devices(request, &ends, out);
    archive_verification(request, &ends, out);
}

// Not inlined: inlined into `check` it grew the .wasm by about 500 bytes gzip.
#[inline(never)]
fn same_location(source: Option<&str>, destination: Option<&str>, out: &mut Collector) {
    if let (Some(source), Some(destination)) = (source, destination) {
        // Two different ARNs differ near the end: compared there first.
        if crate::rules::same_arn(source, destination) && Pattern::LocationArn.matches(source) {
            out.push(
                Diagnostic::of(
                    Code::SameLocation,
                    fixed!("/DestinationLocationArn"),
                    fixed!(SAME_LOCATION),
                )
                .with("related", vec!["/SourceLocationArn"]),
            );
        }
    }
}

/// `locations/posix-between-object-stores`.
fn posix_options(request: &Request, ends: &Ends, out: &mut Collector) {
    let (Some(source), Some(destination)) = ends.kinds() else {
        return;
    };
    if !(source.is_object_storage() && destination.is_object_storage()) {
        return;
    }
    for option in crate::locations::OBJECT_PAIR_NONE_DEFAULTS {
        if let Setting::Explicit(value) = request.option_named(option) {
            if value != "NONE" {
                out.push(
                    ends.relate(
                        Diagnostic::new(
                            Code::PosixBetweenObjectStores,
                            request.option_path(option),
                            posix_between_object_stores(option, value, (source, destination)),
                        )
                        .with("source", source.as_str())
                        .with("destination", destination.as_str()),
                        &BOTH_ENDS,
                    ),
                );
            }
        }
    }
}

/// `locations/enhanced-unsupported-pair`: the first end (`"source"` or
/// `"destination"`) that Enhanced mode is not documented for, S3 on Outposts.
fn end_without_enhanced(ends: &Ends) -> Option<&'static str> {
    ends.each()
        .find(|(_, _, location)| location.kind == Some(LocationType::S3Outposts))
        .map(|(end, _, _)| end)
}

/// The kind of the end opposite `end` (`"source"` or `"destination"`), when described.
fn other_end(ends: &Ends, end: &str) -> Option<LocationType> {
    let (source, destination) = ends.kinds();
    if end == "source" {
        destination
    } else {
        source
    }
}

fn enhanced_pair(request: &Request, ends: &Ends, out: &mut Collector) {
    if request.task_mode() != Some(TaskMode::Enhanced) {
        return;
    }
    if let Some(end) = end_without_enhanced(ends) {
        let (source, destination) = ends.kinds();
        let mut diagnostic = Diagnostic::of(
            Code::EnhancedUnsupportedPair,
            fixed!("/TaskMode"),
            enhanced_unsupported_pair(end),
        );
        if let Some(source) = source {
            diagnostic = diagnostic.with("source", source.as_str());
        }
        if let Some(destination) = destination {
            diagnostic = diagnostic.with("destination", destination.as_str());
        }
        out.push(diagnostic.with("related", BOTH_ENDS.to_vec()));
    }
}

/// `locations/nfs-version-needs-enhanced` and `locations/agentless-needs-enhanced`:
/// an end that only Enhanced mode can use, in a Basic mode task.
fn basic_mode_ends(request: &Request, ends: &Ends, out: &mut Collector) {
    use LocationType::{AzureBlob, ObjectStorage, S3};
    if request.task_mode() != Some(TaskMode::Basic) {
        return;
    }
    let how = if request.values.task_mode.is_present() {
        "is"
    } else {
        "defaults to"
    };
    for (end, pointer, location) in ends.each() {
        let (code, is, or) = if location.nfs_version.as_deref() == Some("NFS4_2") {
            (
                Code::NfsVersionNeedsEnhanced,
                "is mounted with NFS version 4.2",
                "mount the location with another NFS version",
            )
        } else if matches!(location.kind, Some(AzureBlob | ObjectStorage))
            && location.agent_count == Some(0)
            // Without an agent, other clouds are documented only to and from
            // S3 (Enhanced mode); EFS and FSx need an agent in either mode.
            && matches!(other_end(ends, end), None | Some(S3))
        {
            (
                Code::AgentlessNeedsEnhanced,
                "is agentless",
                "create the location with an agent",
            )
        } else {
            continue;
        };
        let message = needs_enhanced(end, is, how, or);
        out.push(
            Diagnostic::of(code, fixed!("/TaskMode"), message)
                .with("location", location.arn.clone())
                .with("related", vec![pointer]),
        );
    }
}

/// `locations/efs-preserve-devices`.
fn efs_devices(request: &Request, ends: &Ends, out: &mut Collector) {
    let (source, destination) = ends.kinds();
    if source != Some(LocationType::Efs) && destination != Some(LocationType::Efs) {
        return;
    }
    if !matches!(
        request.option(options::PRESERVE_DEVICES),
        Setting::Explicit("PRESERVE")
    ) {
        return;
    }
    // The EFS ends' pointers: the source's, the destination's, or both.
    let efs = match (
        source == Some(LocationType::Efs),
        destination == Some(LocationType::Efs),
    ) {
        (true, true) => &BOTH_ENDS[..],
        (true, false) => &BOTH_ENDS[..1],
        _ => &BOTH_ENDS[1..],
    };
    out.push(ends.relate(
        Diagnostic::of(
            Code::EfsPreserveDevices,
            request.option_path("PreserveDevices"),
            fixed!(EFS_PRESERVE_DEVICES),
        ),
        efs,
    ));
}

/// `locations/archive-point-in-time` and `locations/archive-default-verify-mode`.
fn archive_verification(request: &Request, ends: &Ends, out: &mut Collector) {
    let Some(class) = ends.destination.and_then(Location::archive_class) else {
        return;
    };
    let (code, message) = match request.option(options::VERIFY_MODE) {
        Setting::Explicit("POINT_IN_TIME_CONSISTENT") => {
            (Code::ArchivePointInTime, archive_point_in_time(class))
        }
        Setting::Default("POINT_IN_TIME_CONSISTENT") => (
            Code::ArchiveDefaultVerifyMode,
            archive_default_verify_mode(class),
        ),
        _ => return,
    };
    out.push(
        ends.relate(
            Diagnostic::new(code, request.option_path("VerifyMode"), message)
                .with("storageClass", class.to_owned()),
            &BOTH_ENDS[1..],
        ),
    );
}

#[cfg(test)]
mod tests {
    use crate::locations::{Location, LocationType};
    use crate::rules::testing::{findings, request};
    use crate::{validate_text, Context};

    const SOURCE: &str = "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0";
    const DESTINATION: &str =
        "arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210";

    /// Descriptions of the two ends: `source` as SOURCE, `destination` as
    /// DESTINATION.
    fn ends(source: Location, destination: Location) -> [Location; 2] {
        [
            Location {
                arn: SOURCE.to_owned(),
                ..source
            },
            Location {
                arn: DESTINATION.to_owned(),
                ..destination
            },
        ]
    }

    /// `(path, code)` of every diagnostic for a request with `extra` members
    /// between two described locations.
    fn between(
        source: Location,
        destination: Location,
        extra: &str,
    ) -> Vec<(String, &'static str)> {
        let locations = ends(source, destination);
        let context = Context::at(1_795_564_800).with_locations(&locations);
        validate_text(&request(extra), &context)
            .diagnostics
            .into_iter()
            .map(|d| (d.path.into_owned(), d.code.as_str()))
            .collect()
    }

    fn of(kind: LocationType) -> Location {
        Location::of_type("", kind)
    }

    fn s3_in(class: &str) -> Location {
        Location {
            s3_storage_class: Some(class.to_owned()),
            ..of(LocationType::S3)
        }
    }

    fn at(path: &str, code: &'static str) -> (String, &'static str) {
        (path.to_owned(), code)
    }

    use LocationType::*;

    #[test]
    fn different_locations_are_fine() {
        assert_eq!(findings(""), []);
    }

    #[test]
    fn the_same_location_at_both_ends_is_a_warning() {
        let text =
            format!(r#"{{"SourceLocationArn":"{SOURCE}","DestinationLocationArn":"{SOURCE}"}}"#);
        let report = validate_text(&text, &Context::default());
        assert!(report.is_valid());
        assert_eq!(
            report.diagnostics[0].code.as_str(),
            "locations/same-location"
        );
        assert_eq!(report.diagnostics[0].path, "/DestinationLocationArn");
    }

    #[test]
    fn posix_options_between_object_stores_must_be_none() {
        let code = "locations/posix-between-object-stores";
        // Omitted (the service then uses NONE) or NONE: accepted.
        assert_eq!(between(of(S3), of(S3), ""), []);
        assert_eq!(
            between(
                of(S3),
                of(AzureBlob),
                r#""Options":{"Uid":"NONE","Gid":"NONE","PosixPermissions":"NONE"}"#
            ),
            []
        );
        // Anything else: rejected, once per option.
        assert_eq!(
            between(
                of(S3),
                of(S3),
                r#""Options":{"Uid":"INT_VALUE","Gid":"NAME","PosixPermissions":"PRESERVE"}"#
            ),
            [
                at("/Options/Gid", code),
                at("/Options/PosixPermissions", code),
                at("/Options/Uid", code)
            ]
        );
        assert_eq!(
            between(
                of(ObjectStorage),
                of(S3Outposts),
                r#""Options":{"PosixPermissions":"PRESERVE"}"#
            ),
            [at("/Options/PosixPermissions", code)]
        );
        // A file system at either end keeps POSIX metadata meaningful.
        assert_eq!(
            between(of(Nfs), of(S3), r#""Options":{"Uid":"INT_VALUE"}"#),
            []
        );
        assert_eq!(
            between(
                of(S3),
                of(Efs),
                r#""Options":{"PosixPermissions":"PRESERVE"}"#
            ),
            []
        );
    }

    #[test]
    fn posix_options_need_both_ends_described() {
        let only_source = [Location::of_type(SOURCE, S3)];
        let context = Context::at(1_795_564_800).with_locations(&only_source);
        let report = validate_text(&request(r#""Options":{"Uid":"INT_VALUE"}"#), &context);
        assert_eq!(report.diagnostics, []);
        // A scheme this version does not know gives no type, so no rule either.
        assert_eq!(
            between(
                of(S3),
                Location::default(),
                r#""Options":{"Uid":"INT_VALUE"}"#
            ),
            []
        );
    }

    #[test]
    fn the_last_description_of_a_location_is_used() {
        let listed_then_described = [
            Location::of_type(SOURCE, S3),
            Location::of_type(DESTINATION, S3),
            Location {
                s3_storage_class: Some("DEEP_ARCHIVE".to_owned()),
                ..Location::of_type(DESTINATION, S3)
            },
        ];
        let context = Context::at(1_795_564_800).with_locations(&listed_then_described);
        let report = validate_text(&request(""), &context);
        assert_eq!(
            report.diagnostics[0].code.as_str(),
            "locations/archive-default-verify-mode"
        );
    }

    #[test]
    fn descriptions_of_other_locations_are_ignored() {
        let others = [
            Location::of_type(
                "arn:aws:datasync:us-east-1:111122223333:location/loc-11111111111111111",
                S3,
            ),
            Location::of_type(
                "arn:aws:datasync:us-east-1:111122223333:location/loc-22222222222222222",
                S3,
            ),
        ];
        let context = Context::at(1_795_564_800).with_locations(&others);
        let report = validate_text(&request(r#""Options":{"Uid":"INT_VALUE"}"#), &context);
        assert_eq!(report.diagnostics, []);
    }

    #[test]
    fn arns_that_end_alike_are_told_apart() {
        // The lookup compares the last eight bytes first: the same location ID
        // in another account (or Region) ends alike but is another location.
        let elsewhere = |arn: &str| arn.replace("111122223333", "444455556666");
        let uid = r#""Options":{"Uid":"INT_VALUE"}"#;
        let others = [
            Location::of_type(&elsewhere(SOURCE), S3),
            Location::of_type(&elsewhere(DESTINATION), S3),
            Location::of_type("S3", S3),
            Location::of_type("", S3),
        ];
        let context = Context::at(1_795_564_800).with_locations(&others);
        assert_eq!(validate_text(&request(uid), &context).diagnostics, []);
        let both = [
            others.to_vec(),
            vec![
                Location::of_type(SOURCE, S3),
                Location::of_type(DESTINATION, S3),
            ],
        ]
        .concat();
        let context = Context::at(1_795_564_800).with_locations(&both);
        let codes: Vec<_> = validate_text(&request(uid), &context)
            .diagnostics
            .iter()
            .map(|d| d.code.as_str())
            .collect();
        assert_eq!(codes, ["locations/posix-between-object-stores"]);
        assert_eq!(context.location(SOURCE), Some(&both[4]));
        assert_eq!(context.location(&elsewhere(DESTINATION)), Some(&both[1]));
        assert_eq!(context.location("S3"), Some(&both[2]));
        assert_eq!(context.location("S"), None);
    }

    #[test]
    fn a_description_matches_only_its_own_arn_byte_for_byte() {
        // Every byte counts, wherever it is: in the last eight compared
        // first, in a word of eight compared after them, in a text shorter
        // than eight; lengths that are and are not a multiple of eight.
        // (The lookup and locations/same-location compare alike.)
        for arn in [
            SOURCE,
            &SOURCE[..64],
            &SOURCE[..63],
            &SOURCE[..57],
            "loc-01",
            "",
        ] {
            let described = [Location::of_type(arn, S3)];
            let context = Context::at(1_795_564_800).with_locations(&described);
            assert_eq!(context.location(arn), Some(&described[0]), "{arn}");
            for at in 0..arn.len() {
                let mut other = arn.as_bytes().to_vec();
                other[at] ^= 0x01;
                let other = String::from_utf8(other).expect("ASCII");
                assert_eq!(context.location(&other), None, "{arn} changed at {at}");
                // As locations/same-location compares the two ends.
                assert!(
                    !crate::rules::same_arn(arn, &other),
                    "{arn} changed at {at}"
                );
            }
            assert_eq!(context.location(&format!("{arn}0")), None, "{arn} longer");
            if let Some(shorter) = arn.get(1..) {
                assert_eq!(context.location(shorter), None, "{arn} shorter");
            }
        }
    }

    #[test]
    fn enhanced_mode_with_s3_on_outposts_is_a_warning() {
        let code = "locations/enhanced-unsupported-pair";
        let enhanced = r#""TaskMode":"ENHANCED""#;
        // Every other pair is documented for Enhanced mode, agents or not
        // (an agent's mode is in no description).
        let with_agent = |kind| Location {
            agent_count: Some(1),
            ..of(kind)
        };
        for (source, destination) in [
            (of(S3), of(S3)),
            (of(AzureBlob), of(S3)),
            (of(Hdfs), of(S3)),
            (of(Efs), of(S3)),
            (of(Nfs), of(Smb)),
            (of(FsxWindows), of(FsxOntap)),
            (of(FsxLustre), of(FsxOpenZfs)),
            (of(AzureBlob), of(Efs)),
            (with_agent(ObjectStorage), of(S3)),
            (of(S3), with_agent(AzureBlob)),
        ] {
            assert_eq!(
                between(source.clone(), destination.clone(), enhanced),
                [],
                "{source:?} -> {destination:?}"
            );
        }
        for (source, destination) in [
            (of(S3Outposts), of(S3)),
            (of(S3), of(S3Outposts)),
            (of(Nfs), of(S3Outposts)),
            (of(S3Outposts), Location::default()),
        ] {
            assert_eq!(
                between(source.clone(), destination.clone(), enhanced),
                [at("/TaskMode", code)],
                "{source:?} -> {destination:?}"
            );
        }
        // Basic mode is never affected.
        assert_eq!(between(of(S3Outposts), of(S3), ""), []);
        assert_eq!(between(of(S3), of(S3Outposts), r#""TaskMode":"BASIC""#), []);
        let locations = [
            Location {
                arn: SOURCE.to_owned(),
                ..of(Nfs)
            },
            Location {
                arn: DESTINATION.to_owned(),
                ..of(S3Outposts)
            },
        ];
        let context = Context::default().with_locations(&locations);
        let report = validate_text(&request(enhanced), &context);
        assert_eq!(
            report.diagnostics[0].message.to_string(),
            "Enhanced mode is not documented for S3 on Outposts, which this task's destination location is; use TaskMode BASIC."
        );
    }

    #[test]
    fn nfs_4_2_needs_enhanced_mode() {
        let code = "locations/nfs-version-needs-enhanced";
        let mounted = |version: &str| Location {
            nfs_version: Some(version.to_owned()),
            ..of(Nfs)
        };
        assert_eq!(
            between(mounted("NFS4_2"), of(S3), ""),
            [at("/TaskMode", code)]
        );
        assert_eq!(
            between(mounted("NFS4_2"), of(S3), r#""TaskMode":"BASIC""#),
            [at("/TaskMode", code)]
        );
        assert_eq!(
            between(mounted("NFS4_2"), of(S3), r#""TaskMode":"ENHANCED""#),
            []
        );
        assert_eq!(between(mounted("NFS4_1"), of(S3), ""), []);
        // An invalid TaskMode is reported on its own, without guessing the mode.
        assert_eq!(
            between(mounted("NFS4_2"), of(S3), r#""TaskMode":"TURBO""#),
            [at("/TaskMode", "value/not-in-enum")]
        );
    }

    #[test]
    fn an_agentless_cloud_location_needs_enhanced_mode() {
        let code = "locations/agentless-needs-enhanced";
        let agents = |kind, count| Location {
            agent_count: count,
            ..of(kind)
        };
        for kind in [AzureBlob, ObjectStorage] {
            // TaskMode left out is BASIC, which reaches other clouds only through an agent.
            assert_eq!(
                between(agents(kind, Some(0)), of(S3), ""),
                [at("/TaskMode", code)]
            );
            assert_eq!(
                between(of(S3), agents(kind, Some(0)), r#""TaskMode":"BASIC""#),
                [at("/TaskMode", code)]
            );
            // Enhanced mode needs no agent; an agent serves Basic mode; a
            // description without AgentArns says nothing about agents.
            assert_eq!(
                between(agents(kind, Some(0)), of(S3), r#""TaskMode":"ENHANCED""#),
                []
            );
            assert_eq!(between(agents(kind, Some(1)), of(S3), ""), []);
            assert_eq!(between(agents(kind, None), of(S3), ""), []);
        }
        // Other kinds are not judged by their agents here.
        assert_eq!(between(agents(Hdfs, Some(0)), of(S3), ""), []);
        let message = |source: Location, destination: Location| {
            let locations = [
                Location {
                    arn: SOURCE.to_owned(),
                    ..source
                },
                Location {
                    arn: DESTINATION.to_owned(),
                    ..destination
                },
            ];
            let context = Context::default().with_locations(&locations);
            let report = validate_text(&request(""), &context);
            report.diagnostics[0].message.to_string()
        };
        assert_eq!(
            message(agents(AzureBlob, Some(0)), of(S3)),
            "The source location is agentless, which needs an Enhanced mode task, but TaskMode defaults to BASIC; set TaskMode to ENHANCED or create the location with an agent."
        );
        // Without an agent, other clouds are documented only to and from S3:
        // transfers between EFS or FSx and other clouds need an agent in either
        // mode, so Enhanced mode is no fix there (the User Guide, "Do I need a
        // DataSync agent?"); nor with S3 on Outposts.
        for other in [Efs, FsxWindows, FsxOntap, Nfs, S3Outposts] {
            assert_eq!(between(agents(AzureBlob, Some(0)), of(other), ""), []);
            assert_eq!(between(of(other), agents(ObjectStorage, Some(0)), ""), []);
        }
        assert_eq!(
            between(of(S3), agents(ObjectStorage, Some(0)), ""),
            [at("/TaskMode", code)]
        );
    }

    #[test]
    fn efs_cannot_preserve_devices() {
        let code = "locations/efs-preserve-devices";
        let devices = r#""Options":{"PreserveDevices":"PRESERVE"}"#;
        assert_eq!(
            between(of(Efs), of(S3), devices),
            [at("/Options/PreserveDevices", code)]
        );
        assert_eq!(
            between(of(Nfs), of(Efs), devices),
            [at("/Options/PreserveDevices", code)]
        );
        assert_eq!(between(of(Nfs), of(FsxLustre), devices), []);
        assert_eq!(
            between(of(Efs), of(Efs), r#""Options":{"PreserveDevices":"NONE"}"#),
            []
        );
    }

    #[test]
    fn archive_storage_classes_cannot_be_verified_point_in_time() {
        let explicit = r#""Options":{"VerifyMode":"POINT_IN_TIME_CONSISTENT"}"#;
        assert_eq!(
            between(of(Nfs), s3_in("GLACIER"), explicit),
            [at("/Options/VerifyMode", "locations/archive-point-in-time")]
        );
        assert_eq!(
            between(of(Nfs), s3_in("DEEP_ARCHIVE"), ""),
            [at(
                "/Options/VerifyMode",
                "locations/archive-default-verify-mode"
            )]
        );
        assert_eq!(
            between(
                of(Nfs),
                s3_in("DEEP_ARCHIVE"),
                r#""Options":{"VerifyMode":"ONLY_FILES_TRANSFERRED"}"#
            ),
            []
        );
        // Enhanced mode's default verifies only what was transferred.
        assert_eq!(
            between(of(S3), s3_in("GLACIER"), r#""TaskMode":"ENHANCED""#),
            []
        );
        // Instant Retrieval objects can be read back; a source class does not matter.
        assert_eq!(
            between(of(Nfs), s3_in("GLACIER_INSTANT_RETRIEVAL"), explicit),
            []
        );
        assert_eq!(between(s3_in("GLACIER"), of(Nfs), explicit), []);
    }

    /// `(path, code)` of every diagnostic for an `operation` request with
    /// `extra` members, for the task `description` (its ends are SOURCE and
    /// DESTINATION unless it says otherwise), between two described locations.
    fn for_task(
        operation: crate::schema::Operation,
        description: &str,
        (source, destination): (Location, Location),
        extra: &str,
    ) -> Vec<(String, &'static str)> {
        use crate::rules::testing::{call_options, findings_in, task_request};
        let described = format!(
            r#"{{"SourceLocationArn":"{SOURCE}","DestinationLocationArn":"{DESTINATION}",{description}}}"#
        );
        let mut options = call_options(operation, Some(&described));
        options.locations = ends(source, destination).into();
        findings_in(&task_request(extra), options)
    }

    const BASIC: &str = r#""TaskMode":"BASIC""#;

    #[test]
    fn a_run_or_an_update_gets_the_location_rules_between_the_described_task_ends() {
        use crate::schema::Operation::{StartTaskExecution, UpdateTask};
        let glacier = (of(Nfs), s3_in("GLACIER"));
        assert_eq!(
            for_task(
                StartTaskExecution,
                BASIC,
                glacier.clone(),
                r#""OverrideOptions":{"VerifyMode":"POINT_IN_TIME_CONSISTENT"}"#
            ),
            [at(
                "/OverrideOptions/VerifyMode",
                "locations/archive-point-in-time"
            )]
        );
        assert_eq!(
            for_task(
                UpdateTask,
                BASIC,
                glacier,
                r#""Options":{"VerifyMode":"POINT_IN_TIME_CONSISTENT"}"#
            ),
            [at("/Options/VerifyMode", "locations/archive-point-in-time")]
        );
        assert_eq!(
            for_task(
                UpdateTask,
                BASIC,
                (of(S3), of(S3)),
                r#""Options":{"PosixPermissions":"PRESERVE","Uid":"NONE"}"#
            ),
            [at(
                "/Options/PosixPermissions",
                "locations/posix-between-object-stores"
            )]
        );
        assert_eq!(
            for_task(
                StartTaskExecution,
                BASIC,
                (of(Nfs), of(Efs)),
                r#""OverrideOptions":{"PreserveDevices":"PRESERVE"}"#
            ),
            [at(
                "/OverrideOptions/PreserveDevices",
                "locations/efs-preserve-devices"
            )]
        );
    }

    #[test]
    fn a_run_or_an_update_is_not_blamed_for_what_it_leaves_as_the_task_has_it() {
        use crate::schema::Operation::{StartTaskExecution, UpdateTask};
        for operation in [UpdateTask, StartTaskExecution] {
            // The task's own VerifyMode, ends and mode: not this request's doing.
            let stored = r#""TaskMode":"BASIC","Options":{"VerifyMode":"POINT_IN_TIME_CONSISTENT","PosixPermissions":"PRESERVE"}"#;
            assert_eq!(
                for_task(operation, stored, (of(Nfs), s3_in("DEEP_ARCHIVE")), ""),
                []
            );
            assert_eq!(for_task(operation, stored, (of(S3), of(S3)), ""), []);
            assert_eq!(
                for_task(
                    operation,
                    r#""TaskMode":"ENHANCED""#,
                    (of(Hdfs), of(S3)),
                    ""
                ),
                []
            );
            let nfs_4_2 = Location {
                nfs_version: Some("NFS4_2".to_owned()),
                ..of(Nfs)
            };
            assert_eq!(for_task(operation, BASIC, (nfs_4_2, of(S3)), ""), []);
            // Changing the option to what fits the ends is fine.
            let member = operation.options_member();
            assert_eq!(
                for_task(
                    operation,
                    stored,
                    (of(Nfs), s3_in("GLACIER")),
                    &format!(r#""{member}":{{"VerifyMode":"ONLY_FILES_TRANSFERRED"}}"#)
                ),
                []
            );
        }
    }

    #[test]
    fn without_the_task_ends_a_run_or_an_update_gets_no_location_rule() {
        use crate::rules::testing::{call_options, findings_in, task_request};
        use crate::schema::Operation::StartTaskExecution;
        let request = task_request(r#""OverrideOptions":{"Uid":"INT_VALUE"}"#);
        let locations = ends(of(S3), of(S3));
        // No description, one without its ends, one of another task.
        for description in [
            None,
            Some(r#"{"TaskMode":"BASIC"}"#.to_owned()),
            Some(format!(
                r#"{{"TaskArn":"arn:aws:datasync:us-east-1:111122223333:task/task-0fedcba9876543210","SourceLocationArn":"{SOURCE}","DestinationLocationArn":"{DESTINATION}"}}"#
            )),
        ] {
            let mut options = call_options(StartTaskExecution, description.as_deref());
            options.locations = locations.to_vec();
            assert_eq!(findings_in(&request, options), [], "{description:?}");
        }
    }

    #[test]
    fn a_run_names_no_related_members_it_does_not_have() {
        use crate::rules::testing::{call_options, task_request};
        let described = format!(
            r#"{{"TaskMode":"BASIC","SourceLocationArn":"{SOURCE}","DestinationLocationArn":"{DESTINATION}"}}"#
        );
        let mut options = call_options(
            crate::schema::Operation::StartTaskExecution,
            Some(&described),
        );
        options.locations = ends(of(Nfs), s3_in("GLACIER")).into();
        let report = validate_text(
            &task_request(r#""OverrideOptions":{"VerifyMode":"POINT_IN_TIME_CONSISTENT"}"#),
            &options.context(Context::at(1_795_564_800)),
        );
        let text = report.to_json_text();
        assert!(
            text.contains(r#""params":{"storageClass":"GLACIER"}"#),
            "{text}"
        );
    }

    #[test]
    fn messages_name_the_pair_and_params_carry_it() {
        let locations = ends(of(S3), of(AzureBlob));
        let context = Context::at(1_795_564_800).with_locations(&locations);
        let report = validate_text(&request(r#""Options":{"Uid":"INT_VALUE"}"#), &context);
        let diagnostic = &report.diagnostics[0];
        assert_eq!(
            diagnostic.message,
            "Both locations are object storage (S3 to AZURE_BLOB), which has no POSIX metadata, and the service rejects Uid INT_VALUE for such a transfer; set Uid to NONE or leave it out."
        );
        let text = report.to_json_text();
        assert!(text.contains(r#""params":{"source":"S3","destination":"AZURE_BLOB","related":["/SourceLocationArn","/DestinationLocationArn"]}"#), "{text}");
    }
}
