// payjp-wasm/vue's types as a Nuxt page's script uses them; tsc --strict must accept all of it
// except each line under @ts-expect-error.
import { createApp, defineComponent, h } from 'vue';
import { Payjp } from 'payjp-wasm';
import { CardElement, CardNumberElement, Elements, PayjpPlugin, useElements, usePayjp } from 'payjp-wasm/vue';

export const Checkout = defineComponent({
  setup() {
    const payjp = usePayjp();
    const elements = useElements();
    async function pay() {
      const card = elements.value?.getElement('card');
      if (!payjp.value || !card) return;
      const r = await payjp.value.createToken(card);
      return r.error ? r.error.message : r.id;
    }
    return () => [
      h(CardElement, {
        id: 'card',
        options: { cardholderName: true, style: { base: { color: '#333' } } },
        onChange: (e) => console.log(e.complete, e.brand),
        onReady: (element) => element.focus(),
        onLoadError: (e) => console.log(e.error.code),
      }),
      h(CardNumberElement, { options: { placeholder: '4242' } }),
      // @ts-expect-error cardholderName is an option of the combined element only
      h(CardNumberElement, { options: { cardholderName: true } }),
      h('button', { onClick: pay }, 'Pay'),
    ];
  },
});

export const app = createApp({
  render: () => h(Elements, { payjp: () => Payjp('pk_test_0123456789abcdef01234567', { frameOrigin: 'https://js.example.com' }), options: { locale: 'en' } }, () => h(Checkout)),
});
app.use(PayjpPlugin);
// @ts-expect-error a public key is not a Payjp instance
h(Elements, { payjp: 'pk_test_0123456789abcdef01234567' });
