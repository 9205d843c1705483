// AUTO-4: how buyer text and FAQ text are turned into comparable terms, the same way on both
// sides. Lower-cased, accents and emoji dropped, general phrases and question intents joined
// ("how long" -> time, "how do I" -> procedure), split into words, general stop words removed,
// irregular English forms lemmatised ("bought" -> buy), Porter2-stemmed (wink-porter2-stemmer:
// "deliveries", "delivered" -> "deliv"), and mapped through a list of general commerce synonyms
// to one concept each ("delivery", "postage", "envío" -> ship). The lists hold only vocabulary
// every web shop shares (ordering, paying, delivery, returns, accounts, service); what is
// distinctive in one shop's library is found from the library itself (idf, see score.ts).
// No model, no download.
import porter2 from "wink-porter2-stemmer";

/** Lower case, accents removed (NFKD), everything but letters, digits, `#` and spaces blanked. */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’`]/g, "")
    .replace(/[^\p{L}\p{N}#]+/gu, " ")
    .trim();
}

/**
 * Words that say nothing about which FAQ is meant: English function words and the fillers of
 * chat messages ("hi", "wondering", "please"), and the same for Spanish and Indonesian. Question
 * words ("how", "when", "can") are here too: the intents they carry are kept as phrases first
 * (INTENT_PHRASES), so "how long" still says *time* after "how" and "long" are dropped.
 */
const STOP_WORDS = new Set(
  `a an the and or but if of to in on at by for from with about as into onto over under is are was were be been being am do does did doing done
  have has had having i me my mine myself we our ours us you your yours he him his she her it its they them their this that these those there here
  what which who whom whose when where why how can could would should will shall may might must just also too very so
  please pls plz thanks thank thx ty hi hello hey hiya dear sir madam team guys folks ok okay yes yeah no not dont doesnt didnt cant cannot couldnt isnt arent wasnt wont wouldnt shouldnt havent hasnt im ive id ill youre
  any some get gets got getting gotten want wants wanted wanna need needs needed like know tell let one thing things stuff anything something everything much many
  still yet now then than only really again else ever usually normally exactly possible able allowed kind kindly quick quickly question questions query
  wondering wonder wondered curious ask asking asked regarding info information help please maybe perhaps actually basically sure way ways
  until till before after during while since within every each all own
  s t u ur ya pm am etc
  el la los las un una unos unas de del al y o que en por para con es son se su sus mi mis tu lo le les me te nos
  como cuando donde cual puedo puede pueden quiero hay hola gracias favor si tiene tienen esta este esto
  yang dan di ke dari untuk dengan ini itu apa apakah bisa bisakah saya aku kami kamu anda ada tidak mau berapa
  bagaimana kapan mana halo terima kasih tolong dong ya sudah harus pakai`.split(/\s+/).filter(Boolean),
);
// "quickly" is both filler ("a quick question") and speed; speed comes through "how quickly" and
// "fast"/"express" below, so the bare word stays a stop word.

/** Irregular English forms the stemmer cannot join to their base word. */
const IRREGULAR: Record<string, string> = {
  bought: "buy", sent: "send", paid: "pay", broke: "break", came: "come", gave: "give", given: "give", took: "take", taken: "take",
  brought: "bring", found: "find", lost: "lose", sold: "sell", chose: "choose", chosen: "choose", kept: "keep", left: "leave",
  wore: "wear", worn: "wear", went: "go", gone: "go", told: "tell", thought: "think", spent: "spend", shipt: "ship", children: "child",
  men: "man", women: "woman", feet: "foot",
};

/**
 * General commerce synonyms and their Spanish and Indonesian words, each mapped to one concept.
 * Looked up by the normalised word and by its Porter2 stem, so inflections come free.
 */
const CONCEPTS: Record<string, string> = {};
const CONCEPT_WORDS = new Set<string>();
function concept(name: string, words: string): void {
  for (const word of words.split(/\s+/).filter(Boolean)) {
    CONCEPT_WORDS.add(word);
    CONCEPTS[word] ??= name;
    CONCEPTS[stem(word)] ??= name;
  }
}

/** Porter2 stem of a normalised word (digits and very short words kept as they are); cached. */
const stems = new Map<string, string>();
export function stem(word: string): string {
  if (word.length <= 3 || /[\d_#]/.test(word)) return word;
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = porter2(word);
    if (stems.size < 50_000) stems.set(word, stemmed);
  }
  return stemmed;
}

// Ordering, paying and prices.
concept("order", "order orders ordered ordering purchase purchases purchased buy buying bought pedido pedidos orden compra comprar pesanan pesan beli membeli");
concept("item", "item items product products article articles goods merchandise producto productos articulo barang produk");
concept("cost", "cost costs price prices priced pricing fee fees charge charges charged rate rates expensive cuesta cuestan costo precio harga biaya ongkos");
concept("free", "free gratis gratuito gratuita complimentary");
concept("cheaper", "cheaper cheap lower match matching barato murah");
concept("discount", "discount discounts coupon coupons promo promotion voucher vouchers code codes descuento cupon diskon kupon potongan");
concept("payment", "payment payments pay paying pago pagar pagos bayar pembayaran");
concept("card", "card cards tarjeta tarjetas kartu credit debit visa mastercard amex");
concept("paypal", "paypal");
concept("cash", "cash cod efectivo tunai");
concept("instalment", "instalment instalments installment installments klarna split monthly finance financing cuotas plazos cicilan");
concept("secure", "secure safe safety security seguro aman");
concept("invoice", "invoice invoices receipt receipts bill factura recibo faktur kwitansi");
concept("customs", "customs duty duties import tariff aduana bea cukai");
// Delivery.
concept("ship", "ship ships shipped shipping shipment shipments deliver delivers delivered delivery deliveries postage post posted mail send sends sending dispatch dispatched envio envios enviar envian entrega entregas kirim pengiriman dikirim ongkir");
concept("package", "package packages parcel parcels box boxes paquete paquetes paket");
concept("arrive", "arrive arrives arrived arriving arrival expect expected come comes coming receive received reach llega llegar llegan recibir recibo sampai tiba terima");
concept("time", "long days day time times hours weeks week soon fast tiempo tarda tardan demora lama hari minggu");
concept("international", "international internationally abroad overseas country countries outside foreign worldwide extranjero internacional luar negeri");
// Country names a buyer asks about ("do you ship to Germany?") all mean "abroad" to an FAQ.
concept("international", "germany france spain italy uk britain england ireland canada mexico usa america australia japan china india brazil netherlands belgium sweden norway denmark poland austria switzerland portugal singapore malaysia indonesia philippines thailand vietnam korea argentina chile colombia peru alemania francia espana italia japon jerman perancis jepang singapura");
concept("express", "express tomorrow urgent urgently nextday faster rapido cepat kilat");
concept("track", "track tracking trace follow rastrear seguimiento lacak resi");
concept("courier", "courier couriers carrier carriers company ups dhl fedex mensajeria kurir ekspedisi");
concept("address", "address adress addres direccion alamat");
concept("pickup", "pickup collect collection locker lockers recoger ambil");
concept("weekend", "weekend weekends saturday saturdays sunday sundays sabado domingo sabtu");
concept("pobox", "pobox");
concept("packaging", "packaging eco recyclable recycled plastic embalaje kemasan");
// After a sale.
concept("return", "return returns returned returning devolver devolucion devoluciones retur mengembalikan kembalikan");
concept("refund", "refund refunds refunded reimburse reimbursement reembolso reembolsos dikembalikan pengembalian");
concept("money", "money dinero uang");
concept("exchange", "exchange exchanges swap swapped replace replacement cambiar cambio tukar menukar");
concept("cancel", "cancel cancels cancelled canceled cancellation cancelar cancelacion membatalkan batal batalkan");
concept("change", "change changing update updated edit modify alter amend correct");
concept("damaged", "damaged damage broken break defective faulty malfunction crushed cracked dented scratched torn roto rota danado defectuoso rusak");
concept("wrong", "wrong incorrect different equivocado incorrecto salah");
concept("missing", "missing incomplete lost falta faltan hilang kurang");
concept("policy", "policy policies rule rules condition conditions terms politica kebijakan");
concept("warranty", "warranty warrenty waranty guarantee guaranty garantia garansi");
concept("repair", "repair repairs repaired fix fixed reparar reparacion perbaikan servis");
// Products in general (no product domain's own words).
concept("size", "size sizes sizing dimension dimensions measurement measurements measure talla tallas medida medidas ukuran");
concept("fit", "fit fits fitting");
concept("small", "small smaller pequeno kecil");
concept("large", "large big bigger larger grande besar");
concept("color", "color colors colour colours colored coloured");
concept("material", "material materials fabric made material materiales bahan");
concept("care", "care clean cleaning wash washing maintain maintenance limpiar lavar cuci");
concept("stock", "stock stocks restock restocked restocking instock inventory agotado stok");
concept("soldout", "soldout unavailable");
concept("assemble", "assemble assembled assembly montado montar dirakit rakit");
concept("preorder", "preorder preorders preordering");
concept("gift", "gift gifts present presents regalo regalos hadiah");
concept("wrap", "wrap wrapping wrapped envolver bungkus");
// The shop and its service.
concept("account", "account accounts register registration signup cuenta akun");
concept("password", "password login contrasena sandi");
concept("newsletter", "newsletter newsletters email emails marketing unsubscribe subscribe");
concept("store", "store stores shop shops physical visit showroom tienda toko");
concept("hours", "hours open opening close closing horario buka");
concept("support", "support service customer contact atencion layanan");
// Question intents (INTENT_PHRASES produces these; listed so typo correction leaves them alone).
concept("q_how", "q_how steps process procedure instructions");
concept("q_can", "q_can");
concept("q_offer", "q_offer");
concept("q_where", "q_where");
concept("q_why", "q_why");

/**
 * General phrases and question intents, turned into one word before the split (normalised text,
 * whole words, applied in this order). An intent word ("q_how") is a term like any other: the
 * library's idf says how much it tells apart ("can I return" and "how do I return" are often
 * two entries, policy and procedure).
 */
const PHRASES: Array<[RegExp, string]> = [
  [/\bp ?o ?box(es)?\b|\bpost office box(es)?\b/g, " pobox "],
  [/\bsold out\b|\bout of stock\b/g, " soldout "],
  [/\bback in stock\b/g, " stock "],
  [/\bnot (everything|all)\b/g, " missing "],
  [/\breturn (window|period|policy)\b/g, " return policy "],
  [/\b((have|need|got) to|must|do i|will i) pay( for| extra)?\b|\bpay (for|extra)\b/g, " cost "],
  [/\b(send|bring|take|give) (it |them |this |that |something |an item |the item |the product |a product )?back\b/g, " return "],
  [/\bmoney back\b/g, " refund money "],
  [/\bpre ?orders?\b|\bpre ?ordering\b/g, " preorder "],
  [/\bnext ?day\b|\bsame ?day\b/g, " nextday "],
  [/\bbuy now pay later\b/g, " instalment "],
  [/\bcash on delivery\b|\bbayar di tempat\b|\bcontra ?reembolso\b/g, " cash "],
  [/\bgift ?cards?\b|\btarjetas? de regalo\b|\bkartu hadiah\b/g, " gift card "],
  [/\bsign up\b/g, " account "],
  [/\b(gets?|got|come|comes) here\b|\b(shows?|turns?) up\b|\bget to (me|us)\b/g, " arrive "],
  [/\blog ?in\b|\bsign ?in\b/g, " password "],
  [/\bin person\b|\breal life\b/g, " store "],
  [/\bfree of charge\b|\bno charge\b|\bfor free\b/g, " free "],
  [/\b(stopped|stops|not|doesnt|does not|dont|wont|will not) (working|work|turn on|switch on|start)\b(?! with)/g, " damaged "],
  [/\bput together\b|\bset up\b/g, " assemble "],
  [/\bongkos kirim\b/g, " ship cost "],
  [/\bluar negeri\b/g, " international "],
  // Question intents, English.
  [/\bhow (much|many) (time|days?|weeks?|hours?|months?)\b/g, " time "],
  [/\bhow (long|soon|fast|quickly)\b|\bwhen\b/g, " time "],
  [/\bhow much\b/g, " cost "],
  [/\bhow (do|can|could|should|would|does) (i|we|you|one)\b|\bhow to\b|\bwhat (are|is) the (steps|process|procedure)\b/g, " q_how "],
  [/\b(can|could|may|might) (i|we)\b|\bis it (possible|ok|okay|allowed)\b|\bam i (able|allowed)\b|\bis there (a|any) way\b/g, " q_can "],
  [/\b(do|can|could|will|would) (you|u|ya)( guys)?\b|\bdoes (your|the) (shop|store)\b|\b(is|are) there\b/g, " q_offer "],
  [/\bwhere\b/g, " q_where "],
  [/\bwhy\b/g, " q_why "],
  // Spanish and Indonesian.
  [/\bcuanto (tiempo|tarda|tardan|demora)\b|\bcuando\b|\bberapa lama\b|\bkapan\b/g, " time "],
  [/\bcomo\b|\bbagaimana( cara)?\b|\bcaranya\b/g, " q_how "],
  [/\bpuedo\b|\bse puede\b|\bpodria\b|\bbisa(kah)? (saya|aku|kami)\b|\bboleh(kah)?\b/g, " q_can "],
  [/\bdonde\b|\bdi ?mana\b/g, " q_where "],
];

/** Indonesian clitics ("garansinya", "bisakah") hide a word the list knows. */
function withoutClitic(word: string): string | null {
  const match = /^(\p{L}{4,}?)(nya|kah|lah|ku|mu)$/u.exec(word);
  return match && CONCEPT_WORDS.has(match[1]!) ? match[1]! : null;
}

/** One normalised word as a term: its concept when it has one, else its Porter2 stem. */
export function termOf(word: string): string {
  const direct = CONCEPTS[word];
  if (direct) return direct;
  const lemma = IRREGULAR[word] ?? withoutClitic(word) ?? word;
  const stemmed = stem(lemma);
  return CONCEPTS[lemma] ?? CONCEPTS[stemmed] ?? stemmed;
}

/** An intent word made by INTENT_PHRASES (not a word of the text: no trigrams, no typo fixing). */
export function isIntentTerm(word: string): boolean {
  return word.startsWith("q_");
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** The normalised words of a text with phrases joined, stop words kept (the caller decides). */
export function wordsOf(text: string): string[] {
  let normalized = ` ${normalizeText(text)} `;
  for (const [pattern, replacement] of PHRASES) normalized = normalized.replace(pattern, replacement);
  return normalized.split(" ").filter(Boolean);
}

/** The distinct meaningful terms of a text, in first-seen order. */
export function termsOf(text: string): string[] {
  const terms: string[] = [];
  for (const word of wordsOf(text)) {
    if (STOP_WORDS.has(word) || word.length < 2) continue;
    const term = termOf(word);
    if (!terms.includes(term)) terms.push(term);
  }
  return terms;
}

/** Whether a word is a known concept word (so typo correction leaves it alone). */
export function isConceptWord(word: string): boolean {
  return CONCEPT_WORDS.has(word) || word in CONCEPTS;
}

/** Every word the synonym list knows (typo correction also looks here). */
export function conceptWords(): string[] {
  return [...CONCEPT_WORDS].filter((word) => !isIntentTerm(word));
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment: "recieve" -> "receive"
 * is 1), stopping early once it exceeds `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[j - 2]! + 1);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** Character trigrams of a normalised string, padded like pg_trgm (two leading, one trailing space per word). */
export function trigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const word of text.split(" ").filter(Boolean)) {
    const padded = `  ${word} `;
    for (let index = 0; index + 3 <= padded.length; index++) grams.add(padded.slice(index, index + 3));
  }
  return grams;
}

/** pg_trgm's similarity: shared trigrams over all distinct trigrams of both, in [0, 1]. */
export function trigramSimilarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  return shared / (a.size + b.size - shared);
}
