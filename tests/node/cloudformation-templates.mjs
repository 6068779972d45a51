// Builders of the CloudFormation templates the template tests check, so
// that each test shows only what differs: its parameters, conditions,
// mappings and resources. Not a test file itself.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from './helpers.mjs';

export const SOURCE = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0';
export const DESTINATION = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210';
const ROLE = 'arn:aws:iam::111122223333:role/r';
const AGENT = 'arn:aws:datasync:us-east-1:111122223333:agent/agent-0123456789abcdef0';

/**
 * Three location resources: S3a and S3b (buckets in S3) and Nfs (an NFS
 * server). Between two buckets PosixPermissions PRESERVE is refused; between a
 * bucket and Nfs it is not.
 */
export const LOCATIONS = `  S3a:
    Type: AWS::DataSync::LocationS3
    Properties: {S3BucketArn: 'arn:aws:s3:::a', S3Config: {BucketAccessRoleArn: '${ROLE}'}}
  S3b:
    Type: AWS::DataSync::LocationS3
    Properties: {S3BucketArn: 'arn:aws:s3:::b', S3Config: {BucketAccessRoleArn: '${ROLE}'}}
  Nfs:
    Type: AWS::DataSync::LocationNFS
    Properties: {ServerHostname: files.example.com, Subdirectory: /export, OnPremConfig: {AgentArns: ['${AGENT}']}}
`;

/** A YAML block: `text`'s lines, each indented by `spaces` more. */
export const indent = (text, spaces) => text.replace(/^(?=.)/gm, ' '.repeat(spaces));

/**
 * An AWS::DataSync::Task resource `name` (at the indentation of a resource of
 * Resources, or deeper with `at`), with `properties` (YAML lines, unindented)
 * after its SourceLocationArn and DestinationLocationArn (literal ARNs unless given).
 */
export function task(name, properties = '', { source = SOURCE, destination = DESTINATION, at = 2 } = {}) {
  const body = `SourceLocationArn: ${source}\nDestinationLocationArn: ${destination}\n${properties}`;
  return indent(`${name}:\n  Type: AWS::DataSync::Task\n  Properties:\n${indent(body.replace(/\n$/, ''), 4)}\n`, at);
}

/**
 * A template with the AWS::LanguageExtensions transform (unless `transform`
 * is false) and the sections given (each a YAML block of lines indented two
 * spaces, as `task` and LOCATIONS make them); `resources` is required.
 */
export function template({ transform = true, parameters, mappings, conditions, resources }) {
  const section = (name, body) => (body ? `${name}:\n${body.replace(/\n?$/, '\n')}` : '');
  return `AWSTemplateFormatVersion: 2010-09-09\n${transform ? 'Transform: AWS::LanguageExtensions\n' : ''}${section('Parameters', parameters)}${section('Mappings', mappings)}${section('Conditions', conditions)}${section('Resources', resources)}`;
}

/** The command's report of one file (named `name`) in `format` (json: parsed, `file` being its first file). */
export function reportOf(text, { name = 'template.yaml', format = 'json', args = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'cfn-template-'));
  try {
    writeFileSync(join(dir, name), text);
    const result = runCommand(['--format', format, ...args, name], { cwd: dir });
    if (format !== 'json') return { status: result.status, text: result.stdout };
    return { status: result.status, file: JSON.parse(result.stdout).files[0], text: result.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `path code` of each finding of a task. */
export const findings = (task) => task.diagnostics.map((d) => `${d.path} ${d.code}`);

/** A file's tasks by logical ID. */
export const byId = (file) => Object.fromEntries(file.tasks.map((t) => [t.logicalId, t]));
