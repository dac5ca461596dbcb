// Colours of the heat maps (role matrices, similarity): a sequential blue scale, light for 0 and dark
// for the top value, with black or white text, whichever contrasts more (always at least 4.5:1).

// ColorBrewer "Blues" (9 classes): sequential, readable in grey, safe for colour-blind readers.
const BLUES = [
  '#f7fbff',
  '#deebf7',
  '#c6dbef',
  '#9ecae1',
  '#6baed6',
  '#4292c6',
  '#2171b5',
  '#08519c',
  '#08306b',
] as const;

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function hex([r, g, b]: readonly number[]): string {
  return `#${[r, g, b]
    .map((v) =>
      Math.round(v ?? 0)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** WCAG relative luminance. */
export function luminance(color: string): number {
  const [r, g, b] = rgb(color).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The fill for t in [0, 1] (clamped), interpolated along the scale. */
export function heatFill(t: number): string {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (BLUES.length - 1);
  const i = Math.min(BLUES.length - 2, Math.floor(x));
  const a = rgb(BLUES[i]!);
  const b = rgb(BLUES[i + 1]!);
  const f = x - i;
  return hex(a.map((v, k) => v + (b[k]! - v) * f));
}

/** Fill and text colour for t in [0, 1]. */
export function heatColors(t: number): { fill: string; text: string } {
  const fill = heatFill(t);
  return { fill, text: contrast(fill, '#000000') >= contrast(fill, '#ffffff') ? '#000000' : '#ffffff' };
}

/** The scale's stops, for a legend. */
export const HEAT_STOPS: readonly string[] = BLUES;
