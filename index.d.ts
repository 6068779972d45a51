// Hand-written declarations for the datasync-task-validator npm package.
// One file serves every entry (Node.js ESM and CommonJS, browsers, bundlers) and
// needs no DOM or Node.js globals. The code types between the `generated: codes`
// markers are written from the `codes!` table in src/diagnostic.rs by
// tests/generated.rs (UPDATE_GENERATED=1 cargo test --test generated).

// <generated: codes> from src/diagnostic.rs by tests/generated.rs (UPDATE_GENERATED=1 cargo test --test generated); do not edit by hand.

/** Every diagnostic code the validator can emit; codes are stable and never reused. Each has a page in docs/rules/. */
export type DiagnosticCode =
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
  | 'locations/agentless-needs-enhanced';

/** The severity every diagnostic with a code carries. */
export interface DiagnosticSeverities {
  'json/syntax-error': 'error';
  'json/too-deep': 'error';
  'json/duplicate-member': 'warning';
  'input/not-serializable': 'error';
  'request/not-an-object': 'error';
  'request/unknown-member': 'error';
  'request/missing-member': 'error';
  'value/wrong-type': 'error';
  'value/integer-out-of-range': 'error';
  'value/below-minimum': 'error';
  'value/not-in-enum': 'error';
  'value/too-short': 'error';
  'value/too-long': 'error';
  'value/pattern-mismatch': 'error';
  'value/invalid-unicode': 'error';
  'list/too-many-items': 'error';
  'options/atime-mtime-mismatch': 'error';
  'options/enhanced-mtime-none': 'error';
  'options/remove-with-transfer-all': 'error';
  'options/enhanced-point-in-time': 'error';
  'logging/log-group-unused': 'warning';
  'logging/no-log-group': 'warning';
  'logging/enhanced-log-group-name': 'error';
  'logging/enhanced-log-group-ignored': 'warning';
  'manifest/missing-source': 'error';
  'manifest/with-filters': 'warning';
  'manifest/remove-deletes-nothing': 'warning';
  'report/summary-ignores-levels': 'warning';
  'report/deleted-without-remove': 'warning';
  'schedule/invalid-expression': 'error';
  'schedule/five-field-cron': 'warning';
  'schedule/too-frequent': 'error';
  'schedule/nonstandard-spelling': 'warning';
  'schedule/rate-unit-singular-plural': 'warning';
  'schedule/never-fires': 'warning';
  'filter/empty-pattern': 'warning';
  'filter/include-wildcard-not-last': 'error';
  'filter/include-trailing-wildcards': 'warning';
  'filter/include-without-slash': 'warning';
  'filter/pattern-whitespace': 'warning';
  'filter/missing-value': 'warning';
  'filter/combined-too-long': 'warning';
  'tag/duplicate-key': 'error';
  'tag/reserved-prefix': 'error';
  'locations/same-location': 'warning';
  'report/truncated': 'warning';
  'locations/posix-between-object-stores': 'error';
  'locations/enhanced-unsupported-pair': 'warning';
  'locations/nfs-version-needs-enhanced': 'error';
  'locations/efs-preserve-devices': 'error';
  'locations/archive-point-in-time': 'error';
  'locations/archive-default-verify-mode': 'warning';
  'locations/agentless-needs-enhanced': 'warning';
}

/** The shape of `params` for each code (`Record<string, never>`: the code has none). */
export interface DiagnosticParams {
  /** The input is not well-formed JSON text; `params.line` and `params.column` say where. */
  'json/syntax-error': {
    /** the line of the error, from 1 */
    line: number;
    /** its column, in characters from 1 */
    column: number;
  };
  /** Arrays or objects nest more than 64 levels deep (or too deep for `JSON.stringify`). */
  'json/too-deep': {
    /** the line where the 65th level opens (absent for a JavaScript object) */
    line?: number;
    /** its column */
    column?: number;
  };
  /** An object names the same member twice; the last one wins. */
  'json/duplicate-member': Record<string, never>;
  /** A JavaScript value could not be read as JSON (a cycle, a throwing getter or toJSON). */
  'input/not-serializable': Record<string, never>;
  /** The request is not a JSON object. */
  'request/not-an-object': {
    /** the JSON type given: `array`, `string`, `number`, `boolean` or `null` */
    actual: string;
  };
  /** A member the API does not define; `params.suggestion` gives the nearest known name or where it belongs. */
  'request/unknown-member': {
    /** the unknown member's name */
    member: string;
    /** the nearest known member name, or the pointer where the member belongs */
    suggestion?: string;
  };
  /** A required member is missing. */
  'request/missing-member': {
    /** the missing member's name */
    member: string;
  };
  /** A value has the wrong JSON type (`BytesPerSecond` must be an integer). */
  'value/wrong-type': {
    /** the type the model wants: `string`, `integer`, `object` or `array` (absent, like `actual`, for `describeSchedule()` of a value that is not a string) */
    expected?: string;
    /** the JSON type given */
    actual?: string;
  };
  /** An integer outside the 64-bit range of a `long`. */
  'value/integer-out-of-range': Record<string, never>;
  /** A number below the model's minimum (`BytesPerSecond` below -1). */
  'value/below-minimum': {
    /** the smallest value allowed */
    min: number;
    /** the value given */
    value: number;
  };
  /** A string that is not one of the member's values (case-sensitive; `params.suggestion` fixes the case). */
  'value/not-in-enum': {
    /** the member's values */
    allowed: string[];
    /** the allowed value that differs only in letter case */
    suggestion?: string;
  };
  /** A string shorter than the model's minimum length (in Unicode code points). */
  'value/too-short': {
    /** the minimum length, in Unicode code points */
    min: number;
    /** the value's length */
    length: number;
  };
  /** A string longer than the model's maximum length (in Unicode code points). */
  'value/too-long': {
    /** the maximum length, in Unicode code points */
    max: number;
    /** the value's length */
    length: number;
  };
  /** A string that does not match the model's pattern; the message names the bad character or the expected form. */
  'value/pattern-mismatch': {
    /** the model's pattern as an ECMAScript regular expression that accepts exactly what the service accepts (compile it with no flag, `u` or `v`); the same text as `fields()`' `pattern` for the member */
    pattern: string;
  };
  /** A string holding a lone UTF-16 surrogate, which cannot be sent as UTF-8. */
  'value/invalid-unicode': Record<string, never>;
  /** More than 50 tags, or more than one filter rule in Includes or Excludes. */
  'list/too-many-items': {
    /** the most items allowed */
    max: number;
    /** the items given */
    count: number;
  };
  /** In Basic mode Atime BEST_EFFORT needs Mtime PRESERVE, and Atime NONE needs Mtime NONE (effective values). */
  'options/atime-mtime-mismatch': {
    /** JSON Pointers of the other members involved */
    related?: string[];
  };
  /** Enhanced mode does not support Mtime NONE. */
  'options/enhanced-mtime-none': {
    /** JSON Pointers of the other members involved */
    related?: string[];
  };
  /** PreserveDeletedFiles REMOVE cannot be combined with TransferMode ALL. */
  'options/remove-with-transfer-all': {
    /** JSON Pointers of the other members involved */
    related?: string[];
  };
  /** Enhanced mode does not support VerifyMode POINT_IN_TIME_CONSISTENT. */
  'options/enhanced-point-in-time': {
    /** JSON Pointers of the other members involved */
    related?: string[];
  };
  /** A log group is given but LogLevel is OFF (set or by default), so nothing is published. */
  'logging/log-group-unused': {
    /** JSON Pointers of the other members involved */
    related?: string[];
  };
  /** Basic mode logging is on but there is no log group to publish to. */
  'logging/no-log-group': {
    /** JSON Pointers of the other members involved */
    related?: string[];
  };
  /** UpdateTask of an Enhanced mode task with a log group not named `/aws/datasync`; `params.suggestion` is the ARN naming it. */
  'logging/enhanced-log-group-name': {
    /** the log group name required: `/aws/datasync` */
    expected: string;
    /** the log group name given */
    actual: string;
    /** the same ARN naming `/aws/datasync` */
    suggestion: string;
  };
  /** CreateTask of an Enhanced mode task with a log group not named `/aws/datasync`, which gets no logs; `params.suggestion` is the ARN naming it. */
  'logging/enhanced-log-group-ignored': {
    /** the log group name Enhanced mode logs to: `/aws/datasync` */
    expected: string;
    /** the log group name given */
    actual: string;
    /** the same ARN naming `/aws/datasync` */
    suggestion: string;
  };
  /** A manifest configuration without a Source. */
  'manifest/missing-source': Record<string, never>;
  /** A manifest together with Includes or Excludes filters: which of the two decides what is transferred is not documented. */
  'manifest/with-filters': {
    /** JSON Pointers of the other members involved */
    related?: string[];
  };
  /** PreserveDeletedFiles REMOVE with a manifest: a manifest transfer deletes nothing. */
  'manifest/remove-deletes-nothing': {
    /** JSON Pointers of the other members involved */
    related?: string[];
  };
  /** ReportLevel or Overrides with OutputType SUMMARY_ONLY: a summary-only report lists no items. */
  'report/summary-ignores-levels': {
    /** JSON Pointers of the other members involved */
    related?: string[];
  };
  /** An Overrides.Deleted while PreserveDeletedFiles is PRESERVE: the task deletes nothing. */
  'report/deleted-without-remove': {
    /** JSON Pointers of the other members involved */
    related?: string[];
  };
  /** Not valid EventBridge `cron(…)` (six fields) or `rate(…)` syntax. */
  'schedule/invalid-expression': {
    /** a corrected expression, when there is one obvious correction */
    suggestion?: string;
    /** the cron field at fault (`minutes`, `hours`, ...) */
    field?: string;
    /** the text at fault in that field */
    token?: string;
    /** the rate's value as written */
    value?: string;
    /** the rate's unit as written */
    unit?: string;
    /** the largest rate value accepted */
    max?: number;
  };
  /** A Unix-style five-field cron; EventBridge documents six. `params.suggestion` is the six-field expression that means the same, or, where Unix would run on either day field, the one that keeps only the day-of-week field. */
  'schedule/five-field-cron': {
    /** the six-field expression that means the same (for Unix's "either day" reading: the day-of-week field alone) */
    suggestion?: string;
  };
  /** A schedule that would run more often than once an hour (DataSync's minimum). */
  'schedule/too-frequent': {
    /** an expression that runs at most hourly */
    suggestion: string;
  };
  /** A schedule spelled unlike EventBridge's documentation (`CRON(`, `rate(2 Hours)`, spaces around or inside, whitespace alone); `params.suggestion` is the documented form. */
  'schedule/nonstandard-spelling': {
    /** the documented spelling */
    suggestion: string;
  };
  /** A rate unit not in the number EventBridge requires for its value (`rate(1 days)`, `rate(5 hour)`); `params.suggestion` is the documented form. */
  'schedule/rate-unit-singular-plural': {
    /** the expression with the unit in the number EventBridge requires */
    suggestion: string;
  };
  /** A schedule that matches no future time (30 February, only past years). */
  'schedule/never-fires': {
    /** the time the search started from, ISO 8601 UTC */
    now?: string;
    /** the last year the expression allows */
    lastYear?: number;
  };
  /** An empty pattern in a filter value (`a||b`, a leading or trailing `|`). */
  'filter/empty-pattern': Record<string, never>;
  /** An include pattern with `*` anywhere but at its end. */
  'filter/include-wildcard-not-last': {
    /** the first such pattern */
    pattern: string;
    /** how many patterns of the value have the problem */
    count: number;
  };
  /** An include pattern ending in a run of `*` (`/logs/**`), where one `*` means the same; `params.suggestion` has one. */
  'filter/include-trailing-wildcards': {
    /** the first such pattern */
    pattern: string;
    /** the Value with each run cut to one `*` */
    suggestion: string;
    /** how many patterns of the value have the problem */
    count: number;
  };
  /** An include pattern that does not start with `/`. */
  'filter/include-without-slash': {
    /** the first such pattern */
    pattern: string;
    /** how many patterns of the value have the problem */
    count: number;
  };
  /** A filter pattern that starts or ends with whitespace (the line break that ends a YAML `|` block or a heredoc, `/a | /b`); the fix trims it. */
  'filter/pattern-whitespace': {
    /** the first such pattern */
    pattern: string;
    /** how many patterns of the value have the problem */
    count: number;
  };
  /** A filter rule without a Value filters nothing. */
  'filter/missing-value': Record<string, never>;
  /** Include and exclude patterns together exceed the 102,400-character quota. */
  'filter/combined-too-long': {
    /** the quota, 102,400 characters */
    max: number;
    /** the include and exclude values' length together */
    length: number;
  };
  /** Two tags with the same key. */
  'tag/duplicate-key': {
    /** JSON Pointers of the other members involved */
    related?: string[];
  };
  /** A tag key starting with the reserved `aws:` prefix (any case). */
  'tag/reserved-prefix': Record<string, never>;
  /** The source and destination are the same location. */
  'locations/same-location': {
    /** JSON Pointers of the other members involved */
    related?: string[];
  };
  /** The request has more than 1,000 problems: the report keeps 1,000, errors first; `params.total` and `params.shown` say how many. */
  'report/truncated': {
    /** how many diagnostics there were */
    total: number;
    /** how many the report holds (1,000) */
    shown: number;
  };
  /** Both locations are object storage and Uid, Gid or PosixPermissions is not NONE (needs both locations' types). */
  'locations/posix-between-object-stores': {
    /** the source location's type */
    source: string;
    /** the destination location's type */
    destination: string;
    /** JSON Pointers of the other members involved */
    related?: string[];
  };
  /** TaskMode ENHANCED with S3 on Outposts at either end, the one kind of transfer Enhanced mode is not documented for (needs a type). */
  'locations/enhanced-unsupported-pair': {
    /** the source location's type, when known */
    source?: string;
    /** the destination location's type, when known */
    destination?: string;
    /** JSON Pointers of the other members involved */
    related?: string[];
  };
  /** A location mounted with NFS 4.2 in a Basic mode task (needs MountOptions.Version). */
  'locations/nfs-version-needs-enhanced': {
    /** the NFS location's ARN */
    location: string;
    /** JSON Pointers of the other members involved */
    related?: string[];
  };
  /** PreserveDevices PRESERVE with Amazon EFS at either end (needs a type). */
  'locations/efs-preserve-devices': {
    /** JSON Pointers of the other members involved */
    related?: string[];
  };
  /** VerifyMode POINT_IN_TIME_CONSISTENT into S3 Glacier Flexible Retrieval or Deep Archive (needs the destination's S3StorageClass). */
  'locations/archive-point-in-time': {
    /** the destination's S3StorageClass */
    storageClass: string;
    /** JSON Pointers of the other members involved */
    related?: string[];
  };
  /** VerifyMode omitted in Basic mode (default POINT_IN_TIME_CONSISTENT) into S3 Glacier Flexible Retrieval or Deep Archive. */
  'locations/archive-default-verify-mode': {
    /** the destination's S3StorageClass */
    storageClass: string;
    /** JSON Pointers of the other members involved */
    related?: string[];
  };
  /** An object storage or Azure Blob location described without agents (`AgentArns: []`) in a Basic mode task. */
  'locations/agentless-needs-enhanced': {
    /** the location's ARN */
    location: string;
    /** JSON Pointers of the other members involved */
    related?: string[];
  };
}

/** The codes whose diagnostics always carry `params`. */
export type DiagnosticCodeWithParams =
  | 'json/syntax-error'
  | 'request/not-an-object'
  | 'request/unknown-member'
  | 'request/missing-member'
  | 'value/below-minimum'
  | 'value/not-in-enum'
  | 'value/too-short'
  | 'value/too-long'
  | 'value/pattern-mismatch'
  | 'list/too-many-items'
  | 'logging/enhanced-log-group-name'
  | 'logging/enhanced-log-group-ignored'
  | 'schedule/too-frequent'
  | 'schedule/nonstandard-spelling'
  | 'schedule/rate-unit-singular-plural'
  | 'filter/include-wildcard-not-last'
  | 'filter/include-trailing-wildcards'
  | 'filter/include-without-slash'
  | 'filter/pattern-whitespace'
  | 'filter/combined-too-long'
  | 'report/truncated'
  | 'locations/posix-between-object-stores'
  | 'locations/nfs-version-needs-enhanced'
  | 'locations/archive-point-in-time'
  | 'locations/archive-default-verify-mode'
  | 'locations/agentless-needs-enhanced';

// </generated: codes>

/** `error`: the service rejects the request. `warning`: it accepts it, but probably not as meant. */
export type Severity = 'error' | 'warning';

/**
 * One problem found in a request. A union over the codes: checking `code`
 * narrows `severity` and `params` to that code's (see DiagnosticParams).
 */
export type Diagnostic = { [C in DiagnosticCode]: DiagnosticOf<C> }[DiagnosticCode];

/** A diagnostic with the code `C`. */
export type DiagnosticOf<C extends DiagnosticCode> = {
  /** The stable machine-readable code. */
  code: C;
  /** Each code always has the same severity. */
  severity: DiagnosticSeverities[C];
  /** RFC 6901 JSON Pointer of the member to change; `''` is the whole request. */
  path: string;
  /** One finished sentence for a person. */
  message: string;
  /**
   * The one unambiguous fix, as RFC 6902 JSON Patch operations on the request
   * to apply in order; absent when the remedy is a choice. E.g.
   * `[{ op: 'replace', path: '/Schedule/ScheduleExpression', value: 'cron(0 8 ? * 4#1 *)' }]`.
   */
  fix?: JsonPatchOperation[];
} & (C extends DiagnosticCodeWithParams
  ? {
      /** Machine data such as `{ max: 256 }`, `{ allowed: [...] }` or `{ line, column }`. */
      params: DiagnosticParams[C];
    }
  : {
      /** Machine data such as `{ related: [...] }`; absent when there is none. */
      params?: DiagnosticParams[C];
    });

/**
 * One RFC 6902 JSON Patch operation of a {@link Diagnostic}'s fix; its `value`
 * is a JSON value, so a fix goes to form-kit's applyPatch() as it is.
 */
export type JsonPatchOperation =
  /** Sets a member its object lacks (the object exists). */
  | { op: 'add'; path: string; value: string | number | boolean | null | object }
  /** Changes the value of a member that exists. */
  | { op: 'replace'; path: string; value: string | number | boolean | null | object }
  /** Renames a member within its object: `from` exists, `path` does not. */
  | { op: 'move'; from: string; path: string };

/** What validate() returns. */
export interface ValidationResult {
  /** True when there are no errors (warnings allowed). */
  valid: boolean;
  /** Sorted by path (as text: `/Tags/10` before `/Tags/2`), then code. */
  errors: Diagnostic[];
  /** Sorted by path (as text), then code. */
  warnings: Diagnostic[];
}

/** Metadata of one request member, for rendering and explaining a form field. */
export interface FieldInfo {
  /** JSON Pointer of the member; a `*` segment stands for any list index. */
  pointer: string;
  /** The member name, e.g. `VerifyMode`. */
  name: string;
  /** A short human label, e.g. `Data verification` (show `name` as secondary text). */
  label: string;
  type: 'string' | 'integer' | 'object' | 'array';
  /** Whether the member must be present when its parent is. */
  required: boolean;
  /** The form section the member is shown in (`Locations`, `Task mode`, `General`, `Options`, `Filters`, `Schedule`, `Logging`, `Task report`, `Manifest`, `Tags`). */
  section: string;
  /** The section's place in that order, 0 first. */
  sectionOrder: number;
  /** Help text. */
  help: string;
  /** The allowed values, for enum members. */
  enum?: string[];
  /** A human label and a one-sentence description per enum value, in `enum`'s order. */
  values?: { value: string; label: string; description: string }[];
  /** A valid example value (string and integer members), e.g. for a placeholder. */
  example?: string;
  /** What the service uses when the member is omitted, per task mode. */
  default?: { BASIC: string | number; ENHANCED: string | number };
  /**
   * Fewest characters: the model's minimum, raised to 1 where `pattern` cannot
   * match an empty string (the model's minimum is 0 for `Name` and `Tags[].Value`,
   * and it states none for `Includes[].Value`, `Excludes[].Value`, their
   * `FilterType` and the ARN members). Absent where the model states none and
   * `pattern` matches an empty string.
   */
  minLength?: number;
  /**
   * The most characters, counted as validate() and the service count them:
   * Unicode code points, not UTF-16 units (`[...text].length`, not
   * `text.length`; an `<input maxlength>` counts units, so it refuses a
   * value of emoji that validate() accepts).
   */
  maxLength?: number;
  maxItems?: number;
  minimum?: number;
  /**
   * The API model's pattern as an ECMAScript regex (the JSON Schema's spelling)
   * that accepts exactly what validate() accepts of a well-formed string,
   * compiled with no flag, `u` or `v` (so also usable as an `<input pattern>`).
   * A string with a lone surrogate (`"\ud800"`) may match it, but validate()
   * reports `value/invalid-unicode` for it. A `value/pattern-mismatch`
   * diagnostic's `params.pattern` is this same text.
   */
  pattern?: string;
  /** The pattern in words, e.g. `arn:aws:datasync:REGION:ACCOUNT:location/loc-ID`. */
  formatHint?: string;
  /**
   * Options members whose effect depends on the locations: the option does
   * something only when `both` ends (or, for `either`, at least one end) are of
   * these types. Elsewhere the service ignores it (Uid, Gid and PosixPermissions
   * between two object stores: it accepts only NONE). Absent: every pair.
   * The same on a run's `OverrideOptions` members.
   */
  appliesTo?: LocationScope & { note: string };
  /** Options members whose default differs between two object stores: there the service uses `value` (CreateTask only: an update's omitted option keeps the task's value). */
  locationDefault?: LocationScope & { value: string };
}

/** A set of location pairs: `both` ends, or at least one (`either`), of these types. */
export interface LocationScope {
  side: 'both' | 'either';
  types: LocationType[];
}

/** The kinds of location DataSync transfers between. */
export type LocationType =
  | 'S3'
  | 'S3_OUTPOSTS'
  | 'EFS'
  | 'NFS'
  | 'SMB'
  | 'HDFS'
  | 'FSX_WINDOWS'
  | 'FSX_LUSTRE'
  | 'FSX_OPENZFS'
  | 'FSX_ONTAP'
  | 'OBJECT_STORAGE'
  | 'AZURE_BLOB';

/**
 * What the caller knows about one location: a `ListLocations` entry, a
 * `DescribeLocation*` response, or just its type. Members not listed here are
 * ignored, so whole responses can be passed as the AWS SDKs type them (every
 * member optional, no index signature).
 */
export interface LocationDescription {
  /**
   * The location this describes; descriptions of locations the request does not use are ignored.
   * Required at run time (an entry without it is a `TypeError`); optional here only because the
   * SDKs type every member of a response as optional.
   */
  LocationArn?: string;
  /** As `ListLocations` returns it, e.g. `s3://bucket/prefix/`; its scheme gives the type. Either this or `type` is required. */
  LocationUri?: string;
  /** The location type, when there is no `LocationUri` (both may be given if they agree). */
  type?: LocationType;
  /** `DescribeLocationS3`: the storage class objects are written in (GLACIER and DEEP_ARCHIVE matter). */
  S3StorageClass?: string;
  /** `DescribeLocation*`: the agents the location uses; `[]` says there are none. */
  AgentArns?: string[];
  /** `DescribeLocationNfs`: the NFS version the location is mounted with (`NFS4_2` needs Enhanced mode). */
  MountOptions?: { Version?: string };
  /** `DescribeLocationFsxOpenZfs` (and `DescribeLocationFsxOntap`): `NFS.MountOptions.Version`, read as `MountOptions.Version` is. */
  Protocol?: { NFS?: { MountOptions?: { Version?: string } } };
}

/**
 * The options argument of validate(), applyDefaults() and fields(). Any other
 * member (a misspelling such as `Locations`) is a TypeError that names it.
 */
export interface ValidateOptions {
  /** The task's locations, as far as the caller knows them. Without a description, no location rule applies to a location. */
  locations?: LocationDescription[];
  /** The operation the request is for. Default: `'CreateTask'`. */
  operation?: Operation;
  /**
   * UpdateTask and StartTaskExecution: the task the request changes or runs.
   * With it, options the request omits keep the task's settings and the task's
   * mode applies; without it, rules that need them are not applied. Ignored for
   * CreateTask, and when its `TaskArn` is not the request's; without a `TaskArn`
   * (or with one that is not a string) it is a TypeError (it would apply to any request).
   */
  task?: TaskDescription;
}

/** What describeSchedule() returns. */
export interface ScheduleDescription {
  /** True when there are no error diagnostics. */
  valid: boolean;
  /** Paths are `''` (the expression itself). */
  diagnostics: Diagnostic[];
  /**
   * The schedule in words when the expression reads as one EventBridge schedule, even an
   * invalid one (`cron(0/15 * * * ? *)` is too frequent: `valid` false, with a summary and runs);
   * null when it does not: a syntax error, or a five-field cron whose day fields Unix cron and
   * EventBridge read differently (`cron(0 8 1 * 1)`: `valid` true, a warning, no runs). Use `valid`
   * for validity. `""` (no schedule) has the no-schedule summary.
   */
  summary: string | null;
  /** The next run times as ISO 8601 UTC strings, e.g. `2026-01-01T12:00:00Z`. */
  nextRuns: string[];
}

/** Options accepted by describeSchedule(). */
export interface DescribeScheduleOptions {
  /** Runs are listed after this instant: a Date, milliseconds since 1970 (number or BigInt, within ±8.64e15, a JS Date's range) or ISO 8601 text. Default: now. */
  from?: Date | string | number | bigint;
  /** How many run times to list, 0 to 100. Default: 5. */
  count?: number;
}

// ---------------------------------------------------------------------------
// The CreateTask request (the DataSync API's PascalCase members).
// ---------------------------------------------------------------------------

export type TaskMode = 'BASIC' | 'ENHANCED';
export type VerifyMode = 'POINT_IN_TIME_CONSISTENT' | 'ONLY_FILES_TRANSFERRED' | 'NONE';
export type OverwriteMode = 'ALWAYS' | 'NEVER';
export type Atime = 'NONE' | 'BEST_EFFORT';
export type Mtime = 'NONE' | 'PRESERVE';
export type Uid = 'NONE' | 'INT_VALUE' | 'NAME' | 'BOTH';
export type Gid = 'NONE' | 'INT_VALUE' | 'NAME' | 'BOTH';
export type PreserveDeletedFiles = 'PRESERVE' | 'REMOVE';
export type PreserveDevices = 'NONE' | 'PRESERVE';
export type PosixPermissions = 'NONE' | 'PRESERVE';
export type TaskQueueing = 'ENABLED' | 'DISABLED';
export type LogLevel = 'OFF' | 'BASIC' | 'TRANSFER';
export type TransferMode = 'CHANGED' | 'ALL';
export type SmbSecurityDescriptorCopyFlags = 'NONE' | 'OWNER_DACL' | 'OWNER_DACL_SACL';
export type ObjectTags = 'PRESERVE' | 'NONE';
export type ObjectMetadata = 'PRESERVE' | 'NONE';
export type FilterType = 'SIMPLE_PATTERN';
export type ScheduleStatus = 'ENABLED' | 'DISABLED';
export type ManifestAction = 'TRANSFER';
export type ManifestFormat = 'CSV';
export type ReportOutputType = 'SUMMARY_ONLY' | 'STANDARD';
export type ReportLevel = 'ERRORS_ONLY' | 'SUCCESSES_AND_ERRORS';
export type ObjectVersionIds = 'INCLUDE' | 'NONE';

/** How files are copied, verified and logged; every omitted member takes the service default. */
export interface Options {
  VerifyMode?: VerifyMode;
  OverwriteMode?: OverwriteMode;
  Atime?: Atime;
  Mtime?: Mtime;
  Uid?: Uid;
  Gid?: Gid;
  PreserveDeletedFiles?: PreserveDeletedFiles;
  PreserveDevices?: PreserveDevices;
  PosixPermissions?: PosixPermissions;
  /** Bytes per second, or -1 for no limit; an integer (a BigInt is read as its exact digits). */
  BytesPerSecond?: number | bigint;
  TaskQueueing?: TaskQueueing;
  LogLevel?: LogLevel;
  TransferMode?: TransferMode;
  SecurityDescriptorCopyFlags?: SmbSecurityDescriptorCopyFlags;
  ObjectTags?: ObjectTags;
  ObjectMetadata?: ObjectMetadata;
}

export interface FilterRule {
  FilterType?: FilterType;
  /** Patterns separated by `|`. */
  Value?: string;
}

export interface TaskSchedule {
  /** `cron(...)` (six fields) or `rate(...)`, EventBridge syntax, UTC. */
  ScheduleExpression: string;
  Status?: ScheduleStatus;
}

export interface TagListEntry {
  Key: string;
  Value?: string;
}

export interface S3ManifestConfig {
  ManifestObjectPath: string;
  BucketAccessRoleArn: string;
  S3BucketArn: string;
  ManifestObjectVersionId?: string;
}

export interface SourceManifestConfig {
  S3: S3ManifestConfig;
}

export interface ManifestConfig {
  Action?: ManifestAction;
  Format?: ManifestFormat;
  Source?: SourceManifestConfig;
}

/**
 * A CreateTask request's manifest: Source is required there. UpdateTask and
 * StartTaskExecution take it optional (an empty ManifestConfig removes the manifest).
 */
export interface CreateTaskManifestConfig extends ManifestConfig {
  Source: SourceManifestConfig;
}

export interface ReportDestinationS3 {
  Subdirectory?: string;
  S3BucketArn: string;
  BucketAccessRoleArn: string;
}

export interface ReportDestination {
  S3?: ReportDestinationS3;
}

export interface ReportOverride {
  ReportLevel?: ReportLevel;
}

export interface ReportOverrides {
  Transferred?: ReportOverride;
  Verified?: ReportOverride;
  Deleted?: ReportOverride;
  Skipped?: ReportOverride;
}

export interface TaskReportConfig {
  Destination?: ReportDestination;
  OutputType?: ReportOutputType;
  ReportLevel?: ReportLevel;
  ObjectVersionIds?: ObjectVersionIds;
  Overrides?: ReportOverrides;
}

/** The CreateTask request, as the AWS SDKs and `aws datasync create-task --cli-input-json` take it. */
export interface CreateTaskRequest {
  SourceLocationArn: string;
  DestinationLocationArn: string;
  CloudWatchLogGroupArn?: string;
  Name?: string;
  Options?: Options;
  /** At most one rule. */
  Excludes?: FilterRule[];
  Schedule?: TaskSchedule;
  /** At most 50 tags. */
  Tags?: TagListEntry[];
  /** At most one rule. */
  Includes?: FilterRule[];
  ManifestConfig?: CreateTaskManifestConfig;
  TaskReportConfig?: TaskReportConfig;
  TaskMode?: TaskMode;
}

/** The UpdateTask request: the task's ARN and the members to change. */
export interface UpdateTaskRequest {
  TaskArn: string;
  /** The options to change; every option omitted keeps the task's setting. */
  Options?: Options;
  /** At most one rule. */
  Excludes?: FilterRule[];
  /** An empty `ScheduleExpression` removes the schedule; `Status: 'DISABLED'` pauses it. */
  Schedule?: TaskSchedule;
  Name?: string;
  /** An Enhanced mode task must use the log group named `/aws/datasync`. */
  CloudWatchLogGroupArn?: string;
  /** At most one rule. */
  Includes?: FilterRule[];
  /** An empty object removes the task's manifest. */
  ManifestConfig?: ManifestConfig | Record<string, never>;
  /** An empty object removes the task's report configuration. */
  TaskReportConfig?: TaskReportConfig | Record<string, never>;
}

/** The StartTaskExecution request: the task's ARN and what changes for this run only. */
export interface StartTaskExecutionRequest {
  TaskArn: string;
  /** Options for this run; every option omitted keeps the task's setting. */
  OverrideOptions?: Options;
  /** At most one rule. */
  Includes?: FilterRule[];
  /** At most one rule. */
  Excludes?: FilterRule[];
  /** An empty object removes the task's manifest. */
  ManifestConfig?: ManifestConfig | Record<string, never>;
  /** An empty object removes the task's report configuration. */
  TaskReportConfig?: TaskReportConfig | Record<string, never>;
  /** At most 50 tags, for the execution (not the task). */
  Tags?: TagListEntry[];
}

/** The operations whose requests the validator judges. */
export type Operation = 'CreateTask' | 'UpdateTask' | 'StartTaskExecution';

/**
 * A JSON Schema (draft-07) document or subschema as `schema()` from
 * `datasync-task-validator/schema` returns it: the keywords its documents use.
 * `enumDescriptions` and `markdownEnumDescriptions` are VS Code's extensions
 * (one per `enum` value: its label and what it does).
 */
export interface JsonSchema {
  $schema?: string;
  title?: string;
  description?: string;
  type?: 'object' | 'array' | 'string' | 'integer';
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  maxItems?: number;
  enum?: string[];
  enumDescriptions?: string[];
  markdownEnumDescriptions?: string[];
  minLength?: number;
  maxLength?: number;
  /** An ECMAScript regex that accepts exactly what the model's pattern accepts. */
  pattern?: string;
  minimum?: number;
  maximum?: number;
  examples?: Array<string | number>;
  /** The service default, where it is the same in both task modes (CreateTask only). */
  default?: string | number;
}

/**
 * What the validator knows of an existing task: a DescribeTask response, as the
 * AWS SDKs return it (extra members such as `CreationTime` are ignored). Only
 * `TaskArn`, `TaskMode`, `Options`, `CloudWatchLogGroupArn`, `SourceLocationArn`
 * and `DestinationLocationArn` are read; the two ends are looked up in
 * `locations` for the location rules. ManifestConfig, Includes and Excludes
 * are not used.
 */
export interface TaskDescription {
  TaskArn?: string;
  TaskMode?: TaskMode;
  Options?: Options;
  CloudWatchLogGroupArn?: string;
  SourceLocationArn?: string;
  DestinationLocationArn?: string;
}

/** TaskMode after applyDefaults(): `'BASIC'` where T leaves it out, otherwise as given (valid or not). */
type FilledTaskMode<T> = 'TaskMode' extends keyof T
  ? Exclude<T[Extract<'TaskMode', keyof T>], undefined> | (undefined extends T[Extract<'TaskMode', keyof T>] ? 'BASIC' : never)
  : 'BASIC';

/** T's own Options type, or unknown when T has none. */
type OptionsOf<T> = 'Options' extends keyof T ? NonNullable<T[Extract<'Options', keyof T>]> : unknown;

/**
 * BytesPerSecond after applyDefaults(): T's own type for it where T has one
 * (the SDK's `number`), else `number | bigint`. At run time it is a BigInt when
 * it is beyond Number.MAX_SAFE_INTEGER, whatever T says (the AWS SDK for
 * JavaScript v3 sends a BigInt there as its digits).
 */
type FilledBytesPerSecond<T> = OptionsOf<T> extends { BytesPerSecond?: infer B }
  ? unknown extends B ? number | bigint : Exclude<B, undefined>
  : number | bigint;

/**
 * Options after applyDefaults(). VerifyMode, whose default depends on the
 * mode, is filled only when TaskMode is valid (or omitted).
 */
type FilledOptions<T> = Omit<Required<Options>, 'BytesPerSecond' | 'VerifyMode'> & { BytesPerSecond: FilledBytesPerSecond<T> } & (
  [FilledTaskMode<T>] extends [TaskMode] ? { VerifyMode: VerifyMode } : { VerifyMode?: VerifyMode }
);

/** Schedule and ManifestConfig after applyDefaults(): filled only where the request has them. */
type FilledParts<T> = {
  [K in keyof T]: K extends 'Schedule'
    ? T[K] extends infer S ? (S extends object ? S & { Status: ScheduleStatus } : S) : never
    : K extends 'ManifestConfig'
      ? T[K] extends infer M ? (M extends object ? M & { Action: ManifestAction; Format: ManifestFormat } : M) : never
      : T[K];
};

/**
 * A request after applyDefaults(): TaskMode and every Options member are
 * present (with an invalid TaskMode, only those both modes share: VerifyMode
 * is left out), Schedule.Status when there is a Schedule (not for a blank ScheduleExpression: no schedule), ManifestConfig
 * Action and Format when there is a ManifestConfig. Integers beyond
 * Number.MAX_SAFE_INTEGER anywhere in the request come back as BigInt.
 */
export type WithDefaults<T> = Omit<FilledParts<T>, 'TaskMode' | 'Options'> & {
  TaskMode: FilledTaskMode<T>;
  Options: FilledOptions<T>;
};

/**
 * A request after applyDefaults() with `options.locations`: as WithDefaults,
 * but VerifyMode may be left out (a Basic mode task into an S3 destination
 * described as GLACIER or DEEP_ARCHIVE, where its default cannot be used).
 */
export type WithLocationDefaults<T> = Omit<WithDefaults<T>, 'Options'> & {
  Options: Omit<FilledOptions<T>, 'VerifyMode'> & { VerifyMode?: VerifyMode };
};

// ---------------------------------------------------------------------------
// The API.
// ---------------------------------------------------------------------------

/**
 * Checks a request of `options.operation` (CreateTask by default) given as an
 * object or as JSON text, against the locations `options` describes. Every
 * mistake in the request, including input that is not an object or not
 * serializable, is a diagnostic in the result. A BigInt member is read as the
 * exact integer it holds, so what applyDefaults returns can be validated as it is.
 * JSON text may start with a byte order mark (U+FEFF), which is skipped (`JSON.parse` refuses it).
 * @throws TypeError when `options` is malformed (not an object, a member other
 * than `locations`, `operation` and `task`, an unknown operation, a `task` or
 * location that is not an object, a `task` without a `TaskArn`, or values JSON cannot hold).
 * Besides, what `JSON.parse` throws making the result passes on: a RangeError when
 * the JS stack is full, or the failure of a `JSON.parse` replaced before the package loaded.
 */
export function validate(
  request: CreateTaskRequest | UpdateTaskRequest | StartTaskExecutionRequest | string | unknown,
  options?: ValidateOptions,
): ValidationResult;

/**
 * A copy of the request with every omitted default filled in for its task mode
 * (BASIC when TaskMode is omitted): TaskMode, every Options member,
 * Schedule.Status when there is a Schedule (not for a blank ScheduleExpression), ManifestConfig Action and Format
 * when there is a ManifestConfig. Members already present are kept as they are.
 * With an invalid TaskMode only the defaults both modes share are filled (not
 * VerifyMode). Integers beyond Number.MAX_SAFE_INTEGER come back exactly, as BigInt;
 * a BigInt in the request is read as its digits, so the result can go back in.
 * With `options.locations` describing two object stores, Uid, Gid and
 * PosixPermissions are NONE, as the service uses there (see the next overload).
 * @throws TypeError when the request is not an object (or JSON text of one), or `options` is malformed.
 */
export function applyDefaults<T extends object = CreateTaskRequest>(
  request: T | string,
  options?: ValidateOptions & { operation?: 'CreateTask'; locations?: undefined },
): WithDefaults<T>;
/**
 * With `options.locations`: the defaults for that pair of locations. Between
 * two object stores Uid, Gid and PosixPermissions are NONE; into an S3
 * destination described as GLACIER or DEEP_ARCHIVE a Basic mode task's
 * VerifyMode is left out (its default, POINT_IN_TIME_CONSISTENT, cannot be
 * used there, and what the service does without it is not documented).
 * @throws TypeError when the request is not an object (or JSON text of one), or `options` is malformed.
 */
export function applyDefaults<T extends object = CreateTaskRequest>(
  request: T | string,
  options: ValidateOptions & { operation?: 'CreateTask' },
): WithLocationDefaults<T>;
/**
 * UpdateTask and StartTaskExecution have no defaults (what they omit keeps the
 * task's setting): the request comes back as an unchanged copy.
 */
export function applyDefaults<T extends object>(
  request: T | string,
  options: ValidateOptions & { operation: 'UpdateTask' | 'StartTaskExecution' },
): T;

/**
 * Metadata for every member of the operation's request (CreateTask by
 * default), parents before children. Only CreateTask members carry `default`.
 * Takes validate()'s options, so one options object serves both: `locations`
 * and `task` are read and checked as validate() checks them, and change
 * nothing in the metadata.
 * @throws TypeError when `options` is malformed (as for validate()).
 */
export function fields(options?: ValidateOptions): FieldInfo[];

/**
 * Diagnostics, a summary in words and the next run times of a schedule expression.
 * @throws TypeError when `options` is malformed (`from` not a time or outside a JS Date's range, a Proxy of a Date, `count` not an integer from 0 to 100).
 */
export function describeSchedule(expression: string, options?: DescribeScheduleOptions): ScheduleDescription;

/** The package version, e.g. `0.1.0`. */
export function version(): string;

/**
 * Makes the module ready. In browsers it fetches and instantiates the .wasm and
 * must be awaited once before any other call (a call made earlier throws an
 * Error saying so); later calls return the same promise. In Node.js the module is
 * ready when loaded and init() resolves at once, so `await init()` is portable.
 *
 * @param input Browsers only, optional: where to get the .wasm instead of the
 * package's own file: a URL (string or URL object), a fetch Response or a
 * promise of one, the module's bytes, a compiled WebAssembly.Module, or
 * `{ module_or_path }` holding one of these. Ignored in Node.js.
 */
export default function init(input?: string | object): Promise<void>;
