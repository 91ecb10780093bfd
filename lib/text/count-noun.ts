/**
 * A count with its noun in the right number, digits grouped: "1 item", "0 items", "1,204 labels".
 * `plural` for nouns that do not just take an s ("1 eval set version" takes "eval set versions").
 */
export function countNoun(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? singular : plural}`;
}
