// The form engine without a browser: entities to form values and back, the shared zod schema's
// messages on the right fields, the server's problems on the same fields, and the field-by-field
// comparison shown on a version conflict.
import { FORM_FIELDS, type FieldSpec } from '../../../client/src/features/edit/fields';
import {
  conflictRows,
  displayValue,
  errorsFromProblems,
  fromFormValues,
  requiredFields,
  schemaDefaults,
  toFormValues,
  validateField,
  validateForm,
  type FormValues,
} from '../../../client/src/features/edit/form';

const flowFields = FORM_FIELDS.flow;
const stakeholderFields = FORM_FIELDS.stakeholder;
const datasetFields = FORM_FIELDS.dataset;

const storedFlow = {
  id: 'xa-f1',
  from: 'xa-police',
  to: 'xa-ncp',
  indicators: ['VIC-01', 'TRF-01'],
  basis: 'statutory',
  trigger: 'push',
  latencyDays: 30,
  status: 'active',
  personDependent: true,
  evidence: ['xa-i1'],
  confidence: 'confirmed',
  since: 2009,
  version: 3,
  updatedAt: '2026-01-02T10:00:00.000Z',
  updatedBy: 'someone',
};

function flowValues(overrides: FormValues = {}): FormValues {
  return {
    ...toFormValues(flowFields, { from: 'xa-a', to: 'xa-b', indicators: ['VIC-01'], basis: 'informal', id: 'xa-f9' }),
    ...overrides,
  };
}

describe('form values', () => {
  test('when a stored flow is turned into form values, then numbers are strings, lists stay lists, booleans stay booleans and absent fields are empty', () => {
    const values = toFormValues(flowFields, storedFlow);

    expect(values.latencyDays).toBe('30');
    expect(values.since).toBe('2009');
    expect(values.indicators).toEqual(['VIC-01', 'TRF-01']);
    expect(values.evidence).toEqual(['xa-i1']);
    expect(values.personDependent).toBe(true);
    expect(values.trigger).toBe('push');
    expect(values.channel).toBe('');
    expect(values.note).toBe('');
  });

  test('when form values go back to an entity, then it is the stored flow without its metadata, numbers parsed', () => {
    const { entity, errors } = fromFormValues('flow', flowFields, toFormValues(flowFields, storedFlow));

    const { version: _v, updatedAt: _a, updatedBy: _b, ...expected } = storedFlow;
    expect(errors).toEqual({});
    expect(entity).toEqual(expected);
  });

  test('when optional fields are left empty, then they are left out of the entity, while a list the schema needs is sent empty', () => {
    const { entity } = fromFormValues(
      'dataset',
      datasetFields,
      toFormValues(datasetFields, { id: 'xa-d1', name: 'Register', holder: 'xa-police' }),
    );

    expect(entity).toEqual({ id: 'xa-d1', name: 'Register', holder: 'xa-police', indicators: [] });
  });

  test('when a stakeholder has an office contact and tags, then the nested contact and the comma list round-trip', () => {
    const stakeholder = {
      id: 'xa-police',
      name: 'Police',
      country: 'XA',
      type: 'police',
      level: 'national',
      ncp: false,
      contact: { email: 'office@police.xa', url: 'https://police.xa' },
      tags: ['national', 'cyber crime'],
    };
    const values = toFormValues(stakeholderFields, stakeholder);

    expect(values['contact.email']).toBe('office@police.xa');
    expect(values['contact.phone']).toBe('');
    expect(values.tags).toBe('national, cyber crime');
    expect(
      fromFormValues('stakeholder', stakeholderFields, { ...values, tags: ' national ,, cyber crime, ' }).entity,
    ).toEqual(stakeholder);
  });

  test('when a number field holds letters, then the conversion says so on that field', () => {
    const { entity, errors } = fromFormValues('flow', flowFields, flowValues({ latencyDays: 'a week' }));

    expect(errors).toEqual({ latencyDays: 'must be a number' });
    expect(entity.latencyDays).toBeUndefined();
  });

  test('when an optional yes/no is answered or not, then it is true, false or absent', () => {
    const base = toFormValues(datasetFields, {
      id: 'xa-d1',
      name: 'R',
      holder: 'xa-a',
      indicators: ['VIC-01'],
      granularity: 'case',
      frequency: 'annual',
    });
    expect(
      fromFormValues('dataset', datasetFields, { ...base, definitionAligned: 'false' }).entity.definitionAligned,
    ).toBe(false);
    expect(
      fromFormValues('dataset', datasetFields, { ...base, definitionAligned: 'true' }).entity.definitionAligned,
    ).toBe(true);
    expect('definitionAligned' in fromFormValues('dataset', datasetFields, base).entity).toBe(false);
  });

  test('when a new flow starts from the schema defaults, then status, confidence, person-dependence and evidence have their defaults', () => {
    const values = toFormValues(flowFields, schemaDefaults('flow'));

    expect(values).toMatchObject({ status: 'active', confidence: 'reported', personDependent: false, evidence: [] });
    expect(values.basis).toBe('');
  });
});

describe('validation with the shared schema', () => {
  test("when the required fields of a flow are asked for, then they are the schema's required fields plus indicators", () => {
    expect([...requiredFields('flow', flowFields)].sort()).toEqual(['basis', 'from', 'id', 'indicators', 'to']);
    expect([...requiredFields('stakeholder', stakeholderFields)].sort()).toEqual(['country', 'id', 'name', 'type']);
  });

  test('when a valid flow is validated, then there are no messages and the entity is given', () => {
    const result = validateForm('flow', flowFields, flowValues());

    expect(result.errors).toEqual({});
    expect(result.entity).toMatchObject({ from: 'xa-a', to: 'xa-b', indicators: ['VIC-01'], basis: 'informal' });
  });

  test('when a flow has no indicator, no basis and a year out of range, then each message is on its own field', () => {
    const result = validateForm(
      'flow',
      flowFields,
      flowValues({ indicators: [], basis: '', since: '1850', latencyDays: '1.5' }),
    );

    expect(result.entity).toBeUndefined();
    expect(result.errors).toEqual({
      indicators: 'choose at least one indicator the flow carries',
      basis: 'is required',
      since: 'must be 1900 or more',
      latencyDays: 'must be a whole number',
    });
  });

  test("when the schema has its own words (an id, an e-mail), then the message is the schema's, on the nested field too; a blank name is missing", () => {
    const values = {
      ...toFormValues(stakeholderFields, { id: 'bad id!', name: '   ', country: 'XA', type: 'police' }),
      'contact.email': 'not-an-address',
    };

    const { errors } = validateForm('stakeholder', stakeholderFields, values);

    expect(errors.id).toMatch(/^must be 1-128 letters/);
    expect(errors.name).toBe('is required');
    expect(errors['contact.email']).toBe('must be an e-mail address');
    expect(Object.keys(errors).sort()).toEqual(['contact.email', 'id', 'name']);
  });

  test("when a name is too long, then zod's own wording is said as the model says things", () => {
    const values = toFormValues(stakeholderFields, {
      id: 'xa-a',
      name: 'x'.repeat(301),
      country: 'XA',
      type: 'police',
    });

    expect(validateForm('stakeholder', stakeholderFields, values).errors).toEqual({
      name: 'must be at most 300 characters',
    });
  });

  test('when an indicator code is malformed, then the message is on the indicators field', () => {
    expect(validateForm('flow', flowFields, flowValues({ indicators: ['VIC-01', 'vic 1'] })).errors).toEqual({
      indicators: 'must look like VIC-01 (letters, a dash, two or three digits)',
    });
  });

  test('when one field is validated on blur, then only its own message is given', () => {
    const values = flowValues({ basis: '', indicators: [] });

    expect(validateField('flow', flowFields, values, 'basis')).toBe('is required');
    expect(validateField('flow', flowFields, values, 'to')).toBeUndefined();
  });
});

describe("the server's problems", () => {
  test('when the server answers 400 with problems, then each lands on its field by path or field name, the rest stay general', () => {
    const { errors, other } = errorsFromProblems(flowFields, [
      { path: 'evidence[1]', field: 'evidence', message: "unknown interview 'xa-i9'" },
      { path: 'to', field: 'to', message: "unknown stakeholder 'xa-zz'" },
      { path: 'indicators[0]', field: 'indicators', message: "unknown indicator code 'ZZZ-01'" },
      { path: 'indicators[2]', field: 'indicators', message: "unknown indicator code 'ZZZ-02'" },
      { path: '(body)', message: 'the body is not an object' },
    ]);

    expect(errors).toEqual({
      evidence: "unknown interview 'xa-i9'",
      to: "unknown stakeholder 'xa-zz'",
      indicators: "unknown indicator code 'ZZZ-01'; unknown indicator code 'ZZZ-02'",
    });
    expect(other).toEqual(['the body is not an object']);
  });

  test('when a problem names a nested field or only a field, then it is still found', () => {
    const { errors, other } = errorsFromProblems(stakeholderFields, [
      { path: 'contact.phone', field: 'contact', message: 'must be a phone number' },
      { field: 'ncp', message: 'country XA already has an NCP (xa-ncp); a country has exactly one' },
      { path: 'colour', field: 'colour', message: 'unknown field' },
    ]);

    expect(errors).toEqual({
      'contact.phone': 'must be a phone number',
      ncp: 'country XA already has an NCP (xa-ncp); a country has exactly one',
    });
    expect(other).toEqual(['colour: unknown field']);
  });
});

describe('the conflict view', () => {
  const nameOf = (target: string, id: string) =>
    target === 'stakeholder' ? id.toUpperCase() : target === 'indicator' ? `${id}` : `#${id}`;

  test('when mine and theirs differ in some fields, then every field is listed with both values and only those differing are marked', () => {
    const mine = {
      ...toFormValues(flowFields, storedFlow),
      basis: 'agreement',
      note: 'my note',
      indicators: ['TRF-01', 'VIC-01'],
    };
    const theirs = {
      ...storedFlow,
      latencyDays: 10,
      version: 4,
      updatedBy: 'Other',
      updatedAt: '2026-01-03T10:00:00.000Z',
    };

    const rows = conflictRows(flowFields, mine, theirs, nameOf);

    expect(rows.map((r) => r.name)).toEqual(flowFields.map((f) => f.name));
    expect(rows.filter((r) => r.differs).map((r) => r.name)).toEqual(['basis', 'latencyDays', 'note']);
    expect(rows.find((r) => r.name === 'basis')).toMatchObject({ mine: 'Agreement', theirs: 'Statutory' });
    expect(rows.find((r) => r.name === 'latencyDays')).toMatchObject({ mine: '30', theirs: '10' });
    expect(rows.find((r) => r.name === 'note')).toMatchObject({ mine: 'my note', theirs: '' });
    // Same indicators in another order are the same; references are named.
    expect(rows.find((r) => r.name === 'indicators')?.differs).toBe(false);
    expect(rows.find((r) => r.name === 'from')).toMatchObject({
      mine: 'XA-POLICE',
      theirs: 'XA-POLICE',
      differs: false,
    });
    expect(rows.find((r) => r.name === 'evidence')).toMatchObject({ mine: '#xa-i1', differs: false });
    expect(rows.find((r) => r.name === 'personDependent')).toMatchObject({ mine: 'Yes', theirs: 'Yes' });
  });

  test('when only whitespace or tag spacing differs, then the field is not marked as differing', () => {
    const stakeholder = { id: 'xa-a', name: 'A', country: 'XA', type: 'police', tags: ['one', 'two'] };
    const mine = { ...toFormValues(stakeholderFields, stakeholder), name: ' A ', tags: 'one,two' };

    expect(conflictRows(stakeholderFields, mine, stakeholder).filter((r) => r.differs)).toEqual([]);
  });

  test('when a value is shown in words, then selects are humanised, yes/no spelt out and multi-choices listed', () => {
    const select = flowFields.find((f) => f.name === 'channel') as FieldSpec;
    const tristate = datasetFields.find((f) => f.name === 'definitionAligned') as FieldSpec;
    const multi = datasetFields.find((f) => f.name === 'disaggregation') as FieldSpec;

    expect(displayValue(select, 'secure_system')).toBe('Secure system');
    expect(displayValue(tristate, 'false')).toBe('No');
    expect(displayValue(tristate, '')).toBe('');
    expect(displayValue(multi, ['age', 'exploitation_form'])).toBe('Age, Exploitation form');
  });
});
