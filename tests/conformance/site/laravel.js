// A Laravel Blade page: the combined card element, styled with the Japanese font stack such pages
// use, its errors shown by the page itself; the button makes the token, then requestSubmit().
var payjp = Payjp(KEY);
var elements = payjp.elements();
var card = elements.create('card', {
  style: {
    base: { fontFamily: "'ヒラギノ角ゴ ProN W3', 'Hiragino Kaku Gothic ProN', メイリオ, Meiryo, 游ゴシック, sans-serif", fontSize: '16px', color: '#333', '::placeholder': { color: '#aab7c4' }, '::selection': { color: '#fff' } },
    invalid: { color: '#fa755a' },
  },
  showError: false,
});
card.mount('#card-element');
card.on('change', function (event) {
  document.getElementById('card-errors').textContent = event.error ? event.error.message : '';
});
var form = document.getElementById('checkout');
form.addEventListener('submit', function (event) {
  if (!document.getElementById('payjp-token').value) event.preventDefault();
});
document.getElementById('pay').addEventListener('click', function () {
  payjp.createToken(card).then(function (r) {
    if (r.error) return show('error', r.error.message);
    document.getElementById('payjp-token').value = r.id;
    form.requestSubmit();
  });
});
document.body.dataset.merchant = 'true';
