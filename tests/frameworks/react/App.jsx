// The React test app, as a merchant writes one: <Elements> at the root (a layout), a checkout
// route with the card element and a pay button, another route, client-side navigation between
// them with the History API. Rendered on the server by server.jsx, on the client by main.jsx.
import { Component, useEffect, useState } from 'react';
import { CardElement, Elements, useElements, usePayjp } from 'payjp-wasm/react';
import { CARD_DETAILS, describe, makePayjp } from '../config.js';

function Checkout({ tds }) {
  const payjp = usePayjp();
  const elements = useElements();
  const [disabled, setDisabled] = useState(false);
  const [result, setResult] = useState('');
  async function pay(event) {
    event.preventDefault();
    setResult('');
    const r = await payjp.createToken(elements.getElement('card'), { three_d_secure: tds, card: CARD_DETAILS });
    setResult(describe(r));
  }
  return (
    <form onSubmit={pay}>
      <label htmlFor="card">Card</label>
      <CardElement
        id="card"
        className="card-box"
        options={{ disabled, placeholder: disabled ? { number: 'Disabled' } : undefined }}
        onReady={(element) => {
          window.__app.ready++;
          window.__app.element = element;
          window.__app.elements = elements;
        }}
        onChange={() => window.__app.changes++}
      />
      <button id="pay" type="submit" disabled={!payjp}>Pay</button>
      <button id="toggle" type="button" onClick={() => setDisabled((d) => !d)}>{disabled ? 'Enable' : 'Disable'}</button>
      <output id="result">{result}</output>
    </form>
  );
}

/** Where a misuse thrown by the bindings ends up, as in any app. */
class Boundary extends Component {
  state = { error: null };
  static getDerivedStateFromError(error) {
    return { error };
  }
  render() {
    return this.state.error ? <p id="failure">{this.state.error.message}</p> : this.props.children;
  }
}

export function App({ url, config }) {
  const [path, setPath] = useState(new URL(url).pathname);
  // Where the app is served: /react/, or /react18/ for its React 18 build.
  const base = `/${path.split('/')[1]}/`;
  useEffect(() => {
    const onPop = () => setPath(location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const go = (to) => {
    history.pushState(null, '', to + location.search);
    setPath(to);
  };
  const [payjp] = useState(() => makePayjp(config));
  const checkout = !path.endsWith('/other');
  return (
    <Boundary>
      <Elements payjp={payjp} options={{ locale: 'en' }}>
        <nav>
          <button id="to-checkout" type="button" onClick={() => go(base)}>Checkout</button>
          <button id="to-other" type="button" onClick={() => go(`${base}other`)}>Other</button>
        </nav>
        <main>{checkout ? <Checkout tds={config.tds} /> : <p id="other">Another page</p>}</main>
      </Elements>
    </Boundary>
  );
}
