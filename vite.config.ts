import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Builds the renderer once for both hosts: Electron's custom protocol and the browser-mode
 * host serve the same files, so paths are relative and nothing is fetched from elsewhere.
 */
export default defineConfig(({ mode }) => ({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: mode !== 'production',
    // Both hosts apply `script-src 'self'`: no inline scripts, no data: URLs for assets.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2023',
  },
}));
