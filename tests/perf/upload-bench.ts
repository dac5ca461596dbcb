// `npm run bench -- --only upload`: hostile uploads against an in-process server on 127.0.0.1 (seed region,
// embedded store): the CSV of a million short rows and a ZIP whose headers claim 1 KB for a member of 1.6 GB.
// For each: the time until the upload is refused (goal < 5 s), the slowest answer to GET /api/health asked
// again and again meanwhile (goal < 1 s), and how much the process's memory grew at its peak (goal < 500 MB).
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { stopUploadWorker } from '../../server/tabular/off-thread';
import { lyingCsvZip, millionRowCsv } from '../support/hostile-files';
import { startTestServer } from '../support/server';

const MB = 1024 * 1024;

function request(url: string, method: 'GET' | 'POST', body?: { type: string; data: Buffer }): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = body ? { 'content-type': body.type, 'content-length': String(body.data.length) } : {};
    const req = http.request(url, { method, agent: false, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body?.data);
  });
}

interface Run {
  refusedMs: number;
  status: number;
  slowestOtherMs: number;
  others: number;
  growthMB: number;
}

async function oneRun(base: string, path: string, type: string, data: Buffer): Promise<Run> {
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 10);
  const t0 = performance.now();
  let done = false;
  const upload = request(`${base}${path}`, 'POST', { type, data }).finally(() => {
    done = true;
  });
  let slowest = 0;
  let others = 0;
  while (!done) {
    const t = performance.now();
    await request(`${base}/api/health`, 'GET');
    slowest = Math.max(slowest, performance.now() - t);
    others += 1;
  }
  const status = await upload;
  const refusedMs = performance.now() - t0;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return { refusedMs, status, slowestOtherMs: slowest, others, growthMB: (peakRss - startRss) / MB };
}

const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function uploadBenchmarks(runs: number): Promise<void> {
  const server = await startTestServer({ seedMaps: true });
  try {
    // The parser's worker starts with the first upload: started here, outside the figures.
    await request(`${server.url}/api/import?sheet=flows&dryRun=true`, 'POST', {
      type: 'text/csv',
      data: Buffer.from('id,from,to\n'),
    });
    const bombSize = Number(process.env.BENCH_BOMB_MB ?? 1600) * MB;
    const files = [
      { what: 'CSV, 1,000,000 short rows', path: '/api/import?sheet=flows', type: 'text/csv', data: millionRowCsv() },
      {
        what: `ZIP claiming 1 KB, unpacking to ${bombSize / MB} MB`,
        path: '/api/import',
        type: 'application/zip',
        data: lyingCsvZip(bombSize),
      },
    ];
    console.log(
      `\nHostile uploads (in-process server on 127.0.0.1, seed region, embedded store; median of ${runs} runs)\n`,
    );
    console.log(
      '| upload | size | answer | refused after (goal < 5 s) | slowest other request meanwhile (goal < 1 s) | other requests answered | memory growth at peak (goal < 500 MB) |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const f of files) {
      const results: Run[] = [];
      for (let i = 0; i < runs; i++) {
        if (global.gc) global.gc();
        results.push(await oneRun(server.url, f.path, f.type, f.data));
      }
      const m = (k: keyof Run) => medianOf(results.map((r) => r[k]));
      console.log(
        `| ${f.what} | ${(f.data.length / MB).toFixed(1)} MB | ${[...new Set(results.map((r) => r.status))].join(', ')} | ${(m('refusedMs') / 1000).toFixed(2)} s ` +
          `| ${m('slowestOtherMs').toFixed(0)} ms | ${m('others').toFixed(0)} | ${m('growthMB').toFixed(0)} MB |`,
      );
    }
  } finally {
    await server.close();
    await stopUploadWorker();
  }
}
