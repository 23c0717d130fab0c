// What a `usePayjp()` hook does in a React app: load the script at run time, create the instance
// once, mount the card in an effect, and in the click handler find the element again with
// elements.getElement() and send only the token to the API (fetch, JSON).
var PAYMENT = '{{PAYMENT}}';
function usePayjp(onReady) {
  var script = document.createElement('script');
  script.src = PAYMENT + '/pkg/payjp.js';
  script.onload = function () { onReady(window.Payjp(KEY)); };
  document.head.appendChild(script);
}
usePayjp(function (payjp) {
  var elements = payjp.elements();
  elements.create('card').mount('#card');
  document.getElementById('pay').addEventListener('click', function () {
    var card = elements.getElement('card');
    payjp.createToken(card).then(function (r) {
      if (r.error) return show('error', r.error.message);
      return postJson('/api/charge', { token: r.id }).then(function (c) {
        show(c.error ? 'error' : 'ok', c.error ? c.error.message : 'paid', r.id);
      });
    });
  });
  document.body.dataset.merchant = 'true';
});
