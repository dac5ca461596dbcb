// axe-core in a browser test's page: the WCAG 2 A/AA rules (colour contrast included), the serious and
// critical violations returned for the test to fail on, the rest logged. The same check as the
// accessibility suite's (tests/e2e/accessibility.e2e.test.ts); the page's context needs `bypassCSP`.
import fs from 'node:fs';
import type { Page } from 'playwright-core';

export const AXE = require.resolve('axe-core/axe.min.js');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const BLOCKING = new Set(['serious', 'critical']);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string; html: string }>;
}

/** Runs axe on the page (closed disclosures opened first): the serious and critical violations, described, or ''. */
export async function axeViolations(page: Page): Promise<string> {
  await page.evaluate(() =>
    document.querySelectorAll('details').forEach((d) => {
      d.open = true;
    }),
  );
  // Evaluated through the DevTools protocol: a <script> tag would be blocked by the app's CSP (script-src 'self').
  await page.evaluate(fs.readFileSync(AXE, 'utf8'));
  const result = await page.evaluate<{ violations: AxeViolation[]; passes: unknown[] }>(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} }, resultTypes: ['violations'] })`,
  );
  // axe did run its rules on a real page (color-contrast among them).
  if (result.passes.length <= 10) throw new Error(`axe ran only ${result.passes.length} rules`);
  const minor = result.violations.filter((v) => !BLOCKING.has(v.impact ?? ''));
  if (minor.length) console.log(`axe, moderate or minor (not failing the test):\n${describeViolations(minor)}`);
  return describeViolations(result.violations.filter((v) => BLOCKING.has(v.impact ?? '')));
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n${v.nodes
          .slice(0, 8)
          .map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
          .join('\n')}${v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : ''}`,
    )
    .join('\n');
}
