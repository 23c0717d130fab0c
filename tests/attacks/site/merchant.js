// The merchant's own integration, written the way payjp.js v2 pages are: a classic script against
// window.Payjp. It posts only the token to its server (/order).
(function () {
  var params = new URLSearchParams(location.search);
  var result = document.getElementById('result');
  var payjp = Payjp('pk_test_0123456789abcdef01234567', { locale: 'en' });
  var elements = payjp.elements();
  var tokenElement;
  if (params.get('split') === '1') {
    tokenElement = elements.create('cardNumber');
    tokenElement.mount('#number');
    elements.create('cardExpiry').mount('#expiry');
    elements.create('cardCvc').mount('#cvc');
  } else {
    tokenElement = elements.create('card');
    tokenElement.mount('#card');
  }
  ['card', 'cardNumber', 'cardExpiry', 'cardCvc'].forEach(function (type) {
    var el = elements.getElement(type);
    if (!el) return;
    el.on('loaderror', function (e) {
      document.body.dataset.loaderror = e.error.code;
    });
    el.on('ready', function () {
      document.body.dataset.ready = String(Number(document.body.dataset.ready || 0) + 1);
    });
  });
  payjp.securityBadge().mount('#badge');
  document.getElementById('pay').addEventListener('click', function () {
    result.dataset.state = 'paying';
    payjp.createToken(tokenElement, { card: { name: 'TARO YAMADA', email: 'taro@example.jp' } }).then(function (r) {
      if (r.error) {
        result.dataset.state = 'error';
        result.dataset.code = r.error.code || '';
        result.textContent = r.error.message;
        return;
      }
      return fetch('/order', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: r.id }) }).then(function () {
        result.dataset.state = 'ok';
        result.dataset.token = r.id;
        result.textContent = 'Paid';
      });
    });
  });
  document.body.dataset.merchant = 'true';
})();
