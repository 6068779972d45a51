//! Shrinking a failing generated request: the simplest version of it that
//! still fails, so that a failure message shows what matters and little else.
//!
//! The generators of `tests/differential.rs` and `tests/hunt_pass.rs` build
//! requests as trees of their own kinds (one can hold escapes and broken
//! literals, the other only plain scalars). Both shrink the same way: drop
//! one member or one item anywhere in the tree, keep the first smaller tree
//! that still fails, and start again from it.

/// A generated JSON document that can lose one member or item at a time:
/// objects and arrays have children (the values of their members, their
/// items), anything else has none.
pub trait Tree: Clone {
    /// How many members (an object) or items (an array); 0 for a scalar.
    fn children(&self) -> usize;
    /// The value of member or item `at`.
    fn child(&self, at: usize) -> &Self;
    /// The value of member or item `at`, to replace it.
    fn child_mut(&mut self, at: usize) -> &mut Self;
    /// Drops member (with its name) or item `at`.
    fn remove(&mut self, at: usize);
}

/// Every tree with one member or item fewer than `tree`, at any depth:
/// first those that drop a child of the root, then those that drop
/// something inside a child, child by child.
pub fn smaller<T: Tree>(tree: &T) -> Vec<T> {
    let mut out = Vec::new();
    for at in 0..tree.children() {
        let mut fewer = tree.clone();
        fewer.remove(at);
        out.push(fewer);
    }
    for at in 0..tree.children() {
        for replacement in smaller(tree.child(at)) {
            let mut changed = tree.clone();
            *changed.child_mut(at) = replacement;
            out.push(changed);
        }
    }
    out
}

/// The simplest version of `start` found for which `failing` holds: greedy,
/// it takes the first of `simpler`'s candidates (simplest change first) that
/// still fails and starts again from it, until none fails or `tries`
/// candidates have been tried. `start` itself is assumed to fail.
pub fn greedy<T>(
    start: T,
    simpler: impl Fn(&T) -> Vec<T>,
    failing: impl Fn(&T) -> bool,
    tries: usize,
) -> T {
    let mut best = start;
    let mut tried = 0;
    'outer: while tried < tries {
        for candidate in simpler(&best) {
            tried += 1;
            if failing(&candidate) {
                best = candidate;
                continue 'outer;
            }
        }
        break;
    }
    best
}
