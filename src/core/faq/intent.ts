// AUTO-4: messages that must never get an automatic FAQ answer, and the language of a text.
// An FAQ answers general questions; "where is my order #123" needs the buyer's own order data and
// "let me talk to a person" asks for a person. Both are detected in English, Spanish and
// Indonesian (the languages the benchmark covers), on accent-free lower-case text.
import { normalizeText } from "@/core/faq/text";

export type AutoSendBlock = "order_data" | "person";

const ORDER_DATA: RegExp[] = [
  // English: "my order", "my package", "order #123", "order number 55", "where is my ..."
  /\bmy (last |recent |latest |current )?(order|orders|package|parcel|delivery|purchase|shipment|refund|tracking)\b/,
  /\b(order|parcel|package|tracking|shipment)( number| no| id)? ?#? ?\d{3,}\b/,
  /#\s?\d{3,}/,
  /\border (number|no|id)\b/,
  /\bwheres? (is |are )?my\b/,
  /\b(status|progress) of (my|the) (order|package|parcel|delivery|shipment)\b/,
  /\b(has|did|have) my \w+( \w+)? (ship|shipped|arrive|arrived|been)\b/,
  /\b(refund|cancel|track|return) (my|the) (order|purchase|parcel|package)\b/,
  /\brefund my\b/,
  // Spanish: "mi pedido", "mi paquete", "dónde está mi ..."
  /\b(mi|mis) (pedido|pedidos|orden|paquete|envio|compra|reembolso|devolucion)\b/,
  /\bdonde (esta|estan) mi/,
  /\b(pedido|orden) (numero |n |no )?#? ?\d{3,}\b/,
  // Indonesian: "pesanan saya", "paket saya", "pesananku", "di mana pesanan"
  /\b(pesanan|paket|orderan|order|kiriman|barang|refund|resi) (saya|aku|gue|gw)\b/,
  /\b(pesananku|paketku|orderanku|kirimanku)\b/,
  /\b(di ?mana|dimana) (pesanan|paket|kiriman|orderan|barang)/,
];

const PERSON: RegExp[] = [
  // English
  /\b(human|humans|real person|a person|live person|live agent|an agent|real agent|representative|operator|someone real|somebody real)\b/,
  /\b(talk|speak|chat) (to|with) (a |an |your |the |some )?(human|person|agent|someone|somebody|manager|staff|representative|operator|people)\b/,
  /\b(your|the|a) manager\b/,
  /\bi need (an? )?(agent|person|human)\b/,
  // Spanish
  /\b(hablar|comunicarme|chatear) con (una |un |el |la |alguien|algun)?(persona|humano|agente|asesor|operador|encargado|gerente)?/,
  /\b(persona real|ser humano|un humano|un agente|un asesor|un operador)\b/,
  // Indonesian
  /\b(bicara|berbicara|ngobrol|bicara|hubungi|sambungkan)( dengan| ke| sama)? (manusia|orang|agen|admin|cs|operator|petugas)\b/,
  /\b(manusia asli|orang asli|agen manusia|customer service asli)\b/,
  /\bmau (sama )?(admin|cs|manusia|orang)\b/,
];

/** Why a message must not be answered automatically, or null when an FAQ answer may be sent. */
export function autoSendBlock(text: string): AutoSendBlock | null {
  const normalized = ` ${normalizeText(text)} `.replace(/\s+/g, " ");
  // Keep `#` next to digits ("#4521") visible to the order-number pattern.
  if (PERSON.some((pattern) => pattern.test(normalized))) return "person";
  if (ORDER_DATA.some((pattern) => pattern.test(normalized))) return "order_data";
  return null;
}

export type DetectedLanguage = "en" | "es" | "id" | "unknown";

const LANGUAGE_WORDS: Record<Exclude<DetectedLanguage, "unknown">, Set<string>> = {
  en: new Set("the is are do does can how what when where which my your you i it to of and for with have is there will would".split(" ")),
  es: new Set("el la los las es son de del que como cuando donde cual puedo puede mi mis tu su para con por un una hay esta quiero cuanto cuanta tarda envio".split(" ")),
  id: new Set("yang dan di ke dari untuk dengan ini itu apa apakah bisa bisakah saya aku kami kamu anda ada tidak mau berapa bagaimana kapan mana tolong sudah barang pesanan".split(" ")),
};

/** The language of a short text by its function words; "unknown" when there is no evidence. */
export function detectLanguage(text: string): DetectedLanguage {
  const raw = text.toLowerCase();
  const words = normalizeText(text).split(" ").filter(Boolean);
  const counts = { en: 0, es: 0, id: 0 };
  for (const word of words) {
    for (const language of ["en", "es", "id"] as const) if (LANGUAGE_WORDS[language].has(word)) counts[language]++;
  }
  // Spanish marks its questions and accents; English never writes them.
  if (/[¿¡ñáéíóú]/.test(raw)) counts.es += 2;
  const best = (Object.entries(counts) as Array<[Exclude<DetectedLanguage, "unknown">, number]>).sort((a, b) => b[1] - a[1]);
  if (best[0]![1] === 0) return "unknown";
  if (best[0]![1] === best[1]![1]) return "unknown";
  return best[0]![0];
}
