// Input rules for accounts, shared by the admin procedures and `npm run user`.
import { z } from 'zod';
import { ROLES } from '../access.ts';
import { PASSWORD_MAX_LENGTH, passwordProblem } from '../auth/password.ts';

/** Lower case, so "Nguyen.An" and "nguyen.an" cannot be two accounts. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, 'tên đăng nhập: 2-40 chữ thường, số, . _ - / username: 2-40 of a-z 0-9 . _ -');

export const roleSchema = z.enum(ROLES);

/** Shown in lists and the audit trail: no control characters. */
export const displayNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\p{Cc}]*$/u, 'tên hiển thị có ký tự điều khiển / display name has control characters');

export const passwordSchema = z
  .string()
  .max(PASSWORD_MAX_LENGTH)
  .superRefine((password, ctx) => {
    const problem = passwordProblem(password);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const provinceScopeSchema = z.strictObject({
  structure: z.enum(['2025', 'pre2025']),
  code: z.string().regex(/^\d{2}$/, 'mã tỉnh gồm 2 chữ số / a province code is 2 digits'),
});

/** null = the whole country. At most every province of both structures. */
export const scopeSchema = z.array(provinceScopeSchema).min(1).max(97).nullable();
