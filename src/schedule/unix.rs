//! Five-field cron expressions, as Unix cron writes them (`minute hour
//! day-of-month month day-of-week`). EventBridge documents six fields, but
//! DataSync's API reference gives a five-field example (`cron(0 8 * * 3#1)`,
//! "the first Wednesday"), so whether the service takes them is not documented
//! and they are a warning; the message suggests the EventBridge expression
//! that means what the author meant (and the schedule is judged as it):
//!
//! - Unix numbers the days of the week 0-7 (0 and 7 = Sunday); EventBridge
//!   1-7 (1 = Sunday), so numbers shift by one inside lists, ranges, `#` and
//!   `L` (`3#1` → `4#1`, `1-5` → `2-6`); a range through 7 ends on Sunday,
//!   EventBridge's 1, so it is written in ascending pieces (`5-7` → `6-7,1`,
//!   `6-7` → `7,1`): EventBridge documents no range that wraps;
//! - Unix cron (cronie, Vixie cron) refuses a range that runs backwards
//!   (`6-0`, `6-0/2`, `SAT-SUN`: a name is its index from `SUN` = 0), so
//!   such a field has no meaning to keep and gets no suggestion;
//! - EventBridge needs `?` in one day field: it replaces the one that was `*`
//!   (day-of-week when both were);
//! - when both day fields are set, Unix runs on days matching either, which
//!   EventBridge cannot express: the suggestion keeps the day-of-week field
//!   and the message says so;
//! - the year field `*` is appended.
//!
//! An expression with `?` in a day field is EventBridge syntax missing its
//! year, so it only gets `*` appended. A suggestion that would itself be
//! invalid is left out.

use super::cron::{self, SIX_FIELDS};
use super::number::parse_number;
use crate::diagnostic::{quote, Code, Diagnostic, Fixed};

// ---------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------

fn unix_message(expression: &str, suggestion: &str, renumbered: bool, either_day: bool) -> String {
    let renumbered = if renumbered {
        " and numbers the days of the week from 1 = Sunday"
    } else {
        ""
    };
    let tail = if either_day {
        format!(
            "; Unix cron runs when either day field matches, which EventBridge cannot express, so {} keeps only the day-of-week field",
            quote(suggestion)
        )
    } else {
        format!("; write {}", quote(suggestion))
    };
    format!(
        "The cron expression {} has five fields, as in Unix cron; EventBridge documents six ({SIX_FIELDS}){renumbered}, so the service may reject it or read it otherwise{tail}.",
        quote(expression)
    )
}

fn missing_year_message(expression: &str, suggestion: &str) -> String {
    format!(
        "The cron expression {} has five fields; EventBridge documents six ({SIX_FIELDS}), so the service may reject it; add the year field, as in {}.",
        quote(expression),
        quote(suggestion)
    )
}

fn no_suggestion_message(expression: &str) -> String {
    format!(
        "The cron expression {} has five fields, as in Unix cron; EventBridge documents six ({SIX_FIELDS}), so the service may reject it.",
        quote(expression)
    )
}

// ---------------------------------------------------------------------------
// Conversion
// ---------------------------------------------------------------------------

/// How the five fields were read.
enum Reading {
    /// EventBridge fields without the year.
    MissingYear,
    /// Unix cron fields.
    Unix { renumbered: bool, either_day: bool },
}

/// The five-field-cron diagnostic for `fields`, with a suggestion when one
/// can be made, then what the fields break under every reading: an invalid
/// field (minutes, hours, day-of-month and month mean the same to Unix cron
/// and EventBridge; a day-of-week field only when it is invalid both as
/// written and renumbered) and, when the schedule is not judged as its
/// suggestion, too many minutes an hour. Then the suggestion when it means
/// the same (the schedule to judge).
#[inline(always)]
pub(crate) fn diagnose(
    expression: &str,
    fields: [&str; 5],
    path: Fixed,
) -> (Vec<Diagnostic>, Option<String>) {
    let [minute, hour, dom, month, dow] = fields;
    let converted;
    // `None`: a Unix day-of-week field with no faithful EventBridge form
    // (`1-7/2`, `6-0`): the others are read with `?` in its place.
    let (mut six, mut reading) = if dom == "?" || dow == "?" {
        (
            [minute, hour, dom, month, dow, "*"],
            Some(Reading::MissingYear),
        )
    } else if dow == "*" {
        let reading = Reading::Unix {
            renumbered: false,
            either_day: false,
        };
        ([minute, hour, dom, month, "?", "*"], Some(reading))
    } else {
        converted = convert_weekdays(dow);
        match &converted {
            Some(days) => {
                let reading = Reading::Unix {
                    renumbered: days != dow,
                    either_day: dom != "*",
                };
                (
                    [minute, hour, "?", month, days.as_str(), "*"],
                    Some(reading),
                )
            }
            None => ([minute, hour, dom, month, "?", "*"], None),
        }
    };
    // One call of the parser (two cost about 300 bytes of .wasm).
    let parsed = loop {
        let parsed = cron::parse(six, path);
        if parsed.is_err()
            && matches!(
                reading,
                Some(Reading::Unix {
                    renumbered: true,
                    ..
                })
            )
        {
            // Renumbered and invalid: read as written, so that the errors
            // quote what the author wrote; valid so, it is ambiguous.
            six[4] = dow;
            reading = None;
            continue;
        }
        break parsed;
    };
    let cron = match parsed {
        Err(mut errors) => {
            let found = Diagnostic::of(
                Code::ScheduleFiveFieldCron,
                path,
                no_suggestion_message(expression),
            );
            errors.insert(0, found);
            return (errors, None);
        }
        Ok(cron) => cron,
    };
    let suggestion = cron::expression(six);
    let suggested = reading.is_some();
    let (message, exact) = match reading {
        None => (no_suggestion_message(expression), false),
        Some(Reading::MissingYear) => (missing_year_message(expression, &suggestion), true),
        Some(Reading::Unix {
            renumbered,
            either_day,
        }) => (
            unix_message(expression, &suggestion, renumbered, either_day),
            !either_day,
        ),
    };
    let mut found = Diagnostic::of(Code::ScheduleFiveFieldCron, path, message);
    if suggested {
        found = found.with("suggestion", suggestion.clone());
    }
    if exact {
        return (
            vec![found.with_replacement(suggestion.clone())],
            Some(suggestion),
        );
    }
    // Unix's "either day" has no EventBridge equivalent: the suggestion is
    // then a different schedule, shown but not a fix, and not judged; its
    // minutes are the author's all the same.
    let mut found = vec![found];
    found.extend(cron.check_frequency(&fields, path));
    (found, None)
}

/// A Unix day-of-week field in EventBridge numbering, or `None` when it
/// cannot be converted faithfully. Not inlined: in `diagnose` it made that
/// too large to inline into the schedule analysis (+400 bytes of .wasm).
#[inline(never)]
fn convert_weekdays(field: &str) -> Option<String> {
    // Unix has two Sundays (0 and 7); EventBridge has one, so `0,7` is just
    // `1`, and `6-7,0` (`7,1` and `1`) is `7,1`: each day once.
    let mut days = String::new();
    for item in field.split(',') {
        for piece in convert_item(item)?.split(',') {
            // An empty item, which neither cron accepts.
            if piece.is_empty() {
                return None;
            }
            if !days.split(',').any(|day| day == piece) {
                if !days.is_empty() {
                    days.push(',');
                }
                days.push_str(piece);
            }
        }
    }
    Some(days)
}

/// A day of the week as Unix cron reads a range's end: a number (any number
/// above 7 reads as one above 7, which no suggestion takes), or a day name's
/// index from `SUN` = 0 in any case (cronie takes the first match, so `SUN`
/// is never 7). `None` for anything else. Not inlined: it is read twice.
#[inline(never)]
fn unix_day(text: &str) -> Option<u8> {
    const NAMES: [[u8; 3]; 7] = [
        *b"SUN", *b"MON", *b"TUE", *b"WED", *b"THU", *b"FRI", *b"SAT",
    ];
    let bytes = text.as_bytes();
    if !bytes.is_empty() && bytes.iter().all(u8::is_ascii_digit) {
        return Some(bytes.iter().fold(0, |number, digit| {
            if number > 7 {
                number
            } else {
                number * 10 + (digit - b'0')
            }
        }));
    }
    // `& 0xDF` upper-cases an ASCII letter, and makes no other byte a letter.
    let [a, b, c] = *bytes else {
        return None;
    };
    let name = [a & 0xDF, b & 0xDF, c & 0xDF];
    (0..7).find(|&day| NAMES[usize::from(day)] == name)
}

fn convert_item(item: &str) -> Option<String> {
    let (range, step) = match item.split_once('/') {
        Some((range, step)) => (range, Some(step)),
        None => (item, None),
    };
    let bounds = range.split_once('-');
    if let Some((low, high)) = bounds {
        // Unix cron (cronie, Vixie cron) refuses a range that runs backwards,
        // with a step or not: `6-0` and `SAT-SUN` are no days there, not
        // Saturday and Sunday.
        if let (Some(from), Some(to)) = (unix_day(low), unix_day(high)) {
            if from > to {
                return None;
            }
        }
    }
    if let Some(step) = step {
        return Some(match bounds {
            _ if range == "*" => item.to_owned(),
            // A range through 7 includes Sunday twice over; not worth guessing.
            // `N/step` is such a range written short: the crons that accept it
            // (cronie) run it from N up to 7.
            Some((_, high)) if parse_number(high) == Some(7) => return None,
            None => return None,
            Some((low, high)) => format!("{}-{}/{step}", weekday(low), weekday(high)),
        });
    }
    if let Some((day, nth)) = item.split_once('#') {
        return Some(format!("{}#{nth}", weekday(day)));
    }
    if let Some(day) = item.strip_suffix(['L', 'l']).filter(|day| !day.is_empty()) {
        return Some(format!("{}L", weekday(day)));
    }
    if let Some((low, high)) = bounds {
        return Some(match (parse_number(low), parse_number(high)) {
            (Some(7), Some(7)) => "1".to_owned(),
            (Some(0 | 1), Some(7)) => "1-7".to_owned(),
            // Through Sunday: EventBridge's Sunday is 1, the start of the week.
            (Some(6), Some(7)) => "7,1".to_owned(),
            (_, Some(7)) => format!("{}-7,1", weekday(low)),
            _ => format!("{}-{}", weekday(low), weekday(high)),
        });
    }
    Some(weekday(item))
}

/// One Unix weekday number (0-7) as EventBridge's (1-7); names and anything
/// else stay as written.
fn weekday(text: &str) -> String {
    match parse_number(text) {
        Some(day @ 0..=6) => (day + 1).to_string(),
        Some(7) => "1".to_owned(),
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::cron::Days;
    use std::collections::BTreeSet;

    fn diagnose_text(text: &str) -> Diagnostic {
        let parts: Vec<&str> = text.split(' ').collect();
        let (diagnostics, _) = diagnose(
            &format!("cron({text})"),
            [parts[0], parts[1], parts[2], parts[3], parts[4]],
            crate::diagnostic::fixed!("/p"),
        );
        let diagnostic = diagnostics.into_iter().next().unwrap();
        assert_eq!(diagnostic.code, Code::ScheduleFiveFieldCron);
        assert_eq!(diagnostic.path, "/p");
        diagnostic
    }

    fn suggestion(text: &str) -> Option<String> {
        let diagnostic = diagnose_text(text);
        diagnostic
            .params
            .iter()
            .find_map(|(name, value)| match value {
                crate::json::Value::String(suggestion) if *name == "suggestion" => {
                    assert!(diagnostic.message.contains(&quote(suggestion)));
                    Some(suggestion.to_string())
                }
                _ => None,
            })
    }

    #[test]
    fn the_seed_example_becomes_the_first_wednesday() {
        assert_eq!(
            suggestion("0 8 * * 3#1").as_deref(),
            Some("cron(0 8 ? * 4#1 *)")
        );
        assert_eq!(
            diagnose_text("0 8 * * 3#1").message,
            "The cron expression \"cron(0 8 * * 3#1)\" has five fields, as in Unix cron; EventBridge documents six (minutes, hours, day-of-month, month, day-of-week and year) and numbers the days of the week from 1 = Sunday, so the service may reject it or read it otherwise; write \"cron(0 8 ? * 4#1 *)\"."
        );
    }

    #[test]
    fn weekday_numbers_shift_by_one() {
        for (unix, eventbridge) in [
            ("0 9 * * 1-5", "cron(0 9 ? * 2-6 *)"),
            ("0 9 * * 0", "cron(0 9 ? * 1 *)"),
            ("0 9 * * 7", "cron(0 9 ? * 1 *)"),
            ("0 9 * * 0,6", "cron(0 9 ? * 1,7 *)"),
            ("0 9 * * 0,7", "cron(0 9 ? * 1 *)"),
            ("0 9 * * 5-7", "cron(0 9 ? * 6-7,1 *)"),
            ("0 9 * * 6-7", "cron(0 9 ? * 7,1 *)"),
            ("0 9 * * 1-7", "cron(0 9 ? * 1-7 *)"),
            ("0 9 * * 07-7", "cron(0 9 ? * 1 *)"),
            ("0 9 * * 0-7", "cron(0 9 ? * 1-7 *)"),
            ("0 9 * * 5L", "cron(0 9 ? * 6L *)"),
            ("0 9 * * 1-5/2", "cron(0 9 ? * 2-6/2 *)"),
            ("0 9 * * */2", "cron(0 9 ? * */2 *)"),
            ("0 9 * * MON-FRI", "cron(0 9 ? * MON-FRI *)"),
            ("0 9 * * MON-5", "cron(0 9 ? * MON-6 *)"),
            ("0 9 * * SUN-SAT", "cron(0 9 ? * SUN-SAT *)"),
            ("0 9 * * MON-FRI/2", "cron(0 9 ? * MON-FRI/2 *)"),
            ("0 9 * * SAT-7", "cron(0 9 ? * SAT-7,1 *)"),
        ] {
            assert_eq!(suggestion(unix).as_deref(), Some(eventbridge), "{unix}");
        }
        assert!(!diagnose_text("0 9 * * MON").message.contains("1 = Sunday"));
    }

    /// The days a Unix range `from-to` (0-7) selects, as EventBridge numbers
    /// them (1 = Sunday); `None` where Unix cron (cronie's `get_range`)
    /// refuses the range because it runs backwards.
    fn unix_range_days(from: u32, to: u32) -> Option<BTreeSet<u32>> {
        (from <= to).then(|| (from..=to).map(|day| day % 7 + 1).collect())
    }

    /// The days an EventBridge day-of-week field of numbers and ascending
    /// ranges selects (a wrapping range would fail the assertion).
    fn eventbridge_days(field: &str) -> BTreeSet<u32> {
        let mut days = BTreeSet::new();
        for item in field.split(',') {
            let (from, to) = item.split_once('-').unwrap_or((item, item));
            let (from, to): (u32, u32) = (from.parse().unwrap(), to.parse().unwrap());
            assert!(1 <= from && from <= to && to <= 7, "{field}");
            days.extend(from..=to);
        }
        days
    }

    #[test]
    fn every_numeric_weekday_range_keeps_its_days() {
        for from in 0..=7 {
            for to in 0..=7 {
                let text = format!("0 9 * * {from}-{to}");
                let suggested = suggestion(&text);
                let field = suggested.as_deref().map(|expression| {
                    expression
                        .trim_start_matches("cron(")
                        .split(' ')
                        .nth(4)
                        .unwrap()
                        .to_owned()
                });
                let days = field.as_deref().map(eventbridge_days);
                assert_eq!(days, unix_range_days(from, to), "{text} -> {suggested:?}");
                // The schedule judged is the suggestion: our own grammar reads
                // the same days from it.
                if let (Some(field), Some(days)) = (field, days) {
                    let six = ["0", "9", "?", "*", field.as_str(), "*"];
                    let parsed = cron::parse(six, crate::diagnostic::fixed!("")).unwrap();
                    let Days::Weekdays(weekdays) = parsed.days else {
                        panic!("{text}: {:?}", parsed.days)
                    };
                    assert_eq!(weekdays.values().collect::<BTreeSet<_>>(), days, "{text}");
                }
            }
        }
    }

    #[test]
    fn a_backwards_range_gets_no_suggestion() {
        for text in [
            "0 9 * * 6-0",
            "0 9 * * 7-1",
            "0 9 * * 1,5-2",
            // With a step: cronie refuses the range before it reads the step.
            "0 9 * * 6-0/2",
            "0 9 * * 7-1/3",
            "0 9 * * 5-1/2",
            // With day names: cronie reads a name as its index from SUN = 0
            // (case-insensitively), so `SAT-SUN` is 6-0.
            "0 9 * * SAT-SUN",
            "0 9 * * MON-SUN",
            "0 9 * * 5-SUN",
            "0 9 * * SAT-0",
            "0 9 * * sat-sun",
            "0 9 * * FRI-SUN/2",
        ] {
            let diagnostic = diagnose_text(text);
            assert!(diagnostic.params.is_empty(), "{text}: {diagnostic:?}");
            assert!(diagnostic.fix.is_empty(), "{text}");
        }
    }

    #[test]
    fn sunday_is_written_once() {
        // A range through 7 ends on EventBridge's 1, which another item may
        // name again (0 or 7).
        for (unix, eventbridge) in [
            ("0 9 * * 6-7,0", "cron(0 9 ? * 7,1 *)"),
            ("0 9 * * 5-7,0", "cron(0 9 ? * 6-7,1 *)"),
            ("0 9 * * 0,6-7", "cron(0 9 ? * 1,7 *)"),
            ("0 9 * * 7,5-7,0", "cron(0 9 ? * 1,6-7 *)"),
        ] {
            assert_eq!(suggestion(unix).as_deref(), Some(eventbridge), "{unix}");
        }
    }

    #[test]
    fn the_star_day_field_becomes_the_question_mark() {
        assert_eq!(
            suggestion("0 12 * * *").as_deref(),
            Some("cron(0 12 * * ? *)")
        );
        assert_eq!(
            suggestion("30 6 1,15 * *").as_deref(),
            Some("cron(30 6 1,15 * ? *)")
        );
        assert_eq!(
            suggestion("0 0 L JAN *").as_deref(),
            Some("cron(0 0 L JAN ? *)")
        );
    }

    #[test]
    fn both_day_fields_set_keeps_the_weekday_and_says_so() {
        let diagnostic = diagnose_text("0 8 1 * 1");
        assert_eq!(
            diagnostic.params,
            vec![("suggestion", "cron(0 8 ? * 2 *)".into())]
        );
        assert!(diagnostic
            .message
            .contains("runs when either day field matches, which EventBridge cannot express"));
        assert!(diagnostic
            .message
            .contains("keeps only the day-of-week field"));
    }

    #[test]
    fn eventbridge_fields_missing_the_year_only_gain_it() {
        let diagnostic = diagnose_text("0 8 ? * 3#1");
        assert_eq!(
            diagnostic.params,
            vec![("suggestion", "cron(0 8 ? * 3#1 *)".into())]
        );
        assert!(diagnostic
            .message
            .ends_with("add the year field, as in \"cron(0 8 ? * 3#1 *)\"."));
        assert_eq!(
            suggestion("0 8 1 * ?").as_deref(),
            Some("cron(0 8 1 * ? *)")
        );
    }

    #[test]
    fn invalid_suggestions_are_left_out() {
        for text in [
            // Invalid under every reading: errors follow (see analysis's tests).
            "a b c d e",
            "0 25 * * *",
            "0 8 * * 9",
            // Unix-only forms: only this warning.
            "0 8 * * 1-7/2",
            // Cronie runs `N/step` up to 7 (5/1 adds Sunday), as the longhand `5-7/1`.
            "0 8 * * 5/1",
            "0 8 * * 1/2",
            "0 8 ? ? *",
            // An empty item, which neither cron accepts.
            "0 8 * * ,1",
            "0 8 * * 1,,2",
            "0 8 * * 6-7,",
        ] {
            let diagnostic = diagnose_text(text);
            assert!(diagnostic.params.is_empty(), "{text}: {diagnostic:?}");
            assert!(diagnostic.message.ends_with(
                "EventBridge documents six (minutes, hours, day-of-month, month, day-of-week and year), so the service may reject it."
            ));
        }
    }

    #[test]
    fn too_frequent_unix_schedules_still_get_a_suggestion() {
        assert_eq!(
            suggestion("*/5 * * * *").as_deref(),
            Some("cron(*/5 * * * ? *)")
        );
    }
}
