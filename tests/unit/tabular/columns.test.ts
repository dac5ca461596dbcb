// The template's shape is derived from the zod schemas: sheets, columns in schema order, types and flags.
import { SHEETS, columnLetter, sheetByName } from '../../../server/tabular/columns';

const sheet = (name: string) => {
  const s = SHEETS.find((x) => x.collection === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};

describe('template columns', () => {
  test('when the sheets are derived, then there is one per map-document collection, in the document order', () => {
    expect(SHEETS.map((s) => s.collection)).toEqual([
      'countries',
      'stakeholders',
      'datasets',
      'flows',
      'reportingLines',
      'networks',
      'memberships',
      'interviews',
    ]);
    expect(SHEETS.map((s) => s.kind)).toEqual([
      'country',
      'stakeholder',
      'dataset',
      'flow',
      'reportingLine',
      'network',
      'membership',
      'interview',
    ]);
  });

  test('when stakeholders are derived, then the columns follow the schema and the contact is flattened', () => {
    expect(sheet('stakeholders').columns.map((c) => c.name)).toEqual([
      'id',
      'name',
      'country',
      'type',
      'level',
      'ncp',
      'description',
      'contact.email',
      'contact.phone',
      'contact.url',
      'tags',
      'version',
    ]);
    const byName = new Map(sheet('stakeholders').columns.map((c) => [c.name, c]));
    expect(byName.get('contact.email')).toMatchObject({
      path: ['contact', 'email'],
      field: 'contact',
      required: false,
      value: 'string',
      trim: true,
    });
    expect(byName.get('id')).toMatchObject({ required: true, trim: true });
    expect(byName.get('level')).toMatchObject({
      required: false,
      value: 'enum',
      values: ['national', 'regional', 'local', 'international'],
    });
    expect(byName.get('ncp')).toMatchObject({ required: false, value: 'boolean' });
    expect(byName.get('tags')).toMatchObject({ list: true, indicator: false });
    expect(byName.get('description')).toMatchObject({ value: 'string', trim: false });
  });

  test('when flows and datasets are derived, then lists, indicators, enums and numbers have their types', () => {
    const flows = new Map(sheet('flows').columns.map((c) => [c.name, c]));
    expect(flows.get('indicators')).toMatchObject({ list: true, indicator: true, required: true });
    expect(flows.get('evidence')).toMatchObject({ list: true, indicator: false, required: false });
    expect(flows.get('basis')).toMatchObject({
      value: 'enum',
      required: true,
      values: ['informal', 'project', 'agreement', 'statutory'],
    });
    expect(flows.get('latencyDays')).toMatchObject({ value: 'number', required: false });
    const datasets = new Map(sheet('datasets').columns.map((c) => [c.name, c]));
    expect(datasets.get('disaggregation')).toMatchObject({ list: true, value: 'enum', none: true });
    expect(flows.get('evidence')?.none).toBe(false);
    expect(datasets.get('indicators')?.none).toBe(false);
    expect(datasets.get('definitionAligned')).toMatchObject({ value: 'boolean' });
  });

  test('when interviews are derived, then date is a date column and round is required text', () => {
    const cols = new Map(sheet('interviews').columns.map((c) => [c.name, c]));
    expect(cols.get('date')).toMatchObject({ value: 'date', required: true });
    expect(cols.get('round')).toMatchObject({ value: 'string', required: true });
    expect(cols.get('interviewer')?.value).toBe('string');
  });

  test('when keys are asked, then memberships are keyed by stakeholder and network, the rest by id or code', () => {
    expect(sheet('memberships').keyColumns).toEqual(['stakeholder', 'network']);
    expect(sheet('countries').keyColumns).toEqual(['code']);
    expect(sheet('flows').keyColumns).toEqual(['id']);
  });

  test('when a sheet is looked up by a loose name, then case, dashes and spaces are forgiven', () => {
    expect(sheetByName('Flows')?.collection).toBe('flows');
    expect(sheetByName('reporting-lines')?.collection).toBe('reportingLines');
    expect(sheetByName('Reporting lines')?.collection).toBe('reportingLines');
    expect(sheetByName('Sheet1')).toBeUndefined();
  });

  test('when column letters are computed, then they run A..Z, AA..', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});
