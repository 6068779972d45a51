// Types for datasync-task-validator/form-kit: the generic plumbing of a form
// around validate() (JSON Pointers, JSON Patch, exact numbers, links).

/** A JSON value; numbers a double would change may be JSON.rawJSON values. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue } | object;

/** One RFC 6902 operation, as a diagnostic's `fix` carries them. */
export type PatchOperation =
  | { op: 'add' | 'replace' | 'test'; path: string; value: JsonValue }
  | { op: 'remove'; path: string }
  | { op: 'move' | 'copy'; from: string; path: string };

/** RFC 6901: '/Tags/0/Key' -> ['Tags', '0', 'Key']; '' -> []. Throws a TypeError for a non-pointer (no leading '/', a '~' not followed by 0 or 1). */
export function splitPointer(pointer: string): string[];
/** ['a/b', 'c~d'] -> '/a~1b/c~0d'. */
export function joinPointer(segments: readonly (string | number)[]): string;
/** '/Tags/0/Key' -> '/Tags/0'; '/Name' -> ''. */
export function parentPointer(pointer: string): string;
/** The value at `pointer`, or undefined. */
export function getAt(root: JsonValue, pointer: string): JsonValue | undefined;
/**
 * Sets the member at `pointer`, creating missing parents; returns `root`. In a list `-` appends and an
 * index may be at most the length; any other position throws a TypeError and changes nothing.
 */
export function setAt<T extends object>(root: T, pointer: string, value: JsonValue): T;
/** Removes the member at `pointer` (and, with `prune`, the objects and lists left empty); true when something was removed. */
export function removeAt(root: object, pointer: string, options?: { prune?: boolean }): boolean;
/** The pointer of the slot for a diagnostic at `path`: itself or its nearest ancestor with a slot, else null. */
export function nearestSlot(path: string, hasSlot: ((pointer: string) => boolean) | { has(pointer: string): boolean }): string | null;
/** Applies a JSON Patch to a copy of `document`; throws a TypeError (and changes nothing) when an operation cannot apply. */
export function applyPatch<T extends JsonValue>(document: T, operations: readonly PatchOperation[]): JsonValue;
/** True for a JSON.rawJSON value. */
export function isRawJSON(value: unknown): boolean;
/** JSON.parse keeping numbers a double would change as JSON.rawJSON values (where the engine has them). */
export function parseExact(text: string): JsonValue;
/** A typed number field's JSON value: a (raw) number for JSON number text, else the text itself. */
export function numberFromText(text: string): JsonValue;
/** UTF-8 text -> base64url without padding. */
export function encodeBase64Url(text: string): string;
/** base64url -> UTF-8 text; throws for anything else. */
export function decodeBase64Url(data: string): string;
