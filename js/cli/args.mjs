// Command-line arguments. Hand-written (util.parseArgs is missing from early
// Node 18 releases) so that every mistake gets one clear sentence.

export const NAME = 'datasync-task-validator';

export const USAGE = `Usage: ${NAME} [options] <file|directory|glob|->...

Checks AWS DataSync CreateTask, UpdateTask and StartTaskExecution requests
(JSON or YAML, as sent to the API or passed to "aws datasync create-task
--cli-input-json" and its siblings), every AWS::DataSync::Task resource in
CloudFormation templates (JSON or YAML) and every aws_datasync_task and
awscc_datasync_task in Terraform files (.tf, .tf.json, and OpenTofu's .tofu,
.tofu.json; each folder is a module) and plans ("terraform show -json
plan.out > plan.json").

Inputs:
  FILE                   a request or a template
  DIRECTORY              every *.json, *.yaml, *.yml, *.template, *.tf and *.tofu
                         file below it that is a task configuration (folders named
                         node_modules or starting with "." are skipped, and so are
                         files such as package.json that are not task
                         configurations)
  GLOB                   a quoted pattern with *, ? and **, e.g. 'tasks/**/*.yaml'
  -                      standard input (JSON or YAML)

Options:
  -f, --format FORMAT    human (default): file:line:column, severity, code, message;
                         json; sarif (SARIF 2.1.0, for code scanning); github
                         (GitHub Actions annotations); junit (JUnit XML)
  -o, --output-file FILE write the report to FILE instead of standard output
      --fix              apply each unambiguous fix to JSON and YAML request files
                         in place (formatting and comments kept; never templates)
                         and report what changed
      --max-warnings N   exit with status 1 when there are more than N warnings
      --list-rules       print every code with its severity and meaning and exit
                         (--format json for a JSON array)
      --operation NAME   check request files as CreateTask, UpdateTask or
                         StartTaskExecution requests (default: auto, from each
                         file's members: TaskArn with OverrideOptions or Tags is
                         StartTaskExecution, TaskArn otherwise UpdateTask, no
                         TaskArn CreateTask); templates are always CreateTask
      --locations FILE   what the locations are, for the location rules: the output
                         of "aws datasync describe-location-s3" (or -efs, -nfs, …),
                         of "aws datasync list-locations", or a list of locations
                         (JSON or YAML); repeat it for several files (the last
                         description of a location ARN wins). Also used for the
                         location ARNs written literally in templates and Terraform
      --task FILE        "aws datasync describe-task" output (JSON or YAML): an
                         UpdateTask or StartTaskExecution request whose TaskArn it
                         describes is judged with the task's mode, options and log
                         group (repeat it for several tasks)
      --defaults         also print each request with the service defaults filled in
                         (human and json formats)
      --warnings-as-errors
                         exit with status 1 when there are warnings
  -q, --quiet            report errors only; print the summary only if there are errors
      --stdin-filename NAME
                         the name to report for standard input (default: <stdin>)
      --color, --no-color
                         colour the human format or not (default: only when standard
                         output is a terminal and NO_COLOR is not set)
  -c, --config FILE      read the configuration from FILE (default: the nearest
                         .datasync-task-validator.json in this folder or above)
      --no-config        read no configuration file
  -h, --help             print this help and exit
  -v, --version          print the version and exit

Configuration (.datasync-task-validator.json): "ignore", "include", "severity",
"files", "ignoreFiles", "overrides", "locations" and "task" (files, as for
--locations and --task, relative to the configuration file's folder); a template
resource's Metadata {"datasync-task-validator": {"ignore": [codes]}}, or a comment
"# datasync-task-validator: ignore=code1,code2" right above a Terraform
resource "aws_datasync_task" (or "awscc_datasync_task"), suppresses codes for
that task.

Values CloudFormation computes at deploy time (Ref, Fn::GetAtt, Fn::Sub, !If, …)
and values Terraform knows only at plan or apply time (references, functions,
variables without a value, "(known after apply)") are not checked; an info line
names each one.

Exit status: 0 no errors; 1 errors (or warnings with --warnings-as-errors, or
more warnings than --max-warnings allows); 2 a usage error, a report or a fixed
file that could not be written, or an input that could not be read or parsed
(the other inputs are still checked and reported).
`;

export class UsageError extends Error {}

const FORMATS = ['human', 'json', 'sarif', 'github', 'junit'];
export const OPERATIONS = ['CreateTask', 'UpdateTask', 'StartTaskExecution'];

/** Parses argv (without node and the script) into options and operands. */
export function parseArgs(argv) {
  const options = {
    format: 'human',
    operation: 'auto',
    defaults: false,
    warningsAsErrors: false,
    quiet: false,
    color: undefined,
    stdinName: '<stdin>',
    outputFile: undefined,
    maxWarnings: undefined,
    listRules: false,
    fix: false,
    locations: [],
    task: [],
    config: undefined,
    noConfig: false,
    help: false,
    version: false,
    operands: [],
  };
  const value = (flag, inline, rest) => {
    if (inline !== undefined) return inline;
    if (rest.length === 0 || (rest[0].startsWith('-') && rest[0] !== '-')) {
      throw new UsageError(`${flag} needs a value`);
    }
    return rest.shift();
  };
  const rest = [...argv];
  while (rest.length > 0) {
    const arg = rest.shift();
    if (arg === '--') {
      options.operands.push(...rest.splice(0));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      options.operands.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const noValue = () => {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
    };
    switch (flag) {
      case '-f':
      case '--format': {
        const format = value(flag, inline, rest);
        if (!FORMATS.includes(format)) {
          throw new UsageError(`unknown format "${format}" for ${flag}; use human, json, sarif, github or junit`);
        }
        options.format = format;
        break;
      }
      case '--operation': {
        const operation = value(flag, inline, rest);
        if (operation !== 'auto' && !OPERATIONS.includes(operation)) {
          throw new UsageError(`unknown operation "${operation}" for ${flag}; use ${OPERATIONS.join(', ')} or auto`);
        }
        options.operation = operation;
        break;
      }
      case '--locations':
      case '--task': {
        const file = value(flag, inline, rest);
        if (file === '') throw new UsageError(`${flag} needs a file name`);
        options[flag.slice(2)].push(file);
        break;
      }
      case '--defaults':
        noValue();
        options.defaults = true;
        break;
      case '--warnings-as-errors':
        noValue();
        options.warningsAsErrors = true;
        break;
      case '-q':
      case '--quiet':
        noValue();
        options.quiet = true;
        break;
      case '-o':
      case '--output-file': {
        const file = value(flag, inline, rest);
        if (file === '') throw new UsageError(`${flag} needs a file name`);
        options.outputFile = file;
        break;
      }
      case '--max-warnings': {
        const count = value(flag, inline, rest);
        if (!/^\d{1,15}$/.test(count)) {
          throw new UsageError(`${flag} needs a whole number of warnings (0 or more), not "${count}"`);
        }
        options.maxWarnings = Number(count);
        break;
      }
      case '--list-rules':
        noValue();
        options.listRules = true;
        break;
      case '--fix':
        noValue();
        options.fix = true;
        break;
      case '--stdin-filename':
        options.stdinName = value(flag, inline, rest);
        break;
      case '--color':
      case '--colour':
        noValue();
        options.color = true;
        break;
      case '--no-color':
      case '--no-colour':
        noValue();
        options.color = false;
        break;
      case '-c':
      case '--config':
        options.config = value(flag, inline, rest);
        break;
      case '--no-config':
        noValue();
        options.noConfig = true;
        break;
      case '-h':
      case '--help':
        noValue();
        options.help = true;
        break;
      case '-v':
      case '-V':
      case '--version':
        noValue();
        options.version = true;
        break;
      default:
        throw new UsageError(`unknown option ${flag}`);
    }
  }
  if (options.help || options.version) return options;
  if (options.listRules) {
    if (options.operands.length > 0) throw new UsageError('--list-rules takes no input files');
    if (!['human', 'json'].includes(options.format)) throw new UsageError('--list-rules prints the human or json format only');
    return options;
  }
  if (options.fix && options.operands.includes('-')) {
    throw new UsageError('--fix cannot change standard input; name the files to fix');
  }
  if (options.defaults && !['human', 'json'].includes(options.format)) {
    throw new UsageError(`--defaults cannot be combined with --format ${options.format} (use --format json)`);
  }
  if (options.config !== undefined && options.noConfig) throw new UsageError('--config and --no-config cannot be combined');
  if (options.operands.length === 0) throw new UsageError('no input files (give files, folders, globs or - for standard input)');
  return options;
}
