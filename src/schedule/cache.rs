//! [`check_cached`], the rule's way in: [`check`](super::check) with the
//! verdict on the last expression kept between calls (a form or a portal
//! validates the same request over and over). What the analysis found from
//! the text alone is given again as it was; only the never-fires check, the
//! one that reads the clock, runs again, and only from the cron's next run
//! time on.

use std::borrow::Cow;
use std::cell::Cell;

use super::analysis::{analyze_untimed, Schedule};
use super::cron::Cron;
use crate::diagnostic::{Collector, Diagnostic, Fixed};

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

/// [`check`](super::check) into a rule's collector, with the time read from `now` only
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

#[cfg(test)]
mod tests {
    use super::super::analysis::ANALYSES;
    use super::*;
    use crate::diagnostic::fixed;
    use crate::schedule::check;
    use crate::schedule::test_support::{NOW, PATH};

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
}
