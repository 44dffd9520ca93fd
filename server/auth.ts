import "server-only";
import type { NextAuthOptions, User } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import type { OAuthConfig, Provider } from "next-auth/providers/index";
import { linkExternalAccount } from "@/server/accounts/link-external-account";
import { verifyCredentials } from "@/server/accounts/verify-credentials";
import type { SessionUser } from "@/server/api/context";
import { env } from "@/server/env";
import { CLIENT_IP_HEADER } from "@/server/client-ip";
import { AppError } from "@/server/errors";
import { emailSchema } from "@/server/names";

export { CLIENT_IP_HEADER } from "@/server/client-ip";

interface OidcProfile {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  preferred_username?: string;
}

function externalProviders(): Provider[] {
  const e = env();
  const providers: Provider[] = [];
  if (e.GITHUB_CLIENT_ID && e.GITHUB_CLIENT_SECRET) {
    providers.push(GitHubProvider({ clientId: e.GITHUB_CLIENT_ID, clientSecret: e.GITHUB_CLIENT_SECRET }));
  }
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET) {
    const oidc: OAuthConfig<OidcProfile> = {
      id: "oidc",
      name: e.OIDC_NAME,
      type: "oauth",
      wellKnown: `${e.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile: (profile) => ({ id: profile.sub, email: profile.email, name: profile.name ?? profile.preferred_username }),
    };
    providers.push(oidc);
  }
  return providers;
}

/** The sign-in options shown on the sign-in page: only the providers that are configured. */
export function configuredProviders(): { id: string; name: string }[] {
  return externalProviders().map((provider) => ({ id: provider.id, name: provider.name }));
}

export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    // Credentials sign-in needs JWT sessions in next-auth v4.
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "E-mail and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          const email = emailSchema.safeParse(credentials?.email ?? "");
          const password = credentials?.password ?? "";
          if (!email.success || !password || password.length > 200) throw new Error("Wrong e-mail or password.");
          const headers = (request?.headers ?? {}) as Record<string, string | undefined>;
          try {
            const user = await verifyCredentials({ email: email.data, password, ip: headers[CLIENT_IP_HEADER] ?? null });
            return user satisfies User;
          } catch (error) {
            // next-auth shows the thrown message on the sign-in page.
            if (error instanceof AppError) throw new Error(error.message);
            throw error;
          }
        },
      }),
      ...externalProviders(),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (!account || account.provider === "credentials") return true;
        const verified =
          account.provider === "github" ? true : Boolean((profile as OidcProfile | undefined)?.email_verified);
        try {
          const linked = await linkExternalAccount({
            provider: account.provider,
            providerAccountId: account.providerAccountId,
            email: user.email,
            emailVerified: verified,
            name: user.name,
          });
          Object.assign(user, linked);
          return true;
        } catch (error) {
          if (error instanceof AppError) return `/sign-in?error=${encodeURIComponent(error.message)}`;
          throw error;
        }
      },
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.email = user.email;
          token.name = user.name;
        }
        return token;
      },
      session({ session, token }) {
        session.user = { id: token.sub!, email: token.email!, name: token.name ?? token.email! } as typeof session.user;
        return session;
      },
    },
  };
}

/** The signed-in user of the current request (server components, route handlers), or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  const user = session?.user as Partial<SessionUser> | undefined;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? user.email };
}
