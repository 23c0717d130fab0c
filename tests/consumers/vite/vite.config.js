// The defaults, plus an ES2022 target (the app uses top-level await).
export default { build: { target: 'es2022' }, logLevel: 'warn' };
