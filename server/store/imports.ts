// Imports of a map document, merge or replace, all or nothing: planned in a transaction against the store
// (import-plan.ts), then written in it; on a store whose transactions cannot hold a region (Neo4j) the items it
// creates are staged in batches and published by one small transaction. Also validation without writing.
import { randomUUID } from 'node:crypto';
import { KINDS, keyOf, type Kind, type OnConflict, type Problem, type Stored } from '../model';
import type { ItemState } from '../model/document-rules';
import { ConflictError, ValidationError } from '../errors';
import { addCountries } from '../model/audit-countries';
import { countriesFor, withCountries } from './audit-countries';
import { loadState, viewOf, type Stamps } from './context';
import { planImport, type Plan } from './import-plan';
import type { Adapter, ImportMode, ImportOptions, ImportResult, Staging, TxOps, ValidateOptions } from './port';

type Row = Stored<Kind>;
type State = ItemState;

/**
 * Rows (and audit entries) an import writes with one upsertMany (appendAudit): the embedded store's flow counts look up
 * the ends' countries once a batch, in one pass over the stakeholders when there are many. A multiple of the embedded
 * store's audit statement (128 entries).
 */
const WRITE_BATCH = 8192;
/** How often a staged import is planned again when the store changed while it was written. */
const IMPORT_ATTEMPTS = 3;
/**
 * At most this many existing items changed or deleted by one staged import: those are written in the
 * publishing transaction, which must fit Neo4j's transaction memory (dbms.memory.transaction.total.max).
 */
export const MAX_PUBLISHED_CHANGES = 20_000;
/**
 * At most this many items (created, changed or deleted, and their audit entries) published by one staged import:
 * the publishing transaction touches each. A 13-country region (87,000 items: 21,000 nodes and 87,000 audit entries
 * published) fits Neo4j's default transaction memory (70% of a 1 GB heap); one three times as large (322,000) ran out of it.
 */
export const MAX_PUBLISHED_ITEMS = 200_000;
/** The relationship kinds and the kinds of their ends: staged only when the import creates both ends. */
const RELATIONSHIP_ENDS: Partial<Record<Kind, ReadonlyArray<readonly [string, Kind]>>> = {
  flow: [
    ['from', 'stakeholder'],
    ['to', 'stakeholder'],
  ],
  reportingLine: [
    ['from', 'stakeholder'],
    ['to', 'stakeholder'],
  ],
  membership: [
    ['stakeholder', 'stakeholder'],
    ['network', 'network'],
  ],
};
const RELATIONSHIP_KINDS = new Set(Object.keys(RELATIONSHIP_ENDS) as Kind[]);
const STAGED_NODE_KINDS = new Set<Kind>(['country', 'stakeholder', 'network', 'interview', 'dataset']);

/**
 * Splits a plan into what is staged (items it creates: nodes, and relationships between created nodes) and
 * what the publishing transaction writes itself (updates, deletes, relationships touching existing items).
 */
function splitStaged(plan: Plan, state: State) {
  const staged = new Map<Kind, Row[]>();
  const direct = { upserts: new Map<Kind, Row[]>(), deletes: plan.deletes };
  const created = new Map<Kind, Set<string>>();
  for (const kind of KINDS) {
    for (const row of plan.upserts.get(kind)?.slice() ?? []) {
      const key = keyOf(kind, row);
      const isNew = !state.get(kind)?.has(key);
      const ends = RELATIONSHIP_ENDS[kind];
      const stage =
        isNew &&
        (STAGED_NODE_KINDS.has(kind) ||
          (ends !== undefined &&
            ends.every(([field, k]) => created.get(k)?.has((row as unknown as Record<string, string>)[field]!))));
      if (isNew && STAGED_NODE_KINDS.has(kind)) created.set(kind, (created.get(kind) ?? new Set()).add(key));
      const target = stage ? staged : direct.upserts;
      const rows = target.get(kind) ?? [];
      if (!rows.length) target.set(kind, rows);
      rows.push(row);
    }
  }
  return { staged, direct };
}

export class ImportsCore {
  constructor(
    private readonly adapter: Adapter,
    private readonly stamps: Stamps,
  ) {}

  async validateDocument(raw: unknown, mode: ImportMode, options: ValidateOptions = {}): Promise<Problem[]> {
    return this.adapter.read(async (tx) => {
      await options.guard?.(viewOf(tx), { raw });
      const state = await loadState(tx);
      return (await this.plan(tx, raw, state, { mode, actor: 'validation' })).problems;
    });
  }

  async importDocument(raw: unknown, options: ImportOptions): Promise<ImportResult> {
    if (this.adapter.staging && !options.dryRun) return this.importStaged(this.adapter.staging, raw, options);
    const run = async (tx: TxOps): Promise<ImportResult> => {
      if (!options.dryRun) await tx.lockMap();
      await options.guard?.(viewOf(tx), { raw });
      const state = await loadState(tx);
      const { problems, plan } = await this.plan(tx, raw, state, options);
      if (problems.length || !plan) {
        throw new ValidationError(
          `the document has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written`,
          problems,
        );
      }
      const changed = plan.audit.length > 0;
      if (options.dryRun || !changed) return { ...plan.result, storeVersion: await tx.version() };
      // Looked up before the deletes, so that what they remove is still found.
      const countries = await countriesFor(tx, plan.audit, state);
      for (const kind of [...KINDS].reverse()) {
        const keys = plan.deletes.get(kind);
        if (keys?.length) await tx.deleteMany(kind, keys);
      }
      // The rows and the audit entries made and written WRITE_BATCH at a time (in the one transaction), not all kept
      // at once, the entries in the plan's order: where the store can (upsertAudited), each row with its entry, after
      // the entries of the deletes; else the entries apart.
      const audited = tx.upsertAudited !== undefined;
      const apart = audited ? plan.audit.filter((e) => e.action === 'delete') : plan.audit;
      for (let i = 0; i < apart.length; i += WRITE_BATCH)
        await tx.appendAudit(addCountries(apart.slice(i, i + WRITE_BATCH), countries));
      for (const kind of KINDS) {
        const rows = plan.upserts.get(kind);
        for (let i = 0; rows && i < rows.length; i += WRITE_BATCH) {
          if (audited) {
            const { drafts, versions } = rows.audited(i, i + WRITE_BATCH);
            await tx.upsertAudited!(kind, addCountries(drafts, countries), versions, rows.stamp);
          } else {
            await tx.upsertMany(kind, rows.slice(i, i + WRITE_BATCH));
          }
        }
      }
      return { ...plan.result, storeVersion: await tx.bumpVersion() };
    };
    return options.dryRun ? this.adapter.read(run) : this.adapter.write(run);
  }

  /**
   * An import on a store whose transactions cannot hold a region (Neo4j): planned against the state read in
   * one transaction, the items it creates and its audit entries staged in batches of their own transactions
   * (invisible to readers), then one transaction takes the write lock, checks that the store is still at the
   * version planned against (else the plan is made again, up to IMPORT_ATTEMPTS times), applies the deletes
   * and updates, publishes what was staged and bumps the version. Anything staged is removed when it fails.
   */
  private async importStaged(staging: Staging, raw: unknown, options: ImportOptions): Promise<ImportResult> {
    for (let attempt = 1; ; attempt++) {
      const planned = await this.adapter.read(async (tx) => {
        await options.guard?.(viewOf(tx), { raw });
        const version = await tx.version();
        const state = await loadState(tx);
        const { problems, plan } = await this.plan(tx, raw, state, options);
        if (problems.length || !plan) {
          throw new ValidationError(
            `the document has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written`,
            problems,
          );
        }
        if (!plan.audit.length) return { version, plan, state, audit: [] };
        return { version, plan, state, audit: await withCountries(tx, plan.audit, state) };
      });
      const { version, plan, state, audit } = planned;
      if (!audit.length) return { ...plan.result, storeVersion: version };
      const { staged, direct } = splitStaged(plan, state);
      const directCount = [...direct.upserts.values(), ...direct.deletes.values()].reduce(
        (n, rows) => n + rows.length,
        0,
      );
      if (directCount > MAX_PUBLISHED_CHANGES) {
        throw new ValidationError(
          `the import changes or deletes ${directCount} existing items; at most ${MAX_PUBLISHED_CHANGES} per import on this store: split it (by country) and import the parts one after the other`,
          [
            {
              path: '(document)',
              message: `changes or deletes ${directCount} existing items; the limit is ${MAX_PUBLISHED_CHANGES}`,
            },
          ],
        );
      }
      // What the publishing transaction touches: the staged nodes (staged relationships come with their ends), the audit entries, the direct writes.
      const publishedCount =
        directCount +
        audit.length +
        [...staged].reduce((n, [kind, rows]) => n + (RELATIONSHIP_KINDS.has(kind) ? 0 : rows.length), 0);
      const maxPublished = staging.maxPublished ?? MAX_PUBLISHED_ITEMS;
      if (publishedCount > maxPublished) {
        throw new ValidationError(
          `the import publishes ${publishedCount} items and audit entries; at most ${maxPublished} per import on this store (one transaction makes them visible at once): split it (by country) and import the parts one after the other`,
          [
            {
              path: '(document)',
              message: `publishes ${publishedCount} items and audit entries; the limit is ${maxPublished}`,
            },
          ],
        );
      }
      const importId = randomUUID();
      try {
        // Two lanes at once: the items (kind after kind, since relationships need their staged ends) and the audit
        // entries, which share nothing with them. A failure in one stops the other at its next batch; both have
        // ended before it is reported, so that nothing is staged after the discard below.
        let failed = false;
        const lane = (work: () => Promise<void>) =>
          work().catch((err: unknown) => {
            failed = true;
            throw err;
          });
        const lanes = await Promise.allSettled([
          lane(async () => {
            for (const kind of KINDS) {
              const rows = staged.get(kind) ?? [];
              for (let i = 0; i < rows.length && !failed; i += staging.batchSize)
                await staging.stage(importId, kind, rows.slice(i, i + staging.batchSize));
            }
          }),
          lane(async () => {
            for (let i = 0; i < audit.length && !failed; i += staging.batchSize) {
              await staging.stageAudit(
                importId,
                audit.slice(i, i + staging.batchSize).map((e, j) => ({ ...e, ord: i + j })),
              );
            }
          }),
        ]);
        for (const outcome of lanes) if (outcome.status === 'rejected') throw outcome.reason;
        const storeVersion = await this.adapter.write(async (tx) => {
          await tx.lockMap();
          if ((await tx.version()) !== version) return undefined;
          // Again under the lock: an account change (a demotion, other countries) does not move the store version.
          await options.guard?.(viewOf(tx), { raw });
          for (const kind of [...KINDS].reverse()) {
            const keys = direct.deletes.get(kind);
            if (keys?.length) await tx.deleteMany(kind, keys);
          }
          const published = await tx.publishStaged!(importId);
          for (const kind of KINDS) {
            const expected = staged.get(kind)?.length ?? 0;
            if (!RELATIONSHIP_KINDS.has(kind) && (published[kind] ?? 0) !== expected) {
              throw new Error(
                `import ${importId}: ${expected} ${kind} items were staged but ${published[kind] ?? 0} found to publish`,
              );
            }
          }
          if (published.audit !== audit.length)
            throw new Error(
              `import ${importId}: ${audit.length} audit entries were staged but ${published.audit} found`,
            );
          for (const kind of KINDS) {
            const rows = direct.upserts.get(kind);
            if (rows?.length) await tx.upsertMany(kind, rows);
          }
          return tx.bumpVersion();
        });
        if (storeVersion !== undefined) return { ...plan.result, storeVersion };
      } catch (err) {
        await staging.discard(importId).catch(() => {}); // what stays is removed at the next start-up
        throw err;
      }
      await staging.discard(importId);
      if (attempt >= IMPORT_ATTEMPTS) {
        throw new ConflictError(
          `the store changed ${attempt} times while the import was written; nothing was imported: try again`,
          {},
          'store_changed',
        );
      }
    }
  }

  /** What an import would do (import-plan.ts), with this store's stamps and audit drafts. */
  private plan(
    tx: TxOps,
    raw: unknown,
    state: State,
    options: { mode: ImportMode; actor: string; dryRun?: boolean; onConflict?: OnConflict },
  ) {
    // One time for the whole import (it commits at once), read once: not a clock read per item of a region.
    const stamp = this.stamps.stamp(options.actor);
    const { actor } = options;
    return planImport(tx, raw, state, {
      ...options,
      stamp,
      entry: (action, kind, key, before, after) => ({ at: stamp.updatedAt, actor, action, kind, key, before, after }),
    });
  }
}
