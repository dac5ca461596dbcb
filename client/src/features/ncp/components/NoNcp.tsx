// What the NCP view shows for a country without a national contact point (and for the international layer).
import { InAppLink } from '../../../components/InAppLink';
import { viewHref } from '../../../lib/views';

export function NoNcp({ country, countryName }: { country: string; countryName: string }) {
  const mapHref = viewHref('map', country);
  return (
    <div className="ncp-view">
      <section className="ncp-no-ncp" aria-labelledby="ncp-none-title">
        <h2 id="ncp-none-title">
          {country === 'INT' ? 'The international layer' : countryName} has no national contact point
        </h2>
        {country === 'INT' ? (
          <p>
            The international layer holds international bodies and regional networks (such as Europol, Interpol, IOM and
            the CBSS secretariat). It is not a country, so it has no national contact point (NCP) and there is no NCP
            position to describe. Choose a national country in the list above to see its NCP.
          </p>
        ) : (
          <p>
            No institution in the map of {countryName} is marked as its national contact point (NCP), so there is no NCP
            position to describe. Mark the institution that acts as NCP in the map to see it here.
          </p>
        )}
        <p>
          <InAppLink href={mapHref}>
            Open the map of {country === 'INT' ? 'the international layer' : countryName}
          </InAppLink>
        </p>
      </section>
    </div>
  );
}
