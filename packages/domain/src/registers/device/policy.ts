/**
 * County/unit configuration of the device register (rules M-01..M-11, B-05). Defaults are the strict
 * readings a county inspector would expect.
 */
export interface DevicePolicy {
  /**
   * rule M-06: calendar days between recorded software checks of a classified computer. The seeds set
   * no interval; quarterly, with the leading group's inspection (I-01), is the default.
   */
  readonly softwareCheckIntervalDays: number
  /**
   * rule M-04: whether an on-site repair under supervision also needs the disk removed. The rule asks
   * the disk out "before it leaves"; on site the computer does not leave, so default off.
   */
  readonly diskRemovedForOnSiteRepair: boolean
}

export const DEFAULT_DEVICE_POLICY: DevicePolicy = {
  softwareCheckIntervalDays: 90,
  diskRemovedForOnSiteRepair: false,
}
