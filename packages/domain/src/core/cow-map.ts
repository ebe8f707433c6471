/**
 * A map that forks in constant time: entries live in fixed buckets, a fork shares them, and a bucket is
 * copied on its first write after the fork. The fold mutates its own fork in place and hands the
 * previous one out as an immutable snapshot, so an ingest of a few events into a register of 10,000
 * carriers copies a few buckets, not the whole map.
 *
 * Iteration order: bucket by bucket, insertion order within a bucket; the same sequence of writes
 * gives the same order on every replica.
 */
const BUCKETS = 256 // a power of two

// Stryker disable all: any deterministic bucket function is correct; this one is chosen for speed
function bucketOf(key: string): number {
  // The last three characters: ids differ at the end (sequence numbers, uuids, hashes), and the fold
  // looks a carrier up for every event, so the hash must be cheap. Missing characters count as 0.
  const n = key.length
  const h =
    ((key.charCodeAt(n - 1) | 0) * 961 + (key.charCodeAt(n - 2) | 0) * 31 + (key.charCodeAt(n - 3) | 0)) | 0
  return h & (BUCKETS - 1)
}
// Stryker restore all

export class CowMap<V> implements ReadonlyMap<string, V> {
  // Private (#) fields stay out of structural comparisons such as deep equality in tests.
  readonly #buckets: Map<string, V>[]
  readonly #owned: Uint8Array
  #size: number

  private constructor(buckets: Map<string, V>[], owned: Uint8Array, size: number) {
    this.#buckets = buckets
    this.#owned = owned
    this.#size = size
  }

  static empty<V>(): CowMap<V> {
    return new CowMap<V>(
      Array.from({ length: BUCKETS }, () => new Map<string, V>()),
      new Uint8Array(BUCKETS).fill(1),
      0,
    )
  }

  /** A new map with the same entries. Write to the fork only; this one becomes a snapshot. */
  fork(): CowMap<V> {
    return new CowMap<V>(this.#buckets.slice(), new Uint8Array(BUCKETS), this.#size)
  }

  set(key: string, value: V): this {
    const b = bucketOf(key)
    let bucket = this.#buckets[b] as Map<string, V>
    // Stryker disable next-line ConditionalExpression: copying an owned bucket again is only slower
    if (this.#owned[b] === 0) {
      bucket = new Map(bucket)
      this.#buckets[b] = bucket
      this.#owned[b] = 1
    }
    const before = bucket.size
    bucket.set(key, value)
    this.#size += bucket.size - before
    return this
  }

  get(key: string): V | undefined {
    return (this.#buckets[bucketOf(key)] as Map<string, V>).get(key)
  }

  has(key: string): boolean {
    return (this.#buckets[bucketOf(key)] as Map<string, V>).has(key)
  }

  get size(): number {
    return this.#size
  }

  *entries(): MapIterator<[string, V]> {
    for (const bucket of this.#buckets) yield* bucket.entries()
  }

  *keys(): MapIterator<string> {
    for (const bucket of this.#buckets) yield* bucket.keys()
  }

  *values(): MapIterator<V> {
    for (const bucket of this.#buckets) yield* bucket.values()
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries()
  }

  /**
   * Visits each entry of this map with the value `other` has under its key, skipping the buckets the
   * two share (their entries are the same): comparing a map with an earlier fork of it.
   */
  forEachAgainst(other: CowMap<V>, visit: (value: V, previous: V | undefined, key: string) => void): void {
    for (let b = 0; b < BUCKETS; b++) {
      const mine = this.#buckets[b] as Map<string, V>
      const theirs = other.#buckets[b] as Map<string, V>
      if (mine === theirs) continue
      mine.forEach((value, key) => {
        visit(value, theirs.get(key), key)
      })
    }
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this)
  }
}
