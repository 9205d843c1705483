// ANALYTICS-4: days are the shop's days. "Today", the presets and every daily bucket are
// calendar days in the shop's IANA time zone, so a chat at 23:30 in Jakarta counts on the
// Jakarta day whatever the server's zone (chatwoot #4028 buckets in UTC). Intl is the only
// time-zone database a pure module may use; it ships with Node and every browser.

/** A calendar day in the shop's zone, `YYYY-MM-DD`. */
export type LocalDay = string;

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when Intl knows the zone (a shop setting is validated with this). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(ms: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** The zone's offset from UTC at an instant, in ms (positive east of Greenwich). */
function offsetMs(ms: number, timeZone: string): number {
  const wall = wallClock(ms, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The shop day an instant falls on. */
export function localDayOf(ms: number, timeZone: string): LocalDay {
  const wall = wallClock(ms, timeZone);
  return `${String(wall.year).padStart(4, "0")}-${String(wall.month).padStart(2, "0")}-${String(wall.day).padStart(2, "0")}`;
}

function parseDay(day: LocalDay): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`Not a day: ${day}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** The day `count` days after `day` (negative goes back); calendar arithmetic, no zone. */
export function addDays(day: LocalDay, count: number): LocalDay {
  const { year, month, day: date } = parseDay(day);
  return new Date(Date.UTC(year, month - 1, date + count)).toISOString().slice(0, 10);
}

/**
 * The first instant of a shop day. Where a DST change skips local midnight (for example
 * America/Santiago or Asia/Beirut), the day starts at the first instant that exists.
 */
export function startOfLocalDay(day: LocalDay, timeZone: string): number {
  const key = `${timeZone}|${day}`;
  const known = dayStarts.get(key);
  if (known !== undefined) return known;
  const start = computeStartOfLocalDay(day, timeZone);
  // A year's dashboard asks for 730 day starts on every refresh; zone rules do not change while
  // the process runs, so each is computed once (bounded: cleared when it grows large).
  if (dayStarts.size >= MAX_CACHED_DAY_STARTS) dayStarts.clear();
  dayStarts.set(key, start);
  return start;
}

const MAX_CACHED_DAY_STARTS = 100_000;
const dayStarts = new Map<string, number>();

function computeStartOfLocalDay(day: LocalDay, timeZone: string): number {
  const { year, month, day: date } = parseDay(day);
  const midnightAsUtc = Date.UTC(year, month - 1, date);
  // Two passes settle the offset across a change; then step forward if the guess lies before
  // the day (midnight did not exist) or back if an earlier instant of the same day exists.
  let guess = midnightAsUtc - offsetMs(midnightAsUtc, timeZone);
  guess = midnightAsUtc - offsetMs(guess, timeZone);
  // The usual case: local midnight exists and the guess is it (the instant before is the day before).
  if (localDayOf(guess, timeZone) === day && localDayOf(guess - 1, timeZone) < day) return guess;
  while (localDayOf(guess, timeZone) < day) guess += 15 * 60_000;
  while (localDayOf(guess - 15 * 60_000, timeZone) === day) guess -= 15 * 60_000;
  // Offsets are whole minutes; find the exact first instant within the last 15 minutes.
  let low = guess - 15 * 60_000;
  let high = guess;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (localDayOf(middle, timeZone) === day) high = middle;
    else low = middle;
  }
  return high;
}

/** A half-open interval of instants `[fromMs, toMs)` covering whole shop days. */
export interface DayRange {
  firstDay: LocalDay;
  lastDay: LocalDay;
  fromMs: number;
  toMs: number;
}

export function dayRange(firstDay: LocalDay, lastDay: LocalDay, timeZone: string): DayRange {
  if (lastDay < firstDay) throw new RangeError("The range ends before it starts.");
  return { firstDay, lastDay, fromMs: startOfLocalDay(firstDay, timeZone), toMs: startOfLocalDay(addDays(lastDay, 1), timeZone) };
}

/** Every day of a range, in order. */
export function daysOf(range: Pick<DayRange, "firstDay" | "lastDay">): LocalDay[] {
  const days: LocalDay[] = [];
  for (let day = range.firstDay; day <= range.lastDay; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * The first instant of each day of a range, in order: day i is [starts[i], starts[i + 1]) and
 * the last one ends at range.toMs. One zone conversion per day instead of one per fact.
 */
export function dayStartsOf(range: DayRange, timeZone: string): number[] {
  return daysOf(range).map((day, index) => (index === 0 ? range.fromMs : startOfLocalDay(day, timeZone)));
}

export type RangePreset = "today" | "7d" | "30d";

/**
 * The presets end today (the shop's today, including the part still to come) and span whole
 * days: "7d" is today and the six days before it, as ANALYTICS-1's "last 7 days" on the seed.
 */
export function presetRange(preset: RangePreset, nowMs: number, timeZone: string): DayRange {
  const today = localDayOf(nowMs, timeZone);
  const length = preset === "today" ? 1 : preset === "7d" ? 7 : 30;
  return dayRange(addDays(today, 1 - length), today, timeZone);
}

/** The range of the same length just before this one, for "change against the previous period". */
export function previousRange(range: DayRange, timeZone: string): DayRange {
  const length = daysOf(range).length;
  return dayRange(addDays(range.firstDay, -length), addDays(range.firstDay, -1), timeZone);
}

export const MS_PER_DAY = DAY_MS;
