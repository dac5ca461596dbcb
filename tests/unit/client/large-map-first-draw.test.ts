// A large map's first draw without work done twice (issue 18 point 1): while it loads, Cytoscape's renderer neither
// draws nor brings rendered styles up to date on its animation frames (holdFrames.ts); the drawn graph that the state
// of the moment is computed from is read once per instance, not on every change (drawnGraph.ts); the stakeholder
// list's swatches are coloured by classes (map.css), in the sectors' colours; names are sorted by one collator.
import fs from 'node:fs';
import path from 'node:path';
import cytoscape from 'cytoscape';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { compareText } from '../../../client/src/graph/compareText';
import { drawnGraph } from '../../../client/src/graph/drawnGraph';
import { holdFrames } from '../../../client/src/graph/holdFrames';
import { SECTOR_COLORS } from '../../../client/src/graph/styles';
import { StakeholderList } from '../../../client/src/features/map/components/StakeholderList';
import type { GraphStakeholder } from '../../../client/src/graph/api/types';

/** A stand-in for Cytoscape's renderer: redraw (on the prototype) asks for a frame; the flush counts its calls. */
function fakeRenderer() {
  const proto = {
    redraw(this: { requestedFrame: boolean }) {
      this.requestedFrame = true;
    },
  };
  const renderer = Object.assign(Object.create(proto) as typeof proto, {
    requestedFrame: true,
    flushes: 0,
    getCachedZSortedEles: () => [],
    data: { lyrTxrCache: { firstGet: true } },
    flushRenderedStyleQueue() {
      renderer.flushes++;
    },
  });
  return renderer;
}

describe('a large map held while it loads', () => {
  test('when held, then no frame is asked for nor rendered style computed; once let go, both are as before', () => {
    const renderer = fakeRenderer();
    const held = holdFrames({ renderer: () => renderer } as unknown as cytoscape.Core);
    // A frame asked for before (when the renderer was made) is dropped too, and the first frame drawn will not fill
    // every layer of the texture cache at once.
    expect(renderer.requestedFrame).toBe(false);
    expect(renderer.data.lyrTxrCache.firstGet).toBe(false);
    renderer.redraw();
    renderer.flushRenderedStyleQueue();
    expect(renderer).toMatchObject({ requestedFrame: false, flushes: 0 });
    // Brought up to date when the loader asks (before the first frame), still without a frame.
    held.flush();
    expect(renderer).toMatchObject({ requestedFrame: false, flushes: 1 });
    held.letGo();
    expect(Object.prototype.hasOwnProperty.call(renderer, 'redraw')).toBe(false);
    renderer.redraw();
    renderer.flushRenderedStyleQueue();
    expect(renderer).toMatchObject({ requestedFrame: true, flushes: 2 });
  });
});

describe('the drawn graph of an instance', () => {
  let cy: cytoscape.Core;
  beforeEach(() => {
    cy = cytoscape({
      headless: true,
      elements: [
        { group: 'nodes', data: { id: 'a', stakeholder: true, baseLabel: 'A' } },
        { group: 'nodes', data: { id: 'b', stakeholder: true, baseLabel: 'B' } },
        { group: 'edges', data: { id: 'e1', flowId: 'f1', source: 'a', target: 'b' } },
      ],
    });
  });
  afterEach(() => cy.destroy());

  test('when read again with nothing added or removed, then it is the same, read once', () => {
    const first = drawnGraph(cy);
    expect(first.edges).toEqual([{ id: 'e1', flowId: 'f1', source: 'a', target: 'b', added: false }]);
    cy.getElementById('e1').addClass('selected');
    expect(drawnGraph(cy)).toBe(first);
  });

  test('when a flow is added or a stakeholder removed, then it is read again', () => {
    drawnGraph(cy);
    cy.add({ group: 'edges', data: { id: 'e2', flowId: 'p1', source: 'b', target: 'a', added: true } });
    expect(drawnGraph(cy).edges.map((e) => [e.id, e.added])).toEqual([
      ['e1', false],
      ['e2', true],
    ]);
    cy.getElementById('a').remove();
    expect(drawnGraph(cy)).toMatchObject({ nodes: [{ id: 'b', baseLabel: 'B' }], edges: [] });
  });
});

describe('the stakeholder list', () => {
  const person = (id: string, name: string, sector: GraphStakeholder['sector']) =>
    ({ id, name, sector, ncp: false, external: false, country: 'SE' }) as unknown as GraphStakeholder;

  test('when drawn, then each swatch is coloured by its sector class, in the map colours, with no inline style', () => {
    const html = renderToStaticMarkup(
      createElement(StakeholderList, {
        stakeholders: [person('s1', 'Police', 'law_enforcement'), person('s2', 'Court', 'justice')],
        selectedId: null,
        onSelect: () => undefined,
      }),
    );
    expect(html).not.toContain('style=');
    expect(html).toContain('class="swatch sector-law_enforcement"');
    expect(html).toContain('class="swatch sector-justice"');
    const css = fs.readFileSync(path.join(__dirname, '../../../client/src/features/map/map.css'), 'utf8');
    for (const [sector, colour] of Object.entries(SECTOR_COLORS)) {
      const rule = new RegExp(`\\.swatch\\.sector-${sector} \\{\\s*background: (#[0-9a-f]{6});`).exec(css);
      expect([sector, rule?.[1]]).toEqual([sector, colour.toLowerCase()]);
    }
  });

  test('when names are sorted, then they come in the order localeCompare gives', () => {
    const names = ['Émile', 'emile', 'Zoë', 'zebra', 'Åland', 'apple', 'Ørsted', '10 Downing', '9 Lives', 'Ärzte'];
    expect([...names].sort(compareText)).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});
