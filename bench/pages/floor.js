// The floor: a plain form with no SDK is ready when its module script has run.
window.readyAt = performance.now();
