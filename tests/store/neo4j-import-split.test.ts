// How a batch of staged relationships is split between two transactions at once (neo4j/staging.ts splitByEnds): the
// two parts never share an end (creating a relationship locks both), every row is written once, and rows that would
// join two sizeable groups are left to the rest, written after both parts.
import path from 'node:path';
import { CYPHER_DIR, loadQueries } from '../../server/store/neo4j/executor';
import { PREPARED, parseBytes, splitByEnds } from '../../server/store/neo4j/staging';

/** `countries` groups of `perGroup` rows between their own nodes, in order, then the `bridges` given. */
function rows(countries: number, perGroup: number, bridges: Array<[string, string]> = []): string[][] {
  const out: string[][] = [];
  for (let c = 0; c < countries; c++) {
    for (let i = 0; i < perGroup; i++) out.push([`c${c}-s${i % 97}`, `c${c}-s${(i * 7 + 1) % 97}`, `c${c}-f${i}`]);
  }
  return [...out, ...bridges.map(([a, b], i) => [a, b, `bridge-${i}`])];
}

function check(input: string[][]) {
  const { parts, rest } = splitByEnds(input);
  const ends = parts.map((p) => new Set(p.flatMap((r) => [r[0], r[1]])));
  expect([...ends[0]!].filter((e) => ends[1]!.has(e))).toEqual([]);
  expect([...parts[0], ...parts[1], ...rest].map((r) => r[2]).sort()).toEqual(input.map((r) => r[2]).sort());
  return { sizes: parts.map((p) => p.length), rest: rest.map((r) => r[2]) };
}

describe('splitting staged relationships between two transactions', () => {
  test('when the rows form separate groups, then the groups are dealt to two even parts', () => {
    expect(check(rows(4, 1000))).toEqual({ sizes: [2000, 2000], rest: [] });
  });

  test('when a row joins two sizeable groups, then it goes to the rest and the parts stay apart', () => {
    const { sizes, rest } = check(
      rows(2, 1000, [
        ['c0-s1', 'c1-s2'],
        ['c1-s3', 'c0-s4'],
      ]),
    );
    expect(sizes.sort()).toEqual([1000, 1000]);
    expect(rest).toEqual(['bridge-0', 'bridge-1']);
  });

  test('when one group holds nearly every row, then there is one part and no rest', () => {
    const { sizes, rest } = check([...rows(1, 3000), ['x', 'y', 'lone']]);
    expect(sizes).toEqual([3001, 0]);
    expect(rest).toEqual([]);
  });

  test('when a row joins a small group to a large one, then the small group is merged, not left to the rest', () => {
    const { rest } = check([...rows(2, 1000), ['c0-s1', 'stray', 'to-stray'], ['stray', 'stray-2', 'stray-on']]);
    expect(rest).toEqual([]);
  });
});

describe('Neo4j memory settings as bytes (the staged import limit)', () => {
  test('when a size is printed as Neo4j prints it, then it is read in bytes; an unreadable one is undefined', () => {
    expect(parseBytes('716.80MiB')).toBeCloseTo(716.8 * 1024 * 1024);
    expect(parseBytes('2g')).toBe(2 * 1024 ** 3);
    expect(parseBytes('0B')).toBe(0);
    expect(parseBytes('512')).toBe(512);
    expect(parseBytes('lots')).toBeUndefined();
  });
});

describe('the queries of a staged import', () => {
  test('when an import changes the statistics, then its staging and publishing queries keep the plan made at start-up', () => {
    const queries = loadQueries(path.join(CYPHER_DIR, 'store'));
    // Every query a staged import prepares, and the map's write lock, the first of its publishing transaction.
    const own = [...PREPARED.map(([name]) => name), 'meta.lock'];
    expect(own.filter((name) => /^(stage|publish)\./.test(name)).length).toBeGreaterThanOrEqual(15);
    const firstStatementLine = (text: string) => text.split('\n').find((line) => !line.trim().startsWith('//'));
    expect(own.filter((name) => firstStatementLine(queries.get(name)!) !== 'CYPHER replan=skip')).toEqual([]);
  });
});
