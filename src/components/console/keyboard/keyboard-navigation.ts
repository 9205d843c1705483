// NF-5: a chat opened with J or K keeps the focus where the keyboard user is, so that the next
// J moves on; a chat opened with a click puts the cursor in the reply box as before. The J/K
// handler notes the navigation; the composer's open-time focus consumes the note.

const NOTE_LIFETIME_MS = 1_000;
let notedAt = 0;

export function noteKeyboardNavigation(): void {
  notedAt = Date.now();
}

/** True once after a J/K navigation (within a second), then false until the next one. */
export function consumeKeyboardNavigation(): boolean {
  const isRecent = Date.now() - notedAt < NOTE_LIFETIME_MS;
  notedAt = 0;
  return isRecent;
}
