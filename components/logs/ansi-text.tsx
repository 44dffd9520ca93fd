import Anser from "anser";
import { memo } from "react";

/** One line of terminal output with its ANSI colours rendered, and nothing else interpreted. */
export const AnsiText = memo(function AnsiText({ text }: { text: string }) {
  if (!text.includes("\u001b[")) return <>{text}</>;
  const parts = Anser.ansiToJson(text, { json: true, remove_empty: true, use_classes: false });
  return (
    <>
      {parts.map((part, index) => (
        <span
          key={index}
          style={{
            color: part.fg ? `rgb(${part.fg})` : undefined,
            backgroundColor: part.bg ? `rgb(${part.bg})` : undefined,
            fontWeight: part.decorations?.includes("bold") ? 600 : undefined,
            fontStyle: part.decorations?.includes("italic") ? "italic" : undefined,
            textDecoration: part.decorations?.includes("underline") ? "underline" : undefined,
          }}
        >
          {part.content}
        </span>
      ))}
    </>
  );
});
