// The client: hydrates the server's markup when there is some, else renders; in StrictMode,
// which mounts, unmounts and mounts every component again in development builds.
import { StrictMode, version } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './App.jsx';
import { readConfig } from '../config.js';

window.__app.react = version;
const root = document.getElementById('root');
const app = (
  <StrictMode>
    <App url={location.href} config={readConfig(location.search)} />
  </StrictMode>
);
if (root.firstElementChild) {
  hydrateRoot(root, app, { onRecoverableError: (error) => window.__console.push(`recoverable: ${error.message}`) });
} else {
  createRoot(root).render(app);
}
document.body.dataset.ready = 'true';
