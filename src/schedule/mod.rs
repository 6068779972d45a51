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

mod calendar;
mod cron;
mod messages;
mod number;
mod rate;
mod unix;

pub use calendar::{format_instant, parse_instant, LATEST};

use std::borrow::Cow;
use std::cell::Cell;

use crate::diagnostic::{fixed, Code, Collector, Diagnostic, Fixed};
use cron::Cron;
use messages::{
    blank_message, field_count_message, keyword_message, nonstandard_message,
    not_a_schedule_message, trailing_message, unclosed_message,
};
use rate::Rate;

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

/// Checks a ScheduleExpression value. `path` becomes every diagnostic's path.
/// `now_unix` (seconds since epoch, UTC) lets the never-fires check see that
/// an expression only matches past times; with `None` it only reports
/// expressions that can never match at all (e.g. 30 February). The empty
/// expression means "no schedule" and has no diagnostics.
pub fn check(expression: &str, path: Fixed, now_unix: Option<i64>) -> Vec<Diagnostic> {
    // "" means "no schedule": CloudFormation sends it for every task created
    // without one, Terraform to remove one, and the service accepts it. The
    // core has no informational severity, and a warning would be a false alarm.
    if expression.is_empty() {
        return Vec::new();
    }
    analyze(expression, path, now_unix).1
}

/// What [`check_cached`] remembers of the last expression it judged: what
/// the analysis found from the text alone, and for a cron expression of
/// valid syntax the parse on which the never-fires check (the one check that
/// depends on the time) runs again.
struct Verdict {
    expression: String,
    path: Fixed,
    /// Every diagnostic but the never-fires one, in report order: those of
    /// [`analyze_untimed`], which depend on the expression and the path alone.
    untimed: Vec<Diagnostic>,
    /// The parse, when the expression is a cron expression of valid syntax.
    cron: Option<Box<Cron>>,
    /// The expression as documented, which the never-fires message quotes,
    /// when it was spelled otherwise.
    respelled: Option<String>,
    /// A run time of the cron found after some earlier "now": the schedule
    /// fires after any time before it, so until then it gets no never-fires
    /// warning and the run-time search need not be repeated.
    fires_before: Option<i64>,
}

thread_local! {
    /// The verdict on the last expression (a form or a portal validates
    /// the same request over and over, a request with a problem too). In a
    /// `Cell`, taken out while in use: the clock is user code that may call
    /// the validator again, which then finds no verdict rather than a
    /// borrowed one.
    static VERDICT: Cell<Option<Verdict>> = const { Cell::new(None) };
}

/// [`check`] into a rule's collector, with the time read from `now` only
/// when the expression is a cron expression of valid syntax (only its
/// never-fires check depends on the time), and the analysis of the last
/// expression reused: its other diagnostics given again as they were, the
/// cron's never-fires check repeated only from its next run time on. Adds
/// the same diagnostics as `check(expression, path, now())` gives.
pub fn check_cached(
    expression: &str,
    path: Fixed,
    now: impl FnOnce() -> Option<i64>,
    out: &mut Collector,
) {
    if expression.is_empty() {
        return;
    }
    // try_with: no verdict, rather than a panic, while the thread shuts down.
    let known = VERDICT
        .try_with(Cell::take)
        .ok()
        .flatten()
        .filter(|verdict| verdict.expression == expression && verdict.path == path);
    let mut verdict = known.unwrap_or_else(|| {
        let analysis = analyze_untimed(expression, path);
        Verdict {
            expression: expression.to_owned(),
            path,
            untimed: analysis.diagnostics,
            cron: match analysis.schedule {
                Some(Schedule::Cron(cron)) => Some(cron),
                _ => None,
            },
            respelled: match analysis.judged {
                Cow::Owned(judged) => Some(judged),
                Cow::Borrowed(_) => None,
            },
            fires_before: None,
        }
    });
    for diagnostic in &verdict.untimed {
        out.push(diagnostic.clone());
    }
    let never_fires = verdict.cron.as_ref().and_then(|cron| {
        let judged = verdict.respelled.as_deref().unwrap_or(expression);
        match now() {
            Some(now) if verdict.fires_before.is_some_and(|run| now < run) => None,
            Some(now) => match cron.next_after(now) {
                Some(run) => {
                    verdict.fires_before = Some(run);
                    None
                }
                None => cron.check_fires(judged, path, Some(now)),
            },
            None => cron.check_fires(judged, path, None),
        }
    });
    let _ = VERDICT.try_with(|cell| cell.set(Some(verdict)));
    if let Some(never_fires) = never_fires {
        out.push(never_fires);
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

// ---------------------------------------------------------------------------
// Shared work
// ---------------------------------------------------------------------------

/// A syntactically valid expression.
enum Schedule {
    Cron(Box<Cron>),
    Rate(Rate),
}

/// Which grammar the text between the parentheses follows.
#[derive(Clone, Copy)]
enum Keyword {
    Cron,
    Rate,
}

/// An expression parsed and checked, apart from the never-fires check.
struct Analysis<'a> {
    /// `None` when the syntax is invalid.
    schedule: Option<Schedule>,
    /// Every diagnostic but the never-fires one, in report order.
    diagnostics: Vec<Diagnostic>,
    /// The expression as judged (as documented, when it was spelled
    /// otherwise), which the never-fires message quotes.
    judged: Cow<'a, str>,
}

/// Parses and checks; the schedule is `None` when the syntax is invalid.
fn analyze(expression: &str, path: Fixed, now: Option<i64>) -> (Option<Schedule>, Vec<Diagnostic>) {
    let mut analysis = analyze_untimed(expression, path);
    if let Some(Schedule::Cron(cron)) = &analysis.schedule {
        let never_fires = cron.check_fires(&analysis.judged, path, now);
        analysis.diagnostics.extend(never_fires);
    }
    (analysis.schedule, analysis.diagnostics)
}

/// Everything [`analyze`] does but the never-fires check (the one that needs the time).
fn analyze_untimed<'a>(expression: &'a str, path: Fixed) -> Analysis<'a> {
    #[cfg(test)]
    tests::ANALYSES.with(|count| count.set(count.get() + 1));
    // Spellings EventBridge's documentation never shows (spaces around the
    // expression or inside its parentheses, `CRON(`, `rate(2 Hours)`, a stray
    // comma in a cron list) may or may not be accepted: warn, then judge the
    // expression as documented. Messages quote the expression as written.
    let (judged, commas) = normalize(expression);
    // Whitespace alone is judged as "" (no schedule), but it is not "".
    let blank = judged.is_empty();
    let (schedule, found) = if blank {
        (None, Vec::new())
    } else {
        analyze_documented(&judged, expression, path)
    };
    let mut diagnostics = Vec::new();
    // An invalid expression gets no spelling warning (its fix would be invalid
    // too), nor does a five-field one (its own suggestion is documented).
    let five_fields = found
        .first()
        .is_some_and(|first| first.code == Code::ScheduleFiveFieldCron);
    if blank || schedule.is_some() && !five_fields && judged != expression {
        let message = if blank {
            blank_message(expression)
        } else {
            nonstandard_message(expression, &judged, commas)
        };
        diagnostics.push(
            Diagnostic::of(Code::ScheduleNonstandardSpelling, path, message)
                .with("suggestion", judged.to_string())
                .with_replacement(judged.to_string()),
        );
    }
    diagnostics.extend(found);
    Analysis {
        schedule,
        diagnostics,
        judged,
    }
}

/// The expression as EventBridge documents it: nothing around it, a
/// lower-case keyword, single spaces between the words inside its parentheses
/// and none around them, for rate expressions a lower-case unit, and for cron
/// no empty items in a comma list (`0,`, `1,,2`, `,5`, which Quartz's
/// tokenizer skips and EventBridge probably tolerates; a field of nothing but
/// commas is left for the parser to reject). Borrowed when nothing changes,
/// which is the usual case; the flag says whether a list item was dropped.
fn normalize(expression: &str) -> (Cow<'_, str>, bool) {
    let trimmed = expression.trim();
    let mut out = trimmed.get(..5).unwrap_or_default().to_ascii_lowercase();
    let cron = out == "cron(";
    if !cron && out != "rate(" {
        return (Cow::Borrowed(trimmed), false);
    }
    let rest = trimmed.get(5..).unwrap_or_default();
    let (inner, after) = rest.split_once(')').unwrap_or((rest, ""));
    let mut commas = false;
    for (at, word) in inner.split_ascii_whitespace().enumerate() {
        if at > 0 {
            out.push(' ');
        }
        let items = word.split(',');
        if cron && items.clone().any(str::is_empty) && items.clone().any(|i| !i.is_empty()) {
            commas = true;
            let mut first = true;
            for item in items.filter(|item| !item.is_empty()) {
                if !first {
                    out.push(',');
                }
                first = false;
                out.push_str(item);
            }
        } else {
            out.push_str(word);
        }
    }
    if inner.len() < rest.len() {
        out.push(')');
        out.push_str(after);
    }
    if !cron {
        out.make_ascii_lowercase();
    }
    if out == expression {
        (Cow::Borrowed(expression), false)
    } else {
        (Cow::Owned(out), commas)
    }
}

/// Parses and checks `expression`, a documented spelling; messages quote
/// `shown`, the expression as written.
fn analyze_documented(
    expression: &str,
    shown: &str,
    path: Fixed,
) -> (Option<Schedule>, Vec<Diagnostic>) {
    let invalid = |message: String| {
        (
            None,
            vec![Diagnostic::of(Code::ScheduleInvalid, path, message)],
        )
    };
    let (keyword, inner) = match split(expression, shown) {
        Ok(parts) => parts,
        Err(SplitError::Respelled { message, fixed }) => {
            // The one fix: the keyword as EventBridge spells it.
            let diagnostic = Diagnostic::of(Code::ScheduleInvalid, path, message)
                .with("suggestion", fixed.clone())
                .with_replacement(fixed);
            return (None, vec![diagnostic]);
        }
        Err(SplitError::Other(message)) => return invalid(message),
    };
    match keyword {
        Keyword::Rate => match rate::parse(shown, inner, path) {
            Err(diagnostics) => (None, diagnostics),
            Ok((rate, mut diagnostics)) => {
                diagnostics.extend(rate.check_frequency(shown, path));
                (Some(Schedule::Rate(rate)), diagnostics)
            }
        },
        Keyword::Cron => {
            let mut words = inner.split_ascii_whitespace();
            let mut fields = [""; 6];
            let mut count = 0;
            for field in &mut fields {
                match words.next() {
                    Some(word) => {
                        *field = word;
                        count += 1;
                    }
                    None => break,
                }
            }
            count += words.count();
            match count {
                6 => match cron::parse(fields, path) {
                    Err(diagnostics) => (None, diagnostics),
                    Ok(cron) => {
                        let diagnostics = cron.check_frequency(fields, path).into_iter().collect();
                        (Some(Schedule::Cron(Box::new(cron))), diagnostics)
                    }
                },
                5 => {
                    let [minute, hour, dom, month, dow, _] = fields;
                    let five = [minute, hour, dom, month, dow];
                    let (diagnostic, exact) = unix::diagnose(shown, five, path);
                    // The service may read it as Unix cron: judge what that means.
                    let (schedule, more) = match exact {
                        Some(six) => analyze_documented(&six, &six, path),
                        None => (None, Vec::new()),
                    };
                    (schedule, [vec![diagnostic], more].concat())
                }
                _ => invalid(field_count_message(shown, count)),
            }
        }
    }
}

/// What is wrong with the outside of an expression.
enum SplitError {
    /// The keyword is spelled with spaces or capitals (`Rate (1 day)`); `fixed` is the documented form.
    Respelled { message: String, fixed: String },
    /// Anything else, in a message.
    Other(String),
}

impl From<String> for SplitError {
    fn from(message: String) -> Self {
        SplitError::Other(message)
    }
}

/// Splits `cron(...)` / `rate(...)` into the keyword and the text between the
/// parentheses, or says what is wrong with the outside (quoting `shown`).
fn split<'a>(expression: &'a str, shown: &str) -> Result<(Keyword, &'a str), SplitError> {
    let Some((head, rest)) = expression.split_once('(') else {
        return Err(not_a_schedule_message(shown).into());
    };
    let keyword = match head {
        "cron" => Keyword::Cron,
        "rate" => Keyword::Rate,
        _ => {
            let word = head.trim().to_ascii_lowercase();
            return Err(if word == "cron" || word == "rate" {
                let fixed = format!("{word}({}", rest.trim_end());
                SplitError::Respelled {
                    message: keyword_message(shown, &fixed),
                    fixed,
                }
            } else {
                not_a_schedule_message(shown).into()
            });
        }
    };
    let Some((inner, after)) = rest.split_once(')') else {
        return Err(unclosed_message(shown).into());
    };
    if !after.is_empty() {
        return Err(trailing_message(shown, after).into());
    }
    Ok((keyword, inner))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    const PATH: Fixed = fixed!("/Schedule/ScheduleExpression");
    /// 2026-11-25T00:00:00Z.
    const NOW: i64 = 1_795_564_800;

    #[test]
    fn normalizing_trims_and_lowers_only_the_keyword_and_rate_units() {
        for documented in ["cron(0 8 ? * MON *)", "rate(1 day)", "rate(12 hours)"] {
            assert!(
                matches!(normalize(documented).0, Cow::Borrowed(_)),
                "{documented}"
            );
            assert_eq!(normalize(documented).0, documented);
        }
        for (spelled, normalized) in [
            ("rate(2 Hours)", "rate(2 hours)"),
            ("RATE(1 day)", "rate(1 day)"),
            ("CRON(0 8 * * ? *)", "cron(0 8 * * ? *)"),
            ("Cron(0 8 ? * MON *)", "cron(0 8 ? * MON *)"),
            (" cron(0 8 * * ? *)", "cron(0 8 * * ? *)"),
            ("rate(1 day) ", "rate(1 day)"),
            ("at(2026-01-01T00:00:00)", "at(2026-01-01T00:00:00)"),
            ("éé(1 day)", "éé(1 day)"),
            ("", ""),
            ("   ", ""),
            ("rate( 1 hour )", "rate(1 hour)"),
            ("rate(1  Hour)", "rate(1 hour)"),
            ("cron( 0\t8 * *  ? *)", "cron(0 8 * * ? *)"),
            ("cron(0 8 * * ? *) # x", "cron(0 8 * * ? *) # x"),
            ("CRON(0  8 * * ? *", "cron(0 8 * * ? *"),
            ("cron(0, 8 ? * MON *)", "cron(0 8 ? * MON *)"),
        ] {
            assert_eq!(normalize(spelled).0, normalized, "{spelled:?}");
        }
    }

    fn codes(expression: &str, now: Option<i64>) -> Vec<&'static str> {
        check(expression, PATH, now)
            .iter()
            .map(|diagnostic| diagnostic.code.as_str())
            .collect()
    }

    /// The single diagnostic `check` reports.
    fn only(expression: &str) -> Diagnostic {
        let diagnostics = check(expression, PATH, Some(NOW));
        assert_eq!(diagnostics.len(), 1, "{expression}: {diagnostics:#?}");
        let diagnostic = diagnostics.into_iter().next().unwrap();
        assert_eq!(diagnostic.path, PATH.as_str());
        diagnostic
    }

    #[test]
    fn valid_expressions_have_no_diagnostics() {
        for expression in [
            "cron(0 8 ? * 4#1 *)",
            "cron(0 12 * * ? *)",
            "cron(15 10 ? * MON-FRI *)",
            "cron(0 0/2 * * ? *)",
            "cron(0 9 L * ? *)",
            "cron(0 6 15W * ? 2027)",
            "cron(0 18 ? JAN,JUL 6L *)",
            "cron(0 8 ? * MON-FRI *)",
            "rate(12 hours)",
            "rate(1 day)",
            "rate(60 minutes)",
        ] {
            assert_eq!(
                codes(expression, Some(NOW)),
                Vec::<&str>::new(),
                "{expression}"
            );
        }
    }

    #[test]
    fn anything_but_cron_or_rate_is_invalid() {
        for expression in [
            "at(2026-11-25T08:00:00)",
            "0 8 * * ? *",
            "cron 0 8 * * ? *",
            "every 12 hours",
            "crontab(0 8 * * ? *)",
        ] {
            let diagnostic = only(expression);
            assert_eq!(diagnostic.code, Code::ScheduleInvalid, "{expression}");
            assert_eq!(diagnostic.severity, Severity::Error);
            assert!(
                diagnostic.message.contains("write cron(minutes hours day-of-month month day-of-week year) or rate(value unit)"),
                "{expression}: {}",
                diagnostic.message
            );
        }
        // "" itself means "no schedule" and is accepted.
        assert!(check("", PATH, Some(NOW)).is_empty());
    }

    #[test]
    fn whitespace_alone_is_a_warning_with_the_empty_expression() {
        // Whether the service trims it to "" (no schedule) is not documented.
        for expression in [" ", "   ", "\n", " \t "] {
            let diagnostic = only(expression);
            assert_eq!(
                (diagnostic.code, diagnostic.severity),
                (Code::ScheduleNonstandardSpelling, Severity::Warning),
                "{expression:?}"
            );
            assert_eq!(diagnostic.params, [("suggestion", "".into())]);
            assert!(diagnostic.message.contains("has only whitespace"));
            assert!(
                !diagnostic.message.contains("empty"),
                "{}",
                diagnostic.message
            );
            let description = describe(expression, NOW, 3);
            assert_eq!(description.diagnostics.len(), 1);
            assert_eq!(description.summary.as_deref(), Some(NO_SCHEDULE));
            assert!(description.next_runs.is_empty());
        }
    }

    #[test]
    fn spaces_inside_the_parentheses_are_a_spelling_warning() {
        for (expression, documented) in [
            ("rate( 1 hour )", "rate(1 hour)"),
            ("rate(1  hour)", "rate(1 hour)"),
            ("cron( 0 8 * * ? *)", "cron(0 8 * * ? *)"),
            ("cron(  0 8 ? * 4#1 *\t)", "cron(0 8 ? * 4#1 *)"),
            ("cron(0\t8\n?  * 4#1 *)", "cron(0 8 ? * 4#1 *)"),
        ] {
            let diagnostic = only(expression);
            assert_eq!(
                (diagnostic.code, diagnostic.severity),
                (Code::ScheduleNonstandardSpelling, Severity::Warning),
                "{expression:?}"
            );
            assert_eq!(diagnostic.params, [("suggestion", documented.into())]);
            assert!(diagnostic.message.contains("single spaces"));
        }
    }

    #[test]
    fn an_invalid_expression_is_quoted_as_written_without_a_spelling_warning() {
        // A YAML folded scalar with a comment line gives this text.
        let diagnostic = only("CRON(0 8 * * ? *)   # nightly");
        assert_eq!(diagnostic.code, Code::ScheduleInvalid);
        assert_eq!(
            diagnostic.message,
            "The schedule expression \"CRON(0 8 * * ? *)   # nightly\" has \"   # nightly\" after its closing \")\"; remove it."
        );
        assert!(only(" RATE(1 day")
            .message
            .starts_with("The schedule expression \" RATE(1 day\" has no closing"));
        assert!(only("Cron(0 8 * * ? * *)")
            .message
            .starts_with("The cron expression \"Cron(0 8 * * ? * *)\" has 7 fields"));
        assert!(only("RATE(0 hours)")
            .message
            .contains("\"0\" is not positive"));
        // A valid one quotes the expression as written too.
        let codes_and_quotes: Vec<(&str, bool)> = check("RATE(5 minutes)", PATH, Some(NOW))
            .iter()
            .map(|d| (d.code.as_str(), d.message.contains("\"RATE(5 minutes)\"")))
            .collect();
        assert_eq!(
            codes_and_quotes,
            [
                ("schedule/nonstandard-spelling", true),
                ("schedule/too-frequent", true)
            ]
        );
    }

    #[test]
    fn a_range_that_wraps_is_read_as_quartz_reads_it_without_a_finding() {
        // Not documented by EventBridge; a warning with a documented fix
        // (`22-23,0-2`) cost about 3.4 KB gzip, so the README says we accept
        // them silently. The summary and the runs say what Quartz reads.
        for expression in [
            "cron(0 22-2 * * ? *)",
            "cron(0 8 ? * FRI-MON *)",
            "cron(0 8 28-3 * ? *)",
        ] {
            assert!(
                check(expression, PATH, Some(NOW)).is_empty(),
                "{expression}"
            );
        }
        let description = describe("cron(0 22-2 * * ? *)", NOW, 5);
        assert_eq!(
            description.summary.as_deref(),
            Some("At 00:00, 01:00, 02:00, 22:00 and 23:00 UTC every day")
        );
        assert_eq!(
            description.next_runs,
            [
                "2026-11-25T01:00:00Z",
                "2026-11-25T02:00:00Z",
                "2026-11-25T22:00:00Z",
                "2026-11-25T23:00:00Z",
                "2026-11-26T00:00:00Z"
            ]
        );
        // A year range cannot wrap: an error.
        assert_eq!(
            codes("cron(0 8 1 1 ? 2030-2027)", Some(NOW)),
            ["schedule/invalid-expression"]
        );
    }

    #[test]
    fn parentheses_must_close_with_nothing_after() {
        let diagnostic = only("cron(0 8 ? * 4#1 *");
        assert!(diagnostic.message.contains("has no closing \")\""));
        let diagnostic = only("rate(12 hours) x");
        assert_eq!(
            diagnostic.message,
            "The schedule expression \"rate(12 hours) x\" has \" x\" after its closing \")\"; remove it."
        );
        assert!(only("rate(12 hours))").message.contains("has \")\" after"));
        assert!(only("cron(0 8 ? * 4#1 *) # first Wednesday")
            .message
            .contains("remove it"));
    }

    #[test]
    fn undocumented_spellings_are_warnings_with_the_documented_form() {
        for (expression, documented) in [
            ("CRON(0 8 ? * 4#1 *)", "cron(0 8 ? * 4#1 *)"),
            (" rate(1 day)", "rate(1 day)"),
            ("rate(12 hours) ", "rate(12 hours)"),
            ("rate(2 Hours)", "rate(2 hours)"),
        ] {
            let diagnostic = only(expression);
            assert_eq!(
                diagnostic.code,
                Code::ScheduleNonstandardSpelling,
                "{expression}"
            );
            assert_eq!(diagnostic.severity, Severity::Warning);
            assert!(
                diagnostic
                    .message
                    .ends_with(&format!("write \"{documented}\".")),
                "{}",
                diagnostic.message
            );
        }
        // The documented form is then judged as usual.
        assert_eq!(
            codes("RATE(5 minutes)", Some(NOW)),
            ["schedule/nonstandard-spelling", "schedule/too-frequent"]
        );
        // A space before the parenthesis is not a spelling but a syntax error.
        assert_eq!(
            codes("Rate (1 day)", Some(NOW)),
            ["schedule/invalid-expression"]
        );
    }

    #[test]
    fn a_rate_unit_in_the_other_number_is_a_warning_and_read_as_meant() {
        let diagnostic = only("rate(1 days)");
        assert_eq!(
            (diagnostic.code, diagnostic.severity),
            (Code::ScheduleRateUnitSingularPlural, Severity::Warning)
        );
        assert_eq!(
            diagnostic.params,
            [("suggestion", crate::json::Value::from("rate(1 day)"))]
        );
        assert_eq!(
            codes("rate(5 hour)", Some(NOW)),
            ["schedule/rate-unit-singular-plural"]
        );
        // The rate is judged as what it means: under an hour is too frequent.
        assert_eq!(
            codes("rate(30 minute)", Some(NOW)),
            [
                "schedule/rate-unit-singular-plural",
                "schedule/too-frequent"
            ]
        );
        assert_eq!(
            codes("rate(1 minutes)", None),
            [
                "schedule/rate-unit-singular-plural",
                "schedule/too-frequent"
            ]
        );
        // With an undocumented spelling too, each warning has its fix.
        assert_eq!(
            codes("RATE(1 Days)", Some(NOW)),
            [
                "schedule/nonstandard-spelling",
                "schedule/rate-unit-singular-plural"
            ]
        );
        // describeSchedule summarises it and lists its runs.
        let description = describe("rate(1 days)", NOW, 2);
        assert_eq!(
            description.summary.as_deref(),
            Some("Every day, counted from when the schedule is created")
        );
        assert_eq!(
            description.next_runs,
            ["2026-11-26T00:00:00Z", "2026-11-27T00:00:00Z"]
        );
        assert_eq!(description.diagnostics.len(), 1);
        assert_eq!(
            description.diagnostics[0].code,
            Code::ScheduleRateUnitSingularPlural
        );
    }

    #[test]
    fn stray_commas_in_cron_lists_are_warnings_with_the_cleaned_expression() {
        for (expression, cleaned) in [
            ("cron(0, 8 ? * MON *)", "cron(0 8 ? * MON *)"),
            ("cron(0 1,,2 ? * MON *)", "cron(0 1,2 ? * MON *)"),
            ("cron(0 ,8 ? * MON,WED, *)", "cron(0 8 ? * MON,WED *)"),
        ] {
            let diagnostic = only(expression);
            assert_eq!(
                (diagnostic.code, diagnostic.severity),
                (Code::ScheduleNonstandardSpelling, Severity::Warning),
                "{expression}"
            );
            assert_eq!(
                diagnostic.params,
                [("suggestion", crate::json::Value::from(cleaned.to_owned()))]
            );
            assert!(diagnostic
                .message
                .contains("no empty list items, which EventBridge probably ignores"));
        }
        // With another spelling fix, one warning names both.
        let both = only("CRON(0,  8 ? * MON *)");
        assert!(both.message.ends_with(
            "no empty list items, which EventBridge probably ignores), so the service may reject it; write \"cron(0 8 ? * MON *)\"."
        ));
        // The cleaned expression is judged as usual; a field of commas alone stays an error.
        assert_eq!(
            codes("cron(0,30, * * * ? *)", Some(NOW)),
            ["schedule/nonstandard-spelling", "schedule/too-frequent"]
        );
        assert_eq!(
            codes("cron(0 , * * ? *)", Some(NOW)),
            ["schedule/invalid-expression"]
        );
        // Commas in rate expressions or after the parenthesis are not cleaned.
        assert_eq!(
            codes("rate(1, day)", Some(NOW)),
            ["schedule/invalid-expression"]
        );
    }

    #[test]
    fn a_start_with_a_step_beyond_the_range_is_valid() {
        assert!(check("cron(0/60 * * * ? *)", PATH, Some(NOW)).is_empty());
        assert!(check("cron(30/60 * * * ? *)", PATH, Some(NOW)).is_empty());
        let described = describe("cron(30/60 * * * ? *)", NOW, 2);
        assert_eq!(
            described.next_runs,
            ["2026-11-25T00:30:00Z", "2026-11-25T01:30:00Z"]
        );
        assert_eq!(
            codes("cron(*/60 * * * ? *)", Some(NOW)),
            ["schedule/invalid-expression"]
        );
    }

    #[test]
    fn cron_needs_exactly_six_fields() {
        assert!(only("cron()").message.contains("has no fields"));
        assert!(only("cron( )").message.contains("has no fields"));
        assert!(only("cron(0)")
            .message
            .contains("has 1 field, but EventBridge needs six"));
        assert!(only("cron(0 8 *)").message.contains("has 3 fields"));
        let seven = only("cron(0 0 8 ? * 4#1 *)");
        assert_eq!(seven.code, Code::ScheduleInvalid);
        assert!(
            seven.message.contains("has 7 fields")
                && seven
                    .message
                    .contains("if the first field is seconds, remove it")
        );
        assert!(only("cron(0 0 8 ? * 4#1 * 1 2 3)")
            .message
            .contains("has 10 fields"));
    }

    #[test]
    fn five_fields_get_their_own_code_and_a_suggestion() {
        // A warning: EventBridge documents six fields, but DataSync's API
        // reference gives this very expression as its example.
        let diagnostic = only("cron(0 8 * * 3#1)");
        assert_eq!(diagnostic.code, Code::ScheduleFiveFieldCron);
        assert_eq!(diagnostic.severity, Severity::Warning);
        assert_eq!(
            diagnostic.params,
            vec![("suggestion", "cron(0 8 ? * 4#1 *)".into())]
        );
        // The suggestion itself is clean.
        assert!(check("cron(0 8 ? * 4#1 *)", PATH, Some(NOW)).is_empty());
    }

    #[test]
    fn a_five_field_cron_is_judged_as_its_six_field_meaning() {
        // Too frequent or never firing as Unix cron reads it: said too.
        assert_eq!(
            codes("cron(*/5 * * * *)", Some(NOW)),
            ["schedule/five-field-cron", "schedule/too-frequent"]
        );
        assert_eq!(
            codes("cron(0 0 30 2 *)", None),
            ["schedule/five-field-cron", "schedule/never-fires"]
        );
        // One warning, whose suggestion is documented, even when spelled otherwise.
        let diagnostic = only(" CRON(0 8 * * 3#1)");
        assert_eq!(
            diagnostic.params,
            [("suggestion", "cron(0 8 ? * 4#1 *)".into())]
        );
        assert!(diagnostic
            .message
            .starts_with("The cron expression \" CRON(0 8 * * 3#1)\""));
        // describeSchedule summarises what it means.
        let description = describe("cron(0 8 * * 3#1)", NOW, 2);
        assert_eq!(
            description.summary.as_deref(),
            Some("At 08:00 UTC on the first Wednesday of every month")
        );
        assert_eq!(
            description.next_runs,
            ["2026-12-02T08:00:00Z", "2027-01-06T08:00:00Z"]
        );
        // "Either day" has no six-field equivalent: a warning, nothing judged.
        let description = describe("cron(0 8 1 * 1)", NOW, 2);
        assert_eq!(description.diagnostics.len(), 1);
        assert_eq!(description.summary, None);
    }

    #[test]
    fn too_frequent_schedules() {
        assert_eq!(codes("rate(30 minutes)", None), ["schedule/too-frequent"]);
        assert_eq!(codes("rate(1 minute)", None), ["schedule/too-frequent"]);
        assert_eq!(
            codes("cron(0/15 * * * ? *)", None),
            ["schedule/too-frequent"]
        );
        assert_eq!(codes("cron(* * * * ? *)", None), ["schedule/too-frequent"]);
        assert_eq!(
            codes("cron(0,30 8 * * ? *)", None),
            ["schedule/too-frequent"]
        );
        // Many hours, one minute: fine.
        assert_eq!(codes("cron(0 * * * ? *)", None), Vec::<&str>::new());
    }

    #[test]
    fn never_fires_depends_on_now_only_for_past_years() {
        assert_eq!(codes("cron(0 0 30 2 ? *)", None), ["schedule/never-fires"]);
        assert_eq!(
            codes("cron(0 0 31 4,6,9,11 ? *)", None),
            ["schedule/never-fires"]
        );
        assert_eq!(
            codes("cron(0 0 1 1 ? 2020)", Some(NOW)),
            ["schedule/never-fires"]
        );
        assert_eq!(codes("cron(0 0 1 1 ? 2020)", None), Vec::<&str>::new());
        assert_eq!(codes("cron(0 0 1 1 ? 2027)", Some(NOW)), Vec::<&str>::new());
        // Too frequent and never firing are separate findings.
        assert_eq!(
            codes("cron(* 0 30 2 ? *)", None),
            ["schedule/too-frequent", "schedule/never-fires"]
        );
        // Rates always fire.
        assert_eq!(codes("rate(1 day)", Some(i64::MAX)), Vec::<&str>::new());
    }

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

    #[test]
    fn a_megabyte_of_junk_is_one_short_diagnostic() {
        // Speed is the benchmarks' business (a timed assertion fails on a busy
        // machine); this pins that junk gives one bounded diagnostic.
        let junk = "x(".repeat(500_000);
        let description = describe(&junk, NOW, 100);
        assert_eq!(description.diagnostics.len(), 1);
        assert!(description.diagnostics[0].message.len() < 400);
        assert_eq!(description.summary, None);

        // Junk inside the parentheses, with many fields or one huge field.
        let many_fields = format!("cron({})", "1 ".repeat(500_000));
        assert_eq!(
            check(&many_fields, crate::diagnostic::fixed!(""), None).len(),
            1
        );
        let huge_field = format!("cron(0 0 {} * ? *)", "1,".repeat(500_000));
        assert_eq!(
            check(&huge_field, crate::diagnostic::fixed!(""), None).len(),
            1
        );
        let huge_rate = format!("rate({} hours)", "9".repeat(1_000_000));
        assert!(check(&huge_rate, crate::diagnostic::fixed!(""), None)[0]
            .message
            .contains("too large"));
    }

    #[test]
    fn hostile_numbers_do_not_panic() {
        for expression in [
            "rate(99999999999999999999 hours)",
            "rate(18446744073709551616 days)",
            "cron(99999999999999999999 0 * * ? *)",
            "cron(0 0 */99999999999999999999 * ? *)",
            "cron(0 0 ? * 3#99999999999999999999 *)",
            "cron(0 0 L-99999999999999999999 * ? *)",
            "cron(0 0 99999999999999999999W * ? *)",
            "cron(0 0 ? * 99999999999999999999L *)",
            "cron(0 0 1 1 ? 1970-99999999999999999999)",
        ] {
            let diagnostics = check(expression, crate::diagnostic::fixed!(""), Some(i64::MIN));
            assert_eq!(diagnostics.len(), 1, "{expression}: {diagnostics:#?}");
            assert_eq!(diagnostics[0].code, Code::ScheduleInvalid);
        }
        for from in [i64::MIN, -1, 0, i64::MAX] {
            describe("cron(0 0 * * ? *)", from, 5);
            describe("rate(2147483647 days)", from, 5);
        }
    }

    #[test]
    fn cached_verdicts_are_the_verdicts_at_every_time() {
        // 2027-01-01T08:00:00Z: the one run of the third expression.
        let run = 1_798_790_400;
        let expressions = [
            "cron(0 8 ? * MON-FRI *)",
            "cron(0 8 1 1 ? 2027)",
            "CRON(0 8 1 1 ? 2027)",
            "cron(0,,8 8 1 1 ? 2027)",
            "cron(0 0 30 2 ? *)",
            "cron(0 8 * * ? 2020)",
            "cron(0/5 8 * * ? 2020)",
            "rate(12 hours)",
            "rate(5 minutes)",
            "rate(1 minute)",
            "rate(1 days)",
            "rate(30 minute)",
            "rate(",
            "cron(0 8 * * 3#1)",
            "cron(0/5 8 * * ? *)",
            "cron(0,30 8 1 1 ? 2027)",
            "CRON(0/5 8 * * ? *)",
        ];
        // Forward across the run, exactly at it, backward, and without a clock:
        // each expression at every time in turn (its verdict remembered), then
        // each time for every expression in turn (one verdict is remembered).
        let times = [
            Some(NOW),
            Some(run - 1),
            Some(run),
            Some(run + 1),
            None,
            Some(NOW),
            Some(run - 60),
            Some(i64::MIN),
            Some(i64::MAX),
            None,
        ];
        for path in [PATH, fixed!("")] {
            let agree = |expression: &str, now: Option<i64>| {
                assert_eq!(
                    cached(expression, path, now),
                    sorted(check(expression, path, now)),
                    "{expression} at {now:?}"
                );
            };
            for expression in expressions {
                for now in times {
                    agree(expression, now);
                }
            }
            for now in times {
                for expression in expressions {
                    agree(expression, now);
                }
            }
        }
    }

    thread_local! {
        /// How many times this thread's tests analysed an expression.
        pub(super) static ANALYSES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    /// What `check_cached` reports, in report order.
    fn cached(expression: &str, path: Fixed, now: Option<i64>) -> Vec<Diagnostic> {
        let mut out = Collector::new();
        check_cached(expression, path, || now, &mut out);
        out.finish()
    }

    /// `diagnostics` in report order.
    fn sorted(diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        let mut out = Collector::new();
        out.extend(diagnostics);
        out.finish()
    }

    /// How many analyses `check_cached` makes of `expression` in three calls in a row.
    fn analyses_in_three_calls(expression: &str) -> usize {
        let before = ANALYSES.with(std::cell::Cell::get);
        let first = cached(expression, PATH, Some(NOW));
        for _ in 0..2 {
            assert_eq!(cached(expression, PATH, Some(NOW)), first);
        }
        ANALYSES.with(std::cell::Cell::get) - before
    }

    #[test]
    fn an_expression_is_analysed_once_whatever_it_reports() {
        for expression in [
            "rate(12 hours)",
            "rate(5 minutes)",
            "rate(1 minute)",
            "rate(5 minute)",
            "RATE(5 minutes)",
            "cron(0 8 ? * 4#1 *)",
            "cron(0 8 * * ? 2020)",
            "cron(0 0 30 2 ? *)",
            "cron(0/5 8 * * ? *)",
            "cron(*/10 8-17 ? * MON-FRI *)",
            " cron(0/5 8 * * ? *)",
            "cron(0,,30 8 * * ? *)",
            "cron(0 8 * * 3#1)",
            "cron(0 8)",
            "cron(0 8 * 13 ? *)",
            "rate(",
        ] {
            assert_eq!(analyses_in_three_calls(expression), 1, "{expression}");
        }
        // At another path it is analysed afresh: its diagnostics carry the path.
        let before = ANALYSES.with(std::cell::Cell::get);
        for expression in ["cron(0/5 8 * * ? *)", "rate(5 minute)"] {
            for path in [PATH, fixed!(""), PATH] {
                let expected = sorted(check(expression, path, Some(NOW)));
                assert_eq!(
                    cached(expression, path, Some(NOW)),
                    expected,
                    "{expression}"
                );
            }
        }
        assert_eq!(ANALYSES.with(std::cell::Cell::get) - before, 6 + 6);
    }

    #[test]
    fn only_a_valid_cron_expression_reads_the_clock() {
        use std::cell::Cell;
        let reads = Cell::new(0);
        let clock = || {
            reads.set(reads.get() + 1);
            Some(NOW)
        };
        for (expression, expected) in [
            ("", 0),
            ("rate(12 hours)", 0),
            ("rate(12 hours)", 0),
            ("cron(0 8 * * 3#1)", 1),
            ("cron(0 8 ? * 4#1", 0),
            ("cron(0 8 ? * 4#1 *)", 1),
            ("cron(0 8 ? * 4#1 *)", 1),
        ] {
            reads.set(0);
            check_cached(expression, PATH, clock, &mut Collector::new());
            assert_eq!(reads.get(), expected, "{expression}");
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
            for line in code.lines().map(str::trim) {
                let Some(path) = line
                    .strip_prefix("pub(crate) use ")
                    .or_else(|| line.strip_prefix("use "))
                else {
                    if let Some(child) = line.strip_prefix("mod ") {
                        let mut declared = module.clone();
                        declared.push(child.trim_end_matches(';').to_owned());
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
                let rest = rest.trim_end_matches(';');
                let heads: Vec<&str> = match rest.strip_prefix('{') {
                    Some(list) => list.trim_end_matches('}').split(',').collect(),
                    None => vec![rest],
                };
                for head in heads {
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
        assert!(
            graph["cron::checks"].contains(&"cron::summary".to_owned()),
            "{graph:?}"
        );
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
