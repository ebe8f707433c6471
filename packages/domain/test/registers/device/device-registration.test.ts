import { describe, expect, it } from 'vitest'
import { userBooksToSign } from '../../../src/registers/device/queries.ts'
import { codes, device, eventBuilder, foldDevices, setup } from './device-fold.ts'

describe('device register: registration, keepers and books', () => {
  it('M-01 registers a device with its number and responsible person; refuses a reused number', () => {
    const ev = eventBuilder()
    const fold = foldDevices([...setup(ev), ev('device.registered', device({ deviceId: 'pc2' }))])
    expect(codes(fold)).toEqual(['M-01'])
    const pc1 = fold.state.devices.get('pc1')
    expect(pc1?.number).toBe('JSJ-001')
    expect(pc1?.responsible).toBe('staff-a')
    expect(fold.state.devices.has('pc2')).toBe(false)
  })

  it('M-01 refuses a computer without a responsible person, and actions on an unregistered device', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.registered', device({ deviceId: 'pc2', number: 'JSJ-002', responsible: '' })),
      ev('device.used', { deviceId: 'nope', user: 'staff-a' }),
      ev('device.assigned', { deviceId: 'pc1', responsible: '' }),
    ])
    expect(codes(fold)).toEqual(['M-01', 'M-01', 'M-01'])
    expect(fold.state.devices.get('pc1')?.responsible).toBe('staff-a')
  })

  it('M-01 a classified device carries a state-secret level, a non-classified one none', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.registered', device({ deviceId: 'pc2', number: 'JSJ-002', level: 'internal' })),
      ev('device.registered', device({ deviceId: 'pc3', number: 'JSJ-003', classified: false })),
      ev('device.registered', device({ deviceId: 'pc4', number: 'JSJ-004', classified: false, level: null })),
    ])
    expect(codes(fold)).toEqual(['M-01', 'M-01'])
    expect(fold.state.devices.get('pc4')?.classified).toBe(false)
  })

  it('M-07 refuses an office device without a named keeper, registers one with a keeper', () => {
    const ev = eventBuilder()
    const copier = { kind: 'office_device', classified: false, level: null } as const
    const fold = foldDevices([
      ev('device.registered', device({ ...copier, deviceId: 'fx1', number: 'FY-001', responsible: '' })),
      ev(
        'device.registered',
        device({ ...copier, deviceId: 'fx2', number: 'FY-002', responsible: 'keeper-a' }),
      ),
      ev('device.assigned', { deviceId: 'fx2', responsible: '' }),
    ])
    expect(codes(fold)).toEqual(['M-07', 'M-07'])
    // An office device needs no user's book (B-05 covers computers and media).
    expect(fold.state.devices.get('fx2')?.responsible).toBe('keeper-a')
  })

  it('M-08 registers phones of classified personnel with their owner; never as classified devices', () => {
    const ev = eventBuilder()
    const phone = { kind: 'phone', classified: false, level: null } as const
    const fold = foldDevices([
      ev(
        'device.registered',
        device({ ...phone, deviceId: 'ph1', number: 'SJ-001', responsible: 'staff-a' }),
      ),
      ev('device.registered', device({ ...phone, deviceId: 'ph2', number: 'SJ-002', responsible: '' })),
      ev('device.registered', device({ deviceId: 'ph3', number: 'SJ-003', kind: 'phone' })),
    ])
    expect(codes(fold)).toEqual(['M-08', 'M-08'])
    expect(fold.state.devices.get('ph1')?.responsible).toBe('staff-a')
  })

  it('B-05 refuses assigning a computer or medium to a user who has not signed the book', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.registered', device({ deviceId: 'pc2', number: 'JSJ-002', responsible: 'staff-c' })),
      ev('device.assigned', { deviceId: 'pc1', responsible: 'staff-c' }),
      ev('device.user_book_signed', { bookId: 'b3', user: 'staff-c' }),
      ev('device.assigned', { deviceId: 'pc1', responsible: 'staff-c' }),
    ])
    expect(codes(fold)).toEqual(['B-05', 'B-05'])
    expect(fold.state.devices.has('pc2')).toBe(false)
    expect(fold.state.devices.get('pc1')?.responsible).toBe('staff-c')
  })

  it('B-05 a new book signer makes old books stale: assignment refused and the gap shows until re-signed', () => {
    const ev = eventBuilder()
    const events = [
      ...setup(ev),
      ev('device.leader_designated', { userId: 'chief1', post: 'book_signer' }),
      ev('device.assigned', { deviceId: 'u1', responsible: 'staff-b' }),
      ev('device.user_book_signed', { bookId: 'b9', user: 'staff-b' }),
    ]
    const stale = foldDevices(events)
    // The book is signed by leader1, no longer the designated signer (B-02: re-signed when a signer changes).
    expect(codes(stale)).toEqual(['B-05', 'B-05'])
    const gaps = userBooksToSign(stale.state)
    expect(gaps.map((g) => g.user)).toEqual(['staff-a'])
    expect(gaps[0]?.deviceIds).toEqual(['pc1', 'u1'])
    expect(gaps[0]?.since).toBe(events[5]?.atMs)
    const resigned = foldDevices([
      ...events,
      ev('device.user_book_signed', { bookId: 'b10', user: 'staff-a' }, 'chief1'),
    ])
    expect(userBooksToSign(resigned.state)).toEqual([])
  })

  it('B-05 a designation names a leader of this unit', () => {
    const ev = eventBuilder()
    const fold = foldDevices([ev('device.leader_designated', { userId: 'classifier1', post: 'book_signer' })])
    expect(codes(fold)).toEqual(['DEVICE-NOT-LEADER'])
    expect(fold.state.leaders.size).toBe(0)
  })

  it('M-11 only classified networks are registered', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ev(
        'device.registered',
        device({ deviceId: 'n1', number: 'WL-001', kind: 'network', classified: false, level: null }),
      ),
    ])
    expect(codes(fold)).toEqual(['M-11'])
  })
})
