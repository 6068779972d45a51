// Generated from src/diagnostic.rs by tests/generated.rs (UPDATE_GENERATED=1 cargo test --test generated); do not edit.
// Declarations of datasync-task-validator/codes.

/** Every code a report can hold: the validator's and the command line's own. */
export type Code =
  | 'json/syntax-error'
  | 'json/too-deep'
  | 'json/duplicate-member'
  | 'input/not-serializable'
  | 'request/not-an-object'
  | 'request/unknown-member'
  | 'request/missing-member'
  | 'value/wrong-type'
  | 'value/integer-out-of-range'
  | 'value/below-minimum'
  | 'value/not-in-enum'
  | 'value/too-short'
  | 'value/too-long'
  | 'value/pattern-mismatch'
  | 'value/invalid-unicode'
  | 'list/too-many-items'
  | 'options/atime-mtime-mismatch'
  | 'options/enhanced-mtime-none'
  | 'options/remove-with-transfer-all'
  | 'options/enhanced-point-in-time'
  | 'logging/log-group-unused'
  | 'logging/no-log-group'
  | 'logging/enhanced-log-group-name'
  | 'logging/enhanced-log-group-ignored'
  | 'manifest/missing-source'
  | 'manifest/with-filters'
  | 'manifest/remove-deletes-nothing'
  | 'report/summary-ignores-levels'
  | 'report/deleted-without-remove'
  | 'schedule/invalid-expression'
  | 'schedule/five-field-cron'
  | 'schedule/too-frequent'
  | 'schedule/nonstandard-spelling'
  | 'schedule/rate-unit-singular-plural'
  | 'schedule/never-fires'
  | 'filter/empty-pattern'
  | 'filter/include-wildcard-not-last'
  | 'filter/include-trailing-wildcards'
  | 'filter/include-without-slash'
  | 'filter/pattern-whitespace'
  | 'filter/missing-value'
  | 'filter/combined-too-long'
  | 'tag/duplicate-key'
  | 'tag/reserved-prefix'
  | 'locations/same-location'
  | 'report/truncated'
  | 'locations/posix-between-object-stores'
  | 'locations/enhanced-unsupported-pair'
  | 'locations/nfs-version-needs-enhanced'
  | 'locations/efs-preserve-devices'
  | 'locations/archive-point-in-time'
  | 'locations/archive-default-verify-mode'
  | 'locations/agentless-needs-enhanced'
  | 'cloudformation/missing-property'
  | 'cloudformation/missing-mapping-key'
  | 'cloudformation/read-only-property'
  | 'cloudformation/not-checked'
  | 'cloudformation/parameter-default'
  | 'cloudformation/yaml-boolean'
  | 'cloudformation/no-tasks'
  | 'terraform/unsupported-argument'
  | 'terraform/ignored-attribute'
  | 'terraform/too-many-blocks'
  | 'terraform/missing-block'
  | 'terraform/missing-argument'
  | 'terraform/invalid-for-each'
  | 'terraform/invalid-count'
  | 'terraform/invalid-location-value'
  | 'terraform/invalid-resource-type'
  | 'terraform/not-checked'
  | 'terraform/no-tasks'
  | 'request/operation'
  | 'suppression/invalid'
  | 'yaml/syntax-error'
  | 'input/unreadable';

/** A code that is no longer reported (and never reused). */
export type RetiredCode =
  | 'value/empty-string'
  | 'options/enhanced-bandwidth-limit';

/** One code that can be reported. */
export interface CodeInfo {
code: Code;
/** `error` and `warning` as in reports; `info`: a note of the command line. */
severity: 'error' | 'warning' | 'info';
/** One sentence: what a finding with this code means. */
summary: string;
/** `validator`: any entry point reports it; `command`: only the command line. */
emittedBy: 'validator' | 'command';
retired?: undefined;
}

/** One retired code. */
export interface RetiredCodeInfo {
code: RetiredCode;
severity: null;
/** Why it was retired. */
summary: string;
emittedBy: 'validator';
retired: {
/** The release that stopped reporting it (`Unreleased` until there is one). */
since: string;
/** The codes that now report what it reported. */
replacedBy: Code[];
};
}

/** Every code that can be reported, then the retired codes; a fresh copy on each call. */
export function codes(): (CodeInfo | RetiredCodeInfo)[];
