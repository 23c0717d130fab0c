// Both test apps in one Vite build (react/ and vue/, each a page with client-side routes), and
// their server entries (`vite build --ssr`). payjp-wasm is installed as a link to pkg/; keeping
// the link's path (preserveSymlinks) resolves its imports of react and vue from here, as in an
// app that installed the package from the registry. The server build bundles payjp-wasm too.
// REACT=18 builds the React app alone against React 18 (react18/), into dist-react18/, for /react18/.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import vue from '@vitejs/plugin-vue';

const at = (path) => fileURLToPath(new URL(path, import.meta.url));
const react18 = process.env.REACT === '18';

export default {
  plugins: [react(), vue()],
  logLevel: 'warn',
  resolve: {
    preserveSymlinks: true,
    alias: react18 ? ['react', 'react-dom'].map((name) => ({ find: name, replacement: at(`react18/node_modules/${name}`) })) : [],
  },
  ssr: { noExternal: ['payjp-wasm'] },
  // Served at /react18/ beside the others (frameworks.test.mjs).
  base: react18 ? '/react18/' : '/',
  build: {
    target: 'es2022',
    outDir: react18 ? 'dist-react18' : 'dist',
    rollupOptions: { input: react18 ? { react: at('react/index.html') } : { react: at('react/index.html'), vue: at('vue/index.html') } },
  },
};
