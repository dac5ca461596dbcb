// What the canvas code keeps about one Cytoscape instance (loading, styled, laid out in the worker, grouped, its
// labels), beside it rather than in it: Cytoscape restyles every element whenever its core scratch or data is
// written (cy.scratch calls cy.updateStyle), which on a map of a thousand stakeholders and 4,500 flows cost a
// full restyle after each what-if, selection or filter change, and after a large map was loaded.
import type cytoscape from 'cytoscape';

const flags = new WeakMap<cytoscape.Core, Map<string, unknown>>();

/** Sets (or, with undefined, clears) `key` on `cy`. */
export function setFlag(cy: cytoscape.Core, key: string, value: unknown): void {
  let own = flags.get(cy);
  if (!own) {
    own = new Map();
    flags.set(cy, own);
  }
  if (value === undefined) own.delete(key);
  else own.set(key, value);
}

export function flagOf(cy: cytoscape.Core, key: string): unknown {
  return flags.get(cy)?.get(key);
}
