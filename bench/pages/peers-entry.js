// Bundled with esbuild: what a merchant would ship to validate and format cards with the
// popular open-source pair.
import cardValidator from 'card-validator';
import Cleave from 'cleave.js';
window.peers = { cardValidator, Cleave };
