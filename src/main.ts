import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { makeRouter } from './router';
import { watchInstall } from './install';
import { useAppStore } from './stores/app';
import { useContentStore } from './stores/content';
import './styles/base.css';

watchInstall();
const app = createApp(App);
app.use(createPinia());
const router = makeRouter();
// After an update, this tab's lazy views may be gone from the server and the cache. Say so and
// offer a reload (progress and a quiz in progress are saved), rather than fail silently.
router.onError((err: unknown, to) => {
  if (/dynamically imported module|Importing a module script failed|Failed to fetch/i.test(String((err as Error)?.message ?? err))) {
    useAppStore().stale = true;
    useAppStore().staleTarget = to.fullPath;
  }
});
// Between screens, card text not used lately is dropped (stores/content.ts).
router.afterEach(() => useContentStore().trim());
app.use(router);
app.mount('#app');
