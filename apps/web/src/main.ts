import 'element-plus/dist/index.css'
import './app.css'
import { registerSW } from 'virtual:pwa-register'
import type { DomainError } from '@secledger/domain'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { onSessionEnded } from './auth/session-expiry.ts'
import { errorText, i18n } from './i18n/index.ts'
import { holdRoutingUntil, router } from './router.ts'

// The service worker precaches the app shell so the app opens offline (ARCHITECTURE decision 6).
registerSW({ immediate: true })

const app = createApp(App).use(createPinia()).use(i18n)

async function showMessage(kind: 'error' | 'warning', text: string): Promise<void> {
  const { ElMessage } = await import('element-plus')
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
// initial bundle to the shell.
holdRoutingUntil(
  import('./auth/session-resume.ts')
    .then(({ resumeSession }) => resumeSession(notify))
    .catch((error: unknown) => console.error('[auth] the session could not be reopened', error)),
)

app.use(router).mount('#app')

// Under automation only (navigator.webdriver): end-to-end tests write events through the app's writer.
if (globalThis.navigator?.webdriver)
  void import('./automation-hooks.ts').then((m) => m.installAutomationHooks())
