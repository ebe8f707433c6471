/**
 * A bounded LRU of loaded docs (ARCHITECTURE decision 5: memory must not grow with the number of units).
 * Only idle entries (no peers, no work queued) are evicted; a doc in use stays even past the bound.
 * Concurrent gets of one key share a single load.
 */
export interface DocCache<T> {
  get(key: string): Promise<T>
  peek(key: string): T | undefined
  delete(key: string): void
  values(): T[]
  readonly size: number
}

export interface DocCacheOptions<T> {
  readonly capacity: number
  load(key: string): Promise<T>
  isIdle(value: T): boolean
}

export function createDocCache<T>(options: DocCacheOptions<T>): DocCache<T> {
  const entries = new Map<string, T>()
  const loading = new Map<string, Promise<T>>()

  function touch(key: string, value: T): void {
    entries.delete(key)
    entries.set(key, value)
  }

  /** Drops idle entries, least recently used first; never `keep`, which its caller is about to use. */
  function evict(keep: string): void {
    if (entries.size <= options.capacity) return
    for (const [key, value] of entries) {
      if (entries.size <= options.capacity) return
      if (key !== keep && options.isIdle(value)) entries.delete(key)
    }
  }

  return {
    get(key) {
      const hit = entries.get(key)
      if (hit !== undefined) {
        touch(key, hit)
        return Promise.resolve(hit)
      }
      const inFlight = loading.get(key)
      if (inFlight) return inFlight
      const load = options.load(key).then(
        (value) => {
          loading.delete(key)
          touch(key, value)
          evict(key)
          return value
        },
        (error: unknown) => {
          loading.delete(key)
          throw error
        },
      )
      loading.set(key, load)
      return load
    },
    peek: (key) => entries.get(key),
    delete(key) {
      entries.delete(key)
    },
    values: () => Array.from(entries.values()),
    get size() {
      return entries.size
    },
  }
}
