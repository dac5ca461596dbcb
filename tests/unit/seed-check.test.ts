// The seed rules of issue 14 in seed/check.py, each shown to catch a broken copy of the seed maps:
// the statutory case flow into and out of every prosecution service, no unexplained isolated
// institution, coordinator and rapporteur roles typed as the roles say, interview rounds that fit the
// countries they mapped.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CHECK = path.join(__dirname, '../../seed/check.py');
const MAPS = path.join(__dirname, '../../seed/maps');
const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

interface Item {
  id?: string;
  [key: string]: unknown;
}
type MapFile = Record<string, Item[]>;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-check-'));
  for (const file of fs.readdirSync(MAPS)) fs.copyFileSync(path.join(MAPS, file), path.join(dir, file));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Changes one map file of the copy in place. */
function edit(country: string, change: (doc: MapFile) => void): void {
  const file = path.join(dir, `${country}.json`);
  const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as MapFile;
  change(doc);
  fs.writeFileSync(file, JSON.stringify(doc, null, 2));
}

function check(): { status: number | null; problems: string[] } {
  const r = spawnSync(PYTHON, [CHECK, '--maps', dir], { encoding: 'utf8' });
  expect(r.error).toBeUndefined();
  expect(r.stderr).toBe('');
  return {
    status: r.status,
    problems: r.stdout
      .split('\n')
      .filter((l) => l.startsWith('  '))
      .map((l) => l.trim()),
  };
}

const byId = (items: Item[], id: string): Item => {
  const found = items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};
const withoutFlows = (doc: MapFile, test: (f: Item) => boolean) => {
  doc.flows = doc.flows!.filter((f) => !test(f));
};

describe('seed/check.py rules on broken copies of the seed', () => {
  test('when the copy is not changed, then it passes (so each failure below comes from its change)', () => {
    expect(check()).toEqual({ status: 0, problems: [] });
  });

  test('when the police -> prosecution flow of Sweden is removed, then the prosecution service is named as receiving no case flow', () => {
    edit('se', (doc) => withoutFlows(doc, (f) => f.to === 'se-prosecution'));
    const r = check();
    expect(r.status).toBe(1);
    expect(r.problems).toEqual([
      expect.stringMatching(/^maps stakeholders\[se-prosecution\]: prosecution service receives no case flow/),
    ]);
  });

  test('when the case flow is informal, planned or carries no case indicator, then it does not count', () => {
    edit('no', (doc) => {
      const f = doc.flows!.find((x) => x.from === 'no-police-districts' && x.to === 'no-prosecution')!;
      f.basis = 'informal';
    });
    edit('dk', (doc) => {
      doc.flows!.find((x) => x.from === 'dk-districts' && x.to === 'dk-prosecution')!.status = 'planned';
    });
    edit('fi', (doc) => {
      doc.flows!.find((x) => x.from === 'fi-police' && x.to === 'fi-prosecution')!.indicators = ['RSK-06'];
    });
    const r = check();
    expect(r.status).toBe(1);
    expect(
      r.problems.filter((p) => p.includes('receives no case flow')).map((p) => p.slice(0, p.indexOf(':'))),
    ).toEqual([
      'maps stakeholders[dk-prosecution]',
      'maps stakeholders[fi-prosecution]',
      'maps stakeholders[no-prosecution]',
    ]);
  });

  test('when the prosecution -> court flow of Poland is removed, then the prosecution service is named as sending no case to a court', () => {
    edit('pl', (doc) => withoutFlows(doc, (f) => f.from === 'pl-prosecution' && f.to === 'pl-courts'));
    const r = check();
    expect(r.status).toBe(1);
    expect(r.problems).toEqual([
      expect.stringMatching(/^maps stakeholders\[pl-prosecution\]: prosecution service sends no case flow to a court/),
    ]);
  });

  test('when Iceland loses its court, then the country is named as lacking one', () => {
    edit('is', (doc) => {
      doc.stakeholders = doc.stakeholders!.filter((s) => s.id !== 'is-courts');
      withoutFlows(doc, (f) => f.to === 'is-courts');
    });
    const r = check();
    expect(r.status).toBe(1);
    expect(r.problems).toEqual(
      expect.arrayContaining([
        'country IS: no stakeholder of type court (the statutory case flow needs one)',
        expect.stringMatching(
          /^maps stakeholders\[is-prosecution\]: prosecution service sends no case flow to a court/,
        ),
      ]),
    );
  });

  test('when an ombudsperson loses its flows, then it is reported isolated; tagged no-known-flow with a reason, it passes', () => {
    edit('no', (doc) => withoutFlows(doc, (f) => f.from === 'no-ombud' || f.to === 'no-ombud'));
    let r = check();
    expect(r.status).toBe(1);
    expect(r.problems).toEqual([
      expect.stringMatching(/^maps stakeholders\[no-ombud\]: isolated: no flow to or from it/),
    ]);

    edit('no', (doc) => {
      const s = byId(doc.stakeholders!, 'no-ombud');
      s.tags = ['no-known-flow'];
    });
    r = check();
    expect(r.problems).toEqual([
      expect.stringMatching(/^maps stakeholders\[no-ombud\]: tagged 'no-known-flow': its description must say why/),
    ]);

    edit('no', (doc) => {
      const s = byId(doc.stakeholders!, 'no-ombud');
      s.description = 'Ombudsperson for children. No flow to or from it is publicly described.';
    });
    expect(check()).toEqual({ status: 0, problems: [] });
  });

  test('when a ministry with flows is tagged no-known-flow, then the stale tag is reported', () => {
    edit('fi', (doc) => {
      const s = byId(doc.stakeholders!, 'fi-justice');
      s.tags = ['no-known-flow'];
      s.description = 'No flow is known.';
    });
    const r = check();
    expect(r.status).toBe(1);
    expect(r.problems).toEqual([
      expect.stringMatching(/^maps stakeholders\[fi-justice\]: tagged 'no-known-flow' but it has flows/),
    ]);
  });

  test("when Lithuania's coordinator-and-rapporteur is typed ministry again, then the type is reported", () => {
    edit('lt', (doc) => {
      byId(doc.stakeholders!, 'lt-ncp').type = 'ministry';
    });
    const r = check();
    expect(r.status).toBe(1);
    expect(r.problems).toEqual([
      'maps stakeholders[lt-ncp]: holds the role(s) national-coordinator, rapporteur, so its type must be national_coordinator, not ministry',
    ]);
  });

  test('when an equivalent mechanism is typed ministry, or a coordinator-typed body carries no role, then both are reported', () => {
    edit('lv', (doc) => {
      byId(doc.stakeholders!, 'lv-ncp').type = 'ministry';
    });
    edit('se', (doc) => {
      const s = byId(doc.stakeholders!, 'se-ncp');
      s.tags = (s.tags as string[]).filter((t) => t !== 'national-coordinator');
    });
    const r = check();
    expect(r.status).toBe(1);
    expect(r.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^maps stakeholders\[lv-ncp\]: holds the role\(s\) equivalent-mechanism, national-coordinator, so its type must be national_coordinator/,
        ),
        expect.stringMatching(/^maps stakeholders\[se-ncp\]: typed national_coordinator but tagged with no role/),
        expect.stringMatching(/^country SE: exactly one national-level body must hold the role 'national-coordinator'/),
      ]),
    );
    expect(r.problems).toHaveLength(3);
  });

  test('when Finland loses its coordinator role, or Denmark gains a rapporteur the notes do not name, then the country is reported', () => {
    edit('fi', (doc) => {
      const s = byId(doc.stakeholders!, 'fi-coordinator');
      s.tags = [];
      s.type = 'ministry';
    });
    edit('dk', (doc) => {
      const s = byId(doc.stakeholders!, 'dk-cmm');
      s.tags = [...(s.tags as string[]), 'rapporteur'];
      s.type = 'national_rapporteur';
    });
    const r = check();
    expect(r.status).toBe(1);
    expect(r.problems.sort()).toEqual([
      expect.stringMatching(/^country DK: no body holds the role 'rapporteur'/),
      expect.stringMatching(/^country FI: exactly one national-level body must hold the role 'national-coordinator'/),
    ]);
  });

  test('when an Icelandic interview is put in the 2010 round, then the round is reported as not covering Iceland', () => {
    edit('is', (doc) => {
      const iv = byId(doc.interviews!, 'is-i1');
      iv.round = '2010';
      iv.date = '2010-11-23';
    });
    const r = check();
    expect(r.status).toBe(1);
    expect(r.problems).toEqual([
      'maps interviews[is-i1]: round 2010 did not map IS (it covered DE DK EE FI LT LV NO PL SE)',
    ]);
  });

  test('when an interview is dated outside its round, or names an unknown round, then it is reported', () => {
    edit('se', (doc) => {
      byId(doc.interviews!, 'se-i1').date = '2026-01-05';
      byId(doc.interviews!, 'se-i2').round = '2015';
    });
    const r = check();
    expect(r.status).toBe(1);
    expect(r.problems).toEqual([
      'maps interviews[se-i1]: dated 2026-01-05, outside round 2010 (2010-2011)',
      "maps interviews[se-i2]: round '2015' is not a known mapping round (2010, 2026-baseline)",
    ]);
  });

  test('when a register standing in for a statistics office loses its tag or its explanation, then each is reported', () => {
    edit('lv', (doc) => {
      byId(doc.stakeholders!, 'lv-ic').tags = [];
    });
    edit('ee', (doc) => {
      byId(doc.stakeholders!, 'ee-rik').description = 'State agency maintaining the criminal case e-file.';
    });
    const r = check();
    expect(r.status).toBe(1);
    expect(r.problems.sort()).toEqual([
      expect.stringMatching(
        /^maps stakeholders\[ee-rik\]: tagged 'register' and typed statistics_office: its description must say it 'stands in for a statistics office'/,
      ),
      "maps stakeholders[lv-ic]: a register or information system typed statistics_office must carry the tag 'register'",
    ]);
  });

  test('when the employment agencies of Latvia and Iceland are typed labour inspectorates again, then both are reported', () => {
    edit('lv', (doc) => {
      byId(doc.stakeholders!, 'lv-employment').type = 'labour_inspectorate';
    });
    edit('is', (doc) => {
      byId(doc.stakeholders!, 'is-vmst').type = 'labour_inspectorate';
    });
    const r = check();
    expect(r.status).toBe(1);
    expect(r.problems.sort()).toEqual([
      expect.stringMatching(
        /^maps stakeholders\[is-vmst\]: an employment agency or labour-market authority is not a labour inspectorate/,
      ),
      expect.stringMatching(
        /^maps stakeholders\[lv-employment\]: an employment agency or labour-market authority is not a labour inspectorate/,
      ),
    ]);
  });

  test('when the Danish Agency of Family Law (founded 2019) gets a flow since 2008 again, then the flow is reported', () => {
    edit('dk', (doc) => {
      const flow = byId(doc.flows!, 'dk-f20');
      flow.since = 2008;
      flow.note = 'Since 2008.';
    });
    const r = check();
    expect(r.status).toBe(1);
    expect(r.problems).toEqual([
      'maps flows[dk-f20]: since 2008, but dk-family-law was founded in 2019 (its description says so)',
      "maps flows[dk-f20]: its note says 'since 2008', but dk-family-law was founded in 2019",
    ]);
  });
});
