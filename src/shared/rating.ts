// CHAT-7: how long the comment a buyer may write with a rating can be (the widget and the server agree).
export const RATING_COMMENT_MAX = 500;
