// The rounds the country's interviews cite, each with its interviews and dates, and whether the map was
// frozen under that name: a round of interviewing is listed even when nobody froze it.
import type { RoundSummary } from '../api/types';
import { citedRounds } from '../cited';

interface Props {
  interviews: ReadonlyArray<{ round: string; date: string }>;
  frozen: readonly RoundSummary[];
  countryName: string;
}

export function CitedRounds({ interviews, frozen, countryName }: Props) {
  const rounds = citedRounds(interviews, frozen);
  return (
    <section className="page-section" aria-labelledby="cited-rounds-heading">
      <h3 id="cited-rounds-heading">Rounds the interviews cite ({rounds.length})</h3>
      {rounds.length === 0 ? (
        <p>No interview of {countryName} names a round yet.</p>
      ) : (
        <div className="page-table-scroll">
          <table className="page-table cited-rounds-table">
            <caption>Rounds named by the interviews of {countryName}, latest interview first</caption>
            <thead>
              <tr>
                <th scope="col">Round</th>
                <th scope="col" className="num">
                  Interviews
                </th>
                <th scope="col">Interviewed</th>
                <th scope="col">Frozen as a round</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => (
                <tr key={r.name} data-cited-round={r.name}>
                  <th scope="row">
                    <bdi>{r.name}</bdi>
                  </th>
                  <td className="num">{r.interviews}</td>
                  <td>{r.from === r.to ? r.from : `${r.from} to ${r.to}`}</td>
                  <td>{r.frozen ? 'Yes' : 'No: freeze the map below to keep it'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
