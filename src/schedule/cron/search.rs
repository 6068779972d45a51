//! Run times of a cron expression: the first matching minute at or after a
//! given one, found by skipping whole years, months and days that cannot
//! match. The search ends at 2199, the last year cron allows, so it is bounded
//! even when nothing matches: at most 230 years × 12 months of day masks.
//! A month's day mask says which of its days the day fields select.

use super::model::{Cron, Days, FIRST_YEAR, LAST_YEAR};
use crate::schedule::calendar::{days_from_civil, days_in_month, weekday, Minute, SECONDS_PER_DAY};

/// Unix seconds of 2200-01-01T00:00:00Z, just past the last possible run.
fn end_of_range() -> i64 {
    days_from_civil(i64::from(LAST_YEAR) + 1, 1, 1) * SECONDS_PER_DAY
}

impl Cron {
    /// The first matching minute at or after `start` (clamped to 1970), or
    /// `None` if no minute from there to the end of 2199 matches.
    pub(crate) fn first_at_or_after(&self, start: Minute) -> Option<Minute> {
        let start = if start.year < i64::from(FIRST_YEAR) {
            Minute::EPOCH
        } else {
            start
        };
        let start_year = u32::try_from(start.year).ok()?;
        let mut year = self.years.next_from(start_year)?;
        loop {
            let in_start_year = year == start_year;
            let mut month = self
                .months
                .next_from(if in_start_year { start.month } else { 1 });
            while let Some(this_month) = month {
                let in_start_month = in_start_year && this_month == start.month;
                let first_day = if in_start_month { start.day } else { 1 };
                let mut days = self.day_mask(i64::from(year), this_month) & (u32::MAX << first_day);
                while days != 0 {
                    let day = days.trailing_zeros();
                    days &= days - 1;
                    let on_start_day = in_start_month && day == start.day;
                    let mut hour = self
                        .hours
                        .next_from(if on_start_day { start.hour } else { 0 });
                    while let Some(this_hour) = hour {
                        let on_start_hour = on_start_day && this_hour == start.hour;
                        let first_minute = if on_start_hour { start.minute } else { 0 };
                        if let Some(minute) = self.minutes.next_from(first_minute) {
                            return Some(Minute {
                                year: i64::from(year),
                                month: this_month,
                                day,
                                hour: this_hour,
                                minute,
                            });
                        }
                        hour = self.hours.next_from(this_hour + 1);
                    }
                }
                month = self.months.next_from(this_month + 1);
            }
            year = self.years.next_from(year + 1)?;
        }
    }

    /// The first run time strictly after `unix`, in unix seconds.
    pub(crate) fn next_after(&self, unix: i64) -> Option<i64> {
        let start = if unix < 0 {
            Minute::EPOCH
        } else if unix >= end_of_range() {
            return None;
        } else {
            Minute::containing((unix / 60 + 1) * 60)
        };
        self.first_at_or_after(start).map(Minute::unix)
    }

    /// Bit `d` is set for each day `d` of the month that runs.
    fn day_mask(&self, year: i64, month: u32) -> u32 {
        let length = days_in_month(year, month);
        let first_weekday = weekday(year, month, 1);
        // The first day (1-7) of the month that falls on `weekday`.
        let first_on = |weekday: u32| 1 + (weekday + 7 - first_weekday) % 7;
        let weekday_of = |day: u32| (first_weekday - 1 + day - 1) % 7 + 1;
        let nearest_weekday = |day: u32| match weekday_of(day) {
            7 if day == 1 => 3,
            7 => day - 1,
            1 if day == length => day - 2,
            1 => day + 1,
            _ => day,
        };
        let bit = |day: u32| {
            if (1..=length).contains(&day) {
                1u32 << day
            } else {
                0
            }
        };
        match &self.days {
            Days::Dates(field) => (1..=length)
                .filter(|&day| field.contains(day))
                .fold(0, |mask, day| mask | 1 << day),
            Days::Last { offset, weekday } => {
                if *offset >= length {
                    return 0;
                }
                let day = length - offset;
                bit(if *weekday { nearest_weekday(day) } else { day })
            }
            Days::NearestWeekday(day) => {
                if *day > length {
                    0
                } else {
                    bit(nearest_weekday(*day))
                }
            }
            Days::Weekdays(field) => field.values().fold(0, |mask, weekday| {
                (first_on(weekday)..=length)
                    .step_by(7)
                    .fold(mask, |mask, day| mask | 1 << day)
            }),
            Days::LastWeekday(weekday) => {
                let last_weekday = weekday_of(length);
                bit(length - (last_weekday + 7 - weekday) % 7)
            }
            Days::Nth { weekday, nth } => bit(first_on(*weekday) + 7 * (nth - 1)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::grammar::parse;
    use super::*;
    use crate::schedule::calendar::{format_instant, parse_instant};

    fn cron(text: &str) -> Cron {
        let parts: Vec<&str> = text.split(' ').collect();
        parse(
            [parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]],
            crate::diagnostic::fixed!(""),
        )
        .expect(text)
    }

    fn at(text: &str) -> i64 {
        parse_instant(text).expect(text)
    }

    /// The next `count` runs strictly after `from`, formatted.
    fn runs(text: &str, from: &str, count: usize) -> Vec<String> {
        let cron = cron(text);
        let mut after = at(from);
        let mut found = Vec::new();
        while found.len() < count {
            match cron.next_after(after) {
                Some(next) => {
                    found.push(format_instant(next));
                    after = next;
                }
                None => break,
            }
        }
        found
    }

    #[test]
    fn runs_are_strictly_after_the_start() {
        assert_eq!(
            runs("0 8 * * ? *", "2026-11-25T08:00:00Z", 2),
            ["2026-11-26T08:00:00Z", "2026-11-27T08:00:00Z"]
        );
        assert_eq!(
            runs("0 8 * * ? *", "2026-11-25T07:59:59Z", 1),
            ["2026-11-25T08:00:00Z"]
        );
    }

    #[test]
    fn daily_runs_cross_month_and_year_ends() {
        assert_eq!(
            runs("30 23 * * ? *", "2026-12-30T12:00:00Z", 3),
            [
                "2026-12-30T23:30:00Z",
                "2026-12-31T23:30:00Z",
                "2027-01-01T23:30:00Z"
            ]
        );
    }

    #[test]
    fn hour_increments_roll_over_midnight() {
        assert_eq!(
            runs("0 0/8 * * ? *", "2026-11-25T17:00:00Z", 3),
            [
                "2026-11-26T00:00:00Z",
                "2026-11-26T08:00:00Z",
                "2026-11-26T16:00:00Z"
            ]
        );
    }

    #[test]
    fn the_twenty_ninth_of_february_waits_for_a_leap_year() {
        assert_eq!(
            runs("0 12 29 2 ? *", "2026-01-01T00:00:00Z", 2),
            ["2028-02-29T12:00:00Z", "2032-02-29T12:00:00Z"]
        );
        // 2100 is not a leap year.
        assert_eq!(
            runs("0 12 29 2 ? *", "2096-03-01T00:00:00Z", 1),
            ["2104-02-29T12:00:00Z"]
        );
    }

    #[test]
    fn day_thirty_one_skips_short_months() {
        assert_eq!(
            runs("0 0 31 * ? *", "2026-01-31T00:00:00Z", 3),
            [
                "2026-03-31T00:00:00Z",
                "2026-05-31T00:00:00Z",
                "2026-07-31T00:00:00Z"
            ]
        );
    }

    #[test]
    fn last_day_of_the_month() {
        assert_eq!(
            runs("0 9 L * ? *", "2028-01-31T09:00:00Z", 3),
            [
                "2028-02-29T09:00:00Z",
                "2028-03-31T09:00:00Z",
                "2028-04-30T09:00:00Z"
            ]
        );
        // L-3: three days before the last day.
        assert_eq!(
            runs("0 9 L-3 * ? *", "2027-02-01T00:00:00Z", 2),
            ["2027-02-25T09:00:00Z", "2027-03-28T09:00:00Z"]
        );
    }

    #[test]
    fn nearest_weekday_stays_in_the_month() {
        // 15 August 2026 is a Saturday: Friday the 14th.
        assert_eq!(
            runs("0 6 15W * ? *", "2026-08-01T00:00:00Z", 1),
            ["2026-08-14T06:00:00Z"]
        );
        // 15 November 2026 is a Sunday: Monday the 16th.
        assert_eq!(
            runs("0 6 15W * ? *", "2026-11-01T00:00:00Z", 1),
            ["2026-11-16T06:00:00Z"]
        );
        // 1 August 2026 is a Saturday: not Friday 31 July but Monday the 3rd.
        assert_eq!(
            runs("0 6 1W * ? *", "2026-07-15T00:00:00Z", 1),
            ["2026-08-03T06:00:00Z"]
        );
        // 31 May 2026 is a Sunday: not Monday 1 June but Friday the 29th.
        assert_eq!(
            runs("0 6 31W * ? *", "2026-05-01T00:00:00Z", 1),
            ["2026-05-29T06:00:00Z"]
        );
        // A weekday is itself.
        assert_eq!(
            runs("0 6 15W * ? *", "2026-12-01T00:00:00Z", 1),
            ["2026-12-15T06:00:00Z"]
        );
    }

    #[test]
    fn last_weekday_of_the_month() {
        // 31 January 2027 is a Sunday, 28 February 2027 a Sunday, 31 March a Wednesday.
        assert_eq!(
            runs("0 17 LW * ? *", "2027-01-01T00:00:00Z", 3),
            [
                "2027-01-29T17:00:00Z",
                "2027-02-26T17:00:00Z",
                "2027-03-31T17:00:00Z"
            ]
        );
    }

    #[test]
    fn nth_weekday_of_the_month() {
        // The seed: 08:00 on the first Wednesday.
        assert_eq!(
            runs("0 8 ? * 4#1 *", "2026-11-25T00:00:00Z", 3),
            [
                "2026-12-02T08:00:00Z",
                "2027-01-06T08:00:00Z",
                "2027-02-03T08:00:00Z"
            ]
        );
        // A fifth Friday only in some months.
        assert_eq!(
            runs("0 0 ? * FRI#5 *", "2026-01-01T00:00:00Z", 3),
            [
                "2026-01-30T00:00:00Z",
                "2026-05-29T00:00:00Z",
                "2026-07-31T00:00:00Z"
            ]
        );
    }

    #[test]
    fn last_given_weekday_of_the_month() {
        assert_eq!(
            runs("0 18 ? JAN,JUL 6L *", "2026-01-01T00:00:00Z", 3),
            [
                "2026-01-30T18:00:00Z",
                "2026-07-31T18:00:00Z",
                "2027-01-29T18:00:00Z"
            ]
        );
        // 5L: the last Thursday; February 2028 (leap) ends on Tuesday the 29th.
        assert_eq!(
            runs("0 0 ? 2 5L 2028", "2026-01-01T00:00:00Z", 2),
            ["2028-02-24T00:00:00Z"]
        );
    }

    #[test]
    fn weekday_ranges() {
        // 2026-11-27 is a Friday.
        assert_eq!(
            runs("15 10 ? * MON-FRI *", "2026-11-27T10:15:00Z", 2),
            ["2026-11-30T10:15:00Z", "2026-12-01T10:15:00Z"]
        );
        assert_eq!(
            runs("0 0 ? * L *", "2026-11-25T00:00:00Z", 1),
            ["2026-11-28T00:00:00Z"]
        );
    }

    #[test]
    fn years_bound_the_search() {
        assert_eq!(
            runs("0 0 1 1 ? 2199", "2198-06-01T00:00:00Z", 2),
            ["2199-01-01T00:00:00Z"]
        );
        assert_eq!(
            runs("0 0 * * ? *", "2199-12-31T23:59:00Z", 1),
            Vec::<String>::new()
        );
        assert_eq!(cron("0 0 * * ? *").next_after(i64::MAX), None);
        assert_eq!(cron("0 0 * * ? *").next_after(i64::MIN), Some(0));
        assert_eq!(cron("0 0 1 1 ? 1970").next_after(-1), Some(0));
        assert_eq!(cron("0 0 1 1 ? 1970").next_after(0), None);
    }

    #[test]
    fn a_search_that_finds_nothing_ends_at_the_last_year() {
        // The 31st of February never comes: the search steps through the
        // years to 2199 and ends (its bound is structural: the years, then
        // the months' day masks, none of which has day 31 set in February).
        let never = cron("0 0 31 2 ? *");
        assert_eq!(never.first_at_or_after(Minute::EPOCH), None);
        assert_eq!(never.next_after(i64::MIN), None);
        assert_eq!(never.next_after(at("2199-12-31T23:59:00Z")), None);
    }
}
