import type { Holding, KeyDirectory, Level, RegisterState } from '@secledger/domain'

/**
 * rule C-12: the carriers people hold, as the hand-over page lists them before someone leaves a post.
 * A register records a person by user id or by the name typed at the hand-out; both are gathered under
 * the directory's user when either matches, so one person is one entry.
 */
export interface HoldingRow {
  /** carrier id + person key: one carrier may be with two bearers of a trip. */
  readonly id: string
  readonly carrierId: string
  /** The person as grouped: a directory user id, or the name as recorded. */
  readonly personKey: string
  readonly personName: string
  readonly serial: string
  readonly copyNumber: number | null
  readonly docNumber: string
  readonly title: string
  readonly level: Level | null
  /** C-04 handed out; C-08 carried out, C-14 meeting, C-21 consulted. */
  readonly rule: string
  readonly handOutId: string | null
  readonly since: number
}

export interface HolderOption {
  readonly key: string
  readonly name: string
  readonly count: number
}

/** The directory user a recorded holder names (by id, or by display name when only one user has it). */
function personOf(directory: KeyDirectory | null, recorded: string): { key: string; name: string } {
  const users = directory?.users ?? {}
  const byId = users[recorded]
  if (byId) return { key: recorded, name: byId.displayName }
  const named = Object.entries(users).filter(([, u]) => u.displayName === recorded)
  const only = named.length === 1 ? named[0] : undefined
  return only ? { key: only[0], name: only[1].displayName } : { key: recorded, name: recorded }
}

export function holdingRows(
  state: RegisterState,
  holdings: readonly Holding[],
  directory: KeyDirectory | null,
): HoldingRow[] {
  const seen = new Set<string>()
  const out: HoldingRow[] = []
  for (const h of holdings) {
    const person = personOf(directory, h.person)
    const id = `${h.carrierId}|${person.key}|${h.rule}`
    if (seen.has(id)) continue
    seen.add(id)
    const c = state.carriers.get(h.carrierId)
    out.push({
      id,
      carrierId: h.carrierId,
      personKey: person.key,
      personName: person.name,
      serial: h.serial,
      copyNumber: c?.copyNumber ?? null,
      docNumber: c?.docNumber ?? '',
      title: c?.title ?? '',
      level: c?.level ?? null,
      rule: h.rule,
      handOutId: h.handOutId,
      since: h.since,
    })
  }
  return out
}

/** The people holding something, with how many carriers each, by name. */
export function holderOptions(rows: readonly HoldingRow[]): HolderOption[] {
  const by = new Map<string, HolderOption>()
  for (const r of rows) {
    const o = by.get(r.personKey)
    by.set(r.personKey, { key: r.personKey, name: r.personName, count: (o?.count ?? 0) + 1 })
  }
  return [...by.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
}
