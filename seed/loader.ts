// Loads the reference catalogue and the illustrative seed maps (seed/maps/*.json) into a store.
import fs from 'node:fs';
import path from 'node:path';
import { DOCUMENT_KINDS, KIND_SPECS, emptyDocument, type MapDocument } from '../server/model';
import type { GraphStore, ImportResult } from '../server/store/port';

const SEED_DIR = __dirname;
export const SEED_ACTOR = 'seed';

export interface Catalogue {
  themes: unknown[];
  indicators: unknown[];
}

export function readCatalogue(): Catalogue {
  return JSON.parse(fs.readFileSync(path.join(SEED_DIR, 'reference', 'catalogue.json'), 'utf8')) as Catalogue;
}

/** The seed maps as one document (files may refer to each other's items). */
export function readSeedDocument(): MapDocument {
  const dir = path.join(SEED_DIR, 'maps');
  const merged = emptyDocument() as unknown as Record<string, unknown[]>;
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const doc = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
    for (const kind of DOCUMENT_KINDS) {
      const collection = KIND_SPECS[kind].collection;
      const items = doc[collection];
      if (Array.isArray(items)) merged[collection]!.push(...(items as unknown[]));
    }
  }
  return merged as unknown as MapDocument;
}

/** Ensures the catalogue, then (unless `maps` is false) merges the illustrative maps: idempotent. */
export async function seedStore(store: GraphStore, options: { maps: boolean }): Promise<ImportResult | undefined> {
  await store.ensureCatalogue(readCatalogue(), SEED_ACTOR);
  if (!options.maps) return undefined;
  return store.importDocument(readSeedDocument(), { mode: 'merge', actor: SEED_ACTOR });
}
