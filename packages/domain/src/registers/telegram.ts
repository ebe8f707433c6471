/** The telegram register (entry point `@secledger/domain/registers/telegram`). */
export * from '../telegram-events.ts'
export * from '../telegram-policy.ts'
export * from '../telegram-queries.ts'
export * from '../telegram-rules.ts'
export * from '../telegram-slice.ts'
export * from '../telegram-state.ts'
