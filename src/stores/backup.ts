/**
 * Backup: export everything to one file; import a file after validating it and showing what it
 * will change, then replace everything in one atomic step. Reset all progress.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { makeBackup, previewImport, readBackup, type Backup, type BackupData, type ImportPreview } from '../storage/backup';
import { replay } from '../engine/replay';
import { Scheduler, DEFAULT_SCHEDULER, type SchedulerSettings } from '../engine/scheduler';
import { ValidationErrors } from '../deck/errors';
import { useRepository } from './repository';
import { useCollectionStore } from './collection';
import { now } from './clock';

export const APP_VERSION = __APP_VERSION__;

export const useBackupStore = defineStore('backup', () => {
  const lastBackup = ref<number | null>(null);
  const pending = shallowRef<{ backup: Backup; preview: ImportPreview; rebuilt: number } | null>(null);
  const error = ref<string | null>(null);

  async function load() {
    lastBackup.value = (await useRepository().getValue<number>('lastBackup')) ?? null;
  }

  /** The backup file's name and text. Marks the time of the last backup. */
  async function exportBackup(): Promise<{ name: string; text: string }> {
    // Not flush(): with the disk full a write may be failing for a long time, and the backup is
    // exactly what the student needs then. What is stored is exported.
    await useCollectionStore().settled();
    const repo = useRepository();
    const t = now();
    const data = await repo.exportAll();
    data.kv.lastBackup = t;
    const b = await makeBackup(data, APP_VERSION, t);
    try {
      await repo.setValue('lastBackup', t);
      lastBackup.value = t;
    } catch {
      // The date of the last backup could not be stored (a full disk): the file matters more.
    }
    return { name: `durand-backup-${new Date(t).toISOString().slice(0, 10)}.json`, text: JSON.stringify(b) };
  }

  /** Validate a file and prepare the preview. Changes nothing. */
  async function prepareImport(text: string, file: string): Promise<boolean> {
    error.value = null;
    pending.value = null;
    try {
      const backup = await readBackup(text, file);
      const current = await useRepository().exportAll();
      // The log is the truth: card states are rebuilt from it, with the backup's own settings.
      const settings = (backup.data.kv.settings as { scheduler?: SchedulerSettings } | undefined)?.scheduler ?? DEFAULT_SCHEDULER;
      const rebuilt = replay(backup.data.events, new Scheduler(settings));
      const given = new Map(backup.data.cards.map((c) => [c.cardId, JSON.stringify(c)]));
      let differ = 0;
      for (const [id, s] of rebuilt) if (given.get(id) !== JSON.stringify(s)) differ++;
      if (differ) backup.data.cards = [...rebuilt.values()];
      pending.value = { backup, preview: previewImport(current, backup), rebuilt: differ };
      return true;
    } catch (e) {
      error.value = e instanceof ValidationErrors ? e.errors.map((x) => x.message).slice(0, 5).join('\n') : `${file}: ${(e as Error).message}`;
      return false;
    }
  }

  /** Replace everything with the prepared backup, in one atomic step. */
  async function confirmImport(): Promise<void> {
    const p = pending.value;
    if (!p) return;
    await useCollectionStore().flush();
    await useRepository().replaceAll(p.backup.data);
    useCollectionStore().announceReplaced();
    pending.value = null;
  }

  function cancelImport() {
    pending.value = null;
  }

  /** Delete all progress: reviews, card states, quizzes, settings. */
  async function resetAll(): Promise<void> {
    await useCollectionStore().flush();
    const empty: BackupData = { events: [], cards: [], kv: {} };
    await useRepository().replaceAll(empty);
    useCollectionStore().announceReplaced();
  }

  return { lastBackup, pending, error, load, exportBackup, prepareImport, confirmImport, cancelImport, resetAll };
});
