//! Diagnostics: what the validator reports, and the one home of every code string.
//!
//! A [`Diagnostic`] is `{ code, severity, path, message, params }`. The code is
//! public API: stable, documented in the README, never reused for another
//! meaning. Each code has exactly one severity, so the two cannot disagree.

use std::cmp::Ordering;
use std::collections::HashSet;

use crate::json::Value;

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The service rejects the request.
    Error,
    /// The service accepts the request but it will not do what the user most likely wants.
    Warning,
}

impl Severity {
    /// The lower-case name used in reports: `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $text:literal, $severity:ident; )*) => {
        /// Every diagnostic code the validator can emit.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( $(#[$doc])* $variant, )*
        }

        impl Code {
            /// All codes, in declaration order (the order of the README table).
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable code string, e.g. `schedule/too-frequent`.
            pub fn as_str(self) -> &'static str {
                match self { $( Code::$variant => $text, )* }
            }

            /// The severity every diagnostic with this code carries.
            pub fn severity(self) -> Severity {
                match self { $( Code::$variant => Severity::$severity, )* }
            }
        }
    };
}

codes! {
    /// The input is not well-formed JSON text.
    JsonSyntax = "json/syntax-error", Error;
    /// The input nests arrays or objects deeper than the validator follows.
    JsonTooDeep = "json/too-deep", Error;
    /// An object names the same member twice; the last one wins.
    JsonDuplicateMember = "json/duplicate-member", Warning;
    /// A JavaScript value could not be read as JSON (BigInt, cycle, throwing getter).
    InputNotSerializable = "input/not-serializable", Error;
    /// The request is not a JSON object.
    RequestNotObject = "request/not-an-object", Error;
    /// A member the API does not define.
    UnknownMember = "request/unknown-member", Error;
    /// A required member is missing.
    MissingMember = "request/missing-member", Error;
    /// A value has the wrong JSON type.
    WrongType = "value/wrong-type", Error;
    /// An integer outside the 64-bit range of a `long`.
    IntegerOutOfRange = "value/integer-out-of-range", Error;
    /// A number below the model's minimum.
    BelowMinimum = "value/below-minimum", Error;
    /// A string that is not one of the member's enum values.
    NotInEnum = "value/not-in-enum", Error;
    /// A string shorter than the model's minimum length.
    TooShort = "value/too-short", Error;
    /// A string longer than the model's maximum length.
    TooLong = "value/too-long", Error;
    /// A string that does not match the model's pattern.
    PatternMismatch = "value/pattern-mismatch", Error;
    /// A string holding a lone UTF-16 surrogate, which cannot be sent as UTF-8.
    InvalidUnicode = "value/invalid-unicode", Error;
    /// A list with more items than the model allows.
    TooManyItems = "list/too-many-items", Error;
    /// X1: in Basic mode Atime and Mtime must agree.
    AtimeMtimeMismatch = "options/atime-mtime-mismatch", Error;
    /// X2: Enhanced mode does not support Mtime NONE.
    EnhancedMtimeNone = "options/enhanced-mtime-none", Error;
    /// X3: PreserveDeletedFiles REMOVE cannot be combined with TransferMode ALL.
    RemoveWithTransferAll = "options/remove-with-transfer-all", Error;
    /// X4: Enhanced mode does not support VerifyMode POINT_IN_TIME_CONSISTENT.
    EnhancedPointInTime = "options/enhanced-point-in-time", Error;
    /// X8: a log group is given but LogLevel is OFF, so nothing is published.
    LogGroupUnused = "logging/log-group-unused", Warning;
    /// X9: Basic mode logging is on but there is no log group to publish to.
    NoLogGroup = "logging/no-log-group", Warning;
    /// UpdateTask of an Enhanced mode task with a log group other than `/aws/datasync`.
    EnhancedLogGroupName = "logging/enhanced-log-group-name", Error;
    /// X5: a manifest configuration without a Source.
    ManifestMissingSource = "manifest/missing-source", Error;
    /// X6: a manifest cannot be combined with include or exclude filters.
    ManifestWithFilters = "manifest/with-filters", Error;
    /// X11: a manifest transfer deletes nothing, so REMOVE has no effect.
    ManifestRemoveDeletesNothing = "manifest/remove-deletes-nothing", Warning;
    /// X12: a summary-only report ignores report levels and overrides.
    ReportSummaryIgnoresLevels = "report/summary-ignores-levels", Warning;
    /// X13: a Deleted override while the task deletes nothing.
    ReportDeletedWithoutRemove = "report/deleted-without-remove", Warning;
    /// A schedule expression that is not valid cron or rate syntax.
    ScheduleInvalid = "schedule/invalid-expression", Error;
    /// A Unix-style five-field cron expression; EventBridge needs six fields.
    ScheduleFiveFieldCron = "schedule/five-field-cron", Error;
    /// A schedule that would run more often than once an hour.
    ScheduleTooFrequent = "schedule/too-frequent", Error;
    /// A schedule spelled unlike EventBridge's documentation (`CRON(`, `rate(2 Hours)`, spaces around).
    ScheduleNonstandardSpelling = "schedule/nonstandard-spelling", Warning;
    /// A schedule that never fires.
    ScheduleNeverFires = "schedule/never-fires", Warning;
    /// An empty pattern in a filter value (`a||b`, a leading or trailing `|`).
    FilterEmptyPattern = "filter/empty-pattern", Error;
    /// An include pattern with `*` anywhere but at its end.
    FilterIncludeWildcard = "filter/include-wildcard-not-last", Error;
    /// An include pattern ending in a run of `*` (`/logs/**`), where one `*` means the same.
    FilterIncludeTrailingWildcards = "filter/include-trailing-wildcards", Warning;
    /// An include pattern that does not start with `/`.
    FilterIncludeWithoutSlash = "filter/include-without-slash", Warning;
    /// A filter rule without a Value filters nothing.
    FilterMissingValue = "filter/missing-value", Warning;
    /// Include and exclude patterns together exceed the 102,400-character quota.
    FilterCombinedTooLong = "filter/combined-too-long", Warning;
    /// Two tags with the same key.
    TagDuplicateKey = "tag/duplicate-key", Error;
    /// A tag key starting with the reserved `aws:` prefix.
    TagReservedPrefix = "tag/reserved-prefix", Error;
    /// The source and destination are the same location.
    SameLocation = "locations/same-location", Warning;
    /// The report was cut at [`REPORT_LIMIT`] diagnostics; `params` say how many there were.
    ReportTruncated = "report/truncated", Warning;
    /// L0: between two object stores, Uid, Gid and PosixPermissions must be NONE.
    PosixBetweenObjectStores = "locations/posix-between-object-stores", Error;
    /// L2: Enhanced mode for a pair of locations the User Guide does not list for it.
    EnhancedUnsupportedPair = "locations/enhanced-unsupported-pair", Warning;
    /// L5: an NFS location mounted with NFS 4.2 needs an Enhanced mode task.
    NfsVersionNeedsEnhanced = "locations/nfs-version-needs-enhanced", Error;
    /// L7: PreserveDevices PRESERVE is not supported with Amazon EFS.
    EfsPreserveDevices = "locations/efs-preserve-devices", Error;
    /// L11: POINT_IN_TIME_CONSISTENT verification into S3 Glacier Flexible Retrieval or Deep Archive.
    ArchivePointInTime = "locations/archive-point-in-time", Error;
    /// L11: Basic mode's default verification into S3 Glacier Flexible Retrieval or Deep Archive.
    ArchiveDefaultVerifyMode = "locations/archive-default-verify-mode", Warning;
}

/// Codes the validator no longer emits, with why. A retired code is never
/// given to another meaning: it stays here, and in the README's table of
/// retired codes, for good.
pub const RETIRED: &[(&str, &str)] = &[
    (
        "value/empty-string",
        "An empty Name or tag Value: the service rejects it, so it is value/pattern-mismatch (an error).",
    ),
    (
        "options/enhanced-bandwidth-limit",
        "X7, BytesPerSecond in Enhanced mode: the API model stopped saying it does not apply (December 2025).",
    ),
];
/// One RFC 6902 JSON Patch operation on the request, part of a [`Diagnostic`]'s fix.
#[derive(Clone, Debug, PartialEq)]
pub enum PatchOp {
    /// `{"op":"add","path","value"}`: sets a member its object lacks.
    Add {
        /// RFC 6901 pointer of the new member; its parent exists.
        path: String,
        /// The member's value.
        value: Value<'static>,
    },
    /// `{"op":"replace","path","value"}`: changes the value of a member that exists.
    Replace {
        /// RFC 6901 pointer of the member.
        path: String,
        /// The new value.
        value: Value<'static>,
    },
    /// `{"op":"move","from","path"}`: renames a member within its object.
    Move {
        /// RFC 6901 pointer of the member as it is named now.
        from: String,
        /// RFC 6901 pointer of the member under its right name (absent now).
        path: String,
    },
}

/// One problem found in a request.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// The stable code.
    pub code: Code,
    /// The code's severity, copied here so readers need not look it up.
    pub severity: Severity,
    /// RFC 6901 JSON Pointer of the member to change (`""` is the whole request).
    pub path: String,
    /// One finished sentence for a person.
    pub message: String,
    /// Machine-readable details (limits, allowed values, related members).
    pub params: Vec<(&'static str, Value<'static>)>,
    /// The one unambiguous fix, as JSON Patch operations to apply in order;
    /// empty when there is none (the report then writes no `fix`).
    pub fix: Vec<PatchOp>,
}

impl Diagnostic {
    /// A diagnostic with no params; the severity comes from the code.
    pub fn new(code: Code, path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            path: path.into(),
            message: message.into(),
            params: Vec::new(),
            fix: Vec::new(),
        }
    }

    /// Adds one operation to the diagnostic's fix.
    pub fn with_fix(mut self, operation: PatchOp) -> Self {
        self.fix.push(operation);
        self
    }

    /// Fixes the diagnostic by setting the string member at its path to `value`.
    pub fn with_replacement(self, value: impl Into<String>) -> Self {
        let path = self.path.clone();
        self.with_fix(PatchOp::Replace {
            path,
            value: Value::from(value.into()),
        })
    }

    /// Adds one machine-readable parameter.
    pub fn with(mut self, name: &'static str, value: impl Into<Value<'static>>) -> Self {
        self.params.push((name, value.into()));
        self
    }

    /// Adds the `related` pointers, unless there are none.
    pub fn with_related(self, related: Vec<String>) -> Self {
        if related.is_empty() {
            self
        } else {
            self.with("related", related)
        }
    }

    /// The order reports use: by path, then code, then message.
    pub fn sort_key(&self) -> (&str, &'static str, &str) {
        (&self.path, self.code.as_str(), &self.message)
    }
}

/// The most diagnostics a report holds. Past that, the report keeps this many
/// (errors first, so a cut never hides the only error and `valid` stays
/// true to the whole request) and adds one `report/truncated` diagnostic.
pub const REPORT_LIMIT: usize = 1_000;

/// How many diagnostics [`Collector`] holds before it cuts back to
/// [`REPORT_LIMIT`]: memory stays bounded whatever the request, and each cut
/// costs a sort of a few thousand diagnostics.
const COLLECT_LIMIT: usize = 4 * REPORT_LIMIT;

/// Where the rules put what they find. It keeps the diagnostics a report will
/// show, and only counts the rest, so a request with millions of problems
/// (`"Tags": [0, 0, …]`) needs no more memory than one with a thousand.
#[derive(Debug, Default)]
pub struct Collector {
    kept: Vec<Diagnostic>,
    /// Distinct diagnostics found but cut.
    dropped: usize,
    /// After a cut, the last diagnostic kept: one that ranks after it can
    /// never be shown, so it is only counted.
    cutoff: Option<Diagnostic>,
    /// Pointers where a `value/pattern-mismatch` is only the symptom of a
    /// lone surrogate, which is reported instead.
    suppressed: HashSet<String>,
}

/// The order in which diagnostics survive a cut: errors first, then report order.
fn rank(a: &Diagnostic, b: &Diagnostic) -> Ordering {
    a.severity
        .cmp(&b.severity)
        .then_with(|| a.sort_key().cmp(&b.sort_key()))
}

impl Collector {
    /// An empty collector.
    pub fn new() -> Self {
        Collector::default()
    }

    /// An empty collector that drops `value/pattern-mismatch` at `paths`.
    pub fn suppressing_pattern_mismatch_at(paths: HashSet<String>) -> Self {
        Collector {
            suppressed: paths,
            ..Collector::default()
        }
    }

    /// Adds one diagnostic.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        if diagnostic.code == Code::PatternMismatch && self.suppressed.contains(&diagnostic.path) {
            return;
        }
        if self
            .cutoff
            .as_ref()
            .is_some_and(|last| rank(&diagnostic, last) == Ordering::Greater)
        {
            self.dropped += 1;
            return;
        }
        self.kept.push(diagnostic);
        if self.kept.len() >= COLLECT_LIMIT {
            self.cut();
        }
    }

    /// Counts, without building it, a diagnostic with this code at `path` when
    /// the report can no longer show it (it ranks after the last one kept
    /// whatever its message), and says so; otherwise returns false and the
    /// caller builds and pushes it. Lets a rule skip costly work (messages,
    /// suggestions) for the thousands of problems a report will only count.
    pub fn counted_only(&mut self, code: Code, path: &str) -> bool {
        let Some(last) = &self.cutoff else {
            return false;
        };
        let beyond = code
            .severity()
            .cmp(&last.severity)
            .then_with(|| (path, code.as_str()).cmp(&(last.path.as_str(), last.code.as_str())))
            == Ordering::Greater;
        if beyond {
            self.dropped += 1;
        }
        beyond
    }

    /// Sorts by [`rank`], drops repeats, and keeps the first [`REPORT_LIMIT`].
    fn cut(&mut self) {
        self.kept.sort_unstable_by(rank);
        self.kept.dedup();
        if self.kept.len() > REPORT_LIMIT {
            self.dropped += self.kept.len() - REPORT_LIMIT;
            self.kept.truncate(REPORT_LIMIT);
            self.cutoff = self.kept.last().cloned();
        }
    }

    /// The diagnostics in report order (by path, then code, then message),
    /// at most [`REPORT_LIMIT`] of them, then `report/truncated` if any were cut.
    pub fn finish(mut self) -> Vec<Diagnostic> {
        self.cut();
        let shown = self.kept.len();
        let mut report = report_order(self.kept);
        if self.dropped > 0 {
            let total = shown + self.dropped;
            let notice = Diagnostic::new(Code::ReportTruncated, "", truncated(total, shown))
                .with("total", total)
                .with("shown", shown);
            let at = report.partition_point(|d| d.sort_key() <= notice.sort_key());
            report.insert(at, notice);
        }
        report
    }
}

/// Puts diagnostics in [`rank`] order (the errors, then the warnings, each
/// run in report order) into report order by merging the two runs. Equal sort
/// keys share a code, hence a severity, so they lie in one run and keep their
/// order, as a stable sort would keep it. A merge rather than a sort because it
/// is linear, and because it keeps the standard library's stable sort (about
/// 9 KB of code) out of the `.wasm`: this was its only use.
fn report_order(mut ranked: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let split = ranked.partition_point(|d| d.severity == Severity::Error);
    if split == 0 || split == ranked.len() {
        return ranked; // one run (or none), already in report order: no allocation
    }
    let warnings = ranked.split_off(split);
    let mut out = Vec::with_capacity(ranked.len() + warnings.len() + 1);
    let mut errors = ranked.into_iter().peekable();
    let mut warnings = warnings.into_iter().peekable();
    while let (Some(error), Some(warning)) = (errors.peek(), warnings.peek()) {
        let next = if error.sort_key() <= warning.sort_key() {
            errors.next()
        } else {
            warnings.next()
        };
        out.extend(next);
    }
    out.extend(errors);
    out.extend(warnings);
    out
}

impl Extend<Diagnostic> for Collector {
    fn extend<I: IntoIterator<Item = Diagnostic>>(&mut self, diagnostics: I) {
        for diagnostic in diagnostics {
            self.push(diagnostic);
        }
    }
}

fn truncated(total: usize, shown: usize) -> String {
    format!(
        "The request has {total} problems; this report shows the first {shown}, errors first. Fix these and check again to see the rest."
    )
}

/// Longest stretch of a user's value quoted in a message, in characters.
const QUOTE_LIMIT: usize = 100;

/// Quotes a user value for a message: in double quotes, control characters
/// escaped, cut to [`QUOTE_LIMIT`] characters with an ellipsis.
pub fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len().min(QUOTE_LIMIT * 2) + 2);
    out.push('"');
    for (count, ch) in value.chars().enumerate() {
        if count == QUOTE_LIMIT {
            out.push('…');
            break;
        }
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A user's text for a message without quotes (a number literal, a member
/// name): escaped and cut like [`quote`], so a megabyte literal cannot make a
/// megabyte message.
pub fn excerpt(text: &str) -> String {
    let quoted = quote(text);
    quoted
        .strip_prefix('"')
        .and_then(|inner| inner.strip_suffix('"'))
        .unwrap_or(&quoted)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counting_only_what_cannot_be_shown_gives_the_same_report() {
        let diagnostic = |index: usize| {
            Diagnostic::new(
                Code::UnknownMember,
                format!("/Options/Unknown{index:05}"),
                format!("Unknown{index:05} is not a member"),
            )
        };
        // The reports of a collector given everything and of one asked first
        // whether each diagnostic can still be shown, and how often it said no.
        let collect = |order: Vec<usize>| {
            let mut built = Collector::new();
            let mut skipping = Collector::new();
            let mut skipped = 0;
            for index in order {
                built.push(diagnostic(index));
                let path = format!("/Options/Unknown{index:05}");
                if skipping.counted_only(Code::UnknownMember, &path) {
                    skipped += 1;
                } else {
                    skipping.push(diagnostic(index));
                }
            }
            (built.finish(), skipping.finish(), skipped)
        };

        // Pushed in reverse report order, nothing after the first cut can rank
        // after the cutoff: only the forward order lets the check skip.
        let (built, skipping, skipped) = collect((0..10_000).rev().collect());
        assert_eq!(skipped, 0);
        assert_eq!(built, skipping);

        let (built, report, skipped) = collect((0..10_000).collect());
        assert_eq!(skipped, 10_000 - COLLECT_LIMIT);
        assert_eq!(built, report);
        let truncated = report.iter().find(|d| d.code == Code::ReportTruncated);
        let total = truncated.and_then(|d| d.params.iter().find(|(name, _)| *name == "total"));
        assert_eq!(
            total.map(|(_, value)| value),
            Some(&Value::from(10_000_usize))
        );
    }

    #[test]
    fn code_strings_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            let text = code.as_str();
            assert!(seen.insert(text), "duplicate code {text}");
            let (area, name) = text.split_once('/').expect("area/name");
            assert!(!area.is_empty() && !name.is_empty());
            assert!(text
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-' || c == '/'));
        }
    }

    #[test]
    fn retired_codes_are_never_reused() {
        for (retired, why) in RETIRED {
            assert!(!why.is_empty());
            assert!(
                Code::ALL.iter().all(|code| code.as_str() != *retired),
                "{retired} is retired and must not come back"
            );
        }
    }

    fn numbered(count: usize, code: Code) -> Vec<Diagnostic> {
        (0..count)
            .map(|i| Diagnostic::new(code, format!("/Tags/{i}"), "m"))
            .collect()
    }

    #[test]
    fn a_collector_keeps_every_diagnostic_up_to_the_limit_in_report_order() {
        let mut collector = Collector::new();
        collector.extend(
            numbered(REPORT_LIMIT, Code::TagDuplicateKey)
                .into_iter()
                .rev(),
        );
        collector.push(Diagnostic::new(Code::TagDuplicateKey, "/Tags/0", "m"));
        let kept = collector.finish();
        assert_eq!(
            kept.len(),
            REPORT_LIMIT,
            "repeats are dropped, nothing is cut"
        );
        assert!(kept.windows(2).all(|w| w[0].sort_key() < w[1].sort_key()));
        assert!(kept.iter().all(|d| d.code != Code::ReportTruncated));
    }

    #[test]
    fn a_report_interleaves_errors_and_warnings_by_path_then_code() {
        let mut collector = Collector::new();
        collector.push(Diagnostic::new(Code::JsonDuplicateMember, "/C", "w"));
        collector.push(Diagnostic::new(Code::WrongType, "/B", "e"));
        collector.push(Diagnostic::new(Code::JsonDuplicateMember, "/A", "w"));
        collector.push(Diagnostic::new(Code::WrongType, "/D", "e"));
        collector.push(Diagnostic::new(Code::WrongType, "/A", "e"));
        let kept = collector.finish();
        let order: Vec<(&str, Severity)> =
            kept.iter().map(|d| (d.path.as_str(), d.severity)).collect();
        let (e, w) = (Severity::Error, Severity::Warning);
        // "json/duplicate-member" sorts before "value/wrong-type" at the same path.
        assert_eq!(
            order,
            [("/A", w), ("/A", e), ("/B", e), ("/C", w), ("/D", e)]
        );
    }

    #[test]
    fn past_the_limit_errors_come_first_and_the_cut_is_reported() {
        let mut collector = Collector::new();
        // Warnings that sort before the only error ("/Tags/…" < "/Z").
        collector.extend(numbered(3 * COLLECT_LIMIT, Code::JsonDuplicateMember));
        collector.push(Diagnostic::new(Code::WrongType, "/Z", "the only error"));
        let kept = collector.finish();
        assert_eq!(kept.len(), REPORT_LIMIT + 1);
        assert!(kept.iter().any(|d| d.severity == Severity::Error));
        assert!(kept.windows(2).all(|w| w[0].sort_key() <= w[1].sort_key()));
        let truncated: Vec<&Diagnostic> = kept
            .iter()
            .filter(|d| d.code == Code::ReportTruncated)
            .collect();
        let [last] = truncated[..] else {
            panic!("one report/truncated: {truncated:?}")
        };
        assert_eq!(
            (last.code.as_str(), last.severity, last.path.as_str()),
            ("report/truncated", Severity::Warning, "")
        );
        let total = 3 * COLLECT_LIMIT + 1;
        assert_eq!(
            last.params,
            [
                ("total", Value::from(total)),
                ("shown", Value::from(REPORT_LIMIT))
            ]
        );
        assert!(last
            .message
            .starts_with(&format!("The request has {total} problems")));
    }

    #[test]
    fn quote_escapes_and_truncates() {
        assert_eq!(quote("a\"b\n"), "\"a\\\"b\\n\"");
        let long = "x".repeat(150);
        let quoted = quote(&long);
        assert_eq!(quoted.chars().count(), QUOTE_LIMIT + 3);
        assert!(quoted.ends_with("…\""));
        assert_eq!(excerpt("1.5"), "1.5");
        assert_eq!(
            excerpt(&"9".repeat(1 << 20)),
            format!("{}…", "9".repeat(QUOTE_LIMIT))
        );
    }
}
