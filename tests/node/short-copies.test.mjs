// scripts/short-copies.mjs makes every memory.copy of the .wasm a call to a
// function of the module's own that copies short ranges itself: that
// function must do what memory.copy does, for every length and every
// overlap, and the built .wasm must use it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import binaryen from 'binaryen';
import { COPY, LIMIT, withShortCopies } from '../../scripts/short-copies.mjs';
import { pkgDir, requireBuiltPackage } from './helpers.mjs';

/** A module of one page of memory exporting the copy function as `copy`. */
function copyModule() {
  const module = binaryen.parseText(
    `(module (memory $memory 1) (export "memory" (memory $memory)) (export "copy" (func $copy_short_or_long))${COPY})`,
  );
  module.setFeatures(binaryen.Features.All);
  assert.ok(module.validate(), 'the copy function is valid wasm');
  const bytes = module.emitBinary();
  module.dispose();
  return new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports;
}

test('the copy function moves exactly the bytes memory.copy moves, for every length to 40 bytes past its limit and every overlap within 40 bytes', () => {
  const { memory, copy } = copyModule();
  const bytes = new Uint8Array(memory.buffer);
  const base = 4096;
  // Distances of the destination from the source: overlapping either way
  // (each distance under a word and a few words), equal, and apart.
  const distances = [0, 500, -500];
  for (let distance = 1; distance <= 40; distance += 1) distances.push(distance, -distance);
  let copies = 0;
  for (let length = 0; length <= LIMIT + 40; length += 1) {
    for (const distance of distances) {
      // A pattern with no repeat within the range, so a byte read from the
      // wrong place, or read after it was overwritten, shows.
      for (let at = 0; at < 2048; at += 1) bytes[base - 1024 + at] = (at * 7 + length) & 0xff;
      const expected = bytes.slice(base - 1024, base + 1024);
      const from = base;
      const to = base + distance;
      // Uint8Array.copyWithin copies as if through a buffer, as memory.copy does.
      expected.copyWithin(to - (base - 1024), from - (base - 1024), from - (base - 1024) + length);
      copy(to, from, length);
      const actual = bytes.slice(base - 1024, base + 1024);
      assert.deepEqual(actual, expected, `length ${length}, destination ${distance} bytes from the source`);
      copies += 1;
    }
  }
  assert.ok(copies > 5_000, `${copies} copies`);
});

test('a copy beyond the memory traps, as memory.copy does, short or long', () => {
  const { memory, copy } = copyModule();
  const end = memory.buffer.byteLength;
  for (const length of [3, 7, 16, 100, LIMIT + 1]) {
    assert.throws(() => copy(end - length + 1, 0, length), WebAssembly.RuntimeError, `writing ${length} bytes past the end`);
    assert.throws(() => copy(0, end - length + 1, length), WebAssembly.RuntimeError, `reading ${length} bytes past the end`);
  }
});

test('the rewrite calls the copy function wherever memory.copy was, and refuses text without one', () => {
  const text = '(module\n (func $f (param $0 i32)\n  (memory.copy\n   (local.get $0)\n   (i32.const 8)\n   (i32.const 4)\n  )\n )\n)\n';
  const { text: rewritten, copies } = withShortCopies(text);
  assert.equal(copies, 1);
  assert.match(rewritten, /\(call \$copy_short_or_long\n {3}\(local\.get \$0\)/);
  assert.equal(rewritten.split('(memory.copy').length - 1, 1, 'memory.copy only inside the copy function');
  assert.throws(() => withShortCopies('(module)'), /no \(memory\.copy/);
});

test('the built .wasm copies through the copy function: memory.copy is left only inside it', () => {
  requireBuiltPackage();
  const module = binaryen.readBinary(readFileSync(join(pkgDir, 'datasync_task_validator_bg.wasm')));
  const text = module.emitText();
  module.dispose();
  const copies = text.split('(memory.copy').length - 1;
  assert.equal(copies, 1, `${copies} memory.copy in the built .wasm (rustc writes about 190; only the copy function's should be left)`);
});
