// next-auth configuration: email + password, JWT sessions carrying the user, the current shop,
// the sign-in session and the member's session version (issue 15 item 4). The role is
// deliberately not trusted from the token: resolveSessionMember reads it fresh, and refuses a
// cookie whose sign-in session was revoked or has passed its absolute end.
import type { IncomingHttpHeaders } from "node:http";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/server/db/client";
import { getAuthSecret } from "@/server/auth/secret";
import { getSignInThrottle } from "@/server/auth/sign-in-throttle";
import { clientAddress, PEER_ADDRESS_HEADER } from "@/server/http/client-address";
import { getTrustedProxies } from "@/server/config";
import { SignInError, signIn } from "@/server/services/sign-in";
import { findSessionVersion, listUserShops } from "@/server/services/resolve-member";
import { revokeSignInSession, SESSION_IDLE_SECONDS } from "@/server/services/sign-in-sessions";
import { safeCallbackUrl } from "@/shared/auth-schemas";

declare module "next-auth" {
  interface Session {
    userId: string;
    shopId: string;
    sessionId: string;
    sessionVersion: number;
  }
  interface User {
    shopId: string;
    sessionId: string;
    sessionVersion: number;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    userId?: string;
    shopId?: string;
    sessionId?: string;
    sessionVersion?: number;
  }
}

const ZSwitchShop = z.object({ shopId: z.uuid() });


export function getAuthOptions(): NextAuthOptions {
  return {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" }, shopId: { type: "text" } },
        async authorize(credentials, req) {
          try {
            // The address comes from the socket's peer (stamped by server.ts), never from a header
            // the client wrote, unless TRUSTED_PROXIES names the proxy that wrote it.
            const headers = (req.headers ?? {}) as IncomingHttpHeaders;
            const address = clientAddress({ headers, peer: headerText(headers[PEER_ADDRESS_HEADER]) }, getTrustedProxies());
            const user = await signIn(getDb(), credentials, { address, throttle: getSignInThrottle() });
            return { id: user.userId, email: user.email, name: user.name, shopId: user.shopId, sessionId: user.sessionId, sessionVersion: user.sessionVersion };
          } catch (error) {
            // next-auth hands the thrown message to the page as `error`: a code, never details.
            if (error instanceof SignInError) throw new Error(error.pageCode);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user, trigger, session }) {
        if (user) {
          token.userId = user.id;
          token.shopId = user.shopId;
          token.sessionId = user.sessionId;
          token.sessionVersion = user.sessionVersion;
        }
        // Shop switch: `useSession().update({ shopId })`; accepted only for an active membership,
        // and the cookie takes that membership's session version.
        if (trigger === "update" && token.userId) {
          const parsed = ZSwitchShop.safeParse(session);
          if (parsed.success) {
            const shops = await listUserShops(getDb(), token.userId);
            const version = shops.some((shop) => shop.shopId === parsed.data.shopId)
              ? await findSessionVersion(getDb(), { userId: token.userId, shopId: parsed.data.shopId })
              : null;
            if (version !== null) {
              token.shopId = parsed.data.shopId;
              token.sessionVersion = version;
            }
          }
        }
        return token;
      },
      session({ session, token }) {
        session.userId = token.userId ?? "";
        session.shopId = token.shopId ?? "";
        session.sessionId = token.sessionId ?? "";
        session.sessionVersion = token.sessionVersion ?? -1;
        return session;
      },
      // Issue 15: only paths of this app, whatever callbackUrl asked for; never throws.
      redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackUrl(url, baseUrl)}`;
      },
    },
    events: {
      // Signing out revokes the sign-in session, so a copy of the cookie stops working too.
      async signOut({ token }) {
        if (token?.sessionId) await revokeSignInSession(getDb(), { sessionId: token.sessionId });
      },
    },
  };
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
