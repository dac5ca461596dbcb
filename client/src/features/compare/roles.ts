// A role matrix of the comparison ({ "fromType>toType": share of the country's flows }) as a grid
// for the heat map: senders as rows, receivers as columns, both in the catalogue's order of sectors
// and types, and the non-zero entries as a list for the table.

export interface RoleEntry {
  from: string;
  to: string;
  share: number;
}

export interface RoleGrid {
  rows: string[];
  cols: string[];
  /** Share by `from>to`; absent pairs are 0. */
  share: (from: string, to: string) => number;
  max: number;
  /** Non-zero entries, largest share first (ties by sender, then receiver, in grid order). */
  entries: RoleEntry[];
}

import { humanize } from '../../lib/format';

// Acronyms that humanize() would lower-case.
const ACRONYMS: Readonly<Record<string, string>> = {
  ngo: 'NGO',
  ngo_network: 'NGO network',
  nrm_secretariat: 'NRM secretariat',
  ncp_office: 'NCP office',
  eu_body: 'EU body',
  un_agency: 'UN agency',
  cbss: 'CBSS',
  red_cross: 'Red Cross',
};

/** A stakeholder type or sector code as words: `child_welfare` -> `Child welfare`, `ngo` -> `NGO`. */
export function roleLabel(code: string): string {
  return ACRONYMS[code] ?? humanize(code);
}

/** Splits a matrix key; types and sectors never contain '>'. */
export function splitKey(key: string): [string, string] {
  const at = key.indexOf('>');
  return at < 0 ? [key, ''] : [key.slice(0, at), key.slice(at + 1)];
}

export function roleGrid(matrix: Readonly<Record<string, number>>, order: readonly string[]): RoleGrid {
  const rank = (x: string) => {
    const i = order.indexOf(x);
    return i < 0 ? order.length : i;
  };
  const byOrder = (a: string, b: string) => rank(a) - rank(b) || a.localeCompare(b);
  const entries = Object.entries(matrix)
    .filter(([, share]) => share > 0)
    .map(([key, share]) => {
      const [from, to] = splitKey(key);
      return { from, to, share };
    });
  const rows = [...new Set(entries.map((e) => e.from))].sort(byOrder);
  const cols = [...new Set(entries.map((e) => e.to))].sort(byOrder);
  entries.sort((a, b) => b.share - a.share || byOrder(a.from, b.from) || byOrder(a.to, b.to));
  return {
    rows,
    cols,
    share: (from, to) => matrix[`${from}>${to}`] ?? 0,
    max: Math.max(0, ...entries.map((e) => e.share)),
    entries,
  };
}
