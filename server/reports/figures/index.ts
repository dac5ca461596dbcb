// The report figures: self-contained, deterministic SVG built on the server.
export { networkSvg, type NetworkSvgOptions } from './network';
export { barChartSvg, sortBars, type Bar, type BarChartInput } from './bar-chart';
export { esc as escapeXml } from './svg';
