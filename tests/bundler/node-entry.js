// Bundled for Node.js by tests/node/bundler-node.test.mjs (esbuild as CDK's
// NodejsFunction runs it, and webpack with target node): imports the package by
// name, as a Lambda handler would, and prints what it gets as one JSON line.
import init, { validate, applyDefaults, version } from 'datasync-task-validator';

const source = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0';
const destination = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210';

async function main() {
  await init();
  const results = {
    empty: validate({}),
    good: validate({ SourceLocationArn: source, DestinationLocationArn: destination }),
    text: validate('{"SourceLocationArn": 1}'),
    verifyMode: applyDefaults({ TaskMode: 'ENHANCED' }).Options.VerifyMode,
    version: version(),
  };
  process.stdout.write(JSON.stringify(results) + '\n');
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error) + '\n');
  process.exitCode = 1;
});
