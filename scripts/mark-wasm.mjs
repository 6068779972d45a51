// The build's mark, for scripts/build.sh:
//
//   node scripts/mark-wasm.mjs FILE
//
// appends a custom section `sha256` to the .wasm FILE, holding the SHA-256
// digest of everything before it (engines skip custom sections), and prints
// the section's bytes as base64, for packageWasm (js/node/package-wasm.cjs).
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/mark-wasm.mjs FILE');
  process.exit(2);
}
const body = readFileSync(file);
const name = Buffer.from('sha256');
const digest = createHash('sha256').update(body).digest();
const content = Buffer.concat([Buffer.from([name.length]), name, digest]);
// id 0 (custom), then the content size as one LEB128 byte (39 < 128).
const section = Buffer.concat([Buffer.from([0, content.length]), content]);
appendFileSync(file, section);
process.stdout.write(section.toString('base64'));
