// Plain-language wording of the NCP's position (ANALYSIS.md §4), for readers who are not network analysts.
import type { NcpResponse } from '../analysis/api/types';

export type BrokerageRole = keyof Extract<NcpResponse, { status: 'ok' }>['brokerage'];

export const BROKERAGE_ORDER: readonly BrokerageRole[] = [
  'coordinator',
  'gatekeeper',
  'representative',
  'itinerant',
  'liaison',
];

export const BROKERAGE_NAMES: Record<BrokerageRole, string> = {
  coordinator: 'Coordinator',
  gatekeeper: 'Gatekeeper',
  representative: 'Representative',
  itinerant: 'Consultant (itinerant)',
  liaison: 'Liaison',
};

/** What each brokerage role means for this NCP, naming its own sector. */
export function brokerageMeaning(role: BrokerageRole, sector: string): string {
  switch (role) {
    case 'coordinator':
      return `Passes information between two institutions of its own sector (${sector}) that have no direct flow to each other.`;
    case 'gatekeeper':
      return `Receives from other sectors and passes on to its own sector (${sector}).`;
    case 'representative':
      return `Receives from its own sector (${sector}) and passes on to other sectors.`;
    case 'itinerant':
      return `Passes information between two institutions of one other sector (for example police to police), a sector that is not its own (${sector}).`;
    case 'liaison':
      return `Links two different sectors, neither of them its own (${sector}).`;
  }
}

/** 1 -> "1st", 2 -> "2nd", 13 -> "13th", 22 -> "22nd". */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

/**
 * Burt's constraint in words. With k equally important contacts that are not linked to one another
 * the constraint is exactly 1/k, which gives a reading anyone can picture.
 */
export function constraintMeaning(constraint: number | null): string {
  if (constraint === null) return 'Cannot be computed: the NCP has no contacts in the national network.';
  if (constraint >= 1) {
    return 'As constrained as an NCP with a single contact: it depends entirely on one institution or on a closed circle.';
  }
  const k = Math.round(1 / constraint);
  return `As constrained as an NCP with about ${k} equally important contacts that are not linked to one another.`;
}

/** A value in 0..1 with two decimals. */
export function decimal(value: number): string {
  return value.toFixed(2);
}
