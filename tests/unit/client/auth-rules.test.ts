// The account rules the forms check before sending, and the sign-in refusals in words
// (features/auth/rules.ts).
import { ApiError } from '../../../client/src/lib/apiFetch';
import { ROLES } from '../../../server/model/roles';
import {
  accountProblems,
  fieldProblems,
  generatePassword,
  minutesToWait,
  passwordProblem,
  signInFailure,
  usernameProblem,
} from '../../../client/src/features/auth/rules';
import { isSessionEnd } from '../../../client/src/lib/session';

describe('sign-in refusals', () => {
  test('when the server answers invalid_credentials, then the message says the username or password is wrong (not which)', () => {
    expect(signInFailure(new ApiError(401, 'invalid_credentials', 'wrong username or password'))).toBe(
      'Wrong username or password.',
    );
  });

  test('when the server answers locked_out with retryAfter, then the message gives the whole minutes to wait, rounded up', () => {
    const locked = (seconds: number) =>
      new ApiError(429, 'locked_out', 'too many failed sign-ins', [], { retryAfter: seconds });
    expect(signInFailure(locked(900))).toBe(
      'Too many failed sign-ins: this account is locked. Try again in 15 minutes.',
    );
    expect(signInFailure(locked(61))).toBe('Too many failed sign-ins: this account is locked. Try again in 2 minutes.');
    expect(signInFailure(locked(5))).toBe('Too many failed sign-ins: this account is locked. Try again in 1 minute.');
    expect(minutesToWait(0)).toBe(1);
  });

  test('when the server cannot be reached, then its own message is shown', () => {
    expect(signInFailure(new ApiError(0, 'network_error', 'Could not reach the Flow Atlas server.'))).toBe(
      'Could not reach the Flow Atlas server.',
    );
  });

  test('when an answer is 401 unauthenticated, then it ends the session; a wrong password (401 invalid_credentials) does not', () => {
    expect(isSessionEnd(401, 'unauthenticated')).toBe(true);
    expect(isSessionEnd(401, 'invalid_credentials')).toBe(false);
    expect(isSessionEnd(403, 'forbidden')).toBe(false);
  });
});

describe('account and password rules', () => {
  test('when a username breaks the pattern, then it gets a message; a good one gets none', () => {
    expect(usernameProblem('')).toBe('Give a username.');
    expect(usernameProblem('Ab')).toMatch(/3 to 40 characters/);
    expect(usernameProblem('-lead')).toMatch(/3 to 40 characters/);
    expect(usernameProblem('se.ncp_2')).toBeNull();
  });

  test('when a password is short or is the username, then it gets the server rule in a sentence', () => {
    expect(passwordProblem('', 'ann')).toBe('Give a password.');
    expect(passwordProblem('short', 'ann')).toBe('The password must be at least 10 characters (this one has 5).');
    expect(passwordProblem('annannann1', 'annannann1')).toBe('The password must not be the username.');
    expect(passwordProblem('a long enough one', 'ann')).toBeNull();
  });

  test('when an NCP account has no country, then the countries field gets the message; other roles need none', () => {
    const draft = {
      username: 'se-ncp',
      displayName: '',
      role: 'ncp',
      countries: [] as string[],
      password: 'a long enough one',
    };
    expect(accountProblems(draft, { checkUsername: true, roles: ROLES })).toEqual({
      countries: 'Choose at least one country for an NCP account.',
    });
    expect(accountProblems({ ...draft, role: 'viewer' }, { checkUsername: true, roles: ROLES })).toEqual({});
    expect(
      accountProblems({ ...draft, role: 'boss', username: 'X', password: 'x' }, { checkUsername: true, roles: ROLES }),
    ).toEqual({
      username: expect.stringMatching(/3 to 40/),
      role: 'Choose a role.',
      password: expect.stringMatching(/at least 10/),
    });
    // Changing an account does not re-check its username.
    expect(
      accountProblems({ ...draft, username: 'X', role: 'editor' }, { checkUsername: false, roles: ROLES }),
    ).toEqual({});
  });

  test('when the server puts problems on fields, then each lands on its field by `field` or the end of `path`', () => {
    const err = new ApiError(400, 'validation_error', 'invalid body', [
      { path: 'body.newPassword', message: 'must be at least 10 characters' },
      { path: 'currentPassword', field: 'currentPassword', message: 'is wrong' },
    ]);
    expect(fieldProblems(err)).toEqual({ newPassword: 'must be at least 10 characters', currentPassword: 'is wrong' });
    expect(fieldProblems(new Error('x'))).toEqual({});
  });

  test('when a password is generated, then it passes the rule and uses no look-alike characters', () => {
    let seed = 7;
    const bytes = (n: number) => Uint8Array.from({ length: n }, () => (seed = (seed * 193 + 71) % 256));
    const pw = generatePassword(bytes);
    expect(pw).toHaveLength(16);
    expect(pw).not.toMatch(/[0O1lI]/);
    expect(passwordProblem(pw, 'ann')).toBeNull();
    expect(generatePassword()).not.toBe(generatePassword());
  });
});
