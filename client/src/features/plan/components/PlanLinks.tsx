// "Plan what to do": one click from the gaps and bottlenecks views to the plan view, with either goal.
import { InAppLink } from '../../../components/InAppLink';
import { viewHref } from '../../../lib/views';

export function PlanLinks({
  country,
  countryName,
  className,
}: {
  country: string;
  countryName?: string;
  className?: string;
}) {
  return (
    <p className={className ?? 'plan-links'}>
      Plan what to do{countryName ? ` in ${countryName}` : ''}:{' '}
      <InAppLink href={viewHref('plan', country)} className="plan-link">
        close gaps
      </InAppLink>
      {' · '}
      <InAppLink href={viewHref('plan', country, { goal: 'harden' })} className="plan-link">
        remove single points of failure
      </InAppLink>
    </p>
  );
}
