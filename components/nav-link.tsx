"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** A nav link that marks itself as the current page (the only client state in the header). */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  // "/entities/plan" stands for every entity page.
  const section = href.split("/").slice(0, 2).join("/");
  const current = href === "/" ? pathname === "/" : pathname.startsWith(section);
  return (
    <Link href={href} aria-current={current ? "page" : undefined}>
      {children}
    </Link>
  );
}
