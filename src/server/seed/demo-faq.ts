// The demo shop's FAQ library (AUTO-3), so that reply recommendations (AUTO-4) and, once an owner
// switches it on, the chatbot (AUTO-5) work out of the box: the questions a tea and teaware shop
// hears most, about the seed's own products (kettle, mugs, teas). Auto-send and the chatbot stay
// off in the seed; the console only suggests. demo-faq.test.ts checks every entry is one the
// CSV import would accept.
import type { FaqEntryInput } from "@/core/faq/entry";

export const DEMO_FAQ: readonly FaqEntryInput[] = [
  {
    externalId: "shipping-time",
    category: "logistics",
    question: "How long does delivery take?",
    alternatives: ["How many days is shipping", "When will my parcel arrive", "Delivery time", "How fast do you ship"],
    answer: "We ship within 1 working day. Standard delivery takes 3 to 5 working days, express 1 to 2. You get a tracking link by email as soon as the parcel leaves us.",
  },
  {
    externalId: "shipping-cost",
    category: "logistics",
    question: "How much does shipping cost?",
    alternatives: ["Is shipping free", "What is the delivery fee", "Free shipping over which amount", "Express shipping price"],
    answer: "Standard shipping is $4.90 and free on orders over $40. Express shipping is $9.90.",
  },
  {
    externalId: "international-shipping",
    category: "logistics",
    question: "Do you ship internationally?",
    alternatives: ["Do you deliver abroad", "Can you send to another country", "International delivery", "Do you ship to Europe"],
    answer: "Yes, to most countries in Europe, North America and Asia-Pacific. Delivery takes 7 to 14 working days; import duties, if any, are paid on delivery.",
  },
  {
    externalId: "return-policy",
    category: "after_sales",
    question: "What is your return policy?",
    alternatives: ["Can I return an item", "How do I send something back", "Refund policy", "Can I get my money back"],
    answer: "Unused teaware in its original packaging can be returned within 30 days for a full refund. Opened tea cannot be returned for hygiene reasons unless it is faulty. Write to us here and we send you a free return label.",
  },
  {
    externalId: "damaged-item",
    category: "after_sales",
    question: "My item arrived broken or damaged, what should I do?",
    alternatives: ["The mug arrived cracked", "Something was broken in the parcel", "Damaged in delivery", "I received a chipped cup"],
    answer: "We're sorry! Send us a photo of the item and the box in this chat within 7 days of delivery and we send a replacement or a refund right away. You don't need to return the broken piece.",
  },
  {
    externalId: "payment-methods",
    category: "pre_purchase",
    question: "Which payment methods do you accept?",
    alternatives: ["Can I pay with PayPal", "Do you take credit cards", "Payment options", "Can I pay with Apple Pay"],
    answer: "Visa, Mastercard, American Express, PayPal, Apple Pay and Google Pay. Your card is charged when the order ships.",
  },
  {
    externalId: "voucher-code",
    category: "pre_purchase",
    question: "How do I use a voucher code?",
    alternatives: ["Where do I enter a discount code", "My promo code does not work", "Can I combine two vouchers", "Coupon code"],
    answer: "Enter the code in the Voucher field at checkout and tap Apply. One voucher per order; vouchers can't be combined with sale prices, and each shows its minimum spend and expiry date.",
  },
  {
    externalId: "kettle-hob",
    category: "pre_purchase",
    question: "Can the cast-iron kettle be used on an induction hob?",
    alternatives: ["Is the cast-iron kettle suitable for induction", "Does the kettle work on a gas stove", "Can I put the kettle on the stove", "Cast iron kettle electric hob"],
    answer: "Yes: the 0.8 l cast-iron kettle works on gas, electric and induction hobs. Heat it on low to medium, never empty, and lift it with a cloth, as the handle gets hot.",
  },
  {
    externalId: "kettle-care",
    category: "after_sales",
    question: "How do I care for my cast-iron kettle?",
    alternatives: ["How to clean the cast iron kettle", "There is rust in the kettle", "Can the kettle go in the dishwasher", "Kettle care instructions"],
    answer: "Rinse it with hot water only (no soap, no dishwasher) and let it dry open on a warm hob. A little rust is harmless: brush it off, boil water with a spoon of tea leaves twice, and it seals again.",
  },
  {
    externalId: "mugs-dishwasher",
    category: "pre_purchase",
    question: "Are the mugs dishwasher and microwave safe?",
    alternatives: ["Can the stoneware mug go in the dishwasher", "Is the glass mug microwave safe", "How do I clean the infuser mug"],
    answer: "The stoneware mug is dishwasher and microwave safe. The glass tea mug is dishwasher safe and heat resistant; hand-wash its steel infuser and keep it out of the microwave.",
  },
  {
    externalId: "brewing-green-tea",
    category: "pre_purchase",
    question: "How do I brew sencha green tea?",
    alternatives: ["What water temperature for green tea", "How long should I steep sencha", "Brewing instructions for green tea", "Why is my green tea bitter"],
    answer: "Use one teaspoon (about 3 g) per 200 ml, water at 70 to 80 °C (not boiling) and steep 1 to 2 minutes. Boiling water or a long steep makes it bitter. The same leaves give two or three more cups.",
  },
  {
    externalId: "tea-storage",
    category: "pre_purchase",
    question: "How long does loose leaf tea keep?",
    alternatives: ["What is the shelf life of your tea", "How should I store tea", "Does tea expire", "Best before date on tea"],
    answer: "Sealed, our teas keep for 18 months (the best-before date is on the pouch). Once opened, keep them airtight, away from light, heat and strong smells; green tea tastes best within 3 months of opening.",
  },
  {
    externalId: "restock",
    category: "pre_purchase",
    question: "When will a sold-out item be back in stock?",
    alternatives: ["The glass mug is out of stock", "Restock date", "Can you notify me when it is available", "When do you get more stock"],
    answer: "Most items are back within 2 to 4 weeks. Tap \"Notify me\" on the product page and we email you the day it is back in stock.",
  },
];
