// Stands in for node-gyp-build inside the single executable: native-reg asks it for its compiled addon,
// which is loaded from disk beside the exe (native-reg.node, shipped and signed with it). The SEA's own
// require loads built-in modules only; one made by createRequire loads files.
// CommonJS, as native-reg calls what it requires; the lint knows ES modules only.
/* global require, module */
/* eslint-disable @typescript-eslint/no-require-imports */
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');

module.exports = () => createRequire(process.execPath)(join(dirname(process.execPath), 'native-reg.node'));
