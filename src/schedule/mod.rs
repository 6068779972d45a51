//! EventBridge schedule expressions, as DataSync's `Schedule.ScheduleExpression`
//! takes them: `cron(minutes hours day-of-month month day-of-week year)` or
//! `rate(value unit)`, all times UTC.
//!
//! [`check`] reports what the service rejects (`schedule/invalid-expression`,
//! `schedule/five-field-cron`), DataSync's once-an-hour minimum
//! (`schedule/too-frequent`) and schedules that never run
//! (`schedule/never-fires`, a warning). [`describe`] adds a plain-English
//! summary and the next run times, for the form.
//!
//! Layout: `cron` (a folder: model, grammar, checks, run-time search,
//! summary) and `rate` hold the two grammars, `unix` the suggestions for
//! five-field Unix cron, `calendar` the date arithmetic and `number` the
//! decimal numbers both grammars read. The modules form a tree: this one uses
//! the others; `unix` uses `cron`; `cron` and `rate` use only `calendar` and
//! `number`. The work is bounded for any input: parsing is linear in the text,
//! and a run-time search never looks past 2199.
//!
//! ```text
//! cron(0 8 * * 3#1)      five fields: use "cron(0 8 ? * 4#1 *)"
//! cron(0/15 * * * ? *)   too frequent: keep one minute, "cron(0 * * * ? *)"
//! cron(0 0 30 2 ? *)     never fires: there is no 30 February
//! rate(12 hours)         "Every 12 hours, counted from when the schedule is created"
//! ```

mod analysis;
mod cache;
mod calendar;
mod cron;
mod messages;
mod number;
mod rate;
mod unix;

pub use analysis::check;
pub use cache::check_cached;
pub use calendar::{format_instant, parse_instant, LATEST};

use crate::diagnostic::{fixed, Diagnostic};
use analysis::{analyze, Schedule};

// ---------------------------------------------------------------------------
// The public interface
// ---------------------------------------------------------------------------

/// The most run times [`describe`] lists, whatever `count` asks for.
pub const MAX_RUNS: usize = 100;

/// The summary [`describe`] gives for the empty expression, which the service
/// takes as "no schedule".
pub const NO_SCHEDULE: &str = "No schedule: the task runs only when it is started.";

/// What [`describe`] returns.
#[derive(Clone, Debug, PartialEq)]
pub struct Description {
    /// The same diagnostics [`check`] reports, with path `""`.
    pub diagnostics: Vec<Diagnostic>,
    /// A plain-English summary such as "At 08:00 UTC on the first Wednesday of
    /// every month"; `None` when the expression is not valid cron or rate
    /// syntax (too-frequent and never-firing expressions still get one).
    pub summary: Option<String>,
    /// The next run times, formatted by [`format_instant`].
    pub next_runs: Vec<String>,
}

/// `{ valid, diagnostics, summary, nextRuns }`, the shape `describeSchedule()`
/// returns in JavaScript (`valid`: no diagnostic is an error).
impl serde::Serialize for Description {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let valid = !self
            .diagnostics
            .iter()
            .any(|d| d.severity == crate::diagnostic::Severity::Error);
        let mut out = serializer.serialize_struct("ScheduleDescription", 4)?;
        out.serialize_field("valid", &valid)?;
        out.serialize_field("diagnostics", &self.diagnostics)?;
        out.serialize_field("summary", &self.summary)?;
        out.serialize_field("nextRuns", &self.next_runs)?;
        out.end()
    }
}

/// Diagnostics (path `""`, with `from_unix` as "now" for the never-fires
/// check), a plain-English summary (`None` if the expression is invalid), and
/// the next `count` run times strictly after `from_unix`, formatted by
/// [`format_instant`]. The empty expression means "no schedule": no
/// diagnostics, the [`NO_SCHEDULE`] summary, no runs (whitespace alone gets
/// the same, with its warning). At most 100 run times are listed, whatever `count`
/// asks for; fewer when the schedule ends first (cron cannot select years
/// after 2199, and none is listed beyond a JS `Date`'s range, [`LATEST`]).
///
/// A rate schedule counts from when it is created, so its run times are
/// `from_unix` plus whole intervals, as if it were created at `from_unix`; its
/// summary says so.
pub fn describe(expression: &str, from_unix: i64, count: usize) -> Description {
    if expression.is_empty() {
        return Description {
            diagnostics: Vec::new(),
            summary: Some(NO_SCHEDULE.to_owned()),
            next_runs: Vec::new(),
        };
    }
    let (schedule, diagnostics) = analyze(expression, fixed!(""), Some(from_unix));
    let count = count.min(MAX_RUNS);
    let (summary, runs) = match schedule {
        // Whitespace alone is judged as "" (with its warning).
        None => (
            expression.trim().is_empty().then(|| NO_SCHEDULE.to_owned()),
            Vec::new(),
        ),
        Some(Schedule::Rate(rate)) => (Some(rate.summary()), rate.runs_after(from_unix, count)),
        Some(Schedule::Cron(cron)) => {
            let runs =
                std::iter::successors(cron.next_after(from_unix), |&run| cron.next_after(run))
                    .take(count)
                    .collect();
            (Some(cron.summary()), runs)
        }
    };
    Description {
        diagnostics,
        summary,
        next_runs: runs.into_iter().map(format_instant).collect(),
    }
}

/// What the schedule modules' own tests share.
#[cfg(test)]
mod test_support {
    use crate::diagnostic::{fixed, Fixed};

    /// The path the rule gives every diagnostic.
    pub(super) const PATH: Fixed = fixed!("/Schedule/ScheduleExpression");
    /// 2026-11-25T00:00:00Z.
    pub(super) const NOW: i64 = 1_795_564_800;
}

#[cfg(test)]
mod tests {
    use super::test_support::NOW;
    use super::*;
    use crate::diagnostic::Code;

    #[test]
    fn describe_lists_summary_and_runs() {
        let description = describe("cron(0 8 ? * 4#1 *)", NOW, 3);
        assert!(description.diagnostics.is_empty());
        assert_eq!(
            description.summary.as_deref(),
            Some("At 08:00 UTC on the first Wednesday of every month")
        );
        assert_eq!(
            description.next_runs,
            [
                "2026-12-02T08:00:00Z",
                "2027-01-06T08:00:00Z",
                "2027-02-03T08:00:00Z"
            ]
        );
    }

    #[test]
    fn describe_counts_rates_from_the_start() {
        let description = describe("rate(12 hours)", NOW, 2);
        assert!(description.summary.unwrap().starts_with("Every 12 hours"));
        assert_eq!(
            description.next_runs,
            ["2026-11-25T12:00:00Z", "2026-11-26T00:00:00Z"]
        );
        assert!(describe("rate(1 day)", NOW, 1)
            .summary
            .unwrap()
            .starts_with("Every day"));
    }

    #[test]
    fn describe_caps_and_zero_counts() {
        assert!(describe("cron(0 * * * ? *)", NOW, 0).next_runs.is_empty());
        assert_eq!(
            describe("cron(0 * * * ? *)", NOW, 1_000).next_runs.len(),
            MAX_RUNS
        );
        assert_eq!(
            describe("rate(1 hour)", NOW, usize::MAX).next_runs.len(),
            MAX_RUNS
        );
        // A schedule that ends lists only what is left.
        assert_eq!(
            describe("cron(0 0 1 1 ? 2027-2028)", NOW, 5).next_runs,
            ["2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z"]
        );
    }

    #[test]
    fn describe_reports_with_an_empty_path() {
        let description = describe("cron(0 0 1 1 ? 2020)", NOW, 3);
        assert_eq!(description.diagnostics.len(), 1);
        assert_eq!(description.diagnostics[0].code, Code::ScheduleNeverFires);
        assert_eq!(description.diagnostics[0].path, "");
        assert!(description.summary.is_some());
        assert!(description.next_runs.is_empty());

        let description = describe("cron(0/15 * * * ? *)", NOW, 2);
        assert_eq!(description.diagnostics[0].code, Code::ScheduleTooFrequent);
        assert_eq!(
            description.next_runs,
            ["2026-11-25T00:15:00Z", "2026-11-25T00:30:00Z"]
        );
    }

    #[test]
    fn describe_gives_no_summary_for_invalid_expressions() {
        for expression in ["cron(0 8 * * * *)", "rate(0 hours)", "at(x)"] {
            let description = describe(expression, NOW, 3);
            assert_eq!(description.summary, None, "{expression}");
            assert!(description.next_runs.is_empty());
            assert_eq!(description.diagnostics.len(), 1);
            assert_eq!(description.diagnostics[0].path, "");
        }
    }

    /// The modules under `src/schedule/` and, for each, the modules its
    /// `use super::…` and `use crate::schedule::…` lines name (test code left
    /// out). A module also depends on the modules it declares.
    fn module_imports() -> std::collections::BTreeMap<String, Vec<String>> {
        use std::path::Path;
        fn name_of(root: &Path, file: &Path) -> Vec<String> {
            let relative = file.strip_prefix(root).expect("under the root");
            let mut parts: Vec<String> = relative
                .iter()
                .map(|part| part.to_string_lossy().trim_end_matches(".rs").to_owned())
                .collect();
            if parts.last().is_some_and(|last| last == "mod") {
                parts.pop();
            }
            parts
        }
        fn files(folder: &Path, out: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(folder).expect("src/schedule") {
                let path = entry.expect("an entry").path();
                if path.is_dir() {
                    files(&path, out);
                } else if path.extension().is_some_and(|ext| ext == "rs") {
                    out.push(path);
                }
            }
        }
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/schedule");
        let mut found = Vec::new();
        files(&root, &mut found);
        let modules: Vec<Vec<String>> = found.iter().map(|file| name_of(&root, file)).collect();
        // The longest known module at the start of `path`.
        let resolve = |path: &[String]| -> Vec<String> {
            (0..=path.len())
                .rev()
                .map(|length| path[..length].to_vec())
                .find(|prefix| modules.contains(prefix))
                .unwrap_or_default()
        };
        let mut graph = std::collections::BTreeMap::new();
        for (file, module) in found.iter().zip(&modules) {
            let text = std::fs::read_to_string(file).expect("a source file");
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            let mut imports: Vec<String> = Vec::new();
            // A statement runs to its `;`, and a `use` may span lines (rustfmt
            // wraps a long list): the statement from its first line on, joined.
            for statement in code.split(';') {
                let lines: Vec<&str> = statement.lines().map(str::trim).collect();
                let starts = [
                    "use ",
                    "pub use ",
                    "pub(crate) use ",
                    "pub(super) use ",
                    "mod ",
                ];
                let Some(first) = lines
                    .iter()
                    .position(|line| starts.iter().any(|start| line.starts_with(start)))
                else {
                    continue;
                };
                let line = lines[first..].concat();
                let Some(path) = starts[..4]
                    .iter()
                    .find_map(|start| line.strip_prefix(start))
                else {
                    if let Some(child) = line.strip_prefix("mod ") {
                        let mut declared = module.clone();
                        declared.push(child.to_owned());
                        imports.push(declared.join("::"));
                    }
                    continue;
                };
                let mut base = module.clone();
                let mut words: Vec<&str> = path.split("::").collect();
                if words.starts_with(&["crate", "schedule"]) {
                    base.clear();
                    words.drain(..2);
                } else if words.first() == Some(&"super") {
                    while words.first() == Some(&"super") {
                        base.pop();
                        words.remove(0);
                    }
                } else {
                    continue; // std, crate::diagnostic and the like, or a child by name
                }
                // `super::{a, b}` names several; `super::a::{B, C}` one.
                let rest = words.join("::");
                let heads: Vec<&str> = match rest.strip_prefix('{') {
                    Some(list) => list.trim_end_matches('}').split(',').collect(),
                    None => vec![rest.as_str()],
                };
                for head in heads.into_iter().filter(|head| !head.trim().is_empty()) {
                    let mut target = base.clone();
                    target.extend(head.trim().split("::").map(str::to_owned));
                    imports.push(resolve(&target).join("::"));
                }
            }
            graph.insert(module.join("::"), imports);
        }
        graph
    }

    #[test]
    fn the_schedule_modules_import_each_other_without_a_cycle() {
        let graph = module_imports();
        assert!(graph.len() >= 10, "{graph:?}");
        // The scanner sees `use super::…` lines, on one line or wrapped.
        for (module, import) in [
            ("cron::checks", "cron::summary"),
            ("analysis", "cron"),
            ("analysis", "messages"),
        ] {
            assert!(graph[module].contains(&import.to_owned()), "{graph:?}");
        }
        // Depth-first search; a module met again while still on the path closes a cycle.
        fn visit<'g>(
            module: &'g str,
            graph: &'g std::collections::BTreeMap<String, Vec<String>>,
            path: &mut Vec<&'g str>,
            done: &mut std::collections::BTreeSet<&'g str>,
        ) {
            if done.contains(module) {
                return;
            }
            if let Some(at) = path.iter().position(|&on| on == module) {
                panic!("an import cycle: {} -> {module}", path[at..].join(" -> "));
            }
            path.push(module);
            for next in graph.get(module).into_iter().flatten() {
                if next != module {
                    visit(next, graph, path, done);
                }
            }
            path.pop();
            done.insert(module);
        }
        let mut done = std::collections::BTreeSet::new();
        for module in graph.keys() {
            visit(module, &graph, &mut Vec::new(), &mut done);
        }
    }
}
