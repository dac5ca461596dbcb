// Entry point: mounts the app.
import './lib/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { prefetchFirstView } from './lib/firstLoad';
import { createQueryClient } from './lib/queryClient';
import './styles.css';

// The first view's data is asked for now, alongside its code, rather than once React has drawn the frame.
const queryClient = createQueryClient();
prefetchFirstView(queryClient, window.location.search);

const root = document.getElementById('root');
if (!root) throw new Error('Flow Atlas: #root element missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App client={queryClient} />
  </StrictMode>,
);
