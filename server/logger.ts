// A small structured logger: one JSON-free line per event on stderr, filtered by level.

/** Where the app writes what happens (server/main.ts passes createLogger's; tests pass their own). */
export interface Logger {
  info(msg: string, extra?: object): void;
  warn(msg: string, extra?: object): void;
  error(msg: string, extra?: object): void;
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;

export function createLogger(level: (typeof LEVELS)[number]): Logger {
  const min = LEVELS.indexOf(level);
  const log = (lvl: (typeof LEVELS)[number]) => (msg: string, extra?: object) => {
    if (LEVELS.indexOf(lvl) < min) return;
    const tail = extra && Object.keys(extra).length ? ` ${JSON.stringify(extra)}` : '';
    process.stderr.write(`${new Date().toISOString()} ${lvl.toUpperCase()} ${msg}${tail}\n`);
  };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}
