/**
 * One error class tree for unusable input (jose style: static + instance `code`, `cause`).
 * Findings are data and never thrown; only input the core cannot use at all throws one of these.
 * Programmer mistakes (bad option types) throw plain TypeError.
 */
export class FtnError extends Error {
  static code = 'ERR_FTN_GENERIC';
  code = 'ERR_FTN_GENERIC';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = this.constructor.name;
  }
}

/** A key could not be imported: wrong format, wrong passphrase, unsupported type. */
export class KeyImportError extends FtnError {
  static override code = 'ERR_KEY_IMPORT';
  override code = 'ERR_KEY_IMPORT';
}

/** A HAR could not be read (not JSON, not a HAR, truncated). `offset`/`entry` say where. */
export class HarReadError extends FtnError {
  static override code = 'ERR_HAR_READ';
  override code = 'ERR_HAR_READ';
  constructor(message: string, readonly where: { offset?: number; entry?: number } = {}, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Input over a configured size limit. */
export class LimitError extends FtnError {
  static override code = 'ERR_LIMIT';
  override code = 'ERR_LIMIT';
}
