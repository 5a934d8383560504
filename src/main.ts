import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { makeRouter } from './router';
import { watchInstall } from './install';
import './styles/base.css';

watchInstall();
const app = createApp(App);
app.use(createPinia());
app.use(makeRouter());
app.mount('#app');
