// Ids for new items, so that nobody has to invent one: a slug of the name for named items
// (`se-police-authority`), the next free number for flows, reporting lines and interviews (`se-f49`).
import type { EditKind } from './kinds';

const NUMBERED: Partial<Record<EditKind, string>> = { flow: 'f', reportingLine: 'r', interview: 'i' };

/** `Polícia Judiciária (Lisbon)` -> `policia-judiciaria-lisbon`. */
export function slug(text: string, max = 48): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
}

/** `base`, or `base-2`, `base-3` ... whichever is not taken. */
function free(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * A new id for an item of `kind` in `country`: numbered kinds take the next number after the highest
 * one in use with the same prefix; named kinds a slug of the name. Empty when there is no name yet.
 */
export function suggestId(kind: EditKind, country: string, name: string, taken: ReadonlySet<string>): string {
  const prefix = country.toLowerCase();
  const letter = NUMBERED[kind];
  if (letter) {
    const pattern = new RegExp(`^${prefix}-${letter}(\\d+)$`);
    let max = 0;
    for (const id of taken) {
      const m = pattern.exec(id);
      if (m) max = Math.max(max, Number(m[1]));
    }
    return `${prefix}-${letter}${max + 1}`;
  }
  const s = slug(name);
  if (!s) return '';
  return free(s.startsWith(`${prefix}-`) ? s : `${prefix}-${s}`, taken);
}
