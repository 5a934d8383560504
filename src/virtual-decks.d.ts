declare module 'virtual:decks' {
  import type { Content } from './deck/load';
  const content: Content;
  export default content;
}
