// Issue 18 point 11: the report figures show every label whole and level: long names wrap onto more
// lines, none is cut with an ellipsis or turned.
import { barChartSvg, networkSvg } from '../../../server/reports/figures';
import { wrapText } from '../../../server/reports/figures/svg';
import { readSeedDocument } from '../../../seed/loader';

const LONG = 'Swedish Gender Equality Agency (national coordinator against trafficking)';

describe('report figure labels', () => {
  test('when a label is longer than a line, then it wraps at spaces and keeps every word', () => {
    const lines = wrapText(LONG, 22);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(LONG);
    expect(lines.every((l) => l.length <= 22 || !l.includes(' '))).toBe(true);
  });

  test('when a bar chart has a long label, then the label is whole, on several lines', () => {
    const svg = barChartSvg({
      title: 'T',
      unit: 'u',
      bars: [
        { label: LONG, value: 3 },
        { label: 'Short', value: 1 },
      ],
    });
    expect(svg).not.toContain('…');
    const text = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]).join(' ');
    expect(text).toContain(LONG);
  });

  test('when the network of a seed country is drawn, then no label is cut or rotated', () => {
    const doc = readSeedDocument();
    const svg = networkSvg(doc, 'SE');
    expect(svg).not.toMatch(/rotate\(/);
    expect(svg).not.toContain('…');
    for (const s of doc.stakeholders.filter((x) => x.country === 'SE')) {
      const g = svg.split(`data-stakeholder="${s.id}"`)[1]!.split('</g>')[0]!;
      const label = g
        .split('<text')
        .at(-1)!
        .replace(/^[^>]*>/, '')
        .replace('</text>', '');
      const shown = label.replace(/<tspan[^>]*>([^<]*)<\/tspan>/g, '$1 ').trim();
      expect(shown.replace(/&#39;/g, "'").replace(/&amp;/g, '&')).toContain(s.name);
    }
  });
});
