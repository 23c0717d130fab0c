// Attack, after mount: move the card frames elsewhere in the DOM (which reloads them), as a page
// framework re-rendering might. No hijack: the SDK must reconnect and the payment still work.
(function () {
  window.__attackReady = false;
  var timer = setInterval(function () {
    if (Number(document.body.dataset.ready || 0) < 1) return;
    clearInterval(timer);
    var box = document.createElement('div');
    box.id = 'moved';
    document.getElementById('order').insertBefore(box, document.getElementById('pay'));
    ['number', 'expiry', 'cvc'].forEach(function (id) {
      box.appendChild(document.getElementById(id));
    });
    var wait = setInterval(function () {
      if (Number(document.body.dataset.ready) < 2 * document.querySelectorAll('iframe.payjp-frame').length) return;
      clearInterval(wait);
      window.__attackReady = true;
    }, 100);
  }, 100);
})();
