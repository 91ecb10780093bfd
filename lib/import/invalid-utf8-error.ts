/**
 * Thrown by decodeUtf8 (after the valid text before the bad bytes was yielded) when the input is
 * not UTF-8. In its own file, free of Node imports, because the readers that catch it also run in
 * the browser (the import page's preview uses readJsonArrayBatches).
 */
export class InvalidUtf8Error extends Error {
  constructor() {
    super("the file is not valid UTF-8 text; save it as UTF-8 and try again");
    this.name = "InvalidUtf8Error";
  }
}
