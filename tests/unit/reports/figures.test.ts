// The report figures: the national network (every stakeholder a node, every flow an edge, the NCP at
// the centre, text escaped, same bytes for the same input) and the bar chart (bars match the values,
// the median line sits at the median), and the palette kept equal to the client's map.
import { SECTOR_COLORS as CLIENT_SECTOR_COLORS } from '../../../client/src/graph/styles';
import { sectorOf, type MapDocument } from '../../../server/model';
import { barChartSvg, networkSvg } from '../../../server/reports/figures';
import { SECTOR_COLORS } from '../../../server/reports/figures/palette';
import { readSeedDocument } from '../../../seed/loader';
import { smallMap } from '../../support/small-map';

/** The attributes of every element matching `tag` that carries `attr`, in document order. */
function attrs(svg: string, tag: string, attr: string): Array<Record<string, string>> {
  const found: Array<Record<string, string>> = [];
  for (const m of svg.matchAll(new RegExp(`<${tag}\\s([^>]*)>`, 'g'))) {
    const a = Object.fromEntries([...m[1]!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((x) => [x[1]!, x[2]!]));
    if (attr in a) found.push(a);
  }
  return found;
}

function circleOf(svg: string, id: string): { cx: number; cy: number; r: number } {
  const group = svg.match(new RegExp(`<g data-stakeholder="${id}"[^>]*>(.*?)</g>`))?.[1];
  if (!group) throw new Error(`no node ${id}`);
  const circles = [...group.matchAll(/<circle cx="([^"]+)" cy="([^"]+)" r="([^"]+)"/g)];
  const last = circles[circles.length - 1]!;
  return { cx: Number(last[1]), cy: Number(last[2]), r: Number(last[3]) };
}

/** Tags that do not close in order (attribute values hold no '>' once escaped). */
function unbalancedTags(markup: string): string[] {
  const stack: string[] = [];
  const wrong: string[] = [];
  for (const m of markup.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (m[3]) continue;
    if (!m[1]) stack.push(m[2]!);
    else if (stack.pop() !== m[2]) wrong.push(m[2]!);
  }
  return [...wrong, ...stack];
}

function viewBox(svg: string): number[] {
  return svg
    .match(/viewBox="([^"]+)"/)![1]!
    .split(' ')
    .map(Number);
}

describe('networkSvg', () => {
  const seed = readSeedDocument();

  test.each(['SE', 'DE', 'IS'])(
    'when %s is drawn, then every stakeholder of the country is a node and every national flow an edge',
    (code) => {
      const svg = networkSvg(seed, code);
      const own = seed.stakeholders.filter((s) => s.country === code);
      const ids = new Set(own.map((s) => s.id));
      expect(
        attrs(svg, 'g', 'data-stakeholder')
          .map((a) => a['data-stakeholder'])
          .sort(),
      ).toEqual([...ids].sort());
      const national = seed.flows.filter((f) => ids.has(f.from) && ids.has(f.to));
      expect(national.length).toBeGreaterThan(0);
      expect(
        attrs(svg, 'path', 'data-flow')
          .map((a) => a['data-flow'])
          .sort(),
      ).toEqual(national.map((f) => f.id).sort());
      for (const e of attrs(svg, 'path', 'data-flow')) {
        const flow = national.find((f) => f.id === e['data-flow'])!;
        expect([e['data-from'], e['data-to']]).toEqual([flow.from, flow.to]);
        expect(e['marker-end']).toMatch(/^url\(#fa-net-[A-Z]+-arrow-/);
      }
      for (const s of own) {
        const node = attrs(svg, 'g', 'data-stakeholder').find((a) => a['data-stakeholder'] === s.id)!;
        expect(node['data-sector']).toBe(sectorOf(s.type));
      }
    },
  );

  test('when a country has an NCP, then it is the one node at the centre and the others keep one distance from it', () => {
    const svg = networkSvg(seed, 'SE');
    const ncp = seed.stakeholders.find((s) => s.country === 'SE' && s.ncp)!;
    const [, , w, h] = viewBox(svg);
    const centre = circleOf(svg, ncp.id);
    expect(centre.cx).toBeCloseTo(w! / 2, 0);
    expect(centre.cy).toBeLessThan(h!);
    expect(attrs(svg, 'g', 'data-ncp')).toHaveLength(1);
    expect(attrs(svg, 'g', 'data-ncp')[0]!['data-stakeholder']).toBe(ncp.id);
    const distances = seed.stakeholders
      .filter((s) => s.country === 'SE' && !s.ncp)
      .map((s) => circleOf(svg, s.id))
      .map((c) => Math.hypot(c.cx - centre.cx, c.cy - centre.cy));
    expect(Math.min(...distances)).toBeGreaterThan(100);
    expect(Math.max(...distances) - Math.min(...distances)).toBeLessThan(1);
  });

  test('when the same document is drawn twice, or with its lists shuffled, then the bytes are the same', () => {
    const doc = readSeedDocument();
    const shuffled: MapDocument = {
      ...doc,
      stakeholders: [...doc.stakeholders].reverse(),
      flows: [...doc.flows].reverse(),
    };
    expect(networkSvg(doc, 'FI')).toBe(networkSvg(readSeedDocument(), 'FI'));
    expect(networkSvg(shuffled, 'FI')).toBe(networkSvg(doc, 'FI'));
  });

  test('when names carry markup, quotes and control characters, then the SVG holds them escaped and stays well formed', () => {
    const doc = smallMap();
    doc.stakeholders[1]!.name = '<script>alert("x")</script> & \'Police\'\u0000';
    doc.countries[0]!.name = 'Test</title><b>land';
    const svg = networkSvg(doc, 'XA');
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('</title><b>');
    expect(svg).not.toContain('\u0000');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Police&#39;\uFFFD');
    expect(svg).toContain('Test&lt;/title&gt;&lt;b&gt;land');
    expect(unbalancedTags(svg)).toEqual([]);
  });

  test('when a stakeholder is marked, then it gets the ring and the label suffix, and the legend explains it', () => {
    const svg = networkSvg(smallMap(), 'XA', { marked: ['xa-police'] });
    expect(svg).toMatch(
      /<g data-stakeholder="xa-police"[^>]*>.*stroke="#D55E00" stroke-width="3".*XA Police \(SPOF\)<\/text><\/g>/,
    );
    expect(svg).toContain('Marked (SPOF)');
    expect(networkSvg(smallMap(), 'XA')).not.toContain('(SPOF)');
  });

  test('when flows are drawn, then the legend names each basis and status present, and sectors by letter and name', () => {
    const svg = networkSvg(smallMap(), 'XA');
    expect(svg).toContain('Flow: Statutory (set by law)');
    expect(svg).toContain('Flow: Informal');
    expect(svg).not.toContain('Flow: Project');
    expect(svg).toContain('L: Law enforcement');
    expect(svg).toContain('G: Governance');
    expect(svg).toContain('National contact point (centre)');
  });

  test('when a country has no stakeholders, then the figure says so', () => {
    expect(networkSvg(smallMap(), 'XC')).toContain('No stakeholders are mapped for XC.');
  });
});

describe('barChartSvg', () => {
  const bars = [
    { label: 'Sweden', value: 12, highlight: true },
    { label: 'Norway', value: 6 },
    { label: 'Iceland & <Co>', value: 0 },
    { label: 'Finland', value: 2.345 },
  ];

  function barRects(svg: string) {
    return [
      ...svg.matchAll(
        /<g data-label="([^"]*)" data-value="([^"]*)"( data-highlight="true")?>.*?<rect x="([^"]+)" y="[^"]+" width="([^"]+)"/g,
      ),
    ].map((m) => ({ label: m[1]!, value: m[2]!, highlight: Boolean(m[3]), x: Number(m[4]), width: Number(m[5]) }));
  }

  test("when values are drawn, then each bar's length is proportional to its value and its value is written out", () => {
    const svg = barChartSvg({ title: 'Indicators reaching the NCP', unit: 'indicators', bars, median: 6 });
    const drawn = barRects(svg);
    expect(drawn.map((b) => b.label)).toEqual(['Sweden', 'Norway', 'Iceland &amp; &lt;Co&gt;', 'Finland']);
    expect(drawn.map((b) => b.value)).toEqual(['12', '6', '0', '2.35']);
    const perUnit = drawn[0]!.width / 12;
    expect(perUnit).toBeGreaterThan(0);
    expect(drawn[1]!.width).toBeCloseTo(6 * perUnit, 0);
    expect(drawn[2]!.width).toBe(0);
    expect(drawn[3]!.width).toBeCloseTo(2.345 * perUnit, 0);
    expect(new Set(drawn.map((b) => b.x)).size).toBe(1);
    expect(svg).toMatch(/>12<\/text>/);
    expect(svg).toMatch(/>2\.35<\/text>/);
  });

  test("when a median is given, then a labelled line is drawn where the median value lies on the bars' scale", () => {
    const svg = barChartSvg({ title: 'T', unit: 'u', bars, median: 6 });
    const [sweden] = barRects(svg);
    const line = svg.match(/<g class="median" data-value="6"><path d="M([0-9.]+),/);
    expect(line).not.toBeNull();
    expect(Number(line![1])).toBeCloseTo(sweden!.x + (sweden!.width * 6) / 12, 0);
    expect(svg).toContain('median 6');
    expect(barChartSvg({ title: 'T', unit: 'u', bars })).not.toContain('class="median"');
  });

  test('when a bar is highlighted, then it differs by colour, weight and a marker, not by colour alone', () => {
    const svg = barChartSvg({ title: 'T', unit: 'u', bars });
    expect(
      barRects(svg)
        .filter((b) => b.highlight)
        .map((b) => b.label),
    ).toEqual(['Sweden']);
    expect(svg).toMatch(/data-highlight="true">.*font-weight="bold">◆ Sweden<\/text><rect [^>]*fill="#0072B2"/);
    expect(svg).toMatch(/data-label="Norway"[^>]*>.*>Norway<\/text><rect [^>]*fill="#999999"/);
  });

  test('when the title, unit and labels carry markup, then they are escaped; the same input gives the same bytes', () => {
    const input = { title: '<b>T</b>', unit: 'a "unit"', bars: [{ label: '</svg><script>', value: 1 }] };
    const svg = barChartSvg(input);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;b&gt;T&lt;/b&gt;');
    expect(svg).toContain('a &quot;unit&quot;');
    expect(svg.match(/<\/svg>/g)).toHaveLength(1);
    expect(unbalancedTags(svg)).toEqual([]);
    expect(barChartSvg(input)).toBe(svg);
  });

  test('when a value is not a finite number, then the chart refuses it and names the bar', () => {
    expect(() => barChartSvg({ title: 'T', unit: 'u', bars: [{ label: 'Latvia', value: Number.NaN }] })).toThrow(
      /barChartSvg: .*'Latvia'/,
    );
  });
});

describe("the figures' palette", () => {
  test("when the client map's sector colours are compared, then the figures use the same ones", () => {
    expect(SECTOR_COLORS).toEqual(CLIENT_SECTOR_COLORS);
  });
});
