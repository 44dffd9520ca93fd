import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getSessionUser } from "@/server/auth";
import { safeCallbackUrl } from "@/server/safe-redirect";

export const metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  return <SignUpForm callbackUrl={callbackUrl} email={typeof params.email === "string" ? params.email : undefined} />;
}
