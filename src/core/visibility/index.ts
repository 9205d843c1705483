export { canSeeConversation, canSeeSession, isInAudience, isListedFor, liveAudience, type LiveAudience, type SessionVisibilityFacts, type Viewer, type VisibleState } from "./chat-visibility";
