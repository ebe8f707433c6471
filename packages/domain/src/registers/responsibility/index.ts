/** The responsibility register (entry point `@secledger/domain/registers/responsibility`). */

export * from './apply.ts'
export * from './events.ts'
export * from './hash.ts'
export * from './organisation-events.ts'
export * from './organisation-queries.ts'
export * from './organisation-rules.ts'
export * from './policy.ts'
export * from './queries.ts'
export * from './rules.ts'
export * from './slice.ts'
export * from './state.ts'
