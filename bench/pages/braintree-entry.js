// Bundled with esbuild: Braintree's client and hosted fields, as a merchant page loads them.
import client from 'braintree-web/client';
import hostedFields from 'braintree-web/hosted-fields';
window.braintreePeers = { client, hostedFields };
