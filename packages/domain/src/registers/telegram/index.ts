/** The telegram register (entry point `@secledger/domain/registers/telegram`). */
export * from './events.ts'
export * from './policy.ts'
export * from './queries.ts'
export * from './rules.ts'
export * from './slice.ts'
export * from './state.ts'
