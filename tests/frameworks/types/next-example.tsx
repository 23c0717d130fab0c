'use client';
import { Payjp } from 'payjp-wasm';
import { CardElement, Elements, useElements, usePayjp } from 'payjp-wasm/react';

const makePayjp = () => Payjp(process.env.NEXT_PUBLIC_PAYJP_KEY!, { frameOrigin: 'https://js.example.com' });

function PayButton() {
  const [payjp, elements] = [usePayjp(), useElements()];
  async function pay() {
    const r = await payjp!.createToken(elements!.getElement('card')!, { three_d_secure: true });
    if (r.error) alert(r.error.message);
    else await fetch('/api/charge', { method: 'POST', body: JSON.stringify({ token: r.id }) });
  }
  return <button onClick={pay} disabled={!payjp}>Pay</button>;
}

export default function Checkout() {
  return <Elements payjp={makePayjp}><CardElement /><PayButton /></Elements>;
}
