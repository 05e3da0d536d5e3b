import Link from "next/link";
import { entityHref } from "@/lib/domain/kinds";

export function EntityChip({ entity, testId = "entity-chip" }: { entity: { kind: string; slug: string; name: string }; testId?: string }) {
  const href = entityHref(entity);
  const label = entity.kind === "plan" && !entity.name.startsWith("《") ? `《${entity.name}》` : entity.name;
  if (!href) return <span className="chip" data-kind={entity.kind}>{label}</span>;
  return (
    <Link className="chip" data-kind={entity.kind} href={href} data-testid={testId}>
      {label}
    </Link>
  );
}
