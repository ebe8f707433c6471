import type { IncomingMessage } from 'node:http'
import vue from '@vitejs/plugin-vue'
import { defineConfig, type ProxyOptions } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { precompressAssets } from './build/precompress.ts'

const API_TARGET = 'http://localhost:8787'

/** What every route loads: Vue, the router, vue-i18n (with @intlify) and Pinia. */
const FRAMEWORK =
  /[\\/]node_modules[\\/](?:vue|vue-router|vue-i18n|pinia|@vue[\\/](?:runtime-core|runtime-dom|reactivity|shared)|@intlify[\\/][\w-]+)[\\/]/

/**
 * The API checks Origin against its own (issue 10 item 3). Behind the dev/preview proxy a page of the
 * dev server is same-origin with the proxy, so the proxy presents it as the API's own origin; a page of
 * any other origin keeps its Origin and is refused as it would be in production.
 */
const sameOriginAsApi: NonNullable<ProxyOptions['configure']> = (proxy) => {
  const rewrite = (outgoing: { setHeader(name: string, value: string): void }, incoming: IncomingMessage) => {
    const origin = incoming.headers.origin
    if (origin !== undefined && URL.canParse(origin) && new URL(origin).host === incoming.headers.host)
      outgoing.setHeader('origin', API_TARGET)
  }
  proxy.on('proxyReq', rewrite)
  proxy.on('proxyReqWs', rewrite)
}

const apiProxy = { target: API_TARGET, ws: true, changeOrigin: true, configure: sameOriginAsApi }

export default defineConfig({
  plugins: [
    vue(),
    precompressAssets(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      includeAssets: ['favicon.png', 'icon.svg'],
      manifest: {
        name: '保密台账',
        short_name: '保密台账',
        description: '乡镇保密工作台账（离线可用）',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#8b1a1a',
        background_color: '#ffffff',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        // The app shell and every lazy chunk, so a cold offline start works (ARCHITECTURE decision 6).
        // By extension, so the .br/.gz siblings (build/precompress.ts) are never precached.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  server: {
    proxy: {
      '/api': apiProxy,
    },
  },
  preview: {
    proxy: {
      '/api': apiProxy,
    },
  },
  build: {
    target: 'es2022',
    // dist/.vite/manifest.json: what each route loads, for the build report (scripts/route-size.mjs).
    manifest: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // One chunk for the framework compresses better than the eight the automatic split makes of
          // it (issue 12, "Bytes": about 3.5 kB gzip less on the login route).
          groups: [{ name: 'vue', test: FRAMEWORK }],
        },
      },
    },
  },
})
