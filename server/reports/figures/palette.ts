// The figures' visual language: the same Okabe-Ito sector colours and edge looks as the client's map
// (client/src/features/map/styles.ts; a unit test keeps the two equal), plus a letter per sector so
// that a figure printed in grey still tells the sectors apart.
import type { Basis, Sector } from '../../model';

export const SECTOR_COLORS: Record<Sector, string> = {
  law_enforcement: '#0072B2',
  justice: '#CC79A7',
  child_protection: '#009E73',
  migration: '#E69F00',
  civil_society: '#56B4E9',
  governance: '#F0E442',
  international: '#999999',
};

/** The sectors in the model's order (DOMAIN.md). */
export const SECTOR_ORDER = Object.keys(SECTOR_COLORS) as Sector[];

/** The sectors' names: the model's one table. */
export { SECTOR_LABELS } from '../../model/labels';

/** Printed inside each node: the sector without relying on colour. */
export const SECTOR_LETTERS: Record<Sector, string> = {
  law_enforcement: 'L',
  justice: 'J',
  child_protection: 'C',
  migration: 'M',
  civil_society: 'S',
  governance: 'G',
  international: 'I',
};

/** Dark text on the light fills, white on the dark ones (contrast of the sector letter). */
export const SECTOR_TEXT: Record<Sector, string> = {
  law_enforcement: '#ffffff',
  justice: '#1a1a1a',
  child_protection: '#ffffff',
  migration: '#1a1a1a',
  civil_society: '#1a1a1a',
  governance: '#1a1a1a',
  international: '#1a1a1a',
};

export const EDGE_COLOR = '#4d4d4d';
/** Vermillion: broken flows and marked nodes, as on the map. */
export const BROKEN_COLOR = '#D55E00';
export const MARK_COLOR = '#D55E00';
export const NCP_BORDER_COLOR = '#000000';
export const PLANNED_OPACITY = 0.35;

export interface EdgeStroke {
  width: number;
  /** SVG stroke-dasharray, or undefined for a solid line. */
  dash?: string;
  description: string;
}

/** Line style by basis, as on the map: the more formal the basis, the heavier the line. */
export const BASIS_STROKES: Record<Basis, EdgeStroke> = {
  statutory: { width: 2.6, description: 'Statutory (set by law)' },
  agreement: { width: 1.4, description: 'Agreement' },
  project: { width: 1.4, dash: '6 3', description: 'Project (time-limited)' },
  informal: { width: 1.4, dash: '1.5 3', description: 'Informal' },
};
export const BASIS_ORDER: readonly Basis[] = ['statutory', 'agreement', 'project', 'informal'];
