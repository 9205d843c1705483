// AUTO-3, AUTO-4: what the FAQ routes answer, shared by the server and the settings page.
import type { FaqCategory } from "@/core/faq/entry";

export interface FaqEntryDto {
  id: string;
  category: FaqCategory;
  question: string;
  alternatives: string[];
  answer: string;
  createdAt: string;
  updatedAt: string;
}

export interface AutoSendSettingsDto {
  /** null: nothing is sent automatically. */
  autoSendThreshold: number | null;
  defaultThreshold: number;
}
