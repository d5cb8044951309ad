// Undo and redo over the whole draft. Each edit stores the draft after it;
// consecutive keystrokes in one field within a second merge into one step.
// Each entry also records the pointer it changed, so undo can go there.

export interface Entry<T> {
  value: T;
  /** The field the edit was in (for merging keystrokes). */
  key: string | null;
  /** The pointer the edit changed (where undo and redo go), null for the first entry. */
  ptr: string | null;
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
    this.entries = [{ value: initial, key: null, ptr: null, at: 0, id: 0 }];
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

  push(value: T, key: string | null, now = Date.now(), ptr: string | null = key): Entry<T> {
    this.entries.length = this.index + 1;
    const top = this.entries[this.index];
    if (key !== null && top.key === key && this.index > 0 && now - top.at < this.mergeMs) {
      // Merge into the previous step, but give it a new id: the value changed.
      this.entries[this.index] = { value, key, ptr, at: now, id: this.nextId++ };
      return this.entries[this.index];
    }
    this.entries.push({ value, key, ptr, at: now, id: this.nextId++ });
    if (this.entries.length > this.limit) this.entries.shift();
    this.index = this.entries.length - 1;
    return this.entries[this.index];
  }

  /**
   * Replaces the value of the current step, keeping what it changed: for
   * an edit that follows from the last one (the change entry a new
   * version adds), so that one undo takes back both.
   */
  amend(value: T): Entry<T> {
    this.entries.length = this.index + 1;
    const top = this.entries[this.index];
    this.entries[this.index] = { ...top, value, id: this.nextId++ };
    return this.entries[this.index];
  }

  /** Steps back; returns the entry now current and the pointer the undone edit changed. */
  undo(): (Entry<T> & { changed: string | null }) | null {
    if (!this.canUndo) return null;
    const changed = this.current.ptr;
    this.index -= 1;
    return { ...this.current, changed };
  }

  /** Steps forward; returns the entry now current and the pointer the redone edit changed. */
  redo(): (Entry<T> & { changed: string | null }) | null {
    if (!this.canRedo) return null;
    this.index += 1;
    return { ...this.current, changed: this.current.ptr };
  }

  /** The pointer the next undo would change back. */
  get undoPtr(): string | null {
    return this.canUndo ? this.current.ptr : null;
  }

  /** The pointer the next redo would change again. */
  get redoPtr(): string | null {
    return this.canRedo ? this.entries[this.index + 1].ptr : null;
  }

  reset(value: T): Entry<T> {
    this.entries = [{ value, key: null, ptr: null, at: 0, id: this.nextId++ }];
    this.index = 0;
    return this.current;
  }
}
