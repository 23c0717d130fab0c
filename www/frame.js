// The frame page of isolated mode, served by the payment origin. The package's frame runtime
// reads its mode (a field element, the hidden controller or the badge) from the URL fragment the
// merchant page's host wrote, checks who embeds it, and renders. See src/dom/frame/start.js.
import { startFrame } from '/pkg/core.js';

startFrame();
