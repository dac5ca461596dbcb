// A child process of the events benchmark (events-bench.ts): holds `count` change-feed streams open on the app at
// `url` (the cookie in BENCH_COOKIE), so that their sockets and parsing are not in the measured app's process.
//   node --import tsx tests/perf/events-clients.ts <url> <count>
// It answers one stdout line per stdin line: `open` -> `ready <streams open>` once every stream had its ready event
// (or `failed <reason>`); `seen <id>` -> `seen <streams that got event id> <when the last of them got it, ms since
// the epoch>`; `close` -> `closed` once every stream is closed. Stdin closing closes the streams and ends the process.
import readline from 'node:readline';
import { openEvents, type SseConnection } from '../support/sse-client';

async function main(): Promise<void> {
  const [url, countArg] = process.argv.slice(2);
  const count = Number(countArg);
  if (!url || !Number.isInteger(count) || count < 1) throw new Error('usage: events-clients.ts <url> <count>');
  let conns: SseConnection[] = [];
  const closeAll = async () => {
    for (const c of conns) c.close();
    const closing = conns;
    conns = [];
    const started = Date.now();
    while (closing.some((c) => !c.ended) && Date.now() - started < 10_000)
      await new Promise((resolve) => setTimeout(resolve, 20));
  };
  const open = async () => {
    for (let i = 0; i < count; i++) conns.push(await openEvents(url, { cookie: process.env.BENCH_COOKIE ?? '' }));
    await Promise.all(conns.map((c) => c.waitFor((e) => e.event === 'ready', 'ready', 60_000)));
    return conns.filter((c) => c.status === 200 && !c.ended).length;
  };
  const lines = readline.createInterface({ input: process.stdin });
  lines.on('close', () => {
    void closeAll().finally(() => process.exit(0));
  });
  // One command at a time, in order.
  let queue = Promise.resolve();
  lines.on('line', (line) => {
    const [command, id] = line.trim().split(' ');
    queue = queue.then(async () => {
      try {
        if (command === 'open') console.log(`ready ${await open()}`);
        else if (command === 'close') {
          await closeAll();
          console.log('closed');
        } else if (command === 'seen') {
          const got = conns.map((c) => c.events.find((e) => e.id === id)).filter((e) => e !== undefined);
          console.log(`seen ${got.length} ${Math.max(0, ...got.map((e) => e.receivedAt))}`);
        } else console.log(`failed unknown command ${command}`);
      } catch (err) {
        console.log(`failed ${String(err).replace(/\n/g, ' ')}`);
      }
    });
  });
}

main().catch((err: unknown) => {
  console.log(`failed ${String(err).replace(/\n/g, ' ')}`);
  process.exit(1);
});
