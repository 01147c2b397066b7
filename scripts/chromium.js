// Debian's Chromium, as the browser tests and the UI benchmark start it: never a downloaded browser. As
// root it needs --no-sandbox; the other flags keep it off the network, which these machines close.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
