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
//! Layout, by concern: `analysis` takes the text to a judged expression
//! ([`check`]), with `messages` for what it says about the expression as a
//! whole; `cache` keeps the last verdict for the rule ([`check_cached`]);
//! `describe` gives the form a summary and run times ([`describe`],
//! [`Description`]). Under them, `cron` (a folder: model, grammar, checks,
//! run-time search, summary) and `rate` hold the two grammars, `unix` the
//! suggestions for five-field Unix cron, `calendar` the date arithmetic and
//! `number` the decimal numbers both grammars read.
//!
//! The imports form no cycle (the test at the end of this file reads them):
//! this module only declares the others and names what the crate uses;
//! `cache` uses `analysis` and the `cron` parse it keeps, `describe`
//! uses `analysis` and `calendar`; `analysis` uses `messages`, the grammars
//! and `unix`; `messages` and `unix` use `cron`; `cron` and `rate` use only
//! `calendar` and `number`, never each other. The work is bounded for any
//! input: parsing is linear in the text, and a run-time search never looks
//! past 2199.
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
mod describe;
mod messages;
mod number;
mod rate;
mod unix;

pub use analysis::check;
pub use cache::check_cached;
pub use calendar::{format_instant, parse_instant, LATEST};
pub use describe::{describe, Description, MAX_RUNS, NO_SCHEDULE};

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
                // `super::{a, b::{C, D}}` names several (split at the outer
                // commas); `super::a::{B, C}` one.
                let rest = words.join("::");
                let heads: Vec<&str> = match rest.strip_prefix('{') {
                    Some(list) => {
                        let list = list.strip_suffix('}').unwrap_or(list);
                        let (mut heads, mut depth, mut start) = (Vec::new(), 0, 0);
                        for (at, c) in list.char_indices() {
                            match c {
                                '{' => depth += 1,
                                '}' => depth -= 1,
                                ',' if depth == 0 => {
                                    heads.push(&list[start..at]);
                                    start = at + 1;
                                }
                                _ => {}
                            }
                        }
                        heads.push(&list[start..]);
                        heads
                    }
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
