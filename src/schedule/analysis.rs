//! From the text to a judged expression: [`check`], and the analysis the
//! cache and `describe` share. The text is first brought to the spelling
//! EventBridge documents ([`normalize`], with a warning when that changes it),
//! then split into its keyword and the text between the parentheses, which
//! the cron or rate grammar parses; a five-field cron goes to `unix` for its
//! suggestion and is judged as its six-field meaning. The never-fires check,
//! the one that needs the time, is kept apart ([`analyze_untimed`] does all
//! but it) so that the cache can repeat it alone.

use std::borrow::Cow;

use super::cron::{self, Cron};
use super::messages::{
    blank_message, field_count_message, nonstandard_message, not_a_schedule_message,
    trailing_message, unclosed_message,
};
use super::rate::{self, Rate};
use super::unix;
use crate::diagnostic::{Code, Diagnostic, Fixed};

#[cfg(test)]
thread_local! {
    /// How many times this thread analysed an expression (the cache's tests count them).
    pub(super) static ANALYSES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
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

/// A syntactically valid expression.
pub(super) enum Schedule {
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
pub(super) struct Analysis<'a> {
    /// `None` when the syntax is invalid.
    pub(super) schedule: Option<Schedule>,
    /// Every diagnostic but the never-fires one, in report order.
    pub(super) diagnostics: Vec<Diagnostic>,
    /// The expression as judged (as documented, when it was spelled
    /// otherwise), which the never-fires message quotes.
    pub(super) judged: Cow<'a, str>,
}

/// Parses and checks; the schedule is `None` when the syntax is invalid.
pub(super) fn analyze(
    expression: &str,
    path: Fixed,
    now: Option<i64>,
) -> (Option<Schedule>, Vec<Diagnostic>) {
    let mut analysis = analyze_untimed(expression, path);
    if let Some(Schedule::Cron(cron)) = &analysis.schedule {
        let never_fires = cron.check_fires(&analysis.judged, path, now);
        analysis.diagnostics.extend(never_fires);
    }
    (analysis.schedule, analysis.diagnostics)
}

/// Everything [`analyze`] does but the never-fires check (the one that needs the time).
pub(super) fn analyze_untimed<'a>(expression: &'a str, path: Fixed) -> Analysis<'a> {
    #[cfg(test)]
    ANALYSES.with(|count| count.set(count.get() + 1));
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
    let (head, rest) = trimmed.split_once('(').unwrap_or_default();
    let mut out = head.trim_end().to_ascii_lowercase();
    let cron = out == "cron";
    if !cron && out != "rate" {
        return (Cow::Borrowed(trimmed), false);
    }
    out.push('(');
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
        Err(message) => return invalid(message),
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
                        let diagnostics = cron.check_frequency(&fields, path).into_iter().collect();
                        (Some(Schedule::Cron(Box::new(cron))), diagnostics)
                    }
                },
                5 => {
                    let [minute, hour, dom, month, dow, _] = fields;
                    let five = [minute, hour, dom, month, dow];
                    let (mut found, exact) = unix::diagnose(shown, five, path);
                    // The service may read it as Unix cron: judge what that means.
                    if let Some(six) = exact {
                        let (schedule, more) = analyze_documented(&six, &six, path);
                        found.extend(more);
                        return (schedule, found);
                    }
                    (None, found)
                }
                _ => invalid(field_count_message(shown, count)),
            }
        }
    }
}

/// Splits `cron(...)` / `rate(...)` into the keyword and the text between the
/// parentheses, or says what is wrong with the outside (quoting `shown`).
/// A keyword in any case or with spaces before its parenthesis is already
/// respelled by [`normalize`] (a warning when the expression is valid).
fn split<'a>(expression: &'a str, shown: &str) -> Result<(Keyword, &'a str), String> {
    let (keyword, rest) = match expression.split_once('(') {
        Some(("cron", rest)) => (Keyword::Cron, rest),
        Some(("rate", rest)) => (Keyword::Rate, rest),
        _ => return Err(not_a_schedule_message(shown)),
    };
    let Some((inner, after)) = rest.split_once(')') else {
        return Err(unclosed_message(shown));
    };
    if !after.is_empty() {
        return Err(trailing_message(shown, after));
    }
    Ok((keyword, inner))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::schedule::test_support::{NOW, PATH};
    use crate::schedule::{describe, NO_SCHEDULE};

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
            ("Rate (1 day)", "rate(1 day)"),
            (" cron \t(0 8 * * ? *)", "cron(0 8 * * ? *)"),
            ("c ron(0 8 * * ? *)", "c ron(0 8 * * ? *)"),
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
        // A space before the parenthesis is as undocumented as one after it
        // (hunt37s #12): a warning with the fix, and the message does not
        // call lower case a requirement.
        for (expression, documented) in [
            ("Rate (1 day)", "rate(1 day)"),
            ("cron (0 8 ? * 4#1 *)", "cron(0 8 ? * 4#1 *)"),
            ("CRON\t(0 8 * * ? *)", "cron(0 8 * * ? *)"),
        ] {
            let diagnostic = only(expression);
            assert_eq!(
                (diagnostic.code, diagnostic.severity),
                (Code::ScheduleNonstandardSpelling, Severity::Warning),
                "{expression}"
            );
            assert_eq!(diagnostic.params, [("suggestion", documented.into())]);
            assert!(diagnostic.message.contains("no space before \"(\""));
        }
        // An invalid one gets its error alone, whose suggestion is whole (hunt37s #8a).
        let diagnostic = only("cron (0 8 1 * * *)");
        assert_eq!(diagnostic.code, Code::ScheduleInvalid);
        assert_eq!(
            diagnostic.params,
            [("suggestion", "cron(0 8 1 * ? *)".into())]
        );
        assert!(!diagnostic.message.contains("lower case"));
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
    fn a_five_field_cron_invalid_under_every_reading_is_an_error_naming_the_field() {
        // Minutes, hours, day-of-month and month mean the same to Unix cron
        // and EventBridge; a day-of-week field is invalid under both
        // numberings (Unix 0-7, EventBridge 1-7), quoted as written (hunt37s #1).
        for (expression, field, token) in [
            ("cron(99 8 * * 1)", "minutes", "99"),
            ("cron(0 25 * * *)", "hours", "25"),
            ("cron(0 25 * * 1)", "hours", "25"),
            ("cron(0 8 * * 8)", "day-of-week", "8"),
            ("cron(0 8 * * 1#9)", "day-of-week", "1#9"),
            ("cron(0 8 * * 1-9)", "day-of-week", "1-9"),
            ("cron(0 8 32 * *)", "day-of-month", "32"),
            ("cron(0 8 ? 13 MON)", "month", "13"),
            ("cron(a 8 * * 1-7/2)", "minutes", "a"),
        ] {
            let diagnostics = check(expression, PATH, Some(NOW));
            let errors: Vec<_> = diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .collect();
            assert_eq!(errors.len(), 1, "{expression}: {diagnostics:#?}");
            assert_eq!(errors[0].code, Code::ScheduleInvalid, "{expression}");
            assert_eq!(
                errors[0].params,
                [("field", field.into()), ("token", token.into())],
                "{expression}"
            );
            assert_eq!(diagnostics[0].code, Code::ScheduleFiveFieldCron);
            // describeSchedule agrees: an error, so not valid.
            let description = describe(expression, NOW, 2);
            assert_eq!(description.diagnostics.len(), diagnostics.len());
            assert_eq!(description.summary, None);
        }
        assert_eq!(
            codes("cron(a b c d e)", None),
            [
                "schedule/five-field-cron",
                "schedule/invalid-expression",
                "schedule/invalid-expression",
                "schedule/invalid-expression",
                "schedule/invalid-expression"
            ]
        );
        // Truly ambiguous day fields keep the warning alone.
        for expression in [
            "cron(0 8 * * 1-7/2)",
            "cron(0 8 * * 5/1)",
            "cron(0 8 * * 6-0)",
            "cron(0 8 * * 0/2)",
            "cron(0 8 1 * 1)",
        ] {
            assert_eq!(
                codes(expression, Some(NOW)),
                ["schedule/five-field-cron"],
                "{expression}"
            );
        }
    }

    #[test]
    fn a_five_field_cron_with_many_minutes_is_too_frequent_whatever_its_day_fields() {
        // The minutes field means the same under every reading (hunt37s #4).
        for (expression, suggestion) in [
            ("cron(*/5 * 1 * 3)", "cron(0 * 1 * 3)"),
            ("cron(*/5 * * * 1-7/2)", "cron(0 * * * 1-7/2)"),
            ("cron(0,30 8 * * 5/1)", "cron(0 8 * * 5/1)"),
            ("cron(*/5 * * * 6-0)", "cron(0 * * * 6-0)"),
        ] {
            let diagnostics = check(expression, PATH, Some(NOW));
            let codes: Vec<_> = diagnostics.iter().map(|d| d.code).collect();
            assert_eq!(
                codes,
                [Code::ScheduleFiveFieldCron, Code::ScheduleTooFrequent],
                "{expression}"
            );
            assert_eq!(
                diagnostics[1].params,
                [("suggestion", suggestion.into())],
                "{expression}"
            );
            let description = describe(expression, NOW, 2);
            assert!(description
                .diagnostics
                .iter()
                .any(|d| d.severity == Severity::Error));
        }
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
}
