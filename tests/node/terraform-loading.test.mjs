// How the command loads a Terraform module before it checks it: location
// arguments of the wrong shape, variable values from *.tfvars.json, override
// files, templates as object keys and provider aliases in .tf.json, resources
// that count or for_each make none of, and large tag maps. Run from the built
// package over tests/cli/fixtures/terraform/ and small modules written per test.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DESTINATION, requireBuiltPackage, runCommand, SOURCE } from './helpers.mjs';

requireBuiltPackage();
const FIXTURES = 'tests/cli/fixtures/terraform';

const json = (args, options) => {
  const result = runCommand(['--format', 'json', ...args], options);
  return { ...result, document: JSON.parse(result.stdout) };
};
const tasksOf = (document) => document.files.flatMap((f) => f.tasks.map((t) => ({ ...t, file: f.file })));
const codes = (task) => task.diagnostics.map((d) => `${d.code} ${d.attribute}`);

/** A folder of files for one test (`t`), removed when the test ends. */
function folder(t, files) {
  const root = mkdtempSync(join(tmpdir(), 'dtv-terraform-loading-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return { root };
}

const task = (body, name = 't') => `resource "aws_datasync_task" "${name}" {
  source_location_arn      = "${SOURCE}"
  destination_location_arn = "${DESTINATION}"
${body}
}
`;

test('a location argument of a shape Terraform rejects is left out of the description, never the internal-error path', () => {
  const { status, stderr, document } = json([`${FIXTURES}/wrong-shape`]);
  assert.equal(stderr, '');
  assert.equal(status, 0);
  const described = Object.fromEntries(tasksOf(document).map((t) => [t.logicalId, t.locations.map((l) => l.description)]));
  const shape = (descriptions) => descriptions.map(({ LocationArn, ...rest }) => (assert.match(LocationArn, /^arn:aws:datasync:/), rest));
  // agent_arns a string, mount_options.version an object, s3_storage_class a list, agent_arns [null]: each left out.
  assert.deepEqual(shape(described['aws_datasync_task.exports']), [{ type: 'NFS' }, { type: 'S3' }]);
  assert.deepEqual(shape(described['aws_datasync_task.share']), [{ type: 'SMB' }, { type: 'S3' }]);
});
