// Cell conversion by column type: booleans, numbers, enums, dates (Excel dates and serials), lists and indicators.
import { IndicatorLookup, convertCell } from '../../../server/tabular/cells';
import { SHEETS, type ColumnSpec } from '../../../server/tabular/columns';
import { CellError } from '../../../server/tabular/raw';
import { catalogue } from '../../support/catalogue';

const column = (collection: string, name: string): ColumnSpec => {
  const col = SHEETS.find((s) => s.collection === collection)?.columns.find((c) => c.name === name);
  if (!col) throw new Error(`no column ${collection}.${name}`);
  return col;
};
const lookup = new IndicatorLookup(catalogue.indicators as Array<{ code: string; name: string }>);
const convert = (collection: string, name: string, raw: Parameters<typeof convertCell>[1]) =>
  convertCell(column(collection, name), raw, lookup);

describe('cell conversion', () => {
  test('when a boolean column holds TRUE/FALSE, yes/no or 1/0, then it is a boolean; anything else is a problem', () => {
    for (const [raw, value] of [
      [true, true],
      ['TRUE', true],
      ['False', false],
      ['yes', true],
      ['No', false],
      [1, true],
      ['0', false],
    ] as const) {
      expect(convert('flows', 'personDependent', raw)).toEqual({ ok: true, value });
    }
    expect(convert('flows', 'personDependent', 'maybe')).toEqual({
      ok: false,
      message: "'maybe' is not true or false (yes/no and 1/0 also work)",
    });
  });

  test('when a number column holds a number or numeric text, then it is a number; other text is a problem', () => {
    expect(convert('flows', 'latencyDays', 30)).toEqual({ ok: true, value: 30 });
    expect(convert('flows', 'latencyDays', ' 14 ')).toEqual({ ok: true, value: 14 });
    expect(convert('flows', 'latencyDays', 'two weeks')).toEqual({ ok: false, message: "'two weeks' is not a number" });
  });

  test('when an enum cell differs only in case or spaces, then it is the value; an unknown one names the values and the closest', () => {
    expect(convert('flows', 'basis', 'Statutory')).toEqual({ ok: true, value: 'statutory' });
    expect(convert('flows', 'trigger', 'on request')).toEqual({ ok: true, value: 'on_request' });
    const bad = convert('flows', 'basis', 'statutary');
    expect(bad).toEqual({
      ok: false,
      message: "'statutary' is not one of: informal, project, agreement, statutory (did you mean 'statutory'?)",
    });
  });

  test('when a date column holds an Excel date, a serial number or its text, then it is YYYY-MM-DD; other text is a problem', () => {
    expect(convert('interviews', 'date', new Date(Date.UTC(2010, 3, 12)))).toEqual({ ok: true, value: '2010-04-12' });
    expect(convert('interviews', 'date', 40280)).toEqual({ ok: true, value: '2010-04-12' });
    expect(convert('interviews', 'date', '40280')).toEqual({ ok: true, value: '2010-04-12' });
    expect(convert('interviews', 'date', '2010-04-12')).toEqual({ ok: true, value: '2010-04-12' });
    expect(convert('interviews', 'date', '12 April')).toEqual({
      ok: false,
      message: "'12 April' is not a date: write it as YYYY-MM-DD (e.g. 2010-04-12)",
    });
    expect(convert('interviews', 'date', -3)).toMatchObject({ ok: false });
  });

  test('when a text column holds a number or a date, then it becomes text; ids are trimmed, free text is kept as it is', () => {
    expect(convert('interviews', 'round', 2010)).toEqual({ ok: true, value: '2010' });
    expect(convert('flows', 'id', '  xa-f1 ')).toEqual({ ok: true, value: 'xa-f1' });
    expect(convert('flows', 'id', 'xa f1')).toEqual({ ok: true, value: 'xa f1' });
    expect(convert('flows', 'note', '  indented')).toEqual({ ok: true, value: '  indented' });
  });

  test('when a list cell holds values separated by ;, then it is a list; empty is the empty list, an empty scalar is left out', () => {
    expect(convert('flows', 'evidence', ' xa-i1 ;xa-i2; ')).toEqual({ ok: true, value: ['xa-i1', 'xa-i2'] });
    expect(convert('datasets', 'disaggregation', 'Age; sex')).toEqual({ ok: true, value: ['age', 'sex'] });
    expect(convert('flows', 'evidence', null)).toEqual({ ok: true, value: [] });
    expect(convert('flows', 'indicators', null)).toEqual({ ok: true, value: [] });
    expect(convert('flows', 'note', null)).toEqual({ ok: true, value: undefined });
  });

  test('when an optional list without default is empty, then it is left out (not known); none is the empty list', () => {
    expect(convert('datasets', 'disaggregation', null)).toEqual({ ok: true, value: undefined });
    expect(convert('datasets', 'disaggregation', ' None ')).toEqual({ ok: true, value: [] });
    expect(convert('flows', 'evidence', 'none')).toEqual({ ok: true, value: ['none'] });
  });

  test('when an indicator is named by code or catalogue name in any case, then it is the code', () => {
    expect(convert('flows', 'indicators', 'vic-01; Formally identified child victims')).toEqual({
      ok: true,
      value: ['VIC-01', 'VIC-02'],
    });
  });

  test('when an indicator is unknown, then the problem names it and suggests the closest', () => {
    const bad = convert('flows', 'indicators', 'VIC-01; formaly identifed child victims');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(
      /^unknown indicator 'formaly identifed child victims'; closest: VIC-02 \(Formally identified child victims\)/,
    );
    const comma = convert('flows', 'indicators', 'VIC-01, VIC-02');
    expect(!comma.ok && comma.message).toContain("Separate several indicators with ';'");
  });

  test('when the reader could not read a cell, then its message is the problem', () => {
    expect(convert('flows', 'basis', new CellError('holds the error value #N/A'))).toEqual({
      ok: false,
      message: 'holds the error value #N/A',
    });
  });
});
