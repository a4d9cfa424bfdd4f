// A translator's file (CSV or XLIFF) that cannot be read, named by the line where reading stopped, so the trainer
// can find it in a spreadsheet or an editor.
export class TranslationFileError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'TranslationFileError';
  }
}
