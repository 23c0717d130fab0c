// Attack: random messages at every frame, from the page, while the buyer types. Each message is
// made from the frames' own vocabulary (the `payjp` hello/connect/ready, the peers' `tag` and
// `kind`, the ports' `t` commands) and from what the page can read (each frame's nonce, instance
// and group from its src), with any values, sometimes garbage (deep, huge, odd types), and often
// a port of the attacker's that records whatever comes back. Sent to each frame, to the frames
// inside them, and to the page itself: 1,500 at once, then 40 every 50 ms until the buyer pays.
// The seed is in window.__fuzzSeed, so a failing run can be replayed.
(function () {
  var seed = (window.__fuzzSeed = (Date.now() % 2147483647) >>> 0);
  var a = seed;
  function rand() {
    a = (a + 0x6d2b79f5) >>> 0;
    var t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  function pick(list) { return list[Math.floor(rand() * list.length)]; }
  var Real = window.__RealMessageChannel || MessageChannel;
  var known = { nonce: [], instance: [], group: [], origin: [location.origin], key: ['pk_test_0123456789abcdef01234567', 'pk_test_ffffffffffffffffffffffff'] };

  function harvest() {
    Array.prototype.forEach.call(document.querySelectorAll('iframe'), function (f) {
      var p = window.__frameParams(f);
      ['nonce', 'instance', 'group'].forEach(function (k) {
        var v = p.get(k);
        if (v && known[k].indexOf(v) < 0) known[k].push(v);
      });
      try {
        var o = new URL(f.src).origin;
        if (known.origin.indexOf(o) < 0) known.origin.push(o);
      } catch (e) {}
    });
  }

  var STRINGS = ['', 'card', 'cardNumber', 'cardExpiry', 'cardCvc', 'cardholderName', 'values', 'collect', 'brand', 'focus', 'clear', 'link',
    'field', 'options', 'token', 'result', 'height', 'ready', 'refused', 'taken', 'hello', 'connect', 'bind', 'controller', 'tds-return',
    'tdsStart', 'tdsWait', 'tdsReturn', 'availability', 'connection', 'payjp-peer', 'Visa', '4242424242424242', '12/30', '123', 'http://127.0.0.1:1/v1'];
  function value(depth) {
    var r = rand();
    if (r < 0.3) return pick(STRINGS);
    if (r < 0.4) return pick(known[pick(['nonce', 'instance', 'group', 'origin', 'key'])]) || 'x';
    if (r < 0.5) return Math.floor(rand() * 10) - 2;
    if (r < 0.55) return pick([null, undefined, true, false, NaN, -0, 1e308, 2 ** 53 + 1]);
    if (r < 0.6) return 'x'.repeat(Math.floor(rand() * 20000));
    if (r < 0.75 && depth < 4) return message(depth + 1);
    if (r < 0.85 && depth < 4) { var arr = []; for (var i = rand() * 5; i > 0; i--) arr.push(value(depth + 1)); return arr; }
    if (r < 0.9) return pick([new Date(), /x/, new Uint8Array(8), new Map([[1, 2]]), new Blob(['x'])]);
    return String(rand());
  }
  var KEYS = ['payjp', 'tag', 'kind', 't', 'id', 'nonce', 'instance', 'group', 'type', 'key', 'api', 'values', 'error', 'refused', 'brand',
    'options', 'result', 'height', 'px', 'challenge', 'origin', 'apiBase', 'publicKey', 'locale', 'fonts', 'rules', '__proto__', 'constructor'];
  function message(depth) {
    var m = {};
    var n = 1 + Math.floor(rand() * 6);
    for (var i = 0; i < n; i++) {
      var k = pick(KEYS);
      var v = k === 'nonce' || k === 'instance' || k === 'group' ? pick(known[k]) : k === 'tag' ? 'payjp-peer' : value(depth);
      Object.defineProperty(m, k, { value: v, enumerable: true, configurable: true, writable: true });
    }
    return m;
  }

  function targets() {
    var list = [window];
    for (var i = 0; i < window.frames.length; i++) {
      list.push(window.frames[i]);
      try {
        for (var j = 0; j < window.frames[i].frames.length; j++) list.push(window.frames[i].frames[j]);
      } catch (e) {}
    }
    return list;
  }

  var sent = 0;
  function burst(n) {
    harvest();
    var to = targets();
    for (var i = 0; i < n; i++) {
      var m = rand() < 0.1 ? value(0) : message(0);
      var transfer = [];
      if (rand() < 0.3) {
        var channel = new Real();
        channel.port1.onmessage = function (e) { window.__skim('fuzz reply', e.data); };
        transfer.push(channel.port2);
      }
      try {
        pick(to).postMessage(m, '*', transfer);
        sent++;
      } catch (e) {
        // Not cloneable (a function deep inside, say): the browser refuses it, nothing is sent.
      }
    }
  }

  function start() {
    if (!document.querySelector('iframe.payjp-frame')) return setTimeout(start, 50);
    burst(1500);
    var timer = setInterval(function () { burst(40); }, 50);
    document.getElementById('pay').addEventListener('click', function () {
      clearInterval(timer);
      window.__fuzzSent = sent;
    }, true);
  }
  start();
})();
