import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import { deviceEvents } from '../../../src/registers/device/events.ts'
import { userBooksToSign } from '../../../src/registers/device/queries.ts'
import { deviceSlice } from '../../../src/registers/device/slice.ts'
import { makeContext } from '../../support/fixtures.ts'
import {
  codes,
  device,
  deviceContext,
  eventBuilder,
  foldAcrossPostChange,
  foldDevices,
  setup,
} from './device-fold.ts'

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

  it('B-05, B-02, B-04: a book whose leader left the signing post is stale: assignment refused, the gap shows until re-signed', () => {
    const ev = eventBuilder()
    const history = setup(ev)
    // leader1 signed the books, then left the post: chief1 is now the 分管领导 (organisation register).
    const later = [
      ev('device.assigned', { deviceId: 'u1', responsible: 'staff-b' }),
      ev('device.user_book_signed', { bookId: 'b9', user: 'staff-c' }),
    ]
    const stale = foldAcrossPostChange(history, { chief1: ['responsible_leader'] }, later)
    expect(stale.refused.map((e) => e.code)).toEqual(['B-05', 'B-05'])
    expect(stale.refused[1]?.message.zh).toContain('分管保密工作领导')
    const postsOf = (u: string) => stale.ctx.view?.postsOf(u) ?? []
    const gaps = userBooksToSign(stale.state, postsOf)
    expect(gaps.map((g) => g.user)).toEqual(['staff-a'])
    expect(gaps[0]?.deviceIds).toEqual(['pc1', 'u1'])
    expect(gaps[0]?.since).toBe(history[2]?.atMs)
    // Without the organisation posts the register only knows that a book exists.
    expect(userBooksToSign(stale.state)).toEqual([])
    const resigned = foldAcrossPostChange(history, { chief1: ['responsible_leader'] }, [
      ev('device.user_book_signed', { bookId: 'b10', user: 'staff-a' }, 'chief1'),
      ev('device.registered', device({ deviceId: 'pc2', number: 'JSJ-002' })),
    ])
    expect(resigned.refused).toEqual([])
    expect(userBooksToSign(resigned.state, postsOf)).toEqual([])
  })

  it('B-05, B-04: the book is signed by the 单位责任领导 of the organisation register, never by the user themself', () => {
    const ev = eventBuilder()
    expect(Object.hasOwn(deviceEvents, 'device.leader_designated')).toBe(false)
    const events = [
      ev('device.user_book_signed', { bookId: 'b1', user: 'staff-a' }, 'chief1'),
      ev('device.user_book_signed', { bookId: 'b2', user: 'leader1' }),
      ev('device.user_book_signed', { bookId: 'b3', user: 'staff-b' }),
    ]
    // chief1 is only the office head here: a leader, but not the 单位责任领导.
    const fold = foldDevices(
      events,
      deviceSlice,
      deviceContext({ leader1: ['responsible_leader'], chief1: ['office_head'] }),
    )
    expect(codes(fold)).toEqual(['B-05', 'B-05'])
    expect(fold.refused[0]?.error.details).toMatchObject({ approver: 'chief1', held: ['office_head'] })
    expect(fold.refused[1]?.error.details).toMatchObject({
      person: 'leader1',
      parts: ['responsible leader', 'user'],
    })
    expect([...fold.state.books.keys()]).toEqual(['staff-b'])
    // Folded without the organisation register, no book can be signed.
    expect(codes(foldDevices([events[2] as SliceEvent], deviceSlice, makeContext()))).toEqual(['B-05'])
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
