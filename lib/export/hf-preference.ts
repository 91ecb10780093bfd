/**
 * `format=preference-hf`: the preference pairs as a Hugging Face `datasets` folder (.tar.gz):
 * README.md (preference-card.ts), data/test.jsonl (the `format=preference` bytes) and manifest.json.
 */
import type { TExportRow, TManifest } from "./export-row";
import { gzipStream } from "./gzip-stream";
import { HF_DATA_PATH, hfFolderTar } from "./hf-dataset";
import { preferenceStream, type TPreferenceSource } from "./preference";
import { preferenceFeatureInference, renderPreferenceCard } from "./preference-card";

export type THfPreferenceOptions = {
  manifest?: TManifest;
  rootDir?: string;
  mtime?: number;
  /** The pairs' sha256 recorded at the freeze: other bytes throw before any archive byte. */
  expectedSha256?: string;
  tmpDir?: string;
  gzipLevel?: number;
};

export function hfPreferenceTarGz(
  rows: AsyncIterable<TExportRow>,
  sources: readonly TPreferenceSource[],
  options: THfPreferenceOptions = {},
): AsyncGenerator<Uint8Array> {
  const inference = preferenceFeatureInference();
  let count = 0;
  const data = preferenceStream(rows, sources, (pair) => {
    inference.observePair(pair);
    count += 1;
  });
  const tar = hfFolderTar({
    ...options,
    data,
    rows: () => count,
    card: (facts) =>
      renderPreferenceCard({
        ...facts,
        manifest: options.manifest,
        features: inference.features(),
        dataPath: HF_DATA_PATH,
      }),
  });
  return gzipStream(tar, { level: options.gzipLevel });
}
