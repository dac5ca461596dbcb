// A large map's first draw (issue 18 point 1): its flows drawn as sketches cost little (styles.ts), and its elements
// are styled as they are added without Cytoscape's follow-up work for drawn elements (largeMapLoad.ts), to the same
// looks as Cytoscape's own styling.
import cytoscape from 'cytoscape';
import { quietStyle, styleNew } from '../../../client/src/graph/quietStyle';
import { largeMapStylesheet } from '../../../client/src/graph/styles';

const map = (): cytoscape.ElementDefinition[] => {
  const nodes = Array.from({ length: 40 }, (_, i) => ({
    group: 'nodes' as const,
    data: { id: `s${i}`, stakeholder: true, label: `Stakeholder ${i}`, baseLabel: `Stakeholder ${i}`, sector: 'law' },
    classes: i === 0 ? 'ncp' : '',
  }));
  const edges = Array.from({ length: 120 }, (_, i) => ({
    group: 'edges' as const,
    data: { id: `f${i}`, flowId: `f${i}`, source: `s${i % 40}`, target: `s${(i * 7 + 1) % 40}` },
    classes: i % 3 === 0 ? 'sketch selected' : 'sketch',
  }));
  return [...nodes, ...edges];
};

/** Cytoscape's computed style of an element (its types do not declare it). */
const computed = (ele: cytoscape.SingularElementArgument, name: string) =>
  (ele as unknown as { pstyle(name: string): { value: unknown; strValue: string } | undefined }).pstyle(name);

let made: cytoscape.Core[] = [];
const headless = () => {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: largeMapStylesheet });
  made.push(cy);
  return cy;
};
// Taken down even when a test fails (a live instance keeps Jest from exiting).
afterEach(() => {
  for (const cy of made) cy.destroy();
  made = [];
});

describe('a large map loaded', () => {
  test('when its flows are sketches, then they are drawn centre to centre (haystacks), and in full once not', () => {
    const cy = headless();
    cy.add(map());
    const edge = cy.getElementById('f1');
    expect(computed(edge, 'curve-style')?.value).toBe('haystack');
    // A selected flow keeps its straight line (its width and underlay) even while sketched.
    expect(computed(cy.getElementById('f0'), 'curve-style')?.value).toBe('straight');
    edge.removeClass('sketch');
    expect(computed(edge, 'curve-style')?.value).toBe('straight');
  });

  test('when elements are styled as they are added, then each looks as Cytoscape styles it, and its way is back after', () => {
    const own = headless();
    const quick = headless();
    const elements = map();
    for (let from = 0; from < elements.length; from += 50)
      (own.add(elements.slice(from, from + 50)) as unknown as { cleanStyle(): void }).cleanStyle();
    const quiet = quietStyle(quick);
    for (let from = 0; from < elements.length; from += 50) styleNew(quick, quick.add(elements.slice(from, from + 50)));
    quiet.restore();
    expect(Object.prototype.hasOwnProperty.call(quick.style(), 'checkTriggers')).toBe(false);
    const properties = ['curve-style', 'width', 'line-color', 'background-color', 'label', 'z-index', 'opacity'];
    own.elements().forEach((ele) => {
      const other = quick.getElementById(ele.id());
      for (const p of properties)
        expect([ele.id(), p, computed(other, p)?.strValue]).toEqual([ele.id(), p, computed(ele, p)?.strValue]);
    });
    // Restyled later (a class added), an element is styled again, with Cytoscape's triggers.
    quick.getElementById('f1').addClass('selected');
    expect(computed(quick.getElementById('f1'), 'curve-style')?.value).toBe('straight');
  });
});
