'use client';
import { Payjp } from 'payjp-wasm';
import { CardElement, Elements, useElements, usePayjp } from 'payjp-wasm/react';

function PayButton() {
  const payjp = usePayjp();
  const elements = useElements();
  async function pay() {
    const r = await payjp!.createToken(elements!.getElement('card')!, { three_d_secure: true });
    if (r.error) alert(r.error.message);
    else await fetch('/api/charge', { method: 'POST', body: JSON.stringify({ token: r.id }) });
  }
  return <button onClick={pay} disabled={!payjp}>Pay</button>;
}

const makePayjp = () => Payjp(process.env.NEXT_PUBLIC_PAYJP_KEY!, { frameOrigin: 'https://js.example.com' });

export default function Checkout() {
  return (
    <Elements payjp={makePayjp}>
      <CardElement options={{ style: { base: { fontSize: '16px' } } }} />
      <PayButton />
    </Elements>
  );
}
