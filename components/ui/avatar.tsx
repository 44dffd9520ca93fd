import { cn } from "./cn";

const sizes = {
  sm: "size-6 text-[10px]",
  default: "size-8 text-xs",
  lg: "size-10 text-sm",
} as const;

type AvatarProps = Omit<React.ComponentProps<"span">, "children"> & {
  /** Person or team name; initials are taken from it and it is the accessible name. */
  name: string;
  size?: keyof typeof sizes;
  /** Square corners, for teams and organisations. */
  square?: boolean;
};

/** First letters of the first and last word: "Ada Lovelace" → "AL", "ops-team" → "OT". */
export function initialsOf(name: string): string {
  const words = name
    .replace(/@.*$/, "")
    .split(/[\s._-]+/)
    .filter(Boolean);
  const first = words[0]?.[0] ?? "?";
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? "") : "";
  return (first + last).toUpperCase();
}

/**
 * Initials on a tint. No remote images: the console runs offline and a
 * third-party avatar service would leak who is signed in.
 */
export function Avatar({ name, size = "default", square, className, ...props }: AvatarProps) {
  return (
    <span
      data-slot="avatar"
      role="img"
      aria-label={name}
      title={name}
      className={cn(
        "inline-flex shrink-0 items-center justify-center overflow-hidden font-medium select-none",
        "border border-primary/15 bg-primary/10 text-primary dark:bg-primary/20",
        square ? "rounded-md" : "rounded-full",
        sizes[size],
        className,
      )}
      {...props}
    >
      <span aria-hidden>{initialsOf(name)}</span>
    </span>
  );
}
