/**
 * The Aho–Corasick automaton behind the matcher, in two halves: built at build time into plain,
 * JSON-friendly data that ships on the term list (AutomatonData), and turned on the page into the
 * typed arrays the matching loop reads (Automaton). Building the Map-per-node trie and its fail
 * links on the page cost most of the matcher's 7–22 ms set-up; loading the data is a few linear
 * passes over typed arrays.
 */

export interface Pattern {
  /** Already folded with normalizeTerm, exactly as the page text will be. */
  text: string;
  /** The caller's id for the pattern (an index into its term table); returned with each match. */
  value: number;
}

export const TERMINAL = 1;
export const STARTS_WORD = 2;
export const ENDS_WORD = 4;
export const ALPHABET = 0x10000;
/** Raw offsets of the last RING folded chars are kept, to find a match's start from its depth. */
export const RING = 256;

export function isAsciiWordChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/**
 * The automaton as it ships. Nodes are numbered breadth first from the root (0), each node's
 * children in char order, so a node's children are consecutive and the child along edge e is node
 * e + 1, and every fail target comes before its node: the edge table, depths and the fail chain's
 * shortcuts are then rebuilt in one pass each instead of shipping them.
 */
export interface AutomatonData {
  /** How many children each node has, by node. */
  children: number[];
  /** The char on the edge into each node, from node 1 on. */
  chars: string;
  fail: number[];
  /** (node, value, flags) for each node ending a pattern. */
  terminals: number[];
  /** (node, word index) for each node ending a context word. */
  contextWords: number[];
}

/** What the matching loop reads. */
export interface Automaton {
  /** Root transitions by char; 0 means stay at the root. Dense because most page chars land here. */
  rootNext: Int32Array;
  /** Edges of node u are edgeChar[edgeStart[u] .. edgeStart[u+1]), sorted by char; edge e leads to node e + 1. */
  edgeStart: Int32Array;
  edgeChar: Uint16Array;
  fail: Int32Array;
  /** Nearest terminal node on the fail chain (0 = none; the root is never terminal). */
  dict: Int32Array;
  depth: Int32Array;
  flags: Uint8Array;
  value: Float64Array;
  /** Per node: the context word it ends, plus one (0 = none; a node may end a term and a context word both). */
  contextWord: Int32Array;
  /** Nearest node on the fail chain, the node itself included, that ends a context word (0 = none). */
  contextLink: Int32Array;
  /** Distinct non-empty patterns. */
  size: number;
}

/** The trie while it is built: node ids in insertion order, edges in a Map per node. */
interface Trie {
  children: Map<number, number>[];
  flags: number[];
  value: number[];
  /** Context word index plus one, 0 = none. */
  contextWord: number[];
}

/** Build time: the automaton for the patterns and the sense rules' context words. */
export function buildAutomatonData({ patterns, contextWords }: { patterns: ReadonlyArray<Pattern>; contextWords: readonly string[] }): AutomatonData {
  const trie = buildTrie({ patterns, contextWords });
  const order = breadthFirst({ children: trie.children });
  const id = new Int32Array(order.length);
  order.forEach((node, index) => (id[node] = index));
  const fail = failLinks({ children: trie.children });
  const data: AutomatonData = { children: [], chars: '', fail: [], terminals: [], contextWords: [] };
  const chars: string[] = [];
  for (const node of order) {
    const edges = trie.children[node] as Map<number, number>;
    data.children.push(edges.size);
    for (const code of [...edges.keys()].sort((a, b) => a - b)) chars.push(String.fromCharCode(code));
    data.fail.push(id[fail[node] as number] as number);
    const flags = trie.flags[node] as number;
    if (flags !== 0) data.terminals.push(id[node] as number, trie.value[node] as number, flags);
    const word = trie.contextWord[node] as number;
    if (word !== 0) data.contextWords.push(id[node] as number, word - 1);
  }
  data.chars = chars.join('');
  return data;
}

function buildTrie({ patterns, contextWords }: { patterns: ReadonlyArray<Pattern>; contextWords: readonly string[] }): Trie {
  const trie: Trie = { children: [new Map()], flags: [0], value: [0], contextWord: [0] };
  for (const { text, value } of patterns) {
    if (text.length === 0) continue;
    const node = insert({ trie, text });
    // Duplicates keep the first value: the caller lists canonical terms before aliases.
    if (((trie.flags[node] as number) & TERMINAL) !== 0) continue;
    let flags = TERMINAL;
    if (isAsciiWordChar(text.charCodeAt(0))) flags |= STARTS_WORD;
    if (isAsciiWordChar(text.charCodeAt(text.length - 1))) flags |= ENDS_WORD;
    trie.flags[node] = flags;
    trie.value[node] = value;
  }
  contextWords.forEach((word, index) => {
    trie.contextWord[insert({ trie, text: word })] = index + 1;
  });
  return trie;
}

/** The node ending `text`, created with the nodes on its way. */
function insert({ trie, text }: { trie: Trie; text: string }): number {
  // A match's start is found from the last RING folded chars; no real term comes near that.
  if (text.length >= RING) throw new Error(`pattern longer than ${RING - 1} chars: ${text.slice(0, 20)}…`);
  let node = 0;
  for (let i = 0; i < text.length; i++) {
    const edges = trie.children[node] as Map<number, number>;
    let next = edges.get(text.charCodeAt(i));
    if (next === undefined) {
      next = trie.children.length;
      trie.children.push(new Map());
      trie.flags.push(0);
      trie.value.push(0);
      trie.contextWord.push(0);
      edges.set(text.charCodeAt(i), next);
    }
    node = next;
  }
  return node;
}

/** Trie nodes in the order they ship: breadth first, each node's children by char. */
function breadthFirst({ children }: { children: ReadonlyArray<Map<number, number>> }): number[] {
  const order = [0];
  for (let head = 0; head < order.length; head++) {
    const edges = children[order[head] as number] as Map<number, number>;
    for (const code of [...edges.keys()].sort((a, b) => a - b)) order.push(edges.get(code) as number);
  }
  return order;
}

/** Each trie node's fail target: the node of its longest proper suffix in the trie. */
function failLinks({ children }: { children: ReadonlyArray<Map<number, number>> }): Int32Array {
  const fail = new Int32Array(children.length);
  // Breadth-first, so every node's fail target (shallower) is final before the node is reached.
  const queue = [...(children[0] as Map<number, number>).values()];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] as number;
    for (const [code, child] of children[node] as Map<number, number>) {
      let f = fail[node] as number;
      let target = 0;
      for (;;) {
        const next = (children[f] as Map<number, number>).get(code);
        if (next !== undefined) {
          target = next;
          break;
        }
        if (f === 0) break;
        f = fail[f] as number;
      }
      fail[child] = target;
      queue.push(child);
    }
  }
  return fail;
}

/** Run time: the typed arrays for the shipped data. */
export function loadAutomaton({ data }: { data: AutomatonData }): Automaton {
  const nodes = data.children.length;
  const edgeStart = new Int32Array(nodes + 1);
  const edgeChar = new Uint16Array(nodes - 1);
  const depth = new Int32Array(nodes);
  for (let node = 0; node < nodes; node++) {
    const first = edgeStart[node] as number;
    const last = first + (data.children[node] as number);
    edgeStart[node + 1] = last;
    for (let e = first; e < last; e++) {
      edgeChar[e] = data.chars.charCodeAt(e);
      depth[e + 1] = (depth[node] as number) + 1;
    }
  }
  const rootNext = new Int32Array(ALPHABET);
  for (let e = 0; e < (edgeStart[1] as number); e++) rootNext[edgeChar[e] as number] = e + 1;
  const flags = new Uint8Array(nodes);
  const value = new Float64Array(nodes);
  for (let t = 0; t < data.terminals.length; t += 3) {
    flags[data.terminals[t] as number] = data.terminals[t + 2] as number;
    value[data.terminals[t] as number] = data.terminals[t + 1] as number;
  }
  const contextWord = new Int32Array(nodes);
  for (let w = 0; w < data.contextWords.length; w += 2) contextWord[data.contextWords[w] as number] = (data.contextWords[w + 1] as number) + 1;
  const fail = Int32Array.from(data.fail);
  const { dict, contextLink } = failShortcuts({ fail, flags, contextWord });
  return { rootNext, edgeStart, edgeChar, fail, dict, depth, flags, value, contextWord, contextLink, size: data.terminals.length / 3 };
}

/**
 * Where the fail chain first meets a terminal and a context word, per node: followed per char, the
 * chains would be walked again and again. One pass: a fail target always has the smaller id.
 */
function failShortcuts({ fail, flags, contextWord }: { fail: Int32Array; flags: Uint8Array; contextWord: Int32Array }) {
  const dict = new Int32Array(fail.length);
  const contextLink = new Int32Array(fail.length);
  for (let node = 1; node < fail.length; node++) {
    const target = fail[node] as number;
    dict[node] = ((flags[target] as number) & TERMINAL) !== 0 ? target : (dict[target] as number);
    contextLink[node] = contextWord[node] !== 0 ? node : (contextLink[target] as number);
  }
  return { dict, contextLink };
}
