// What the report figures share: XML escaping, fixed number formatting and deterministic ids, so
// that the same input always gives the same SVG bytes and no text can break out of the markup.

/** Characters XML 1.0 does not allow (the model accepts them in free text): shown as U+FFFD. */
const XML_INVALID =
  // eslint-disable-next-line no-control-regex -- matching the control characters XML forbids is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text or attribute value, escaped for XML (and HTML, where the SVG is inlined). */
export function esc(text: string): string {
  return text
    .replace(XML_INVALID, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A coordinate with one decimal and no "-0", so output does not depend on floating-point noise. */
export function num(value: number): string {
  const s = (Math.round(value * 10) / 10).toFixed(1).replace(/\.0$/, '');
  return s === '-0' ? '0' : s;
}

/** A value for people: integers as they are, others with at most two decimals. */
export function formatValue(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const s = value.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

/** Shortens a label to `max` characters (code points), ending in an ellipsis; the full text goes in a <title>. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, Math.max(1, max - 1))
        .join('')
        .trimEnd()}…`;
}

/**
 * A label broken into lines of at most `max` characters (code points) at spaces, so that a figure shows it
 * whole: nothing is cut and nothing turned; a single word longer than a line keeps a line of its own.
 */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && Array.from(next).length > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** Lines of text as <tspan>s under one another, the first at the <text>'s own y (one line: the text itself). */
export function tspans(lines: readonly string[], x: string, lineHeight: number): string {
  if (lines.length === 1) return esc(lines[0]!);
  return lines.map((l, i) => `<tspan x="${x}"${i ? ` dy="${lineHeight}"` : ''}>${esc(l)}</tspan>`).join('');
}

/** FNV-1a, for ids that are stable for the same input and differ between figures of one document. */
export function stableHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** An id fragment made of safe characters only. */
export function idPart(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** Byte-wise comparison: unlike localeCompare it does not depend on the ICU data of the machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const FONT_FAMILY = "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";
export const TEXT_COLOR = '#1a1a1a';
