// Password hashing (scrypt with a salt per hash and its parameters stored alongside), the password rule,
// and generated passwords.
import { passwordProblem } from '../../../server/model/account';
import {
  DEFAULT_PARAMS,
  generatePassword,
  hashPassword,
  verifyAgainstDummy,
  verifyPassword,
} from '../../../server/auth/passwords';

describe('hashPassword and verifyPassword', () => {
  test('when a password is hashed twice, then each hash names scrypt and its parameters, the salts differ, and both verify', async () => {
    const a = await hashPassword('river stone 42');
    const b = await hashPassword('river stone 42');
    expect(a).toMatch(
      new RegExp(
        `^scrypt\\$${DEFAULT_PARAMS.N}\\$${DEFAULT_PARAMS.r}\\$${DEFAULT_PARAMS.p}\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+$`,
      ),
    );
    expect(a).not.toBe(b);
    expect(a).not.toContain('river');
    expect(await verifyPassword('river stone 42', a)).toBe(true);
    expect(await verifyPassword('river stone 42', b)).toBe(true);
  });

  test('when the password differs by one character or in case, then it does not verify', async () => {
    const hash = await hashPassword('river stone 42');
    expect(await verifyPassword('river stone 43', hash)).toBe(false);
    expect(await verifyPassword('River stone 42', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  test('when a hash was made with other parameters, then it verifies with the parameters it names', async () => {
    const cheap = await hashPassword('an older password', { N: 1024, r: 8, p: 1 });
    expect(cheap.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('an older password', cheap)).toBe(true);
    expect(await verifyPassword('another password', cheap)).toBe(false);
  });

  test('when a stored hash is malformed or asks for absurd parameters, then nothing matches it', async () => {
    const good = await hashPassword('river stone 42', { N: 1024, r: 8, p: 1 });
    const [, , , , salt, key] = good.split('$');
    for (const stored of [
      '',
      'plain text',
      `bcrypt$1024$8$1$${salt}$${key}`,
      `scrypt$1000$8$1$${salt}$${key}`,
      `scrypt$${2 ** 24}$8$1$${salt}$${key}`,
      `scrypt$1024$8$1$${salt}`,
      `scrypt$1024$0$1$${salt}$${key}`,
    ]) {
      expect(await verifyPassword('river stone 42', stored)).toBe(false);
    }
    expect(await verifyAgainstDummy('river stone 42')).toBe(false);
  });
});

describe('passwordProblem', () => {
  test.each([
    ['short1234', 'alice', 'must be at least 10 characters'],
    ['alice.smith', 'alice.smith', 'must not be the username'],
    ['ALICE.SMITH', 'alice.smith', 'must not be the username'],
    ['x'.repeat(201), 'alice', 'must be at most 200 characters'],
  ])('when the password is %j for %s, then it is refused: %s', (password, username, message) => {
    expect(passwordProblem(password, username)).toBe(message);
  });

  test('when the password is long enough and not the username, then it is accepted (characters, not bytes, are counted)', () => {
    expect(passwordProblem('correct horse', 'alice')).toBeUndefined();
    expect(passwordProblem('ääääääääää', 'alice')).toBeUndefined();
    expect(passwordProblem('😀😀😀😀😀', 'alice')).toBe('must be at least 10 characters');
  });
});

describe('generatePassword', () => {
  test('when passwords are generated, then each is 24 URL-safe characters, passes the rule, and they differ', () => {
    const passwords = Array.from({ length: 20 }, generatePassword);
    for (const p of passwords) {
      expect(p).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(passwordProblem(p, 'admin')).toBeUndefined();
    }
    expect(new Set(passwords).size).toBe(20);
  });
});
