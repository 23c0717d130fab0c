// PAY.JP's charge-level 3-D Secure sample, step by step: a token, then the server creates the
// charge with three_d_secure=true, then the buyer's challenge with openThreeDSecureIframe (or
// openThreeDSecureDialog, a sub-window), then the server finishes the charge. A cancelled or
// failed challenge rejects; the sample reads error.message and still asks the server.
var method = new URLSearchParams(location.search).get('method') === 'dialog' ? 'openThreeDSecureDialog' : 'openThreeDSecureIframe';
var payjp = Payjp(KEY);
var card = payjp.elements().create('card');
card.mount('#card');
document.getElementById('pay').addEventListener('click', async function () {
  var r = await payjp.createToken(card);
  if (r.error) return show('error', r.error.message);
  var charge = await postJson('/api/charge-3ds', { token: r.id });
  try {
    await payjp[method](charge.id);
  } catch (error) {
    document.getElementById('result').dataset.rejected = error.message;
  }
  var finished = await postJson('/api/charge/' + charge.id + '/finish', {});
  show(finished.error ? 'error' : 'ok', finished.error ? finished.error.message : 'paid ' + finished.three_d_secure_status, r.id);
});
document.body.dataset.merchant = 'true';
