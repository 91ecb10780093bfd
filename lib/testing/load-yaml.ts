/**
 * Test helper: parses YAML with js-yaml, which is in node_modules as a dependency of ESLint's
 * config loader (no types, not a dependency of the app), to read back the card front matter.
 */
export async function loadYaml(text: string): Promise<unknown> {
  const specifier = "js-yaml";
  const mod = (await import(/* @vite-ignore */ specifier)) as { load: (text: string) => unknown };
  return mod.load(text);
}
