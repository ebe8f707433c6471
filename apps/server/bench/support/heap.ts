import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

setFlagsFromString('--expose-gc')
// A fresh context picks up the flag: the usual way to reach `gc` without restarting Node with it.
const collect = runInNewContext('gc') as () => void

/** Heap in use after a full collection, in MiB. */
export function heapUsedMiB(): number {
  collect()
  return process.memoryUsage().heapUsed / 1_048_576
}
