import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { ParleyError } from '../model/errors.js';

/** Debian's Chromium; `PARLEY_CHROMIUM` names another build. */
export function chromiumPath(): string {
  return process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';
}

export class ChromiumError extends ParleyError {}

/** How long one page may take to load, print or be drawn before Chromium is given up on. */
const STEP_TIMEOUT_MS = 60_000;

interface Pending {
  resolve(v: Record<string, unknown>): void;
  reject(e: Error): void;
  method: string;
}

/**
 * A headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`):
 * no port, no download, no library beyond Node. Enough of the protocol to open a local page,
 * measure elements, take screenshots of them and print the page to PDF.
 */
export class HeadlessChromium {
  readonly #proc: ChildProcess;
  readonly #out: Writable;
  readonly #pending = new Map<number, Pending>();
  readonly #events: { method: string; sessionId?: string; resolve(): void }[] = [];
  readonly #profile: string;
  #next = 1;
  #buffer = '';
  #session = '';

  private constructor(proc: ChildProcess, profile: string) {
    this.#proc = proc;
    this.#profile = profile;
    this.#out = proc.stdio[3] as Writable;
    (proc.stdio[4] as Readable).on('data', (chunk: Buffer) => this.#receive(chunk.toString('utf8')));
    proc.on('exit', () => {
      for (const p of this.#pending.values()) p.reject(new ChromiumError(`Chromium exited during ${p.method}`));
      this.#pending.clear();
    });
  }

  /** Starts Chromium with a fresh profile and one blank page. */
  static async launch(): Promise<HeadlessChromium> {
    const path = chromiumPath();
    if (!existsSync(path))
      throw new ChromiumError(
        `Chromium is not installed at ${path}: PDF briefs and Word charts need it (apt-get install chromium, or set PARLEY_CHROMIUM)`,
      );
    const profile = mkdtempSync(join(tmpdir(), 'parley-chromium-'));
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--no-default-browser-check',
      '--hide-scrollbars',
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      'about:blank',
    ];
    const proc = spawn(path, args, { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
    const browser = new HeadlessChromium(proc, profile);
    try {
      const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
      const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
      browser.#session = sessionId as string;
      await browser.send('Page.enable', {}, true);
      return browser;
    } catch (e) {
      await browser.close();
      throw new ChromiumError(`Chromium at ${path} did not start`, { cause: e });
    }
  }

  #receive(text: string): void {
    this.#buffer += text;
    let end = this.#buffer.indexOf('\0');
    while (end !== -1) {
      const msg = JSON.parse(this.#buffer.slice(0, end)) as {
        id?: number;
        method?: string;
        sessionId?: string;
        result?: Record<string, unknown>;
        error?: { message: string };
      };
      this.#buffer = this.#buffer.slice(end + 1);
      end = this.#buffer.indexOf('\0');
      if (msg.id !== undefined) {
        const p = this.#pending.get(msg.id);
        this.#pending.delete(msg.id);
        if (msg.error) p?.reject(new ChromiumError(`Chromium refused ${p.method}: ${msg.error.message}`));
        else p?.resolve(msg.result ?? {});
      } else if (msg.method) {
        const i = this.#events.findIndex((e) => e.method === msg.method);
        if (i !== -1) this.#events.splice(i, 1)[0]!.resolve();
      }
    }
  }

  /** Sends one protocol command (to the page when `page`), failing after a minute. */
  send(method: string, params: Record<string, unknown> = {}, page = false): Promise<Record<string, unknown>> {
    const id = this.#next++;
    const message = { id, method, params, ...(page ? { sessionId: this.#session } : {}) };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new ChromiumError(`Chromium did not answer ${method} within ${STEP_TIMEOUT_MS / 1000} s`));
      }, STEP_TIMEOUT_MS);
      const done = (f: () => void) => {
        clearTimeout(timer);
        f();
      };
      this.#pending.set(id, {
        method,
        resolve: (v) => done(() => resolve(v)),
        reject: (e) => done(() => reject(e)),
      });
      this.#out.write(`${JSON.stringify(message)}\0`);
    });
  }

  /** Opens an HTML page (written to a temporary file, so it is a plain local page) and waits for it to load. */
  async open(html: string, viewport: { width: number; height: number }): Promise<void> {
    const file = join(this.#profile, `page-${this.#next}.html`);
    writeFileSync(file, html);
    await this.send('Emulation.setDeviceMetricsOverride', { ...viewport, deviceScaleFactor: 1, mobile: false }, true);
    const loaded = new Promise<void>((resolve) => this.#events.push({ method: 'Page.loadEventFired', resolve }));
    await this.send('Page.navigate', { url: pathToFileURL(file).href }, true);
    await loaded;
  }

  /** A value computed in the page. */
  async evaluate<T>(expression: string): Promise<T> {
    const r = await this.send('Runtime.evaluate', { expression, returnByValue: true }, true);
    return (r.result as { value: T }).value;
  }

  /** A PNG of a region of the page, at `scale` times its CSS pixels. */
  async screenshot(clip: { x: number; y: number; width: number; height: number }, scale = 2): Promise<Buffer> {
    const r = await this.send(
      'Page.captureScreenshot',
      { format: 'png', clip: { ...clip, scale }, captureBeyondViewport: true },
      true,
    );
    return Buffer.from(r.data as string, 'base64');
  }

  /** The page printed to PDF with its own @page size and margins, backgrounds included. */
  async pdf(): Promise<Buffer> {
    const r = await this.send('Page.printToPDF', { printBackground: true, preferCSSPageSize: true }, true);
    return Buffer.from(r.data as string, 'base64');
  }

  async close(): Promise<void> {
    if (this.#proc.exitCode === null) {
      const exited = new Promise((resolve) => this.#proc.once('exit', resolve));
      this.send('Browser.close').catch(() => this.#proc.kill('SIGKILL'));
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (this.#proc.exitCode === null) this.#proc.kill('SIGKILL');
    }
    rmSync(this.#profile, { recursive: true, force: true });
  }
}

/** Runs `work` with a headless Chromium and closes it afterwards, whatever happens. */
export async function withChromium<T>(work: (browser: HeadlessChromium) => Promise<T>): Promise<T> {
  const browser = await HeadlessChromium.launch();
  try {
    return await work(browser);
  } finally {
    await browser.close();
  }
}
