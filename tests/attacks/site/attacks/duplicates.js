// Helpers for the duplicate-frame attacks: a genuine frame of the payment origin, created by the
// page with parameters of its choosing, connected by the page.
(function () {
  window.__genuineFrame = function (params, connect, onReady) {
    var sdkFrame = document.querySelector('iframe.payjp-frame');
    var url = sdkFrame.src.split('#')[0];
    var nonce = Array.from(crypto.getRandomValues(new Uint8Array(16)), function (b) { return b.toString(16).padStart(2, '0'); }).join('');
    var all = new URLSearchParams(Object.assign({ origin: location.origin, nonce: nonce, locale: 'en' }, params));
    var iframe = document.createElement('iframe');
    iframe.style.cssText = 'position:absolute;left:-9999px;width:10px;height:10px';
    iframe.src = url + '#' + all;
    window.addEventListener('message', function (e) {
      if (e.source !== iframe.contentWindow || !e.data || e.data.payjp !== 'hello' || e.data.nonce !== nonce) return;
      var channel = window.__listeningPort(params.mode + ' of the attacker', function (data, port) {
        if (onReady && data.t === 'ready') onReady(port);
      });
      iframe.contentWindow.postMessage(Object.assign({ payjp: 'connect', nonce: nonce }, connect), e.origin, [channel.port2]);
      if (onReady && params.mode === 'field') setTimeout(function () { onReady(channel.port1); }, 500);
    });
    document.body.appendChild(iframe);
    return iframe;
  };
  /** Once the buyer has typed a complete card into every field host: `then()`. */
  window.__whenTyped = function (then) {
    var poll = setInterval(function () {
      var hosts = document.querySelectorAll('.payjp-frame-host');
      if (!hosts.length || document.querySelectorAll('.payjp-frame-host.payjp-complete').length < hosts.length) return;
      clearInterval(poll);
      then();
    }, 100);
  };
  window.__whenReady = function (then) {
    window.__attackReady = false;
    var timer = setInterval(function () {
      if (!document.querySelector('iframe.payjp-controller') || Number(document.body.dataset.ready || 0) < document.querySelectorAll('iframe.payjp-frame').length) return;
      clearInterval(timer);
      then();
    }, 100);
  };
})();
