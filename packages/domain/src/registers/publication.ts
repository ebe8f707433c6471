/** The publication register (entry point `@secledger/domain/registers/publication`). */
export * from '../publication-apply.ts'
export * from '../publication-events.ts'
export * from '../publication-policy.ts'
export * from '../publication-queries.ts'
export * from '../publication-rules.ts'
export * from '../publication-slice.ts'
export * from '../publication-state.ts'
