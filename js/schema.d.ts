// Types of datasync-task-validator/schema.
import type { JsonSchema, Operation } from './index.js';

export type { JsonSchema, Operation };

/**
 * The JSON Schema (draft-07) of `operation`'s request (CreateTask by default),
 * as the AWS CLI's `--cli-input-json` file holds it; a new object on every call.
 * The same documents ship as `datasync-task-validator/schema/create-task.schema.json`,
 * `update-task.schema.json` and `start-task-execution.schema.json`.
 * @throws {TypeError} for an operation other than the three.
 */
export declare function schema(operation?: Operation): JsonSchema;
