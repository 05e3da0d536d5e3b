"use client";

import { useCallback, useState, type ChangeEvent } from "react";

/**
 * The facet filter's text box. Typing hides the already rendered values whose label does not contain
 * the text (a region stays when one of its sub-regions matches); Enter asks the server, which also
 * matches traditional characters and values that were not rendered.
 */
export function FacetFilterInput({ id, name, facet, label, defaultValue, placeholder, className, hintClassName }: {
  id: string;
  name: string;
  facet: string;
  /** What the values are (地区), for the hint shown when none of the rendered ones match. */
  label: string;
  defaultValue: string;
  placeholder: string;
  className?: string | undefined;
  hintClassName?: string | undefined;
}) {
  const [unmatched, setUnmatched] = useState("");
  const onChange = useCallback(
    (e: ChangeEvent<HTMLInputElement>) => {
      const text = e.currentTarget.value;
      const section = e.currentTarget.closest("section");
      if (!section) return;
      setUnmatched(filterRenderedValues(section, facet, text) === 0 && text.trim() ? text.trim() : "");
    },
    [facet],
  );
  return (
    <>
      <input
        id={id}
        name={name}
        type="search"
        defaultValue={defaultValue}
        placeholder={placeholder}
        autoComplete="off"
        enterKeyHint="search"
        className={className}
        data-testid={`value-filter-input-${facet}`}
        onChange={onChange}
      />
      {/* Always rendered: a live region announces changes only when it already exists. */}
      <p className={hintClassName} role="status" data-testid={`value-filter-hint-${facet}`}>
        {unmatched ? `列出的${label}中没有“${unmatched}”，按回车在全部${label}中查找。` : null}
      </p>
    </>
  );
}

/** Hides the rendered values that do not match; returns how many stay visible. */
function filterRenderedValues(section: Element, facet: string, text: string): number {
  const needle = text.trim().toLowerCase();
  const matches = (a: Element) => !needle || a.getAttribute("data-selected") === "true" || (a.getAttribute("data-label") ?? "").toLowerCase().includes(needle) || (a.getAttribute("data-value") ?? "").toLowerCase().includes(needle);
  // Deepest items first, so a parent knows whether a child stays visible.
  const items = [...section.querySelectorAll<HTMLLIElement>("li")].reverse();
  for (const li of items) {
    const link = li.querySelector(`:scope > [data-testid="facet-${facet}"]`);
    const childShown = [...li.querySelectorAll(":scope > ul > li")].some((c) => !(c as HTMLElement).hidden);
    li.hidden = !(link && matches(link)) && !childShown;
  }
  // Values folded under "另外 N 项" show while filtering.
  for (const details of section.querySelectorAll("details")) {
    if (needle) details.open = true;
  }
  return items.filter((li) => !li.hidden).length;
}
