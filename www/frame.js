// The frame page of isolated mode, served by the payment origin. The package's frame code reads
// its mode (a field element or the hidden controller) from the URL fragment the merchant page's
// SDK wrote, checks who embeds it, and renders. See src/dom/frame-guest.js.
import { _startFrame } from '/pkg/index.js';

_startFrame();
