// Attack, after mount: add two hidden, genuine cardholderName frames to the buyer's group, so the
// controller might take the card's name (or a value to skim alongside it) from frames of ours.
// The group has no name element of its own: two claims of one slot are tampering.
(function () {
  window.__whenReady(function () {
    var card = window.__frameParams(document.querySelector('iframe.payjp-frame'));
    var claim = { mode: 'field', type: 'cardholderName', instance: card.get('instance'), group: card.get('group'), key: card.get('key'), api: card.get('api') };
    var ready = 0;
    for (var i = 0; i < 2; i++) {
      window.__genuineFrame(claim, { options: {} }, function () {
        ready += 1;
        if (ready === 2) window.__attackReady = true;
      });
    }
  });
})();
