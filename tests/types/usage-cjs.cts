// The same package required from CommonJS TypeScript (types from index.d.cts).
import validator = require('datasync-task-validator');

export async function useFromCommonJs(): Promise<boolean> {
  await validator.default();
  const result: validator.ValidationResult = validator.validate({});
  const filled = validator.applyDefaults({ TaskMode: 'ENHANCED' as const });
  const verify: validator.VerifyMode = filled.Options.VerifyMode;
  return result.valid && verify === 'NONE' && validator.version().length > 0;
}
