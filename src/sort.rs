//! A small stable sort, so that the `.wasm` carries none of the standard
//! library's: its unstable sort (pattern-defeating quicksort with its small
//! sorts, heapsort and pivot choice) is about 7.6 KB of code in the `.wasm`,
//! its stable one about 9 KB, for the one place the core sorts (the
//! collector's cut, [`crate::diagnostic::Collector`]). This one is an
//! insertion sort for short runs and a top-down merge of those runs: a few
//! hundred bytes, and as fast on the reports the core writes, which hold a
//! few diagnostics, or a few thousand at the collector's limit
//! (docs/performance.md, "Room for the walker").

/// Runs this short or shorter are sorted by insertion, in place.
const SHORT_RUN: usize = 16;

use std::cmp::Ordering;

/// `items` sorted by `order`. Stable: items `order` finds equal keep the
/// order they came in. Linear extra memory.
pub(crate) fn sorted_by<T>(mut items: Vec<T>, order: &impl Fn(&T, &T) -> Ordering) -> Vec<T> {
    if items.len() <= SHORT_RUN {
        for end in 2..=items.len() {
            if let Some(run) = items.get_mut(..end) {
                insert_last(run, order);
            }
        }
        return items;
    }
    let second = items.split_off(items.len() / 2);
    let (first, second) = (sorted_by(items, order), sorted_by(second, order));
    let mut out = Vec::with_capacity(first.len() + second.len());
    let mut first = first.into_iter().peekable();
    let mut second = second.into_iter().peekable();
    while let (Some(a), Some(b)) = (first.peek(), second.peek()) {
        // Ties go to the first half: that keeps the sort stable.
        let next = if order(a, b) != Ordering::Greater {
            first.next()
        } else {
            second.next()
        };
        out.extend(next);
    }
    out.extend(first);
    out.extend(second);
    out
}

/// Moves the last of `items`, the others being sorted by `order`, back past
/// every item that orders after it, so that all are sorted (and stably: it
/// stays after those equal to it). Says whether it stopped at an equal item,
/// the only kind that can be a repeat of it.
pub(crate) fn insert_last<T>(items: &mut [T], order: &impl Fn(&T, &T) -> Ordering) -> bool {
    let mut end = items.len();
    while let Some([before, last]) = end
        .checked_sub(2)
        .and_then(|start| items.get_mut(start..end))
    {
        match order(before, last) {
            Ordering::Greater => std::mem::swap(before, last),
            Ordering::Equal => return true,
            Ordering::Less => return false,
        }
        end -= 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::{insert_last, sorted_by};

    /// Sorts pairs by their first number only, so that the second shows stability.
    fn by_key(items: &[(u8, usize)]) -> Vec<(u8, usize)> {
        sorted_by(items.to_vec(), &|a: &(u8, usize), b: &(u8, usize)| {
            a.0.cmp(&b.0)
        })
    }

    #[test]
    fn the_last_item_moves_back_to_its_place_and_tells_of_an_equal_one() {
        let by_first = |a: &(u8, char), b: &(u8, char)| a.0.cmp(&b.0);
        let mut items = [(1, 'a'), (3, 'b'), (5, 'c'), (3, 'd')];
        assert!(insert_last(&mut items, &by_first), "stopped at (3, 'b')");
        assert_eq!(items, [(1, 'a'), (3, 'b'), (3, 'd'), (5, 'c')]);
        let mut items = [(1, 'a'), (3, 'b'), (0, 'c')];
        assert!(!insert_last(&mut items, &by_first));
        assert_eq!(items, [(0, 'c'), (1, 'a'), (3, 'b')]);
        let mut items = [(1, 'a'), (2, 'b')];
        assert!(!insert_last(&mut items, &by_first));
        assert_eq!(items, [(1, 'a'), (2, 'b')]);
        assert!(!insert_last::<(u8, char)>(&mut [], &by_first));
    }

    #[test]
    fn empty_and_single_lists_come_back_as_they_are() {
        assert_eq!(by_key(&[]), []);
        assert_eq!(by_key(&[(3, 0)]), [(3, 0)]);
    }

    #[test]
    fn it_sorts_like_the_standard_stable_sort_at_every_length() {
        // Lengths across the insertion sort's limit and several merge levels,
        // with few distinct keys so that ties are common, and runs already sorted
        // or reversed.
        let mut rng = fastrand::Rng::with_seed(16);
        for length in 0..300 {
            for shape in 0..3 {
                let items: Vec<(u8, usize)> = (0..length)
                    .map(|index| {
                        let key = match shape {
                            0 => rng.u8(..8),
                            1 => (index / 3) as u8,
                            _ => (length - index) as u8,
                        };
                        (key, index)
                    })
                    .collect();
                let mut expected = items.clone();
                expected.sort_by_key(|item| item.0);
                assert_eq!(by_key(&items), expected, "length {length}, shape {shape}");
            }
        }
    }

    #[test]
    fn a_long_list_sorts_in_n_log_n_comparisons() {
        let items: Vec<u32> = (0..4_000u32)
            .map(|n| n.wrapping_mul(2_654_435_761))
            .collect();
        let count = std::cell::Cell::new(0usize);
        let sorted = sorted_by(items.clone(), &|a: &u32, b: &u32| {
            count.set(count.get() + 1);
            a.cmp(b)
        });
        let mut expected = items;
        expected.sort_unstable();
        assert_eq!(sorted, expected);
        // 4,000 items: log2 is about 12; the insertion sorts of 16-item runs add
        // at most 16 * 15 / 2 per run.
        assert!(
            count.get() < 4_000 * 12 + 250 * 120,
            "{} comparisons",
            count.get()
        );
    }
}
