//! Diagnostics: what the validator reports, and the one home of every code string.
//!
//! A [`Diagnostic`] is `{ code, severity, path, message, params }`. The code is
//! public API: stable, documented in the README, never reused for another
//! meaning. Each code has exactly one severity, so the two cannot disagree.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use crate::json::Value;

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The service rejects the request.
    Error,
    /// The service accepts the request but it will not do what the user most likely wants.
    Warning,
}

impl Severity {
    /// The lower-case name used in reports: `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// The one table of codes. Each validator code becomes a [`Code`] variant
/// with its string and severity (all the `.wasm` keeps); its summary (the
/// `///` line), `params` shape and rule doc, and the command-only and retired
/// codes, exist only in native builds (`crate::registry`, which the `.wasm`
/// does not build), where the README table, `docs/rules/`, `index.d.ts`'s
/// code types and the command's rule metadata are generated from them.
macro_rules! codes {
    (
        validator {
            $( #[doc = $summary:literal] $variant:ident = $text:literal, $severity:ident {
                $( $field:ident: $value:expr, )*
            } )*
        }
        command {
            $( #[doc = $command_summary:literal] $command_text:literal, $command_severity:ident {
                $( $command_field:ident: $command_value:expr, )*
            } )*
        }
        retired {
            $( $retired_text:literal {
                $( $retired_field:ident: $retired_value:expr, )*
            } )*
        }
    ) => {
        /// Every diagnostic code the validator can emit.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( #[doc = $summary] $variant, )*
        }

        impl Code {
            /// All codes, in declaration order (the order of the README table).
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable code string, e.g. `schedule/too-frequent`.
            pub fn as_str(self) -> &'static str {
                match self { $( Code::$variant => $text, )* }
            }

            /// The severity every diagnostic with this code carries.
            pub fn severity(self) -> Severity {
                match self { $( Code::$variant => Severity::$severity, )* }
            }
        }

        /// The validator's codes in [`Code::ALL`]'s order, then the command's.
        #[cfg(not(target_arch = "wasm32"))]
        const RULES: &[Rule] = &[
            $( Rule {
                code: $text,
                severity: RuleSeverity::$severity,
                emitted_by: EmittedBy::Validator,
                summary: $summary,
                $( $field: $value, )*
            }, )*
            $( Rule {
                code: $command_text,
                severity: RuleSeverity::$command_severity,
                emitted_by: EmittedBy::Command,
                summary: $command_summary,
                $( $command_field: $command_value, )*
            }, )*
        ];

        #[cfg(not(target_arch = "wasm32"))]
        impl Code {
            /// Everything the registry says about this code.
            pub fn rule(self) -> &'static Rule {
                &RULES[self as usize]
            }
        }

        /// Every code anyone can see in a report: the validator's, in
        /// [`Code::ALL`]'s order, then those only the command line emits.
        #[cfg(not(target_arch = "wasm32"))]
        pub fn rules() -> &'static [Rule] {
            RULES
        }

        /// Codes no longer reported, never to be reused.
        #[cfg(not(target_arch = "wasm32"))]
        pub const RETIRED: &[Retired] = &[$( Retired {
            code: $retired_text,
            $( $retired_field: $retired_value, )*
        }, )*];
    };
}

#[cfg(not(target_arch = "wasm32"))]
use crate::registry::{
    optional, param, request, request_with, source, EmittedBy, Retired, Rule, RuleSeverity, RELATED,
};

codes! {
validator {
    /// The input is not well-formed JSON text; `params.line` and `params.column` say where.
    JsonSyntax = "json/syntax-error", Error {
        params: &[
            param("line", "number", "the line of the error, from 1"),
            param("column", "number", "its column, in characters from 1"),
        ],
        what: "The request (or a request file) is not JSON as RFC 8259 defines it: a missing comma or quote, a trailing comma, a comment, single quotes, text after the value. Nothing else is checked then, except after a byte order mark (U+FEFF) at the start of a JSON request file: the command line reports the mark at 1:1, since the AWS CLI refuses it, and checks the rest of the request as if it were not there (`validate()` itself skips a leading mark).",
        why: "The AWS CLI (`--cli-input-json`), the SDKs and the service all need JSON; they stop at the first syntax error with a less precise message.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}",}"#),
        fix: "Correct the text at `params.line` and `params.column` (here: remove the trailing comma).",
        autofix: "",
        source: "RFC 8259, The JavaScript Object Notation (JSON) Data Interchange Format: https://www.rfc-editor.org/rfc/rfc8259",
    }
    /// Arrays or objects nest more than 64 levels deep (or too deep for `JSON.stringify`).
    JsonTooDeep = "json/too-deep", Error {
        params: &[
            optional("line", "number", "the line where the 65th level opens (absent for a JavaScript object)"),
            optional("column", "number", "its column"),
        ],
        what: "Arrays or objects nest more than 64 levels deep (in JSON text), or `JSON.stringify` ran out of stack on a JavaScript object, too deep or with a getter or `toJSON` that calls itself (then without `line` and `column`, and the message gives no count of levels). The validator stops reading there instead of exhausting its stack. The message names the operation the request was checked as (`options.operation`; on the command line, the one it chose).",
        why: "No DataSync request nests more than five levels, so such input is never a request; bounding the depth keeps every call safe.",
        example: source("js", "validate('{\"Tags\": ' + '['.repeat(70) + ']'.repeat(70) + '}');"),
        fix: "Pass the request itself; a tool that wraps it many times over has a bug.",
        autofix: "",
        source: "The project's limit (64 levels), far beyond the CreateTask request's depth: https://docs.aws.amazon.com/datasync/latest/userguide/API_CreateTask.html",
    }
    /// An object names the same member twice; the last one wins.
    JsonDuplicateMember = "json/duplicate-member", Warning {
        params: &[],
        what: "An object in the JSON text has two members with the same name.",
        why: "JSON parsers keep one of them (the AWS CLI and `JSON.parse` keep the last) without saying so, so the value you read first is not the one sent.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{src}", "DestinationLocationArn": "{dst}"}"#),
        fix: "Delete the member you do not mean.",
        autofix: "",
        source: "RFC 8259 section 4: \"The names within an object SHOULD be unique\"; behaviour with duplicates is unpredictable: https://www.rfc-editor.org/rfc/rfc8259#section-4",
    }
    /// A JavaScript value could not be read as JSON (a cycle, a throwing getter or toJSON).
    InputNotSerializable = "input/not-serializable", Error {
        params: &[],
        what: "`validate()` was given a JavaScript value that `JSON.stringify` cannot turn into JSON: a cycle, a getter or `toJSON` that throws. (A BigInt is read as its digits.)",
        why: "The SDKs serialise the request the same way, so they would fail too.",
        example: source("js", "const request = { SourceLocationArn: src, DestinationLocationArn: dst };\nrequest.self = request; // a cycle\nvalidate(request);"),
        fix: "Pass a plain object (or JSON text); the message quotes the JavaScript error.",
        autofix: "",
        source: "ECMAScript's JSON.stringify (TypeError on cycles): https://tc39.es/ecma262/#sec-json.stringify",
    }
    /// The request is not a JSON object.
    RequestNotObject = "request/not-an-object", Error {
        params: &[param("actual", "string", "the JSON type given: `array`, `string`, `number`, `boolean` or `null`")],
        what: "The whole request is an array, a string, a number, a boolean or null.",
        why: "Every DataSync request is a JSON object of named members.",
        example: request(r#"["{src}", "{dst}"]"#),
        fix: "Wrap the members in an object: `{ \"SourceLocationArn\": ..., \"DestinationLocationArn\": ... }`.",
        autofix: "",
        source: "DataSync API reference, CreateTask request syntax: https://docs.aws.amazon.com/datasync/latest/userguide/API_CreateTask.html#API_CreateTask_RequestSyntax",
    }
    /// A member the API does not define; `params.suggestion` gives the nearest known name or where it belongs.
    UnknownMember = "request/unknown-member", Error {
        params: &[
            param("member", "string", "the unknown member's name"),
            optional("suggestion", "string", "the nearest known member name, or the pointer where the member belongs"),
        ],
        what: "An object has a member its shape in the API model does not define: a misspelling (`Verifymode`), a member of another operation (`TaskArn` in CreateTask), or one put at the wrong level (`VerifyMode` beside `Options`).",
        why: "Member names are case-sensitive, and what happens to an unknown one depends on the client, but the setting you wrote is never made: the AWS CLI and boto3 (botocore) refuse the request before sending it (\"Unknown parameter in input\"), and CloudFormation refuses the template against the resource schema; the AWS SDK for JavaScript v3 does not refuse it, it leaves the member out of the request it sends, so the task is created or changed without that setting. An error, because the most used clients reject the request.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Options": {"Verifymode": "NONE"}}"#),
        fix: "Use the name in `params.suggestion` (the fix renames it when there is one nearest name), or delete the member.",
        autofix: "`move` (a rename) to the one nearest known member of the same object, when it is not set already",
        source: "DataSync API model (botocore datasync/2018-11-09/service-2.json), the shapes of each request: https://github.com/boto/botocore/blob/develop/botocore/data/datasync/2018-11-09/service-2.json",
    }
    /// A required member is missing.
    MissingMember = "request/missing-member", Error {
        params: &[param("member", "string", "the missing member's name")],
        what: "A member the API model marks as required is absent: SourceLocationArn or DestinationLocationArn in CreateTask, TaskArn in UpdateTask and StartTaskExecution, ScheduleExpression in Schedule, Key in a tag, the S3 manifest's three members, ...",
        why: "The SDKs reject a request without a required parameter (\"Missing required parameter\").",
        example: request(r#"{"SourceLocationArn": "{src}"}"#),
        fix: "Add the member named in `params.member`.",
        autofix: "",
        source: "DataSync API reference, CreateTask (\"Required: Yes\"): https://docs.aws.amazon.com/datasync/latest/userguide/API_CreateTask.html",
    }
    /// A value has the wrong JSON type (`BytesPerSecond` must be an integer).
    WrongType = "value/wrong-type", Error {
        params: &[
            optional("expected", "string", "the type the model wants: `string`, `integer`, `object` or `array` (absent, like `actual`, for `describeSchedule()` of a value that is not a string)"),
            optional("actual", "string", "the JSON type given"),
        ],
        what: "A value is not of the member's type: a number for a string, `\"1024\"` or `1.5` for the integer BytesPerSecond, an object for a list.",
        why: "The SDKs validate parameter types before sending; the service's model has no coercions.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Options": {"BytesPerSecond": "1048576"}}"#),
        fix: "Write the value with the type in `params.expected` (here: `1048576` without quotes).",
        autofix: "",
        source: "DataSync API reference, Options (BytesPerSecond \"Type: Long\"): https://docs.aws.amazon.com/datasync/latest/userguide/API_Options.html",
    }
    /// An integer outside the 64-bit range of a `long`.
    IntegerOutOfRange = "value/integer-out-of-range", Error {
        params: &[],
        what: "An integer member (BytesPerSecond) holds a number beyond the signed 64-bit range.",
        why: "The model's type is `long`; the SDKs cannot send a larger number.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Options": {"BytesPerSecond": 9223372036854775808}}"#),
        fix: "Use a number up to 9223372036854775807, or -1 for no limit.",
        autofix: "",
        source: "DataSync API reference, Options BytesPerSecond (Type: Long): https://docs.aws.amazon.com/datasync/latest/userguide/API_Options.html#DataSync-Type-Options-BytesPerSecond",
    }
    /// A number below the model's minimum (`BytesPerSecond` below -1).
    BelowMinimum = "value/below-minimum", Error {
        params: &[
            param("min", "number", "the smallest value allowed"),
            param("value", "number", "the value given"),
        ],
        what: "BytesPerSecond is below -1.",
        why: "The model's minimum is -1 (meaning no limit); the service rejects smaller values.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Options": {"BytesPerSecond": -2}}"#),
        fix: "Use -1 for no limit, or a positive number of bytes per second.",
        autofix: "",
        source: "DataSync API reference, Options BytesPerSecond (\"Valid Range: Minimum value of -1\"): https://docs.aws.amazon.com/datasync/latest/userguide/API_Options.html#DataSync-Type-Options-BytesPerSecond",
    }
    /// A string that is not one of the member's values (case-sensitive; `params.suggestion` fixes the case).
    NotInEnum = "value/not-in-enum", Error {
        params: &[
            param("allowed", "string[]", "the member's values"),
            optional("suggestion", "string", "the allowed value that differs only in letter case"),
        ],
        what: "A string member with a fixed set of values (VerifyMode, TaskMode, LogLevel, ...) holds another value.",
        why: "Enum values are case-sensitive and the service rejects any other value.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "TaskMode": "Enhanced"}"#),
        fix: "Use one of `params.allowed`; the fix replaces a value of the wrong case.",
        autofix: "`replace` with the allowed value of another case (`\"Enhanced\"` → `\"ENHANCED\"`)",
        source: "DataSync API reference, Options (\"Valid Values\" of each member): https://docs.aws.amazon.com/datasync/latest/userguide/API_Options.html",
    }
    /// A string shorter than the model's minimum length (in Unicode code points).
    TooShort = "value/too-short", Error {
        params: &[
            param("min", "number", "the minimum length, in Unicode code points"),
            param("length", "number", "the value's length"),
        ],
        what: "A string is shorter than the model's minimum length (a tag Key or a manifest's object version ID must have at least one character).",
        why: "The service checks length constraints and rejects the request.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Tags": [{"Key": "", "Value": "x"}]}"#),
        fix: "Give the member a value of at least `params.min` characters, or remove it.",
        autofix: "",
        source: "DataSync API reference, TagListEntry (Key: \"Length Constraints: Minimum length of 1\"): https://docs.aws.amazon.com/datasync/latest/userguide/API_TagListEntry.html",
    }
    /// A string longer than the model's maximum length (in Unicode code points).
    TooLong = "value/too-long", Error {
        params: &[
            param("max", "number", "the maximum length, in Unicode code points"),
            param("length", "number", "the value's length"),
        ],
        what: "A string is longer than the model's maximum length (Name and tag members 256, location ARNs 128, filter values 102,400, ...), counted in Unicode code points.",
        why: "The service checks length constraints and rejects the request.",
        example: source("js", "validate({ SourceLocationArn: src, DestinationLocationArn: dst, Name: 'n'.repeat(257) });"),
        fix: "Shorten the value to `params.max` characters.",
        autofix: "",
        source: "DataSync API reference, CreateTask (Name: \"Maximum length of 256\"): https://docs.aws.amazon.com/datasync/latest/userguide/API_CreateTask.html#DataSync-CreateTask-request-Name",
    }
    /// A string that does not match the model's pattern; the message names the bad character or the expected form.
    PatternMismatch = "value/pattern-mismatch", Error {
        params: &[param("pattern", "string", "the model's pattern as an ECMAScript regular expression that accepts exactly what the service accepts (compile it with no flag, `u` or `v`); the same text as `fields()`' `pattern` for the member")],
        what: "A string does not match the model's regular expression: an ARN of the wrong form, a Name with a character it excludes, an empty Name or tag Value (the pattern needs one character).",
        why: "DataSync checks patterns and answers \"Member must satisfy regular expression pattern\".",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "loc-0fedcba9876543210"}"#),
        fix: "Write the value in the form the message names (here: the whole location ARN).",
        autofix: "",
        source: "DataSync API reference, CreateTask (each member's \"Pattern\"): https://docs.aws.amazon.com/datasync/latest/userguide/API_CreateTask.html",
    }
    /// A string holding a lone UTF-16 surrogate, which cannot be sent as UTF-8.
    InvalidUnicode = "value/invalid-unicode", Error {
        params: &[],
        what: "A string holds half of a UTF-16 surrogate pair (`\\ud800` alone), usually from text cut in the middle of an emoji.",
        why: "UTF-8 has no encoding for a lone surrogate, and the clients do not refuse one: botocore (the AWS CLI, boto3) and the AWS SDK for JavaScript v3 send it as a JSON escape (`\\uD83D`). What the service does with that is not documented (RFC 8259 only says the result is unpredictable). Where the member's pattern excludes the character (Name, tags, ARNs) the request is rejected in any case. It is an error because this report stands in for the pattern check on the same member; where the pattern admits the character (filter values, paths) the outcome is unknown.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Name": "nightly \ud83d"}"#),
        fix: "Remove the broken character or complete the pair.",
        autofix: "",
        source: "RFC 8259 section 8.2 (unpaired surrogates) and RFC 3629 (UTF-8 excludes surrogates): https://www.rfc-editor.org/rfc/rfc8259#section-8.2",
    }
    /// More than 50 tags, or more than one filter rule in Includes or Excludes.
    TooManyItems = "list/too-many-items", Error {
        params: &[
            param("max", "number", "the most items allowed"),
            param("count", "number", "the items given"),
        ],
        what: "Includes or Excludes has more than one filter rule, or Tags more than 50 tags.",
        why: "The model limits these lists and the service rejects longer ones; several patterns go in one rule, separated by `|`.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Excludes": [{"FilterType": "SIMPLE_PATTERN", "Value": "*.tmp"}, {"FilterType": "SIMPLE_PATTERN", "Value": "*.bak"}]}"#),
        fix: "Join filter rules into one Value (`*.tmp|*.bak`); keep at most 50 tags.",
        autofix: "",
        source: "DataSync API reference, CreateTask (Excludes, Includes: \"Maximum number of 1 item\"; Tags: \"Maximum number of 50 items\"): https://docs.aws.amazon.com/datasync/latest/userguide/API_CreateTask.html",
    }
    /// In Basic mode Atime BEST_EFFORT needs Mtime PRESERVE, and Atime NONE needs Mtime NONE (effective values).
    AtimeMtimeMismatch = "options/atime-mtime-mismatch", Error {
        params: &[RELATED],
        what: "In a Basic mode task, Atime BEST_EFFORT with Mtime NONE, or Atime NONE with Mtime PRESERVE, judged on the effective values (an omitted member takes its default, BEST_EFFORT or PRESERVE). Where the mode is unknown (an UpdateTask or a run without the task, or an invalid TaskMode), Atime BEST_EFFORT with Mtime NONE, which Enhanced mode refuses too (it takes no Mtime NONE), blamed on Mtime.",
        why: "The service rejects the pair: access times can only be kept together with modification times.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Options": {"Mtime": "NONE"}}"#),
        fix: "Set Atime NONE with Mtime NONE, or Atime BEST_EFFORT with Mtime PRESERVE (the fix changes the blamed member; with the mode unknown, Mtime PRESERVE, which suits both modes).",
        autofix: "`replace` or `add` the blamed member with the value that agrees with the other (Mtime NONE → Atime NONE; with the mode unknown, Mtime → PRESERVE)",
        source: "DataSync API model (botocore 1.44.18, Options Atime and Mtime): the pairing rules are introduced as applying to Basic mode only (\"The following applies only to Basic mode tasks\"), and \"Enhanced mode tasks support configuring Atime independently of Mtime\", which is why Enhanced mode gets no finding here; API reference, Options Atime: https://docs.aws.amazon.com/datasync/latest/userguide/API_Options.html#DataSync-Type-Options-Atime",
    }
    /// Enhanced mode does not support Mtime NONE.
    EnhancedMtimeNone = "options/enhanced-mtime-none", Error {
        params: &[RELATED],
        what: "Mtime NONE in an Enhanced mode task.",
        why: "Enhanced mode relies on modification times to find what changed; the API model says Mtime NONE is not supported there.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "TaskMode": "ENHANCED", "Options": {"Mtime": "NONE"}}"#),
        fix: "Remove Mtime (its default is PRESERVE) or use TaskMode BASIC.",
        autofix: "",
        source: "DataSync API model (botocore 1.44.18, Options Mtime: \"Enhanced mode tasks don't support Mtime set to NONE\"; Options Atime names the pairing rules as Basic mode only); API reference, Options Mtime: https://docs.aws.amazon.com/datasync/latest/userguide/API_Options.html#DataSync-Type-Options-Mtime",
    }
    /// PreserveDeletedFiles REMOVE cannot be combined with TransferMode ALL.
    RemoveWithTransferAll = "options/remove-with-transfer-all", Error {
        params: &[RELATED],
        what: "PreserveDeletedFiles REMOVE together with TransferMode ALL, in any task mode.",
        why: "With TransferMode ALL, DataSync copies everything without scanning the destination, so it cannot know what to delete; the service rejects the combination.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Options": {"PreserveDeletedFiles": "REMOVE", "TransferMode": "ALL"}}"#),
        fix: "Use TransferMode CHANGED, or PreserveDeletedFiles PRESERVE.",
        autofix: "",
        source: "DataSync API reference, Options PreserveDeletedFiles and TransferMode: https://docs.aws.amazon.com/datasync/latest/userguide/API_Options.html#DataSync-Type-Options-PreserveDeletedFiles",
    }
    /// Enhanced mode does not support VerifyMode POINT_IN_TIME_CONSISTENT.
    EnhancedPointInTime = "options/enhanced-point-in-time", Error {
        params: &[RELATED],
        what: "VerifyMode POINT_IN_TIME_CONSISTENT in an Enhanced mode task.",
        why: "Enhanced mode verifies only what it transferred; the API reference says POINT_IN_TIME_CONSISTENT is not supported for Enhanced mode tasks. Terraform: an `aws_datasync_task` with `task_mode = \"ENHANCED\"` and an `options` block that leaves out `verify_mode` is sent POINT_IN_TIME_CONSISTENT, the AWS provider's default for it (the provider sends every option of the block, and `terraform plan` with provider 5.100.0 shows `verify_mode = \"POINT_IN_TIME_CONSISTENT\"`), so this error is reported there too, as caused by a provider default. Without an `options` block the provider sends no Options, and the service's Enhanced default applies: no error.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "TaskMode": "ENHANCED", "Options": {"VerifyMode": "POINT_IN_TIME_CONSISTENT"}}"#),
        fix: "Use ONLY_FILES_TRANSFERRED (Enhanced mode's default) or NONE; in Terraform, write `verify_mode` in the `options` block.",
        autofix: "",
        source: "DataSync API reference, Options VerifyMode: https://docs.aws.amazon.com/datasync/latest/userguide/API_Options.html#DataSync-Type-Options-VerifyMode",
    }
    /// A log group is given but LogLevel is OFF (set or by default), so nothing is published.
    LogGroupUnused = "logging/log-group-unused", Warning {
        params: &[RELATED],
        what: "The request sets CloudWatchLogGroupArn while LogLevel is OFF: set, by default, or (UpdateTask) kept from the described task. Not when a request only turns LogLevel OFF: a run cannot set a log group, and turning logging off for one run is the override the API reference gives as its example; an UpdateTask cannot remove the task's log group, so the advice would undo the update.",
        why: "The service accepts it, but with LogLevel OFF nothing is published to the log group: a common reason for an empty log group.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "CloudWatchLogGroupArn": "arn:aws:logs:us-east-1:111122223333:log-group:/aws/datasync:*"}"#),
        fix: "Set Options.LogLevel to BASIC or TRANSFER, or remove the log group.",
        autofix: "",
        source: "DataSync User Guide, Monitoring with CloudWatch Logs (log levels): https://docs.aws.amazon.com/datasync/latest/userguide/configure-logging.html",
    }
    /// Basic mode logging is on but there is no log group to publish to.
    NoLogGroup = "logging/no-log-group", Warning {
        params: &[RELATED],
        what: "A Basic mode task with LogLevel BASIC or TRANSFER and no CloudWatchLogGroupArn.",
        why: "A Basic mode task publishes its logs to the log group you give; without one, the logs you asked for go nowhere. (Enhanced mode tasks log to `/aws/datasync` by themselves.)",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Options": {"LogLevel": "TRANSFER"}}"#),
        fix: "Add CloudWatchLogGroupArn, or set LogLevel OFF.",
        autofix: "",
        source: "DataSync User Guide, Monitoring with CloudWatch Logs: https://docs.aws.amazon.com/datasync/latest/userguide/configure-logging.html",
    }
    /// UpdateTask of an Enhanced mode task with a log group not named `/aws/datasync`; `params.suggestion` is the ARN naming it.
    EnhancedLogGroupName = "logging/enhanced-log-group-name", Error {
        params: &[
            param("expected", "string", "the log group name required: `/aws/datasync`"),
            param("actual", "string", "the log group name given"),
            param("suggestion", "string", "the same ARN naming `/aws/datasync`"),
        ],
        what: "An UpdateTask request gives an Enhanced mode task (known from `options.task`) a log group whose name is not `/aws/datasync`.",
        why: "Enhanced mode tasks publish to the log group named `/aws/datasync` only.",
        example: request_with(r#"{"TaskArn": "{task}", "CloudWatchLogGroupArn": "arn:aws:logs:us-east-1:111122223333:log-group:/datasync/nightly:*"}"#, r#"{"operation": "UpdateTask", "task": {"TaskArn": "{task}", "TaskMode": "ENHANCED"}}"#),
        fix: "Use the ARN in `params.suggestion`.",
        autofix: "",
        source: "DataSync API reference, UpdateTask CloudWatchLogGroupArn (\"For Enhanced mode tasks, you must use /aws/datasync as your log group name\"): https://docs.aws.amazon.com/datasync/latest/userguide/API_UpdateTask.html#DataSync-UpdateTask-request-CloudWatchLogGroupArn",
    }
    /// CreateTask of an Enhanced mode task with a log group not named `/aws/datasync`, which gets no logs; `params.suggestion` is the ARN naming it.
    EnhancedLogGroupIgnored = "logging/enhanced-log-group-ignored", Warning {
        params: &[
            param("expected", "string", "the log group name Enhanced mode logs to: `/aws/datasync`"),
            param("actual", "string", "the log group name given"),
            param("suggestion", "string", "the same ARN naming `/aws/datasync`"),
        ],
        what: "A CreateTask request for an Enhanced mode task gives a CloudWatchLogGroupArn whose log group name is not `/aws/datasync`. (UpdateTask of the same is `logging/enhanced-log-group-name`, an error.)",
        why: "Enhanced mode tasks publish their logs to the log group named `/aws/datasync` by themselves. For CreateTask the API reference says only that an Enhanced mode task needs no log group, not that the service rejects another one, so this is a warning: the log group named gets no logs either way.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "TaskMode": "ENHANCED", "CloudWatchLogGroupArn": "arn:aws:logs:us-east-1:111122223333:log-group:/datasync/nightly:*", "Options": {"LogLevel": "TRANSFER"}}"#),
        fix: "Use the ARN in `params.suggestion`, or remove CloudWatchLogGroupArn (Enhanced mode logs to `/aws/datasync` without it).",
        autofix: "",
        source: "DataSync API reference, CreateTask CloudWatchLogGroupArn (\"For Enhanced mode tasks, you don't need to specify anything\"): https://docs.aws.amazon.com/datasync/latest/userguide/API_CreateTask.html#DataSync-CreateTask-request-CloudWatchLogGroupArn; UpdateTask CloudWatchLogGroupArn: https://docs.aws.amazon.com/datasync/latest/userguide/API_UpdateTask.html#DataSync-UpdateTask-request-CloudWatchLogGroupArn",
    }
    /// A manifest configuration without a Source.
    ManifestMissingSource = "manifest/missing-source", Error {
        params: &[],
        what: "ManifestConfig without its Source (the S3 object that lists the files).",
        why: "Since 7 February 2024 the service rejects a new manifest without Source with a ValidationException.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "ManifestConfig": {"Action": "TRANSFER", "Format": "CSV"}}"#),
        fix: "Add Source.S3 with ManifestObjectPath, BucketAccessRoleArn and S3BucketArn.",
        autofix: "",
        source: "DataSync API reference, ManifestConfig Source (\"You must specify this parameter if you're configuring a new manifest on or after February 7, 2024\"): https://docs.aws.amazon.com/datasync/latest/userguide/API_ManifestConfig.html",
    }
    /// A manifest together with Includes or Excludes filters: which of the two decides what is transferred is not documented.
    ManifestWithFilters = "manifest/with-filters", Warning {
        params: &[RELATED],
        what: "ManifestConfig together with Includes or Excludes.",
        why: "A manifest and filters are two ways to choose what a task transfers: the console offers them as alternatives (what to scan: everything, specific files from a manifest, or filters), and the API reference describes them as separate cases (TaskExecutionFilesListedDetail AtSource: with a manifest DataSync lists only what the manifest names; with an include filter, what matches it). No source says the service rejects the pair, so this is a warning: you cannot know which of the two the service applies, or whether it applies both.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Excludes": [{"FilterType": "SIMPLE_PATTERN", "Value": "*.tmp"}], "ManifestConfig": {"Source": {"S3": {"ManifestObjectPath": "manifest.csv", "BucketAccessRoleArn": "arn:aws:iam::111122223333:role/DataSyncManifest", "S3BucketArn": "arn:aws:s3:::amzn-s3-demo-bucket"}}}}"#),
        fix: "Remove the filters, or list only the wanted files in the manifest.",
        autofix: "",
        source: "DataSync API reference, TaskExecutionFilesListedDetail AtSource (manifest and filters as separate cases): https://docs.aws.amazon.com/datasync/latest/userguide/API_TaskExecutionFilesListedDetail.html; User Guide, Specifying what DataSync transfers by using a manifest: https://docs.aws.amazon.com/datasync/latest/userguide/transferring-with-manifest.html",
    }
    /// PreserveDeletedFiles REMOVE with a manifest: a manifest transfer deletes nothing.
    ManifestRemoveDeletesNothing = "manifest/remove-deletes-nothing", Warning {
        params: &[RELATED],
        what: "PreserveDeletedFiles REMOVE in a task with a manifest.",
        why: "Reasoned, not quoted: no source states it. A manifest limits the transfer to the files it lists (DataSync lists only what is in the manifest, not everything at the source: API reference, TaskExecutionFilesListedDetail AtSource), so a file missing from the source is never compared with the destination, and REMOVE has nothing to act on.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Options": {"PreserveDeletedFiles": "REMOVE"}, "ManifestConfig": {"Source": {"S3": {"ManifestObjectPath": "manifest.csv", "BucketAccessRoleArn": "arn:aws:iam::111122223333:role/DataSyncManifest", "S3BucketArn": "arn:aws:s3:::amzn-s3-demo-bucket"}}}}"#),
        fix: "Remove PreserveDeletedFiles (or set PRESERVE); delete in the destination another way.",
        autofix: "",
        source: "DataSync User Guide, Specifying what DataSync transfers by using a manifest: https://docs.aws.amazon.com/datasync/latest/userguide/transferring-with-manifest.html",
    }
    /// ReportLevel or Overrides with OutputType SUMMARY_ONLY: a summary-only report lists no items.
    ReportSummaryIgnoresLevels = "report/summary-ignores-levels", Warning {
        params: &[RELATED],
        what: "TaskReportConfig with OutputType SUMMARY_ONLY and a ReportLevel or Overrides.",
        why: "A summary-only report lists no individual files, so the levels that choose which files to list change nothing.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "TaskReportConfig": {"Destination": {"S3": {"S3BucketArn": "arn:aws:s3:::amzn-s3-demo-bucket", "BucketAccessRoleArn": "arn:aws:iam::111122223333:role/DataSyncReports"}}, "OutputType": "SUMMARY_ONLY", "ReportLevel": "ERRORS_ONLY"}}"#),
        fix: "Use OutputType STANDARD, or remove ReportLevel and Overrides.",
        autofix: "",
        source: "DataSync User Guide, Monitoring your transfers with task reports (summary only and standard reports): https://docs.aws.amazon.com/datasync/latest/userguide/task-reports.html",
    }
    /// An Overrides.Deleted while PreserveDeletedFiles is PRESERVE: the task deletes nothing.
    ReportDeletedWithoutRemove = "report/deleted-without-remove", Warning {
        params: &[RELATED],
        what: "TaskReportConfig.Overrides.Deleted while PreserveDeletedFiles is PRESERVE (set or by default).",
        why: "The task never deletes anything, so the report has nothing deleted to list.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "TaskReportConfig": {"Destination": {"S3": {"S3BucketArn": "arn:aws:s3:::amzn-s3-demo-bucket", "BucketAccessRoleArn": "arn:aws:iam::111122223333:role/DataSyncReports"}}, "OutputType": "STANDARD", "Overrides": {"Deleted": {"ReportLevel": "SUCCESSES_AND_ERRORS"}}}}"#),
        fix: "Remove the Deleted override, or set PreserveDeletedFiles REMOVE if deleting is meant.",
        autofix: "",
        source: "DataSync API reference, ReportOverrides Deleted and Options PreserveDeletedFiles: https://docs.aws.amazon.com/datasync/latest/userguide/API_ReportOverrides.html",
    }
    /// Not valid EventBridge `cron(…)` (six fields) or `rate(…)` syntax.
    ScheduleInvalid = "schedule/invalid-expression", Error {
        params: &[
            optional("suggestion", "string", "a corrected expression, when there is one obvious correction"),
            optional("field", "string", "the cron field at fault (`minutes`, `hours`, ...)"),
            optional("token", "string", "the text at fault in that field"),
            optional("value", "string", "the rate's value as written"),
            optional("unit", "string", "the rate's unit as written"),
            optional("max", "number", "the largest rate value accepted"),
        ],
        what: "ScheduleExpression is neither `cron(...)` with six fields in EventBridge syntax nor `rate(value unit)`: a value out of range, `?` in both or neither day field, an unknown rate unit, ... (a rate unit in the other number, `rate(1 hours)`, is `schedule/rate-unit-singular-plural`).",
        why: "DataSync documents no schedule syntax of its own: its User Guide sends you to EventBridge's, and this error rests on that documented syntax, whose rules say what a field must hold and what it cannot (`?` in exactly one day field, values in range). No service answer to these forms is recorded. `rate(1 days)` (`schedule/rate-unit-singular-plural`) is only a warning because there is evidence the other way: an AWS-maintained Terraform module schedules its tasks that way in production; nothing comparable exists for the forms this rule reports.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Schedule": {"ScheduleExpression": "cron(0 8 1 * * *)"}}"#),
        fix: "Follow the message; for a few mistakes `params.suggestion` (and the fix) is the corrected expression (here: `cron(0 8 1 * ? *)`).",
        autofix: "only for a cron whose other day field is `*` (`cron(0 8 1 * * *)` → `cron(0 8 1 * ? *)`)",
        source: "EventBridge User Guide, schedule expressions (cron and rate syntax): https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html; DataSync User Guide, Scheduling your task: https://docs.aws.amazon.com/datasync/latest/userguide/task-scheduling.html",
    }
    /// A Unix-style five-field cron; EventBridge documents six. `params.suggestion` is the six-field expression that means the same, or, where Unix would run on either day field, the one that keeps only the day-of-week field.
    ScheduleFiveFieldCron = "schedule/five-field-cron", Warning {
        params: &[optional("suggestion", "string", "the six-field expression that means the same (for Unix's \"either day\" reading: the day-of-week field alone)")],
        what: "A cron expression with five fields, as Unix crontab writes it. It is then judged as the six-field expression that means the same (too frequent, never fires), when there is one. Unix numbers the days of the week 0-7 (0 and 7 are Sunday), EventBridge 1-7 (1 is Sunday): a range through Sunday is suggested in ascending pieces with the same days (`5-7` as `6-7,1`, `6-7` as `7,1`), and a range that runs backwards, which Unix cron (cronie, Vixie cron) refuses, gets no suggestion: `6-0`, also with a step (`6-0/2`) or day names (`SAT-SUN`, `5-SUN`: cronie reads `SUN` as 0). Each day is written once (`6-7,0` as `7,1`). What no reading takes is an error beside this warning: a field invalid both in Unix cron and in EventBridge (minute `99`, hour `25`, weekday `8`, `1#9`: `schedule/invalid-expression`, the day-of-week field quoted as written) and a minutes field that selects more than one minute, whatever the day fields (`schedule/too-frequent`, its suggestion in five fields when the day fields have no six-field equivalent).",
        why: "The two AWS documents disagree and no recorded service answer settles it: EventBridge documents six fields (the sixth is the year), while DataSync's API reference (TaskSchedule, ScheduleExpression) gives `cron(0 8 * * 3#1)` as its example of \"8 AM on the first Wednesday of every month\", five fields with Unix weekday numbers (in EventBridge 1 is Sunday, so its `3#1` is the first Tuesday). Where the service's behaviour is not documented we warn; the six-field form is accepted for sure.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Schedule": {"ScheduleExpression": "cron(0 8 * * 3#1)"}}"#),
        fix: "Use the expression in `params.suggestion` (here: `cron(0 8 ? * 4#1 *)`, the first Wednesday at 08:00 UTC).",
        autofix: "`replace` with the six-field expression that means the same (not when Unix's \"either day\" reading has no equivalent)",
        source: "EventBridge User Guide, cron expressions (six required fields): https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html#eb-cron-expressions; DataSync API reference, TaskSchedule (the five-field example): https://docs.aws.amazon.com/datasync/latest/userguide/API_TaskSchedule.html",
    }
    /// A schedule that would run more often than once an hour (DataSync's minimum).
    ScheduleTooFrequent = "schedule/too-frequent", Error {
        params: &[param("suggestion", "string", "an expression that runs at most hourly")],
        what: "A rate below one hour, or a cron expression whose minutes field selects more than one minute of the hour.",
        why: "A DataSync task cannot be scheduled to run more often than once an hour.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Schedule": {"ScheduleExpression": "rate(30 minutes)"}}"#),
        fix: "Run at most hourly (`rate(1 hour)`, or one minute value in cron).",
        autofix: "",
        source: "DataSync User Guide, Scheduling your task (\"You can't schedule a task to run at an interval faster than 1 hour\"): https://docs.aws.amazon.com/datasync/latest/userguide/task-scheduling.html",
    }
    /// A schedule spelled unlike EventBridge's documentation (`CRON(`, `rate(2 Hours)`, spaces around or inside, whitespace alone); `params.suggestion` is the documented form.
    ScheduleNonstandardSpelling = "schedule/nonstandard-spelling", Warning {
        params: &[param("suggestion", "string", "the documented spelling")],
        what: "An expression whose meaning is clear but whose spelling the documentation never shows: upper-case keywords or units, a space before the parenthesis (`Rate (1 day)`, no more documented than one after it), spaces around the expression or more than one between the words inside it, stray commas in a cron list, and an expression of whitespace alone (`\"\"` is no schedule). An expression that is invalid anyway gets only its error.",
        why: "Whether the service accepts these spellings is not documented; the documented form is accepted for sure.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Schedule": {"ScheduleExpression": "rate(2 Hours)"}}"#),
        fix: "Use `params.suggestion` (the fix applies it).",
        autofix: "`replace` with the documented spelling (`CRON(` or `cron (` → `cron(`, `rate(2 Hours)` → `rate(2 hours)`, spaces trimmed or made single, stray commas in cron lists removed, whitespace alone → `\"\"`)",
        source: "EventBridge User Guide, schedule expressions (the documented forms): https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html; the project's policy: a warning where the service's behaviour is unknown",
    }
    /// A rate unit not in the number EventBridge requires for its value (`rate(1 days)`, `rate(5 hour)`); `params.suggestion` is the documented form.
    ScheduleRateUnitSingularPlural = "schedule/rate-unit-singular-plural", Warning {
        params: &[param("suggestion", "string", "the expression with the unit in the number EventBridge requires")],
        what: "A rate expression whose unit is plural for a value of 1 (`rate(1 days)`) or singular for a larger value (`rate(5 hour)`). The rate is read as it plainly means (every day, every 5 hours), and the other schedule checks apply to it.",
        why: "EventBridge rules require the singular unit exactly when the value is 1 and reject the other number. DataSync refers to EventBridge's syntax but does not document rejecting it, and an AWS-maintained Terraform module schedules its example tasks `rate(1 days)` (aws-ia/terraform-aws-datasync, whose functional tests apply the examples): DataSync's behaviour is unknown, so this is a warning.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Schedule": {"ScheduleExpression": "rate(1 days)"}}"#),
        fix: "Use `params.suggestion` (here: `rate(1 day)`; the fix applies it).",
        autofix: "`replace` with the unit in the number EventBridge requires (`rate(1 days)` → `rate(1 day)`, `rate(5 hour)` → `rate(5 hours)`)",
        source: "EventBridge User Guide, rate expressions (\"If the value is equal to 1, then the unit must be singular\"): https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rate-expressions.html; DataSync API reference, TaskSchedule (rate expressions, EventBridge syntax): https://docs.aws.amazon.com/datasync/latest/userguide/API_TaskSchedule.html; the project's policy: a warning where the service's behaviour is unknown",
    }
    /// A schedule that matches no future time (30 February, only past years).
    ScheduleNeverFires = "schedule/never-fires", Warning {
        params: &[
            optional("now", "string", "the time the search started from, ISO 8601 UTC"),
            optional("lastYear", "number", "the last year the expression allows"),
        ],
        what: "A valid cron expression that matches no future time: 30 February, or only years already past.",
        why: "The service accepts it, but the task never runs on its schedule.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Schedule": {"ScheduleExpression": "cron(0 12 30 FEB ? *)"}}"#),
        fix: "Choose a day that exists, or a year still to come.",
        autofix: "",
        source: "EventBridge User Guide, cron expressions (fields and ranges): https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html#eb-cron-expressions",
    }
    /// An empty pattern in a filter value (`a||b`, a leading or trailing `|`).
    FilterEmptyPattern = "filter/empty-pattern", Warning {
        params: &[],
        what: "A filter Value with an empty pattern: two `|` in a row, or one at the start or end.",
        why: "Patterns are separated by `|`, so an extra one makes an empty pattern, most likely a slip (a list joined with one `|` too many). The documentation does not say whether the service rejects it, skips it or matches nothing with it (FilterRule's Value only has to be 1 to 102,400 characters without NUL), and no recorded service answer settles it, so this is a warning (the project's policy).",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Excludes": [{"FilterType": "SIMPLE_PATTERN", "Value": "*.tmp|"}]}"#),
        fix: "Remove the extra `|`.",
        autofix: "",
        source: "DataSync User Guide, Filtering data transferred by DataSync: https://docs.aws.amazon.com/datasync/latest/userguide/filtering.html; DataSync API reference, FilterRule: https://docs.aws.amazon.com/datasync/latest/userguide/API_FilterRule.html; the project's policy: a warning where the service's behaviour is unknown",
    }
    /// An include pattern with `*` anywhere but at its end.
    FilterIncludeWildcard = "filter/include-wildcard-not-last", Error {
        params: &[
            param("pattern", "string", "the first such pattern"),
            param("count", "number", "how many patterns of the value have the problem"),
        ],
        what: "An include pattern with `*` before its last character (`*.txt`, `/a*b`). Exclude patterns may have `*` anywhere.",
        why: "Include filters support `*` only as the last character of a pattern.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Includes": [{"FilterType": "SIMPLE_PATTERN", "Value": "*.txt"}]}"#),
        fix: "Include folders or prefixes (`/reports*`) and exclude what you do not want.",
        autofix: "",
        source: "DataSync User Guide, Filtering data transferred by DataSync (include filters: wildcard only as the last character): https://docs.aws.amazon.com/datasync/latest/userguide/filtering.html",
    }
    /// An include pattern ending in a run of `*` (`/logs/**`), where one `*` means the same; `params.suggestion` has one.
    FilterIncludeTrailingWildcards = "filter/include-trailing-wildcards", Warning {
        params: &[
            param("pattern", "string", "the first such pattern"),
            param("suggestion", "string", "the Value with each run cut to one `*`"),
            param("count", "number", "how many patterns of the value have the problem"),
        ],
        what: "An include pattern ending in two or more `*`.",
        why: "Only one trailing `*` is documented; a run means the same at best, and is not clearly covered by the rule above.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Includes": [{"FilterType": "SIMPLE_PATTERN", "Value": "/logs/**"}]}"#),
        fix: "Use `params.suggestion` (the fix applies it).",
        autofix: "`replace` the Value with each run of trailing `*` cut to one (`/logs/**` → `/logs/*`)",
        source: "DataSync User Guide, Filtering data transferred by DataSync: https://docs.aws.amazon.com/datasync/latest/userguide/filtering.html; the project's policy: a warning where the service's behaviour is unknown",
    }
    /// An include pattern that does not start with `/`.
    FilterIncludeWithoutSlash = "filter/include-without-slash", Warning {
        params: &[
            param("pattern", "string", "the first such pattern"),
            param("count", "number", "how many patterns of the value have the problem"),
        ],
        what: "An include pattern that does not begin with `/`. A pattern of `*` alone is left alone: `*` matches across `/`, so it already means everything.",
        why: "Patterns name paths from the root of the source location and start with `/`; `photos` matches nothing a person means by it.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Includes": [{"FilterType": "SIMPLE_PATTERN", "Value": "photos"}]}"#),
        fix: "Start the pattern with `/` (`/photos`).",
        autofix: "",
        source: "DataSync User Guide, Filtering data transferred by DataSync (examples all start with `/`): https://docs.aws.amazon.com/datasync/latest/userguide/filtering.html",
    }
    /// A filter pattern that starts or ends with whitespace (the line break that ends a YAML `|` block or a heredoc, `/a | /b`); the fix trims it.
    FilterPatternWhitespace = "filter/pattern-whitespace", Warning {
        params: &[
            param("pattern", "string", "the first such pattern"),
            param("count", "number", "how many patterns of the value have the problem"),
        ],
        what: "A pattern in an Includes or Excludes Value that starts or ends with ASCII whitespace (space, tab, line feed, form feed, carriage return): `\"/photos|/docs\\n\"`, as a YAML literal block (`Value: |`) or a Terraform heredoc sends it, or `/a | /b`. Whitespace inside a pattern (`/my docs`) is part of a name and left alone.",
        why: "The service takes the Value as it is sent: the AWS CLI and Terraform send the line break that ends a YAML `|` block or a heredoc, and nothing in the documentation says DataSync trims a pattern. Patterns are matched exactly as written (they are case sensitive, and the documented examples have no spaces around `|`), so `/docs\\n` is most likely not the folder `/docs`: the filter silently does not do what was meant.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Includes": [{"FilterType": "SIMPLE_PATTERN", "Value": "/photos|/docs\n"}]}"#),
        fix: "Trim the patterns (the fix does); in YAML, `|-` or a quoted string keeps the last line break out.",
        autofix: "`replace` the Value with each pattern trimmed and patterns of whitespace alone (or empty) left out (`/photos|/docs\\n` → `/photos|/docs`); none when nothing would be left",
        source: "DataSync User Guide, Filtering data transferred by DataSync (patterns delimited by `|`, case sensitive): https://docs.aws.amazon.com/datasync/latest/userguide/filtering.html; DataSync API reference, FilterRule (Value: any characters but NUL): https://docs.aws.amazon.com/datasync/latest/userguide/API_FilterRule.html; the project's policy: a warning where the service accepts the request but will not do what was meant",
    }
    /// A filter rule without a Value filters nothing.
    FilterMissingValue = "filter/missing-value", Warning {
        params: &[],
        what: "An Includes or Excludes rule without a Value.",
        why: "The model makes Value optional, but a rule without patterns filters nothing.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Excludes": [{"FilterType": "SIMPLE_PATTERN"}]}"#),
        fix: "Add the patterns as Value, or remove the rule.",
        autofix: "",
        source: "DataSync API reference, FilterRule: https://docs.aws.amazon.com/datasync/latest/userguide/API_FilterRule.html",
    }
    /// Include and exclude patterns together exceed the 102,400-character quota.
    FilterCombinedTooLong = "filter/combined-too-long", Warning {
        params: &[
            param("max", "number", "the quota, 102,400 characters"),
            param("length", "number", "the include and exclude values' length together"),
        ],
        what: "The include and exclude Values together are longer than 102,400 characters, though each is within its own limit.",
        why: "The quota counts both together (the console enforces it); whether the API does is not documented, hence a warning.",
        example: source("js", "validate({ SourceLocationArn: src, DestinationLocationArn: dst,\n  Includes: [{ FilterType: 'SIMPLE_PATTERN', Value: '/a'.repeat(30000) }],\n  Excludes: [{ FilterType: 'SIMPLE_PATTERN', Value: '/b'.repeat(30000) }] });"),
        fix: "Shorten the patterns (filter by folder rather than by file), or use a manifest.",
        autofix: "",
        source: "DataSync User Guide, quotas (characters in include and exclude filters): https://docs.aws.amazon.com/datasync/latest/userguide/datasync-limits.html",
    }
    /// Two tags with the same key.
    TagDuplicateKey = "tag/duplicate-key", Error {
        params: &[RELATED],
        what: "Two entries of Tags with the same Key.",
        why: "Each tag key of a resource must be unique.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Tags": [{"Key": "team", "Value": "a"}, {"Key": "team", "Value": "b"}]}"#),
        fix: "Keep one tag per key.",
        autofix: "",
        source: "Tagging AWS resources, tag naming limits and requirements (for each resource, each tag key must be unique and can have only one value): https://docs.aws.amazon.com/tag-editor/latest/userguide/best-practices-and-strats.html",
    }
    /// A tag key starting with the reserved `aws:` prefix (any case).
    TagReservedPrefix = "tag/reserved-prefix", Error {
        params: &[],
        what: "A tag Key that starts with `aws:` in any letter case.",
        why: "The `aws:` prefix is reserved for AWS; you cannot add or change such tags.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Tags": [{"Key": "aws:team", "Value": "a"}]}"#),
        fix: "Choose another key.",
        autofix: "",
        source: "Tagging AWS resources, tag naming limits and requirements (the `aws:` prefix is reserved for AWS use): https://docs.aws.amazon.com/tag-editor/latest/userguide/best-practices-and-strats.html",
    }
    /// The source and destination are the same location.
    SameLocation = "locations/same-location", Warning {
        params: &[RELATED],
        what: "SourceLocationArn and DestinationLocationArn are the same ARN.",
        why: "Copying a location onto itself is never what a person meant; usually one ARN was pasted twice.",
        example: request(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{src}"}"#),
        fix: "Set the destination's ARN.",
        autofix: "",
        source: "The project's policy: a warning for a request the service may accept but that cannot do what was meant.",
    }
    /// The request has more than 1,000 problems: the report keeps 1,000, errors first; `params.total` and `params.shown` say how many.
    ReportTruncated = "report/truncated", Warning {
        params: &[
            param("total", "number", "how many diagnostics there were"),
            param("shown", "number", "how many the report holds (1,000)"),
        ],
        what: "The request has more than 1,000 problems; the report keeps 1,000, errors first, and ends with this warning.",
        why: "Bounded reports keep memory and output small whatever the input; `valid` still counts every error.",
        example: source("js", "validate({ SourceLocationArn: src, DestinationLocationArn: dst, Tags: Array(2000).fill(0) });"),
        fix: "Fix what is shown and validate again.",
        autofix: "",
        source: "The project's limit (REPORT_LIMIT in src/diagnostic.rs).",
    }
    /// Both locations are object storage and Uid, Gid or PosixPermissions is not NONE (needs both locations' types).
    PosixBetweenObjectStores = "locations/posix-between-object-stores", Error {
        params: &[
            param("source", "string", "the source location's type"),
            param("destination", "string", "the destination location's type"),
            RELATED,
        ],
        what: "Both locations are object storage (S3, S3 on Outposts, object storage, Azure Blob) and Uid, Gid or PosixPermissions is set to anything but NONE. Needs both locations' types in `options.locations`. In UpdateTask and StartTaskExecution: between the described task's ends (`options.task`'s SourceLocationArn and DestinationLocationArn), for a value the request sets.",
        why: "Object storage has no POSIX metadata; the service rejects the task (\"PosixPermissions, Value: PRESERVE invalid for non-POSIX transfer. please use NONE\").",
        example: request_with(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Options": {"Uid": "INT_VALUE"}}"#, r#"{"locations": [{"LocationArn": "{src}", "type": "S3"}, {"LocationArn": "{dst}", "type": "S3"}]}"#),
        fix: "Set them to NONE or leave them out (the service then uses NONE).",
        autofix: "",
        source: "DataSync User Guide, how DataSync handles metadata (object storage keeps no POSIX metadata): https://docs.aws.amazon.com/datasync/latest/userguide/metadata-copied.html; the service's error message, recorded in christoferson/aws-cloudformation datasync/README.md",
    }
    /// TaskMode ENHANCED with S3 on Outposts at either end, the one kind of transfer Enhanced mode is not documented for (needs a type).
    EnhancedUnsupportedPair = "locations/enhanced-unsupported-pair", Warning {
        params: &[
            optional("source", "string", "the source location's type, when known"),
            optional("destination", "string", "the destination location's type, when known"),
            RELATED,
        ],
        what: "TaskMode ENHANCED with an S3 on Outposts location at either end. Needs a type in `options.locations`. Every other pair gets no finding, with or without agents: an agent's mode (Enhanced mode tasks need Enhanced mode agents) is in no description.",
        why: "The API reference (CreateTask TaskMode) leaves only S3 on Outposts out of Enhanced mode. The User Guide's Choosing a task mode page still lists a narrower set (S3 to S3, other clouds to S3 without an agent, NFS or SMB to S3), which this rule followed until session 35; the rule now follows the API reference, the newer text. A warning, because the model accepts ENHANCED for every pair and no answer of the service to such a request is recorded.",
        example: request_with(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "TaskMode": "ENHANCED"}"#, r#"{"locations": [{"LocationArn": "{src}", "type": "S3_OUTPOSTS"}, {"LocationArn": "{dst}", "type": "S3"}]}"#),
        fix: "Use TaskMode BASIC.",
        autofix: "",
        source: "DataSync API reference, CreateTask TaskMode (Enhanced mode \"is currently available for all transfers except those that use Amazon S3 on Outposts\"; botocore 1.44.8 and 1.44.18): https://docs.aws.amazon.com/datasync/latest/userguide/API_CreateTask.html#DataSync-CreateTask-request-TaskMode; User Guide, Choosing a task mode: https://docs.aws.amazon.com/datasync/latest/userguide/choosing-task-mode.html",
    }
    /// A location mounted with NFS 4.2 in a Basic mode task (needs MountOptions.Version).
    NfsVersionNeedsEnhanced = "locations/nfs-version-needs-enhanced", Error {
        params: &[
            param("location", "string", "the NFS location's ARN"),
            RELATED,
        ],
        what: "A location whose MountOptions.Version is NFS4_2 in a Basic mode task. Needs the location's description in `options.locations`. Only CreateTask: an update or a run cannot change the mode, so a task created that way has already been refused or accepted.",
        why: "NFS version 4.2 requires an Enhanced mode task.",
        example: request_with(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}"}"#, r#"{"locations": [{"LocationArn": "{src}", "type": "NFS", "MountOptions": {"Version": "NFS4_2"}}, {"LocationArn": "{dst}", "type": "S3"}]}"#),
        fix: "Set TaskMode ENHANCED, or mount the location with another NFS version.",
        autofix: "",
        source: "DataSync API reference, NfsMountOptions Version (\"Selecting NFS version 4.2 requires an Enhanced mode task\"): https://docs.aws.amazon.com/datasync/latest/userguide/API_NfsMountOptions.html",
    }
    /// PreserveDevices PRESERVE with Amazon EFS at either end (needs a type).
    EfsPreserveDevices = "locations/efs-preserve-devices", Error {
        params: &[RELATED],
        what: "PreserveDevices PRESERVE with an Amazon EFS location at either end. Needs a type in `options.locations`. In UpdateTask and StartTaskExecution: between the described task's ends (`options.task`'s SourceLocationArn and DestinationLocationArn), for a value the request sets.",
        why: "Preserving device files currently isn't supported for Amazon EFS.",
        example: request_with(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Options": {"PreserveDevices": "PRESERVE"}}"#, r#"{"locations": [{"LocationArn": "{src}", "type": "NFS"}, {"LocationArn": "{dst}", "type": "EFS"}]}"#),
        fix: "Set PreserveDevices NONE (the default).",
        autofix: "",
        source: "DataSync API reference, Options PreserveDevices (\"This option currently isn't supported for Amazon EFS\"): https://docs.aws.amazon.com/datasync/latest/userguide/API_Options.html#DataSync-Type-Options-PreserveDevices",
    }
    /// VerifyMode POINT_IN_TIME_CONSISTENT into S3 Glacier Flexible Retrieval or Deep Archive (needs the destination's S3StorageClass).
    ArchivePointInTime = "locations/archive-point-in-time", Error {
        params: &[
            param("storageClass", "string", "the destination's S3StorageClass"),
            RELATED,
        ],
        what: "VerifyMode POINT_IN_TIME_CONSISTENT with an S3 destination whose S3StorageClass is GLACIER or DEEP_ARCHIVE. Needs the destination's S3StorageClass in `options.locations`. In UpdateTask and StartTaskExecution: between the described task's ends (`options.task`'s SourceLocationArn and DestinationLocationArn), for a value the request sets.",
        why: "Verifying the whole destination would read archived objects; the API reference says you can't use this option with these storage classes.",
        example: request_with(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}", "Options": {"VerifyMode": "POINT_IN_TIME_CONSISTENT"}}"#, r#"{"locations": [{"LocationArn": "{src}", "type": "NFS"}, {"LocationArn": "{dst}", "type": "S3", "S3StorageClass": "GLACIER"}]}"#),
        fix: "Use ONLY_FILES_TRANSFERRED (recommended there) or NONE.",
        autofix: "",
        source: "DataSync API reference, Options VerifyMode (\"You can't use this option when transferring to S3 Glacier Flexible Retrieval or S3 Glacier Deep Archive storage classes\"): https://docs.aws.amazon.com/datasync/latest/userguide/API_Options.html#DataSync-Type-Options-VerifyMode",
    }
    /// VerifyMode omitted in Basic mode (default POINT_IN_TIME_CONSISTENT) into S3 Glacier Flexible Retrieval or Deep Archive.
    ArchiveDefaultVerifyMode = "locations/archive-default-verify-mode", Warning {
        params: &[
            param("storageClass", "string", "the destination's S3StorageClass"),
            RELATED,
        ],
        what: "The same destination as `locations/archive-point-in-time`, with VerifyMode omitted in a Basic mode task, whose default is POINT_IN_TIME_CONSISTENT.",
        why: "Whether the service rejects the request or only the verification fails is not documented, hence a warning. For the same reason `applyDefaults` leaves VerifyMode out for such a destination rather than fill in the default that cannot be used there. Only CreateTask: an update or a run that leaves VerifyMode out keeps the task's setting.",
        example: request_with(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}"}"#, r#"{"locations": [{"LocationArn": "{src}", "type": "NFS"}, {"LocationArn": "{dst}", "type": "S3", "S3StorageClass": "DEEP_ARCHIVE"}]}"#),
        fix: "Set VerifyMode ONLY_FILES_TRANSFERRED or NONE.",
        autofix: "",
        source: "DataSync API reference, Options VerifyMode: https://docs.aws.amazon.com/datasync/latest/userguide/API_Options.html#DataSync-Type-Options-VerifyMode",
    }
    /// An object storage or Azure Blob location described without agents (`AgentArns: []`) in a Basic mode task.
    AgentlessNeedsEnhanced = "locations/agentless-needs-enhanced", Warning {
        params: &[
            param("location", "string", "the location's ARN"),
            RELATED,
        ],
        what: "An object storage or Azure Blob location whose description lists no agents (`AgentArns: []`, an agentless location) in a Basic mode task (TaskMode BASIC or left out). Needs the location's description in `options.locations`; a description without AgentArns says nothing. Only where the other end is S3 or not described: without an agent, other clouds are documented only to and from S3, and transfers between EFS or FSx and other clouds need an agent in either mode (not checked), so Enhanced mode is no fix there. Only CreateTask: an update or a run cannot change the mode. `applyDefaults` still fills `TaskMode: BASIC` for such a request, because that is what the service does: the API reference gives BASIC as CreateTask's default whatever the locations; this warning is why you should not leave TaskMode out there.",
        why: "Only Enhanced mode reaches storage in other clouds without an agent; Basic mode needs one. A warning, because whether CreateTask refuses such a task or its runs fail is not documented.",
        example: request_with(r#"{"SourceLocationArn": "{src}", "DestinationLocationArn": "{dst}"}"#, r#"{"locations": [{"LocationArn": "{src}", "type": "AZURE_BLOB", "AgentArns": []}, {"LocationArn": "{dst}", "type": "S3"}]}"#),
        fix: "Set TaskMode ENHANCED (documented for Azure Blob or other clouds to and from S3), or create the location with an agent.",
        autofix: "",
        source: "DataSync User Guide, planning transfers to or from other clouds (only Basic mode tasks need an agent there): https://docs.aws.amazon.com/datasync/latest/userguide/third-party-cloud-transfer-considerations.html; Choosing a task mode: https://docs.aws.amazon.com/datasync/latest/userguide/choosing-task-mode.html; Do I need a DataSync agent? (transfers between EFS or FSx and other clouds need one): https://docs.aws.amazon.com/datasync/latest/userguide/do-i-need-datasync-agent.html",
    }
}
command {
    /// A member the AWS::DataSync::Task resource schema requires but the API does not is missing.
    "cloudformation/missing-property", Error {
        params: &[],
        what: "In a CloudFormation template, an `AWS::DataSync::Task` lacks a property its resource schema requires although the API does not: TaskReportConfig's Destination and OutputType, a tag's Value.",
        why: "CloudFormation validates properties against the resource schema and fails the stack operation.",
        example: source("yaml", "Resources:\n  Nightly:\n    Type: AWS::DataSync::Task\n    Properties:\n      SourceLocationArn: arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0\n      DestinationLocationArn: arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210\n      Tags:\n        - Key: team"),
        fix: "Add the property (here: the tag's Value).",
        autofix: "",
        source: "CloudFormation resource reference, AWS::DataSync::Task: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-datasync-task.html",
    }
    /// Fn::FindInMap names a mapping or key the template's Mappings do not have, and gives no DefaultValue.
    "cloudformation/missing-mapping-key", Error {
        params: &[
            param("mapping", "string", "the MapName"),
            param("topLevelKey", "string", "the TopLevelKey"),
            param("secondLevelKey", "string", "the SecondLevelKey"),
            param("absent", "string", "which is not there: `mapping`, `topLevelKey` or `secondLevelKey`"),
            param("has", "string[]", "the names there are at that level (at most 10)"),
        ],
        what: "A task property is `Fn::FindInMap [MapName, TopLevelKey, SecondLevelKey]` whose keys are known (literal strings, or the item of an `Fn::ForEach` loop given by `Ref` or `Fn::Sub`), but the template's Mappings have no such mapping or key, and there is no `DefaultValue` (the `AWS::LanguageExtensions` transform's fourth argument). Where the keys are found, the value is checked as if written there; with a `DefaultValue`, a key not found gives the DefaultValue. A key CloudFormation knows only at deploy time (`AWS::Region`, a parameter without a `Default`, a parameter of another type than `String`) leaves the value unknown (`cloudformation/not-checked`), and so does a key not found that a YAML 1.1 reader may spell otherwise in the mapping (`On`, `yes`, `0x10`: read as a boolean or a number there), a DefaultValue without the transform, and a DefaultValue for a mapping that is not there (the documentation speaks of keys only). A key `Ref P` of a `String` parameter with a `Default` is read with that Default when a string is found under it (`cloudformation/parameter-default`); a list found under it stays unknown.",
        why: "CloudFormation cannot resolve the function and fails the stack operation; cfn-lint reports the same templates (E1011).",
        example: source("yaml", "Mappings:\n  Modes:\n    Nightly: {Verify: NONE}\nResources:\n  Nightly:\n    Type: AWS::DataSync::Task\n    Properties:\n      SourceLocationArn: arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0\n      DestinationLocationArn: arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210\n      Options:\n        VerifyMode: !FindInMap [Modes, Hourly, Verify]"),
        fix: "Add the key to the mapping, correct the name, or give a `DefaultValue` (with `Transform: AWS::LanguageExtensions`).",
        autofix: "",
        source: "CloudFormation, Fn::FindInMap: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-findinmap.html; Fn::FindInMap enhancements: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-findinmap-enhancements.html",
    }
    /// A read-only attribute of AWS::DataSync::Task (TaskArn, Status, the network interface ARNs) is set in Properties.
    "cloudformation/read-only-property", Warning {
        params: &[],
        what: "A template sets a read-only attribute of `AWS::DataSync::Task` (TaskArn, Status, SourceNetworkInterfaceArns, DestinationNetworkInterfaceArns) in Properties.",
        why: "These are outputs CloudFormation reports (read them with Fn::GetAtt); setting them does nothing.",
        example: source("yaml", "Resources:\n  Nightly:\n    Type: AWS::DataSync::Task\n    Properties:\n      SourceLocationArn: arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0\n      DestinationLocationArn: arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210\n      Status: AVAILABLE"),
        fix: "Remove the property.",
        autofix: "",
        source: "CloudFormation resource reference, AWS::DataSync::Task return values: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-datasync-task.html",
    }
    /// A value CloudFormation resolves at deploy time (Ref, Fn::GetAtt, Fn::Sub, Fn::If, …) was not checked.
    "cloudformation/not-checked", Info {
        params: &[],
        what: "A property whose value is an intrinsic function (`Ref`, any `Fn::*`), a string with a dynamic reference (`{{resolve:ssm:…}}`, `secretsmanager`), or a `Ref` to a parameter whose Default is one, is known only at deploy time, so it is not checked; rules that depend on it do not fire. An `ssm-secure` reference is not checked either, but the note says that CloudFormation's documentation lists no `AWS::DataSync::Task` property among those that accept it, so the stack operation may fail. A `Ref` to a parameter whose Default the task's `Condition` rules out (under that Default the task is not created) is not checked with the Default either, and the note names the condition. `Fn::ForEach` loops (the `AWS::LanguageExtensions` transform) are expanded and each task they make is checked under its own logical ID; a loop whose collection is known only at deploy time (or that is beyond the command's bounds) is not, and one note on the loop names the tasks it makes and says why; such a loop inside a task's Properties makes the object it is in unknown. `Fn::FindInMap` whose keys are literal (or a loop's item) in a mapping of the template is read, not left unknown (see `cloudformation/missing-mapping-key`). A plain string in a loop that names its identifier, and a string with a Serverless Framework variable (`${opt:stage}`), are not checked either.",
        why: "Deploy-time values are never errors: the command tries placeholders and reports only what every try reports, and says what it could not check.",
        example: source("yaml", "      SourceLocationArn: !Ref SourceLocation"),
        fix: "Nothing to fix; check the deployed task, or give the value directly.",
        autofix: "",
        source: "CloudFormation, intrinsic function reference: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html",
    }
    /// A value from a template parameter was checked with the parameter's Default; a stack may pass another value.
    "cloudformation/parameter-default", Info {
        params: &[],
        what: "A finding depends on a template parameter's `Default`, which the command used; a stack may pass another value.",
        why: "The finding holds for the default only.",
        example: source("yaml", "Parameters:\n  Mode:\n    Type: String\n    Default: ENHANCED"),
        fix: "Nothing, unless stacks use the default.",
        autofix: "",
        source: "CloudFormation, Parameters section: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html",
    }
    /// An unquoted YAML 1.1 boolean (ON, OFF, yes, no, …) that CloudFormation sends as "true" or "false".
    "cloudformation/yaml-boolean", Info {
        params: &[],
        what: "An unquoted `ON`, `OFF`, `yes`, `no` (YAML 1.1 booleans) where a string is meant, such as `LogLevel: OFF`.",
        why: "CloudFormation reads YAML 1.1 and sends the string \"true\" or \"false\", which the API then rejects as not one of the enum values.",
        example: source("yaml", "      Options:\n        LogLevel: OFF"),
        fix: "Quote the value: `LogLevel: \"OFF\"`.",
        autofix: "",
        source: "YAML 1.1 boolean type: https://yaml.org/type/bool.html",
    }
    /// A CloudFormation template without AWS::DataSync::Task resources.
    "cloudformation/no-tasks", Info {
        params: &[],
        what: "A template has no `AWS::DataSync::Task` resource, so nothing in it was checked. (A template whose tasks an `Fn::ForEach` loop that cannot be expanded makes gets a `cloudformation/not-checked` note on the loop instead.)",
        why: "Tells a folder run which templates were skipped.",
        example: source("yaml", "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket"),
        fix: "Nothing, if the template is not meant to create tasks.",
        autofix: "",
        source: "The command's own note.",
    }
    /// An argument or block the AWS provider does not accept in aws_datasync_task, or a value set for a computed attribute.
    "terraform/unsupported-argument", Error {
        params: &[
            optional("argument", "string", "the argument named (for an argument)"),
            optional("block", "string", "the block type named (for a block)"),
            optional("suggestion", "string", "the nearest name the provider accepts"),
        ],
        what: "An `aws_datasync_task` has an argument or block the AWS provider does not define (with the nearest name, as Terraform reports it), or sets a computed attribute (`arn`, `id`, `tags_all`).",
        why: "`terraform plan` fails on it.",
        example: source("hcl", "resource \"aws_datasync_task\" \"nightly\" {\n  source_location_arn      = aws_datasync_location_nfs.source.arn\n  destination_location_arn = aws_datasync_location_s3.copy.arn\n  verify_mode              = \"NONE\"\n}"),
        fix: "Use the name Terraform suggests (here: `verify_mode` goes in an `options` block).",
        autofix: "",
        source: "Terraform AWS provider, aws_datasync_task: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/datasync_task",
    }
    /// A key an awscc_datasync_task's nested attribute does not have: Terraform drops it, nothing is sent for it.
    "terraform/ignored-attribute", Warning {
        params: &[
            param("argument", "string", "the key written"),
            optional("suggestion", "string", "the nearest attribute the object has"),
        ],
        what: "An object written for a nested attribute of an `awscc_datasync_task` (`options`, `schedule`, an `excludes` element, ...) has a key the attribute's object type does not have, such as `schedule = { schedule_expresion = \"rate(1 hour)\" }`. (An unknown argument of the resource itself is `terraform/unsupported-argument`.)",
        why: "Terraform converts the object to the attribute's type and drops keys the type lacks, without an error or a warning (`terraform plan` succeeds), so nothing is sent for the key and the setting it was meant to make is not made.",
        example: source("hcl", "  schedule = {\n    schedule_expresion = \"rate(1 hour)\"\n  }"),
        fix: "Use the attribute's name (the nearest one is in `params.suggestion`).",
        autofix: "",
        source: "Terraform, type conversion of object values: https://developer.hashicorp.com/terraform/language/expressions/type-constraints#conversion-of-complex-types",
    }
    /// More than one options, schedule, includes, excludes, task_report_config, s3_destination or report_overrides block.
    "terraform/too-many-blocks", Error {
        params: &[
            param("block", "string", "the block type"),
            param("max", "number", "how many such blocks are allowed (1)"),
        ],
        what: "A second `options`, `schedule`, `includes`, `excludes`, `task_report_config`, `s3_destination` or `report_overrides` block.",
        why: "The provider allows at most one of each; `terraform plan` fails.",
        example: source("hcl", "  options { verify_mode = \"NONE\" }\n  options { log_level = \"BASIC\" }"),
        fix: "Merge the blocks into one.",
        autofix: "",
        source: "Terraform AWS provider, aws_datasync_task: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/datasync_task",
    }
    /// A block the provider requires is missing (s3_destination in task_report_config, s3_config in a location).
    "terraform/missing-block", Error {
        params: &[
            param("block", "string", "the missing block type"),
            param("min", "number", "how many are required (1)"),
        ],
        what: "A `task_report_config` block without its required `s3_destination` block, or a location resource of the AWS provider without a block its schema requires (`s3_config` in `aws_datasync_location_s3`, `on_prem_config` in `aws_datasync_location_nfs`, `ec2_config`, `name_node`, `protocol`). A `dynamic` block whose `for_each` is known and empty makes none.",
        why: "The provider requires it; `terraform plan` fails (\"Insufficient s3_config blocks\"), even for a resource whose `count` is 0.",
        example: source("hcl", "  task_report_config {\n    output_type = \"STANDARD\"\n  }"),
        fix: "Add the `s3_destination` block.",
        autofix: "",
        source: "Terraform AWS provider, aws_datasync_task task_report_config: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/datasync_task",
    }
    /// An argument the provider requires is missing or null (a location resource's s3_bucket_arn, a task's source_location_arn).
    "terraform/missing-argument", Error {
        params: &[param("argument", "string", "the missing argument")],
        what: "An `aws_datasync_task` or a location resource of the AWS provider without an argument its schema marks Required, or with that argument set to `null`: a task's `source_location_arn` or `destination_location_arn`, a `schedule` block's `schedule_expression`, an `s3_destination` block's ARNs; `s3_bucket_arn`, `subdirectory` and `s3_config`'s `bucket_access_role_arn` of `aws_datasync_location_s3`, `server_hostname` of `aws_datasync_location_nfs`, and so on for each location type. Reported at the block that lacks it, or at the `null`.",
        why: "`terraform plan` fails with \"Missing required argument: The argument ... is required, but no definition was found.\" (a missing one even for a resource whose `count` is 0), so nothing is created. For a task this replaces the service's `request/missing-member`.",
        example: source("hcl", "resource \"aws_datasync_location_nfs\" \"share\" {\n  subdirectory = \"/exports\"\n  on_prem_config {\n    agent_arns = [aws_datasync_agent.office.arn]\n  }\n}"),
        fix: "Set the argument (here `server_hostname`).",
        autofix: "",
        source: "Terraform AWS provider 5.100.0 schema (`terraform providers schema -json`); Terraform, resource blocks: https://developer.hashicorp.com/terraform/language/resources/syntax",
    }
    /// A `for_each` Terraform rejects on an aws_datasync_task, on the module call it is in, or on one of its `dynamic` blocks.
    "terraform/invalid-for-each", Error {
        params: &[
            param("type", "string", "what the for_each is: tuple, list, null, string, number, bool, `set of number`, `set of bool` or `set with a null element`"),
        ],
        what: "The `for_each` of an `aws_datasync_task`, or of a `module` call (with a local source) whose module holds one, is known and is not a map or a set of strings: a list or tuple (even `[]`), `null`, a string, a number or a bool, or a set of numbers or bools (`toset([1, 2])`, a `set(number)` variable) or with a null element. Reported at the `for_each`, once for each task it stops. Also the `for_each` of a `dynamic` block in a task that is `null`, a string or a number (any collection is taken there).",
        why: "`terraform plan` stops with \"Invalid for_each argument\" (\"must be a map, or set of strings\"), \"Invalid for_each set argument\" (\"supports maps and sets of strings, but you have provided a set containing type number\"; \"sets must not contain null values\") or, for a dynamic block, \"Invalid dynamic for_each value\", so no task is created.",
        example: source("hcl", "module \"copy\" {\n  source   = \"./datasync\"\n  for_each = [\"logs\", \"images\"]\n  prefix   = each.key\n}"),
        fix: "Make a set of strings with `toset()` (`for_each = toset([\"logs\", \"images\"])`), or give a map.",
        autofix: "",
        source: "Terraform, the for_each meta-argument: https://developer.hashicorp.com/terraform/language/meta-arguments/for_each",
    }
    /// A `count` Terraform rejects on an aws_datasync_task or on the module call it is in: null, negative, not a whole number, or no number.
    "terraform/invalid-count", Error {
        params: &[],
        what: "The `count` of an `aws_datasync_task`, or of a `module` call (with a local source) whose module holds one, is known and is `null`, negative or not a whole number (`-1`, `1.5`; a numeric string such as `\"2\"` is converted, as Terraform converts it), or is no number at all: a string that does not write one (`\"x\"`, `\" 2\"`), a bool or a collection. Reported at the `count`, once for each task it stops.",
        why: "`terraform plan` stops with \"Invalid count argument\" (or, for a value that is no number, \"Incorrect value type: a number is required\"), so no task is created.",
        example: source("hcl", "module \"copy\" {\n  source = \"./datasync\"\n  count  = var.replicas - 1   # -1 when replicas is 0\n}"),
        fix: "Give a whole number of 0 or more (`max(var.replicas - 1, 0)`).",
        autofix: "",
        source: "Terraform, the count meta-argument: https://developer.hashicorp.com/terraform/language/meta-arguments/count",
    }
    /// A location resource a task references sets an argument to a value the AWS provider refuses.
    "terraform/invalid-location-value", Error {
        params: &[
            param("resource", "string", "the location resource's address"),
            param("argument", "string", "the argument, e.g. mount_options.version"),
            param("value", "string", "the value written"),
        ],
        what: "The location resource at one end of an `aws_datasync_task` sets an argument to a value that the AWS provider (5.100.0) refuses: a `mount_options.version` other than `AUTOMATIC`, `NFS3`, `NFS4_0` and `NFS4_1` in `aws_datasync_location_nfs` or in the `protocol` block of `aws_datasync_location_fsx_openzfs_file_system`, such as `\"NFS4_2\"` (which the service accepts in an Enhanced mode task); or an `agent_arns` list with a `null` element (`[null]`, `[var.agent_arn]` with the variable null) in any location resource that takes agents. Likewise an `awscc_datasync_location_*` resource with a version outside the awscc provider's list (NFS, SMB, FSx for OpenZFS and ONTAP), or with a nested attribute written as a block (`mount_options { … }`), which Terraform refuses in an awscc resource. Reported at the task's location argument; the location is then checked without that argument.",
        why: "`terraform plan` stops at the location (\"expected version to be one of [...]\"; for a null agent ARN, \"Null value found in list\"), so neither the location nor the task is created, whatever the task's mode.",
        example: source("hcl", "resource \"aws_datasync_location_nfs\" \"source\" {\n  server_hostname = \"nfs.example.com\"\n  subdirectory    = \"/exports\"\n  on_prem_config { agent_arns = [var.agent_arn] }\n  mount_options { version = \"NFS4_2\" }\n}"),
        fix: "Use a version the provider accepts: `NFS4_1`, `NFS4_0`, `NFS3` or `AUTOMATIC`. (Setting the task's `task_mode` to `ENHANCED`, the service's condition for NFS 4.2, does not make the provider accept it.)",
        autofix: "",
        source: "Terraform AWS provider 5.100.0, aws_datasync_location_nfs mount_options: https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/datasync_location_nfs",
    }
    /// A resource type named like a DataSync one (aws_datasync_*, awscc_datasync_*) that its provider does not have.
    "terraform/invalid-resource-type", Error {
        params: &[
            param("type", "string", "the resource type written"),
            optional("suggestion", "string", "the provider's DataSync resource type Terraform suggests (a near spelling)"),
            optional("dataSource", "string", "the type, when the provider has it as a data source only (awscc's `awscc_datasync_tasks`, `awscc_datasync_location_s3s`, ...): declare it with a `data` block"),
        ],
        what: "A `resource` block whose type starts with `aws_datasync_` or `awscc_datasync_` but is not one of that provider's DataSync resource types (the AWS provider 5.100.0 has `aws_datasync_agent`, `aws_datasync_task` and twelve `aws_datasync_location_*` types), such as `aws_datasync_task_report` or `aws_datasync_locaton_s3`. Reported at the block, with the type Terraform suggests for a near spelling, or, for a type the provider has as a data source only (the awscc provider's list data sources, `awscc_datasync_tasks`, `awscc_datasync_location_s3s`; the AWS provider has no DataSync data sources), Terraform's \"Did you intend to use the data source ...?\"; a task's report, schedule, options or filters are blocks (awscc: arguments) of the task, not resources. Other providers' resource types are never judged.",
        why: "`terraform plan` (and `terraform validate`) stops with \"Invalid resource type: The provider hashicorp/aws does not support resource type ...\", even with `count = 0`, so nothing in the configuration is created, and what the block was meant to do never happens.",
        example: source("hcl", "resource \"aws_datasync_task_report\" \"nightly\" {\n  task_arn = aws_datasync_task.nightly.arn\n  report_level = \"ERRORS_ONLY\"\n}"),
        fix: "Use the type Terraform suggests, or move the settings into the task (here: a `task_report_config` block in `aws_datasync_task`).",
        autofix: "",
        source: "Terraform AWS provider 5.100.0, DataSync resources: https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/datasync_task",
    }
    /// A value Terraform knows only at plan or apply time was not checked.
    "terraform/not-checked", Info {
        params: &[],
        what: "A value from a reference, a function, a variable without a value, `count`/`for_each`, a dynamic block or \"(known after apply)\" in a plan is not checked; rules that depend on it do not fire.",
        why: "Such values are never errors; the note says what was not checked.",
        example: source("hcl", "  source_location_arn = var.source_arn"),
        fix: "Nothing to fix; give variables values (terraform.tfvars) to have them checked.",
        autofix: "",
        source: "Terraform, expressions and values: https://developer.hashicorp.com/terraform/language/expressions",
    }
    /// A `terraform show -json` plan or state without aws_datasync_task resources to create or keep.
    "terraform/no-tasks", Info {
        params: &[],
        what: "A plan or state read as JSON (`terraform show -json`) has no `aws_datasync_task` to create, update or keep.",
        why: "Tells a run which files were skipped.",
        example: source("sh", "terraform show -json plan.out > plan.json   # a plan without DataSync tasks"),
        fix: "Nothing, if the plan is not meant to change tasks.",
        autofix: "",
        source: "The command's own note; Terraform JSON output format: https://developer.hashicorp.com/terraform/internals/json-format",
    }
    /// A request file checked as an UpdateTask or StartTaskExecution request, chosen from its members or by --operation.
    "request/operation", Info {
        params: &[],
        what: "A request file was judged as an UpdateTask or StartTaskExecution request, and why: its members (`TaskArn`, `OverrideOptions`, ...) or `--operation`.",
        why: "The operation decides which members and rules apply.",
        example: source("json", "{ \"TaskArn\": \"arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0\", \"OverrideOptions\": { \"VerifyMode\": \"NONE\" } }"),
        fix: "Nothing; pass `--operation` to choose otherwise.",
        autofix: "",
        source: "The command's own note.",
    }
    /// A suppression in a template resource's Metadata or a Terraform comment that cannot be honoured: an unknown or retired code, or not a list of codes.
    "suppression/invalid", Warning {
        params: &[
            optional("metadata", "string", "the JSON Pointer of the bad entry in the resource's Metadata (templates)"),
            optional("line", "number", "the comment's line (Terraform)"),
        ],
        what: "A suppression (`Metadata: { datasync-task-validator: { ignore: [...] } }`, or a Terraform comment) names an unknown or retired code, or is not a list of codes.",
        why: "A suppression that cannot be honoured suppresses nothing; saying so keeps it from hiding a typo.",
        example: source("yaml", "    Metadata:\n      datasync-task-validator:\n        ignore: [logging/no-log-grup]"),
        fix: "Name a current code (see the table of codes).",
        autofix: "",
        source: "The command's own rule.",
    }
    /// An input file is not well-formed YAML (or names a key twice), so nothing in it was checked.
    "yaml/syntax-error", Error {
        params: &[],
        what: "A YAML file (a request or a template) cannot be parsed, or names a key twice.",
        why: "Nothing in it can be checked; CloudFormation rejects such a template too.",
        example: source("yaml", "SourceLocationArn: [unclosed"),
        fix: "Correct the YAML at the line and column given.",
        autofix: "",
        source: "YAML 1.2 specification: https://yaml.org/spec/1.2.2/",
    }
    /// An input file could not be read (missing, a folder, no permission) or checked, so nothing in it was checked.
    "input/unreadable", Error {
        params: &[],
        what: "A file named on the command line could not be read: missing, a folder where a file was expected, no permission.",
        why: "Nothing in it was checked, so the run cannot pass.",
        example: source("sh", "datasync-task-validator tasks/missing.json"),
        fix: "Check the path and permissions.",
        autofix: "",
        source: "The command's own rule.",
    }
}
retired {
    "value/empty-string" {
        since: "Unreleased",
        replaced_by: &["value/pattern-mismatch"],
        why: "An empty Name or tag Value was a warning; the service rejects it (the pattern needs a character), so it is value/pattern-mismatch, an error.",
    }
    "options/enhanced-bandwidth-limit" {
        since: "Unreleased",
        replaced_by: &[],
        why: "BytesPerSecond in Enhanced mode: the API model stopped saying that it does not apply (December 2025, when Enhanced mode gained agents).",
    }
}
}

// Serialize for native Rust users: the shapes of the JSON report
// (`Report::to_json_text`), field for field and in the same order.

impl Serialize for Severity {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// `{ code, severity, path, message, params?, fix? }`.
impl Serialize for Diagnostic {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Params<'a>(&'a [(&'static str, Value<'static>)]);
        impl Serialize for Params<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_map(self.0.iter().map(|(name, value)| (name, value)))
            }
        }
        let fields = 4 + usize::from(!self.params.is_empty()) + usize::from(!self.fix.is_empty());
        let mut out = serializer.serialize_struct("Diagnostic", fields)?;
        out.serialize_field("code", &self.code)?;
        out.serialize_field("severity", &self.severity)?;
        out.serialize_field("path", &self.path)?;
        out.serialize_field("message", &self.message)?;
        if self.params.is_empty() {
            out.skip_field("params")?;
        } else {
            out.serialize_field("params", &Params(&self.params))?;
        }
        if self.fix.is_empty() {
            out.skip_field("fix")?;
        } else {
            out.serialize_field("fix", &self.fix)?;
        }
        out.end()
    }
}

/// `{ op, path, value }` or `{ op: "move", from, path }`, as RFC 6902 writes them.
impl Serialize for PatchOp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("PatchOp", 3)?;
        match self {
            PatchOp::Add { path, value } | PatchOp::Replace { path, value } => {
                let op = if matches!(self, PatchOp::Add { .. }) {
                    "add"
                } else {
                    "replace"
                };
                out.serialize_field("op", op)?;
                out.serialize_field("path", path)?;
                out.serialize_field("value", value)?;
            }
            PatchOp::Move { from, path } => {
                out.serialize_field("op", "move")?;
                out.serialize_field("from", from)?;
                out.serialize_field("path", path)?;
            }
        }
        out.end()
    }
}

/// One RFC 6902 JSON Patch operation on the request, part of a [`Diagnostic`]'s fix.
#[derive(Clone, Debug, PartialEq)]
pub enum PatchOp {
    /// `{"op":"add","path","value"}`: sets a member its object lacks.
    Add {
        /// RFC 6901 pointer of the new member; its parent exists.
        path: String,
        /// The member's value.
        value: Value<'static>,
    },
    /// `{"op":"replace","path","value"}`: changes the value of a member that exists.
    Replace {
        /// RFC 6901 pointer of the member.
        path: String,
        /// The new value.
        value: Value<'static>,
    },
    /// `{"op":"move","from","path"}`: renames a member within its object.
    Move {
        /// RFC 6901 pointer of the member as it is named now.
        from: String,
        /// RFC 6901 pointer of the member under its right name (absent now).
        path: String,
    },
}

/// Text known when the crate is compiled: a pointer such as
/// `/Schedule/ScheduleExpression`, a sentence. [`Diagnostic::of`] keeps it
/// borrowed, and the WebAssembly build writes it into a report's record by
/// its address, which the JavaScript side decodes once and caches. Made only
/// by `fixed!(TEXT)`, whose `const` block takes nothing known only at run
/// time: never text of a request, which in the WebAssembly build lies in
/// buffers that the next call rewrites (borrowed for one call, never
/// `'static`: `INPUT` in src/wasm.rs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fixed(&'static str);

impl Fixed {
    /// For `fixed!` only, in its `const` block.
    #[doc(hidden)]
    pub const fn known_when_compiled(text: &'static str) -> Fixed {
        Fixed(text)
    }

    /// The text.
    pub const fn as_str(self) -> &'static str {
        self.0
    }

    /// The text cut in two at byte `at`, when that is a character boundary:
    /// both parts are text of the module too (None elsewhere, where std's
    /// `split_at` would panic).
    pub(crate) fn cut_at(self, at: usize) -> Option<(Fixed, Fixed)> {
        self.0
            .split_at_checked(at)
            .map(|(head, tail)| (Fixed(head), Fixed(tail)))
    }
}

/// [`Fixed`] text: `fixed!("/TaskMode")`, or a constant. Evaluated when the
/// crate is compiled (a `const` block), so it cannot be given a request's text.
macro_rules! fixed {
    ($text:expr) => {
        const { $crate::diagnostic::Fixed::known_when_compiled($text) }
    };
}
pub(crate) use fixed;

/// A path or message as [`Diagnostic::of`] takes it: [`Fixed`] text, kept
/// borrowed, or a `String`, kept as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wording(Cow<'static, str>);

impl From<Fixed> for Wording {
    fn from(text: Fixed) -> Self {
        Wording(Cow::Borrowed(text.0))
    }
}

impl From<String> for Wording {
    fn from(text: String) -> Self {
        Wording(Cow::Owned(text))
    }
}

/// One problem found in a request.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// The stable code.
    pub code: Code,
    /// The code's severity, copied here so readers need not look it up.
    pub severity: Severity,
    /// RFC 6901 JSON Pointer of the member to change (`""` is the whole
    /// request). Borrowed when it is known when the crate is compiled
    /// (`/Schedule/ScheduleExpression`), else owned.
    pub path: Cow<'static, str>,
    /// One finished sentence for a person; borrowed when it has nothing of
    /// the request in it, else owned.
    pub message: Cow<'static, str>,
    /// Machine-readable details (limits, allowed values, related members).
    pub params: Vec<(&'static str, Value<'static>)>,
    /// The one unambiguous fix, as JSON Patch operations to apply in order;
    /// empty when there is none (the report then writes no `fix`).
    pub fix: Vec<PatchOp>,
}

impl Diagnostic {
    /// A diagnostic with no params; the severity comes from the code. The
    /// path and message are copied unless given as a `String`
    /// ([`Diagnostic::of`] keeps text known when the crate is compiled
    /// without a copy).
    pub fn new(code: Code, path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic::of_text(code, Cow::Owned(path.into()), Cow::Owned(message.into()))
    }

    /// [`Diagnostic::new`] for a path or message that may be [`Fixed`] text
    /// (a pointer or a sentence known when the crate is compiled, written
    /// `fixed!("/TaskMode")`), kept borrowed: no allocation, no copy, and in
    /// the WebAssembly build no copy into the report's record either. A
    /// `String` is kept as it is. No other `&str`: text borrowed from the
    /// request is copied (by [`Diagnostic::new`]).
    ///
    /// ```
    /// use datasync_task_validator::{Code, Diagnostic};
    /// let key = "aws:x";
    /// let diagnostic = Diagnostic::of(
    ///     Code::TagReservedPrefix,
    ///     String::from("/Tags/0/Key"),
    ///     format!("Tag key \"{key}\" starts with \"aws:\"."),
    /// );
    /// assert_eq!(diagnostic.path, "/Tags/0/Key");
    /// ```
    ///
    /// A `&'static str` is not taken, whatever it points at:
    ///
    /// ```compile_fail
    /// use datasync_task_validator::{Code, Diagnostic};
    /// let path: &'static str = "/Tags/0/Key";
    /// Diagnostic::of(Code::TagReservedPrefix, path, String::new());
    /// ```
    pub fn of(code: Code, path: impl Into<Wording>, message: impl Into<Wording>) -> Self {
        Diagnostic::of_text(code, path.into().0, message.into().0)
    }

    /// [`Diagnostic::of`] once for every kind of path and message.
    fn of_text(code: Code, path: Cow<'static, str>, message: Cow<'static, str>) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            path,
            message,
            params: Vec::new(),
            fix: Vec::new(),
        }
    }

    /// Adds one operation to the diagnostic's fix.
    pub fn with_fix(mut self, operation: PatchOp) -> Self {
        self.fix.push(operation);
        self
    }

    /// Fixes the diagnostic by setting the string member at its path to `value`.
    pub fn with_replacement(self, value: impl Into<String>) -> Self {
        let path = self.path.clone().into_owned();
        self.with_fix(PatchOp::Replace {
            path,
            value: Value::from(value.into()),
        })
    }

    /// Adds one machine-readable parameter.
    pub fn with(mut self, name: &'static str, value: impl Into<Value<'static>>) -> Self {
        self.param(name, value.into());
        self
    }

    /// [`Diagnostic::with`], once for every type of value. The first
    /// parameter makes room for three, as many as a diagnostic has: one
    /// allocation of the size it needs, rather than the vector's growth
    /// from nothing, which costs more.
    #[inline(never)]
    fn param(&mut self, name: &'static str, value: Value<'static>) {
        if self.params.capacity() == 0 {
            self.params = Vec::with_capacity(3);
        }
        self.params.push((name, value));
    }

    /// Adds the `related` pointers, unless there are none: strings (a
    /// `&'static str` costs no copy) or string [`Value`]s.
    pub fn with_related<T: Into<Value<'static>>>(self, related: Vec<T>) -> Self {
        if related.is_empty() {
            self
        } else {
            self.with("related", related)
        }
    }

    /// The order reports use: by path, then code, then message. The
    /// collector sorts by the same order through `report_order_of`, which
    /// compares the texts faster; its tests hold the two alike.
    pub fn sort_key(&self) -> (&str, &'static str, &str) {
        (&self.path, self.code.as_str(), &self.message)
    }
}

/// `error` or `warning`, as [`Severity::as_str`] writes it.
impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The code string, such as `schedule/invalid-expression` ([`Code::as_str`]).
impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One line, as the command line's text output writes a problem after the
/// file position: `severity  code  message  [path]`, two spaces apart, the
/// `[path]` left out for the whole request (path `""`). Control characters
/// and bidirectional overrides in the message and path are written as
/// `\xHH` and `\u{HHHH}` (as the command does), so a diagnostic is always
/// exactly one line and a member name cannot forge or hide output.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}  {}  {}",
            self.severity,
            self.code,
            OneLine(&self.message)
        )?;
        if !self.path.is_empty() {
            write!(f, "  [{}]", OneLine(&self.path))?;
        }
        Ok(())
    }
}

/// A diagnostic is an error value in its own right: `?` can return one.
impl std::error::Error for Diagnostic {
    /// `None`: a diagnostic is a finding about the request, not the result of
    /// a lower-level failure, so it has no underlying cause.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        None
    }
}

/// Text written on one line, with what a terminal would act on escaped.
pub(crate) struct OneLine<'a>(pub(crate) &'a str);

impl fmt::Display for OneLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some((at, ch)) = rest.char_indices().find(|&(_, ch)| needs_escape(ch)) {
            f.write_str(&rest[..at])?;
            if u32::from(ch) < 0x100 {
                write!(f, "\\x{:02x}", u32::from(ch))?;
            } else {
                write!(f, "\\u{{{:x}}}", u32::from(ch))?;
            }
            rest = &rest[at + ch.len_utf8()..];
        }
        f.write_str(rest)
    }
}

/// C0 and C1 controls (line breaks and tabs included), DEL, and the
/// bidirectional embeddings, overrides and isolates.
fn needs_escape(ch: char) -> bool {
    ch.is_control() || matches!(ch, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The most diagnostics a report holds. Past that, the report keeps this many
/// (errors first, so a cut never hides the only error and `valid` stays
/// true to the whole request) and adds one `report/truncated` diagnostic.
pub const REPORT_LIMIT: usize = 1_000;

/// How many diagnostics [`Collector`] holds before it cuts back to
/// [`REPORT_LIMIT`]: memory stays bounded whatever the request, and each cut
/// costs a sort of a few thousand diagnostics.
const COLLECT_LIMIT: usize = 4 * REPORT_LIMIT;

/// Where the rules put what they find. It keeps the diagnostics a report will
/// show, and only counts the rest, so a request with millions of problems
/// (`"Tags": [0, 0, …]`) needs no more memory than one with a thousand.
#[derive(Debug, Default)]
pub struct Collector {
    kept: Vec<Diagnostic>,
    /// Distinct diagnostics found but cut.
    dropped: usize,
    /// After a cut, the last diagnostic kept: one that ranks after it can
    /// never be shown, so it is only counted.
    cutoff: Option<Diagnostic>,
    /// Pointers where a `value/pattern-mismatch` is only the symptom of a
    /// lone surrogate, which is reported instead.
    suppressed: SurrogatePaths,
}

/// Pointers of strings with a lone surrogate. Searched once sorted, rather
/// than hashed, so that thousands cost O(n log n) without a hash table's
/// code in the `.wasm`.
pub type SurrogatePaths = Vec<crate::json::Text<'static>>;

/// The order in which diagnostics survive a cut: errors first, then report order.
fn rank(a: &Diagnostic, b: &Diagnostic) -> Ordering {
    a.severity
        .cmp(&b.severity)
        .then_with(|| report_order_of(a, b))
}

/// Report order: `a.sort_key().cmp(&b.sort_key())`, with each text compared
/// by [`text_order`].
fn report_order_of(a: &Diagnostic, b: &Diagnostic) -> Ordering {
    text_order(&a.path, &b.path)
        .then_with(|| code_order(a.code, b.code))
        .then_with(|| text_order(&a.message, &b.message))
}

/// The order of two codes' strings.
fn code_order(a: Code, b: Code) -> Ordering {
    if a == b {
        Ordering::Equal
    } else {
        text_order(a.as_str(), b.as_str())
    }
}

/// `a.cmp(b)`, eight bytes at a time: in wasm the `memcmp` behind `str`'s
/// order compares byte by byte, and the paths a report sorts share long
/// prefixes (`/Options/`). The eight bytes are read as a little-endian
/// number, which compares for equality as the bytes do; where two differ,
/// the lowest differing bit belongs to the first differing byte, and those
/// two bytes decide. (Read big-endian, the numbers would order as the bytes
/// do, but wasm has no byte swap: each read cost about 20 more operations.)
#[inline(never)]
fn text_order(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let word = |bytes: &[u8], at: usize| {
        bytes
            .get(at..at + 8)
            .and_then(|chunk| chunk.try_into().ok())
            .map(u64::from_le_bytes)
    };
    let mut at = 0;
    while let (Some(x), Some(y)) = (word(a, at), word(b, at)) {
        if x != y {
            let shift = (x ^ y).trailing_zeros() & !7;
            return ((x >> shift) as u8).cmp(&((y >> shift) as u8));
        }
        at += 8;
    }
    let (a, b) = (
        a.get(at..).unwrap_or_default(),
        b.get(at..).unwrap_or_default(),
    );
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

impl Collector {
    /// An empty collector.
    pub fn new() -> Self {
        Collector::default()
    }

    /// An empty collector that drops `value/pattern-mismatch` at `paths`.
    pub fn suppressing_pattern_mismatch_at(paths: SurrogatePaths) -> Self {
        Collector {
            suppressed: crate::sort::sorted_by(paths, &|a, b| a <= b),
            ..Collector::default()
        }
    }

    /// Adds one diagnostic.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        if diagnostic.code == Code::PatternMismatch
            && self
                .suppressed
                .binary_search_by(|path| (**path).cmp(diagnostic.path.as_ref()))
                .is_ok()
        {
            return;
        }
        if self
            .cutoff
            .as_ref()
            .is_some_and(|last| rank(&diagnostic, last) == Ordering::Greater)
        {
            self.dropped += 1;
            return;
        }
        if self.kept.capacity() == 0 {
            // Room for a usual report at once, not grown 4, then 8.
            self.kept.reserve(8);
        }
        self.kept.push(diagnostic);
        if self.kept.len() >= COLLECT_LIMIT {
            self.cut();
        }
    }

    /// Counts, without building it, a diagnostic with this code at `path` when
    /// the report can no longer show it (it ranks after the last one kept
    /// whatever its message), and says so; otherwise returns false and the
    /// caller builds and pushes it. Lets a rule skip costly work (messages,
    /// suggestions) for the thousands of problems a report will only count.
    pub fn counted_only(&mut self, code: Code, path: &str) -> bool {
        let Some(last) = &self.cutoff else {
            return false;
        };
        let beyond = code
            .severity()
            .cmp(&last.severity)
            .then_with(|| text_order(path, &last.path))
            .then_with(|| code_order(code, last.code))
            == Ordering::Greater;
        if beyond {
            self.dropped += 1;
        }
        beyond
    }

    /// Sorts by [`rank`], drops repeats, and keeps the first [`REPORT_LIMIT`].
    fn cut(&mut self) {
        // crate::sort's, not the standard library's: 7.6 KB less code.
        let kept = std::mem::take(&mut self.kept);
        self.kept = crate::sort::sorted_by(kept, &|a, b| rank(a, b) != Ordering::Greater);
        self.kept.dedup();
        if self.kept.len() > REPORT_LIMIT {
            self.dropped += self.kept.len() - REPORT_LIMIT;
            self.kept.truncate(REPORT_LIMIT);
            self.cutoff = self.kept.last().cloned();
        }
    }

    /// The diagnostics in report order (by path, then code, then message),
    /// at most [`REPORT_LIMIT`] of them, then `report/truncated` if any were cut.
    pub fn finish(mut self) -> Vec<Diagnostic> {
        // Nothing found, as for every clean request: nothing to sort.
        if self.kept.is_empty() && self.dropped == 0 {
            return Vec::new();
        }
        self.cut();
        let shown = self.kept.len();
        let mut report = report_order(self.kept);
        if self.dropped > 0 {
            let total = shown + self.dropped;
            let notice = Diagnostic::new(Code::ReportTruncated, "", truncated(total, shown))
                .with("total", total)
                .with("shown", shown);
            let at = report.partition_point(|d| report_order_of(d, &notice) != Ordering::Greater);
            report.insert(at, notice);
        }
        report
    }
}

/// Puts diagnostics in [`rank`] order (the errors, then the warnings, each
/// run in report order) into report order by merging the two runs. Equal sort
/// keys share a code, hence a severity, so they lie in one run and keep their
/// order, as a stable sort would keep it. A merge rather than a sort because it
/// is linear, and because it keeps the standard library's stable sort (about
/// 9 KB of code) out of the `.wasm`: this was its only use.
fn report_order(mut ranked: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let split = ranked.partition_point(|d| d.severity == Severity::Error);
    if split == 0 || split == ranked.len() {
        return ranked; // one run (or none), already in report order: no allocation
    }
    let warnings = ranked.split_off(split);
    let mut out = Vec::with_capacity(ranked.len() + warnings.len() + 1);
    let mut errors = ranked.into_iter().peekable();
    let mut warnings = warnings.into_iter().peekable();
    while let (Some(error), Some(warning)) = (errors.peek(), warnings.peek()) {
        let next = if report_order_of(error, warning) != Ordering::Greater {
            errors.next()
        } else {
            warnings.next()
        };
        out.extend(next);
    }
    out.extend(errors);
    out.extend(warnings);
    out
}

impl Extend<Diagnostic> for Collector {
    fn extend<I: IntoIterator<Item = Diagnostic>>(&mut self, diagnostics: I) {
        for diagnostic in diagnostics {
            self.push(diagnostic);
        }
    }
}

fn truncated(total: usize, shown: usize) -> String {
    format!(
        "The request has {total} problems; this report shows the first {shown}, errors first. Fix these and check again to see the rest."
    )
}

/// Longest stretch of a user's value quoted in a message, in characters.
const QUOTE_LIMIT: usize = 100;

/// Quotes a user value for a message: in double quotes, control characters
/// escaped, cut to `QUOTE_LIMIT` (100) characters with an ellipsis. Not
/// inlined, nor are `push_quoted` and `message`: they are called from many
/// places, and one copy keeps the `.wasm` small.
#[inline(never)]
pub fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len().min(QUOTE_LIMIT * 2) + 2);
    push_quoted(&mut out, value);
    out
}

/// Appends [`quote`]`(value)` to `out`, without a string of its own.
#[inline(never)]
fn push_quoted(out: &mut String, value: &str) {
    out.push('"');
    // Most values (a tag key, an enum value, an expression) are short and
    // printable ASCII with nothing to escape: copied at once, not character
    // by character. At most QUOTE_LIMIT bytes, so never cut.
    if value.len() <= QUOTE_LIMIT && needs_no_escape(value.as_bytes()) {
        out.push_str(value);
        out.push('"');
        return;
    }
    for (count, ch) in value.chars().enumerate() {
        if count == QUOTE_LIMIT {
            out.push('…');
            break;
        }
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Whether every byte is printable ASCII other than `"` and `\\` (what
/// [`quote`] copies as it is). A value of eight bytes or more is tested a
/// 64-bit word at a time (the last word overlapping the one before), in
/// which borrows and carries flag a byte below the space, above `~`, or
/// equal to `"` or `\\`; a shorter one byte by byte.
fn needs_no_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // The high bit of each byte that is zero (exact as a yes or no).
    let zero_bytes = |word: u64| word.wrapping_sub(ONES) & !word;
    let Some(last) = bytes.len().checked_sub(8) else {
        return bytes
            .iter()
            .all(|&byte| matches!(byte, b' '..=b'~') && byte != b'"' && byte != b'\\');
    };
    let mut at = 0;
    while at < last + 8 {
        let Some(word) = bytes
            .get(at.min(last)..at.min(last) + 8)
            .and_then(|chunk| chunk.try_into().ok())
            .map(u64::from_le_bytes)
        else {
            return false;
        };
        let below_space = word.wrapping_sub(ONES * 0x20) & !word;
        let above_tilde = word.wrapping_add(ONES) | word;
        let quote = zero_bytes(word ^ (ONES * u64::from(b'"')));
        let backslash = zero_bytes(word ^ (ONES * u64::from(b'\\')));
        if (below_space | above_tilde | quote | backslash) & (ONES * 0x80) != 0 {
            return false;
        }
        at += 8;
    }
    true
}

/// One piece of a [`message`].
#[derive(Clone, Copy)]
pub enum Piece<'a> {
    /// Written as it is.
    Plain(&'a str),
    /// A user's value, written as [`quote`] writes it.
    Quoted(&'a str),
}

/// The pieces one after another, usually in one allocation: a message
/// built on every report with a problem, without `format!`, whose machinery
/// (`core::fmt`) costs several times more, most of all in wasm.
#[inline(never)]
pub fn message(pieces: &[Piece<'_>]) -> String {
    // Room for most messages at once (a longer one grows); computing the
    // exact length cost 100 bytes gzip of `.wasm` for no measurable time.
    let mut out = String::with_capacity(160);
    push_message(&mut out, pieces);
    out
}

/// Appends [`message`]`(pieces)` to `out`, without a string of its own (a
/// phrase that other messages share, written into each of them).
#[inline(never)]
pub fn push_message(out: &mut String, pieces: &[Piece<'_>]) {
    for piece in pieces {
        match piece {
            Piece::Plain(text) => out.push_str(text),
            Piece::Quoted(value) => push_quoted(out, value),
        }
    }
}

/// A user's text for a message without quotes (a number literal, a member
/// name): escaped and cut like [`quote`], so a megabyte literal cannot make a
/// megabyte message.
pub fn excerpt(text: &str) -> String {
    let quoted = quote(text);
    quoted
        .strip_prefix('"')
        .and_then(|inner| inner.strip_suffix('"'))
        .unwrap_or(&quoted)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counting_only_what_cannot_be_shown_gives_the_same_report() {
        let diagnostic = |index: usize| {
            Diagnostic::new(
                Code::UnknownMember,
                format!("/Options/Unknown{index:05}"),
                format!("Unknown{index:05} is not a member"),
            )
        };
        // The reports of a collector given everything and of one asked first
        // whether each diagnostic can still be shown, and how often it said no.
        let collect = |order: Vec<usize>| {
            let mut built = Collector::new();
            let mut skipping = Collector::new();
            let mut skipped = 0;
            for index in order {
                built.push(diagnostic(index));
                let path = format!("/Options/Unknown{index:05}");
                if skipping.counted_only(Code::UnknownMember, &path) {
                    skipped += 1;
                } else {
                    skipping.push(diagnostic(index));
                }
            }
            (built.finish(), skipping.finish(), skipped)
        };

        // Pushed in reverse report order, nothing after the first cut can rank
        // after the cutoff: only the forward order lets the check skip.
        let (built, skipping, skipped) = collect((0..10_000).rev().collect());
        assert_eq!(skipped, 0);
        assert_eq!(built, skipping);

        let (built, report, skipped) = collect((0..10_000).collect());
        assert_eq!(skipped, 10_000 - COLLECT_LIMIT);
        assert_eq!(built, report);
        let truncated = report.iter().find(|d| d.code == Code::ReportTruncated);
        let total = truncated.and_then(|d| d.params.iter().find(|(name, _)| *name == "total"));
        assert_eq!(
            total.map(|(_, value)| value),
            Some(&Value::from(10_000_usize))
        );
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn code_strings_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for text in rules().iter().map(|rule| rule.code) {
            assert!(seen.insert(text), "duplicate code {text}");
            let (area, name) = text.split_once('/').expect("area/name");
            assert!(!area.is_empty() && !name.is_empty());
            assert!(text
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-' || c == '/'));
        }
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn retired_codes_are_never_reused() {
        let current: Vec<&str> = rules().iter().map(|rule| rule.code).collect();
        for retired in RETIRED {
            assert!(!retired.why.is_empty());
            assert!(
                !current.contains(&retired.code),
                "{} is retired and must not come back",
                retired.code
            );
            for replacement in retired.replaced_by {
                assert!(current.contains(replacement), "{replacement} is no code");
            }
        }
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn each_code_finds_its_own_rule() {
        for code in Code::ALL {
            assert_eq!(code.rule().code, code.as_str());
            assert_eq!(code.rule().severity.as_str(), code.severity().as_str());
        }
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn every_code_is_documented_once() {
        let all = rules();
        let mut seen = std::collections::HashSet::new();
        for rule in all {
            assert!(seen.insert(rule.code), "{} twice", rule.code);
            for text in [rule.summary(), rule.what, rule.why, rule.fix, rule.source] {
                assert!(!text.trim().is_empty(), "{}: an empty text", rule.code);
            }
            assert!(!rule.summary().contains('\n'), "{}: one line", rule.code);
        }
        assert_eq!(
            all.iter()
                .filter(|rule| rule.emitted_by == crate::registry::EmittedBy::Validator)
                .count(),
            Code::ALL.len()
        );
    }

    fn numbered(count: usize, code: Code) -> Vec<Diagnostic> {
        (0..count)
            .map(|i| Diagnostic::new(code, format!("/Tags/{i}"), "m"))
            .collect()
    }

    #[test]
    fn a_collector_keeps_every_diagnostic_up_to_the_limit_in_report_order() {
        let mut collector = Collector::new();
        collector.extend(
            numbered(REPORT_LIMIT, Code::TagDuplicateKey)
                .into_iter()
                .rev(),
        );
        collector.push(Diagnostic::new(Code::TagDuplicateKey, "/Tags/0", "m"));
        let kept = collector.finish();
        assert_eq!(
            kept.len(),
            REPORT_LIMIT,
            "repeats are dropped, nothing is cut"
        );
        assert!(kept.windows(2).all(|w| w[0].sort_key() < w[1].sort_key()));
        assert!(kept.iter().all(|d| d.code != Code::ReportTruncated));
    }

    #[test]
    fn a_report_interleaves_errors_and_warnings_by_path_then_code() {
        let mut collector = Collector::new();
        collector.push(Diagnostic::new(Code::JsonDuplicateMember, "/C", "w"));
        collector.push(Diagnostic::new(Code::WrongType, "/B", "e"));
        collector.push(Diagnostic::new(Code::JsonDuplicateMember, "/A", "w"));
        collector.push(Diagnostic::new(Code::WrongType, "/D", "e"));
        collector.push(Diagnostic::new(Code::WrongType, "/A", "e"));
        let kept = collector.finish();
        let order: Vec<(&str, Severity)> =
            kept.iter().map(|d| (d.path.as_ref(), d.severity)).collect();
        let (e, w) = (Severity::Error, Severity::Warning);
        // "json/duplicate-member" sorts before "value/wrong-type" at the same path.
        assert_eq!(
            order,
            [("/A", w), ("/A", e), ("/B", e), ("/C", w), ("/D", e)]
        );
    }

    /// What `finish` returned before it merged the two severity runs: the
    /// same cut, then a stable sort of everything by sort key.
    fn finish_by_sorting(mut collector: Collector) -> Vec<Diagnostic> {
        collector.cut();
        let shown = collector.kept.len();
        let mut report = collector.kept;
        if collector.dropped > 0 {
            let total = shown + collector.dropped;
            report.push(
                Diagnostic::new(Code::ReportTruncated, "", truncated(total, shown))
                    .with("total", total)
                    .with("shown", shown),
            );
        }
        report.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        report
    }

    #[test]
    fn merging_the_severity_runs_gives_the_order_sorting_gave() {
        // Errors and warnings at shared paths (some sorting before the
        // truncation notice's empty path), equal keys with other params,
        // repeats, and counts on both sides of the report and collect limits.
        let codes = [
            Code::WrongType,
            Code::JsonDuplicateMember,
            Code::PatternMismatch,
            Code::TagDuplicateKey,
        ];
        let mut state: u32 = 0x9e37_79b9;
        let mut next = |n: u32| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state % n
        };
        for count in [
            0,
            1,
            2,
            7,
            60,
            REPORT_LIMIT,
            REPORT_LIMIT + 1,
            2_500,
            COLLECT_LIMIT + 3,
            9_000,
        ] {
            let diagnostics: Vec<Diagnostic> = (0..count)
                .map(|_| {
                    let code = codes[next(codes.len() as u32) as usize];
                    let path = match next(4) {
                        0 => String::new(),
                        _ => format!("/M{}", next(40)),
                    };
                    Diagnostic::new(code, path, format!("m{}", next(3))).with("n", next(2) as usize)
                })
                .collect();
            let mut merged = Collector::new();
            merged.extend(diagnostics.clone());
            let mut sorted = Collector::new();
            sorted.extend(diagnostics);
            assert_eq!(
                merged.finish(),
                finish_by_sorting(sorted),
                "{count} diagnostics"
            );
        }
    }

    #[test]
    fn past_the_limit_errors_come_first_and_the_cut_is_reported() {
        let mut collector = Collector::new();
        // Warnings that sort before the only error ("/Tags/…" < "/Z").
        collector.extend(numbered(3 * COLLECT_LIMIT, Code::JsonDuplicateMember));
        collector.push(Diagnostic::new(Code::WrongType, "/Z", "the only error"));
        let kept = collector.finish();
        assert_eq!(kept.len(), REPORT_LIMIT + 1);
        assert!(kept.iter().any(|d| d.severity == Severity::Error));
        assert!(kept.windows(2).all(|w| w[0].sort_key() <= w[1].sort_key()));
        let truncated: Vec<&Diagnostic> = kept
            .iter()
            .filter(|d| d.code == Code::ReportTruncated)
            .collect();
        let [last] = truncated[..] else {
            panic!("one report/truncated: {truncated:?}")
        };
        assert_eq!(
            (last.code.as_str(), last.severity, last.path.as_ref()),
            ("report/truncated", Severity::Warning, "")
        );
        let total = 3 * COLLECT_LIMIT + 1;
        assert_eq!(
            last.params,
            [
                ("total", Value::from(total)),
                ("shown", Value::from(REPORT_LIMIT))
            ]
        );
        assert!(last
            .message
            .starts_with(&format!("The request has {total} problems")));
    }

    #[test]
    fn a_message_is_its_pieces_with_values_quoted_as_quote_does() {
        let long = "é".repeat(150);
        for value in ["aws:x", "", "a\"b\\c\n\u{7}", long.as_str()] {
            assert_eq!(
                message(&[
                    Piece::Plain("Key "),
                    Piece::Quoted(value),
                    Piece::Plain(".")
                ]),
                format!("Key {}.", quote(value))
            );
        }
        assert_eq!(message(&[]), "");
    }

    #[test]
    fn quote_copies_plain_values_at_once_as_it_quotes_them_character_by_character() {
        // The character loop, which the copy of short printable ASCII values skips.
        let by_characters = |value: &str| {
            let mut out = String::from('"');
            for (count, ch) in value.chars().enumerate() {
                if count == QUOTE_LIMIT {
                    out.push('…');
                    break;
                }
                match ch {
                    '"' | '\\' => {
                        out.push('\\');
                        out.push(ch);
                    }
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
                    c => out.push(c),
                }
            }
            out.push('"');
            out
        };
        let hundred = "x".repeat(QUOTE_LIMIT);
        let longer = "x".repeat(QUOTE_LIMIT + 1);
        for value in [
            "",
            " ",
            "~",
            "aws:x",
            "rate(5 minutes)",
            "a\"b",
            "a\\b",
            "\u{7f}",
            "\u{1f}",
            "\u{80}",
            "é",
            &hundred,
            &longer,
        ] {
            assert_eq!(quote(value), by_characters(value), "{value:?}");
        }
        assert_eq!(
            quote(&hundred),
            format!("\"{hundred}\""),
            "100 characters: not cut"
        );
    }

    #[test]
    fn values_tested_a_word_at_a_time_need_no_escape_as_their_bytes_say() {
        // Each byte value at each place of values of every length to 24, in
        // a run of plain bytes: the one byte decides.
        let plain_byte = |byte: u8| matches!(byte, b' '..=b'~') && byte != b'"' && byte != b'\\';
        for length in 1..=24 {
            for at in 0..length {
                for byte in 0..=u8::MAX {
                    let mut bytes = vec![b'a'; length];
                    bytes[at] = byte;
                    assert_eq!(needs_no_escape(&bytes), plain_byte(byte), "{bytes:?}");
                }
            }
        }
        assert!(needs_no_escape(b""));
        assert!(needs_no_escape(b"rate(5 minutes)"));
        assert!(!needs_no_escape("r\u{e9}sum\u{e9}".as_bytes()));
    }

    #[test]
    fn texts_compared_a_word_at_a_time_order_as_str_orders_them() {
        // Shared prefixes across the eight-byte words, every length to 40,
        // bytes below and above 0x80, and the empty text.
        let mut rng = fastrand::Rng::with_seed(7);
        let alphabet = ["/", "O", "a", "b", "~", "é", "\u{7f}", "😀"];
        let text = |rng: &mut fastrand::Rng, prefix: &str| {
            let mut out = prefix.to_owned();
            for _ in 0..rng.usize(..12) {
                out.push_str(alphabet[rng.usize(..alphabet.len())]);
            }
            out
        };
        for _ in 0..20_000 {
            let prefix = text(&mut rng, "");
            let (a, b) = (text(&mut rng, &prefix), text(&mut rng, &prefix));
            assert_eq!(text_order(&a, &b), a.cmp(&b), "{a:?} {b:?}");
            assert_eq!(text_order(&a, &a), Ordering::Equal);
            assert_eq!(text_order(&a, &prefix), a.cmp(&prefix), "{a:?} {prefix:?}");
        }
        for (a, b) in [
            ("", ""),
            ("", "a"),
            ("/Options/Mtime", "/Options/VerifyMode"),
        ] {
            assert_eq!(text_order(a, b), a.cmp(b));
            assert_eq!(text_order(b, a), b.cmp(a));
        }
    }

    #[test]
    fn quote_escapes_and_truncates() {
        assert_eq!(quote("a\"b\n"), "\"a\\\"b\\n\"");
        let long = "x".repeat(150);
        let quoted = quote(&long);
        assert_eq!(quoted.chars().count(), QUOTE_LIMIT + 3);
        assert!(quoted.ends_with("…\""));
        assert_eq!(excerpt("1.5"), "1.5");
        assert_eq!(
            excerpt(&"9".repeat(1 << 20)),
            format!("{}…", "9".repeat(QUOTE_LIMIT))
        );
    }
}
