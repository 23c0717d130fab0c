// Attack: patch MessagePort.prototype.postMessage and the onmessage setter before the SDK loads:
// record every message sent or received on any port, and swap each port carried by a message
// for one of ours that relays (and records) everything.
(function () {
  var Real = (window.__RealMessageChannel = window.MessageChannel);
  var post = MessagePort.prototype.postMessage;
  var onmessage = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage');
  function swap(port) {
    var inner = new Real();
    onmessage.set.call(port, function (e) {
      window.__skim('swapped in', e.data);
      post.call(inner.port1, e.data);
    });
    onmessage.set.call(inner.port1, function (e) {
      window.__skim('swapped out', e.data);
      post.call(port, e.data);
    });
    return inner.port2;
  }
  MessagePort.prototype.postMessage = function (data, transfer) {
    window.__skim('port post', data);
    var list = Array.isArray(transfer) ? transfer.map(function (p) { return p instanceof MessagePort ? swap(p) : p; }) : transfer;
    return post.call(this, data, list);
  };
  Object.defineProperty(MessagePort.prototype, 'onmessage', {
    configurable: true,
    get: onmessage.get,
    set: function (handler) {
      onmessage.set.call(this, function (e) {
        window.__skim('port receive', e.data);
        return handler.call(this, e);
      });
    },
  });
  var windowPost = Window.prototype.postMessage;
  window.postMessage = function () {
    window.__skim('window post', arguments[0]);
    return windowPost.apply(this, arguments);
  };
})();
