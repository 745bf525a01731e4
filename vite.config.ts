import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** One multi-page build: each user's app is its own page under dist/<app>/. */
export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        kiosk: resolve(import.meta.dirname, 'kiosk/index.html'),
        ticket: resolve(import.meta.dirname, 'kiosk/ticket.html'),
        booking: resolve(import.meta.dirname, 'booking/index.html'),
        display: resolve(import.meta.dirname, 'display/index.html'),
        counter: resolve(import.meta.dirname, 'counter/index.html'),
        manager: resolve(import.meta.dirname, 'manager/index.html'),
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'http://localhost:3000', ws: true },
    },
  },
});
