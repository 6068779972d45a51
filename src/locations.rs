//! Location descriptions: what a caller knows about the locations a task
//! connects, so that the rules that depend on them can be applied.
//!
//! A request names its two locations only by ARN. A portal knows more: it
//! lists them with `ListLocations` (ARN and `LocationUri`) and can describe
//! each with `DescribeLocation*` (storage class, agents, NFS version). Each
//! description here is one such entry, with the members named as those
//! responses name them. A description is read strictly (a malformed one is a
//! programming error, reported as a `TypeError` at the JS boundary) but only
//! the members a rule needs are kept; every other member is ignored, so whole
//! `DescribeLocation*` responses can be passed as they are.
//!
//! A location type comes from `type`, or else from the scheme of
//! `LocationUri` (`s3://bucket/prefix/`, `efs://us-east-2.fs-…/`, …). A scheme
//! this version does not know (a location type newer than the validator) is
//! accepted and gives no type, so no rule that needs the type applies.

use crate::json::Value;

/// The kinds of location DataSync transfers between, spelled as the
/// contract's `type` names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LocationType {
    /// Amazon S3 (`s3://bucket/…`).
    S3,
    /// Amazon S3 on Outposts (`s3://arn:aws:s3-outposts:…/`).
    S3Outposts,
    /// Amazon EFS (`efs://`).
    Efs,
    /// An NFS file server (`nfs://`).
    Nfs,
    /// An SMB file server (`smb://`).
    Smb,
    /// A Hadoop Distributed File System (`hdfs://`).
    Hdfs,
    /// Amazon FSx for Windows File Server (`fsxw://`).
    FsxWindows,
    /// Amazon FSx for Lustre (`fsxl://`).
    FsxLustre,
    /// Amazon FSx for OpenZFS (`fsxz://`).
    FsxOpenZfs,
    /// Amazon FSx for NetApp ONTAP (`fsxn-nfs://`, `fsxn-smb://`).
    FsxOntap,
    /// A self-managed or other-cloud object storage system (`object-storage://`).
    ObjectStorage,
    /// Microsoft Azure Blob Storage (`azure-blob://`).
    AzureBlob,
}

impl LocationType {
    /// Every type, in the contract's order.
    pub const ALL: &'static [LocationType] = &[
        LocationType::S3,
        LocationType::S3Outposts,
        LocationType::Efs,
        LocationType::Nfs,
        LocationType::Smb,
        LocationType::Hdfs,
        LocationType::FsxWindows,
        LocationType::FsxLustre,
        LocationType::FsxOpenZfs,
        LocationType::FsxOntap,
        LocationType::ObjectStorage,
        LocationType::AzureBlob,
    ];

    /// Object storage systems: where files are objects, without POSIX metadata.
    pub const OBJECT_STORAGE: &'static [LocationType] = &[
        LocationType::S3,
        LocationType::S3Outposts,
        LocationType::ObjectStorage,
        LocationType::AzureBlob,
    ];

    /// File systems: every type that is not object storage.
    pub const FILE_SYSTEMS: &'static [LocationType] = &[
        LocationType::Efs,
        LocationType::Nfs,
        LocationType::Smb,
        LocationType::Hdfs,
        LocationType::FsxWindows,
        LocationType::FsxLustre,
        LocationType::FsxOpenZfs,
        LocationType::FsxOntap,
    ];

    /// Locations that can hold SMB security descriptors.
    pub const SMB_SHARES: &'static [LocationType] = &[
        LocationType::Smb,
        LocationType::FsxWindows,
        LocationType::FsxOntap,
    ];

    /// The contract's name, e.g. `FSX_WINDOWS`.
    pub fn as_str(self) -> &'static str {
        match self {
            LocationType::S3 => "S3",
            LocationType::S3Outposts => "S3_OUTPOSTS",
            LocationType::Efs => "EFS",
            LocationType::Nfs => "NFS",
            LocationType::Smb => "SMB",
            LocationType::Hdfs => "HDFS",
            LocationType::FsxWindows => "FSX_WINDOWS",
            LocationType::FsxLustre => "FSX_LUSTRE",
            LocationType::FsxOpenZfs => "FSX_OPENZFS",
            LocationType::FsxOntap => "FSX_ONTAP",
            LocationType::ObjectStorage => "OBJECT_STORAGE",
            LocationType::AzureBlob => "AZURE_BLOB",
        }
    }

    /// The type a contract name stands for.
    pub fn from_name(name: &str) -> Option<LocationType> {
        LocationType::ALL
            .iter()
            .copied()
            .find(|kind| kind.as_str() == name)
    }

    /// The type of a `LocationUri`: `Ok(None)` for a well-formed URI whose
    /// scheme this version does not know, `Err` for text that is no URI.
    pub fn from_uri(uri: &str) -> Result<Option<LocationType>, &'static str> {
        let (scheme, rest) = crate::search::split_once(uri, "://")
            .ok_or("is not a location URI such as s3://bucket/prefix/")?;
        let well_formed = !scheme.is_empty()
            && scheme
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !well_formed {
            return Err("does not start with a location type such as s3:// or nfs://");
        }
        let kind = match scheme {
            // S3 on Outposts is s3:// followed by the access point's ARN.
            "s3" if rest.starts_with("arn:")
                && crate::search::find(rest, ":s3-outposts:").is_some() =>
            {
                LocationType::S3Outposts
            }
            "s3" => LocationType::S3,
            "efs" => LocationType::Efs,
            "nfs" => LocationType::Nfs,
            "smb" => LocationType::Smb,
            "hdfs" => LocationType::Hdfs,
            "fsxw" => LocationType::FsxWindows,
            "fsxl" => LocationType::FsxLustre,
            "fsxz" => LocationType::FsxOpenZfs,
            "fsxn" => LocationType::FsxOntap,
            scheme if scheme.starts_with("fsxn-") => LocationType::FsxOntap,
            "object-storage" => LocationType::ObjectStorage,
            "azure-blob" => LocationType::AzureBlob,
            _ => return Ok(None),
        };
        Ok(Some(kind))
    }

    /// Whether the location stores objects rather than files.
    pub fn is_object_storage(self) -> bool {
        LocationType::OBJECT_STORAGE.contains(&self)
    }
}

/// What a caller knows about one location.
///
/// Its ARN is read with [`Location::arn`] and changed with
/// [`Location::set_arn`], never as a field: the description notes, with the
/// ARN, whether it is clean as a request's `SourceLocationArn` (see
/// `arn_is_clean`), and the two change together. A request given as an
/// object whose location ARN is a described one then is not matched again
/// on every call (src/walked.rs, `Cursor::clean_string`). A caller outside
/// the crate can neither change the ARN behind the note's back nor say that
/// a malformed ARN is clean:
///
/// ```compile_fail,E0616
/// use datasync_task_validator::Location;
/// let mut location = Location::default();
/// location.arn = "not an ARN".to_owned(); // error[E0616]: field `arn` is private
/// ```
///
/// ```compile_fail,E0451
/// use datasync_task_validator::Location;
/// let location = Location {
///     arn: "not an ARN".to_owned(), // error[E0451]: field `arn` is private
///     ..Location::default()
/// };
/// ```
///
/// ```compile_fail,E0616
/// use datasync_task_validator::Location;
/// let mut location = Location::default();
/// location.arn_is_clean = true; // error[E0616]: field `arn_is_clean` is private
/// ```
///
/// A description built outside the crate starts from
/// [`Location::of_type`], [`Location::from_json`] or `Default`, and its
/// public members are set one by one:
///
/// ```
/// use datasync_task_validator::{Location, LocationType};
/// let mut location = Location::of_type("not an ARN", LocationType::S3);
/// location.s3_storage_class = Some("GLACIER".to_owned());
/// let mut other = Location::default();
/// other.set_arn("not an ARN either");
/// other.kind = Some(LocationType::Efs);
/// assert_eq!(other.arn(), "not an ARN either");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    /// `LocationArn`: which request member the description belongs to.
    /// Crate-visible only for the crate's tests, which name a described end
    /// by struct update from a description whose note is false (always safe).
    pub(crate) arn: String,
    /// From `type` or `LocationUri`; `None` for a scheme this version does not know.
    pub kind: Option<LocationType>,
    /// `S3StorageClass` (DescribeLocationS3), e.g. `GLACIER`.
    pub s3_storage_class: Option<String>,
    /// `AgentArns`: `Some(0)` when the description says there are none,
    /// `None` when it does not say.
    pub agent_count: Option<usize>,
    /// `MountOptions.Version` (DescribeLocationNfs) or `Protocol.NFS.MountOptions.Version`
    /// (DescribeLocationFsxOpenZfs, DescribeLocationFsxOntap), e.g. `NFS4_2`;
    /// read only for those types (an SMB location's is an SMB version).
    pub nfs_version: Option<String>,
    /// Whether `arn` is clean as a request's `SourceLocationArn`
    /// ([`Location::is_clean_arn`]): worked out as the description is read
    /// ([`Location::from_json`]) and whenever [`Location::set_arn`] changes
    /// the ARN; false, which is always safe, where a description is made
    /// otherwise ([`Location::of_type`], `Default`).
    pub(crate) arn_is_clean: bool,
}

impl Location {
    /// A description with only a type, for tests and the command line.
    pub fn of_type(arn: &str, kind: LocationType) -> Self {
        Location {
            arn: arn.to_owned(),
            kind: Some(kind),
            ..Location::default()
        }
    }

    /// `LocationArn`: which request member the description belongs to.
    pub fn arn(&self) -> &str {
        &self.arn
    }

    /// Makes the description that of the location `arn`, noting again
    /// whether that ARN is clean.
    pub fn set_arn(&mut self, arn: impl Into<String>) {
        self.arn = arn.into();
        self.arn_is_clean = Location::is_clean_arn(&self.arn);
    }

    /// Whether `arn` is clean as a request's `SourceLocationArn` or
    /// `DestinationLocationArn` (the model's length and pattern): what a
    /// description notes of its ARN.
    pub fn is_clean_arn(arn: &str) -> bool {
        crate::rules::structure::string_is_clean(arn, crate::walked::LOCATION_ARN_RULE)
    }

    /// Reads one description; `at` names it in error messages
    /// (`options.locations[0]`). The error is a finished sentence.
    pub fn from_json(value: &Value, at: &str) -> Result<Location, String> {
        if !matches!(value, Value::Object(_)) {
            return Err(format!(
                "{at} must be an object such as {{ LocationArn, LocationUri }}, but it is {}.",
                crate::context::with_article(value.type_name())
            ));
        }
        let text = |name: &str| -> Result<Option<&str>, String> {
            match value.get(name) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(text)) => Ok(Some(text)),
                Some(other) => Err(format!(
                    "{at}.{name} must be a string, but it is {}.",
                    crate::context::with_article(other.type_name())
                )),
            }
        };
        let arn = text("LocationArn")?
            .ok_or_else(|| format!("{at}.LocationArn is missing: each description names the location it describes."))?
            .to_owned();
        let from_uri = match text("LocationUri")? {
            Some(uri) => Some(
                LocationType::from_uri(uri).map_err(|why| format!("{at}.LocationUri {why}."))?,
            ),
            None => None,
        };
        let from_type = match text("type")? {
            Some(name) => Some(LocationType::from_name(name).ok_or_else(|| {
                format!(
                    "{at}.type must be one of {}.",
                    LocationType::ALL
                        .iter()
                        .map(|kind| kind.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })?),
            None => None,
        };
        let kind = match (from_type, from_uri) {
            (None, None) => {
                return Err(format!(
                    "{at} needs a LocationUri (as ListLocations returns it) or a type."
                ))
            }
            (Some(kind), Some(Some(other))) if kind != other => {
                return Err(format!(
                    "{at}.type is {} but its LocationUri is that of a {} location.",
                    kind.as_str(),
                    other.as_str()
                ))
            }
            (Some(kind), _) => Some(kind),
            (None, Some(from_uri)) => from_uri,
        };
        let s3_storage_class = text("S3StorageClass")?.map(str::to_owned);
        let agent_count = match value.get("AgentArns") {
            None | Some(Value::Null) => None,
            Some(Value::Array(items)) => {
                if let Some(index) = items.iter().position(|item| item.as_str().is_none()) {
                    return Err(format!("{at}.AgentArns[{index}] must be a string."));
                }
                Some(items.len())
            }
            Some(other) => {
                return Err(format!(
                    "{at}.AgentArns must be an array of agent ARNs, but it is {}.",
                    crate::context::with_article(other.type_name())
                ))
            }
        };
        // DescribeLocationNfs has MountOptions at the top; DescribeLocationFsxOpenZfs
        // and DescribeLocationFsxOntap have it under Protocol.NFS (no response has both).
        let nfs = value
            .get("Protocol")
            .and_then(|protocol| protocol.get("NFS"));
        let nfs_version = match nfs.unwrap_or(value).get("MountOptions") {
            None | Some(Value::Null) => None,
            Some(options @ Value::Object(_)) => match options.get("Version") {
                None | Some(Value::Null) => None,
                Some(Value::String(version)) => Some(version.to_string()),
                Some(other) => {
                    return Err(format!(
                        "{at}.MountOptions.Version must be a string, but it is {}.",
                        crate::context::with_article(other.type_name())
                    ))
                }
            },
            Some(other) => {
                return Err(format!(
                    "{at}.MountOptions must be an object such as {{ Version: 'NFS4_1' }}, but it is {}.",
                    crate::context::with_article(other.type_name())
                ))
            }
        };
        let arn_is_clean = Location::is_clean_arn(&arn);
        Ok(Location {
            arn,
            kind,
            s3_storage_class,
            agent_count,
            // An SMB location's MountOptions.Version is an SMB version.
            nfs_version: nfs_version.filter(|_| mounts_nfs(kind)),
            arn_is_clean,
        })
    }
}

/// Whether a location of this type is mounted over NFS, so that its
/// description's `MountOptions.Version` is an NFS version.
fn mounts_nfs(kind: Option<LocationType>) -> bool {
    matches!(
        kind,
        Some(LocationType::Nfs | LocationType::FsxOpenZfs | LocationType::FsxOntap)
    )
}

/// Reads `options.locations`: an array of descriptions. An ARN
/// may be described more than once (a `ListLocations` page and the
/// `DescribeLocation*` response of one of its locations, in either order):
/// see [`add`].
pub fn locations_from_json(value: &Value) -> Result<Vec<Location>, String> {
    let Value::Array(items) = value else {
        return Err(crate::context::wrong_type(
            "locations",
            &crate::context::with_article(value.type_name()),
        ));
    };
    let mut at = String::new();
    let mut out: Vec<Location> = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        at.clear();
        at.push_str("options.locations[");
        at.push_str(&index.to_string());
        at.push(']');
        add(&mut out, Location::from_json(item, &at)?);
    }
    Ok(out)
}

/// Adds a description to `out`. A later description of an ARN already
/// there says more about the same location: it overrides what it says and
/// keeps what it does not (a `ListLocations` entry, with only a
/// `LocationUri`, after a `DescribeLocationS3` response keeps its
/// `S3StorageClass`); the last of an ARN, which
/// [`crate::Context::location`] finds, holds them all. One of another type
/// keeps nothing of the earlier ones.
fn add(out: &mut Vec<Location>, mut next: Location) {
    if let Some(known) = crate::rules::described(out, &next.arn) {
        if known.kind == next.kind {
            if next.s3_storage_class.is_none() {
                next.s3_storage_class.clone_from(&known.s3_storage_class);
            }
            next.agent_count = next.agent_count.or(known.agent_count);
            if next.nfs_version.is_none() {
                next.nfs_version.clone_from(&known.nfs_version);
            }
        }
    }
    out.push(next);
}

/// Which locations of a pair an option's effect depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Both the source and the destination must be of the listed types.
    Both,
    /// At least one of them must be.
    Either,
}

impl Side {
    /// `both` or `either`, as `fields()` writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Both => "both",
            Side::Either => "either",
        }
    }

    /// Whether a pair of location types satisfies this scope.
    pub fn holds(
        self,
        types: &[LocationType],
        source: LocationType,
        destination: LocationType,
    ) -> bool {
        let (source, destination) = (types.contains(&source), types.contains(&destination));
        match self {
            Side::Both => source && destination,
            Side::Either => source || destination,
        }
    }
}

/// Where an option has an effect: for a pair that does not satisfy the
/// scope, the service ignores the option (or, for the POSIX options between
/// object stores, rejects any value but NONE).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scope {
    /// The Options member.
    pub option: &'static str,
    /// Which ends must be of the listed types.
    pub side: Side,
    /// The location types the option is about.
    pub types: &'static [LocationType],
    /// Why, in a few words a form can show.
    pub note: &'static str,
}

/// The Options members whose effect depends on the locations (API Options
/// reference; see docs/rules/locations.md). Members not listed apply to every pair.
pub const SCOPES: &[Scope] = &[
    Scope {
        option: "Uid",
        side: Side::Either,
        types: LocationType::FILE_SYSTEMS,
        note: "POSIX ownership exists only where one end is a file system; between two object stores the service accepts only NONE.",
    },
    Scope {
        option: "Gid",
        side: Side::Either,
        types: LocationType::FILE_SYSTEMS,
        note: "POSIX ownership exists only where one end is a file system; between two object stores the service accepts only NONE.",
    },
    Scope {
        option: "PosixPermissions",
        side: Side::Either,
        types: LocationType::FILE_SYSTEMS,
        note: "POSIX permissions exist only where one end is a file system; between two object stores the service accepts only NONE.",
    },
    Scope {
        option: "SecurityDescriptorCopyFlags",
        side: Side::Both,
        types: LocationType::SMB_SHARES,
        note: "Used only between SMB locations (SMB servers, FSx for Windows File Server, FSx for ONTAP over SMB).",
    },
    Scope {
        option: "ObjectTags",
        side: Side::Both,
        types: LocationType::OBJECT_STORAGE,
        note: "Object tags are copied only between object storage systems.",
    },
    Scope {
        option: "ObjectMetadata",
        side: Side::Both,
        types: LocationType::OBJECT_STORAGE,
        note: "Object metadata is copied only between object storage systems.",
    },
];

/// The scope of an Options member, when its effect depends on the locations.
pub fn scope_of(option: &str) -> Option<&'static Scope> {
    SCOPES.iter().find(|scope| scope.option == option)
}

/// The Options members whose default depends on the locations: between two
/// object stores the service uses NONE (it rejects anything else there).
pub const OBJECT_PAIR_NONE_DEFAULTS: &[&str] = &["Uid", "Gid", "PosixPermissions"];

/// The S3 storage classes whose objects must be restored before they can be
/// read: VerifyMode POINT_IN_TIME_CONSISTENT cannot be used into them (API
/// Options VerifyMode), so `applyDefaults` does not fill it in there.
pub const ARCHIVE_CLASSES: &[&str] = &["GLACIER", "DEEP_ARCHIVE"];

impl Location {
    /// The S3 archive class (one of [`ARCHIVE_CLASSES`]) of this location,
    /// when it is an S3 location described with one.
    pub fn archive_class(&self) -> Option<&str> {
        if self.kind != Some(LocationType::S3) {
            return None;
        }
        self.s3_storage_class
            .as_deref()
            .filter(|class| ARCHIVE_CLASSES.contains(class))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    fn read(text: &str) -> Result<Vec<Location>, String> {
        locations_from_json(&parse(text).expect("JSON").value)
    }

    fn kind(uri: &str) -> Option<LocationType> {
        LocationType::from_uri(uri).expect("a location URI")
    }

    #[test]
    fn every_list_locations_scheme_has_its_type() {
        use LocationType::*;
        let cases = [
            ("s3://my-bucket/prefix/", S3),
            (
                "s3://arn:aws:s3-outposts:us-east-1:111122223333:outpost/op-01234567890123456/accesspoint/ap/prefix/",
                S3Outposts,
            ),
            ("efs://us-east-2.fs-abcd1234/", Efs),
            ("nfs://192.168.0.1/export/", Nfs),
            ("smb://files.example.com/share/", Smb),
            ("hdfs://namenode.example.com:8020/data/", Hdfs),
            ("fsxw://us-west-2.fs-0123456789abcdef0/share/", FsxWindows),
            ("fsxl://us-west-2.fs-0123456789abcdef0/", FsxLustre),
            ("fsxz://us-west-2.fs-0123456789abcdef0/fsx/", FsxOpenZfs),
            ("fsxn-nfs://us-west-2.fs-0123456789abcdef0/vol1/", FsxOntap),
            ("fsxn-smb://us-west-2.fs-0123456789abcdef0/share/", FsxOntap),
            ("object-storage://storage.example.com/bucket/prefix/", ObjectStorage),
            ("azure-blob://account.blob.core.windows.net/container/", AzureBlob),
        ];
        for (uri, expected) in cases {
            assert_eq!(kind(uri), Some(expected), "{uri}");
        }
        // Every contract name reads back.
        for kind in LocationType::ALL {
            assert_eq!(LocationType::from_name(kind.as_str()), Some(*kind));
        }
    }

    #[test]
    fn a_description_notes_whether_its_arn_is_clean_as_a_requests_location_arn() {
        // Any string is an ARN here; whether it would pass as a request's
        // SourceLocationArn (length and pattern) is noted once, as read.
        let arn = |text: &str| {
            read(&format!(
                r#"[{{"LocationArn":{},"type":"S3"}}]"#,
                crate::json::to_string(&text.into())
            ))
            .expect("read")[0]
                .arn_is_clean
        };
        let id = "111122223333:location/loc-0123456789abcdef0";
        assert!(arn(&format!("arn:aws:datasync:us-east-1:{id}")));
        // 128 characters, the most the model allows, and 129.
        let longest = format!("arn:aws-iso-b:datasync:{}:{id}", "a".repeat(128 - 67));
        assert_eq!(longest.len(), 128);
        assert!(arn(&longest));
        let too_long = format!("arn:aws:datasync:{}:{id}", "a".repeat(129 - 61));
        assert_eq!(too_long.len(), 129);
        assert!(!arn(&too_long));
        assert!(!arn(
            "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789ABCDEF0"
        ));
        assert!(!arn("a"));
        // Made otherwise, a description notes nothing (false is always safe).
        let clean = format!("arn:aws:datasync:us-east-1:{id}");
        assert!(!Location::of_type(&clean, LocationType::S3).arn_is_clean);
        assert!(!Location::default().arn_is_clean);
    }

    #[test]
    fn setting_a_descriptions_arn_notes_again_whether_it_is_clean() {
        // The ARN and its note change together: a native caller that renames
        // a description read clean cannot leave a malformed ARN noted clean
        // (the object path would then take it without matching it).
        let clean = "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0";
        let upper = "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789ABCDEF0";
        let mut location = read(&format!(r#"[{{"LocationArn":"{clean}","type":"S3"}}]"#))
            .expect("read")
            .remove(0);
        assert!(location.arn_is_clean);
        location.set_arn(upper);
        assert_eq!(location.arn(), upper);
        assert!(!location.arn_is_clean);
        location.set_arn(clean.to_owned());
        assert_eq!(location.arn(), clean);
        assert!(location.arn_is_clean);
        let mut default = Location::default();
        default.set_arn(clean);
        assert!(default.arn_is_clean);
    }

    #[test]
    fn every_type_is_either_object_storage_or_a_file_system_never_both() {
        for kind in LocationType::ALL {
            let object = LocationType::OBJECT_STORAGE.contains(kind);
            let file_system = LocationType::FILE_SYSTEMS.contains(kind);
            assert!(object != file_system, "{kind:?}");
        }
        let listed = LocationType::OBJECT_STORAGE.len() + LocationType::FILE_SYSTEMS.len();
        assert_eq!(listed, LocationType::ALL.len());
    }

    #[test]
    fn an_unknown_scheme_gives_no_type_but_text_that_is_no_uri_is_an_error() {
        assert_eq!(kind("gcs://bucket/"), None);
        assert!(LocationType::from_uri("my-bucket/prefix").is_err());
        assert!(LocationType::from_uri("S3://bucket/").is_err());
        assert!(LocationType::from_uri("://bucket/").is_err());
    }

    #[test]
    fn reads_list_locations_entries_and_describe_responses() {
        let locations = read(
            r#"[{"LocationArn":"a","LocationUri":"s3://b/","S3StorageClass":"GLACIER","CreationTime":"2026-01-01T00:00:00Z","S3Config":{"BucketAccessRoleArn":"r"}},
                {"LocationArn":"n","type":"NFS","MountOptions":{"Version":"NFS4_2"},"AgentArns":["x","y"]},
                {"LocationArn":"z","LocationUri":"azure-blob://acct.blob.core.windows.net/c/","AgentArns":[]},
                {"LocationArn":"o","LocationUri":"fsxz://us-east-1.fs-0123456789abcdef0/fsx/","Protocol":{"NFS":{"MountOptions":{"Version":"NFS4_2"}}}},
                {"LocationArn":"w","LocationUri":"fsxw://us-east-1.fs-0123456789abcdef0/share/","Protocol":"SMB"}]"#,
        )
        .expect("valid descriptions");
        assert_eq!(locations[0].kind, Some(LocationType::S3));
        assert_eq!(locations[0].s3_storage_class.as_deref(), Some("GLACIER"));
        assert_eq!(locations[0].agent_count, None);
        assert_eq!(locations[1].kind, Some(LocationType::Nfs));
        assert_eq!(locations[1].nfs_version.as_deref(), Some("NFS4_2"));
        assert_eq!(locations[1].agent_count, Some(2));
        assert_eq!(locations[2].agent_count, Some(0));
        // DescribeLocationFsxOpenZfs: the NFS mount options sit under Protocol.NFS.
        assert_eq!(locations[3].kind, Some(LocationType::FsxOpenZfs));
        assert_eq!(locations[3].nfs_version.as_deref(), Some("NFS4_2"));
        // A Protocol that holds no NFS mount options says nothing.
        assert_eq!(locations[4].nfs_version, None);
        assert_eq!(read("[]"), Ok(Vec::new()));
    }

    #[test]
    fn only_locations_that_mount_nfs_give_an_nfs_version() {
        // DescribeLocationSmb's MountOptions.Version is an SMB version
        // (AUTOMATIC, SMB1, SMB2_0, SMB2, SMB3): never an NFS one, whatever
        // it says. NFS servers, FSx for OpenZFS and FSx for ONTAP mount NFS.
        let version = |kind: &str| {
            read(&format!(
                r#"[{{"LocationArn":"a","type":"{kind}","MountOptions":{{"Version":"NFS4_2"}}}}]"#
            ))
            .expect("read")[0]
                .nfs_version
                .clone()
        };
        for kind in ["NFS", "FSX_OPENZFS", "FSX_ONTAP"] {
            assert_eq!(version(kind).as_deref(), Some("NFS4_2"), "{kind}");
        }
        for kind in ["SMB", "FSX_WINDOWS", "EFS", "S3", "HDFS"] {
            assert_eq!(version(kind), None, "{kind}");
        }
        // A scheme this version does not know gives no type, and no version.
        let unknown = read(r#"[{"LocationArn":"a","LocationUri":"nfs5://h/","MountOptions":{"Version":"NFS4_2"}}]"#)
            .expect("read");
        assert_eq!(unknown[0].nfs_version, None);
        // Malformed, it is still an error: the description is read strictly.
        assert!(
            read(r#"[{"LocationArn":"a","type":"SMB","MountOptions":{"Version":3}}]"#).is_err()
        );
    }

    #[test]
    fn a_later_description_of_an_arn_overrides_what_it_says_and_keeps_the_rest() {
        // The description a rule reads: the last of the ARN.
        let of_a = |text: &str| {
            let got = read(text).expect("valid descriptions");
            crate::rules::described(&got, "a")
                .expect("described")
                .clone()
        };
        let listed = r#"{"LocationArn":"a","LocationUri":"s3://b/"}"#;
        let described = r#"{"LocationArn":"a","LocationUri":"s3://b/","S3StorageClass":"GLACIER","AgentArns":[]}"#;
        // In either order: the storage class and the agents.
        for text in [
            format!("[{listed},{described}]"),
            format!("[{described},{listed}]"),
            format!("[{described},{listed},{listed}]"),
        ] {
            let a = of_a(&text);
            assert_eq!(a.kind, Some(LocationType::S3));
            assert_eq!(a.s3_storage_class.as_deref(), Some("GLACIER"), "{text}");
            assert_eq!(a.agent_count, Some(0), "{text}");
        }
        // What a later one says wins.
        let a = of_a(&format!(
            r#"[{described},{{"LocationArn":"a","type":"S3","S3StorageClass":"STANDARD","AgentArns":["x"]}}]"#
        ));
        assert_eq!(a.s3_storage_class.as_deref(), Some("STANDARD"));
        assert_eq!(a.agent_count, Some(1));
        // One of another type describes another location: it keeps nothing.
        let a = of_a(&format!(
            r#"[{described},{{"LocationArn":"a","LocationUri":"efs://us-east-1.fs-0123456789abcdef0/"}},{{"LocationArn":"z","type":"NFS"}}]"#
        ));
        assert_eq!(a.kind, Some(LocationType::Efs));
        assert_eq!(a.s3_storage_class, None);
        assert_eq!(a.agent_count, None);
    }

    #[test]
    fn malformed_descriptions_are_errors_that_say_where() {
        let cases = [
            (
                r#"{"LocationArn":"a"}"#,
                "options.locations must be an array",
            ),
            ("[3]", "options.locations[0] must be an object"),
            (
                r#"[{"LocationUri":"s3://b/"}]"#,
                "options.locations[0].LocationArn is missing",
            ),
            (
                r#"[{"LocationArn":7,"type":"S3"}]"#,
                "options.locations[0].LocationArn must be a string",
            ),
            (
                r#"[{"LocationArn":"a"}]"#,
                "needs a LocationUri (as ListLocations returns it) or a type",
            ),
            (
                r#"[{"LocationArn":"a","type":"s3"}]"#,
                "options.locations[0].type must be one of S3, S3_OUTPOSTS",
            ),
            (
                r#"[{"LocationArn":"a","LocationUri":"bucket"}]"#,
                "options.locations[0].LocationUri is not a location URI",
            ),
            (
                r#"[{"LocationArn":"a","type":"EFS","LocationUri":"s3://b/"}]"#,
                "type is EFS but its LocationUri is that of a S3 location",
            ),
            (
                r#"[{"LocationArn":"a","type":"S3","S3StorageClass":1}]"#,
                "S3StorageClass must be a string",
            ),
            (
                r#"[{"LocationArn":"a","type":"S3","AgentArns":"x"}]"#,
                "AgentArns must be an array",
            ),
            (
                r#"[{"LocationArn":"a","type":"S3","AgentArns":[1]}]"#,
                "AgentArns[0] must be a string",
            ),
            (
                r#"[{"LocationArn":"a","type":"NFS","MountOptions":"NFS4_2"}]"#,
                "MountOptions must be an object",
            ),
            (
                r#"[{"LocationArn":"a","type":"NFS","MountOptions":{"Version":4}}]"#,
                "MountOptions.Version must be a string",
            ),
            (
                r#"[{"LocationArn":"a","type":"FSX_OPENZFS","Protocol":{"NFS":{"MountOptions":{"Version":4}}}}]"#,
                // Named by the member's own name, as DescribeLocationNfs's is.
                "options.locations[0].MountOptions.Version must be a string",
            ),
            (
                r#"[{"LocationArn":"a","type":"FSX_ONTAP","Protocol":{"NFS":{"MountOptions":[]}}}]"#,
                "options.locations[0].MountOptions must be an object",
            ),
        ];
        for (text, expected) in cases {
            let error = read(text).expect_err(text);
            assert!(error.contains(expected), "{text}: {error}");
            assert!(error.ends_with('.'), "a finished sentence: {error}");
        }
    }

    #[test]
    fn scopes_say_which_pairs_an_option_is_for() {
        use LocationType::*;
        let holds = |option: &str, source, destination| {
            let scope = scope_of(option).expect("a scoped option");
            scope.side.holds(scope.types, source, destination)
        };
        assert!(!holds("PosixPermissions", S3, AzureBlob));
        assert!(holds("PosixPermissions", Nfs, S3));
        assert!(holds("SecurityDescriptorCopyFlags", Smb, FsxWindows));
        assert!(!holds("SecurityDescriptorCopyFlags", Smb, S3));
        assert!(holds("ObjectTags", ObjectStorage, S3));
        assert!(!holds("ObjectMetadata", Efs, S3));
        assert!(scope_of("VerifyMode").is_none());
    }
}
