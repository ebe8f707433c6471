/** Register states as the domain's fold names them (Carrier.state). */
export const CarrierStateName = {
  InCustody: 'in_custody',
  Out: 'out',
  Destroyed: 'destroyed',
} as const
export type CarrierStateName = (typeof CarrierStateName)[keyof typeof CarrierStateName]

/** Element Plus tag colour per state, like RuoYi's DictTag list classes. */
export const STATE_TAG_TYPE: Readonly<Record<CarrierStateName, 'success' | 'warning' | 'info'>> = {
  in_custody: 'success',
  out: 'warning',
  destroyed: 'info',
}
