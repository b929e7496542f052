/**
 * Results kept by the text they were made from, at most `limit`, the oldest
 * dropped first. The preview renders the same workspace again on every save
 * (and the tests build the same one many times), so parsing, compiling and
 * drawing the same text again is work done twice.
 */
export class TextCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(text: string): V | undefined {
    return this.entries.get(text);
  }

  set(text: string, value: V): void {
    if (this.entries.has(text)) return;
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(text, value);
  }

  /** The result for `text`, made by `make` the first time. */
  of(text: string, make: (text: string) => V): V {
    let value = this.entries.get(text);
    if (value === undefined) {
      value = make(text);
      this.set(text, value);
    }
    return value;
  }
}
