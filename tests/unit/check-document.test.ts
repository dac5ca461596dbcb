// checkDocument's reference check (plain loops over each kind's references) reports the same problems, in the
// same order, as the check it replaced (each item's references listed with refValues): on a small region whose
// references were broken at random (unknown stakeholders, interviews, networks, countries and indicator codes),
// against the document alone and with the broken targets known to the store.
import {
  DOCUMENT_KINDS,
  KIND_SPECS,
  checkDocument,
  keyOf,
  refValues,
  type Kind,
  type MapDocument,
  type Problem,
  type ValidationContext,
} from '../../server/model';
import { catalogue } from '../support/catalogue';
import { syntheticRegion } from '../perf/synthetic';
import { mulberry32 } from '../support/random';

/** The reference problems as the check before reported them. */
function referenceProblems(doc: MapDocument, ctx: ValidationContext): Problem[] {
  const keys = new Map<Kind, Set<string>>();
  for (const kind of DOCUMENT_KINDS)
    keys.set(
      kind,
      new Set((doc[KIND_SPECS[kind].collection as keyof MapDocument] as object[]).map((e) => keyOf(kind, e))),
    );
  const exists = (kind: Kind, key: string): boolean =>
    kind === 'indicator'
      ? ctx.indicators.has(key)
      : Boolean(keys.get(kind)?.has(key) || ctx.existing?.[kind]?.has(key));
  const problems: Problem[] = [];
  for (const kind of DOCUMENT_KINDS) {
    const { collection, refs } = KIND_SPECS[kind];
    (doc[collection as keyof MapDocument] as object[]).forEach((item, i) => {
      for (const spec of refs) {
        refValues(item, spec).forEach((value, j) => {
          if (exists(spec.target, value)) return;
          const path = `${collection}[${i}].${spec.field}${spec.many ? `[${j}]` : ''}`;
          const message =
            spec.target === 'indicator'
              ? `unknown indicator code '${value}'`
              : `refers to ${spec.target} '${value}', which is neither in the document nor in the store`;
          problems.push({ path, kind, id: keyOf(kind, item), field: spec.field, message });
        });
      }
    });
  }
  return problems;
}

test('when references are broken at random, then checkDocument reports the same problems in the same order as before', () => {
  const random = mulberry32(17);
  const doc = syntheticRegion({ countries: 2, stakeholdersPerCountry: 30, seed: 6 });
  const broken = JSON.parse(JSON.stringify(doc)) as Record<string, Array<Record<string, unknown>>>;
  const missing = ['nobody', 'ghost-interview', 'ghost-net', 'QQ', 'ZZZ-99'];
  for (const kind of DOCUMENT_KINDS) {
    for (const item of broken[KIND_SPECS[kind].collection] ?? []) {
      for (const spec of KIND_SPECS[kind].refs) {
        if (random() > 0.08) continue;
        const value = missing[Math.floor(random() * missing.length)]!;
        item[spec.field] = spec.many ? [...((item[spec.field] as string[] | undefined) ?? []), value, value] : value;
      }
    }
  }
  const indicators = new Set(catalogue.indicators.map((i) => i.code));
  const contexts: ValidationContext[] = [
    { indicators },
    {
      indicators,
      existing: { stakeholder: new Set(['nobody']), interview: new Set(['ghost-interview']) },
      existingNcps: new Map(),
    },
  ];
  for (const ctx of contexts) {
    const result = checkDocument(broken as unknown as MapDocument, ctx);
    const expected = referenceProblems(broken as unknown as MapDocument, ctx);
    expect(expected.length).toBeGreaterThan(50);
    expect(result.ok).toBe(false);
    expect(
      (result as { problems: Problem[] }).problems.filter(
        (p) => !p.path.endsWith('.ncp') && !p.message.startsWith('duplicate'),
      ),
    ).toEqual(expected);
  }
});
