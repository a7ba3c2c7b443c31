// Access cases of present.* (see procedure-cases.ts).
import type { ProcedureCase } from './procedure-cases.ts';

export const PRESENT_PROCEDURE_CASES: Record<string, ProcedureCase> = {
  'present.regions': {
    valid: () => undefined,
    outOfScope: { notApplicable: 'which region each pre-2025 province belongs to: reference facts, no unit figures, the same for everyone' },
  },
};
