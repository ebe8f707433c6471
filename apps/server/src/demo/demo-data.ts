import { type Level, type Role, Role as Roles } from '@secledger/domain'

/** The demo county of contracts.md "Demo data"; every account's password is DEMO_PASSWORD. */
export const DEMO_PASSWORD = 'secledger-demo'

export interface DemoUnit {
  readonly id: string
  readonly parentId: string | null
  readonly kind: 'county' | 'township'
  readonly name: string
}

export interface DemoUser {
  readonly id: string
  readonly unitId: string
  readonly displayName: string
  readonly roles: readonly Role[]
}

export const DEMO_COUNTY: DemoUnit = {
  id: 'county-demo',
  parentId: null,
  kind: 'county',
  name: '示范县保密局',
}

export const DEMO_TOWNSHIPS: readonly DemoUnit[] = [
  { id: 'town-1', parentId: DEMO_COUNTY.id, kind: 'township', name: '城关镇' },
  { id: 'town-2', parentId: DEMO_COUNTY.id, kind: 'township', name: '河西乡' },
  { id: 'town-3', parentId: DEMO_COUNTY.id, kind: 'township', name: '青山镇' },
]

export const DEMO_USERS: readonly DemoUser[] = [
  { id: 'county', unitId: DEMO_COUNTY.id, displayName: '示范县保密局', roles: [Roles.County] },
  ...DEMO_TOWNSHIPS.flatMap((town, index): DemoUser[] => {
    const n = index + 1
    return [
      { id: `officer${n}`, unitId: town.id, displayName: `${town.name}保密员`, roles: [Roles.Officer] },
      { id: `leader${n}`, unitId: town.id, displayName: `${town.name}主要领导`, roles: [Roles.Leader] },
      {
        id: `classifier${n}`,
        unitId: town.id,
        displayName: `${town.name}定密责任人`,
        roles: [Roles.Classifier],
      },
    ]
  }),
]

/** A demo registration: the title as typed; the seed de-sensitizes it (rule S-02) before signing. */
export interface DemoCarrier {
  readonly key: string
  readonly kind: 'paper' | 'electronic' | 'medium'
  readonly direction: 'received' | 'produced'
  readonly issuer: string
  readonly docNumber: string
  readonly title: string
  readonly level: Level
  readonly periodYears: number | null
  readonly scope: string
  /** Copy numbers (份号), or null for one unnumbered copy. */
  readonly copyNumbers: readonly number[] | null
}

export const DEMO_CARRIERS: readonly DemoCarrier[] = [
  {
    key: '0001',
    kind: 'paper',
    direction: 'received',
    issuer: '示范县委办公室',
    docNumber: '示县委发〔2026〕12号',
    title: '关于做好年度保密自查自评工作的通知',
    level: 'secret',
    periodYears: 10,
    scope: '党委班子成员',
    copyNumbers: [1, 2],
  },
  {
    key: '0002',
    kind: 'paper',
    direction: 'received',
    issuer: '示范县人民政府办公室',
    docNumber: '示政办〔2026〕30号',
    title: '关于防汛工作安排的通知',
    level: 'confidential',
    periodYears: 5,
    scope: '镇长、分管副镇长',
    copyNumbers: null,
  },
  {
    key: '0003',
    kind: 'electronic',
    direction: 'produced',
    issuer: '本镇党政办',
    docNumber: '',
    title: '2026年保密工作计划',
    level: 'internal',
    periodYears: null,
    scope: '机关全体',
    copyNumbers: null,
  },
  {
    key: '0004',
    kind: 'paper',
    direction: 'received',
    issuer: '示范县保密委员会',
    docNumber: '示保委〔2026〕3号',
    title: '关于开展保密检查的实施方案',
    level: 'secret',
    periodYears: 20,
    scope: '保密工作领导小组',
    copyNumbers: [1, 2, 3],
  },
]

/** The carrier handed out on a past working day and never taken back: overdue on the dashboard (rule C-05). */
export const DEMO_OVERDUE = { carrierKey: '0002', reader: '张明' } as const
