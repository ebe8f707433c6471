import type { CarrierEventPayloads } from '../registers/carrier/events.ts'
import type { ClassificationEventPayloads } from '../registers/classification/events.ts'
import type { CustodyEventPayloads } from '../registers/custody/events.ts'
import type { DeviceEventPayloads } from '../registers/device/events.ts'
import type { IncidentEventPayloads } from '../registers/incident/events.ts'
import type { InspectionEventPayloads } from '../registers/inspection/events.ts'
import type { MovementEventPayloads } from '../registers/movement/events.ts'
import type { OutgoingEventPayloads } from '../registers/outgoing/events.ts'
import type { PersonnelEventPayloads } from '../registers/personnel/events.ts'
import type { TrainingEventPayloads } from '../registers/personnel/training-events.ts'
import type { PublicationEventPayloads } from '../registers/publication/events.ts'
import type { ResponsibilityEventPayloads } from '../registers/responsibility/events.ts'
import type { ScreeningEventPayloads } from '../registers/screening/events.ts'
import type { TelegramEventPayloads } from '../registers/telegram/events.ts'

/**
 * Every event type of the unit with its payload: what an app writes through one writer (each register
 * keeps its own map; this is their union, for callers that write any of them).
 */
export interface UnitEventPayloads
  extends CarrierEventPayloads,
    ClassificationEventPayloads,
    CustodyEventPayloads,
    DeviceEventPayloads,
    IncidentEventPayloads,
    InspectionEventPayloads,
    MovementEventPayloads,
    OutgoingEventPayloads,
    PersonnelEventPayloads,
    TrainingEventPayloads,
    PublicationEventPayloads,
    ResponsibilityEventPayloads,
    ScreeningEventPayloads,
    TelegramEventPayloads {}

export type UnitEventType = keyof UnitEventPayloads
