// The Socket.IO packet decoder of both namespaces, so that the wire's limits answer instead of
// disconnecting (issue 9 item 6, docs/realtime.md "Limits"). socket.io-parser closes the whole
// connection on a packet with more than 10 binary attachments, and the transport closes it on
// one above `maxHttpBufferSize`. Here:
// - a command whose JSON is over MAX_COMMAND_BYTES (but under the transport's limit) is
//   delivered with its payload replaced by a WireViolation, which the binder answers BAD_INPUT;
// - a command with binary attachments, any number of them, is delivered the same way once its
//   attachments have arrived. They are dropped as they arrive, never held: no command takes
//   binary data (files go over HTTP).
// Everything else is the stock decoder's behaviour (a malformed packet still closes the
// connection, as the protocol requires).
import { Decoder, Encoder, PacketType, type Packet } from "socket.io-parser";
import { MAX_COMMAND_BYTES } from "@/shared/commands";

/** Stands in for a payload the wire refused; the binder answers it with BAD_INPUT. */
export class WireViolation {
  constructor(readonly message: string) {}
}

const BINARY_HEADER = /^([56])(\d+)-/;

export class WireDecoder extends Decoder {
  /** The decoder that parses the JSON part of every packet. */
  private readonly json = new Decoder();
  private lastDecoded: Packet | null = null;
  /** A binary packet whose attachments are still arriving (and being dropped). */
  private awaiting: { packet: Packet; remaining: number } | null = null;

  constructor() {
    super();
    this.json.on("decoded", (packet: Packet) => {
      this.lastDecoded = packet;
    });
  }

  override add(chunk: unknown): void {
    if (typeof chunk !== "string") return this.addAttachment(chunk);
    if (this.awaiting) throw new Error("got plaintext data when reconstructing a packet");
    const header = BINARY_HEADER.exec(chunk);
    const attachments = header ? Number(header[2]) : 0;
    if (header && (!Number.isSafeInteger(attachments) || attachments < 1)) throw new Error("Illegal attachments");
    // A binary packet is parsed as its plain counterpart; its placeholders are never filled.
    const text = header ? `${header[1] === "5" ? PacketType.EVENT : PacketType.ACK}${chunk.slice(header[0].length)}` : chunk;
    this.json.add(text);
    const packet = this.lastDecoded;
    this.lastDecoded = null;
    if (!packet) throw new Error("invalid packet");
    if (attachments > 0) {
      this.awaiting = { packet: refuse(packet, "Commands take JSON only: send files with the upload endpoint, not over the socket."), remaining: attachments };
      return;
    }
    if (packet.type === PacketType.EVENT && jsonBytes(text) > MAX_COMMAND_BYTES) {
      refuse(packet, `This command is too large: at most ${MAX_COMMAND_BYTES / 1024} KiB.`);
    }
    this.emitReserved("decoded", packet);
  }

  override destroy(): void {
    this.awaiting = null;
    this.json.destroy();
  }

  private addAttachment(chunk: unknown): void {
    const isBinary = chunk instanceof ArrayBuffer || ArrayBuffer.isView(chunk) || (typeof chunk === "object" && chunk !== null && "base64" in chunk);
    if (!isBinary) throw new Error(`Unknown type: ${String(chunk)}`);
    if (!this.awaiting) throw new Error("got binary data when not reconstructing a packet");
    this.awaiting.remaining -= 1;
    if (this.awaiting.remaining > 0) return;
    const { packet } = this.awaiting;
    this.awaiting = null;
    this.emitReserved("decoded", packet);
  }
}

/** Bytes of the packet's JSON part (`[command, payload]`); the header before it is ASCII. */
function jsonBytes(text: string): number {
  const start = text.indexOf("[");
  return Buffer.byteLength(text) - (start < 0 ? 0 : start);
}

function refuse(packet: Packet, message: string): Packet {
  // An event keeps its name (so the binder can rate-limit and answer it); an ack from a client
  // has nothing to answer and is emptied.
  const data = Array.isArray(packet.data) ? (packet.data as unknown[]) : [];
  packet.data = packet.type === PacketType.EVENT ? [data[0], new WireViolation(message)] : [];
  return packet;
}

/** The parser option of the Socket.IO server. */
export const wireParser = { Encoder, Decoder: WireDecoder };
