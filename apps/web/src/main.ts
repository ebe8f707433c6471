import 'element-plus/dist/index.css'
import './app.css'
import { registerSW } from 'virtual:pwa-register'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { i18n } from './i18n/index.ts'
import { router } from './router.ts'

// The service worker precaches the app shell so the app opens offline (ARCHITECTURE decision 6).
registerSW({ immediate: true })

createApp(App).use(createPinia()).use(i18n).use(router).mount('#app')
