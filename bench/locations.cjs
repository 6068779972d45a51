// The location descriptions the benchmarks pass as options: two entries as
// ListLocations gives them (NFS to S3, which adds no finding to full-basic's
// report), and the `basic+locations` input, full-basic judged with them.
// One home for ab-cpu.cjs, bench.mjs, instructions.cjs and locations-cpu.cjs,
// so their figures are for the same call.
'use strict';

const SOURCE = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0';
const DESTINATION = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210';

/** The two descriptions. */
const PAIR = [
  { LocationArn: SOURCE, LocationUri: 'nfs://files.example.com/exports/home/' },
  { LocationArn: DESTINATION, LocationUri: 's3://home-backup/2026/' },
];

/** The options of `basic+locations`: examples/full-basic.json with PAIR. */
const BASIC_WITH_LOCATIONS = { example: 'full-basic', options: { locations: PAIR } };

module.exports = { SOURCE, DESTINATION, PAIR, BASIC_WITH_LOCATIONS };
