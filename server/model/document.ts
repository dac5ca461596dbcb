// The map document (DOMAIN.md): the interchange form of a map, and its document-level validation.
// Every problem names the item (kind and id) and the field, and all problems are reported at once.
import { z } from 'zod';
import {
  Country,
  Dataset,
  Flow,
  Interview,
  Membership,
  Network,
  ReportingLine,
  Stakeholder,
  VersionField,
} from './entities';
import { DOCUMENT_KINDS, KIND_SPECS, keyOf, type Kind } from './kinds';
import { parseDocumentFast } from './document-fast';
import { problemsFromZod } from './problems';

export const FORMAT_VERSION = 1;

/** The document's own fields besides its collections. */
const DOCUMENT_HEAD = {
  formatVersion: z.literal(FORMAT_VERSION, `must be ${FORMAT_VERSION}`),
  /** Exports: when the document was taken, and the store version it was taken at (DOMAIN.md). */
  exportedAt: z.iso.datetime({ offset: true, message: 'must be a date and time (ISO 8601)' }).optional(),
  storeVersion: z.number().int().min(0, 'must be 0 or more').optional(),
};

/** Each collection's items: the kind's schema with the item's optional export version. */
const DOCUMENT_ITEMS = {
  countries: Country.extend(VersionField),
  stakeholders: Stakeholder.extend(VersionField),
  datasets: Dataset.extend(VersionField),
  flows: Flow.extend(VersionField),
  reportingLines: ReportingLine.extend(VersionField),
  networks: Network.extend(VersionField),
  memberships: Membership.extend(VersionField),
  interviews: Interview.extend(VersionField),
};

export const MapDocument = z.strictObject({
  ...DOCUMENT_HEAD,
  countries: z.array(DOCUMENT_ITEMS.countries).default([]),
  stakeholders: z.array(DOCUMENT_ITEMS.stakeholders).default([]),
  datasets: z.array(DOCUMENT_ITEMS.datasets).default([]),
  flows: z.array(DOCUMENT_ITEMS.flows).default([]),
  reportingLines: z.array(DOCUMENT_ITEMS.reportingLines).default([]),
  networks: z.array(DOCUMENT_ITEMS.networks).default([]),
  memberships: z.array(DOCUMENT_ITEMS.memberships).default([]),
  interviews: z.array(DOCUMENT_ITEMS.interviews).default([]),
});
export type MapDocument = z.infer<typeof MapDocument>;

/**
 * `MapDocument.safeParse(raw)`, the same answer sooner for a large document: the items go through the fast
 * path of document-fast.ts, and zod parses the whole document whenever that path is not sure of it.
 */
export function parseMapDocument(raw: unknown): z.ZodSafeParseResult<MapDocument> {
  const fast = parseDocumentFast(raw, DOCUMENT_HEAD, DOCUMENT_ITEMS);
  return fast ? { success: true, data: fast as MapDocument } : MapDocument.safeParse(raw);
}

/** The collections of a map document (the fields holding items), in document order. */
export const DOCUMENT_COLLECTIONS = [
  'countries',
  'stakeholders',
  'datasets',
  'flows',
  'reportingLines',
  'networks',
  'memberships',
  'interviews',
] as const satisfies ReadonlyArray<keyof MapDocument>;

export interface Problem {
  /** Where in the document, e.g. `flows[3].basis`. */
  path: string;
  kind?: Kind;
  /** The item's id (or key), when the item has one. */
  id?: string;
  field?: string;
  message: string;
  /** Spreadsheet imports: the sheet (or CSV file), its 1-based row, the column's header and the cell (`E5`, or a range). */
  sheet?: string;
  row?: number;
  column?: string;
  cell?: string;
}

/** What the document may refer to beyond itself: the catalogue and what the store already holds. */
export interface ValidationContext {
  indicators: ReadonlySet<string>;
  /** Keys per kind that exist outside the document (in the store), usable as reference targets. */
  existing?: Partial<Record<Kind, ReadonlySet<string>>>;
  /** Stakeholders outside the document that are NCPs, by country (for the one-NCP rule). */
  existingNcps?: ReadonlyMap<string, string[]>;
}

export type ValidationResult = { ok: true; document: MapDocument } | { ok: false; problems: Problem[] };

export function emptyDocument(): MapDocument {
  return {
    formatVersion: FORMAT_VERSION,
    countries: [],
    stakeholders: [],
    datasets: [],
    flows: [],
    reportingLines: [],
    networks: [],
    memberships: [],
    interviews: [],
  };
}

/**
 * Validates a raw document: shape and enums (zod), then duplicate ids, dangling references
 * (resolved against the document and `ctx.existing`), unknown indicator codes and the one-NCP rule.
 */
export function validateDocument(raw: unknown, ctx: ValidationContext): ValidationResult {
  const parsed = parseMapDocument(raw);
  if (!parsed.success) {
    return { ok: false, problems: problemsFromZod(parsed.error, raw, { field: 'issue' }) };
  }
  return checkDocument(parsed.data, ctx);
}

/**
 * The checks of `validateDocument` after the shape: for a document MapDocument has already parsed (an import
 * parses a region once, not twice).
 */
export function checkDocument(doc: MapDocument, ctx: ValidationContext): ValidationResult {
  const problems: Problem[] = [];
  const keys = new Map<Kind, Set<string>>();

  for (const kind of DOCUMENT_KINDS) {
    const { collection } = KIND_SPECS[kind];
    const seen = new Set<string>();
    (doc[collection as keyof MapDocument] as object[]).forEach((item, i) => {
      const key = keyOf(kind, item);
      if (seen.has(key)) {
        const field = KIND_SPECS[kind].keyFields.join('+');
        problems.push({ path: `${collection}[${i}]`, kind, id: key, field, message: `duplicate ${kind} '${key}'` });
      }
      seen.add(key);
    });
    keys.set(kind, seen);
  }

  // Each reference is looked up among the document's keys of its kind, then the store's (an indicator: in the
  // catalogue), in plain loops: no list made per reference (a region has some 200,000).
  for (const kind of DOCUMENT_KINDS) {
    const { collection, refs } = KIND_SPECS[kind];
    const targets = refs.map((spec) => ({
      spec,
      inDocument: spec.target === 'indicator' ? undefined : keys.get(spec.target),
      known: spec.target === 'indicator' ? ctx.indicators : ctx.existing?.[spec.target],
    }));
    const items = doc[collection as keyof MapDocument] as object[];
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as Record<string, unknown>;
      for (const { spec, inDocument, known } of targets) {
        const value = item[spec.field];
        if (value === undefined || value === null) continue;
        const list = spec.many ? (value as string[]) : undefined;
        for (let j = 0, n = list ? list.length : 1; j < n; j++) {
          const v = list ? list[j]! : (value as string);
          if (inDocument?.has(v) || known?.has(v)) continue;
          const path = `${collection}[${i}].${spec.field}${spec.many ? `[${j}]` : ''}`;
          const message =
            spec.target === 'indicator'
              ? `unknown indicator code '${v}'`
              : `refers to ${spec.target} '${v}', which is neither in the document nor in the store`;
          problems.push({ path, kind, id: keyOf(kind, item), field: spec.field, message });
        }
      }
    }
  }

  problems.push(...ncpProblems(doc, ctx));
  return problems.length ? { ok: false, problems } : { ok: true, document: doc };
}

/** At most one NCP per country, counting NCPs already stored that the document does not redefine. */
function ncpProblems(doc: MapDocument, ctx: ValidationContext): Problem[] {
  const inDoc = new Set(doc.stakeholders.map((s) => s.id));
  const byCountry = new Map<string, string[]>();
  for (const [country, ids] of ctx.existingNcps ?? []) {
    byCountry.set(
      country,
      ids.filter((id) => !inDoc.has(id)),
    );
  }
  const problems: Problem[] = [];
  doc.stakeholders.forEach((s, i) => {
    if (!s.ncp) return;
    const others = byCountry.get(s.country) ?? [];
    if (others.length > 0) {
      problems.push({
        path: `stakeholders[${i}].ncp`,
        kind: 'stakeholder',
        id: s.id,
        field: 'ncp',
        message: `country ${s.country} already has an NCP (${others.join(', ')}); a country has exactly one`,
      });
    }
    byCountry.set(s.country, [...others, s.id]);
  });
  return problems;
}
