// The first page's data, asked for as soon as the entry module runs: who is signed in, the country list and
// what the view the URL names shows first, all at once and while the view's code loads. Without this they go
// one after another (who is signed in, then, once React has drawn the frame and the view's code is in, the
// view's own questions), each a round trip later. The answers land in the query cache the views read; a
// question a view would not ask (an account that may not open it) is only answered once, unused.
import type { QueryClient } from '@tanstack/react-query';
import { compareQueryOptions } from '../features/analysis/api/getCompare';
import { matrixQueryOptions } from '../features/analysis/api/getMatrix';
import { ncpQueryOptions } from '../features/analysis/api/getNcp';
import { meQueryOptions } from '../features/auth/api/getMe';
import { countriesQueryOptions } from '../graph/api/getCountries';
import { graphQueryOptions } from '../graph/api/getGraph';
import { referenceQueryOptions } from '../graph/api/getReference';
import { viewOf } from './views';

/** Starts the questions the page opened at `search` asks first; each view still asks for itself (answered from the cache). */
export function prefetchFirstView(client: QueryClient, search: string): void {
  const params = new URLSearchParams(search);
  // Each query's own options (its key and function), so the view's useQuery finds the same entry.
  void client.prefetchQuery(meQueryOptions());
  void client.prefetchQuery(countriesQueryOptions());
  const country = params.get('country')?.toUpperCase() ?? null;
  switch (viewOf(params.get('view'))) {
    case 'map':
      if (country && params.get('scope') !== 'region') void client.prefetchQuery(graphQueryOptions(country));
      void client.prefetchQuery(referenceQueryOptions());
      break;
    case 'gaps':
      void client.prefetchQuery(matrixQueryOptions());
      void client.prefetchQuery(referenceQueryOptions());
      break;
    case 'ncp':
      if (country) {
        void client.prefetchQuery(ncpQueryOptions(country));
        void client.prefetchQuery(graphQueryOptions(country));
      }
      void client.prefetchQuery(referenceQueryOptions());
      break;
    case 'compare':
      // Every national country (no list in the URL) is asked for without a list (CompareView).
      if (!params.get('countries')) void client.prefetchQuery(compareQueryOptions([]));
      break;
    default:
      break;
  }
}
