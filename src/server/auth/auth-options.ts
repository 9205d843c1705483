// next-auth configuration: email + password, JWT sessions carrying the user and current shop.
// The role is deliberately not trusted from the token: resolveMemberContext reads it fresh.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/server/db/client";
import { getAuthSecret } from "@/server/auth/secret";
import { SignInError, signIn } from "@/server/services/sign-in";
import { listUserShops } from "@/server/services/resolve-member";

declare module "next-auth" {
  interface Session {
    userId: string;
    shopId: string;
  }
  interface User {
    shopId: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    userId?: string;
    shopId?: string;
  }
}

const ZSwitchShop = z.object({ shopId: z.uuid() });

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export function getAuthOptions(): NextAuthOptions {
  return {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials) {
          try {
            const user = await signIn(getDb(), credentials);
            return { id: user.userId, email: user.email, name: user.name, shopId: user.shopId };
          } catch (error) {
            // next-auth hands the thrown message to the page as `error`: a code, never details.
            if (error instanceof SignInError) throw new Error(error.code);
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
        }
        // Shop switch: `useSession().update({ shopId })`; accepted only for an active membership.
        if (trigger === "update" && token.userId) {
          const parsed = ZSwitchShop.safeParse(session);
          if (parsed.success) {
            const shops = await listUserShops(getDb(), token.userId);
            if (shops.some((shop) => shop.shopId === parsed.data.shopId)) token.shopId = parsed.data.shopId;
          }
        }
        return token;
      },
      session({ session, token }) {
        session.userId = token.userId ?? "";
        session.shopId = token.shopId ?? "";
        return session;
      },
    },
  };
}
