// The same package required from CommonJS TypeScript (types from index.d.cts).
import validator = require('datasync-task-validator');
import registry = require('datasync-task-validator/codes');

export async function useFromCommonJs(): Promise<boolean> {
  await validator.default();
  const result: validator.ValidationResult = validator.validate({});
  const filled = validator.applyDefaults({ TaskMode: 'ENHANCED' as const });
  const verify: validator.VerifyMode = filled.Options.VerifyMode;
  const first: registry.Code | undefined = registry.codes().find((entry) => entry.severity !== null)?.code as registry.Code | undefined;
  return result.valid && verify === 'NONE' && validator.version().length > 0 && first !== undefined;
}

// The schema subpath from CommonJS (types from schema.d.cts).
import schemas = require('datasync-task-validator/schema');

export function useSchemaFromCommonJs(): string | undefined {
  const document: schemas.JsonSchema = schemas.schema('UpdateTask');
  return document.properties?.TaskArn?.pattern;
}
