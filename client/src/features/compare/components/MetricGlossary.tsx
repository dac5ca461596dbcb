// What each metric of the comparison means, in plain words (the column headings' tooltips say the same).
import { METRIC_GROUPS, METRICS } from '../metrics';

export function MetricGlossary() {
  return (
    <section className="compare-section glossary" aria-labelledby="compare-glossary">
      <h3 id="compare-glossary" tabIndex={-1}>
        What the metrics mean
      </h3>
      {METRIC_GROUPS.map((group) => (
        <div key={group} className="glossary-group">
          <h4>{group}</h4>
          <dl>
            {METRICS.filter((m) => m.group === group).map((m) => (
              <div key={m.key}>
                <dt>{m.label}</dt>
                <dd id={`metric-help-${m.key}`}>{m.explanation}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
      <p className="muted">
        A dash (–) in the table means the value cannot be computed for that country; hover over it to read why (for
        instance, no NCP on the map). The seed maps are illustrative, so are these figures.
      </p>
    </section>
  );
}
