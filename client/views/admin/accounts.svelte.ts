// The accounts tab's state: the list and the changes an admin makes to it, each through an
// admin.users.* mutation (lib/trpc.ts sends the CSRF header). After every change the list is read
// again rather than patched locally: the server applies rules the client does not repeat (admins
// are country-wide, the last admin stays), so its answer is the truth.
import { t } from '../../lib/i18n/i18n.svelte.ts';
import { trpc } from '../../lib/trpc.ts';
import { errorText, type Account, type NewAccountInput } from './admin-api.ts';

export interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

export class AccountList {
  items = $state<Account[]>([]);
  loading = $state(false);
  /** Outcome of the last row action (disable, enable, reset password), shown above the table. */
  notice = $state<Notice | null>(null);
  /** Ids with a change in flight: their buttons are disabled against double clicks. */
  busy = $state<number[]>([]);

  async load(): Promise<void> {
    this.loading = true;
    try {
      this.items = await trpc.admin.users.list.query();
    } catch (error) {
      this.notice = { kind: 'error', text: errorText(error) };
    } finally {
      this.loading = false;
    }
  }

  /** Throws the server's message, for the form to show next to its fields. */
  async create(input: NewAccountInput): Promise<Account> {
    const account = await trpc.admin.users.create.mutate(input);
    this.notice = { kind: 'ok', text: t('accounts.created', { username: account.username }) };
    await this.load();
    return account;
  }

  setDisabled(account: Account, disabled: boolean): Promise<boolean> {
    return this.#change(account, async () => {
      // disable has its own procedure; enabling goes through update.
      if (disabled) await trpc.admin.users.disable.mutate({ id: account.id });
      else await trpc.admin.users.update.mutate({ id: account.id, disabled: false });
      return t(disabled ? 'accounts.disabledDone' : 'accounts.enabledDone', { username: account.username });
    });
  }

  resetPassword(account: Account, password: string): Promise<boolean> {
    return this.#change(account, async () => {
      await trpc.admin.users.update.mutate({ id: account.id, password });
      return t('accounts.passwordChanged', { username: account.username });
    });
  }

  async #change(account: Account, work: () => Promise<string>): Promise<boolean> {
    this.busy = [...this.busy, account.id];
    this.notice = null;
    try {
      this.notice = { kind: 'ok', text: await work() };
      await this.load();
      return true;
    } catch (error) {
      this.notice = { kind: 'error', text: errorText(error) };
      return false;
    } finally {
      this.busy = this.busy.filter((id) => id !== account.id);
    }
  }
}
