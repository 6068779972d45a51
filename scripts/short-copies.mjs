// Short memory copies in the .wasm without `memory.copy`: scripts/build.sh
// runs this on wasm-bindgen's output, before wasm-opt.
//
//   node scripts/short-copies.mjs IN.wasm OUT.wasm
//
// Why: rustc turns every copy of a length known only at run time (a
// `push_str`, a message's piece, a string copied into the report's record,
// a vector moved) into one `memory.copy` instruction. V8 runs it as a call
// out of the compiled wasm into its C++ (`memory_copy_wrapper`, then libc's
// `memcpy`): several dozen instructions before a byte moves, which for the
// short strings of a report is most of the copy. Here every `memory.copy`
// becomes a call to one function of the module's own, COPY below, which
// copies up to LIMIT (32) bytes itself with a few loads and stores, and
// hands anything longer to `memory.copy` (a loop over longer copies costs
// more than the call: docs/performance.md, "The invalid request:
// diagnostics written once").
//
// How: the module as text (binaryen's wasm-dis), each `(memory.copy` made
// `(call $copy_short_or_long` (the same three operands: destination,
// source, length), COPY added, and the text assembled again (wasm-as);
// wasm-opt then optimizes the whole as before. Fails, and so fails the
// build, if the text has no `memory.copy` (a sign that its format changed).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Copies of at most this many bytes are done by COPY itself. */
export const LIMIT = 32;

/**
 * The copy function, in binaryen's text format: `memory.copy`'s meaning
 * (the destination, the source and the length; overlapping ranges copied
 * as if through a buffer; out-of-bounds traps) for any length.
 * - Longer than LIMIT: `memory.copy` itself.
 * - 16 to 32 bytes: the first two and the last two 64-bit words (the last
 *   ones overlapping the first when shorter than 32);
 * - 8 to 15 bytes: the first word and the last;
 * - 4 to 7 bytes: the first and the last 32-bit word;
 * - 1 to 3 bytes: the first, middle and last byte.
 * Every word is read before any is written, so overlapping ranges copy
 * right either way. (A loop of words up to 128 bytes measured slower than
 * `memory.copy` on the longer copies: docs/performance.md.)
 */
export const COPY = `
 (func $copy_short_or_long (param $to i32) (param $from i32) (param $length i32)
  (local $a i64) (local $b i64) (local $c i64) (local $d i64)
  (local $first i32) (local $middle i32) (local $end i32)
  (if (i32.gt_u (local.get $length) (i32.const ${LIMIT}))
   (then
    (memory.copy (local.get $to) (local.get $from) (local.get $length))
    (return)))
  (if (i32.ge_u (local.get $length) (i32.const 16))
   (then
    (local.set $a (i64.load (local.get $from)))
    (local.set $b (i64.load offset=8 (local.get $from)))
    (local.set $c
     (i64.load (i32.sub (i32.add (local.get $from) (local.get $length)) (i32.const 16))))
    (local.set $d
     (i64.load (i32.sub (i32.add (local.get $from) (local.get $length)) (i32.const 8))))
    (i64.store (local.get $to) (local.get $a))
    (i64.store offset=8 (local.get $to) (local.get $b))
    (i64.store (i32.sub (i32.add (local.get $to) (local.get $length)) (i32.const 16))
     (local.get $c))
    (i64.store (i32.sub (i32.add (local.get $to) (local.get $length)) (i32.const 8))
     (local.get $d))
    (return)))
  (if (i32.ge_u (local.get $length) (i32.const 8))
   (then
    (local.set $a (i64.load (local.get $from)))
    (local.set $d
     (i64.load (i32.sub (i32.add (local.get $from) (local.get $length)) (i32.const 8))))
    (i64.store (local.get $to) (local.get $a))
    (i64.store (i32.sub (i32.add (local.get $to) (local.get $length)) (i32.const 8))
     (local.get $d))
    (return)))
  (if (i32.ge_u (local.get $length) (i32.const 4))
   (then
    (local.set $first (i32.load (local.get $from)))
    (local.set $end
     (i32.load (i32.sub (i32.add (local.get $from) (local.get $length)) (i32.const 4))))
    (i32.store (local.get $to) (local.get $first))
    (i32.store (i32.sub (i32.add (local.get $to) (local.get $length)) (i32.const 4))
     (local.get $end))
    (return)))
  (if (local.get $length)
   (then
    (local.set $first (i32.load8_u (local.get $from)))
    (local.set $middle
     (i32.load8_u (i32.add (local.get $from) (i32.shr_u (local.get $length) (i32.const 1)))))
    (local.set $end
     (i32.load8_u (i32.sub (i32.add (local.get $from) (local.get $length)) (i32.const 1))))
    (i32.store8 (local.get $to) (local.get $first))
    (i32.store8 (i32.add (local.get $to) (i32.shr_u (local.get $length) (i32.const 1)))
     (local.get $middle))
    (i32.store8 (i32.sub (i32.add (local.get $to) (local.get $length)) (i32.const 1))
     (local.get $end)))))
`;

/**
 * `module`, a module in binaryen's text format, with every `memory.copy`
 * a call to COPY, and COPY added before the module's closing parenthesis.
 */
export function withShortCopies(module) {
  const copies = module.split('(memory.copy').length - 1;
  if (copies === 0) {
    throw new Error('short-copies: no (memory.copy in the module text; has the text format changed?');
  }
  if (module.includes('$copy_short_or_long')) {
    throw new Error('short-copies: the module already has $copy_short_or_long');
  }
  const body = module.replaceAll('(memory.copy', '(call $copy_short_or_long');
  const end = body.lastIndexOf(')');
  return { text: `${body.slice(0, end)}${COPY})\n`, copies };
}

// The features rustc's output uses, as scripts/build.sh passes them to wasm-opt.
const FEATURES = [
  '--enable-bulk-memory', '--enable-reference-types', '--enable-nontrapping-float-to-int',
  '--enable-sign-ext', '--enable-mutable-globals', '--enable-multivalue',
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    console.error('usage: node scripts/short-copies.mjs IN.wasm OUT.wasm');
    process.exit(2);
  }
  const tools = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.bin');
  const text = execFileSync(path.join(tools, 'wasm-dis'), [...FEATURES, input], { maxBuffer: 1 << 28 }).toString();
  const { text: rewritten, copies } = withShortCopies(text);
  const wat = `${output}.wat`;
  fs.writeFileSync(wat, rewritten);
  execFileSync(path.join(tools, 'wasm-as'), [...FEATURES, wat, '-o', output]);
  fs.rmSync(wat);
  console.log(`[short-copies] ${copies} memory.copy made calls to $copy_short_or_long`);
}
