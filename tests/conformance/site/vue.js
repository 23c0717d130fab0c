// A Vue component on a platform: the tenant's brands first, then a token with the billing
// address and the tenant; the form's data goes to the server as FormData, with the token.
var payjp = Payjp(KEY, { locale: 'ja-JP' });
var elements = payjp.elements({ locale: 'ja' });
var card = elements.create('card');
card.mount('#card');
var TENANT = 'ten_conformance';
payjp.retrieveAvailability({ tenant: TENANT }).then(function (a) {
  document.body.dataset.brands = a.error ? 'error' : a.card_types_supported.length;
});
function value(id) { return document.getElementById(id).value; }
document.getElementById('pay').addEventListener('click', function () {
  payjp.createToken(card, {
    card: { name: value('name'), address_zip: value('zip'), address_state: value('state'), address_city: value('city'), address_line1: value('line1'), country: 'JP' },
    tenant: TENANT,
  }).then(function (r) {
    if (r.error) return show('error', r.error.message);
    var data = new FormData(document.getElementById('billing'));
    data.append('token', r.id);
    return fetch('/api/charge-form', { method: 'POST', body: data }).then(function (x) { return x.json(); }).then(function (c) {
      document.getElementById('result').dataset.city = r.card.address_city;
      show(c.error ? 'error' : 'ok', c.error ? c.error.message : 'paid', r.id);
    });
  });
});
document.body.dataset.merchant = 'true';
