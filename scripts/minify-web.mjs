// Minifies the JavaScript a browser downloads (the web glue, the web entry and
// the text path), in place, each with a source map beside it that holds the
// readable original: a browser's developer tools show that one, and no page
// fetches a map otherwise. Written by scripts/build.sh; the size budget
// (tests/node/size.test.mjs) counts these files.
//
//   node scripts/minify-web.mjs DIR FILE=ORIGINAL...
//
// FILE is a file in DIR; ORIGINAL names its source in the map (the repository
// path of a hand-written file, or where a generated one comes from).
// esbuild's transform only: no bundling, so each module keeps its imports,
// its exports and the `new URL('…', import.meta.url)` bundlers look for.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'esbuild';

const [dir, ...files] = process.argv.slice(2);
if (!dir || files.length === 0 || files.some((pair) => !/^[^=]+=[^=]+$/.test(pair))) {
  console.error('usage: node scripts/minify-web.mjs DIR FILE=ORIGINAL...');
  process.exit(2);
}

for (const pair of files) {
  const [file, original] = pair.split('=');
  const path = join(dir, file);
  const result = await transform(readFileSync(path, 'utf8'), {
    minify: true,
    format: 'esm',
    // Drops what minifying left unused: the constants it wrote in place
    // (js/text-path.mjs's TAG_*, which esbuild inlines where each is used
    // when no statement that may run code comes before them).
    treeShaking: true,
    sourcemap: 'external',
    sourcefile: original,
  });
  for (const warning of result.warnings) console.error(`[minify-web] ${file}: ${warning.text}`);
  writeFileSync(path, `${result.code}//# sourceMappingURL=${file}.map\n`);
  writeFileSync(`${path}.map`, result.map);
}
