const LF = 10;

/**
 * Maps byte offsets of a stream to line numbers by counting "\n" bytes, for offsets that only
 * grow. Chunks are dropped once counted, so memory stays at about one chunk.
 * (csv-parse's own `info.lines` miscounts CRLF inside quoted fields, hence this.)
 */
export class NewlineCounter {
  private chunks: Uint8Array[] = [];
  private firstChunkOffset = 0;
  private counted = 0;
  private newlines = 0;

  add(chunk: Uint8Array): void {
    if (chunk.length > 0) this.chunks.push(chunk);
  }

  /** The number of "\n" bytes in [0, offset). */
  newlinesBefore(offset: number): number {
    while (this.counted < offset && this.chunks.length > 0) {
      const chunk = this.chunks[0];
      const from = this.counted - this.firstChunkOffset;
      const to = Math.min(chunk.length, offset - this.firstChunkOffset);
      let i = chunk.indexOf(LF, from);
      while (i !== -1 && i < to) {
        this.newlines++;
        i = chunk.indexOf(LF, i + 1);
      }
      this.counted = this.firstChunkOffset + to;
      if (to === chunk.length) {
        this.chunks.shift();
        this.firstChunkOffset += chunk.length;
      }
    }
    return this.newlines;
  }

  /** The 1-based line of the byte at `offset`. */
  lineAt(offset: number): number {
    return 1 + this.newlinesBefore(offset);
  }
}
