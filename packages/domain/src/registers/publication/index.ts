/** The publication register (entry point `@secledger/domain/registers/publication`). */
export * from './apply.ts'
export * from './events.ts'
export * from './policy.ts'
export * from './queries.ts'
export * from './rules.ts'
export * from './slice.ts'
export * from './state.ts'
