"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { Suggestion } from "@/lib/search/suggest";
import styles from "./search.module.css";

/** How long typing must pause before the results (and suggestions) follow it. */
export const INSTANT_DEBOUNCE_MS = 300;
const RECENT_KEY = "delta-atlas:recent-queries";
const RECENT_MAX = 8;

interface Option {
  key: string;
  label: string;
  kind: string;
  /** What choosing it searches for. */
  query: string;
  note: string | null;
}

function readRecent(): string[] {
  try {
    const v = JSON.parse(window.localStorage.getItem(RECENT_KEY) ?? "[]") as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

function rememberQuery(q: string): void {
  try {
    window.localStorage.setItem(RECENT_KEY, JSON.stringify([q, ...readRecent().filter((r) => r !== q)].slice(0, RECENT_MAX)));
  } catch {
    // Private mode or storage full: recent queries are a convenience.
  }
}

/**
 * The search box's text input. Without JavaScript it is a plain field of the GET form. With it, the results follow
 * the text as it is typed (debounced; the URL is replaced so it always describes what is shown, filters and sort
 * kept from the form), and a list suggests entities with their kind and the reader's recent queries: ↓/↑ move,
 * Enter searches the highlighted one, Esc closes.
 */
export function InstantSearchInput({ defaultValue, className }: { defaultValue: string; className?: string | undefined }) {
  const router = useRouter();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<AbortController | null>(null);
  const composing = useRef(false);
  const [options, setOptions] = useState<Option[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  useEffect(() => {
    if (defaultValue.trim()) rememberQuery(defaultValue.trim());
  }, [defaultValue]);

  const urlFor = useCallback((q: string) => {
    const form = input.current?.form;
    const sp = new URLSearchParams();
    if (form) for (const [k, v] of new FormData(form)) if (typeof v === "string" && k !== "q" && k !== "page") sp.append(k, v);
    if (q.trim()) sp.set("q", q.trim());
    const s = sp.toString();
    return s ? `/?${s}` : "/";
  }, []);

  const loadOptions = useCallback(async (q: string) => {
    inflight.current?.abort();
    const recent = readRecent().filter((r) => r !== q.trim() && (!q.trim() || r.includes(q.trim()))).slice(0, 4);
    const recentOptions: Option[] = recent.map((r) => ({ key: `recent:${r}`, label: r, kind: "最近检索", query: r, note: null }));
    let entityOptions: Option[] = [];
    if (q.trim()) {
      const ctrl = new AbortController();
      inflight.current = ctrl;
      try {
        const res = await fetch(`/api/suggest?q=${encodeURIComponent(q.trim())}`, { signal: ctrl.signal });
        if (res.ok) {
          const body = (await res.json()) as { suggestions: Suggestion[] };
          entityOptions = body.suggestions.map((s) => ({ key: s.id, label: s.name, kind: s.kindLabel, query: s.name, note: s.matched }));
        }
      } catch {
        if (ctrl.signal.aborted) return;
      }
    }
    const next = [...entityOptions, ...recentOptions];
    setOptions(next);
    setActive(-1);
    setOpen(next.length > 0);
  }, []);

  const schedule = useCallback(
    (q: string) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        router.replace(urlFor(q), { scroll: false });
        void loadOptions(q);
      }, INSTANT_DEBOUNCE_MS);
    },
    [loadOptions, router, urlFor],
  );

  // Text typed before the page became interactive (hydration) fired no change event: follow it now.
  useEffect(() => {
    const typed = input.current?.value ?? "";
    if (typed !== defaultValue) schedule(typed);
    return () => {
      if (timer.current) clearTimeout(timer.current);
      inflight.current?.abort();
    };
    // Only on mount: later changes come through onChange.
  }, []);

  const choose = (o: Option) => {
    if (timer.current) clearTimeout(timer.current);
    if (input.current) input.current.value = o.query;
    setOpen(false);
    rememberQuery(o.query);
    router.push(urlFor(o.query), { scroll: false });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!open) {
        void loadOptions(e.currentTarget.value);
        e.preventDefault();
        return;
      }
      if (!options.length) return;
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      // −1 is the text box itself: ↓ from the last option comes back to it, ↑ from it goes to the last one.
      setActive((i) => {
        const next = i + step;
        return next >= options.length ? -1 : next < -1 ? options.length - 1 : next;
      });
    } else if (e.key === "Enter" && open && active >= 0 && options[active]) {
      e.preventDefault();
      choose(options[active]);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  const activeOption = open && active >= 0 ? options[active] : undefined;
  return (
    <div className={styles.combo}>
      <input
        ref={input}
        id="q"
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder="检索规划、项目、地区……如：示范区、沪苏嘉城际铁路、嘉善"
        autoComplete="off"
        enterKeyHint="search"
        className={className}
        data-testid="search-input"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeOption ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          if (!composing.current) schedule(e.currentTarget.value);
        }}
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={(e) => {
          composing.current = false;
          schedule(e.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          if (!e.currentTarget.value) void loadOptions("");
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <ul id={listId} role="listbox" aria-label="检索建议" className={styles.suggestions} hidden={!open} data-testid="suggestions">
        {options.map((o, i) => (
          <li
            key={o.key}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? styles.suggestionActive : undefined}
            data-testid="suggestion"
            data-kind={o.kind}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(o);
            }}
          >
            <span className={styles.suggestionKind}>{o.kind}</span> {o.label}
            {o.note ? <span className="muted small">（{o.note}）</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
