import topicData from "./data/topics.json";
import type { Topic } from "./types";

interface TopicFile {
  minScore: number;
  minHits: number;
  topics: Record<string, Record<string, number>>;
  /** Per topic, phrasings that expand a search to the topic without counting toward classification. */
  searchTerms: Record<string, string[]>;
  /** Per topic, groups of phrasings of one concept (防汛 / 防洪 / 排涝), most specific first; search-only too. */
  concepts: Record<string, string[][]>;
}
const data = topicData as TopicFile;

/** The keywords of one topic (empty for an unknown name). */
export function topicKeywords(name: string): string[] {
  return Object.keys(data.topics[name] ?? {});
}

/** What a search for the topic may be phrased as: its keywords and its search-only terms (交通互联, 河长制, 半导体). */
export function topicSearchTerms(name: string): string[] {
  return [...new Set([...topicKeywords(name), ...(data.searchTerms[name] ?? []), ...(data.concepts[name] ?? []).flat()])];
}

/**
 * The concepts of the taxonomy: each a group of phrasings of one thing within a topic (防汛, 防洪, 排涝 of
 * 生态环境), most specific first. A search for one member also finds the articles writing another (lib/search).
 */
export function topicConcepts(): { topic: string; terms: string[] }[] {
  return Object.entries(data.concepts).flatMap(([topic, groups]) => groups.map((terms) => ({ topic, terms })));
}

function countOf(text: string, word: string): number {
  let n = 0;
  for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + word.length)) n++;
  return n;
}

/**
 * Absolute strength of the named topics in a text: the sum over their keywords of weight × log2(1 + count).
 * Unlike classifyTopics (scores relative to the article's best topic) it says how much a text talks about them.
 */
export function topicStrength(text: string, names: readonly string[]): number {
  let sum = 0;
  for (const name of names) for (const [w, weight] of Object.entries(data.topics[name] ?? {})) sum += weight * Math.log2(1 + countOf(text, w));
  return sum;
}

/** Topics of an article from weighted keyword counts; scores in [0, 1], best first. */
export function classifyTopics(title: string, paragraphs: readonly string[]): Topic[] {
  // The title counts twice: it says what the article is about.
  const text = `${title}\n${title}\n${paragraphs.join("\n")}`;
  const raw: { name: string; sum: number; hits: number }[] = [];
  for (const [name, words] of Object.entries(data.topics)) {
    let sum = 0;
    let hits = 0;
    for (const [w, weight] of Object.entries(words)) {
      const n = countOf(text, w);
      if (n > 0) {
        hits++;
        // Diminishing returns: the tenth 一体化 says less than the first.
        sum += weight * Math.log2(1 + n);
      }
    }
    raw.push({ name, sum, hits });
  }
  const best = Math.max(...raw.map((r) => r.sum));
  if (best <= 0) return [];
  return raw
    .map((r) => ({ name: r.name, score: Math.round((r.sum / best) * 1000) / 1000, hits: r.hits }))
    .filter((r) => r.score >= data.minScore && r.hits >= data.minHits)
    .sort((a, b) => b.score - a.score)
    .map(({ name, score }) => ({ name, score }));
}
