// The reports' content as plain data (issue 7): a country profile or the regional report, as sections of
// paragraphs, lists, tables and figures; rendered to HTML (html.ts), PDF (pdf.ts) or by the client (JSON).
import { z } from 'zod';

export const ParagraphBlock = z.object({ type: z.literal('paragraph'), text: z.string() });
export const ListBlock = z.object({ type: z.literal('list'), items: z.array(z.string()) });
export const TableBlock = z.object({
  type: z.literal('table'),
  caption: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
});
/** `svg`: self-contained SVG markup built on the server, without scripts. */
export const FigureBlock = z.object({
  type: z.literal('figure'),
  id: z.string(),
  caption: z.string(),
  svg: z.string(),
});

export const Block = z.discriminatedUnion('type', [ParagraphBlock, ListBlock, TableBlock, FigureBlock]);
export type Block = z.infer<typeof Block>;
export type TableBlock = z.infer<typeof TableBlock>;
export type FigureBlock = z.infer<typeof FigureBlock>;

export const Section = z.object({ id: z.string(), title: z.string(), blocks: z.array(Block) });
export type Section = z.infer<typeof Section>;

export const ReportBasis = z.object({
  /** null: the map as it is now. */
  round: z.object({ id: z.string(), name: z.string(), createdAt: z.string() }).nullable(),
  storeVersion: z.number().int(),
});
export type ReportBasis = z.infer<typeof ReportBasis>;

const reportFields = {
  title: z.string(),
  subtitle: z.string(),
  generatedAt: z.string(),
  basis: ReportBasis,
  /** Built (at least partly) from illustrative data: the report says so. */
  illustrative: z.boolean(),
  sections: z.array(Section),
};

export const CountryReport = z.object({ kind: z.literal('country'), country: z.string(), ...reportFields });
export type CountryReport = z.infer<typeof CountryReport>;

export const RegionalReport = z.object({ kind: z.literal('region'), ...reportFields });
export type RegionalReport = z.infer<typeof RegionalReport>;

export const Report = z.discriminatedUnion('kind', [CountryReport, RegionalReport]);
export type Report = z.infer<typeof Report>;

export const ILLUSTRATIVE_NOTICE =
  'Illustrative data: this report is built from an illustrative map, made from public descriptions of ' +
  'institutions, not verified data. Institutions only; no case data. It must not be read as an account of any real country.';
