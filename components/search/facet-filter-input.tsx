"use client";

import { useCallback, type ChangeEvent } from "react";

/**
 * The facet filter's text box. Typing hides the already rendered values whose label does not contain
 * the text (a region stays when one of its sub-regions matches); Enter asks the server, which also
 * matches traditional characters and values that were not rendered.
 */
export function FacetFilterInput({ id, name, facet, defaultValue, placeholder, className }: {
  id: string;
  name: string;
  facet: string;
  defaultValue: string;
  placeholder: string;
  className?: string | undefined;
}) {
  const onChange = useCallback(
    (e: ChangeEvent<HTMLInputElement>) => {
      const section = e.currentTarget.closest("section");
      if (section) filterRenderedValues(section, facet, e.currentTarget.value);
    },
    [facet],
  );
  return (
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
  );
}

function filterRenderedValues(section: Element, facet: string, text: string) {
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
}
