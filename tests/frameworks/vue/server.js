// Server rendering: the app at `url`, as a string, with @vue/server-renderer.
import { createSSRApp } from 'vue';
import { renderToString } from 'vue/server-renderer';
import App from './App.vue';
import { readConfig } from '../config.js';

export function render(url) {
  return renderToString(createSSRApp(App, { url, config: readConfig(new URL(url).search) }));
}
