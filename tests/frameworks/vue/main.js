// The client: hydrates the server's markup when there is some (createSSRApp), else mounts.
import { createApp, createSSRApp } from 'vue';
import App from './App.vue';
import { readConfig } from '../config.js';

const root = document.getElementById('root');
const props = { url: location.href, config: readConfig(location.search) };
(root.firstElementChild ? createSSRApp(App, props) : createApp(App, props)).mount(root);
document.body.dataset.ready = 'true';
