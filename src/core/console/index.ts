export * from "./types";
export { computeSlaBoundaries, nextCountChangeAt, type SlaBoundaries } from "./sla-buckets";
export { belongsToList, isClosedState, listsFor, type ListViewer, type ListedSession } from "./list-membership";
export { findMatches, highlightMatches } from "./highlight";
