/** The classification register (entry point `@secledger/domain/registers/classification`). */
export * from '../classification-apply.ts'
export * from '../classification-events.ts'
export * from '../classification-marking.ts'
export * from '../classification-policy.ts'
export * from '../classification-queries.ts'
export * from '../classification-rules.ts'
export * from '../classification-slice.ts'
export * from '../classification-state.ts'
