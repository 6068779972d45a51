// datasync-task-validator/form-kit: the generic plumbing a form around validate()
// needs, shipped with the package so an embedding portal does not rewrite it.
// Plain functions, no DOM and no WebAssembly; the package's own web form
// (www/) is built on them.
//
//   JSON Pointers (RFC 6901)   splitPointer, joinPointer, parentPointer,
//                              getAt, setAt, removeAt, nearestSlot
//   JSON Patch (RFC 6902)      applyPatch (for a diagnostic's `fix`)
//   exact numbers              parseExact, numberFromText, isRawJSON
//   links                      encodeBase64Url, decodeBase64Url
//
// Values are plain JSON values; where the browser has JSON.rawJSON (Chromium
// 114+, Firefox 135+, Safari 18.4+), numbers that a double would change
// (9007199254740993, 1e3, 1.0) are kept as raw JSON values carrying their own
// text, and JSON.stringify writes them back exactly as typed.

/** RFC 6901: '/Tags/0/Key' -> ['Tags', '0', 'Key']; '' (the whole document) -> []. */
export function splitPointer(pointer) {
  if (pointer === '') return [];
  // RFC 6901: a pointer starts with '/', and '~' is only ever '~0' or '~1'.
  if (typeof pointer !== 'string' || pointer[0] !== '/' || /~(?![01])/.test(pointer)) {
    throw new TypeError(`not a JSON Pointer: ${String(pointer).slice(0, 80)}`);
  }
  return pointer.slice(1).split('/').map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The inverse of splitPointer: ['a/b', 'c~d'] -> '/a~1b/c~0d'. */
export function joinPointer(segments) {
  return segments.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Whether `text` is an RFC 6901 JSON Pointer. */
function isPointer(text) {
  try {
    splitPointer(text);
    return true;
  } catch {
    return false;
  }
}

/** '/Tags/0/Key' -> '/Tags/0'; the root's parent is the root (''). */
export function parentPointer(pointer) {
  return pointer.slice(0, Math.max(0, pointer.lastIndexOf('/')));
}

/** True for a JSON.rawJSON value (a number kept as its own text). */
export function isRawJSON(value) {
  return typeof JSON.isRawJSON === 'function' && JSON.isRawJSON(value);
}

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value) && !isRawJSON(value);
const isContainer = (value) => Array.isArray(value) || isObject(value);

/**
 * Sets member `key` of `container` to `value`. A `__proto__` is defined as an
 * own data member, as JSON.parse makes one: assigned, it would replace the
 * object's prototype and add no member.
 */
function put(container, key, value) {
  if (key === '__proto__') Object.defineProperty(container, key, { value, writable: true, enumerable: true, configurable: true });
  else container[key] = value;
}
const isIndex = (segment) => /^(0|[1-9]\d*)$/.test(segment);

/** The value at `pointer` in `root`, or undefined when there is none. */
export function getAt(root, pointer) {
  let value = root;
  for (const segment of splitPointer(pointer)) {
    if (Array.isArray(value) ? !isIndex(segment) : !isObject(value)) return undefined;
    if (!Object.hasOwn(value, segment)) return undefined;
    value = value[segment];
  }
  return value;
}

/** Whether `segment` names a list item or the end of a list (RFC 6902's `-`). */
const isListSegment = (segment) => segment === '-' || isIndex(segment);

/** The key `segment` stands for in `container`: `-` is the slot after a list's last item. */
const keyIn = (container, segment) => (Array.isArray(container) && segment === '-' ? String(container.length) : segment);

/**
 * Sets the member at `pointer` (not the root) and returns `root`. Missing
 * parents are created on the way (a list when the next segment is an index or
 * `-`, else an object), and a parent that is not an object or a list is
 * replaced. In a list, `-` appends and an index may be at most its length, so
 * no hole is left. A segment no list can take (`/Tags/x`, `/Tags/01`, an index
 * past the end) throws a TypeError before anything is changed: an object or a
 * list the user has is never replaced.
 */
export function setAt(root, pointer, value) {
  const segments = splitPointer(pointer);
  if (segments.length === 0) throw new TypeError('setAt cannot replace the root; assign it instead');
  let probe = root; // a dry run first, so a refusal changes nothing
  segments.forEach((segment, index) => {
    if (Array.isArray(probe) && !(segment === '-' || (isIndex(segment) && Number(segment) <= probe.length))) {
      const where = joinPointer(segments.slice(0, index)) || 'the root';
      throw new TypeError(`setAt: the list at ${where} has ${probe.length} items and no position ${JSON.stringify(segment)}`);
    }
    const key = keyIn(probe, segment);
    const next = isContainer(probe) && Object.hasOwn(probe, key) ? probe[key] : undefined;
    probe = isContainer(next) ? next : isListSegment(segments[index + 1]) ? [] : {};
  });
  let container = root;
  for (let index = 0; index < segments.length - 1; index += 1) {
    const key = keyIn(container, segments[index]);
    if (!isContainer(Object.hasOwn(container, key) ? container[key] : undefined)) {
      put(container, key, isListSegment(segments[index + 1]) ? [] : {});
    }
    container = container[key];
  }
  put(container, keyIn(container, segments.at(-1)), value);
  return root;
}

/**
 * Removes the member at `pointer` (a list item is spliced out, so later items
 * move up). With `prune` (the default) the objects and lists this leaves
 * empty are removed too, so an emptied section is omitted rather than sent as
 * `{}` or `[]`; a list item is never pruned (each is a row the user added). Returns whether a member was removed.
 */
export function removeAt(root, pointer, { prune = true } = {}) {
  const segments = splitPointer(pointer);
  if (segments.length === 0) return false;
  const chain = [root]; // chain[i] is the value at segments[0..i)
  for (const segment of segments.slice(0, -1)) {
    const parent = chain.at(-1);
    if (!isContainer(parent) || !Object.hasOwn(parent, segment)) return false;
    chain.push(parent[segment]);
  }
  const parent = chain.at(-1);
  const last = segments.at(-1);
  if (Array.isArray(parent)) {
    if (!isIndex(last) || Number(last) >= parent.length) return false;
    parent.splice(Number(last), 1);
  } else if (isObject(parent) && Object.hasOwn(parent, last)) {
    delete parent[last];
  } else {
    return false;
  }
  if (!prune) return true;
  for (let i = chain.length - 1; i > 0; i -= 1) {
    const holder = chain[i - 1];
    const node = chain[i];
    if (Array.isArray(holder) || !isContainer(node) || Object.keys(node).length > 0) break;
    delete holder[segments[i - 1]];
  }
  return true;
}

/**
 * The pointer of the slot a diagnostic at `path` belongs in: `path` itself when
 * `hasSlot(path)`, else its nearest ancestor that has one, else null. Costs one
 * lookup per path segment, never a document search. `hasSlot` is a function, a
 * Set or a Map of pointers.
 */
export function nearestSlot(path, hasSlot) {
  const has = typeof hasSlot === 'function' ? hasSlot : (pointer) => hasSlot.has(pointer);
  for (let pointer = path; ; pointer = parentPointer(pointer)) {
    if (has(pointer)) return pointer;
    if (pointer === '') return null;
  }
}

/** A deep copy of a JSON value (raw JSON numbers are immutable and shared). */
function copy(value) {
  if (Array.isArray(value)) return value.map(copy);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, copy(child)]));
  return value;
}

function sameValue(a, b) {
  if (isRawJSON(a) || isRawJSON(b)) return JSON.stringify(a) === JSON.stringify(b);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]));
  }
  return a === b;
}

/**
 * Applies RFC 6902 JSON Patch `operations` (add, remove, replace, move, copy,
 * test) to a copy of `document` and returns the copy; `document` itself is never
 * changed. Throws a TypeError naming the operation when one cannot apply (a
 * missing target, a failed test), in which case nothing was changed.
 */
export function applyPatch(document, operations) {
  if (!Array.isArray(operations)) throw new TypeError('a JSON Patch is an array of operations');
  const root = { '': copy(document) }; // a holder, so the root itself can be replaced
  const inHolder = (pointer) => (pointer === '' ? '/' : `/${pointer}`); // '' -> '/', '/a' -> '//a'
  operations.forEach((operation, index) => {
    const fail = (why) => {
      throw new TypeError(`JSON Patch operation ${index} (${operation?.op} ${operation?.path}): ${why}`);
    };
    if (operation === null || typeof operation !== 'object' || typeof operation.path !== 'string') fail('not an operation');
    // The holder's pointers prefix a '/', which would make 'b' mean '/b' of the holder: check the operation's own.
    if (!isPointer(operation.path) || (typeof operation.from === 'string' && !isPointer(operation.from))) fail('not a JSON Pointer');
    const path = inHolder(operation.path);
    const parentPath = parentPointer(path);
    const key = splitPointer(path).at(-1);
    const parent = getAt(root, parentPath);
    const exists = getAt(root, path) !== undefined;
    const insert = (value) => {
      if (Array.isArray(parent)) {
        const position = key === '-' ? parent.length : isIndex(key) ? Number(key) : -1;
        if (position < 0 || position > parent.length) fail('no such list position');
        parent.splice(position, 0, value);
      } else if (isObject(parent)) {
        put(parent, key, value);
      } else {
        fail('its parent does not exist');
      }
    };
    switch (operation.op) {
      case 'add':
        if (!('value' in operation)) fail('no value');
        if (path === '/') root[''] = copy(operation.value);
        else insert(copy(operation.value));
        break;
      case 'remove':
        if (!exists || path === '/') fail('nothing to remove');
        removeAt(root, path, { prune: false });
        break;
      case 'replace':
        if (!exists) fail('nothing to replace');
        if (!('value' in operation)) fail('no value');
        if (path === '/') root[''] = copy(operation.value);
        else parent[key] = copy(operation.value);
        break;
      case 'move':
      case 'copy': {
        if (typeof operation.from !== 'string') fail('no from');
        const from = inHolder(operation.from);
        const value = getAt(root, from);
        if (value === undefined) fail('nothing at from');
        if (operation.op === 'move') {
          if (path === from) break;
          if (path.startsWith(`${from}/`)) fail('cannot move a value into itself');
          removeAt(root, from, { prune: false });
        }
        try {
          root[''] = applyPatch(root[''], [{ op: 'add', path: operation.path, value }]);
        } catch {
          fail('its target does not exist');
        }
        break;
      }
      case 'test':
        if (!('value' in operation)) fail('no value');
        if (!sameValue(getAt(root, path), operation.value)) fail('the test failed');
        break;
      default:
        fail('unknown op');
    }
  });
  return root[''];
}

/**
 * Text in which some JSON number may not survive a double: a fraction or an
 * exponent, 16 or more digits in a row, or -0. Every other JSON number is an
 * integer of at most 15 digits, which a double keeps exactly and writes back
 * the same. (A match inside a string only costs the slower, exact parse.)
 */
const MAY_CHANGE = /\d[.eE]|\d{16}|-0(?!\d)/;

/**
 * JSON.parse that keeps every number's own text where a double would change it
 * (integers beyond 2^53, 1e3, 1.0) as a JSON.rawJSON value. Without
 * JSON.rawJSON it is JSON.parse. Throws what JSON.parse throws. Text with no
 * number that could change is parsed without a reviver, which is several times
 * faster on a large request (a link with 30,000 members: about 100 ms less).
 */
export function parseExact(text) {
  if (typeof JSON.rawJSON !== 'function' || !MAY_CHANGE.test(text)) return JSON.parse(text);
  return JSON.parse(text, (key, value, context) =>
    (typeof value === 'number' && context?.source !== undefined && context.source !== String(value)
      ? JSON.rawJSON(context.source)
      : value));
}

/**
 * The JSON value for what was typed into a number field: a number when the
 * trimmed text is a JSON number (a raw JSON value when a double would change it
 * and the browser has JSON.rawJSON), otherwise the text itself, so the validator
 * can say what is wrong with it instead of a form silently dropping it.
 */
export function numberFromText(text) {
  const trimmed = text.trim();
  if (!/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(trimmed)) return text;
  const number = Number(trimmed);
  if (String(number) === trimmed || typeof JSON.rawJSON !== 'function') return number;
  return JSON.rawJSON(trimmed);
}

/** UTF-8 text -> base64url without padding (RFC 4648 section 5), for #request= links. */
export function encodeBase64Url(text) {
  const bytes = new TextEncoder().encode(text);
  // Native where the engine has it (Chromium 140+, Firefox 133+, Safari 18.2+): several times faster on a large request.
  if (typeof bytes.toBase64 === 'function') return bytes.toBase64({ alphabet: 'base64url', omitPadding: true });
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The inverse of encodeBase64Url; throws on data that is not base64url of UTF-8 text. */
export function decodeBase64Url(data) {
  if (!/^[A-Za-z0-9_-]*$/.test(data)) throw new TypeError('not base64url');
  if (typeof Uint8Array.fromBase64 === 'function') {
    let bytes;
    try {
      bytes = Uint8Array.fromBase64(data, { alphabet: 'base64url' });
    } catch {
      throw new TypeError('not base64url');
    }
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  }
  const binary = atob(data.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
