// A horizontal bar chart as a self-contained SVG for the reports (for example a comparison metric by
// country): labelled bars with their values written out, highlighted bars told apart by colour, weight
// and a marker, an optional median line with its value, and a value axis. Deterministic output.
import {
  compareText,
  esc,
  FONT_FAMILY,
  formatValue,
  idPart,
  num,
  stableHash,
  TEXT_COLOR,
  truncate,
  tspans,
  wrapText,
} from './svg';

export interface Bar {
  label: string;
  value: number;
  /** Drawn in a strong colour, in bold and with a "◆" marker (for example the report's country). */
  highlight?: boolean;
}

export interface BarChartInput {
  title: string;
  /** What the values count or measure, written under the axis (for example "indicators reaching the NCP"). */
  unit: string;
  bars: ReadonlyArray<Bar>;
  /** A reference line across the bars, labelled with its value. */
  median?: number;
  /** Prefix of the ids inside the SVG (default: derived from the title and bars). */
  idPrefix?: string;
}

export const BAR_COLOR = '#999999';
export const HIGHLIGHT_COLOR = '#0072B2';
export const MEDIAN_COLOR = '#D55E00';
export const HIGHLIGHT_MARK = '◆';

const WIDTH = 720;
const LABEL_W = 210;
const RIGHT = 70;
const TOP = 52;
const ROW = 24;
const BAR_H = 16;
const FONT = 13;
/** A label's line: about 7 px a character at 13 px, in the label column. */
const LABEL_CHARS = 28;
const LINE_H = 15;

/** A "nice" step (1, 2 or 5 times a power of ten) giving about five ticks up to `span`. */
function niceStep(span: number): number {
  if (span <= 0) return 1;
  const raw = span / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

export function barChartSvg(input: BarChartInput): string {
  const bars = input.bars;
  for (const b of bars) {
    if (!Number.isFinite(b.value)) throw new Error(`barChartSvg: the value of '${b.label}' is not a finite number`);
  }
  if (input.median !== undefined && !Number.isFinite(input.median))
    throw new Error('barChartSvg: the median is not a finite number');
  const prefix = idPart(
    input.idPrefix ??
      `fa-bar-${stableHash(`${input.title}\u0000${bars.map((b) => `${b.label}=${b.value}`).join('\u0000')}`)}`,
  );
  const values = [...bars.map((b) => b.value), ...(input.median !== undefined ? [input.median] : [])];
  const step = niceStep(Math.max(0, ...values) - Math.min(0, ...values));
  const lo = Math.min(0, Math.floor(Math.min(0, ...values) / step) * step);
  const hi = Math.max(step, Math.ceil(Math.max(0, ...values) / step) * step);
  const plotW = WIDTH - LABEL_W - RIGHT;
  const x = (v: number) => LABEL_W + ((v - lo) / (hi - lo)) * plotW;
  // Each label whole, on as many lines as it needs: its row grows to hold them.
  const lines = bars.map((b) => wrapText(`${b.highlight ? `${HIGHLIGHT_MARK} ` : ''}${b.label}`, LABEL_CHARS));
  const rowTop: number[] = [];
  let plotH = 0;
  for (const l of lines) {
    rowTop.push(TOP + plotH);
    plotH += Math.max(ROW, ROW + (l.length - 1) * LINE_H);
  }
  plotH = Math.max(ROW, plotH);
  const axisY = TOP + plotH + 6;
  const height = axisY + 48;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${prefix}-title ${prefix}-desc" font-family="${esc(FONT_FAMILY)}" font-size="${FONT}">`,
  );
  out.push(`<title id="${prefix}-title">${esc(input.title)}</title>`);
  const described = bars
    .map((b) => `${b.label}: ${formatValue(b.value)}${b.highlight ? ' (highlighted)' : ''}`)
    .join('; ');
  out.push(
    `<desc id="${prefix}-desc">${esc(`${input.unit}. ${described || 'No values.'}${input.median !== undefined ? ` Median: ${formatValue(input.median)}.` : ''}`)}</desc>`,
  );
  out.push(`<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#ffffff"/>`);
  out.push(
    `<text x="${LABEL_W}" y="22" font-weight="bold" font-size="14" fill="${TEXT_COLOR}">${esc(truncate(input.title, 80))}</text>`,
  );

  // Grid and ticks.
  out.push('<g class="axis">');
  for (let t = lo, i = 0; t <= hi + step / 1e6 && i < 100; t = lo + step * ++i) {
    const tx = x(t);
    out.push(`<path d="M${num(tx)},${TOP - 4}V${num(axisY)}" stroke="#dddddd" stroke-width="1"/>`);
    out.push(
      `<text x="${num(tx)}" y="${num(axisY + 16)}" text-anchor="middle" font-size="11" fill="${TEXT_COLOR}">${esc(formatValue(Number(t.toPrecision(12))))}</text>`,
    );
  }
  out.push(`<path d="M${LABEL_W},${num(axisY)}H${num(LABEL_W + plotW)}" stroke="#666666" stroke-width="1"/>`);
  out.push(
    `<text x="${num(LABEL_W + plotW / 2)}" y="${num(axisY + 36)}" text-anchor="middle" font-size="12" fill="${TEXT_COLOR}">${esc(input.unit)}</text>`,
  );
  out.push('</g>');

  out.push('<g class="bars">');
  bars.forEach((b, i) => {
    const y = rowTop[i]!;
    const x0 = x(Math.min(0, b.value));
    const x1 = x(Math.max(0, b.value));
    const color = b.highlight ? HIGHLIGHT_COLOR : BAR_COLOR;
    const weight = b.highlight ? ' font-weight="bold"' : '';
    out.push(
      `<g data-label="${esc(b.label)}" data-value="${esc(formatValue(b.value))}"${b.highlight ? ' data-highlight="true"' : ''}>` +
        `<title>${esc(`${b.label}: ${formatValue(b.value)}`)}</title>` +
        `<text x="${LABEL_W - 8}" y="${num(y + BAR_H / 2 + 4.5)}" text-anchor="end" fill="${TEXT_COLOR}"${weight}>${tspans(lines[i]!, String(LABEL_W - 8), LINE_H)}</text>` +
        `<rect x="${num(x0)}" y="${num(y)}" width="${num(Math.max(0, x1 - x0))}" height="${BAR_H}" fill="${color}"/>` +
        `<text x="${num(b.value < 0 ? x0 - 4 : x1 + 4)}" y="${num(y + BAR_H / 2 + 4.5)}" text-anchor="${b.value < 0 ? 'end' : 'start'}" font-size="12" fill="${TEXT_COLOR}"${weight}>${esc(formatValue(b.value))}</text>` +
        '</g>',
    );
  });
  if (bars.length === 0) out.push(`<text x="${LABEL_W}" y="${TOP + 14}" fill="${TEXT_COLOR}">No values.</text>`);
  out.push('</g>');

  if (input.median !== undefined) {
    const mx = x(input.median);
    out.push(
      `<g class="median" data-value="${esc(formatValue(input.median))}"><path d="M${num(mx)},${TOP - 8}V${num(axisY)}" stroke="${MEDIAN_COLOR}" stroke-width="2" stroke-dasharray="6 3"/>` +
        `<text x="${num(mx)}" y="${TOP - 12}" text-anchor="middle" font-size="12" fill="${TEXT_COLOR}">${esc(`median ${formatValue(input.median)}`)}</text></g>`,
    );
  }
  out.push('</svg>');
  return out.join('\n');
}

/** Bars sorted from the largest value down, ties by label: the usual order for a comparison chart. */
export function sortBars<T extends Bar>(bars: readonly T[]): T[] {
  return [...bars].sort((a, b) => b.value - a.value || compareText(a.label, b.label));
}
