/** The popup's one way to talk to the background: typed, and never throws. */
import browser from 'webextension-polyfill';
import { envelope, type ArgsOf, type PopupToBackground, type ReplyOf } from '../shared/messages.js';
import { fail, type Result } from '../shared/result.js';

const isResult = (v: unknown): v is Result<unknown> =>
  typeof v === 'object' && v !== null && typeof (v as { ok?: unknown }).ok === 'boolean';

/** Returns the background's Result for the message, or a failure if it could not be asked. */
export async function ask<K extends keyof PopupToBackground>(
  name: K, args: ArgsOf<PopupToBackground, K>,
): Promise<Result<ReplyOf<PopupToBackground, K>>> {
  try {
    const reply: unknown = await browser.runtime.sendMessage(envelope<PopupToBackground, K>(name, args));
    if (isResult(reply)) return reply as Result<ReplyOf<PopupToBackground, K>>;
    return fail('internal', 'The extension did not answer. Try reopening this panel.');
  } catch (e) {
    return fail('internal', e instanceof Error ? e.message : String(e));
  }
}
