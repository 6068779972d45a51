//! Checks on a parsed cron expression: DataSync's once-an-hour minimum
//! (`schedule/too-frequent`) and schedules that never run
//! (`schedule/never-fires`, a warning), with the common mistake named
//! (30 February, 31 April).

use super::model::{Cron, Days, Field, LAST_YEAR};
use super::summary;
use crate::diagnostic::{quote, Code, Diagnostic, Fixed};
use crate::schedule::calendar::{days_in_month, format_instant, Minute};

// ---------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------

fn too_frequent_message(minutes: &str, count: u32, suggestion: &str) -> String {
    format!(
        "The minutes field {} selects {count} minutes of every hour, but DataSync runs a task at most once an hour; keep a single minute, as in {}.",
        quote(minutes),
        quote(suggestion)
    )
}

fn never_matches_message(expression: &str) -> String {
    format!(
        "The schedule {} never runs: no date in the years it selects matches its day-of-month, month and day-of-week fields together; check those fields.",
        quote(expression)
    )
}

fn missing_days_message(expression: &str, months: &Field, dates: &Field) -> String {
    let verb = if months.count() == 1 { "has" } else { "have" };
    let missing = if dates.count() == 1 {
        format!("no day {}", dates.first())
    } else {
        format!("none of the days {}", summary::numbers(dates))
    };
    format!(
        "The schedule {} never runs: {} {verb} {missing}; choose days that the selected months have.",
        quote(expression),
        summary::month_names(months)
    )
}

fn only_past_message(expression: &str, now: &str, last_year: u32) -> String {
    format!(
        "The schedule {} never runs again: it has no run time after {now}, as the last year it selects is {last_year}; choose a later year.",
        quote(expression)
    )
}

// ---------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------

impl Cron {
    /// DataSync's once-an-hour minimum: the minutes field must select one minute.
    /// `fields` as written (six, or the five of a Unix cron this was read
    /// from), for the suggestion.
    pub(crate) fn check_frequency(&self, fields: &[&str], path: Fixed) -> Option<Diagnostic> {
        let count = self.minutes.count();
        if count <= 1 {
            return None;
        }
        let suggestion = format!("cron({} {})", self.minutes.first(), fields[1..].join(" "));
        Some(
            Diagnostic::of(
                Code::ScheduleTooFrequent,
                path,
                too_frequent_message(fields[0], count, &suggestion),
            )
            .with("suggestion", suggestion),
        )
    }

    /// Warns when no run time follows `now` (or, without `now`, when no time
    /// from 1970 to 2199 matches at all).
    pub(crate) fn check_fires(
        &self,
        expression: &str,
        path: Fixed,
        now: Option<i64>,
    ) -> Option<Diagnostic> {
        if let Some(now) = now {
            if self.next_after(now).is_some() {
                return None;
            }
        }
        if self.first_at_or_after(Minute::EPOCH).is_none() {
            let message = match &self.days {
                // The common mistake, named: 30 February, 31 April.
                Days::Dates(dates) if dates.first() > self.longest_month() => {
                    missing_days_message(expression, &self.months, dates)
                }
                _ => never_matches_message(expression),
            };
            return Some(Diagnostic::of(Code::ScheduleNeverFires, path, message));
        }
        let now = now?;
        let last_year = self.years.values().last().unwrap_or(LAST_YEAR);
        let now_text = format_instant(now);
        Some(
            Diagnostic::of(
                Code::ScheduleNeverFires,
                path,
                only_past_message(expression, &now_text, last_year),
            )
            .with("now", now_text)
            .with("lastYear", i64::from(last_year)),
        )
    }

    /// The most days any selected month can have (February: 29).
    fn longest_month(&self) -> u32 {
        self.months
            .values()
            .map(|month| days_in_month(2000, month))
            .max()
            .unwrap_or(31)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{fields, parse_ok};
    use super::*;
    use crate::diagnostic::Severity;

    #[test]
    fn more_than_one_minute_is_too_frequent() {
        for (text, count, suggestion) in [
            ("* 8 * * ? *", 60, "cron(0 8 * * ? *)"),
            ("0/15 * * * ? *", 4, "cron(0 * * * ? *)"),
            ("*/15 * * * ? *", 4, "cron(0 * * * ? *)"),
            ("0,30 8 * * ? *", 2, "cron(0 8 * * ? *)"),
            ("10-12 8 * * ? *", 3, "cron(10 8 * * ? *)"),
            ("45,5 8 * * ? *", 2, "cron(5 8 * * ? *)"),
        ] {
            let diagnostic = parse_ok(text)
                .check_frequency(&fields(text), crate::diagnostic::fixed!("/p"))
                .expect(text);
            assert_eq!(diagnostic.code, Code::ScheduleTooFrequent);
            assert!(
                diagnostic
                    .message
                    .contains(&format!("selects {count} minutes of every hour")),
                "{}",
                diagnostic.message
            );
            assert!(diagnostic.message.contains("at most once an hour"));
            assert_eq!(diagnostic.params, vec![("suggestion", suggestion.into())]);
        }
        for text in [
            "0 * * * ? *",
            "5 0/2 * * ? *",
            "0,0 8 * * ? *",
            "30/45 8 * * ? *",
        ] {
            assert_eq!(
                parse_ok(text).check_frequency(&fields(text), crate::diagnostic::fixed!("")),
                None,
                "{text}"
            );
        }
    }

    #[test]
    fn impossible_dates_never_fire() {
        for text in [
            "0 0 30 2 ? *",
            "0 0 31 4,6,9,11 ? *",
            "0 0 30W FEB ? *",
            "0 0 ? 2 6#5 2027",
            "0 0 29 2 ? 2100",
            "0 0 L-30 2 ? *",
        ] {
            let cron = parse_ok(text);
            let diagnostic = cron
                .check_fires(
                    &super::super::grammar::expression(fields(text)),
                    crate::diagnostic::fixed!("/p"),
                    None,
                )
                .expect(text);
            assert_eq!(diagnostic.code, Code::ScheduleNeverFires);
            assert_eq!(diagnostic.severity, Severity::Warning);
            assert!(
                diagnostic.message.contains("never runs: "),
                "{}",
                diagnostic.message
            );
        }
        let named = |text: &str| {
            parse_ok(text)
                .check_fires("x", crate::diagnostic::fixed!(""), None)
                .unwrap()
                .message
        };
        assert_eq!(
            named("0 0 30 2 ? *"),
            "The schedule \"x\" never runs: February has no day 30; choose days that the selected months have."
        );
        assert!(named("0 0 31 4,6,9,11 ? *")
            .contains("April, June, September and November have no day 31;"));
        assert!(named("0 0 30,31 2 ? *").contains("February has none of the days 30 and 31;"));
        let generic = "no date in the years it selects matches its day-of-month, month and day-of-week fields together";
        assert!(named("0 0 ? 2 6#5 2027").contains(generic));
        assert!(named("0 0 29 2 ? 2100").contains(generic));
        assert!(named("0 0 30W FEB ? *").contains(generic));
        // Possible, if rarely.
        for text in [
            "0 0 29 2 ? *",
            "0 0 31 1-4 ? *",
            "0 0 ? 2 1#5 *",
            "0 0 29 2 ? 2028",
        ] {
            assert_eq!(
                parse_ok(text).check_fires(text, crate::diagnostic::fixed!(""), None),
                None,
                "{text}"
            );
        }
    }

    #[test]
    fn past_years_warn_only_when_now_is_known() {
        let text = "0 0 1 1 ? 2020-2022";
        let cron = parse_ok(text);
        assert_eq!(
            cron.check_fires(text, crate::diagnostic::fixed!(""), None),
            None
        );
        let now = 1_780_000_000; // 2026-05-28
        let diagnostic = cron
            .check_fires(text, crate::diagnostic::fixed!("/p"), Some(now))
            .expect("past");
        assert_eq!(diagnostic.code, Code::ScheduleNeverFires);
        assert!(
            diagnostic.message.contains("never runs again"),
            "{}",
            diagnostic.message
        );
        assert!(
            diagnostic.message.contains("after 2026-05-28T"),
            "{}",
            diagnostic.message
        );
        assert!(diagnostic
            .message
            .contains("the last year it selects is 2022"));
        assert_eq!(diagnostic.params[1], ("lastYear", 2022i64.into()));
        // This year's remaining runs still count.
        let text = "0 0 31 12 ? 2026";
        assert_eq!(
            parse_ok(text).check_fires(text, crate::diagnostic::fixed!(""), Some(now)),
            None
        );
        let text = "0 0 1 1 ? 2026";
        assert!(parse_ok(text)
            .check_fires(text, crate::diagnostic::fixed!(""), Some(now))
            .is_some());
    }
}
