// A report's model rendered as the page shows and prints it: title, notice, contents, sections with
// numbered tables and figures (the SVG shown as an image, so nothing in it can run).
import type { Block, Report } from '@model/report';
import { ILLUSTRATIVE_NOTICE } from '@model/report';

function svgSource(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export function ReportBody({ report }: { report: Report }) {
  let figures = 0;
  let tables = 0;
  const block = (b: Block, key: number) => {
    switch (b.type) {
      case 'paragraph':
        return <p key={key}>{b.text}</p>;
      case 'list':
        return (
          <ul key={key}>
            {b.items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        );
      case 'table':
        tables += 1;
        return (
          <div className="report-table" key={key}>
            <table>
              <caption>
                Table {tables}. {b.caption}
              </caption>
              <thead>
                <tr>
                  {b.columns.map((c, i) => (
                    <th key={i} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {b.rows.map((r, i) => (
                  <tr key={i}>
                    {r.map((c, j) => (
                      <td key={j}>{c}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      case 'figure':
        figures += 1;
        return (
          <figure className="report-figure" id={b.id} key={key}>
            <img src={svgSource(b.svg)} alt={b.caption} />
            <figcaption>
              Figure {figures}. {b.caption}
            </figcaption>
          </figure>
        );
    }
  };
  const basis = report.basis.round
    ? `Mapping round "${report.basis.round.name}" (frozen ${report.basis.round.createdAt.slice(0, 10)})`
    : `The map as it was on ${report.generatedAt.slice(0, 10)}`;
  return (
    <article className="report" aria-label={report.title}>
      <header className="report-title-page">
        <h2 className="report-title">{report.title}</h2>
        <p className="report-subtitle">{report.subtitle}</p>
        <p className="report-meta">Basis: {basis}</p>
        <p className="report-meta">Generated: {report.generatedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')}</p>
        {report.illustrative && (
          <p className="report-notice" role="note">
            {ILLUSTRATIVE_NOTICE}
          </p>
        )}
      </header>
      <nav className="report-toc" aria-label="Report contents">
        <h3>Contents</h3>
        <ol>
          {report.sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      {report.sections.map((s) => (
        <section className="report-section" id={s.id} key={s.id} aria-labelledby={`${s.id}-title`}>
          <h3 id={`${s.id}-title`}>{s.title}</h3>
          {s.blocks.map(block)}
        </section>
      ))}
    </article>
  );
}
