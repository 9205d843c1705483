// CONSOLE-8: the new-message sound, synthesised with WebAudio (no audio file to ship or load).
// Browsers only let a page make sound after the person interacted with it, so the audio
// context is created and resumed on the first click or key press in the console.

type AudioContextConstructor = typeof AudioContext;

let context: AudioContext | null = null;
let lastPlayedAt = 0;
const MIN_GAP_MS = 1_500;

function audioContextClass(): AudioContextConstructor | null {
  if (typeof window === "undefined") return null;
  return window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextConstructor }).webkitAudioContext ?? null;
}

function ensureContext(): AudioContext | null {
  if (context) return context;
  const Context = audioContextClass();
  if (!Context) return null;
  try {
    context = new Context();
  } catch {
    return null;
  }
  return context;
}

/** Call once: unlocks audio on the first interaction. Returns the cleanup. */
export function primeAudioOnInteraction(): () => void {
  const unlock = () => {
    const audio = ensureContext();
    if (audio?.state === "suspended") void audio.resume().catch(() => undefined);
    window.removeEventListener("pointerdown", unlock);
    window.removeEventListener("keydown", unlock);
  };
  window.addEventListener("pointerdown", unlock);
  window.addEventListener("keydown", unlock);
  return () => {
    window.removeEventListener("pointerdown", unlock);
    window.removeEventListener("keydown", unlock);
  };
}

/** A soft two-note chime, about a quarter of a second; bursts of messages chime once. */
export function playChime(now = Date.now()): boolean {
  if (now - lastPlayedAt < MIN_GAP_MS) return false;
  const audio = ensureContext();
  if (!audio) return false;
  if (audio.state === "suspended") void audio.resume().catch(() => undefined);
  lastPlayedAt = now;
  const start = audio.currentTime + 0.01;
  const notes: Array<[number, number]> = [[880, 0], [1318.5, 0.11]];
  for (const [frequency, offset] of notes) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = "sine";
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.18, start + offset + 0.015);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.22);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.25);
  }
  return true;
}
