// Time the command's HCL reader (pkg/cli/hcl_reader.cjs, crates/hcl-reader)
// on generated Terraform with one large object, against a list of the same
// size: hcl-edit checks each object key against every earlier one, so its
// object parse grows with the square of the item count.
// Prints CPU seconds (user + system, this process) per read; asserts nothing.
//
//   node bench/hcl-objects.cjs [--sizes 10000,20000,40000,100000] DIR...
//
// DIR holds hcl_reader.cjs (a build's pkg/cli). Objects are written one key
// per line, as the hunt's 1.5 MB reproducer (`locals { m = { k0 = 1 ... } }`).
'use strict';
const path = require('node:path');

const args = process.argv.slice(2);
let sizes = [10_000, 20_000, 40_000, 100_000];
const dirs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--sizes') sizes = args[++i].split(',').map(Number);
  else dirs.push(args[i]);
}
if (dirs.length === 0) {
  console.error('usage: node bench/hcl-objects.cjs [--sizes N,N...] DIR...');
  process.exit(2);
}

const object = (n) => {
  const lines = ['locals {', '  m = {'];
  for (let i = 0; i < n; i++) lines.push(`    k${i} = 1`);
  lines.push('  }', '}', '');
  return lines.join('\n');
};
const list = (n) => {
  const lines = ['locals {', '  m = ['];
  for (let i = 0; i < n; i++) lines.push(`    "k${i}",`);
  lines.push('  ]', '}', '');
  return lines.join('\n');
};

for (const dir of dirs) {
  const { readHcl } = require(path.resolve(dir, 'hcl_reader.cjs'));
  readHcl('a = 1\n'); // instantiate before timing
  for (const n of sizes) {
    for (const [shape, text] of [['object', object(n)], ['list', list(n)]]) {
      const before = process.cpuUsage();
      const out = JSON.parse(readHcl(text));
      const used = process.cpuUsage(before);
      const seconds = (used.user + used.system) / 1e6;
      const result = out.ok ? 'read' : `refused at ${out.line}:${out.column}: ${out.message}`;
      console.log(`${dir}\t${shape} of ${n} items (${text.length} B)\t${seconds.toFixed(3)} s CPU\t${result}`);
    }
  }
}
