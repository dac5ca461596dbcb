// Configuration from the environment: defaults, and a clear message naming each bad variable.
import path from 'node:path';
import { ConfigError, loadConfig } from '../../server/config';

describe('loadConfig', () => {
  test('when nothing is set, then the embedded store on port 3000 with seeding', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: path.resolve('./data'),
      seed: true,
      logLevel: 'info',
    });
    expect(c.neo4j).toBeUndefined();
    expect(c).toMatchObject({ trustProxy: false, allowedOrigins: [] });
  });

  test('when NEO4J_URI is set, then Neo4j is configured with the defaults for the rest', () => {
    expect(loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.example', NEO4J_PASSWORD: 'pw' }).neo4j).toEqual({
      uri: 'neo4j+s://abc.databases.example',
      user: 'neo4j',
      password: 'pw',
      database: 'neo4j',
      connectionTimeoutMs: 5000,
      acquisitionTimeoutMs: 20000,
      poolSize: 20,
      maxRetryMs: 5000,
      probeIntervalMs: 500,
    });
  });

  test('when pool size and timeouts are given, then they are taken; when out of range, then they are named', () => {
    const c = loadConfig({
      NEO4J_URI: 'neo4j://cluster.example:7687',
      NEO4J_POOL_SIZE: '50',
      NEO4J_CONNECTION_TIMEOUT_MS: '2000',
      NEO4J_ACQUISITION_TIMEOUT_MS: '3000',
    });
    expect(c.neo4j).toMatchObject({
      uri: 'neo4j://cluster.example:7687',
      poolSize: 50,
      connectionTimeoutMs: 2000,
      acquisitionTimeoutMs: 3000,
    });
    expect(() =>
      loadConfig({ NEO4J_URI: 'neo4j://x', NEO4J_POOL_SIZE: '0', NEO4J_CONNECTION_TIMEOUT_MS: 'soon' }),
    ).toThrow(/NEO4J_POOL_SIZE[\s\S]*NEO4J_CONNECTION_TIMEOUT_MS|NEO4J_CONNECTION_TIMEOUT_MS[\s\S]*NEO4J_POOL_SIZE/);
  });

  test('when SESSION_CACHE_SECONDS is unset, then 2; when 5 or more, then refused (a sign-out must reach every instance within 5 s)', () => {
    expect(loadConfig({}).sessionCacheSeconds).toBe(2);
    expect(loadConfig({ SESSION_CACHE_SECONDS: '0' }).sessionCacheSeconds).toBe(0);
    expect(() => loadConfig({ SESSION_CACHE_SECONDS: '5' })).toThrow(/SESSION_CACHE_SECONDS: must be at most 4/);
  });

  test('when values are bad, then every bad variable is named', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://x', SEED: 'maybe' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['PORT', 'NEO4J_URI', 'SEED']) expect(message).toContain(name);
  });

  test('when SEED=false and an empty variable are given, then seeding is off and the empty one is ignored', () => {
    expect(loadConfig({ SEED: 'false', PORT: '' })).toMatchObject({ seed: false, port: 3000 });
  });

  test('when ALLOWED_ORIGINS lists origins, then they are kept in the form browsers send (lower case, no default port, no slash)', () => {
    expect(
      loadConfig({ ALLOWED_ORIGINS: ' https://Atlas.Example.org/ ,http://localhost:5173,, https://b.example:443' })
        .allowedOrigins,
    ).toEqual(['https://atlas.example.org', 'http://localhost:5173', 'https://b.example']);
  });

  test.each([
    ['a path', 'https://atlas.example.org/app'],
    ['a wildcard', '*'],
    ['the null origin', 'null'],
    ['another scheme', 'ftp://files.example.org'],
    ['credentials', 'https://user:pw@atlas.example.org'],
    ['a query', 'https://atlas.example.org?x=1'],
  ])('when ALLOWED_ORIGINS holds %s, then start-up stops naming the variable and the value', (_what, value) => {
    let error: unknown;
    try {
      loadConfig({ ALLOWED_ORIGINS: `https://ok.example,${value}` });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(`ALLOWED_ORIGINS.1: ${JSON.stringify(value)} is not an origin`);
  });

  test('when TRUST_PROXY is set, then it is read as a flag', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: 'sometimes' })).toThrow(/TRUST_PROXY/);
  });

  test('when nothing about accounts is set, then sessions last 12 hours, lock-outs 15 minutes, cookies follow the request, no admin password', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ sessionHours: 12, lockoutMinutes: 15, cookieSecure: false });
    expect(c.adminPassword).toBeUndefined();
  });

  test('when SESSION_HOURS, LOCKOUT_MINUTES, COOKIE_SECURE and ADMIN_PASSWORD are set, then they are read', () => {
    expect(
      loadConfig({
        SESSION_HOURS: '8',
        LOCKOUT_MINUTES: '30',
        COOKIE_SECURE: 'true',
        ADMIN_PASSWORD: 'a strong first password',
      }),
    ).toMatchObject({
      sessionHours: 8,
      lockoutMinutes: 30,
      cookieSecure: true,
      adminPassword: 'a strong first password',
    });
  });

  test.each([
    ['SESSION_HOURS', '0', 'must be more than 0'],
    ['SESSION_HOURS', 'forever', 'must be a number of hours'],
    ['LOCKOUT_MINUTES', '-5', 'must be more than 0'],
    ['COOKIE_SECURE', 'maybe', 'must be true or false'],
  ])('when %s is %j, then start-up stops naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(`${name}: ${message}`);
  });

  test('when ADMIN_PASSWORD is weaker than the password rule, then start-up stops naming it, without echoing the value', () => {
    for (const [value, message] of [
      ['short-pw', 'must be at least 10 characters'],
      ['admin', 'must be at least 10 characters'],
      ['ADMIN     ', 'must not be the username'],
    ] as const) {
      let error: unknown;
      try {
        loadConfig({ ADMIN_PASSWORD: value });
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain(`ADMIN_PASSWORD: ${message}`);
      if (value.trim().length > 5) expect((error as Error).message).not.toContain(value.trim());
    }
  });
});
