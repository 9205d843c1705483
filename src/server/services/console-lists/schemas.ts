// Query and body schemas of the console list routes (zod: HTTP 400 with field errors).
import { z } from "zod";
import { safeLine } from "@/shared/zod-primitives";
import { CATEGORY_FILTERS, CONSOLE_LISTS, SORT_ORDERS, STATUS_FILTERS } from "@/core/console";
import { LIST_PAGE_SIZE, LIST_PAGE_SIZE_MAX } from "./list-chats";

export const ListQuerySchema = z.object({
  list: z.enum(CONSOLE_LISTS, "Choose assigned, unassigned, all or history."),
  status: z.enum(STATUS_FILTERS, "Choose overdue, due_soon, unreplied, unread, starred or closed.").optional(),
  category: z.enum(CATEGORY_FILTERS, "Choose all, pre_purchase, logistics or after_sales.").default("all"),
  sort: z.enum(SORT_ORDERS, "Choose waiting_time or latest.").optional(),
  cursor: safeLine().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(LIST_PAGE_SIZE_MAX).default(LIST_PAGE_SIZE),
});

export const CountsQuerySchema = z.object({
  category: z.enum(CATEGORY_FILTERS, "Choose all, pre_purchase, logistics or after_sales.").default("all"),
});

export const SearchQuerySchema = z.object({
  q: safeLine().trim().min(2, "Type at least 2 characters.").max(100, "At most 100 characters."),
});

export const PreferencesBodySchema = z.object({
  sortOrder: z.enum(SORT_ORDERS, "Choose waiting_time or latest."),
}).strict();
