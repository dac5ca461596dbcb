// Configuration from the environment: defaults, and a clear message naming each bad variable.
import path from 'node:path';
import { ConfigError, loadConfig } from '../../server/config';

describe('loadConfig', () => {
  test('when nothing is set, then the embedded store on port 3000 with seeding', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: path.resolve('./data'), seed: true, logLevel: 'info' });
    expect(c.neo4j).toBeUndefined();
  });

  test('when NEO4J_URI is set, then Neo4j is configured with the defaults for the rest', () => {
    expect(loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.example', NEO4J_PASSWORD: 'pw' }).neo4j)
      .toEqual({ uri: 'neo4j+s://abc.databases.example', user: 'neo4j', password: 'pw', database: 'neo4j' });
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
});
