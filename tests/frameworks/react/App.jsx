// The React test app, as a merchant writes one: <Elements> at the root (a layout), a checkout
// route with the card element (or the split elements and the holder's name) and a pay button,
// another route, client-side navigation between them with the History API, and buttons that
// change the element's options and the provider's locale. Rendered on the server by server.jsx,
// on the client by main.jsx.
import { Component, useEffect, useState } from 'react';
import {
  CardCvcElement, CardElement, CardExpiryElement, CardholderNameElement, CardNumberElement, Elements, useElements, usePayjp,
} from 'payjp-wasm/react';
import { CARD_DETAILS, describe, numberPlaceholder, payjpSource } from '../config.js';

function Checkout({ config }) {
  const payjp = usePayjp();
  const elements = useElements();
  const [disabled, setDisabled] = useState(false);
  const [named, setNamed] = useState(false);
  const [changes, setChanges] = useState(0);
  const [result, setResult] = useState('');
  async function pay(event) {
    event.preventDefault();
    setResult('');
    const r = await payjp.createToken(elements.getElement(config.split ? 'cardNumber' : 'card'), { three_d_secure: config.tds, card: CARD_DETAILS });
    setResult(describe(r));
  }
  const handlers = {
    onReady: (element) => {
      window.__app.ready++;
      window.__app.element = element;
      window.__app.elements = elements;
    },
    // A handler of this render: its `changes` is this render's (a stale handler would count from
    // an old one, and #changes would lag behind window.__app.changes).
    onChange: () => {
      window.__app.changes++;
      setChanges(changes + 1);
    },
  };
  const placeholder = numberPlaceholder(disabled);
  return (
    <form onSubmit={pay}>
      <label htmlFor="card">Card</label>
      {config.split ? (
        <>
          <CardNumberElement id="card" className="card-box" options={{ disabled, placeholder }} {...handlers} />
          <CardExpiryElement id="expiry" className="card-box" />
          <CardCvcElement id="cvc" className="card-box" />
          <CardholderNameElement id="holder" className="card-box" />
        </>
      ) : (
        <CardElement id="card" className="card-box" options={{ disabled, placeholder: { number: placeholder }, cardholderName: named }} {...handlers} />
      )}
      <output id="changes">{changes}</output>
      <button id="pay" type="submit" disabled={!payjp}>Pay</button>
      <button id="toggle" type="button" onClick={() => setDisabled((d) => !d)}>{disabled ? 'Enable' : 'Disable'}</button>
      <button id="name" type="button" onClick={() => setNamed((n) => !n)}>Name on card</button>
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
  const [payjp, setPayjp] = useState(() => payjpSource(config, (make) => setPayjp(() => make)));
  const [locale, setLocale] = useState('en');
  const checkout = !path.endsWith('/other');
  return (
    <Boundary>
      <Elements payjp={payjp} options={{ locale }}>
        <nav>
          <button id="to-checkout" type="button" onClick={() => go(base)}>Checkout</button>
          <button id="to-other" type="button" onClick={() => go(`${base}other`)}>Other</button>
          <button id="locale" type="button" onClick={() => setLocale((l) => (l === 'en' ? 'ja' : 'en'))}>{locale}</button>
        </nav>
        <main>{checkout ? <Checkout config={config} /> : <p id="other">Another page</p>}</main>
      </Elements>
    </Boundary>
  );
}
