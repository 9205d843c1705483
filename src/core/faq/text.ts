// AUTO-4: how buyer text and FAQ text are turned into comparable terms. Lower-cased, accents and
// emoji dropped, split into words, stop words removed, lightly stemmed, and mapped through a
// small list of e-commerce synonyms to one concept each ("delivery", "postage", "envío" -> ship).
// No model, no download: the whole vocabulary of meaning lives in the lists below.

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

/** Words that say nothing about which FAQ is meant (English, Spanish, Indonesian). */
const STOP_WORDS = new Set(
  `a an the and or but if of to in on at by for from with about as into is are was were be been being am do does did doing done
  have has had having i me my mine we our us you your yours he she it its they them their this that these those there here
  what which who whom whose when where why how can could would should will shall may might must just also too very so
  please pls plz thanks thank thx hi hello hey hiya ok okay yes no not dont doesnt didnt cant cannot isnt wont im ive id
  any some get got getting want wanted need like know tell let one thing things stuff anything something much many
  still yet now then than only really again else ever usually normally exactly possible there s t u ur
  el la los las un una unos unas de del al y o que en por para con es son se su sus mi mis tu lo le les me te nos
  como cuando donde cual puedo puede pueden quiero hay hola gracias favor si tiene tienen esta este esto
  yang dan di ke dari untuk dengan ini itu apa apakah bisa bisakah saya aku kami kamu anda ada tidak mau berapa
  bagaimana kapan mana halo terima kasih tolong dong ya sudah harus pakai`.split(/\s+/).filter(Boolean),
);

/**
 * Synonyms and translations of common shop terms, each mapped to one concept. Keys are
 * normalised, unstemmed words; several words may share a concept. Multi-word phrases are in
 * PHRASES (matched before splitting).
 */
const CONCEPTS: Record<string, string> = {};
function concept(name: string, words: string): void {
  for (const word of words.split(/\s+/).filter(Boolean)) CONCEPTS[word] = name;
}
concept("ship", "ship ships shipped shipping shiping deliver delivers delivered delivery deliveries postage post posted send sent sending dispatch dispatched envio envios enviar envian enviais entrega entregas kirim pengiriman dikirim ongkir");
concept("package", "package packages parcel parcels box boxes paquete paquetes paket");
concept("arrive", "arrive arrives arrived arriving arrival expect expected come comes coming llega llegar llegan sampai tiba");
concept("cost", "cost costs price prices priced fee fees charge charges charged pay paid cuesta cuestan costo precio harga biaya ongkos");
concept("free", "free gratis gratuito gratuita");
concept("time", "long days day time tiempo tarda tardan lama hari weeks week quickly fast soon");
concept("return", "return returns returned returning devolver devolucion devoluciones retur mengembalikan kembalikan");
concept("refund", "refund refunds refunded reimburse reimbursement reembolso reembolsos dikembalikan pengembalian");
concept("money", "money dinero uang");
concept("exchange", "exchange exchanges swap swapped replace cambiar cambio tukar menukar");
concept("cancel", "cancel cancels cancelled canceled cancellation cancelar cancelacion membatalkan batal batalkan");
concept("order", "order orders ordered ordering purchase purchases bought buy pedido pedidos orden compra pesanan pesan beli membeli");
concept("damaged", "damaged damage broken broke defective faulty crushed cracked roto rota danado defectuoso rusak");
concept("wrong", "wrong incorrect different equivocado incorrecto salah");
concept("missing", "missing incomplete lost falta faltan hilang kurang");
concept("warranty", "warranty warrenty waranty guarantee guaranty garantia garansi");
concept("payment", "payment payments paying pago pagar pagos bayar pembayaran");
concept("card", "card cards tarjeta tarjetas kartu credit debit visa mastercard amex");
concept("paypal", "paypal");
concept("cash", "cash cod efectivo tunai");
concept("instalment", "instalment instalments installment installments klarna split monthly parts cuotas plazos cicilan");
concept("secure", "secure safe safety security seguro aman");
concept("invoice", "invoice invoices receipt receipts factura recibo faktur kwitansi");
concept("size", "size sizes sizing talla tallas ukuran measurements medidas");
concept("fit", "fit fits fitting tight loose");
concept("small", "small smaller pequeno kecil");
concept("large", "large big bigger larger grande besar");
concept("stock", "stock restock restocked restocking instock inventory agotado stok");
concept("soldout", "soldout unavailable");
concept("discount", "discount discounts coupon coupons promo voucher vouchers code codes descuento cupon diskon kupon");
concept("gift", "gift gifts present presents regalo regalos hadiah");
concept("wrap", "wrap wrapping wrapped envolver bungkus");
concept("material", "material materials fabric fabrics cotton made tela bahan");
concept("wash", "wash washing washed machine tumble dry clean lavar cuci");
concept("account", "account register registration signup sign cuenta akun");
concept("password", "password login log contrasena kata sandi");
concept("newsletter", "newsletter newsletters email emails marketing unsubscribe subscribe");
concept("cheaper", "cheaper cheap lower match matching barato murah");
concept("store", "store stores shop shops physical visit person tienda toko");
concept("hours", "hours open opening close closing horario jam buka");
concept("support", "support service customer atencion layanan");
concept("packaging", "packaging eco recyclable recycled plastic embalaje kemasan");
concept("preorder", "preorder preorders preordering");
concept("international", "international internationally abroad overseas country countries outside foreign extranjero internacional luar negeri");
// Country names a buyer asks about ("do you ship to Germany?") all mean "abroad" to an FAQ.
concept("international", "germany france spain italy uk britain england ireland canada mexico usa america australia japan china india brazil netherlands belgium sweden norway denmark poland austria switzerland portugal singapore malaysia indonesia philippines thailand vietnam korea argentina chile colombia peru alemania francia espana italia mexico canada japon jerman perancis jepang malaysia singapura");
concept("express", "express tomorrow urgent urgently nextday faster rapido cepat");
concept("track", "track tracking trace follow rastrear seguimiento lacak resi");
concept("courier", "courier couriers carrier carriers company ups dhl fedex mensajeria kurir ekspedisi");
concept("address", "address adress addres direccion alamat");
concept("change", "change changing update updated edit fix modify");
concept("pickup", "pickup collect collection locker lockers recoger ambil");
concept("weekend", "weekend weekends saturday saturdays sunday sundays sabado domingo sabtu minggu");
concept("pobox", "pobox");
concept("assemble", "assemble assembled assembly build built montado montar dirakit rakit");

/** Phrases turned into one word before the split (normalised text, whole words). */
const PHRASES: Array<[RegExp, string]> = [
  [/\bp ?o ?box(es)?\b|\bpost office box(es)?\b/g, " pobox "],
  [/\bsold out\b|\bout of stock\b/g, " soldout "],
  [/\bsend (it |them |this |something |an item |the item )?back\b/g, " return "],
  [/\bmoney back\b/g, " refund money "],
  [/\bpre ?orders?\b|\bpre ?ordering\b/g, " preorder "],
  [/\bnext ?day\b/g, " nextday "],
  [/\bbuy now pay later\b/g, " instalment "],
  [/\bcash on delivery\b|\bbayar di tempat\b|\bcontra ?reembolso\b/g, " cash "],
  [/\bgift ?cards?\b|\btarjetas? de regalo\b|\bkartu hadiah\b/g, " gift card "],
  [/\bsign up\b/g, " account "],
  [/\bgets? here\b/g, " arrive "],
  [/\blog ?in\b/g, " password "],
  [/\bin person\b|\breal life\b/g, " store "],
  [/\bongkos kirim\b/g, " ship cost "],
];

/** Very light English stemming: enough to join "returns"/"returned", not a real stemmer. */
export function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  if (word.endsWith("ies") && word.length > 5) return `${word.slice(0, -3)}y`;
  if (word.endsWith("ing") && word.length > 6) return word.slice(0, -3);
  if (word.endsWith("ed") && word.length > 5) return word.slice(0, -2);
  if (word.endsWith("es") && /(ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) return word.slice(0, -1);
  return word;
}

/** One normalised word as a term: its concept when it has one, else its stem. */
export function termOf(word: string): string {
  return CONCEPTS[word] ?? CONCEPTS[stem(word)] ?? stem(word);
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
  return word in CONCEPTS;
}

/** Every word the synonym list knows (typo correction also looks here). */
export function conceptWords(): string[] {
  return Object.keys(CONCEPTS);
}

/** Damerau-free Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
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
