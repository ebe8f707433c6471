import { createRouter, createWebHistory, type RouteLocationRaw } from 'vue-router'
import { useSessionStore } from './stores/session-store.ts'

/** Route components are lazy: the initial bundle holds the shell only (budget: 300 KB gzip). */
export const router = createRouter({
  history: createWebHistory(),
  routes: [
    {
      path: '/login',
      name: 'login',
      component: () => import('./pages/LoginPage.vue'),
      meta: { public: true },
    },
    {
      path: '/',
      component: () => import('./layout/AppLayout.vue'),
      children: [
        { path: '', name: 'home', redirect: () => homeFor() },
        {
          path: 'todo',
          name: 'todo',
          component: () => import('./pages/todo/TodoPage.vue'),
          meta: { titleKey: 'menu.todo', township: true },
        },
        {
          path: 'register',
          name: 'register',
          component: () => import('./pages/register/CarrierRegisterPage.vue'),
          meta: { titleKey: 'menu.register', township: true },
        },
        {
          path: 'inventory',
          name: 'inventory',
          component: () => import('./pages/inventory/InventoryPage.vue'),
          meta: { titleKey: 'menu.inventory', township: true },
        },
        {
          path: 'outgoing',
          name: 'outgoing',
          component: () => import('./pages/outgoing/OutgoingRegisterPage.vue'),
          meta: { titleKey: 'menu.outgoing', township: true },
        },
        {
          path: 'telegram',
          name: 'telegram',
          component: () => import('./pages/telegram/TelegramPage.vue'),
          meta: { titleKey: 'menu.telegram', township: true },
        },
        {
          path: 'incident',
          name: 'incident',
          component: () => import('./pages/incident/IncidentPage.vue'),
          meta: { titleKey: 'menu.incident', township: true },
        },
        {
          path: 'publication',
          name: 'publication',
          component: () => import('./pages/publication/PublicationPage.vue'),
          meta: { titleKey: 'menu.publication', township: true },
        },
        {
          path: 'handover',
          name: 'handover',
          component: () => import('./pages/handover/HandoverPage.vue'),
          meta: { titleKey: 'menu.handover', township: true },
        },
        {
          path: 'county',
          name: 'county',
          component: () => import('./pages/county/CountyDashboardPage.vue'),
          meta: { titleKey: 'menu.county', county: true },
        },
      ],
    },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
})

export function homeFor(): RouteLocationRaw {
  const session = useSessionStore()
  if (!session.user) return { name: 'login' }
  // Issue 12: a township user (officer, leader) starts from the 待办 of the unit's registers.
  return session.isCounty ? { name: 'county' } : { name: 'todo' }
}

let sessionReady: Promise<unknown> = Promise.resolve()

/** No route is chosen before the session kept across a reload has been reopened (or found locked). */
export function holdRoutingUntil(ready: Promise<unknown>): void {
  sessionReady = ready.catch(() => undefined)
}

// A reload within the session reopens it from the keys kept in IndexedDB (auth/session-resume.ts);
// once locked (logout, expiry), the user unlocks again with the password (online or offline).
router.beforeEach(async (to) => {
  await sessionReady
  const session = useSessionStore()
  if (to.meta.public) return true
  if (!session.user) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  if (to.meta.county && !session.isCounty) return { name: 'todo' }
  if (to.meta.township && session.isCounty) return { name: 'county' }
  return true
})

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean
    titleKey?: string
    county?: boolean
    township?: boolean
  }
}
