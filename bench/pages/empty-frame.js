// The floor for isolated mode: an empty page from the payment origin in an iframe, created as soon
// as this module runs. Ready is its load event; what the SDK adds on top is its own cost.
const frame = document.createElement('iframe');
frame.addEventListener('load', () => { window.readyAt = performance.now(); });
frame.src = `${new URLSearchParams(location.search).get('frameOrigin')}/blank.html`;
document.getElementById('card').append(frame);
