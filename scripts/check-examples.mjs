// The main job's terminal part: checks every request in examples/ with the
// built package and prints its report and the request with defaults filled in.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate, applyDefaults, describeSchedule, version } from 'datasync-task-validator';

const folder = process.argv[2] ?? 'examples';
console.log(`datasync-task-validator ${version()}: checking ${folder}/`);
for (const name of readdirSync(folder).filter((n) => n.endsWith('.json')).sort()) {
  const text = readFileSync(join(folder, name), 'utf8');
  const { valid, errors, warnings } = validate(text);
  console.log(`\n== ${name}: ${valid ? 'valid' : 'INVALID'} (${errors.length} errors, ${warnings.length} warnings)`);
  for (const d of [...errors, ...warnings]) {
    console.log(`  ${d.severity.padEnd(7)} ${d.path || '(root)'}  [${d.code}]\n          ${d.message}`);
  }
  const request = JSON.parse(text);
  const expression = request?.Schedule?.ScheduleExpression;
  if (typeof expression === 'string') {
    const schedule = describeSchedule(expression, { count: 3 });
    if (schedule.summary) console.log(`  schedule: ${schedule.summary}; next: ${schedule.nextRuns.join(', ')}`);
  }
  console.log('  with defaults:');
  console.log(JSON.stringify(applyDefaults(request), null, 2).replace(/^/gm, '    '));
}
