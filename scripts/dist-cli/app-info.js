// electron/app-info.ts as the single executable has it (npm run dist:cli puts this module in its place):
// there is no package.json to read beside the exe, so the name and version are written in at build time.
// The wizard's pages are not shipped with the exe, so `web` says they are missing.
import { dirname, join } from 'node:path';

/* global MARS_APP_NAME, MARS_APP_VERSION */
export const APP = { name: MARS_APP_NAME, version: MARS_APP_VERSION, root: dirname(process.execPath) };

export const RENDERER_DIR = join(APP.root, 'renderer');
