// payjp-wasm/react's types as a Next.js client component uses them; tsc --strict must accept all
// of it except each line under @ts-expect-error (which must be an error).
import { useState } from 'react';
import { Payjp, type TokenResult } from 'payjp-wasm';
import {
  CardCvcElement, CardElement, CardExpiryElement, CardholderNameElement, CardNumberElement, Elements, useElements, usePayjp,
  type ElementProps, type PayjpSource,
} from 'payjp-wasm/react';

function Checkout() {
  const payjp = usePayjp();
  const elements = useElements();
  const [result, setResult] = useState<TokenResult | null>(null);
  async function pay() {
    if (!payjp || !elements) return;
    const card = elements.getElement('card');
    if (!card) return;
    const r = await payjp.createToken(card, { three_d_secure: true, card: { email: 'taro@example.jp' } });
    setResult(r);
    if (r.error) console.log(r.error.message);
    else console.log(r.id, r.card.last4);
  }
  return (
    <form onSubmit={pay}>
      <CardElement
        id="card"
        className="field"
        options={{ style: { base: { color: '#333', '::placeholder': { color: '#999' } } }, cardholderName: true, label: 'Card' }}
        onChange={(e) => console.log(e.complete, e.brand, e.error?.code)}
        onReady={(element) => element.focus()}
        onFocus={(e) => console.log(e.elementType)}
        onBlur={(e) => console.log(e.elementType)}
        onLoadError={(e) => console.log(e.error.code)}
      />
      <CardNumberElement options={{ placeholder: '4242 4242 4242 4242', disabled: false }} />
      <CardExpiryElement />
      <CardCvcElement options={{ hideIcon: true }} />
      <CardholderNameElement options={{ showError: false }} />
      {/* @ts-expect-error cardholderName is an option of the combined element only */}
      <CardNumberElement options={{ cardholderName: true }} />
      {/* @ts-expect-error a one-field element takes one placeholder string */}
      <CardholderNameElement options={{ placeholder: { number: 'x' } }} />
      {/* @ts-expect-error no such event */}
      <CardElement onSubmit={() => {}} />
      {/* @ts-expect-error onChange gets a change event, not a string */}
      <CardElement onChange={(e: string) => e} />
      {/* @ts-expect-error an unknown option */}
      <CardElement options={{ colour: 'red' }} />
      {result?.error ? <p>{result.error.message}</p> : null}
    </form>
  );
}

export function Page() {
  const [payjp] = useState(() => () => Payjp('pk_test_0123456789abcdef01234567', { frameOrigin: 'https://js.example.com' }));
  return (
    <Elements payjp={payjp} options={{ locale: 'ja' }}>
      <Checkout />
    </Elements>
  );
}

export const sources: PayjpSource[] = [null, Promise.resolve(null), () => null, () => Payjp('pk_test_0123456789abcdef01234567', { isolation: 'none' })];
export const props: ElementProps = { id: 'x' };
// @ts-expect-error a public key is not a Payjp instance
export const key = <Elements payjp="pk_test_0123456789abcdef01234567" />;
// @ts-expect-error payjp is required, as in the peers' providers
export const missing = <Elements />;
