/**
 * The engine's message catalogue and its renderer, as the page loads them: apart, by import() from
 * message.tsx (cold load, issue 17). The catalogue is the largest chunk the first graph does not need
 * (about 175 KB of both languages' sentences); a scene's first graph draws none of them unless it has
 * refused objects or a timeline.
 */
export { render, renderText } from '../engine';
