// Country similarity: the cosine of two countries' type-level role matrices, as a countries x
// countries heat map table, and the pairs from most to least alike.
import type { CompareResponse } from '../../analysis/api/types';
import { heatColors } from '../heat';

interface Props {
  countries: readonly string[];
  similarity: CompareResponse['similarity'];
  nameOf: (code: string) => string;
}

const two = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function SimilarityMatrix({ countries, similarity, nameOf }: Props) {
  const cosine = new Map<string, number>();
  for (const s of similarity) {
    cosine.set(`${s.a}|${s.b}`, s.cosine);
    cosine.set(`${s.b}|${s.a}`, s.cosine);
  }
  const pairs = [...similarity].sort((x, y) => y.cosine - x.cosine || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));

  return (
    <div className="similarity">
      <p className="compare-lead">
        How alike two countries are in who sends information to whom, from 0 (no sending → receiving pair of institution
        types in common) to 1 (the same mix in the same proportions). It compares kinds of institution, not their names,
        so it shows which countries are organised alike. Darker is more alike.
      </p>
      {countries.length < 2 ? (
        <p className="state">Choose at least two countries to see how alike they are.</p>
      ) : (
        <div className="similarity-layout">
          <div className="table-scroll" role="region" aria-labelledby="similarity-caption" tabIndex={0}>
            <table className="similarity-table">
              <caption id="similarity-caption">
                Similarity of the role matrices (cosine), each country against each other
              </caption>
              <thead>
                <tr>
                  <td />
                  {countries.map((c) => (
                    <th key={c} scope="col" title={nameOf(c)}>
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {countries.map((a) => (
                  <tr key={a}>
                    <th scope="row">{nameOf(a)}</th>
                    {countries.map((b) => {
                      if (a === b) {
                        return (
                          <td key={b} className="diagonal">
                            <span aria-hidden="true">—</span>
                            <span className="visually-hidden">same country</span>
                          </td>
                        );
                      }
                      const value = cosine.get(`${a}|${b}`);
                      if (value === undefined) return <td key={b}>?</td>;
                      const { fill, text } = heatColors(value);
                      return (
                        <td
                          key={b}
                          className="num"
                          style={{ background: fill, color: text }}
                          title={`${nameOf(a)} and ${nameOf(b)}: ${two.format(value)}`}
                          data-a={a}
                          data-b={b}
                          data-cosine={value}
                        >
                          {two.format(value)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="similarity-pairs">
            <h4 id="similarity-pairs-heading">Pairs, most alike first</h4>
            <ol aria-labelledby="similarity-pairs-heading">
              {pairs.map((p) => (
                <li key={`${p.a}|${p.b}`} data-a={p.a} data-b={p.b} data-cosine={p.cosine}>
                  {nameOf(p.a)} and {nameOf(p.b)}: <strong>{two.format(p.cosine)}</strong>
                </li>
              ))}
            </ol>
          </div>
        </div>
      )}
    </div>
  );
}
