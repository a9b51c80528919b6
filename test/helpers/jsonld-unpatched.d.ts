// jsonld exactly as published, without the rewrites of scripts/jsonld-shared-contexts.js: the test
// runner serves it under this name (web-test-runner.config.js), for the test comparing the two.
declare module 'jsonld-unpatched' {
  import jsonld from 'jsonld';
  export default jsonld;
}
