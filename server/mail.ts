import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/server/env";

/** Sends a plain-text e-mail when SMTP is configured; returns whether it was sent. */
export async function sendMail(message: { to: string; subject: string; text: string }): Promise<boolean> {
  const { SMTP_URL, SMTP_FROM } = env();
  if (!SMTP_URL) return false;
  await nodemailer.createTransport(SMTP_URL).sendMail({ from: SMTP_FROM, ...message });
  return true;
}
