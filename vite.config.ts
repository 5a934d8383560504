/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { VitePWA } from 'vite-plugin-pwa';
import { decksPlugin } from './vite/decks-plugin.ts';
import { cspPlugin } from './vite/csp-plugin.ts';
import pkg from './package.json' with { type: 'json' };

export default defineConfig({
  plugins: [
    vue(),
    decksPlugin(),
    cspPlugin(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      // Icons and the manifest are precached by the plugin itself; public files that
      // globPatterns do not match (apple-touch-icon.png) are listed here.
      includeAssets: ['apple-touch-icon.png'],
      manifest: {
        name: 'Durand: Pakistan and the Taliban, 2021–2026',
        short_name: 'Durand',
        description: 'Study the conflict between Pakistan and the Afghan Taliban offline, with spaced repetition and timed quizzes.',
        theme_color: '#1d4e5f',
        background_color: '#f7f5f0',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        lang: 'en',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,woff2,json}'],
        // content.json is the index of every card: 5.7 MB for 50,000 cards (the chunks of
        // card text stay near 250 kB). Workbox's default limit of 2 MiB would leave it out.
        maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
        navigateFallback: 'index.html',
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: { target: 'es2022', sourcemap: false },
  test: {
    environment: 'happy-dom',
    setupFiles: ['tests/setup.ts'],
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: '.tmp/results-unit.json' }]],
  },
});
