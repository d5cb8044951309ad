// Undo and redo over the whole draft. Each edit stores the draft after it;
// consecutive keystrokes in one field within a second merge into one step.

export interface Entry<T> {
  value: T;
  /** The field the edit was in (for merging keystrokes). */
  key: string | null;
  at: number;
  id: number;
}

export class History<T> {
  private entries: Entry<T>[];
  private index = 0;
  private nextId = 1;
  constructor(
    initial: T,
    private readonly limit = 500,
    private readonly mergeMs = 1000,
  ) {
    this.entries = [{ value: initial, key: null, at: 0, id: 0 }];
  }

  get current(): Entry<T> {
    return this.entries[this.index];
  }
  get canUndo(): boolean {
    return this.index > 0;
  }
  get canRedo(): boolean {
    return this.index < this.entries.length - 1;
  }

  push(value: T, key: string | null, now = Date.now()): Entry<T> {
    this.entries.length = this.index + 1;
    const top = this.entries[this.index];
    if (key !== null && top.key === key && this.index > 0 && now - top.at < this.mergeMs) {
      // Merge into the previous step, but give it a new id: the value changed.
      this.entries[this.index] = { value, key, at: now, id: this.nextId++ };
      return this.entries[this.index];
    }
    this.entries.push({ value, key, at: now, id: this.nextId++ });
    if (this.entries.length > this.limit) this.entries.shift();
    this.index = this.entries.length - 1;
    return this.entries[this.index];
  }

  undo(): Entry<T> | null {
    if (!this.canUndo) return null;
    this.index -= 1;
    return this.current;
  }

  redo(): Entry<T> | null {
    if (!this.canRedo) return null;
    this.index += 1;
    return this.current;
  }

  reset(value: T): Entry<T> {
    this.entries = [{ value, key: null, at: 0, id: this.nextId++ }];
    this.index = 0;
    return this.current;
  }
}
