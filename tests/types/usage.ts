// Uses every export of the package with the types a caller relies on.
// Only type-checked (tests/node/types.test.mjs), never run.
import init, {
  applyDefaults,
  describeSchedule,
  fields,
  validate,
  version,
  type CreateTaskRequest,
  type Diagnostic,
  type DiagnosticCode,
  type FieldInfo,
  type JsonPatchOperation,
  type LocationDescription,
  type LocationType,
  type Operation,
  type ScheduleDescription,
  type StartTaskExecutionRequest,
  type TaskDescription,
  type UpdateTaskRequest,
  type ValidateOptions,
  type ValidationResult,
} from 'datasync-task-validator';
import { codes, type Code, type CodeInfo } from 'datasync-task-validator/codes';

export async function useEverything(): Promise<string[]> {
  await init();
  const ready: Promise<void> = init(new Uint8Array(8));

  const request: CreateTaskRequest = {
    SourceLocationArn: 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0',
    DestinationLocationArn: 'arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210',
    TaskMode: 'ENHANCED',
    Options: { VerifyMode: 'ONLY_FILES_TRANSFERRED', BytesPerSecond: -1, ObjectMetadata: 'PRESERVE' },
    Schedule: { ScheduleExpression: 'rate(12 hours)', Status: 'ENABLED' },
    Tags: [{ Key: 'team', Value: 'storage' }],
    Includes: [{ FilterType: 'SIMPLE_PATTERN', Value: '/photos*' }],
    ManifestConfig: {
      Action: 'TRANSFER',
      Format: 'CSV',
      Source: { S3: { ManifestObjectPath: 'm.csv', BucketAccessRoleArn: 'arn:r', S3BucketArn: 'arn:b' } },
    },
    TaskReportConfig: { OutputType: 'STANDARD', Overrides: { Deleted: { ReportLevel: 'ERRORS_ONLY' } } },
  };

  const result: ValidationResult = validate(request);
  const fromText: ValidationResult = validate(JSON.stringify(request));
  const fromAnything: ValidationResult = validate(JSON.parse('null') as unknown);
  const first: Diagnostic | undefined = result.errors[0] ?? fromText.warnings[0] ?? fromAnything.errors[0];
  const code: DiagnosticCode | undefined = first?.code;
  const severity: 'error' | 'warning' | undefined = first?.severity;
  // @ts-expect-error params differ by code: narrow on \`code\` first.
  const line: unknown = first?.params?.line;
  // Narrowing on the code narrows severity and params to that code's.
  if (first?.code === 'json/syntax-error') {
    const at: number = first.params.line + first.params.column;
    const error: 'error' = first.severity;
  }
  if (first?.code === 'request/unknown-member') {
    const member: string = first.params.member;
    const suggestion: string | undefined = first.params.suggestion;
  }
  if (first?.code === 'tag/duplicate-key') {
    // params are optional when a code's members all are.
    const related: string[] | undefined = first.params?.related;
    // @ts-expect-error tag/duplicate-key has no max.
    const max: unknown = first.params?.max;
  }
  if (first?.code === 'logging/no-log-group') {
    // @ts-expect-error logging/no-log-group is a warning.
    const notAnError: 'error' = first.severity;
  }
  const reportable: CodeInfo[] = codes().filter((entry): entry is CodeInfo => entry.severity !== null);
  const retiredSince: string | undefined = codes().find((entry) => entry.retired)?.retired?.since;
  const everyCode: Code = reportable[0]?.code ?? 'terraform/no-tasks';
  const patch: JsonPatchOperation[] = first?.fix ?? [];
  const target: string | undefined = patch[0]?.path;
  const renamedFrom: string | undefined = patch[0]?.op === 'move' ? patch[0].from : undefined;
  // @ts-expect-error only add, replace and move are fixes.
  const removal: JsonPatchOperation = { op: 'remove', path: '/Name' };

  const filled = applyDefaults(request);
  const verify: 'POINT_IN_TIME_CONSISTENT' | 'ONLY_FILES_TRANSFERRED' | 'NONE' = filled.Options.VerifyMode;
  const mode: 'BASIC' | 'ENHANCED' = filled.TaskMode;
  const source: string = filled.SourceLocationArn;
  const custom = applyDefaults({ Name: 'draft' });
  const name: string = custom.Name;
  const fromJson = applyDefaults('{}');
  // BytesPerSecond may come back as a BigInt (beyond 2^53).
  const limit: number | bigint = filled.Options.BytesPerSecond;
  // @ts-expect-error BytesPerSecond is not always a number.
  const limitNumber: number = filled.Options.BytesPerSecond;
  // What applyDefaults returns is a request again: a BigInt BytesPerSecond included.
  const again: ValidationResult = validate(filled);
  const typed: CreateTaskRequest = { ...request, Options: { BytesPerSecond: 9007199254740993n } };
  const scheduled = applyDefaults({ ...request, Schedule: { ScheduleExpression: 'rate(1 day)' } });
  const status: 'ENABLED' | 'DISABLED' = scheduled.Schedule.Status;
  const manifestFormat: 'CSV' = applyDefaults({ ManifestConfig: {} }).ManifestConfig.Format;
  // An invalid TaskMode stays as given, and VerifyMode (which depends on the mode) is not filled.
  const loose = applyDefaults({ TaskMode: 'enhanced' as string });
  const looseMode: string = loose.TaskMode;
  // @ts-expect-error a TaskMode given as any string is not known to be valid.
  const claimedMode: 'BASIC' | 'ENHANCED' = loose.TaskMode;
  // @ts-expect-error VerifyMode may be missing.
  const looseVerify: 'POINT_IN_TIME_CONSISTENT' | 'ONLY_FILES_TRANSFERRED' | 'NONE' = loose.Options.VerifyMode;
  const looseMtime: 'NONE' | 'PRESERVE' = loose.Options.Mtime;

  const list: FieldInfo[] = fields();
  const kinds: Array<'string' | 'integer' | 'object' | 'array'> = list.map((f) => f.type);
  const basicDefault: string | number | undefined = list[0]?.default?.BASIC;

  const taskArn = 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0';
  const update: UpdateTaskRequest = { TaskArn: taskArn, Schedule: { ScheduleExpression: '' }, ManifestConfig: {} };
  const start: StartTaskExecutionRequest = { TaskArn: taskArn, OverrideOptions: { LogLevel: 'BASIC' }, Tags: [{ Key: 'run' }] };
  const task: TaskDescription = { TaskArn: taskArn, TaskMode: 'BASIC', Options: { Atime: 'NONE' } };
  const updateOptions: ValidateOptions = { operation: 'UpdateTask', task };
  const updated: ValidationResult = validate(update, updateOptions);
  validate(JSON.stringify(start), { operation: 'StartTaskExecution' });
  const operation: Operation = 'StartTaskExecution';
  const startFields: FieldInfo[] = fields({ operation });
  // fields() reads and checks validate()'s options whole, so the same object serves both.
  const updateFields: FieldInfo[] = fields({ operation: 'UpdateTask', task, locations: [] });
  // @ts-expect-error a misspelt member is a TypeError at run time.
  fields({ Operation: 'UpdateTask' });
  const unchanged: StartTaskExecutionRequest = applyDefaults(start, { operation: 'StartTaskExecution' });
  // @ts-expect-error the operation is a closed set of names.
  validate(update, { operation: 'DeleteTask' });
  // @ts-expect-error an UpdateTask request has no TaskMode.
  const noMode: UpdateTaskRequest = { TaskArn: taskArn, TaskMode: 'BASIC' };

  const schedule: ScheduleDescription = describeSchedule('rate(1 day)', { from: new Date(0), count: 3 });
  describeSchedule('cron(0 8 ? * 4#1 *)', { from: '2026-01-01T00:00:00Z' });
  describeSchedule('rate(1 hour)', { from: 0 });
  describeSchedule('rate(1 hour)');
  const summary: string | null = schedule.summary;

  // Locations: ListLocations entries, DescribeLocation* responses, or just a type.
  const listed: LocationDescription = { LocationArn: request.SourceLocationArn, LocationUri: 's3://bucket/prefix/' };
  const described: LocationDescription = { LocationArn: request.DestinationLocationArn, type: 'NFS', MountOptions: { Version: 'NFS4_2' }, AgentArns: [] };
  const options: ValidateOptions = { locations: [listed, described] };
  const withLocations: ValidationResult = validate(request, options);
  // One options type for every member: locations, operation and task together.
  const everything: ValidationResult = validate(start, { locations: [listed], operation, task });
  const objectDefaults = applyDefaults(request, { locations: [{ LocationArn: 'a', type: 'AZURE_BLOB', S3StorageClass: 'GLACIER' }] });
  const objectUid: 'NONE' | 'INT_VALUE' | 'NAME' | 'BOTH' = objectDefaults.Options.Uid;
  // @ts-expect-error with locations, VerifyMode may be left out (a Basic task into S3 Glacier or Deep Archive).
  const archiveVerify: 'POINT_IN_TIME_CONSISTENT' | 'ONLY_FILES_TRANSFERRED' | 'NONE' = objectDefaults.Options.VerifyMode;
  const maybeVerify: 'POINT_IN_TIME_CONSISTENT' | 'ONLY_FILES_TRANSFERRED' | 'NONE' | undefined = applyDefaults(request, { locations: options.locations }).Options.VerifyMode;
  const withEnds: TaskDescription = { TaskArn: taskArn, SourceLocationArn: request.SourceLocationArn, DestinationLocationArn: request.DestinationLocationArn };
  const scopeTypes: LocationType[] | undefined = list[0]?.appliesTo?.types;
  const scopeSide: 'both' | 'either' | undefined = list[0]?.appliesTo?.side;
  const pairDefault: string | undefined = list[0]?.locationDefault?.value;
  // @ts-expect-error a location type is one of the contract's names.
  validate(request, { locations: [{ LocationArn: 'a', type: 'GCS' }] });
  // An entry without LocationArn type-checks (the SDKs type it optional); at run time it is a TypeError.
  const unnamed: LocationDescription = { LocationUri: 's3://bucket/' };
  const runs: string[] = schedule.nextRuns;

  // @ts-expect-error VerifyMode is a closed set of strings; the typings must reject this one.
  const wrong: CreateTaskRequest = { SourceLocationArn: 'a', DestinationLocationArn: 'b', Options: { VerifyMode: 'SOMETIMES' } };
  // @ts-expect-error the schedule expression must be a string.
  describeSchedule(12);
  // @ts-expect-error applyDefaults needs an object or JSON text.
  applyDefaults(42);

  await ready;
  return [version(), String(code), String(severity), String(line), verify, mode, source, name, String(fromJson.TaskMode),
    String(kinds.length), String(basicDefault), String(summary), String(runs.length), String(wrong),
    String(limit), String(limitNumber), status, manifestFormat, looseMode, String(claimedMode), String(looseVerify), looseMtime,
    String(updated.valid), String(startFields.length), String(unchanged.TaskArn), String(noMode),
    String(withLocations.valid), objectDefaults.Options.Uid, String(scopeTypes), String(scopeSide), String(pairDefault),
    String(everything.valid), String(target), String(renamedFrom), String(removal), String(unnamed.LocationUri)];
}

// Responses as the AWS SDK for JavaScript v3 types them (@aws-sdk/client-datasync 3.1048.0): interfaces
// (so no implicit index signature), every member optional and `| undefined`, `$metadata`, Dates, and
// members the validator does not read. The README passes them as they are: no cast may be needed.
interface SdkMetadata { httpStatusCode?: number | undefined; requestId?: string | undefined }
interface SdkLocationListEntry { LocationArn?: string | undefined; LocationUri?: string | undefined }
interface SdkListLocationsOutput { $metadata: SdkMetadata; Locations?: SdkLocationListEntry[] | undefined; NextToken?: string | undefined }
interface SdkDescribeLocationS3Output {
  $metadata: SdkMetadata; LocationArn?: string | undefined; LocationUri?: string | undefined;
  S3StorageClass?: 'STANDARD' | 'GLACIER' | 'DEEP_ARCHIVE' | undefined; S3Config?: { BucketAccessRoleArn?: string | undefined } | undefined;
  AgentArns?: string[] | undefined; CreationTime?: Date | undefined;
}
interface SdkNfsMountOptions { Version?: 'AUTOMATIC' | 'NFS3' | 'NFS4_0' | 'NFS4_1' | 'NFS4_2' | undefined }
interface SdkDescribeLocationNfsOutput {
  $metadata: SdkMetadata; LocationArn?: string | undefined; LocationUri?: string | undefined;
  OnPremConfig?: { AgentArns?: string[] | undefined } | undefined; MountOptions?: SdkNfsMountOptions | undefined; CreationTime?: Date | undefined;
}
interface SdkDescribeLocationFsxOpenZfsOutput {
  $metadata: SdkMetadata; LocationArn?: string | undefined; LocationUri?: string | undefined; SecurityGroupArns?: string[] | undefined;
  Protocol?: { NFS?: { MountOptions?: SdkNfsMountOptions | undefined } | undefined; SMB?: { Domain?: string | undefined; User?: string | undefined } | undefined } | undefined;
  CreationTime?: Date | undefined;
}
interface SdkDescribeTaskOutput {
  $metadata: SdkMetadata; TaskArn?: string | undefined; Status?: 'AVAILABLE' | 'RUNNING' | undefined; Name?: string | undefined;
  TaskMode?: 'BASIC' | 'ENHANCED' | undefined; SourceLocationArn?: string | undefined; DestinationLocationArn?: string | undefined;
  CloudWatchLogGroupArn?: string | undefined; CreationTime?: Date | undefined;
  Options?: { Atime?: 'NONE' | 'BEST_EFFORT' | undefined; Mtime?: 'NONE' | 'PRESERVE' | undefined; BytesPerSecond?: number | undefined } | undefined;
  Includes?: { FilterType?: 'SIMPLE_PATTERN' | undefined; Value?: string | undefined }[] | undefined;
}

export function useSdkResponses(
  request: CreateTaskRequest, page: SdkListLocationsOutput, s3: SdkDescribeLocationS3Output,
  nfs: SdkDescribeLocationNfsOutput, openZfs: SdkDescribeLocationFsxOpenZfsOutput, described: SdkDescribeTaskOutput,
): boolean[] {
  const { Locations } = page;
  const listed = validate(request, { locations: Locations });
  const refined = applyDefaults(request, { locations: [...(Locations ?? []), s3, nfs, openZfs] });
  const run = validate({ TaskArn: described.TaskArn ?? '' }, { operation: 'StartTaskExecution', task: described, locations: [openZfs] });
  const one: LocationDescription = openZfs;
  const task: TaskDescription = described;
  return [listed.valid, refined.TaskMode === 'BASIC', run.valid, one.LocationArn === task.TaskArn];
}

// datasync-task-validator/schema: the JSON Schema of each operation's request.
import { schema, type JsonSchema } from 'datasync-task-validator/schema';

export function useSchema(operation: Operation): string[] {
  const document: JsonSchema = schema(operation);
  const verify: JsonSchema | undefined = schema().properties?.Options?.properties?.VerifyMode;
  // @ts-expect-error: only the three operations
  schema('DeleteTask');
  return [...(document.required ?? []), ...(verify?.enum ?? []), ...(verify?.markdownEnumDescriptions ?? [])];
}

// The AWS SDK's CreateTaskCommandInput (@aws-sdk/client-datasync 3.1048.0) where
// it differs from CreateTaskRequest: BytesPerSecond is a number. What
// applyDefaults() returns for it goes to `new CreateTaskCommand(...)` as it is.
interface SdkCreateTaskCommandInput extends Omit<CreateTaskRequest, 'Options'> {
  Options?: (Omit<NonNullable<CreateTaskRequest['Options']>, 'BytesPerSecond'> & { BytesPerSecond?: number | undefined }) | undefined;
}
declare function createTaskCommand(input: SdkCreateTaskCommandInput): void;

export function useSdkInput(input: SdkCreateTaskCommandInput): number {
  createTaskCommand(applyDefaults(input));
  createTaskCommand(applyDefaults(input, { locations: [] }));
  // T's own type for BytesPerSecond; `number | bigint` where T has none.
  const limit: number = applyDefaults(input).Options.BytesPerSecond;
  const untyped: number | bigint = applyDefaults({ Options: { Mtime: 'NONE' as const } }).Options.BytesPerSecond;
  // @ts-expect-error without a type of its own BytesPerSecond may be a BigInt.
  const notOnlyNumber: number = applyDefaults({}).Options.BytesPerSecond;
  return limit + Number(untyped) + notOnlyNumber;
}

// datasync-task-validator/form-kit beside validate(): a diagnostic's fix goes to
// applyPatch() as it is, and nearestSlot() finds its place in a Map of slots.
import { applyPatch, nearestSlot, setAt, type JsonValue } from 'datasync-task-validator/form-kit';

export function useFormKit(start: CreateTaskRequest, slots: Map<string | undefined, { append(text: string): void }>): JsonValue {
  let request: JsonValue = start;
  for (const d of validate(request).errors) {
    if (d.fix) request = applyPatch(request, d.fix);
    // null when not even the request ('') has a slot.
    const slot: string | null = nearestSlot(d.path, slots);
    slots.get(slot ?? '')?.append(d.message);
  }
  return setAt({ ...start }, '/Options/Mtime', 'NONE');
}
