/** Every view has a URL, so the phone's back button and deep links work (offline too). */
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import HomeView from './views/HomeView.vue';
import StudyView from './views/StudyView.vue';

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView, meta: { title: 'Today' } },
  { path: '/study', name: 'study', component: StudyView, meta: { title: 'Study' } },
  { path: '/sources', name: 'sources', component: () => import('./views/SourcesView.vue'), meta: { title: 'Sources' } },
  { path: '/sources/:id', name: 'source', component: () => import('./views/SourcesView.vue'), meta: { title: 'Source' } },
  { path: '/browse', name: 'browse', component: () => import('./views/BrowseView.vue'), meta: { title: 'All cards' } },
  { path: '/card/:id', name: 'card', component: () => import('./views/CardView.vue'), meta: { title: 'Card' } },
  { path: '/quiz', name: 'quiz', component: () => import('./views/QuizView.vue'), meta: { title: 'Quiz' } },
  { path: '/quiz/play', name: 'quiz-play', component: () => import('./views/QuizPlayView.vue'), meta: { title: 'Quiz in progress' } },
  { path: '/quiz/results/:id', name: 'quiz-results', component: () => import('./views/QuizResultsView.vue'), meta: { title: 'Quiz results' } },
  { path: '/missed', name: 'missed', component: () => import('./views/MissedView.vue'), meta: { title: 'Missed cards' } },
  { path: '/missed/session', name: 'missed-session', component: () => import('./views/MissedSessionView.vue'), meta: { title: 'Missed cards review' } },
  { path: '/decks', name: 'decks', component: () => import('./views/DecksView.vue'), meta: { title: 'Decks' } },
  { path: '/timeline', name: 'timeline', component: () => import('./views/TimelineView.vue'), meta: { title: 'Timeline' } },
  { path: '/stats', name: 'stats', component: () => import('./views/StatsView.vue'), meta: { title: 'Statistics' } },
  { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue'), meta: { title: 'Settings' } },
  { path: '/more', name: 'more', component: () => import('./views/MoreView.vue'), meta: { title: 'More' } },
  { path: '/:rest(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue'), meta: { title: 'Not found' } },
];

export function makeRouter(history = createWebHistory(import.meta.env.BASE_URL)) {
  return createRouter({
    history,
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });
}
