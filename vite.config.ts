// Builds the wizard's pages (renderer/) into out/renderer: one bundle, relative paths, so that the same
// files load from the Electron app's own protocol and from browser mode's loopback server.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
});
