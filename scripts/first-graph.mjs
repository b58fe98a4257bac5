// When a page drew its first graph (its first "svclab:graph" mark, in ms from navigation start), waited
// for without touching the page meanwhile (issue 17, cold load). Playwright's waitForFunction polls on
// every animation frame and first injects its own ~60 ms script into the page: on two cores that was
// the measurement slowing the load it measured (the same build: median 1,094 ms polled, 1,000 ms
// observed; 8 alternating loads each). One evaluate holds a PerformanceObserver instead, which the
// mark resolves; a mark already made resolves it at once.
/** @param {import('playwright-core').Page} page @returns {Promise<number>} */
export const firstGraphAt = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        const first = () => performance.getEntriesByName('svclab:graph')[0]?.startTime;
        if (first() !== undefined) return resolve(first());
        new PerformanceObserver((list, observer) => {
          if (list.getEntriesByName('svclab:graph').length === 0) return;
          observer.disconnect();
          resolve(first());
        }).observe({ type: 'mark' });
      }),
  );
