// Type shims for packages that ship none, and build-time constants.
declare module 'mark.js/dist/mark.es6.js' {
  import Mark from 'mark.js';
  export default Mark;
}
/** True only in test builds (E2E=1 node build.mjs): test hooks are compiled out of shipped builds. */
declare const __E2E__: boolean;
/** True only in bench builds: performance marks. */
declare const __BENCH__: boolean;
