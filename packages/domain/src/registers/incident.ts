/** The incident register (entry point `@secledger/domain/registers/incident`). */
export * from '../incident-events.ts'
export * from '../incident-policy.ts'
export * from '../incident-queries.ts'
export * from '../incident-rules.ts'
export * from '../incident-slice.ts'
export * from '../incident-state.ts'
