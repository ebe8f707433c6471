/** The S-03 override log (entry point `@secledger/domain/registers/screening`). */
export * from './events.ts'
export * from './policy.ts'
export * from './slice.ts'
export * from './state.ts'
