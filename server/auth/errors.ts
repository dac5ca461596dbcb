// The errors of signing in: not signed in or wrong credentials (401), and locked out (429, answered by the login route).
import { AppError } from '../errors';

export class UnauthenticatedError extends AppError {
  readonly status = 401;
  constructor(
    readonly code: 'unauthenticated' | 'invalid_credentials' = 'unauthenticated',
    message = code === 'invalid_credentials' ? 'wrong username or password' : 'sign in first',
  ) {
    super(message);
  }
}

/** Too many failed sign-ins: `retryAfter` seconds until the lock-out ends. */
export class LockedOutError extends AppError {
  readonly status = 429;
  readonly code = 'locked_out';
  constructor(readonly retryAfter: number) {
    const minutes = Math.max(1, Math.ceil(retryAfter / 60));
    super(`too many failed sign-ins; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`);
  }
}
