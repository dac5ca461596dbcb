// The sector boxes of a large country map's "by sector" layout, drawn as plain nodes behind their members
// (elements.ts, ElementOptions.plainBoxes) and sized from the members' places, instead of compound parents:
// in a compound graph every flow added restyles its two ends and their whole boxes, which made the layout of
// a 1,000-stakeholder country take 7.8 s with tasks of 600 ms. A member knows its box by `data.box`; a box
// follows its members when one is dragged.
import type cytoscape from 'cytoscape';

export const PLAIN_BOX = 'plain-box';
/** Room between the members' bodies and the box's edge (as the compound sector boxes' padding, styles.ts). */
export const BOX_PADDING = 12;

export function isPlainBox(def: cytoscape.ElementDefinition): boolean {
  const classes = typeof def.classes === 'string' ? def.classes.split(' ') : (def.classes ?? []);
  return classes.includes(PLAIN_BOX);
}

/** The stakeholders in each plain box, by the box's id. */
export function boxMembers(cy: cytoscape.Core): Map<string, string[]> {
  const members = new Map<string, string[]>();
  cy.nodes('[box]').forEach((n) => {
    const box = n.data('box') as string;
    const list = members.get(box);
    if (list) list.push(n.id());
    else members.set(box, [n.id()]);
  });
  return members;
}

/** Places and sizes `box` round its members' bodies (their labels left out, as the compound boxes do). */
export function fitBox(box: cytoscape.NodeSingular, members: cytoscape.NodeCollection): void {
  if (members.empty()) return;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  members.forEach((n) => {
    const p = n.position();
    const rx = n.outerWidth() / 2;
    const ry = n.outerHeight() / 2;
    x1 = Math.min(x1, p.x - rx);
    y1 = Math.min(y1, p.y - ry);
    x2 = Math.max(x2, p.x + rx);
    y2 = Math.max(y2, p.y + ry);
  });
  const bw = Math.round(x2 - x1 + 2 * BOX_PADDING);
  const bh = Math.round(y2 - y1 + 2 * BOX_PADDING);
  if (box.data('bw') !== bw || box.data('bh') !== bh) box.data({ bw, bh });
  box.position({ x: (x1 + x2) / 2, y: (y1 + y2) / 2 });
}

/** Fits every plain box of `cy` round its members. */
export function fitBoxes(cy: cytoscape.Core): void {
  cy.nodes(`.${PLAIN_BOX}`).forEach((box) =>
    fitBox(
      box,
      cy.nodes().filter((n) => n.data('box') === box.id()),
    ),
  );
}

/** A box follows its members: fitted again when one of them is let go after a drag. */
export function attachBoxFollow(cy: cytoscape.Core): void {
  cy.on('free', 'node[box]', (event) => {
    const node = event.target as cytoscape.NodeSingular;
    const box = cy.getElementById(node.data('box') as string);
    if (box.nonempty())
      fitBox(
        box,
        cy.nodes().filter((n) => n.data('box') === box.id()),
      );
  });
}

/** The boxes (countries, sectors) with the stakeholders anywhere inside them, compound or plain. */
export function groupMembers(cy: cytoscape.Core): Array<{ id: string; members: string[] }> {
  const plain = boxMembers(cy);
  return cy.nodes('.group').map((g) => ({
    id: g.id(),
    members: g.hasClass(PLAIN_BOX) ? (plain.get(g.id()) ?? []) : g.descendants('[?stakeholder]').map((n) => n.id()),
  }));
}
