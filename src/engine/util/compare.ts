/**
 * Strings in Go's order: `sort.Strings`, `strings.Compare` and the API server's lists (etcd's keys)
 * compare bytes, which for the names, UIDs and protocols the engine sorts is the order of their UTF-16
 * code units. Not `localeCompare`: ICU's collation orders case and punctuation differently (`"B" < "a"`
 * in Go, not in ICU) and builds its collator on first use, about 13 ms that every fresh worker's first
 * build paid (cold load, issue 17).
 *
 * @example ['web-b', 'Web', 'web-a'].sort(byCodeUnits) // ['Web', 'web-a', 'web-b']
 */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
