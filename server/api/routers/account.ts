import { z } from "zod";
import { signUp } from "@/server/accounts/sign-up";
import { displayNameSchema, emailSchema, passwordSchema } from "@/server/names";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "@/server/api/trpc";

export const accountRouter = createTRPCRouter({
  signUp: publicProcedure
    .input(z.object({ email: emailSchema, name: displayNameSchema, password: passwordSchema }))
    .mutation(({ input }) => signUp(input)),

  me: protectedProcedure.query(({ ctx }) => ctx.user),
});
