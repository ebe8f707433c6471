/** The classification register (entry point `@secledger/domain/registers/classification`). */

export * from '../../core/level-marking.ts'
export * from './apply.ts'
export * from './events.ts'
export * from './policy.ts'
export * from './queries.ts'
export * from './rules.ts'
export * from './signing-rules.ts'
export * from './slice.ts'
export * from './state.ts'
