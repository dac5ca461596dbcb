// Request and answer schemas of signing in and out (server/api/routes/auth.ts), shared with the client.
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, Password } from './account';
import { Role } from './roles';

export const SessionUserSchema = z.object({
  username: z.string(),
  role: Role,
  countries: z.array(z.string()),
  displayName: z.string().optional(),
});
export const MeResponse = z.object({ user: SessionUserSchema });
export type MeResponse = z.infer<typeof MeResponse>;
export const OkResponse = z.object({ ok: z.literal(true) });
export type OkResponse = z.infer<typeof OkResponse>;

export const LoginBody = z.strictObject({
  username: z.string().max(200, 'must be at most 200 characters'),
  password: z.string().max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`),
});
export type LoginBody = z.input<typeof LoginBody>;
export const PasswordBody = z.strictObject({ currentPassword: Password, newPassword: Password });
export type PasswordBody = z.input<typeof PasswordBody>;

/** DELETE /api/accounts/:username. */
export const AccountDeleteResponse = z.object({ deleted: z.literal(true) });
export type AccountDeleteResponse = z.infer<typeof AccountDeleteResponse>;
