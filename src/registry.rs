//! The code registry's documentation side: what the `codes!` table in
//! [`crate::diagnostic`] says about each code beyond its string and severity
//! (a one-line summary, the shape of its `params`, the rule doc), for the
//! validator's codes, the codes only the command line emits, and retired codes.
//!
//! Built only natively: the texts never reach the `.wasm`. The README's code
//! table, `docs/rules/`, the code types in `index.d.ts`, `js/codes.mjs` and the
//! command's rule metadata are generated from it (`tests/generated.rs`, which
//! rewrites them under `UPDATE_GENERATED=1`).

/// How serious a code's findings are. The validator's codes are errors or
/// warnings ([`crate::diagnostic::Severity`]); the command line also reports
/// information notes (what it could not check, how it read a file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleSeverity {
    /// The service rejects the request.
    Error,
    /// The service accepts the request but it will not do what the user most likely wants.
    Warning,
    /// A note from the command line; never changes the exit status.
    Info,
}

impl RuleSeverity {
    /// The lower-case name: `error`, `warning` or `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleSeverity::Error => "error",
            RuleSeverity::Warning => "warning",
            RuleSeverity::Info => "info",
        }
    }
}

/// Who reports a code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmittedBy {
    /// The validator (`validate()`, every entry point), and so the command too.
    Validator,
    /// Only the command line (templates, Terraform, files, configuration).
    Command,
}

impl EmittedBy {
    /// `validator` or `command`.
    pub fn as_str(self) -> &'static str {
        match self {
            EmittedBy::Validator => "validator",
            EmittedBy::Command => "command",
        }
    }
}

/// One member of a code's `params`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Param {
    /// The member name, e.g. `max`.
    pub name: &'static str,
    /// Its TypeScript type: `number`, `string` or `string[]`.
    pub ty: &'static str,
    /// Whether some diagnostics with this code leave it out.
    pub optional: bool,
    /// What it holds, in a few words.
    pub meaning: &'static str,
}

/// A member every diagnostic with the code carries in `params`.
pub const fn param(name: &'static str, ty: &'static str, meaning: &'static str) -> Param {
    Param {
        name,
        ty,
        optional: false,
        meaning,
    }
}

/// A member some diagnostics with the code carry in `params`.
pub const fn optional(name: &'static str, ty: &'static str, meaning: &'static str) -> Param {
    Param {
        name,
        ty,
        optional: true,
        meaning,
    }
}

/// The `related` member many rules carry: the other members involved.
pub const RELATED: Param = optional(
    "related",
    "string[]",
    "JSON Pointers of the other members involved",
);

/// An input that shows a code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Example {
    /// A request as JSON text, and the options argument (`{ operation?,
    /// locations?, task? }`) as JSON text, `""` for none. `{src}`, `{dst}` and
    /// `{task}` stand for a source location, a destination location and a
    /// task ARN ([`Example::expand`]). `tests/generated.rs` validates it and
    /// requires the code in the report.
    Request {
        /// The request.
        request: &'static str,
        /// The options argument, or `""`.
        options: &'static str,
    },
    /// Text in another language (`js`, `yaml`, `hcl`, `sh`) that cannot run
    /// as a request: a JavaScript value, a template, a Terraform block.
    Source {
        /// The language, for the code fence.
        language: &'static str,
        /// The text.
        text: &'static str,
    },
}

/// The source location ARN `{src}` stands for in examples.
pub const EXAMPLE_SOURCE: &str =
    "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0";
/// The destination location ARN `{dst}` stands for in examples.
pub const EXAMPLE_DESTINATION: &str =
    "arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210";
/// The task ARN `{task}` stands for in examples.
pub const EXAMPLE_TASK: &str =
    "arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0";

/// A request example.
pub const fn request(request: &'static str) -> Example {
    Example::Request {
        request,
        options: "",
    }
}

/// A request example judged with an options argument.
pub const fn request_with(request: &'static str, options: &'static str) -> Example {
    Example::Request { request, options }
}

/// An example in another language.
pub const fn source(language: &'static str, text: &'static str) -> Example {
    Example::Source { language, text }
}

impl Example {
    /// `text` with `{src}`, `{dst}` and `{task}` replaced by the example ARNs.
    pub fn expand(text: &str) -> String {
        text.replace("{src}", EXAMPLE_SOURCE)
            .replace("{dst}", EXAMPLE_DESTINATION)
            .replace("{task}", EXAMPLE_TASK)
    }
}

/// Everything the project says about one code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// The stable code string, e.g. `schedule/too-frequent`.
    pub code: &'static str,
    /// The severity its findings carry (by default, for the command line).
    pub severity: RuleSeverity,
    /// Who reports it.
    pub emitted_by: EmittedBy,
    /// One sentence: what a finding with this code means.
    pub summary: &'static str,
    /// The members of its `params`, in the order diagnostics write them.
    pub params: &'static [Param],
    /// What the rule checks, in more detail than the summary.
    pub what: &'static str,
    /// Why: what the service does with such a request.
    pub why: &'static str,
    /// An input that gets this code.
    pub example: Example,
    /// How to fix it.
    pub fix: &'static str,
    /// What a diagnostic's `fix` (the JSON Patch `validate()` attaches, which
    /// the command's `--fix` applies) does, for the codes that carry one; `""`
    /// for the others.
    pub autofix: &'static str,
    /// Where the facts come from: addresses in the DataSync User Guide, the
    /// API reference or the API model, or why the project decided so.
    pub source: &'static str,
}

impl Rule {
    /// The summary without the leading space a `///` comment leaves.
    pub fn summary(&self) -> &'static str {
        self.summary.trim()
    }

    /// The file name of its page under `docs/rules/`: `/` becomes `-`.
    pub fn page(&self) -> String {
        format!("{}.md", self.code.replace('/', "-"))
    }
}

/// A code that is no longer reported. It is never given another meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Retired {
    /// The code string.
    pub code: &'static str,
    /// The release that stopped reporting it (`Unreleased` until one is made).
    pub since: &'static str,
    /// The codes that report what it reported, if any.
    pub replaced_by: &'static [&'static str],
    /// Why it was retired.
    pub why: &'static str,
}
