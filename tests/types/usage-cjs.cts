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
