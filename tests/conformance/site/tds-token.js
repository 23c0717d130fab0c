// Token-level 3-D Secure, as PAY.JP's guide has it: createToken with three_d_secure and the
// holder's name and e-mail; the workflow from the query (iframe or subwindow).
var workflow = new URLSearchParams(location.search).get('workflow') || 'iframe';
var payjp = Payjp(KEY, { threeDSecureWorkflow: workflow });
var card = payjp.elements().create('card');
card.mount('#card');
document.getElementById('pay').addEventListener('click', function () {
  payjp.createToken(card, { three_d_secure: true, card: { name: document.getElementById('name').value, email: document.getElementById('email').value } }).then(function (r) {
    if (r.error) return show('error', r.error.message);
    return postJson('/api/charge', { token: r.id }).then(function (c) {
      show(c.error ? 'error' : 'ok', c.error ? c.error.message : 'paid ' + r.card.three_d_secure_status, r.id);
    });
  });
});
document.body.dataset.merchant = 'true';
