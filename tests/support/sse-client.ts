// A small Server-Sent Events client for tests: opens GET /api/events over a real socket, parses what arrives
// (events and comments) as it arrives, and waits for what a test expects with a generous deadline (never timed).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type express from 'express';

export interface ReceivedEvent {
  id?: string;
  event: string;
  data: any;
  /** When its last bytes arrived: ms since the epoch, with the fraction (performance.timeOrigin + now; benchmarks). */
  receivedAt: number;
}

export interface SseConnection {
  status: number;
  headers: http.IncomingHttpHeaders;
  events: ReceivedEvent[];
  comments: string[];
  /** Whether the server ended the stream. */
  ended: boolean;
  /** Waits until `check` holds over what arrived; fails after `deadlineMs`. */
  until(what: string, check: (c: SseConnection) => boolean, deadlineMs?: number): Promise<void>;
  /** Waits for the next event (after the `seen` first ones) matching `match`. */
  waitFor(match: (e: ReceivedEvent) => boolean, what?: string, deadlineMs?: number): Promise<ReceivedEvent>;
  close(): void;
}

export interface Listening {
  url: string;
  close(): Promise<void>;
}

/** Serves `app` on 127.0.0.1 at a free port. */
export async function listen(app: express.Express): Promise<Listening> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Opens the stream at `url + path` with the given headers; resolves once the answer's head arrived. */
export function openEvents(
  url: string,
  options: { cookie?: string; headers?: Record<string, string>; path?: string } = {},
): Promise<SseConnection> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${url}${options.path ?? '/api/events'}`, {
      headers: {
        Accept: 'text/event-stream',
        ...(options.cookie ? { Cookie: options.cookie } : {}),
        ...options.headers,
      },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let buffer = '';
      const conn: SseConnection = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        events: [],
        comments: [],
        ended: false,
        async until(what, check, deadlineMs = 15_000) {
          const started = Date.now();
          while (!check(conn)) {
            if (Date.now() - started > deadlineMs) {
              throw new Error(
                `${what}: not so after ${deadlineMs} ms; events: ${JSON.stringify(conn.events.map((e) => [e.event, e.id, e.data?.key]))}`,
              );
            }
            await new Promise((r) => setTimeout(r, 20));
          }
        },
        async waitFor(match, what = 'the expected event', deadlineMs = 15_000) {
          let found: ReceivedEvent | undefined;
          await conn.until(what, (c) => (found = c.events.find(match)) !== undefined, deadlineMs);
          return found!;
        },
        close() {
          req.destroy();
        },
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const receivedAt = performance.timeOrigin + performance.now();
        buffer += chunk;
        let at: number;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const lines = block.split('\n');
          if (lines.every((l) => l.startsWith(':'))) {
            conn.comments.push(...lines.map((l) => l.slice(1).trim()));
            continue;
          }
          const e: ReceivedEvent = { event: 'message', data: undefined, receivedAt };
          let data = '';
          for (const line of lines) {
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'id') e.id = value;
            else if (field === 'event') e.event = value;
            else if (field === 'data') data += value;
          }
          try {
            e.data = data ? JSON.parse(data) : undefined;
          } catch {
            e.data = data;
          }
          conn.events.push(e);
        }
      });
      res.on('end', () => {
        conn.ended = true;
      });
      res.on('close', () => {
        conn.ended = true;
      });
      resolve(conn);
    });
  });
}
