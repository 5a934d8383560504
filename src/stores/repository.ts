/**
 * Which repository the stores use. The app uses IndexedDB; tests provide an in-memory one
 * before the first store is created.
 */
import type { Repository } from '../storage/repository';
import { IdbRepository } from '../storage/idb';

let current: Repository | null = null;

export function provideRepository(repo: Repository): void {
  current = repo;
}

export function useRepository(): Repository {
  return (current ??= new IdbRepository());
}
