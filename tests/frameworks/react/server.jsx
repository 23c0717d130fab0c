// Server rendering: the app at `url`, as a string, with react-dom/server.
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { App } from './App.jsx';
import { readConfig } from '../config.js';

export function render(url) {
  return renderToString(
    <StrictMode>
      <App url={url} config={readConfig(new URL(url).search)} />
    </StrictMode>,
  );
}
