import type { Carrier } from '../core/carrier-record.ts'
import type { EventDefinition, RegisterSlice } from '../core/register-slice.ts'
import type {
  CarrierAway,
  DeviceFacts,
  ElectronicUseFacts,
  IncidentFacts,
  UnitPost,
  UnitView,
} from '../core/unit-view.ts'
import { CARRIER_EVENT_ROLES, carrierEventSchemas, isCarrierEventType } from '../registers/carrier/events.ts'
import { createClassificationSlice } from '../registers/classification/slice.ts'
import type { ClassificationState } from '../registers/classification/state.ts'
import { createCustodySlice } from '../registers/custody/slice.ts'
import type { CustodyState } from '../registers/custody/state.ts'
import { createDeviceSlice } from '../registers/device/slice.ts'
import type { DeviceState } from '../registers/device/state.ts'
import { createIncidentSlice } from '../registers/incident/slice.ts'
import type { IncidentState } from '../registers/incident/state.ts'
import { createInspectionSlice } from '../registers/inspection/slice.ts'
import type { InspectionState } from '../registers/inspection/state.ts'
import { createMovementSlice } from '../registers/movement/slice.ts'
import type { MovementState } from '../registers/movement/state.ts'
import { createOutgoingSlice } from '../registers/outgoing/slice.ts'
import type { OutgoingState } from '../registers/outgoing/state.ts'
import { createPersonnelSlice } from '../registers/personnel/slice.ts'
import type { PersonnelState } from '../registers/personnel/state.ts'
import { createPublicationSlice } from '../registers/publication/slice.ts'
import type { PublicationState } from '../registers/publication/state.ts'
import { createResponsibilitySlice } from '../registers/responsibility/slice.ts'
import type { ResponsibilityState } from '../registers/responsibility/state.ts'
import { createScreeningSlice } from '../registers/screening/slice.ts'
import type { ScreeningState } from '../registers/screening/state.ts'
import { createTelegramSlice } from '../registers/telegram/slice.ts'
import type { TelegramState } from '../registers/telegram/state.ts'
import type { UnitPolicy } from './policy.ts'

/** The registers of a unit besides the carrier register, by slice name. */
export interface UnitRegisters {
  readonly classification: ClassificationState
  readonly telegram: TelegramState
  readonly device: DeviceState
  readonly personnel: PersonnelState
  readonly inspection: InspectionState
  readonly incident: IncidentState
  readonly responsibility: ResponsibilityState
  readonly publication: PublicationState
  readonly custody: CustodyState
  readonly movement: MovementState
  readonly outgoing: OutgoingState
  readonly screening: ScreeningState
}
export type RegisterName = keyof UnitRegisters

// biome-ignore lint/suspicious/noExplicitAny: slices are stored side by side, each typed by its own module
export type AnySlice = RegisterSlice<any, unknown>

/** The slices of one policy, and which slice owns each event type. */
export interface ComposedSlices {
  readonly list: readonly AnySlice[]
  readonly names: readonly RegisterName[]
  readonly indexOf: ReadonlyMap<string, number>
  readonly sliceOfType: ReadonlyMap<string, number>
  /** Slices that can hold a carrier away from custody (they implement carrierAway). */
  readonly awayIndexes: readonly number[]
}

function build(policy: UnitPolicy): Record<RegisterName, AnySlice> {
  return {
    classification: createClassificationSlice(policy.classification),
    telegram: createTelegramSlice(policy.telegram),
    device: createDeviceSlice(policy.device),
    personnel: createPersonnelSlice(policy.personnel),
    inspection: createInspectionSlice(policy.inspection),
    incident: createIncidentSlice(policy.incident),
    responsibility: createResponsibilitySlice(policy.responsibility),
    publication: createPublicationSlice(policy.publication),
    movement: createMovementSlice(policy.movement),
    outgoing: createOutgoingSlice(policy.outgoing),
    custody: createCustodySlice(policy.custody),
    screening: createScreeningSlice(),
  }
}

const composed = new WeakMap<UnitPolicy, ComposedSlices>()

/**
 * The registers composed for a policy (built once per policy object). Event types are unique across
 * the carrier register and every slice: a type two registers claimed would be judged twice.
 */
export function composeSlices(policy: UnitPolicy): ComposedSlices {
  const cached = composed.get(policy)
  if (cached !== undefined) return cached
  const byName = build(policy)
  const names = Object.keys(byName) as RegisterName[]
  const list = names.map((name) => byName[name])
  const sliceOfType = new Map<string, number>()
  list.forEach((slice, index) => {
    for (const type of Object.keys(slice.events)) {
      if (isCarrierEventType(type) || sliceOfType.has(type))
        throw new Error(`event type ${type} is claimed by two registers`)
      sliceOfType.set(type, index)
    }
  })
  const result: ComposedSlices = {
    list,
    names,
    indexOf: new Map(names.map((name, index) => [name, index])),
    sliceOfType,
    awayIndexes: list.flatMap((slice, index) => (slice.carrierAway === undefined ? [] : [index])),
  }
  composed.set(policy, result)
  return result
}

/** Schema and signing roles of any event type of the unit (carrier or slice), for the server's gate. */
export function unitEventDefinition(type: string, policy: UnitPolicy): EventDefinition | undefined {
  if (isCarrierEventType(type)) return { schema: carrierEventSchemas[type], roles: CARRIER_EVENT_ROLES[type] }
  const slices = composeSlices(policy)
  const index = slices.sliceOfType.get(type)
  return index === undefined ? undefined : slices.list[index]?.events[type]
}

/** Every event type of the unit, carrier register first. */
export function unitEventTypes(policy: UnitPolicy): string[] {
  return [...Object.keys(carrierEventSchemas), ...composeSlices(policy).sliceOfType.keys()]
}

/** Why a carrier is away from custody in some register, or null; `works[i]` undefined = empty register. */
export function carrierAwayIn(
  slices: ComposedSlices,
  works: readonly unknown[],
  carrierId: string,
): CarrierAway | null {
  for (const index of slices.awayIndexes) {
    const work = works[index]
    if (work === undefined) continue
    const away = (slices.list[index] as AnySlice).carrierAway?.(work, carrierId) ?? null
    if (away !== null) return away
  }
  return null
}

/** A device of the computer register (M-01), or undefined. */
export function deviceIn(
  slices: ComposedSlices,
  works: readonly unknown[],
  deviceId: string,
): DeviceFacts | undefined {
  return registerView<DeviceState>({ slices, sliceWorks: works }, 'device')?.devices.get(deviceId)
}

/** Rule C-16: the registered uses of an electronic file in the movement register, oldest first. */
export function electronicUsesIn(
  slices: ComposedSlices,
  works: readonly unknown[],
  carrierId: string,
): readonly ElectronicUseFacts[] {
  const movement = registerView<MovementState>({ slices, sliceWorks: works }, 'movement')
  if (movement === undefined || movement.electronicUses.length === 0) return []
  return movement.electronicUses.filter((use) => use.carrierId === carrierId)
}

/** The read-only view of one register; an untouched register is viewed empty. */
export function viewRegister(slices: ComposedSlices, works: readonly unknown[], index: number): unknown {
  const slice = slices.list[index] as AnySlice
  return slice.view(works[index] ?? slice.empty())
}

/** The whole unit as slices see it (SliceContext.view): the live carriers and the other registers. */
export function unitViewOf(source: {
  readonly carriers: ReadonlyMap<string, Carrier>
  readonly slices: ComposedSlices
  readonly sliceWorks: readonly unknown[]
}): UnitView {
  return {
    get carriers() {
      return source.carriers
    },
    device: (deviceId) => deviceIn(source.slices, source.sliceWorks, deviceId),
    incident: (ref) => incidentFacts(registerView<IncidentState>(source, 'incident'), ref),
    postsOf: (userId) => postsHeldBy(registerView<ResponsibilityState>(source, 'responsibility'), userId),
    carrierAway: (carrierId) => carrierAwayIn(source.slices, source.sliceWorks, carrierId),
    electronicUses: (carrierId) => electronicUsesIn(source.slices, source.sliceWorks, carrierId),
  }
}

function registerView<S>(
  source: { readonly slices: ComposedSlices; readonly sliceWorks: readonly unknown[] },
  name: RegisterName,
): S | undefined {
  const index = source.slices.indexOf.get(name)
  return index === undefined ? undefined : (viewRegister(source.slices, source.sliceWorks, index) as S)
}

/** An incident or missing item as other registers read it: the carriers it concerns. */
export function incidentFacts(incidents: IncidentState | undefined, ref: string): IncidentFacts | undefined {
  if (incidents === undefined) return undefined
  const missing = incidents.missing.get(ref)
  const incident = incidents.incidents.get(ref)
  if (missing === undefined && incident === undefined) return undefined
  const refs: string[] = []
  if (missing !== undefined) refs.push(missing.carrierId)
  if (incident !== undefined) {
    refs.push(...incident.carrierRefs)
    const itsMissing = incident.missingId === null ? undefined : incidents.missing.get(incident.missingId)
    if (itsMissing !== undefined) refs.push(itsMissing.carrierId)
  }
  return { id: ref, carrierRefs: refs }
}

/** The organisation posts (B-04) a user holds at this point of the fold (the unit's works). */
export function postsIn(slices: ComposedSlices, works: readonly unknown[], userId: string): UnitPost[] {
  return postsHeldBy(
    registerView<ResponsibilityState>({ slices, sliceWorks: works }, 'responsibility'),
    userId,
  )
}

/** The organisation posts (B-04) a user holds now; the organisation register is the only source. */
export function postsHeldBy(organisation: ResponsibilityState | undefined, userId: string): UnitPost[] {
  if (organisation === undefined) return []
  const posts: UnitPost[] = []
  for (const [post, holding] of organisation.posts) if (holding.userId === userId) posts.push(post)
  if (organisation.groupMembers.has(userId)) posts.push('group_member')
  return posts.sort()
}

/** Lazily computed register states of a snapshot: a register nobody reads is never viewed. */
export function registersOf(slices: ComposedSlices, works: readonly unknown[]): UnitRegisters {
  const registers = {}
  slices.names.forEach((name, index) => {
    let view: unknown
    let viewed = false
    Object.defineProperty(registers, name, {
      enumerable: true,
      get() {
        if (!viewed) {
          view = viewRegister(slices, works, index)
          viewed = true
        }
        return view
      },
    })
  })
  return registers as UnitRegisters
}
