// The pieces of the NCP view: a card, a row of the figures table, a share with its bar, a list of
// indicators, and a table of cross-border flows.
import type { ReactNode } from 'react';
import { HiddenBeside } from '../../../components/HiddenNotice';
import type { NcpResponse } from '../../analysis/api/types';
import type { GraphResponse } from '../../../graph/api/types';

type CrossBorderFlow = Extract<NcpResponse, { status: 'ok' }>['crossBorder']['in'][number];

export function Card({
  id,
  title,
  className,
  children,
}: {
  id: string;
  title: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section className={`ncp-card${className ? ` ${className}` : ''}`} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {children}
    </section>
  );
}

export function Figure({
  name,
  value,
  detail,
  hidden,
  children,
}: {
  name: string;
  value: string;
  detail?: string;
  /** How many of what the figure counts are hidden from the user (said beside it). */
  hidden?: number;
  children: ReactNode;
}) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td className="ncp-value">
        <strong>{value}</strong>
        <HiddenBeside count={hidden} />
        {detail && <span className="ncp-detail"> ({detail})</span>}
      </td>
      <td>{children}</td>
    </tr>
  );
}

export function Share({ value }: { value: number }) {
  const pct = Math.round(value * 100);
  return (
    <td className="ncp-num">
      <span className="ncp-count">{pct}%</span>
      <span className="ncp-bar" aria-hidden="true">
        <span style={{ width: `${pct}%` }} />
      </span>
    </td>
  );
}

export function IndicatorList({
  title,
  meaning,
  codes,
  names,
}: {
  title: string;
  meaning: string;
  codes: string[];
  names: ReadonlyMap<string, string>;
}) {
  const id = `ncp-ind-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={id} className="ncp-indicator-list">
      <h4 id={id}>
        {title} ({codes.length})
      </h4>
      <p className="ncp-note">Indicators that {meaning}.</p>
      {codes.length === 0 ? (
        <p className="ncp-empty">None.</p>
      ) : (
        <ul>
          {codes.map((code) => (
            <li key={code}>
              <span className="ncp-code">{code}</span>
              <span>{names.get(code) ?? ''}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface CrossBorderProps {
  title: string;
  flows: CrossBorderFlow[];
  /** Channels left out of `flows` because the user may not see personal data. */
  hidden: number | undefined;
  graph: GraphResponse | undefined;
  countryNames: ReadonlyMap<string, string>;
  indicatorName: ReadonlyMap<string, string>;
}

export function CrossBorderTable({ title, flows, hidden, graph, countryNames, indicatorName }: CrossBorderProps) {
  const name = (id: string) => graph?.stakeholders.find((s) => s.id === id)?.name ?? id;
  return (
    <div className="ncp-cross-table">
      <h4>
        {title} ({flows.length}
        <HiddenBeside count={hidden} within />)
      </h4>
      {flows.length === 0 ? (
        <p className="ncp-empty">None.</p>
      ) : (
        <table className="ncp-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Other party</th>
              <th scope="col">Country</th>
              <th scope="col">Indicators</th>
            </tr>
          </thead>
          <tbody>
            {flows.map((f) => (
              <tr key={f.flow}>
                <td>{name(f.stakeholder)}</td>
                <td>{countryNames.get(f.country) ?? f.country}</td>
                <td>
                  <span className="ncp-codes">
                    {f.indicators.map((code) => (
                      <abbr key={code} title={indicatorName.get(code)} className="ncp-code">
                        {code}
                      </abbr>
                    ))}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
