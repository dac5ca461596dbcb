// What the browser tests share: Debian's Chromium and its launch flags, the viewport, where the built
// client and the screenshots live, and the loud skip when no Chromium is installed.
import fs from 'node:fs';
import path from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];
export const ROOT = path.resolve(__dirname, '../..');
export const CLIENT_INDEX = path.join(ROOT, 'dist/client/index.html');
export const ARTIFACTS = path.join(ROOT, 'artifacts/e2e');
export const VIEWPORT = { width: 1280, height: 800 };

export const browserAvailable = fs.existsSync(CHROMIUM);

/**
 * Without Chromium, registers one test that passes unless REQUIRE_BROWSER=1, and warns loudly; the
 * suite's real tests are not registered. Returns whether the real tests should be registered.
 */
export function requireBrowser(suite: string): boolean {
  if (browserAvailable) return true;
  const why = `${CHROMIUM} not found (install Debian's chromium, or set CHROMIUM_PATH)`;
  console.warn(`\n${'!'.repeat(78)}\nBROWSER TESTS SKIPPED (${suite}): ${why}\n${'!'.repeat(78)}\n`);
  describe(suite, () => {
    test('when Chromium is missing, then the run does not require a browser (REQUIRE_BROWSER is not 1)', () => {
      expect(process.env.REQUIRE_BROWSER).not.toBe('1');
    });
  });
  return false;
}

/** Fails early with a clear message when the client has not been built. */
export function assertClientBuilt(): void {
  if (!fs.existsSync(CLIENT_INDEX)) throw new Error(`${CLIENT_INDEX} is missing: build the client first (npx vite build)`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
