// Attack: keep every port whose onmessage the SDK sets (a patched setter, before the SDK loads):
// among them the page's end of the controller's port, the one the page asks for tokens on. While
// the buyer types, call on each of them what the page may call, with ids of the attacker's own:
// suggestEmail with odd addresses (odd types, huge, full-width), availability, connection. Every
// answer is recorded. They must carry nothing of the card, and the buyer's payment must still work.
(function () {
  var onmessage = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage');
  var post = MessagePort.prototype.postMessage;
  var ports = [];
  var FIRST = 1e9;
  Object.defineProperty(MessagePort.prototype, 'onmessage', {
    configurable: true,
    get: onmessage.get,
    set: function (handler) {
      if (ports.indexOf(this) < 0) ports.push(this);
      onmessage.set.call(this, function (e) {
        var d = e.data;
        if (d && d.t === 'result' && d.id >= FIRST) window.__skim('controller answer', d);
        return handler.call(this, e);
      });
    },
  });
  var CALLS = ['taro@gmial.com', 'Taro@DOCOMO.NE.JO', 'ｔａｒｏ＠ｅｚｗｅｂ．ｊｐ', '', '@', 'x'.repeat(200000) + '@gmial.com',
    undefined, null, 42, {}, [], { address: 'taro@gmial.com' }, new Date(0)].map(function (address) {
    return { t: 'suggestEmail', address: address };
  }).concat([{ t: 'availability' }, { t: 'connection' }, { t: 'suggestEmail' }]);
  var id = FIRST;
  var rounds = 0;
  var timer = setInterval(function () {
    ports.forEach(function (port) {
      CALLS.forEach(function (call) {
        post.call(port, Object.assign({ id: id++ }, call));
      });
    });
    if (++rounds === 40) clearInterval(timer);
  }, 250);
})();
