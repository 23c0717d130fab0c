// Attack: patch EventTarget.prototype.addEventListener and every onmessage setter before the SDK
// loads, so each message listener on the page reports what it receives; patch window.postMessage
// and the iframe's contentWindow getter so every message the page sends is recorded too.
(function () {
  var add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (type === 'message' && typeof listener === 'function') {
      var wrapped = function (e) {
        window.__skim('listener ' + type, e.data);
        return listener.call(this, e);
      };
      return add.call(this, type, wrapped, options);
    }
    return add.call(this, type, listener, options);
  };
  [Window.prototype, MessagePort.prototype].forEach(function (proto) {
    var d = Object.getOwnPropertyDescriptor(proto, 'onmessage');
    if (!d) return;
    Object.defineProperty(proto, 'onmessage', {
      configurable: true,
      get: d.get,
      set: function (h) {
        d.set.call(this, function (e) {
          window.__skim('onmessage', e.data);
          return h.call(this, e);
        });
      },
    });
  });
  var post = Window.prototype.postMessage;
  Window.prototype.postMessage = window.postMessage = function () {
    window.__skim('window.postMessage', arguments[0]);
    return post.apply(this, arguments);
  };
})();
