// Uses of the published API that must type-check under `tsc --strict`.
import init, {
  validateCardNumber, validateExpiry, validateCvc, validateHolderName, validateEmail, validatePhone,
  formatCardNumber, detectBrand, Payjp,
  type CardBrand, type CardNumberValidation, type ThreeDSecureError, type Elements, type ElementStyle, type ElementChangeEvent,
  type PayjpElement, type Token, type ConnectionCheck, type PayjpError, type ValidationErrorCode,
} from 'payjp-wasm';

export async function examples(): Promise<void> {
  await init();
  const n: CardNumberValidation = validateCardNumber('4242 4242 4242 4242');
  const brand: CardBrand = n.brand;
  const formatted: string = n.formatted;
  const code: ValidationErrorCode | undefined = n.error?.code;
  validateCardNumber('4242', 'en');

  const e = validateExpiry('12/30', 'ja', { year: 2026, month: 11 });
  const month: number | null = e.month;
  validateExpiry('1230');

  validateCvc('123', 'American Express', 'en');
  validateCvc('123');
  const name: string = validateHolderName('TARO YAMADA').value;
  const email: boolean = validateEmail('taro@example.jp').isValid;
  const phone: string = validatePhone('090-1234-5678', 'ja').value;
  const { value, caret } = formatCardNumber('42424', 5);
  formatCardNumber('4242');
  const detected: CardBrand = detectBrand('35');

  const payjp = Payjp('pk_test_0123456789abcdef01234567', { locale: 'en', apiBase: 'https://api.pay.jp/v1', timeout: 10_000, isolation: 'none' });
  Payjp('pk_test_0123456789abcdef01234567', { frameOrigin: 'https://js.example.com' });
  const availability = await payjp.retrieveAvailability();
  if (availability.error) {
    const err: PayjpError = availability.error;
    const t: string = err.type;
    const status: number | null = err.status;
    void [t, status];
  } else {
    const brands: CardBrand[] = availability.card_types_supported;
    void brands;
  }
  const suggestion: string | null = await payjp.suggestEmail('taro@docomo.ne.jo');
  void suggestion;
  const check: ConnectionCheck = await payjp.checkConnection();
  if (check.reachable) {
    const latency: number = check.latencyMs;
    void latency;
  } else {
    const reason: 'network' | 'blocked' | 'invalid_response' = check.reason;
    void reason;
  }
  void [brand, formatted, code, month, name, email, phone, value, caret, detected];
}

export async function checkout(): Promise<void> {
  const payjp = Payjp('pk_test_0123456789abcdef01234567', { locale: 'ja', frameOrigin: 'https://js.example.com' });
  Payjp('pk_test_0123456789abcdef01234567', { frameOrigin: 'https://js.example.com', frameUrl: 'https://js.example.com/frame.html', isolation: 'none' });
  const elements: Elements = payjp.elements();
  const style: ElementStyle = {
    base: { color: '#1f2933', fontSize: '16px', '::placeholder': { color: '#9aa5b1' } },
    invalid: { color: '#b42318', iconColor: '#b42318' },
  };
  const card: PayjpElement = elements.create('card', { style, placeholder: { number: '4242…' }, hideIcon: false });
  card.mount('#card-element');
  card.mount(document.createElement('div'));
  card.on('change', (e: ElementChangeEvent) => {
    const brand: CardBrand = e.brand;
    const message: string | undefined = e.error?.message;
    void [brand, message, e.complete, e.empty, e.elementType];
  });
  card.on('ready', (e) => void e.elementType).off('ready');
  card.on('loaderror', (e) => {
    const message: string = e.error.message;
    void message;
  });
  card.update({ disabled: true });
  const number: PayjpElement | null = elements.getElement('cardNumber');
  void number;
  // The cardholder name in the secure frame, named by a label of the merchant's.
  elements.create('cardholderName', { label: 'Name on card' }).mount('#name-element');
  const result = await payjp.createToken(card, { card: { name: 'TARO YAMADA', email: 'taro@example.jp' } });
  // The patterns merchants write, each narrowing the result under --strict:
  // `if (r.error) … else …` both ways;
  if (result.error) {
    const code: string | null = result.error.code;
    const message: string = result.error.message;
    // Every problem of a refused submit, with PAY.JP's parameter names.
    if ('errors' in result.error) for (const problem of result.error.errors) void [problem.param, problem.message, problem.detail];
    void [code, message];
  } else {
    const token: Token = result;
    const id: string = token.id;
    const last4: string = token.card.last4;
    void [id, last4];
  }
  // `if (!r.error) r.id`; `'error' in r` for the token side (its else branch);
  if (!result.error) void result.card.brand;
  if ('error' in result) void result.error?.message;
  else void result.id;
  // a switch on the code.
  switch (result.error?.code) {
    case 'card_declined':
      void result.error.message;
      break;
    case undefined:
      break;
    default:
      void result.error;
  }
  payjp.securityBadge({ theme: 'dark', size: 'large', locale: 'en' }).mount('#badge');
  Payjp('pk_test_0123456789abcdef01234567', { frameOrigin: 'https://js.example.com', threeDSecureWorkflow: 'subwindow', threeDSecureTimeout: 120_000 });
  const verified = await payjp.createToken(card, { three_d_secure: true, card: { name: 'TARO YAMADA', phone: '090-1234-5678' } });
  if (!('error' in verified)) void verified.card.three_d_secure_status;
  const returned = await payjp.handleThreeDSecureRedirect();
  if (returned && !('error' in returned)) void returned.id;
  // payjp.js v2: resolves when the issuer is done, rejects on cancel or timeout.
  const done: void = await payjp.openThreeDSecureDialog('ch_0123', { timeout: 60_000, windowFeatures: { width: 480 } });
  await payjp.openThreeDSecureDialog('tdsr_0123', 60_000);
  await payjp.openThreeDSecureIframe('ch_0123').catch((e: ThreeDSecureError) => e.code === 'three_d_secure_aborted' && e.error.message);
  Payjp('pk_test_0123456789abcdef01234567', { frameOrigin: 'https://js.example.com', threeDSecureWorkflow: 'auto', threeDSecureRedirect: 'shop-app' });
  Payjp('pk_test_0123456789abcdef01234567', { isolation: 'none', threeDSecureWorkflow: 'redirect', threeDSecureRedirect: 'checkout' });
  Payjp('pk_test_0123456789abcdef01234567', { isolation: 'none', threeDSecureWorkflow: 'auto' });
  void done;
  // The rest of payjp.js v2's surface.
  const key: string = payjp.getPublicKey();
  const platform = await payjp.retrieveAvailability({ tenant: 'ten_1' });
  if (!platform.error) void platform.card_types_supported;
  const localized = payjp.elements({ locale: 'ja-JP', fonts: [{ family: 'Noto Sans JP', src: 'https://js.example.com/fonts/noto.woff2' }] });
  localized.update({ locale: 'en' });
  const split = localized.create('cardNumber', { showError: false });
  split.addEventListener('change', (e) => void e.error?.detail).removeEventListener('change');
  await payjp.createToken(split, { card: { address_zip: '1500001', country: 'JP' }, tenant: 'ten_1' }, { timeout: 120_000 });
  void key;
  card.destroy();
}
