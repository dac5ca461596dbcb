// cytoscape-svg ships no types: a Cytoscape extension registered with cytoscape.use(), adding cy.svg()
// (the graph drawn through canvas2svg, returned as an SVG document string).
declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape';
  const svg: Ext;
  export default svg;
}
