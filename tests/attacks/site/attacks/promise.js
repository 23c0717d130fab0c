// Attack: patch Promise.prototype.then before the SDK loads and record every value that passes
// through any promise on the page, including the token result.
(function () {
  var then = Promise.prototype.then;
  Promise.prototype.then = function (ok, fail) {
    return then.call(this, function (v) {
      if (v && typeof v === 'object') window.__skim('promise', v);
      return typeof ok === 'function' ? ok(v) : v;
    }, fail);
  };
})();
