// A Rails 7 page with Turbo: the setup runs on turbo:load and again on turbo:render, with the
// split fields inside the order form. On submit it makes the token, puts it in a hidden field,
// clears the card fields, and submits the form natively: everything in the form goes to the
// server, so a card input that were a form control would go with it.
function setUp() {
  var payjp = Payjp(KEY);
  var elements = payjp.elements();
  var numberElement = elements.create('cardNumber');
  var expiryElement = elements.create('cardExpiry');
  var cvcElement = elements.create('cardCvc');
  numberElement.mount('#number-form');
  expiryElement.mount('#expiry-form');
  cvcElement.mount('#cvc-form');
  var form = document.getElementById('order');
  form.onsubmit = function (event) {
    event.preventDefault();
    payjp.createToken(numberElement).then(function (r) {
      if (r.error) return show('error', r.error.message);
      document.getElementById('payjp-token').value = r.id;
      numberElement.clear();
      form.submit();
    });
  };
  document.body.dataset.merchant = 'true';
}
// turbo:load, then turbo:render for the same visit: the setup runs twice.
setUp();
setUp();
