// The seed map and catalogue as a report input, and small helpers to read a report's blocks in tests.
import { z } from 'zod';
import { readCatalogue, readSeedDocument } from '../../../seed/loader';
import { Indicator, MapDocument, Theme } from '../../../server/model';
import type { Block, Report, Section } from '../../../server/model/report';
import type { ReportInput } from '../../../server/reports/text';

export function seedInput(overrides: Partial<ReportInput> = {}): ReportInput {
  const raw = readCatalogue();
  return {
    document: MapDocument.parse(readSeedDocument()),
    catalogue: { themes: z.array(Theme).parse(raw.themes), indicators: z.array(Indicator).parse(raw.indicators) },
    round: null,
    storeVersion: 7,
    generatedAt: '2026-11-29T05:00:00.000Z',
    ...overrides,
  };
}

export function section(report: Report, id: string): Section {
  const found = report.sections.find((s) => s.id === id);
  if (!found) throw new Error(`no section '${id}' in the report`);
  return found;
}

export const tables = (s: Section) =>
  s.blocks.filter((b): b is Extract<Block, { type: 'table' }> => b.type === 'table');
export const texts = (s: Section) =>
  s.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : b.type === 'list' ? b.items : []));
export const allBlocks = (r: Report) => r.sections.flatMap((s) => s.blocks);
