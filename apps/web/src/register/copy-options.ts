import {
  type Carrier,
  type CarrierCopied,
  type CarrierPolicy,
  isStateSecret,
  type KeyDirectory,
  type RegisterState,
  Role,
} from '@secledger/domain'

/** rule C-07: who may approve a copy of this carrier (the domain checks it again before signing). */
export type CopyAuthority = NonNullable<CarrierCopied['approval']>['authority']

/** Classified copies (and C-18 central documents kept as classified) need an approval and a place. */
export function copyNeedsApproval(carrier: Carrier): boolean {
  return isStateSecret(carrier.level) || carrier.keptAsClassified
}

/** The authorities rule C-07 accepts for this carrier, the expected one first. */
export function copyAuthorities(carrier: Carrier, policy: CarrierPolicy): CopyAuthority[] {
  if (carrier.level === 'top_secret') return ['originating_authority']
  if (carrier.direction === 'produced') return ['unit_leader']
  return policy.acceptUnitLeaderCopyApproval
    ? ['issuing_organ', 'superior', 'unit_leader']
    : ['issuing_organ', 'superior']
}

export interface PlaceOption {
  /** `device:<id>` or `point:<id>`: one select over both kinds of place. */
  readonly value: string
  readonly label: string
  readonly group: 'device' | 'point'
}

/**
 * rules C-07, M-07: the places a classified copy may be made: the unit's classified office devices in
 * use (computer register) and the county's licensed copying points. Nothing else can be chosen.
 */
export function copyPlaces(state: RegisterState | null, policy: CarrierPolicy): PlaceOption[] {
  const devices = [...(state?.registers.device.devices.values() ?? [])]
    .filter((d) => d.kind === 'office_device' && d.classified && d.status === 'in_use')
    .map((d): PlaceOption => ({ value: `device:${d.id}`, label: d.number, group: 'device' }))
  const points = policy.copyPoints.map(
    (p): PlaceOption => ({ value: `point:${p.id}`, label: p.name, group: 'point' }),
  )
  return [...devices, ...points]
}

/** The chosen place as the event records it, or undefined when nothing was chosen. */
export function placeOf(value: string): CarrierCopied['place'] {
  if (value.startsWith('device:')) return { kind: 'unit_device', deviceId: value.slice('device:'.length) }
  if (value.startsWith('point:')) return { kind: 'licensed_point', pointId: value.slice('point:'.length) }
  return undefined
}

/** This unit's leaders, for an approval by the unit's leader (the organisation register decides the post). */
export function unitLeaders(directory: KeyDirectory | null, unit: string): { id: string; name: string }[] {
  return Object.values(directory?.users ?? {})
    .filter((u) => u.unit === unit && u.roles.includes(Role.Leader))
    .map((u) => ({ id: u.id, name: u.displayName }))
}
