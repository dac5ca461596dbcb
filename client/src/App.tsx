// The client's root: providers around the one view there is so far, the map explorer.
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { MapView } from './features/map/components/MapView';
import { createQueryClient } from './lib/queryClient';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <MapView />
    </QueryClientProvider>
  );
}
