// Group commit for buyers' messages (bench: message-path). Messages that arrive while the
// database is busy with earlier ones are appended together by ONE statement
// (APPEND_BUYER_MESSAGES_SQL) in one transaction: one round trip, one plan, one WAL flush for the
// group instead of one each. Each message is still answered only after the statement that stored
// it committed, so an acknowledgement never runs ahead of the data.
//
// The group is as large as the load makes it: a message waits at most until the event loop's
// current turn ends when a connection is free, and otherwise until one of the statements in
// flight returns. A buyer's messages never share a group (their order is their sequence numbers;
// the socket handler already sends one at a time per buyer). When a group's statement fails
// (a deadlock with another node, a message the database refuses), its messages are retried one
// per statement, so only the message at fault fails.
import type pg from "pg";
import { appendBuyerMessagesOnPool, type BuyerAppendInput, type FastPathOutcome } from "@/server/services/messaging/buyer-message-sql";

/** Statements in flight per pool: two keep both of PostgreSQL's cores busy on the 2-core machine without queueing on locks. */
const MAX_IN_FLIGHT = 2;
/** Messages per statement at most (the statement's input is one JSON document). */
const MAX_GROUP = 100;

interface Waiting {
  input: BuyerAppendInput;
  resolve: (outcome: FastPathOutcome) => void;
  reject: (error: unknown) => void;
}

export interface BuyerAppendGroup {
  append(input: BuyerAppendInput): Promise<FastPathOutcome>;
}

export function createBuyerAppendGroup(pool: pg.Pool): BuyerAppendGroup {
  let waiting: Waiting[] = [];
  let inFlight = 0;
  let scheduled = false;

  const schedule = () => {
    if (scheduled || inFlight >= MAX_IN_FLIGHT || waiting.length === 0) return;
    scheduled = true;
    // After this turn's I/O callbacks: messages read from sockets in the same turn share a group.
    setImmediate(flush);
  };

  function flush() {
    scheduled = false;
    while (inFlight < MAX_IN_FLIGHT && waiting.length > 0) run(takeGroup());
  }

  /** Up to MAX_GROUP waiting messages, at most one per buyer; the rest keep their order. */
  function takeGroup(): Waiting[] {
    const group: Waiting[] = [];
    const rest: Waiting[] = [];
    const buyers = new Set<string>();
    for (const item of waiting) {
      if (group.length < MAX_GROUP && !buyers.has(item.input.buyerId)) {
        buyers.add(item.input.buyerId);
        group.push(item);
      } else {
        rest.push(item);
      }
    }
    waiting = rest;
    return group;
  }

  function run(group: Waiting[]) {
    inFlight += 1;
    void appendBuyerMessagesOnPool(pool, group.map((item) => item.input))
      .then(
        (outcomes) => group.forEach((item, index) => item.resolve(outcomes[index]!)),
        (error: unknown) => {
          if (group.length === 1) return group[0]!.reject(error);
          // Each on its own, so one refused message does not fail the others.
          for (const item of group) {
            appendBuyerMessagesOnPool(pool, [item.input]).then(([outcome]) => item.resolve(outcome!), item.reject);
          }
        },
      )
      .finally(() => {
        inFlight -= 1;
        schedule();
      });
  }

  return {
    append(input) {
      return new Promise<FastPathOutcome>((resolve, reject) => {
        waiting.push({ input, resolve, reject });
        schedule();
      });
    },
  };
}

const groupsByPool = new WeakMap<pg.Pool, BuyerAppendGroup>();

/** The pool's one group (per process), made on first use. */
export function buyerAppendGroupOf(pool: pg.Pool): BuyerAppendGroup {
  let group = groupsByPool.get(pool);
  if (!group) {
    group = createBuyerAppendGroup(pool);
    groupsByPool.set(pool, group);
  }
  return group;
}
