export { listChats, LIST_PAGE_SIZE, LIST_PAGE_SIZE_MAX, type ListChatsInput } from "./list-chats";
export { countStatuses, CLOSED_COUNT_CAP, type CountStatusesInput } from "./count-statuses";
export { searchChats, containsPattern, SEARCH_RESULT_LIMIT, MESSAGE_SEARCH_MIN_LENGTH, type SearchChatsInput } from "./search-chats";
export { getConsolePreferences, setSortOrder } from "./sort-preference";
export { ListQuerySchema, CountsQuerySchema, SearchQuerySchema, PreferencesBodySchema } from "./schemas";
export { parseSearchParams } from "./parse-query";
