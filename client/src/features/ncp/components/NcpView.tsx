// The NCP view: the national contact point's position in its country's network (ANALYSIS.md §4),
// each measure explained in plain words; a country without an NCP gets an explanation instead.
import { HiddenNotice } from '../../../components/HiddenNotice';
import { InAppLink } from '../../../components/InAppLink';
import { ErrorMessage, Loading } from '../../../components/States';
import { humanize } from '../../../lib/format';
import { viewHref } from '../../../lib/views';
import { useNcp } from '../../analysis/api/getNcp';
import type { NcpResponse } from '../../analysis/api/types';
import { useCountries } from '../../../graph/api/getCountries';
import { useGraph } from '../../../graph/api/getGraph';
import { useReference } from '../../../graph/api/getReference';
import { BROKERAGE_NAMES, BROKERAGE_ORDER, brokerageMeaning, constraintMeaning, decimal, ordinal } from '../explain';
import '../ncp.css';
import { NoNcp } from './NoNcp';
import { Card, count, CrossBorderTable, Figure, IndicatorList, Share } from './NcpParts';

type NcpMetrics = Extract<NcpResponse, { status: 'ok' }>;

export function NcpView({ country }: { country: string }) {
  const ncp = useNcp(country);
  // The country's map (the NCP's name, type and the institutions' names) is asked for at once, beside the
  // NCP's figures, and the page is drawn when both are in, so nothing on it moves when the second comes.
  const graph = useGraph(country);
  const countries = useCountries();
  const countryName = countries.data?.countries.find((c) => c.code === country)?.name ?? country;

  if (ncp.isPending || graph.isPending) return <Loading>Loading the NCP of {countryName}…</Loading>;
  if (ncp.isError) {
    return (
      <ErrorMessage
        title={`Could not load the NCP of "${country}"`}
        error={ncp.error}
        onRetry={() => void ncp.refetch()}
      />
    );
  }
  if (ncp.data.status === 'no_ncp') return <NoNcp country={country} countryName={countryName} />;
  return <NcpPosition metrics={ncp.data} countryName={countryName} />;
}

function NcpPosition({ metrics: m, countryName }: { metrics: NcpMetrics; countryName: string }) {
  const graph = useGraph(m.country);
  const reference = useReference();
  const countries = useCountries();
  const stakeholders = graph.data?.stakeholders ?? [];
  const self = stakeholders.find((s) => s.id === m.ncp);
  const n = graph.data ? stakeholders.filter((s) => !s.external).length : null;
  const sector = self ? humanize(self.sector).toLowerCase() : 'its sector';
  const indicatorName = new Map((reference.data?.indicators ?? []).map((i) => [i.code, i.name]));
  const countryNames = new Map((countries.data?.countries ?? []).map((c) => [c.code, c.name]));
  const others = n === null ? 'the other institutions' : `the other ${n - 1} institutions`;
  const maxBrokerage = Math.max(1, ...BROKERAGE_ORDER.map((r) => m.brokerage[r]));
  const brokerageTotal = BROKERAGE_ORDER.reduce((sum, r) => sum + m.brokerage[r], 0);
  const mapHref = viewHref('map', m.country);
  const gapsHref = viewHref('gaps', m.country);

  return (
    <div className="ncp-view">
      <header className="ncp-head">
        <div>
          <h2>National contact point of {countryName}</h2>
          <p className="ncp-name">
            <span>{self?.name ?? m.ncp}</span>
            {self && (
              <span className="ncp-type">
                {humanize(self.type)} · {humanize(self.sector)} sector
              </span>
            )}
          </p>
          <p className="ncp-lede">
            How the NCP sits in {countryName}’s network of {n ?? '…'} institutions: who sends to it, what it receives
            and passes on, and how much information depends on it. Counts use the active flows between institutions of{' '}
            {countryName}.
          </p>
          <HiddenNotice
            flows={m.hidden?.flows}
            where="to or from the NCP"
            counts="The counts of institutions and channels leave them out, the hidden number beside each; betweenness, closeness, reach, brokerage and constraint are computed over every flow, the hidden ones too."
          />
        </div>
        <nav className="ncp-links" aria-label="Related views">
          <InAppLink href={mapHref}>Show on the map</InAppLink>
          <InAppLink href={gapsHref}>Coverage gaps</InAppLink>
        </nav>
      </header>
      {graph.isError && <ErrorMessage title="Could not load the names of the institutions" error={graph.error} />}

      <div className="ncp-grid">
        <div className="ncp-col">
          <Card id="ncp-position" title="Position in the national network">
            <table className="ncp-table ncp-figures">
              <thead>
                <tr>
                  <th scope="col">Measure</th>
                  <th scope="col">Value</th>
                  <th scope="col">What it means</th>
                </tr>
              </thead>
              <tbody>
                <Figure
                  name="Receives directly from"
                  value={count(m.inDegree - (m.hidden?.inDegree ?? 0), 'institution')}
                  hidden={m.hidden?.inDegree}
                >
                  Institutions in {countryName} that send information straight to the NCP (in-degree).
                </Figure>
                <Figure
                  name="Sends directly to"
                  value={count(m.outDegree - (m.hidden?.outDegree ?? 0), 'institution')}
                  hidden={m.hidden?.outDegree}
                >
                  Institutions in {countryName} the NCP sends information to itself (out-degree).
                </Figure>
                <Figure
                  name="Go-between rank (betweenness)"
                  value={`${ordinal(m.betweennessRank)} of ${n ?? '…'}`}
                  detail={decimal(m.betweenness)}
                >
                  How often the NCP lies on the shortest chain of flows between two other institutions (0: never, 1: on
                  every one). Rank 1 is the strongest go-between in {countryName}.
                </Figure>
                <Figure name="Closeness, incoming" value={decimal(m.harmonicClosenessIn)}>
                  How near the rest of the network is to the NCP: 1 if every institution sent to it directly, 0 if none
                  can reach it. Higher means information travels fewer steps to reach the NCP.
                </Figure>
                <Figure name="Closeness, outgoing" value={decimal(m.harmonicClosenessOut)}>
                  The same in the other direction: how few steps the NCP needs to reach the others.
                </Figure>
                <Figure
                  name="Dependence on few contacts (Burt’s constraint)"
                  value={m.constraint === null ? 'n/a' : decimal(m.constraint)}
                >
                  Low (near 0): many contacts that are not linked to each other, so the NCP has independent sources and
                  bridges separate parts of the network. High (towards 1): few contacts, or contacts all linked to each
                  other, so the NCP depends on a closed circle. {constraintMeaning(m.constraint)}
                </Figure>
              </tbody>
            </table>
          </Card>
          <Card id="ncp-brokerage" title="Brokerage roles">
            <p className="ncp-note">
              Each count is a pair of institutions A and C where A sends to the NCP, the NCP sends to C, and A does not
              send to C directly: for that pair the NCP is the broker. Roles depend on the sectors of A, the NCP (
              {sector}) and C. {brokerageTotal === 0 && 'The NCP brokers no pair.'}
            </p>
            <table className="ncp-table ncp-brokerage">
              <thead>
                <tr>
                  <th scope="col">Role</th>
                  <th scope="col">Pairs</th>
                  <th scope="col">What it means here</th>
                </tr>
              </thead>
              <tbody>
                {BROKERAGE_ORDER.map((role) => (
                  <tr key={role}>
                    <th scope="row">{BROKERAGE_NAMES[role]}</th>
                    <td className="ncp-num">
                      <span className="ncp-count">{m.brokerage[role]}</span>
                      <span className="ncp-bar" aria-hidden="true">
                        <span style={{ width: `${(m.brokerage[role] / maxBrokerage) * 100}%` }} />
                      </span>
                    </td>
                    <td>{brokerageMeaning(role, sector)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
          <Card id="ncp-cross-border" title="Cross-border channels">
            <p className="ncp-note">Flows between the NCP and other countries’ NCPs or international bodies.</p>
            <div className="ncp-cross">
              <CrossBorderTable
                title="Received from abroad"
                flows={m.crossBorder.in}
                hidden={m.hidden?.crossBorder.in}
                graph={graph.data}
                countryNames={countryNames}
                indicatorName={indicatorName}
              />
              <CrossBorderTable
                title="Sent abroad"
                flows={m.crossBorder.out}
                hidden={m.hidden?.crossBorder.out}
                graph={graph.data}
                countryNames={countryNames}
                indicatorName={indicatorName}
              />
            </div>
          </Card>
        </div>
        <div className="ncp-col">
          <Card id="ncp-reach" title="Reach">
            <p className="ncp-note">
              Share of {others} in {countryName} linked to the NCP by a chain of flows.
            </p>
            <table className="ncp-table ncp-reach">
              <thead>
                <tr>
                  <th scope="col">Direction</th>
                  <th scope="col">Directly</th>
                  <th scope="col">Within 2 steps</th>
                  <th scope="col">At all</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">Can reach the NCP</th>
                  <Share value={m.reach.in.k1} />
                  <Share value={m.reach.in.k2} />
                  <Share value={m.reach.in.any} />
                </tr>
                <tr>
                  <th scope="row">The NCP reaches</th>
                  <Share value={m.reach.out.k1} />
                  <Share value={m.reach.out.k2} />
                  <Share value={m.reach.out.any} />
                </tr>
              </tbody>
            </table>
          </Card>
          <Card id="ncp-indicators" title="Indicators">
            <div className="ncp-indicator-lists">
              <IndicatorList
                title="Received"
                meaning="reach the NCP from other institutions"
                codes={m.indicatorsReceived}
                names={indicatorName}
              />
              <IndicatorList
                title="Held"
                meaning="the NCP collects itself"
                codes={m.indicatorsHeld}
                names={indicatorName}
              />
              <IndicatorList
                title="Passed on"
                meaning="travel on from the NCP to another country’s NCP or an international body"
                codes={m.indicatorsPassedOn}
                names={indicatorName}
              />
            </div>
            <p className="ncp-note">
              What never reaches the NCP is in <InAppLink href={gapsHref}>Coverage gaps</InAppLink>.
            </p>
          </Card>
        </div>
      </div>
    </div>
  );
}
