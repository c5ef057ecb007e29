import {
  Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  Pair,
  parseDocument,
  Scalar,
  YAMLMap,
  YAMLSeq,
  type Node,
  type ToStringOptions,
} from 'yaml';
import { z } from 'zod';

/*
 * Edits YAML text in place so that it holds new values, touching only what changed: an entry
 * whose value is the same (defaults counted, so an omitted `status: confirmed` is the same as a
 * written one) keeps its bytes, comments and style; a changed scalar is replaced where it stands;
 * a changed field is rewritten on its own lines; new entries go after their neighbours and removed
 * ones are cut out. What cannot be edited in place (a file that is not a list or map at the top)
 * is written whole through the YAML document, which still keeps comments and flow or block style.
 */

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * `text` rewritten to hold `desired`, or undefined when `text` is not YAML that can be edited.
 * `schema` gives the defaults a missing field takes; `keyOf` names the entries of a top-level
 * list (by id), so that they are matched by name, not by position.
 */
export function editYamlText(
  text: string,
  desired: unknown,
  schema: z.ZodType,
  keyOf: (entry: unknown) => string | undefined = idOf,
): string | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, keepSourceTokens: false });
  if (doc.errors.length > 0) return undefined;
  const editor = new YamlEditor(text, doc, lineCounter);
  const root = doc.contents;
  const done =
    isSeq(root) && !root.flow && root.items.length > 0 && Array.isArray(desired)
      ? editor.list(root, desired, arrayElement(schema), keyOf)
      : isMap(root) && !root.flow && isPlainObject(desired)
        ? editor.blockMap(root, desired, schema)
        : false;
  if (done) {
    const edited = editor.apply();
    if (readsAs(edited, desired, schema, keyOf)) return edited;
  }
  // The whole document written again: comments and styles still kept, the layout maybe not.
  doc.contents = updateNode(doc, root as Node | null, desired, schema) as typeof doc.contents;
  quoteMultiline(doc.contents as Node | null, false);
  const whole = doc.toString(renderOptions(text));
  return readsAs(whole, desired, schema, keyOf) ? whole : undefined;
}

/**
 * Whether text reads back as the value it was written for. Every edit is checked so, since what
 * the YAML library writes is not always what it reads (a text over lines inside [ ] or { }).
 */
function readsAs(
  text: string,
  desired: unknown,
  schema: z.ZodType,
  keyOf: (entry: unknown) => string | undefined,
): boolean {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return false;
  const read: unknown = doc.toJS();
  // Entries of a list keep the file's order, which need not be the order they were asked in.
  const byKey = (xs: unknown[]) => [...xs].sort((a, b) => ((keyOf(a) ?? '') < (keyOf(b) ?? '') ? -1 : 1));
  if (Array.isArray(read) && Array.isArray(desired)) return same(schema, byKey(read), byKey(desired));
  return same(schema, read, desired);
}

/** Texts over several lines inside [ ] or { } are written in double quotes, which read back as written. */
function quoteMultiline(node: Node | null, inFlow: boolean): void {
  if (isScalar(node)) {
    if (inFlow && typeof node.value === 'string' && node.value.includes('\n')) node.type = Scalar.QUOTE_DOUBLE;
  } else if (isMap(node)) {
    for (const p of node.items) quoteMultiline(p.value as Node | null, inFlow || Boolean(node.flow));
  } else if (isSeq(node)) {
    for (const item of node.items) quoteMultiline(item as Node | null, inFlow || Boolean(node.flow));
  }
}

function idOf(entry: unknown): string | undefined {
  return isPlainObject(entry) && typeof entry.id === 'string' ? entry.id : undefined;
}

class YamlEditor {
  private readonly edits: Edit[] = [];
  private readonly options: ToStringOptions;

  constructor(
    private readonly text: string,
    private readonly doc: Document,
    private readonly lc: LineCounter,
  ) {
    this.options = renderOptions(text);
  }

  apply(): string {
    let out = this.text;
    // From the end backwards. At one offset the cut goes before the insertion, so both stand, and
    // insertions go in the reverse of the order they were made, so that they read in that order
    // (a field added to an entry stays before the entry added after it).
    const order = this.edits.map((e, i) => ({ ...e, i }));
    for (const e of order.sort((a, b) => b.start - a.start || b.end - a.end || b.i - a.i))
      out = out.slice(0, e.start) + e.text + out.slice(e.end);
    return out;
  }

  /** A top-level list of entries matched by key: kept in the file's order, new ones after their neighbours. */
  list(
    seq: YAMLSeq,
    desired: unknown[],
    schema: z.ZodType | undefined,
    keyOf: (e: unknown) => string | undefined,
  ): boolean {
    const items = seq.items as Node[];
    if (!items.every((n) => this.startsOwnLine(n, true) && keyOf(n.toJS(this.doc)) !== undefined)) return false;
    const byKey = new Map(items.map((n) => [keyOf(n.toJS(this.doc))!, n]));
    const wanted = new Map<string, unknown>();
    for (const d of desired) {
      const key = keyOf(d);
      if (key === undefined || wanted.has(key)) return false;
      wanted.set(key, d);
    }
    for (const [key, node] of byKey) {
      if (!wanted.has(key)) this.edits.push({ ...this.itemSpan(node), text: '' });
      else if (!this.value(node, wanted.get(key), schema, false)) this.replaceItem(node, wanted.get(key), schema);
    }
    let after = this.lineStart(items[0]!.range![0]);
    let pending = '';
    for (const [key, d] of wanted) {
      const node = byKey.get(key);
      if (node) {
        if (pending) this.edits.push({ start: after, end: after, text: pending });
        pending = '';
        after = this.itemSpan(node).end;
      } else {
        const fresh = updateNode(this.doc, null, d, schema);
        imitateStyle(fresh, items[0]);
        pending += this.renderItem(fresh, 0);
      }
    }
    if (pending) this.edits.push({ start: after, end: after, text: pending });
    return true;
  }

  /** A block map edited field by field; false when a change needs its parent rewritten. */
  blockMap(map: YAMLMap, desired: Record<string, unknown>, schema: z.ZodType | undefined): boolean {
    const pairs = map.items as Pair<Node, Node | null>[];
    if (!pairs.every((p) => isScalar(p.key) && p.value !== null && this.startsOwnLine(p.key, false))) return false;
    const keys = pairs.map((p) => String((p.key as Scalar).value));
    const plan: Edit[] = [];
    for (const [i, pair] of pairs.entries()) {
      const key = keys[i]!;
      const sub = childSchema(schema, key);
      if (!(key in desired) || desired[key] === undefined) {
        if (same(sub, pair.value!.toJS(this.doc), undefined)) continue;
        if (i === 0) return false;
        plan.push({ start: this.lineStart(pair.key.range![0]), end: this.pairSpan(pair).end, text: '' });
      } else if (!this.value(pair.value!, desired[key], sub, false)) {
        plan.push({ ...this.pairSpan(pair), text: this.renderPair(key, pair, desired[key], sub) });
      }
    }
    const column = this.column(pairs[0]!.key!.range![0]);
    let after = this.pairSpan(pairs[0]!).end;
    for (const [key, value] of Object.entries(desired)) {
      const at = keys.indexOf(key);
      if (at >= 0) after = this.pairSpan(pairs[at]!).end;
      else if (value !== undefined && !same(childSchema(schema, key), undefined, value))
        plan.push({
          start: after,
          end: after,
          text: this.renderPair(key, undefined, value, childSchema(schema, key), column),
        });
    }
    this.edits.push(...plan);
    return true;
  }

  /**
   * Edits a node in place to hold `desired`; false when that cannot be done where it stands, and
   * then none of its edits are kept, so that the caller can rewrite the whole of it instead.
   */
  private value(node: Node, desired: unknown, schema: z.ZodType | undefined, inFlow: boolean): boolean {
    const mark = this.edits.length;
    const done = this.valueEdits(node, desired, schema, inFlow);
    if (!done) this.edits.length = mark;
    return done;
  }

  private valueEdits(node: Node, desired: unknown, schema: z.ZodType | undefined, inFlow: boolean): boolean {
    if (same(schema, node.toJS(this.doc), desired)) return true;
    if (isScalar(node)) return this.scalar(node, desired, inFlow);
    if ((isMap(node) || isSeq(node)) && node.flow) return this.flow(node, desired, schema, inFlow);
    if (isMap(node) && isPlainObject(desired)) return this.blockMap(node, desired, schema);
    if (isSeq(node) && Array.isArray(desired) && node.items.length === desired.length) {
      const element = arrayElement(schema);
      return (node.items as Node[]).every((item, i) => {
        if (this.value(item, desired[i], element, false)) return true;
        if (!this.startsOwnLine(item, true)) return false;
        this.replaceItem(item, desired[i], element);
        return true;
      });
    }
    return false;
  }

  private scalar(node: Scalar, desired: unknown, inFlow: boolean): boolean {
    const [start, end] = node.range!;
    if (!isPrimitive(desired) || this.text.slice(start, end).includes('\n')) return false;
    if (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) return false;
    const fresh = new Scalar(desired);
    if (typeof desired === 'string' && typeof node.value === 'string') fresh.type = node.type;
    const text = this.inline(fresh, inFlow);
    if (text === undefined) return false;
    this.edits.push({ start, end, text });
    return true;
  }

  /** A flow collection written on one line is rewritten on that line. */
  private flow(node: YAMLMap | YAMLSeq, desired: unknown, schema: z.ZodType | undefined, inFlow: boolean): boolean {
    const [start, end] = node.range!;
    if (this.text.slice(start, end).includes('\n')) return false;
    const fresh = updateNode(this.doc, node.clone(this.doc.schema) as Node, desired, schema);
    const text = this.inline(fresh, inFlow);
    if (text === undefined) return false;
    this.edits.push({ start, end, text });
    return true;
  }

  /** A node written on one line, as it would be inside a flow collection when `inFlow`. */
  private inline(node: Node, inFlow: boolean): string | undefined {
    quoteMultiline(node, inFlow);
    const holder = new Document(null);
    if (inFlow) {
      const seq = new YAMLSeq();
      seq.flow = true;
      seq.items = [node];
      holder.contents = seq;
    } else holder.contents = node;
    let text = holder.toString({ ...this.options, lineWidth: 0 }).replace(/\n$/, '');
    if (inFlow) text = text.replace(/^\[ ?/, '').replace(/ ?\]$/, '');
    return text.includes('\n') ? undefined : text;
  }

  private replaceItem(node: Node, desired: unknown, schema: z.ZodType | undefined): void {
    const span = this.itemSpan(node);
    const column = this.leadingSpaces(span.start);
    const fresh = updateNode(this.doc, node.clone(this.doc.schema) as Node, desired, schema);
    this.edits.push({ ...span, text: this.renderItem(fresh, column) });
  }

  private renderItem(node: Node, column: number): string {
    clearOuterComments(node);
    const seq = new YAMLSeq();
    seq.items = [node];
    return indent(this.render(seq, node), column, false);
  }

  private renderPair(
    key: string,
    pair: Pair<Node, Node | null> | undefined,
    desired: unknown,
    schema: z.ZodType | undefined,
    column?: number,
  ): string {
    const fresh = pair ? (pair.clone(this.doc.schema) as Pair<Node, Node | null>) : new Pair(this.doc.createNode(key));
    fresh.value = updateNode(this.doc, fresh.value as Node | null, desired, schema);
    clearOuterComments(fresh.key as Node);
    const map = new YAMLMap();
    map.items = [fresh];
    const at = column ?? this.column(pair!.key.range![0]);
    // The span of an existing pair starts at its key, so its first line keeps what stands before it.
    return indent(this.render(map, fresh.value), at, pair !== undefined);
  }

  private render(node: Node, value: unknown): string {
    quoteMultiline(node, false);
    const holder = new Document(null);
    holder.contents = node;
    // A folded text keeps its folding; anything else stays on one line, as the files are written.
    const folded = isScalar(value) && value.type === Scalar.BLOCK_FOLDED;
    return holder.toString({ ...this.options, lineWidth: folded ? 100 : 0 });
  }

  /** From the start of an item's "- " line to the end of its last value's line. */
  private itemSpan(node: Node): { start: number; end: number } {
    return { start: this.lineStart(node.range![0]), end: this.lineEnd(node.range![1]) };
  }

  /** From a field's key to the end of its value's last line. */
  private pairSpan(pair: Pair<Node, Node | null>): { start: number; end: number } {
    const end = (pair.value ?? pair.key).range![1];
    return { start: pair.key.range![0], end: this.lineEnd(end) };
  }

  /** Whether a node starts its own line: after nothing but indentation (and "- " for a list item). */
  private startsOwnLine(node: Node, item: boolean): boolean {
    const start = node.range?.[0];
    if (start === undefined) return false;
    const before = this.text.slice(this.lineStart(start), start);
    return item ? /^ *- +$/.test(before) : /^ *(?:- +)?$/.test(before);
  }

  private leadingSpaces(offset: number): number {
    let n = 0;
    while (this.text[offset + n] === ' ') n++;
    return n;
  }

  private lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  private lineEnd(offset: number): number {
    if (offset > 0 && this.text[offset - 1] === '\n') return offset;
    const nl = this.text.indexOf('\n', offset);
    return nl < 0 ? this.text.length : nl + 1;
  }

  private column(offset: number): number {
    return this.lc.linePos(offset).col - 1;
  }
}

/** `node` changed to hold `desired`, keeping its style, comments and the fields that still hold. */
export function updateNode(doc: Document, node: Node | null, desired: unknown, schema: z.ZodType | undefined): Node {
  if (node && same(schema, node.toJS(doc), desired)) return node;
  if (isScalar(node) && isPrimitive(desired)) {
    node.value = desired;
    if (typeof desired !== 'string') node.type = undefined;
    return node;
  }
  if (isMap(node) && isPlainObject(desired)) {
    for (const pair of [...node.items]) {
      const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
      const sub = childSchema(schema, key);
      if (desired[key] === undefined) {
        if (!same(sub, (pair.value as Node | null)?.toJS(doc), undefined)) node.delete(pair.key);
      } else pair.value = updateNode(doc, pair.value as Node | null, desired[key], sub);
    }
    for (const [key, value] of Object.entries(desired)) {
      const sub = childSchema(schema, key);
      if (value !== undefined && !node.has(key) && !same(sub, undefined, value))
        node.items.push(new Pair(doc.createNode(key), updateNode(doc, null, value, sub)));
    }
    return node;
  }
  if (isSeq(node) && Array.isArray(desired)) {
    const element = arrayElement(schema);
    const model = node.items[0] as Node | undefined;
    node.items = desired.map((d, i) => {
      const old = node.items[i] as Node | undefined;
      const item = updateNode(doc, old ?? null, d, element);
      if (!old) imitateStyle(item, model);
      return item;
    });
    return node;
  }
  const fresh = doc.createNode(desired) as Node;
  if ((isMap(node) || isSeq(node)) && node.flow && (isMap(fresh) || isSeq(fresh))) fresh.flow = true;
  if (isPlainObject(desired) && isMap(fresh)) {
    // Fields at their default are left out of new entries, as a person would write them.
    fresh.items = fresh.items.filter(
      (p) =>
        isPair(p) &&
        !same(childSchema(schema, String((p.key as Scalar).value)), undefined, (p.value as Node)?.toJS(doc)),
    );
  }
  return fresh;
}

/** Gives a new entry the flow or block style and the quoting of an entry already in the file. */
function imitateStyle(fresh: Node, model: Node | undefined): void {
  if (!model) return;
  if (isMap(fresh) && isMap(model)) {
    fresh.flow = model.flow;
    for (const pair of fresh.items) imitateStyle(pair.value as Node, model.get(pair.key, true) as Node | undefined);
  } else if (isSeq(fresh) && isSeq(model)) {
    fresh.flow = model.flow;
    for (const item of fresh.items) imitateStyle(item as Node, model.items[0] as Node | undefined);
  } else if (isScalar(fresh) && isScalar(model) && typeof fresh.value === 'string' && typeof model.value === 'string') {
    if (model.type === Scalar.QUOTE_DOUBLE || model.type === Scalar.QUOTE_SINGLE) fresh.type = model.type;
  }
}

function clearOuterComments(node: Node): void {
  node.commentBefore = undefined;
  node.spaceBefore = false;
  if (isMap(node) || isSeq(node)) node.comment = undefined;
}

function indent(text: string, column: number, skipFirst: boolean): string {
  if (column === 0) return text;
  const pad = ' '.repeat(column);
  return text.replace(/^(?=.)/gm, (m, offset: number) => (skipFirst && offset === 0 ? m : pad));
}

/** How the file writes what is written fresh: sequences indented under their key or not, flow with or without padding. */
function renderOptions(text: string): ToStringOptions {
  const unindented = /^( *)[\w-]+:\n\1- /m.test(text);
  const padded = /[[{] [^\]}\n]* [\]}]/.test(text) && !/[[{][^ \]}\n]/.test(text);
  return { indentSeq: !unindented, flowCollectionPadding: padded, lineWidth: 0 };
}

/** Whether two values are the same once each is read through the schema (so defaults count). */
export function same(schema: z.ZodType | undefined, a: unknown, b: unknown): boolean {
  if (schema) {
    const pa = schema.safeParse(a);
    const pb = schema.safeParse(b);
    if (pa.success && pb.success) return canonical(pa.data) === canonical(pb.data);
  }
  return canonical(a) === canonical(b);
}

/** The schema of a field of an object schema, seen through optional, default and lazy wrappers. */
export function childSchema(schema: z.ZodType | undefined, key: string): z.ZodType | undefined {
  const inner = unwrap(schema);
  return inner instanceof z.ZodObject ? (inner.shape as Record<string, z.ZodType>)[key] : undefined;
}

function arrayElement(schema: z.ZodType | undefined): z.ZodType | undefined {
  const inner = unwrap(schema);
  return inner instanceof z.ZodArray ? (inner.element as z.ZodType) : undefined;
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let s = schema;
  for (let i = 0; i < 10 && s; i++) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable)
      s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodLazy) s = s.unwrap() as z.ZodType;
    else return s;
  }
  return s;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isPrimitive(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** JSON with sorted keys, so that key order does not make two values differ. */
export function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_k, v: unknown) =>
      isPlainObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
    ) ?? 'undefined'
  );
}
