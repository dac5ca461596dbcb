// The CLI's import progress on stderr: one redrawn line with the phase's percent on a terminal, one line per phase elsewhere.
import { ProgressBar } from '../../../scripts/cli';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  const stream = {
    isTTY,
    write: (s: string) => {
      writes.push(s);
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}

describe('import progress', () => {
  test('when stderr is a terminal, then one line is redrawn with the phase, its percent and the rows, and ends at 100%', () => {
    const { stream, writes } = fakeStream(true);
    const bar = new ProgressBar(stream);
    bar.update({ phase: 'reading' });
    bar.update({ phase: 'parsing', done: 0, total: 200 });
    bar.update({ phase: 'parsing', done: 50, total: 200 });
    bar.update({ phase: 'parsing', done: 50, total: 200 });
    bar.update({ phase: 'validating' });
    bar.update({ phase: 'writing' });
    bar.done(true);
    expect(writes.every((w) => w.startsWith('\r') || w === '\n')).toBe(true);
    expect(writes.filter((w) => w.includes('parsing rows'))).toHaveLength(2);
    expect(writes).toContain(`\rparsing rows  [########                      ]  25% 50/200\x1b[K`);
    expect(writes.slice(-2)).toEqual([`\rwriting       [##############################] 100%\x1b[K`, '\n']);
  });

  test('when stderr is not a terminal, then each phase is one line, and parsing names its row count', () => {
    const { stream, writes } = fakeStream(false);
    const bar = new ProgressBar(stream);
    for (const done of [0, 100, 200]) bar.update({ phase: 'parsing', done, total: 200 });
    bar.update({ phase: 'validating' });
    bar.done(false);
    expect(writes).toEqual(['parsing rows (200)...\n', 'validating...\n']);
  });
});
