// Bundled by tests/node/bundler.test.mjs: imports the package by name, as an app would.
import init, { validate, applyDefaults, version } from 'datasync-task-validator';

const source = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0';
const destination = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210';

async function main() {
  const results = {};
  try {
    try {
      validate({});
      results.beforeInit = 'no error';
    } catch (error) {
      results.beforeInit = `${error.name}: ${error.message}`;
    }
    await init();
    results.empty = validate({});
    results.good = validate({ SourceLocationArn: source, DestinationLocationArn: destination });
    results.verifyMode = applyDefaults({ TaskMode: 'ENHANCED' }).Options.VerifyMode;
    results.version = version();
  } catch (error) {
    results.error = String(error?.stack ?? error);
  }
  window.__results = results;
}

main();
