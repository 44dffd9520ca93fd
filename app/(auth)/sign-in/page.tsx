import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { configuredProviders, getSessionUser } from "@/server/auth";
import { safeCallbackUrl } from "@/server/safe-redirect";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const error = typeof params.error === "string" && params.error !== "CredentialsSignin" ? params.error : undefined;
  return <SignInForm providers={configuredProviders()} callbackUrl={callbackUrl} error={error} />;
}
