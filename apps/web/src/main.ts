import 'element-plus/dist/index.css'
import './app.css'
import { registerSW } from 'virtual:pwa-register'
import type { DomainError } from '@secledger/domain'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { onSessionEnded } from './auth/session-expiry.ts'
import { errorText, i18n, restoreAppLocale } from './i18n/index.ts'
import { holdRoutingUntil, router } from './router.ts'

// The service worker precaches the app shell so the app opens offline (ARCHITECTURE decision 6).
registerSW({ immediate: true })

const app = createApp(App).use(createPinia()).use(i18n)

async function showMessage(kind: 'error' | 'warning', text: string): Promise<void> {
  // The component's own module: importing the element-plus index here made the index a chunk of its own,
  // with dayjs (which the index re-exports) in it, loaded on every route (issue 12, "Bytes").
  const { ElMessage } = await import('element-plus/es/components/message/index.mjs')
  ElMessage[kind](text)
}

function notify(error: DomainError): void {
  void showMessage('error', errorText(error))
}

// Expiry, or the server no longer knowing the session: lock and ask for the password again.
onSessionEnded(() => {
  void import('./auth/sign-in.ts').then(async ({ signOut }) => {
    await signOut()
    void showMessage('warning', i18n.global.t('app.sessionExpired'))
    await router.replace({ name: 'login' })
  })
})

// A reload keeps the session (auth/session-resume.ts); loaded lazily, as the login is, to keep the
// initial bundle to the shell. A kept English loads its texts meanwhile, so no page shows in Chinese first.
holdRoutingUntil(
  Promise.all([
    import('./auth/session-resume.ts')
      .then(({ resumeSession }) => resumeSession(notify))
      .catch((error: unknown) => console.error('[auth] the session could not be reopened', error)),
    restoreAppLocale(),
  ]),
)

app.use(router).mount('#app')

// Under automation only (navigator.webdriver): end-to-end tests write events through the app's writer.
if (globalThis.navigator?.webdriver)
  void import('./automation-hooks.ts').then((m) => m.installAutomationHooks())
