/** A response body in a test, loosely typed: the assertions themselves check its shape. */
// biome-ignore lint/suspicious/noExplicitAny: tests probe arbitrary JSON and assert on it
export type LooseJson = any

export function json(response: Response): Promise<LooseJson> {
  return response.json() as Promise<LooseJson>
}
