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

/// `items` sorted so that `in_order(a, b)` holds for every `a` before `b`,
/// where `in_order` says whether `a` may come before `b` (`a <= b`). Stable:
/// items in order both ways keep the order they came in. Linear extra memory.
pub(crate) fn sorted_by<T>(mut items: Vec<T>, in_order: &impl Fn(&T, &T) -> bool) -> Vec<T> {
    if items.len() <= SHORT_RUN {
        for end in 1..items.len() {
            let mut at = end;
            while at > 0 && !in_order(&items[at - 1], &items[at]) {
                items.swap(at - 1, at);
                at -= 1;
            }
        }
        return items;
    }
    let second = items.split_off(items.len() / 2);
    let (first, second) = (sorted_by(items, in_order), sorted_by(second, in_order));
    let mut out = Vec::with_capacity(first.len() + second.len());
    let mut first = first.into_iter().peekable();
    let mut second = second.into_iter().peekable();
    while let (Some(a), Some(b)) = (first.peek(), second.peek()) {
        // Ties go to the first half: that keeps the sort stable.
        let next = if in_order(a, b) {
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

/// For each of `keys`, the index of the first key equal to it: its own
/// index for a first use and for `None`, which equals nothing. Sorted, not
/// hashed, so that 100,000 keys stay O(n log n) without a hash table's code
/// in the `.wasm` (about 1.5 KB gzip: the JSON parser's duplicate members,
/// tag keys and the collector's lone-surrogate paths used one).
pub(crate) fn first_uses(keys: &[Option<&str>]) -> Vec<usize> {
    // Stable: equal keys stay in index order, so each run starts with its first use.
    let order = sorted_by((0..keys.len()).collect(), &|a: &usize, b: &usize| {
        keys.get(*a) <= keys.get(*b)
    });
    let mut first: Vec<usize> = (0..keys.len()).collect();
    let mut previous: Option<usize> = None;
    for at in order {
        if let Some(before) = previous {
            if keys[at].is_some() && keys[at] == keys[before] {
                first[at] = first[before];
            }
        }
        previous = Some(at);
    }
    first
}

#[cfg(test)]
mod tests {
    use super::{first_uses, sorted_by};

    #[test]
    fn first_uses_point_at_the_first_equal_key() {
        let keys = [
            Some("b"),
            Some("a"),
            None,
            Some("b"),
            None,
            Some("a"),
            Some("b"),
            Some("c"),
        ];
        assert_eq!(first_uses(&keys), [0, 1, 2, 0, 4, 1, 0, 7]);
        assert_eq!(first_uses(&[]), Vec::<usize>::new());
        // Across the insertion sort's limit and the merges, against a search.
        let mut rng = fastrand::Rng::with_seed(38);
        let names = ["x", "y", "z", "w"];
        for length in 0..200 {
            let keys: Vec<Option<&str>> = (0..length)
                .map(|_| (rng.u8(..5) > 0).then(|| names[rng.usize(..names.len())]))
                .collect();
            let expected: Vec<usize> = (0..length)
                .map(|at| match keys[at] {
                    None => at,
                    key => keys.iter().position(|other| *other == key).unwrap(),
                })
                .collect();
            assert_eq!(first_uses(&keys), expected, "{keys:?}");
        }
    }

    /// Sorts pairs by their first number only, so that the second shows stability.
    fn by_key(items: &[(u8, usize)]) -> Vec<(u8, usize)> {
        sorted_by(items.to_vec(), &|a: &(u8, usize), b: &(u8, usize)| {
            a.0 <= b.0
        })
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
            a <= b
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
